import type { OrgKind } from "../../../shared/permissions";
import type { Deps, OrgCtx } from "../../context";
import { handleJob, type JobRow, runJobNow } from "../../jobs/worker";
import type { UploadFile } from "../ascwds/read-upload";
import { findOrgById } from "../orgs/orgs.repo";
import { IMPORT_JOBS, type ImportJobPayload } from "./imports.job-types";
import * as repo from "./imports.repo";
import {
  commitStoredImport,
  createImport,
  getImportWithJob,
  importJobFailed,
  validateStoredImport,
} from "./imports.service";

export type { ImportJobPayload } from "./imports.job-types";

async function ctxFor(deps: Deps, p: ImportJobPayload, jobId: string): Promise<OrgCtx> {
  const org = await findOrgById(deps.db, p.orgId);
  return {
    db: deps.db,
    deps,
    log: deps.log.child({ importId: p.importId, jobId }),
    actor: { userId: p.userId, isHubAdmin: p.isHubAdmin },
    org: { id: org.id, kind: org.kind as OrgKind, name: org.name, slug: org.slug, isDemo: org.isDemo },
    role: p.role,
  };
}

/**
 * The upload a failed job belongs to, even when its stored payload did not parse: the failure is
 * recorded only on an upload that names this job, so a loose reading cannot touch another one.
 */
function uploadOf(p: ImportJobPayload | null, job: JobRow) {
  const raw = job.payload as { importId?: unknown; orgId?: unknown };
  const orgId = p?.orgId ?? job.orgId ?? (typeof raw.orgId === "string" ? raw.orgId : null);
  const importId = p?.importId ?? (typeof raw.importId === "string" ? raw.importId : null);
  const uuid = /^[0-9a-f-]{36}$/i;
  return orgId && importId && uuid.test(orgId) && uuid.test(importId) ? { orgId, importId } : null;
}

/** Uploads are checked, and large ones applied, by the job worker; the browser polls the upload's status. */
export const importJobs = [
  handleJob(IMPORT_JOBS.validate, {
    run: async (deps, p, job) => {
      await job.progress(10);
      const row = await validateStoredImport(await ctxFor(deps, p, job.id), p.importId);
      return { status: row?.status };
    },
    onFailed: async (deps, p, reason, job) => {
      const u = uploadOf(p, job);
      if (u) await importJobFailed(deps, u.orgId, u.importId, job.id, "validate", reason);
    },
  }),
  handleJob(IMPORT_JOBS.commit, {
    run: async (deps, p, job) => {
      const ctx = await ctxFor(deps, p, job.id);
      // Applied or cancelled meanwhile (the person took over after a crash): nothing to do.
      const now = await repo.findImport(ctx.db, p.orgId, p.importId);
      if (now?.status !== "committing" || now.jobId !== job.id)
        return { status: now?.status ?? "missing", skipped: true };
      await job.progress(10);
      // One transaction: an attempt that fails or dies part-way changed nothing, so trying again is safe.
      const row = await commitStoredImport(ctx, p.importId, p.decisions);
      return { status: row?.status };
    },
    onFailed: async (deps, p, reason, job) => {
      const u = uploadOf(p, job);
      if (u) await importJobFailed(deps, u.orgId, u.importId, job.id, "commit", reason);
    },
  }),
];

/**
 * Stores an upload with the job that checks it. A small one is checked at once, while the browser
 * waits: its errors are the response, as before, and the upload records them (status failed);
 * if the process dies meanwhile, the job's lease runs out and the worker checks it instead.
 */
export async function receiveUpload(ctx: OrgCtx, files: UploadFile[], asAt: string) {
  const created = await createImport(ctx, files, asAt);
  if (created.inline) await runJobNow(ctx.deps, importJobs, created.jobId, { rethrow: true, once: true });
  return getImportWithJob(ctx, created.id);
}
