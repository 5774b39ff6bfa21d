import type { JobRow } from "../../jobs/worker";

/**
 * A failed job as the hub admin sees it: what it was, for which organisation, why it failed and
 * when. Never the payload (it names records and people's uploads); the reason carries a
 * reference to find the details in the log.
 */
export function presentFailedJob(job: JobRow, orgName: string | null) {
  return {
    id: job.id,
    kind: job.kind,
    lane: job.lane,
    orgId: job.orgId,
    orgName,
    reason: job.error ?? "failed",
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    createdAt: job.createdAt.toISOString(),
    failedAt: job.finishedAt?.toISOString() ?? null,
  };
}
