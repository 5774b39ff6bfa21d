import type { WorkerSource } from "./source";

// A section of a social worker's page and of "My social work" (issue 20): built by part C1.

export function AsyeSection(_props: { source: WorkerSource }) {
  return null;
}
