import { randomUUID } from "node:crypto";
import { LEAVING_REASONS } from "../../../shared/ascwds/codes";
import { inTransaction, type OrgCtx, systemActor } from "../../context";
import { cancelJob, enqueueJob, findJob } from "../../jobs/worker";
import { personKey } from "../../lib/crypto";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors";
import { ProblemList } from "../ascwds/problems";
import {
  csvSheets,
  type ParsedUpload,
  readUpload,
  type SheetInput,
  staffKey,
  type UploadFile,
} from "../ascwds/read-upload";
import { isWorkbook, xlsxSheets } from "../ascwds/xlsx";
import { recordAudit } from "../audit/audit.service";
import { IMPORT_JOBS, type ImportJobPayload } from "./imports.job-types";
import * as repo from "./imports.repo";
import { type OrgState, type Plan, type Preview, planImport, previewOf } from "./plan";
import { applyStaged, type Decisions, type LeaverDecision, leaversOf, type Staged, stageUpload } from "./stage";

export type { Decisions, LeaverDecision } from "./stage";

export interface Validated {
  /** The organisation's data version the files were checked against. */
  dataVersion: number;
  parsed: ParsedUpload;
  state: OrgState;
  plan: Plan | null;
  preview: Preview | null;
}

/** Reads CSV files and XLSX workbooks into sheets. */
export async function sheetsOf(files: UploadFile[], problems: ProblemList): Promise<SheetInput[]> {
  const sheets: SheetInput[] = [];
  for (const f of files) {
    if (isWorkbook(f)) sheets.push(...(await xlsxSheets(f, problems)));
    else sheets.push(...csvSheets([f], problems));
  }
  return sheets;
}

/** Validates files against the organisation's current data and works out what would change. */
export async function validateUpload(ctx: OrgCtx, files: UploadFile[], asAt: string): Promise<Validated> {
  const problems = new ProblemList();
  // Read before the records: a write between the two makes the version look older, never newer.
  const dataVersion = await repo.dataVersion(ctx.db, ctx.org.id);
  const state = await repo.loadOrgState(ctx.db, ctx.org.id);
  const existingStaff = new Set(state.staff.keys());
  const sheets = await sheetsOf(files, problems);
  const locationsElsewhere = await repo.locationsHeldElsewhere(ctx.db, ctx.org.id);
  const parsed = readUpload(
    sheets,
    {
      asAt,
      allowExampleNi: ctx.org.isDemo,
      existingWorkplaces: new Set(state.workplaces.keys()),
      existingStaff,
      locationsElsewhere,
    },
    problems,
  );
  await leaversTrainingIsNoError(ctx, parsed);
  if (parsed.errors) return { dataVersion, parsed, state, plan: null, preview: null };
  const plan = planImport(parsed, state, (ni) => personKey(ctx.deps.secret, ni));
  return { dataVersion, parsed, state, plan, preview: previewOf(plan, state) };
}

/**
 * Training rows for someone recorded as a leaver are not an error: the same files uploaded again
 * after the person was marked as leaving must be accepted and change nothing. The file reader
 * knows only current staff, so its "unknown staff" errors for leavers become warnings here, and
 * those rows (which it left out) are not applied.
 */
async function leaversTrainingIsNoError(ctx: OrgCtx, parsed: ParsedUpload) {
  const unknown = parsed.problems.filter(
    (p) => p.code === "training.UNIQUEWORKERID.unknown_staff" && p.workplace && p.staff,
  );
  if (!unknown.length) return;
  const leavers = await repo.leaverKeys(ctx.db, ctx.org.id);
  for (const p of unknown) {
    if (!leavers.has(staffKey(p.workplace as string, p.staff as string))) continue;
    p.code = "training.UNIQUEWORKERID.leaver";
    p.severity = "warning";
    p.message = `Staff record "${p.staff}" at workplace "${p.workplace}" has left: this training row is not applied. Remove it from the file if it is not needed.`;
    parsed.errors--;
    parsed.warnings++;
  }
}

export function summaryOf(v: Validated) {
  const rows = (kind: string) => v.parsed.files.filter((f) => f.kind === kind).reduce((s, f) => s + f.rows, 0);
  return {
    files: v.parsed.files,
    rows: { workplace: rows("workplace"), staff: rows("staff"), training: rows("training") },
    errors: v.parsed.errors,
    warnings: v.parsed.warnings,
    changes: v.preview?.totals ?? null,
  };
}

function checkDecision(d: LeaverDecision, asAt: string, where: string) {
  if (d.action !== "leaver") return;
  if (!d.leavingDate || !/^\d{4}-\d{2}-\d{2}$/.test(d.leavingDate))
    throw badRequest("validation", `${where}: give the leaving date as YYYY-MM-DD.`);
  if (d.leavingDate > asAt)
    throw badRequest(
      "validation",
      `${where}: the leaving date ${d.leavingDate} is after the upload's as-at date ${asAt}.`,
    );
  if (d.reason !== undefined && !(d.reason in LEAVING_REASONS))
    throw badRequest("validation", `${where}: leaving reason ${d.reason} is not one of the ASC-WDS reasons 1 to 9.`);
}
function checkDecisions(decisions: Decisions, asAt: string) {
  checkDecision(
    { ...decisions.missing.default, leavingDate: decisions.missing.default.leavingDate ?? asAt },
    asAt,
    "Staff missing from the file",
  );
  for (const [id, d] of Object.entries(decisions.missing.byId ?? {}))
    checkDecision({ ...d, leavingDate: d.leavingDate ?? asAt }, asAt, `Staff record ${id}`);
  const deleted = decisions.deleted;
  if (deleted?.default)
    checkDecision(
      { action: "leaver", ...deleted.default, leavingDate: deleted.default.leavingDate ?? asAt },
      asAt,
      "Staff the file marks as leaving",
    );
  for (const [id, d] of Object.entries(deleted?.byId ?? {}))
    checkDecision({ action: "leaver", ...d, leavingDate: d.leavingDate ?? asAt }, asAt, `Staff record ${id}`);
}

/** Takes the organisation's upload lock for the transaction, or refuses: two uploads never mix. */
async function lockOrg(ctx: OrgCtx) {
  if (!(await repo.tryImportLock(ctx.db, ctx.org.id)))
    throw conflict(
      "import_in_progress",
      "Another upload for this organisation is being applied right now. Wait for it to finish, then preview your files again.",
    );
}

const invalid = (v: Validated) =>
  new AppError(
    422,
    "upload_invalid",
    `The files have ${v.parsed.errors} error${v.parsed.errors === 1 ? "" : "s"}: fix them and upload again. Nothing was changed.`,
  );

/**
 * Checks files and applies them at once, in one transaction: all or nothing (the CLI and the
 * records API; uploads through the web client are previewed first). Another upload for the same
 * organisation being applied at the same moment is refused with a clear message.
 */
export async function applyUpload(ctx: OrgCtx, files: UploadFile[], asAt: string, decisions: Decisions) {
  checkDecisions(decisions, asAt);
  return inTransaction(ctx, async (tx) => {
    await lockOrg(tx);
    const started = performance.now();
    const v = await validateUpload(tx, files, asAt);
    if (!v.plan) throw invalid(v);
    const validated = performance.now();
    const stageId = randomUUID();
    const staged = await stageUpload(tx, stageId, v.plan, v.state, asAt);
    const wrote = performance.now();
    const applied = await applyStaged(tx, stageId, staged, asAt, decisions);
    // How long each part took, for the log and the benchmark.
    const timings = {
      validateMs: Math.round(validated - started),
      stageMs: Math.round(wrote - validated),
      applyMs: Math.round(performance.now() - wrote),
    };
    tx.log.info("upload applied", {
      orgId: ctx.org.id,
      ...timings,
      staffNew: applied.staffNew,
      staffUpdated: applied.staffUpdated,
    });
    return { summary: summaryOf(v), applied, timings };
  });
}

// ---- Uploads through the web client and API: stored, previewed, then committed. ----

/** Uploads up to this size are checked and applied while the browser waits; larger ones by the job worker. */
export const INLINE_BYTES = 1024 * 1024;

/** A job that would be taken over if the request checking the files inline never finished (the process died). */
const INLINE_SAFETY_NET_MS = 60_000;

const jobPayload = (ctx: OrgCtx, importId: string): ImportJobPayload => ({
  importId,
  orgId: ctx.org.id,
  userId: ctx.actor.userId,
  role: ctx.role,
  isHubAdmin: ctx.actor.isHubAdmin,
});

/**
 * Stores an upload and queues the job that checks it, in one transaction: an upload is never left
 * "validating" with nothing to check it. Small uploads are checked at once by the request (the
 * job is due only a minute later, in case the process dies first); large ones by the worker.
 */
/** The organisation's 20 latest uploads, newest first. */
export const listRecentImports = (ctx: OrgCtx) => repo.listRecentImports(ctx.db, ctx.org.id, 20);

export async function createImport(ctx: OrgCtx, files: UploadFile[], asAt: string) {
  if (!files.length)
    throw badRequest(
      "no_files",
      "Choose the ASC-WDS files to upload (workplace, staff and training files, or one Excel workbook).",
    );
  if (files.length > 3)
    throw badRequest(
      "too_many_files",
      `You chose ${files.length} files: upload at most 3 (workplace, staff, training), or one workbook.`,
    );
  const inline = files.reduce((s, f) => s + f.bytes.length, 0) <= INLINE_BYTES;
  return inTransaction(ctx, async (tx) => {
    const record = await repo.insertImport(tx.db, {
      orgId: tx.org.id,
      createdBy: tx.actor.userId,
      status: "validating",
      asAt,
    });
    await repo.insertImportFiles(
      tx.db,
      files.map((f) => ({ importId: record.id, orgId: tx.org.id, name: f.name, bytes: f.bytes })),
    );
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "upload",
      entityId: record.id,
      after: { asAt, files: files.map((f) => ({ name: f.name, bytes: f.bytes.length })) },
    });
    const now = tx.deps.now();
    const runAt = inline ? new Date(now.getTime() + INLINE_SAFETY_NET_MS) : now;
    const jobId = await enqueueJob(tx, IMPORT_JOBS.validate, jobPayload(tx, record.id), { orgId: tx.org.id, runAt });
    await repo.updateImport(tx.db, tx.org.id, record.id, { jobId });
    return { ...record, jobId, inline };
  });
}

/**
 * Checks a stored upload, saves its report and preview, and stages its changes (run inline, or by
 * the job worker for large files): the staging is what makes the commit short.
 */
export async function validateStoredImport(ctx: OrgCtx, importId: string) {
  const record = await repo.findImport(ctx.db, ctx.org.id, importId);
  if (!record) throw notFound("upload");
  // Cancelled while it waited, or checked already by an earlier attempt: nothing to do.
  if (record.status !== "validating") return record;
  const files = (await repo.findImportFiles(ctx.db, ctx.org.id, importId)).map((f) => ({
    name: f.name,
    bytes: f.bytes,
  }));
  const cancelled = new Error("cancelled while it was checked");
  await inTransaction(ctx, async (tx) => {
    const v = await validateUpload(tx, files, record.asAt);
    const staged = v.plan ? await stageUpload(tx, importId, v.plan, v.state, record.asAt) : null;
    const saved = await repo.updateImportIf(tx.db, ctx.org.id, importId, "validating", {
      status: v.plan ? "ready" : "invalid",
      files: v.parsed.files.map((f) => ({ ...f, kind: f.kind ?? "unrecognised" })),
      summary: summaryOf(v),
      problems: v.parsed.problems,
      preview: v.preview,
      staged,
      dataVersion: v.dataVersion,
      error: null,
    });
    // Cancelled by the person uploading meanwhile: the staged rows go with the transaction.
    if (!saved) throw cancelled;
  }).catch((err) => {
    if (err !== cancelled) throw err;
  });
  return repo.findImport(ctx.db, ctx.org.id, importId);
}

/** PostgreSQL's "try again" errors: a concurrent write got in first (see commitStoredImport). */
const retryable = (err: unknown) =>
  ["40001", "40P01"].includes(
    (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code ?? "",
  );

/**
 * Applies a previewed upload with the person's decisions, in one transaction: all or nothing.
 * If the organisation's records changed since the preview (another upload, an edit on screen),
 * the files are checked and staged again first, against the data as it is now: a stale preview
 * is never applied. The transaction reads one snapshot (repeatable read), so a write that commits
 * while it runs makes it fail and start again rather than be overwritten.
 */
export async function commitStoredImport(ctx: OrgCtx, importId: string, decisions: Decisions) {
  const record = await repo.findImport(ctx.db, ctx.org.id, importId);
  if (!record) throw notFound("upload");
  if (record.status === "committed") throw conflict("already_committed", "This upload has already been applied.");
  // "committing" when the job worker applies an upload the route handed over.
  if (record.status !== "ready" && record.status !== "committing")
    throw conflict(
      "not_ready",
      record.status === "invalid"
        ? "This upload has errors: fix them and upload the files again."
        : record.status === "failed"
          ? "We could not check this upload's files: upload them again."
          : record.status === "discarded"
            ? "This upload was cancelled: upload the files again."
            : "This upload is not ready to apply yet.",
    );
  checkDecisions(decisions, record.asAt);
  const attempt = () =>
    ctx.db.transaction(
      async (db) => {
        const tx = { ...ctx, db };
        await lockOrg(tx);
        const started = performance.now();
        // Read again under the lock: the upload may have been applied a moment ago.
        const now = await repo.findImport(tx.db, ctx.org.id, importId);
        if (!now || now.status === "committed")
          throw conflict("already_committed", "This upload has already been applied.");
        let staged = now.staged as Staged | null;
        let summary = now.summary as ReturnType<typeof summaryOf>;
        if (!staged || now.dataVersion !== (await repo.dataVersion(tx.db, ctx.org.id))) {
          const files = (await repo.findImportFiles(tx.db, ctx.org.id, importId)).map((f) => ({
            name: f.name,
            bytes: f.bytes,
          }));
          const v = await validateUpload(tx, files, record.asAt);
          if (!v.plan) throw invalid(v);
          staged = await stageUpload(tx, importId, v.plan, v.state, record.asAt);
          summary = summaryOf(v);
        }
        const checked = performance.now();
        const applied = await applyStaged(tx, importId, staged, record.asAt, decisions);
        const timings = { checkMs: Math.round(checked - started), applyMs: Math.round(performance.now() - checked) };
        tx.log.info("upload applied", {
          orgId: ctx.org.id,
          importId,
          ...timings,
          staffNew: applied.staffNew,
          staffUpdated: applied.staffUpdated,
        });
        await repo.updateImport(tx.db, ctx.org.id, importId, {
          status: "committed",
          committedAt: tx.deps.now(),
          summary: { ...summary, applied },
          staged: null,
          error: null,
        });
        await repo.deleteImportFiles(tx.db, ctx.org.id, importId);
        return { applied, timings };
      },
      { isolationLevel: "repeatable read" },
    );
  const result = await attempt().catch((err) => {
    if (!retryable(err)) throw err;
    ctx.log.info("upload commit retried after a concurrent write", { orgId: ctx.org.id, importId });
    return attempt();
  });
  const row = await repo.findImport(ctx.db, ctx.org.id, importId);
  return row ? Object.assign(row, { timings: result.timings }) : row;
}

export const getImport = async (ctx: OrgCtx, importId: string) => {
  const record = await repo.findImport(ctx.db, ctx.org.id, importId);
  if (!record) throw notFound("upload");
  return record;
};

/** An upload and the state of its job (for its progress). */
export async function getImportWithJob(ctx: OrgCtx, importId: string) {
  const record = await getImport(ctx, importId);
  return { record, job: await findJob(ctx.db, record.jobId, ctx.deps.now()) };
}

type ImportRow = Awaited<ReturnType<typeof getImport>>;

/**
 * An upload "committing" whose job no worker holds (the process died mid-commit, and the job
 * waits to be tried again or has failed) goes back to "ready", its job cancelled, so the person
 * can apply it again or cancel it. One a worker is applying right now is refused.
 */
async function takeOverStuckCommit(ctx: OrgCtx, record: ImportRow): Promise<ImportRow> {
  if (record.status !== "committing") return record;
  const now = ctx.deps.now();
  const job = await findJob(ctx.db, record.jobId, now);
  const busy = conflict(
    "import_in_progress",
    "This upload is being applied right now. Wait for it to finish; the page shows when it has.",
  );
  if (job?.alive) throw busy;
  if (
    job &&
    (job.status === "queued" || job.status === "running") &&
    !(await cancelJob(ctx.db, job.id, now, "replaced: the person uploading applied or cancelled the upload themselves"))
  )
    throw busy;
  await repo.updateImportIf(ctx.db, ctx.org.id, record.id, "committing", { status: "ready" });
  ctx.log.info("stuck upload commit taken over", { importId: record.id, jobId: record.jobId });
  return { ...record, status: "ready" };
}

/**
 * Applies a checked upload: small ones at once, large ones by the job worker (the upload is
 * "committing" and its job queued in one transaction). An upload stuck "committing" after a
 * crash is taken over first, so applying it again always works.
 */
export async function requestCommit(ctx: OrgCtx, importId: string, decisions: Decisions) {
  const record = await takeOverStuckCommit(ctx, await getImport(ctx, importId));
  const files = await repo.findImportFiles(ctx.db, ctx.org.id, importId);
  const total = files.reduce((s, f) => s + f.bytes.length, 0);
  if (total <= INLINE_BYTES || record.status !== "ready")
    return { record: (await commitStoredImport(ctx, importId, decisions)) ?? record, queued: false };
  checkDecisions(decisions, record.asAt);
  // Refused now rather than by the job: every leaver needs a reason (the job checks again).
  if (record.staged) leaversOf(record.staged as Staged, decisions, record.asAt);
  const queued = await inTransaction(ctx, async (tx) => {
    const jobId = await enqueueJob(
      tx,
      IMPORT_JOBS.commit,
      { ...jobPayload(tx, importId), decisions },
      { orgId: tx.org.id },
    );
    const moved = await repo.updateImportIf(tx.db, tx.org.id, importId, "ready", {
      status: "committing",
      jobId,
      error: null,
    });
    if (!moved) throw conflict("import_in_progress", "This upload is already being applied. Wait for it to finish.");
    return { ...record, status: "committing", jobId, error: null };
  });
  return { record: queued, queued: true };
}

/**
 * Called when an upload's job has failed for good. A check that failed leaves the upload
 * "failed" with the reason (the page says so, instead of waiting for ever); a commit that failed
 * changed nothing (one transaction), so the upload is "ready" again, with the reason.
 */
export async function importJobFailed(
  deps: OrgCtx["deps"],
  orgId: string,
  importId: string,
  jobId: string,
  stage: "validate" | "commit",
  reason: string,
) {
  const from = stage === "validate" ? "validating" : "committing";
  const to = stage === "validate" ? "failed" : "ready";
  const moved = await repo.updateImportIf(deps.db, orgId, importId, from, { status: to, error: reason }, jobId);
  if (moved) deps.log.warn("upload job failed", { importId, jobId, stage });
}

/** Previews not applied within this many days are discarded, with their files and staged rows. */
export const PREVIEW_KEPT_DAYS = 14;
const OPEN = ["validating", "ready", "invalid", "failed", "committing"];

async function discard(db: OrgCtx["db"], orgId: string, importId: string) {
  await repo.deleteStaged(db, orgId, importId);
  await repo.deleteImportFiles(db, orgId, importId);
  // The preview lists people by name; the summary and problems (no identifiers) stay as history.
  await repo.updateImport(db, orgId, importId, { status: "discarded", staged: null, preview: null });
}

/** The person uploading decides not to apply an upload: nothing changes, its files and staged rows go. */
export async function discardImport(ctx: OrgCtx, importId: string) {
  return inTransaction(ctx, async (tx) => {
    await lockOrg(tx);
    const found = await repo.findImport(tx.db, ctx.org.id, importId);
    if (!found) throw notFound("upload");
    if (found.status === "committed")
      throw conflict("already_committed", "This upload has already been applied, so it cannot be cancelled.");
    // Refused only while a worker is applying it; one left "committing" by a crash can be cancelled.
    const record = await takeOverStuckCommit(tx, found);
    if (record.jobId && record.status === "validating")
      await cancelJob(tx.db, record.jobId, tx.deps.now(), "cancelled by the person uploading");
    if (record.status !== "discarded") {
      await discard(tx.db, ctx.org.id, importId);
      await recordAudit(tx, {
        orgId: ctx.org.id,
        action: "delete",
        entityType: "upload",
        entityId: importId,
        before: { status: found.status },
      });
    }
    return repo.findImport(tx.db, ctx.org.id, importId);
  });
}

/** Run by the worker loop: discards previews left unapplied for PREVIEW_KEPT_DAYS (uploaded files hold personal data). */
export async function discardStaleImports(deps: OrgCtx["deps"]) {
  const before = new Date(deps.now().getTime() - PREVIEW_KEPT_DAYS * 86_400_000);
  const found = await repo.findImportsCreatedBefore(deps.db, OPEN, before);
  // One a worker is applying right now is left alone; one left "committing" by a crash is not.
  const stale = [];
  for (const s of found) if (!(await findJob(deps.db, s.jobId, deps.now()))?.alive) stale.push(s);
  for (const s of stale)
    await deps.db.transaction(async (db) => {
      if (s.jobId) await cancelJob(db, s.jobId, deps.now(), "the upload was not applied in time and was removed");
      await discard(db, s.orgId, s.id);
      const ctx = { db, deps, actor: systemActor, log: deps.log };
      await recordAudit(ctx, {
        orgId: s.orgId,
        action: "delete",
        entityType: "upload",
        entityId: s.id,
        before: { status: s.status },
        after: { reason: `not applied within ${PREVIEW_KEPT_DAYS} days` },
      });
    });
  if (stale.length) deps.log.info("stale uploads discarded", { count: stale.length });
  return stale.length;
}
