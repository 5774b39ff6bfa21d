// Uploads of ASC-WDS files: check, preview, apply or discard. Response types live here, one place
// for the feature.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { commitImportInput, UploadPreviewView } from "../../shared/schemas";
import { api, apiUpload } from "../lib/api";

export interface UploadProblem {
  file: string;
  line: number | null;
  column: string | null;
  code: string;
  severity: "error" | "warning";
  message: string;
  workplace?: string;
  staff?: string;
}
export type PreviewWorkplace = UploadPreviewView["workplaces"][number];
export interface Upload {
  id: string;
  status: "validating" | "invalid" | "ready" | "committing" | "committed" | "failed" | "discarded";
  asAt: string;
  files: { name: string; kind: string; rows: number }[];
  summary: { errors: number; warnings: number; applied?: Record<string, number> } | null;
  preview: UploadPreviewView | null;
  problems: UploadProblem[];
  problemCount: number;
  progress: number;
  /** Why checking or applying it failed. */
  error: string | null;
}

export const uploadKeys = { upload: (orgId: string, importId: string) => ["import", orgId, importId] as const };

export const uploadQueries = {
  upload: (orgId: string, importId: string) =>
    queryOptions({
      queryKey: uploadKeys.upload(orgId, importId),
      queryFn: () => api<{ import: Upload }>("GET", `/api/orgs/${orgId}/imports/${importId}`),
      // Checking and applying run in the background: look again each second until they finish.
      refetchInterval: (q) =>
        q.state.data?.import.status === "validating" || q.state.data?.import.status === "committing" ? 1000 : false,
    }),
};

export const uploadApi = {
  upload: (orgId: string, form: FormData) => apiUpload<{ import: Upload }>(`/api/orgs/${orgId}/imports`, form),
  commit: (orgId: string, importId: string, body: z.input<typeof commitImportInput>) =>
    api<{ import: Upload }>("POST", `/api/orgs/${orgId}/imports/${importId}/commit`, body),
  discard: (orgId: string, importId: string) =>
    api<{ import: Upload }>("DELETE", `/api/orgs/${orgId}/imports/${importId}`),
};
