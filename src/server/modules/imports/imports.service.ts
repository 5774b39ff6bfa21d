import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { LEAVING_DESTINATIONS, LEAVING_REASONS } from "../../../shared/ascwds/codes";
import { inTransaction, type OrgCtx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import { declaredCounts, staffQualifications, staffRecords, trainingRecords, workplaces } from "../../db/schema";
import { encrypt, personKey } from "../../lib/crypto";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors";
import { orderedUuid } from "../../lib/ids";
import { ProblemList } from "../ascwds/problems";
import { csvSheets, type ParsedUpload, readUpload, type SheetInput, staffKey, type UploadFile } from "../ascwds/read-upload";
import type { StaffValues } from "../ascwds/staff-file";
import { xlsxSheets } from "../ascwds/xlsx";
import { type AuditEntry, recordAudit, recordAuditBatch } from "../audit/audit.service";
import { commissionedCouncilIds } from "../orgs/orgs.repo";
import * as repo from "./imports.repo";
import { STAFF_VALUE_COLUMNS } from "./imports.repo";
import { type OrgState, type Plan, type Preview, planImport, previewOf, type StaffChange, type StaffState } from "./plan";

export interface LeaverDecision {
  action: "keep" | "leaver";
  leavingDate?: string;
  reason?: number;
}
export interface Decisions {
  /** What happens to staff missing from the file: a default, and exceptions by staff record id. */
  missing: { default: LeaverDecision; byId?: Record<string, LeaverDecision> };
  /** For rows with STATUS DELETE. */
  deleted?: LeaverDecision;
}

export interface Validated {
  parsed: ParsedUpload;
  state: OrgState;
  plan: Plan | null;
  preview: Preview | null;
}

const isXlsx = (f: UploadFile) => f.name.toLowerCase().endsWith(".xlsx") || (f.bytes[0] === 0x50 && f.bytes[1] === 0x4b);

/** Reads CSV files and XLSX workbooks into sheets. */
export async function sheetsOf(files: UploadFile[], problems: ProblemList): Promise<SheetInput[]> {
  const sheets: SheetInput[] = [];
  for (const f of files) {
    if (isXlsx(f)) sheets.push(...(await xlsxSheets(f, problems)));
    else sheets.push(...csvSheets([f], problems));
  }
  return sheets;
}

/** Validates files against the organisation's current data and works out what would change. */
export async function validateUpload(ctx: OrgCtx, files: UploadFile[], asAt: string): Promise<Validated> {
  const problems = new ProblemList();
  const state = await repo.loadOrgState(ctx.db, ctx.org.id);
  const existingStaff = new Set(state.staff.keys());
  const sheets = await sheetsOf(files, problems);
  const parsed = readUpload(sheets, { asAt, allowExampleNi: ctx.org.isDemo, existingWorkplaces: new Set(state.workplaces.keys()), existingStaff }, problems);
  if (parsed.errors) return { parsed, state, plan: null, preview: null };
  const plan = planImport(parsed, state, (ni) => personKey(ctx.deps.secret, ni));
  return { parsed, state, plan, preview: previewOf(plan, state) };
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

function decide(decisions: Decisions, id: string, asAt: string): LeaverDecision {
  const d = decisions.missing.byId?.[id] ?? decisions.missing.default;
  return { action: d.action, leavingDate: d.leavingDate ?? asAt, reason: d.reason ?? 9 };
}

function checkDecision(d: LeaverDecision, asAt: string, where: string) {
  if (d.action !== "leaver") return;
  if (!d.leavingDate || !/^\d{4}-\d{2}-\d{2}$/.test(d.leavingDate)) throw badRequest("validation", `${where}: give the leaving date as YYYY-MM-DD.`);
  if (d.leavingDate > asAt) throw badRequest("validation", `${where}: the leaving date ${d.leavingDate} is after the upload's as-at date ${asAt}.`);
  if (d.reason !== undefined && !(d.reason in LEAVING_REASONS)) throw badRequest("validation", `${where}: leaving reason ${d.reason} is not one of the ASC-WDS reasons 1 to 9.`);
}

/**
 * Applies a validated upload in one transaction: all or nothing. Another upload for the same
 * organisation being applied at the same moment is refused with a clear message.
 */
export async function applyUpload(ctx: OrgCtx, files: UploadFile[], asAt: string, decisions: Decisions) {
  checkDecision({ ...decisions.missing.default, leavingDate: decisions.missing.default.leavingDate ?? asAt }, asAt, "Staff missing from the file");
  for (const [id, d] of Object.entries(decisions.missing.byId ?? {})) checkDecision({ ...d, leavingDate: d.leavingDate ?? asAt }, asAt, `Staff record ${id}`);
  return inTransaction(ctx, async (tx) => {
    const [lock] = (await tx.db.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`import:${ctx.org.id}`})) as ok`)).rows as { ok: boolean }[];
    if (!lock?.ok) throw conflict("import_in_progress", "Another upload for this organisation is being applied right now. Wait for it to finish, then preview your files again.");
    // Validate and plan again inside the transaction, against the data as it is now.
    const started = performance.now();
    const v = await validateUpload(tx, files, asAt);
    if (!v.plan)
      throw new AppError(422, "upload_invalid", `The files have ${v.parsed.errors} error${v.parsed.errors === 1 ? "" : "s"}: fix them and upload again. Nothing was changed.`);
    const validated = performance.now();
    const counts = await applyPlan(tx, v, asAt, decisions);
    // How long each part took, for the log and the benchmark (the write is what COPY speeds up).
    const timings = { validateMs: Math.round(validated - started), writeMs: Math.round(performance.now() - validated) };
    tx.log.info("upload applied", { orgId: ctx.org.id, ...timings, staffNew: counts.staffNew, staffUpdated: counts.staffUpdated });
    return { summary: summaryOf(v), applied: counts, timings };
  });
}

// The staff record columns a bulk write sets: the file's values, and what the hub adds to them.
const STAFF_VALUE_KEYS = Object.keys(STAFF_VALUE_COLUMNS) as (keyof StaffValues)[];
const NEW_STAFF_COLUMNS = ["id", "orgId", "workplaceId", "localRef", "personKey", "niEncrypted", "dateOfBirth", "startDate", ...STAFF_VALUE_KEYS] as const;

async function applyPlan(ctx: OrgCtx, v: Validated, asAt: string, decisions: Decisions) {
  const plan = v.plan as Plan;
  const orgId = ctx.org.id;
  const now = ctx.deps.now();
  const secret = ctx.deps.secret;
  const audit: AuditEntry[] = [];
  const councils = await commissionedCouncilIds(ctx.db, orgId);
  const workplaceIds = new Map([...v.state.workplaces].map(([ref, w]) => [ref, w.id]));

  const newWorkplaces = plan.workplaces.filter((w) => w.action === "new");
  for (let i = 0; i < newWorkplaces.length; i += 500) {
    const batch = newWorkplaces.slice(i, i + 500);
    const rows = await ctx.db
      .insert(workplaces)
      .values(batch.map((w) => ({ orgId, localRef: w.ref, councilId: councils.length === 1 ? councils[0] : null, ...w.input.values })))
      .returning({ id: workplaces.id, localRef: workplaces.localRef });
    for (const row of rows) workplaceIds.set(row.localRef, row.id);
  }
  for (const w of newWorkplaces)
    audit.push({ orgId, action: "create", entityType: "workplace", entityId: workplaceIds.get(w.ref) as string, after: { localRef: w.ref, ...w.input.values } });
  for (const w of plan.workplaces.filter((x) => x.action === "update")) {
    const before = v.state.workplaces.get(w.ref)?.values as Record<string, unknown>;
    await ctx.db
      .update(workplaces)
      .set({ ...w.input.values, updatedAt: now })
      .where(and(eq(workplaces.id, w.id as string), eq(workplaces.orgId, orgId)));
    audit.push({ orgId, action: "update", entityType: "workplace", entityId: w.id, before: pick(before, w.changed), after: pick(w.input.values, w.changed) });
  }
  const declaredCount = await bulkInsert(
    ctx.db,
    declaredCounts,
    plan.declared.flatMap((d) => d.counts.map((c) => ({ orgId, workplaceId: workplaceIds.get(d.workplaceRef) as string, asAt, kind: c.kind, code: c.code, count: c.count }))),
  );

  // New staff records, written by COPY as they are made (with their ids: qualifications and
  // training need them). One audit entry per workplace lists the records an upload created.
  const staffIds = new Map([...v.state.staff].map(([key, s]) => [key, s.id]));
  const fresh = plan.staff.filter((s) => s.action === "new");
  const createdAt = new Map<string, string[]>();
  function* freshRows() {
    for (const s of fresh) {
      const ni = typeof s.input.ni === "string" && s.input.ni !== "keep" ? s.input.ni : null;
      const id = orderedUuid();
      staffIds.set(s.key, id);
      const localRef = s.input.newLocalRef ?? s.ref;
      const list = createdAt.get(s.workplaceRef) ?? [];
      if (!list.length) createdAt.set(s.workplaceRef, list);
      list.push(id);
      // An array in NEW_STAFF_COLUMNS order: building an object of 43 fields per row was the
      // most expensive step of the commit after COPY itself.
      const row: unknown[] = [
        id,
        orgId,
        workplaceIds.get(s.workplaceRef),
        localRef,
        ni ? personKey(secret, ni) : null,
        ni ? encrypt(secret, ni) : null,
        s.input.dateOfBirth === "keep" ? null : s.input.dateOfBirth,
        s.input.values.mainJobStartDate ?? asAt,
      ];
      for (const key of STAFF_VALUE_KEYS) row.push(s.input.values[key]);
      yield row;
    }
  }
  await bulkInsert(ctx.db, staffRecords, freshRows(), { columns: [...NEW_STAFF_COLUMNS] });
  for (const [ref, records] of createdAt)
    audit.push({
      orgId,
      action: "create",
      entityType: "staff_record",
      entityId: null,
      after: { workplace: ref, workplaceId: workplaceIds.get(ref), source: "upload", staffRecordIds: records },
    });

  await applyStaffUpdates(
    ctx,
    v,
    plan.staff.filter((x) => x.action === "update"),
    audit,
  );

  // Leavers: rows marked DELETE, and missing staff the person chose to mark as leavers.
  const leavers: { id: string; date: string; reason: number }[] = [];
  const deleted = { action: "leaver" as const, leavingDate: decisions.deleted?.leavingDate ?? asAt, reason: decisions.deleted?.reason ?? 9 };
  for (const s of plan.staff.filter((x) => x.action === "leave")) leavers.push({ id: s.id as string, date: deleted.leavingDate, reason: deleted.reason });
  let kept = 0;
  for (const m of plan.missing) {
    const d = decide(decisions, m.id, asAt);
    if (d.action === "leaver") leavers.push({ id: m.id, date: d.leavingDate as string, reason: d.reason as number });
    else kept++;
  }
  await repo.markLeavers(
    ctx.db,
    orgId,
    leavers.map((l) => ({ ...l, destination: LEAVING_DESTINATIONS[l.reason] ?? null })),
    now,
  );
  for (const l of leavers)
    audit.push({ orgId, action: "update", entityType: "staff_record", entityId: l.id, before: { endDate: null }, after: { endDate: l.date, leavingReason: l.reason } });

  // Qualifications of new records and of records whose qualifications changed.
  const qualTargets = plan.staff.filter((s) => s.action === "new" || s.changed.includes("qualifications"));
  await repo.deleteQualifications(
    ctx.db,
    orgId,
    qualTargets.filter((s) => s.action !== "new").map((s) => s.id as string),
  );
  await bulkInsert(
    ctx.db,
    staffQualifications,
    qualTargets.flatMap((s) => s.input.qualifications.map((q) => ({ id: randomUUID(), orgId, staffRecordId: staffIds.get(s.key) as string, ...q }))),
  );

  // Training replaced for staff records whose training in the file differs.
  const replace = plan.training.filter((t) => t.action === "replace");
  await repo.deleteTraining(ctx.db, orgId, replace.map((t) => v.state.staff.get(t.key)?.id).filter(Boolean) as string[]);
  const trainingCount = await bulkInsert(
    ctx.db,
    trainingRecords,
    replace.flatMap((t) => t.rows.map((r) => ({ id: randomUUID(), orgId, staffRecordId: staffIds.get(staffKey(r.workplaceRef, r.staffRef)) as string, ...r.values }))),
  );
  if (replace.length) audit.push({ orgId, action: "update", entityType: "training", entityId: null, after: { staffRecords: replace.length, trainingRecords: trainingCount } });

  await recordAuditBatch(ctx, audit);
  const applied = {
    workplacesNew: newWorkplaces.length,
    workplacesUpdated: plan.workplaces.filter((w) => w.action === "update").length,
    staffNew: fresh.length,
    staffUpdated: plan.staff.filter((s) => s.action === "update").length,
    leavers: leavers.length,
    missingKept: kept,
    trainingRecords: trainingCount,
    declaredCounts: declaredCount,
  };
  await recordAudit(ctx, { orgId, action: "import", entityType: "upload", entityId: null, after: applied });
  return applied;
}

/**
 * Changed staff records: the file's values go through a temporary table and one UPDATE, so a
 * re-upload that changes every record (a pay rise) costs one statement, not one per record.
 * NI numbers, dates of birth and references change rarely and are written one by one.
 */
async function applyStaffUpdates(ctx: OrgCtx, v: Validated, updates: StaffChange[], audit: AuditEntry[]) {
  if (!updates.length) return;
  const orgId = ctx.org.id;
  const now = ctx.deps.now();
  await repo.createStaffUpdateTable(ctx.db);
  await bulkInsert(
    ctx.db,
    staffRecords,
    // Only the value columns go to the temporary table, so rows lack what an insert would need.
    updates.map((s) => ({ ...s.input.values, id: s.id as string })) as (typeof staffRecords.$inferInsert)[],
    { into: repo.STAFF_UPDATES, columns: ["id", ...STAFF_VALUE_KEYS] },
  );
  await repo.applyStaffUpdateTable(ctx.db, orgId, now);
  for (const s of updates) {
    const set: Partial<typeof staffRecords.$inferInsert> = {};
    if (s.changed.includes("niNumber")) {
      const ni = s.input.ni as string | null;
      set.personKey = ni ? personKey(ctx.deps.secret, ni) : null;
      set.niEncrypted = ni ? encrypt(ctx.deps.secret, ni) : null;
    }
    if (s.changed.includes("dateOfBirth")) set.dateOfBirth = s.input.dateOfBirth as string | null;
    if (s.changed.includes("localRef")) set.localRef = s.input.newLocalRef as string;
    if (Object.keys(set).length)
      await ctx.db
        .update(staffRecords)
        .set(set)
        .where(and(eq(staffRecords.id, s.id as string), eq(staffRecords.orgId, orgId)));
    const before = v.state.staff.get(s.key) as StaffState;
    const beforeOf = (k: string) =>
      k === "niNumber" ? before.personKey : k === "dateOfBirth" ? before.dateOfBirth : k === "localRef" ? before.localRef : before.values[k as keyof StaffValues];
    const afterOf = (k: string) =>
      k === "niNumber" ? s.input.ni : k === "dateOfBirth" ? s.input.dateOfBirth : k === "localRef" ? s.input.newLocalRef : s.input.values[k as keyof StaffValues];
    // Only the changed fields; identifiers are masked by the audit service.
    audit.push({
      orgId,
      action: "update",
      entityType: "staff_record",
      entityId: s.id,
      before: Object.fromEntries(s.changed.map((k) => [k, beforeOf(k) ?? null])),
      after: Object.fromEntries(s.changed.map((k) => [k, afterOf(k) ?? null])),
    });
  }
}

function pick(values: Record<string, unknown> | undefined, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, values?.[k] ?? null]));
}

// ---- Uploads through the web client and API: stored, previewed, then committed. ----

export async function createImport(ctx: OrgCtx, files: UploadFile[], asAt: string) {
  if (!files.length) throw badRequest("no_files", "Choose the ASC-WDS files to upload (workplace, staff and training files, or one Excel workbook).");
  if (files.length > 3) throw badRequest("too_many_files", `You chose ${files.length} files: upload at most 3 (workplace, staff, training), or one workbook.`);
  return inTransaction(ctx, async (tx) => {
    const record = await repo.insertImport(tx.db, { orgId: tx.org.id, createdBy: tx.actor.userId, status: "validating", asAt });
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
    return record;
  });
}

/** Validates a stored upload and saves its report and preview (run inline, or by the job worker). */
export async function validateStoredImport(ctx: OrgCtx, importId: string) {
  const record = await repo.findImport(ctx.db, ctx.org.id, importId);
  if (!record) throw notFound("upload");
  const files = (await repo.findImportFiles(ctx.db, ctx.org.id, importId)).map((f) => ({ name: f.name, bytes: f.bytes }));
  const v = await validateUpload(ctx, files, record.asAt);
  await repo.updateImport(ctx.db, ctx.org.id, importId, {
    status: v.plan ? "ready" : "invalid",
    files: v.parsed.files.map((f) => ({ ...f, kind: f.kind ?? "unrecognised" })),
    summary: summaryOf(v),
    problems: v.parsed.problems,
    preview: v.preview,
  });
  return repo.findImport(ctx.db, ctx.org.id, importId);
}

export async function commitStoredImport(ctx: OrgCtx, importId: string, decisions: Decisions) {
  const record = await repo.findImport(ctx.db, ctx.org.id, importId);
  if (!record) throw notFound("upload");
  if (record.status === "committed") throw conflict("already_committed", "This upload has already been applied.");
  // "committing" when the job worker applies an upload the route handed over.
  if (record.status !== "ready" && record.status !== "committing")
    throw conflict("not_ready", record.status === "invalid" ? "This upload has errors: fix them and upload the files again." : "This upload is not ready to apply yet.");
  const files = (await repo.findImportFiles(ctx.db, ctx.org.id, importId)).map((f) => ({ name: f.name, bytes: f.bytes }));
  const result = await applyUpload(ctx, files, record.asAt, decisions);
  await inTransaction(ctx, async (tx) => {
    await repo.updateImport(tx.db, ctx.org.id, importId, { status: "committed", committedAt: tx.deps.now(), summary: { ...result.summary, applied: result.applied } });
    await repo.deleteImportFiles(tx.db, ctx.org.id, importId);
  });
  return repo.findImport(ctx.db, ctx.org.id, importId);
}

export const getImport = async (ctx: OrgCtx, importId: string) => {
  const record = await repo.findImport(ctx.db, ctx.org.id, importId);
  if (!record) throw notFound("upload");
  return record;
};
