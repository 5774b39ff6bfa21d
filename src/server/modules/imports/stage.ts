import { LEAVING_DESTINATIONS } from "../../../shared/ascwds/codes";
import type { OrgCtx } from "../../context";
import { bulkInsert } from "../../db/bulk";
import { declaredCounts, importQualifications, importStaff, importTraining, workplaces } from "../../db/schema";
import { encrypt, personKey } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { orderedUuid } from "../../lib/ids";
import { isoDate } from "../../lib/time";
import { staffKey } from "../ascwds/read-upload";
import type { StaffValues } from "../ascwds/staff-file";
import type { DeclaredCount, WorkplaceIn } from "../ascwds/workplace-file";
import { type AuditEntry, recordAudit, recordAuditBatch } from "../audit/audit.service";
import { maskBeforeAfter } from "../audit/mask";
import { councilsOf } from "../orgs/commissioning";
import * as repo from "./imports.repo";
import { STAFF_VALUE_COLUMNS } from "./imports.repo";
import type { OrgState, Plan, StaffChange } from "./plan";

// An upload is applied in two steps (docs/adr/0007-staged-uploads.md). Staging, when the files
// are checked: every new and changed record is written, with its id and its identifiers hashed
// and encrypted, to the staging tables. Applying, at commit: a few SQL statements copy them into
// the organisation's records. The commit does no per-row work of ours, so it holds the
// organisation's lock for as long as the database takes to store the rows, and no longer.

export interface LeaverDecision {
  action: "keep" | "leaver";
  leavingDate?: string;
  reason?: number;
}
/** Why and when someone the file marks DELETE left. */
export interface LeaverDetails {
  leavingDate?: string;
  reason: number;
}
export interface Decisions {
  /** What happens to staff missing from the file: a default, and exceptions by staff record id. */
  missing: { default: LeaverDecision; byId?: Record<string, LeaverDecision> };
  /** For rows with STATUS DELETE: the reason for each (by staff record id), or one for them all. */
  deleted?: { default?: LeaverDetails; byId?: Record<string, LeaverDetails> };
}

interface StagedWorkplace {
  action: "new" | "update";
  id: string;
  ref: string;
  values: WorkplaceIn["values"];
  changed: string[];
  before?: Record<string, unknown>;
}

/** What the commit applies besides the staged rows: small, kept as JSON on the upload. */
export interface Staged {
  workplaces: StagedWorkplace[];
  declared: { workplaceId: string; counts: DeclaredCount[] }[];
  /** Staff records the files mark DELETE. */
  leaving: string[];
  /** Their names or IDs, by staff record id, to say whose reason is missing. */
  leavingNames?: Record<string, string>;
  /** Current staff the files leave out: what happens to them is decided at commit. */
  missing: string[];
}

const STAFF_VALUE_KEYS = Object.keys(STAFF_VALUE_COLUMNS) as (keyof StaffValues)[];
const STAGED_STAFF_COLUMNS = [
  "stageId",
  "orgId",
  "action",
  "staffId",
  "workplaceId",
  "localRef",
  "personKey",
  "niEncrypted",
  "dateOfBirth",
  "startDate",
  "changed",
  "audit",
  ...STAFF_VALUE_KEYS,
] as const;

const pick = (values: Record<string, unknown> | undefined, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, values?.[k] ?? null]));

/** The audit entry of a changed record: only the changed fields, identifiers masked now. */
function auditOf(s: StaffChange, state: OrgState) {
  const before = state.staff.get(s.key);
  if (!before) return null;
  const beforeOf = (k: string) =>
    k === "niNumber"
      ? before.personKey
      : k === "dateOfBirth"
        ? before.dateOfBirth
        : k === "localRef"
          ? before.localRef
          : k === "workplace"
            ? before.workplaceRef
            : before.values[k as keyof StaffValues];
  const afterOf = (k: string) =>
    k === "niNumber"
      ? s.input.ni
      : k === "dateOfBirth"
        ? s.input.dateOfBirth
        : k === "localRef"
          ? s.input.newLocalRef
          : k === "workplace"
            ? s.input.transferTo
            : s.input.values[k as keyof StaffValues];
  return maskBeforeAfter(
    Object.fromEntries(s.changed.map((k) => [k, beforeOf(k) ?? null])),
    Object.fromEntries(s.changed.map((k) => [k, afterOf(k) ?? null])),
  );
}

/** Writes a checked plan to the staging tables (replacing what the upload staged before). */
export async function stageUpload(
  ctx: OrgCtx,
  stageId: string,
  plan: Plan,
  state: OrgState,
  asAt: string,
): Promise<Staged> {
  const orgId = ctx.org.id;
  const secret = ctx.deps.secret;
  await repo.deleteStaged(ctx.db, orgId, stageId);

  const workplaceIds = new Map([...state.workplaces].map(([ref, w]) => [ref, w.id]));
  const staged: Staged = {
    workplaces: [],
    declared: [],
    leaving: plan.staff.filter((s) => s.action === "leave").map((s) => s.id as string),
    leavingNames: Object.fromEntries(
      plan.staff
        .filter((s) => s.action === "leave")
        .map((s) => [s.id as string, state.staff.get(s.key)?.values.displayId ?? s.ref]),
    ),
    missing: plan.missing.map((m) => m.id),
  };
  for (const w of plan.workplaces) {
    if (w.action === "new") {
      const id = orderedUuid();
      workplaceIds.set(w.ref, id);
      staged.workplaces.push({ action: "new", id, ref: w.ref, values: w.input.values, changed: [] });
    } else if (w.action === "update")
      staged.workplaces.push({
        action: "update",
        id: w.id as string,
        ref: w.ref,
        values: w.input.values,
        changed: w.changed,
        before: pick(state.workplaces.get(w.ref)?.values as Record<string, unknown>, w.changed),
      });
  }
  staged.declared = plan.declared.map((d) => ({
    workplaceId: workplaceIds.get(d.workplaceRef) as string,
    counts: d.counts,
  }));

  const staffIds = new Map([...state.staff].map(([key, s]) => [key, s.id]));
  function* staffRows() {
    for (const s of plan.staff) {
      if (s.action !== "new" && s.action !== "update") continue;
      const isNew = s.action === "new";
      const id = isNew ? orderedUuid() : (s.id as string);
      if (isNew) staffIds.set(s.key, id);
      const ni = typeof s.input.ni === "string" && s.input.ni !== "keep" ? s.input.ni : null;
      const setNi = isNew || s.changed.includes("niNumber");
      // An array in STAGED_STAFF_COLUMNS order: an object of 47 fields per row costs more.
      const row: unknown[] = [
        stageId,
        orgId,
        s.action,
        id,
        workplaceIds.get(s.input.transferTo ?? s.workplaceRef),
        s.input.newLocalRef ?? s.ref,
        setNi && ni ? personKey(secret, ni) : null,
        setNi && ni ? encrypt(secret, ni) : null,
        s.input.dateOfBirth === "keep" ? null : s.input.dateOfBirth,
        s.input.values.mainJobStartDate ?? asAt,
        isNew ? [] : s.changed,
        isNew ? null : auditOf(s, state),
      ];
      for (const key of STAFF_VALUE_KEYS) row.push(s.input.values[key]);
      yield row;
    }
  }
  await bulkInsert(ctx.db, importStaff, staffRows(), { columns: [...STAGED_STAFF_COLUMNS] });

  // Qualifications of new records and of records whose qualifications change.
  await bulkInsert(
    ctx.db,
    importQualifications,
    plan.staff
      .filter((s) => s.action === "new" || (s.action === "update" && s.changed.includes("qualifications")))
      .flatMap((s) =>
        s.input.qualifications.map((q) => ({
          stageId,
          id: orderedUuid(),
          orgId,
          staffRecordId: staffIds.get(s.key) as string,
          ...q,
        })),
      ),
  );
  // Training replaced for staff records whose training in the file differs.
  await bulkInsert(
    ctx.db,
    importTraining,
    plan.training
      .filter((t) => t.action === "replace")
      .flatMap((t) =>
        t.rows.map((r) => ({
          stageId,
          id: orderedUuid(),
          orgId,
          staffRecordId: staffIds.get(staffKey(r.workplaceRef, r.staffRef)) as string,
          ...r.values,
        })),
      ),
  );
  return staged;
}

/**
 * Who leaves, when and why: the rows marked DELETE and the missing staff chosen as leavers. A
 * reason is never made up: one not given for someone who leaves refuses the whole commit (422,
 * an issue per person), so nothing is saved as "Reason not known" without anyone saying so.
 */
export function leaversOf(staged: Staged, decisions: Decisions, asAt: string) {
  const leavers: { id: string; date: string; reason: number }[] = [];
  const issues: { path: string; message: string }[] = [];
  for (const id of staged.leaving) {
    const d = decisions.deleted?.byId?.[id] ?? decisions.deleted?.default;
    if (d?.reason === undefined) {
      const name = staged.leavingNames?.[id];
      issues.push({
        path: `deleted.byId.${id}.reason`,
        message: `Choose why ${name ? `${name} left` : "this person left"}: the staff file marks them as leaving but does not say why`,
      });
    } else leavers.push({ id, date: d.leavingDate ?? asAt, reason: d.reason });
  }
  let kept = 0;
  let unexplained = 0;
  for (const id of staged.missing) {
    const d = decisions.missing.byId?.[id] ?? decisions.missing.default;
    if (d.action !== "leaver") kept++;
    else if (d.reason === undefined) unexplained++;
    else leavers.push({ id, date: d.leavingDate ?? asAt, reason: d.reason });
  }
  if (unexplained)
    issues.push({
      path: "missing.reason",
      message: `Choose a reason for leaving for the ${unexplained === 1 ? "person" : `${unexplained} people`} not in your staff file you are recording as leaving`,
    });
  if (issues.length)
    throw new AppError(
      422,
      "leaving_reason_needed",
      `Say why each person leaves before saving: ${issues.length === 1 ? issues[0].message : `${issues.length} reasons are missing`}. Nothing was changed.`,
      issues,
    );
  return { leavers, kept };
}

/** Applies what stageUpload wrote, inside the caller's transaction (which holds the organisation's lock). */
export async function applyStaged(ctx: OrgCtx, stageId: string, staged: Staged, asAt: string, decisions: Decisions) {
  const orgId = ctx.org.id;
  const now = ctx.deps.now();
  const audit: AuditEntry[] = [];
  // Leavers (rows marked DELETE, and missing staff chosen as leavers) first: a reason not given
  // refuses the commit before anything is written.
  const { leavers, kept } = leaversOf(staged, decisions, asAt);

  const fresh = staged.workplaces.filter((w) => w.action === "new");
  if (fresh.length) {
    // A new workplace is placed in its council's area when one council commissions the provider
    // today (a past or future link says nothing of where the provider works now).
    const councils = await councilsOf(ctx.db, orgId, isoDate(now));
    const councilId = councils.length === 1 ? councils[0] : null;
    for (let i = 0; i < fresh.length; i += 500)
      await ctx.db
        .insert(workplaces)
        // Its records begin with this file: before its as-at date the hub holds who was in post, not who left.
        .values(
          fresh
            .slice(i, i + 500)
            .map((w) => ({ id: w.id, orgId, localRef: w.ref, councilId, recordsFrom: asAt, ...w.values })),
        );
  }
  for (const w of fresh)
    audit.push({
      orgId,
      action: "create",
      entityType: "workplace",
      entityId: w.id,
      after: { localRef: w.ref, recordsFrom: asAt, ...w.values },
    });
  const changedWorkplaces = staged.workplaces.filter((w) => w.action === "update");
  for (const w of changedWorkplaces) {
    await repo.updateWorkplace(ctx.db, orgId, w.id, { ...w.values, updatedAt: now });
    audit.push({
      orgId,
      action: "update",
      entityType: "workplace",
      entityId: w.id,
      before: w.before,
      after: pick(w.values as Record<string, unknown>, w.changed),
    });
  }
  const declaredCount = await bulkInsert(
    ctx.db,
    declaredCounts,
    staged.declared.flatMap((d) =>
      d.counts.map((c) => ({ orgId, workplaceId: d.workplaceId, asAt, kind: c.kind, code: c.code, count: c.count })),
    ),
  );

  const staffNew = await repo.insertStagedStaff(ctx.db, orgId, stageId);
  const staffUpdated = await repo.updateFromStagedStaff(ctx.db, orgId, stageId, now);
  // One entry per workplace lists the records created; one per changed record says what changed.
  await repo.auditStagedStaff(ctx.db, orgId, stageId, ctx.actor);

  await repo.markLeavers(
    ctx.db,
    orgId,
    leavers.map((l) => ({ ...l, destination: LEAVING_DESTINATIONS[l.reason] ?? null })),
    now,
  );
  for (const l of leavers)
    audit.push({
      orgId,
      action: "update",
      entityType: "staff_record",
      entityId: l.id,
      before: { endDate: null },
      after: { endDate: l.date, leavingReason: l.reason },
    });

  await repo.replaceStagedQualifications(ctx.db, orgId, stageId);
  const training = await repo.replaceStagedTraining(ctx.db, orgId, stageId);
  if (training.staffRecords)
    audit.push({
      orgId,
      action: "update",
      entityType: "training",
      entityId: null,
      after: { staffRecords: training.staffRecords, trainingRecords: training.rows },
    });

  await recordAuditBatch(ctx, audit);
  await repo.deleteStaged(ctx.db, orgId, stageId);
  const applied = {
    workplacesNew: fresh.length,
    workplacesUpdated: changedWorkplaces.length,
    staffNew,
    staffUpdated,
    leavers: leavers.length,
    missingKept: kept,
    trainingRecords: training.rows,
    declaredCounts: declaredCount,
  };
  await recordAudit(ctx, { orgId, action: "import", entityType: "upload", entityId: null, after: applied });
  return applied;
}
