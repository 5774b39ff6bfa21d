import { todayIso } from "../../../shared/dates";
import type { SupervisionInput, SupervisionPatch } from "../../../shared/schemas/social-work-supervision";
import { inPostOn } from "../../../shared/sw-in-post";
import {
  type AsyeSpan,
  daysBetween,
  intervalFor,
  intervalLabel,
  nextDue,
  periodCompliance,
  type StandardRow,
  standardTargetLabel,
  supervisionStage,
  supervisionState,
  teamCompliance,
} from "../../../shared/sw-supervision";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, forbidden, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { mayName, offerableSupervisor, seesWholeService, visibleTeamIds, visibleWorker } from "./access";
import { teamsByIds } from "./caseloads.repo";
import {
  deleteSupervision,
  findSupervision,
  heldDates,
  insertSupervision,
  serviceStaffList,
  supervisionsOf,
  updateSupervision,
  type WorkerRow,
  workersOfTeams,
  workersOfUser,
} from "./supervision.repo";
import { standardRows } from "./supervision-standards.repo";

// Supervision of the council's social workers (issue 20 item 4): who is overdue or due soon, each
// team's compliance, a worker's supervisions, and recording them. The rules: shared/sw-supervision.ts;
// whose records one sees: access.ts.

export const today = (ctx: Ctx) => todayIso(ctx.deps.now());

export const asyeOf = (w: WorkerRow): AsyeSpan | null =>
  w.asyeStart ? { startDate: w.asyeStart, extendedTo: w.asyeExtendedTo, outcomeOn: w.asyeOutcomeOn } : null;

/** A worker's supervision status on a day. */
export function statusOf(w: WorkerRow, held: readonly string[], rows: readonly StandardRow[], day: string) {
  const worker = { role: w.role, startDate: w.startDate, endDate: w.endDate, asye: asyeOf(w) };
  const stage = supervisionStage(worker, day);
  const interval = intervalFor(stage, rows);
  const { lastHeld, dueOn } = nextDue(worker, held, rows, day);
  const state = supervisionState(dueOn, day);
  return {
    staffRecordId: w.staffRecordId,
    name: w.name,
    teamId: w.teamId,
    teamName: w.teamName,
    role: w.role,
    stage,
    stageLabel: standardTargetLabel(stage),
    interval: intervalLabel(interval),
    minMinutes: interval.minMinutes,
    lastHeld,
    dueOn,
    state,
    daysOverdue: state === "overdue" ? daysBetween(dueOn, day) : 0,
  };
}
export type SupervisionStatus = ReturnType<typeof statusOf>;

/** The statuses of every worker in post today in some teams (of one council). */
export async function statusesOfTeams(ctx: Ctx, orgId: string, teamIds: readonly string[], day: string) {
  const workers = await workersOfTeams(ctx.db, orgId, teamIds);
  const held = await heldDates(
    ctx.db,
    orgId,
    workers.map((w) => w.staffRecordId),
  );
  const rows = await standardRows(ctx.db, orgId);
  return {
    workers,
    held,
    rows,
    statuses: workers
      .filter((w) => inPostOn(w, day))
      .map((w) => statusOf(w, held.get(w.staffRecordId) ?? [], rows, day)),
  };
}

/** The overdue and due-soon lists, and each visible team's compliance now and over 12 months. */
export async function supervisionOverview(ctx: OrgCtx) {
  const day = today(ctx);
  const teamIds = await visibleTeamIds(ctx);
  const teams = await teamsByIds(ctx.db, ctx.org.id, teamIds);
  const { workers, held, rows, statuses } = await statusesOfTeams(ctx, ctx.org.id, teamIds, day);
  const withHeld = (teamId: string) =>
    workers
      .filter((w) => w.teamId === teamId)
      .map((w) => ({
        role: w.role,
        startDate: w.startDate,
        endDate: w.endDate,
        asye: asyeOf(w),
        held: held.get(w.staffRecordId) ?? [],
      }));
  const teamViews = teams.map((t) => {
    const members = withHeld(t.id);
    const now = teamCompliance(members, rows, day);
    return {
      teamId: t.id,
      name: t.name,
      service: t.service,
      inPost: now.inPost,
      overdue: now.inPost - now.notOverdue,
      complianceNow: now.share,
      compliance12Months: periodCompliance(members, rows, day),
    };
  });
  const supervisors = await serviceStaffList(ctx.db, ctx.org.id);
  return {
    today: day,
    overdue: statuses
      .filter((s) => s.state === "overdue")
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.name.localeCompare(b.name)),
    dueSoon: statuses.filter((s) => s.state === "due_soon").sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    teams: teamViews,
    workers: statuses.map((s) => ({ id: s.staffRecordId, name: s.name, teamName: s.teamName })),
    supervisors: supervisors
      .filter((s) => inPostOn(s, day) && (seesWholeService(ctx) || offerableSupervisor(teamIds, s)))
      .map((s) => ({ id: s.id, name: s.name })),
  };
}

/** One worker's status (null when not in post) and supervisions, for a council's staff or for themselves. */
async function workerSupervisionIn(ctx: Ctx, orgId: string, teamId: string, staffRecordId: string) {
  const day = today(ctx);
  const workers = (await workersOfTeams(ctx.db, orgId, [teamId])).filter((w) => w.staffRecordId === staffRecordId);
  const w = workers[0];
  if (!w) throw notFound("social worker");
  const supervisions = await supervisionsOf(ctx.db, orgId, staffRecordId);
  const rows = await standardRows(ctx.db, orgId);
  const status = inPostOn(w, day)
    ? statusOf(
        w,
        supervisions.map((s) => s.heldOn),
        rows,
        day,
      )
    : null;
  return { status, supervisions, minMinutes: status?.minMinutes ?? intervalFor(w.role, rows).minMinutes };
}

export async function workerSupervision(ctx: OrgCtx, staffRecordId: string) {
  const worker = await visibleWorker(ctx, staffRecordId);
  return workerSupervisionIn(ctx, ctx.org.id, worker.teamId, staffRecordId);
}

/** The signed-in worker's own (their current social work record, else their latest). */
export async function mySupervision(ctx: Ctx) {
  if (!ctx.actor.userId) return { status: null, supervisions: [], minMinutes: 90 };
  const [mine] = await workersOfUser(ctx.db, ctx.actor.userId);
  if (!mine) return { status: null, supervisions: [], minMinutes: 90 };
  return workerSupervisionIn(ctx, mine.orgId, mine.teamId, mine.staffRecordId);
}

/** The acting user may change a supervision: they recorded it, or they lead the service. */
export const mayChange = (ctx: OrgCtx, recordedBy: string | null) =>
  seesWholeService(ctx) || (recordedBy !== null && recordedBy === ctx.actor.userId);

async function checkFields(
  ctx: OrgCtx,
  worker: { staffRecordId: string; startDate: string },
  f: { heldOn?: string; supervisorStaffId?: string | null },
  was?: { heldOn: string; supervisorStaffId: string | null },
) {
  const day = today(ctx);
  if (f.heldOn !== undefined) {
    if (f.heldOn > day) {
      const message = `The date held cannot be in the future: enter ${day} or earlier`;
      throw badRequest("future_date", message, [{ path: "heldOn", message }]);
    }
    if (f.heldOn < worker.startDate) {
      const message = `The date held is before the worker started (${worker.startDate}): check the date`;
      throw badRequest("before_start", message, [{ path: "heldOn", message }]);
    }
  }
  const supervisor = f.supervisorStaffId === undefined ? was?.supervisorStaffId : f.supervisorStaffId;
  const heldOn = f.heldOn ?? was?.heldOn;
  // A change that keeps the supervisor and the date keeps what was accepted when it was recorded.
  const unchanged = was && supervisor === was.supervisorStaffId && heldOn === was.heldOn;
  if (supervisor && heldOn && !unchanged) {
    if (supervisor === worker.staffRecordId) {
      const message = "A worker cannot be their own supervisor: choose someone else";
      throw badRequest("own_supervisor", message, [{ path: "supervisorStaffId", message }]);
    }
    // One answer whether the id is unknown, out of reach or not in post that day (access.ts mayName).
    if (!(await mayName(ctx, supervisor, heldOn))) {
      const message = "Choose the supervisor from the list";
      throw badRequest("unknown_supervisor", message, [{ path: "supervisorStaffId", message }]);
    }
  }
}

// Audit payloads leave the actions agreed (free text) out.
const auditable = (r: {
  staffRecordId: string;
  heldOn: string;
  type: string;
  minutes: number | null;
  supervisorStaffId: string | null;
}) => ({
  staffRecordId: r.staffRecordId,
  heldOn: r.heldOn,
  type: r.type,
  minutes: r.minutes,
  supervisorStaffId: r.supervisorStaffId,
});

async function workerWithStart(ctx: OrgCtx, staffRecordId: string) {
  const v = await visibleWorker(ctx, staffRecordId);
  const [w] = (await workersOfTeams(ctx.db, ctx.org.id, [v.teamId])).filter((x) => x.staffRecordId === staffRecordId);
  if (!w) throw notFound("social worker");
  return w;
}

export async function recordSupervision(ctx: OrgCtx, input: SupervisionInput) {
  const worker = await workerWithStart(ctx, input.staffRecordId);
  await checkFields(ctx, worker, input);
  return inTransaction(ctx, async (tx) => {
    const row = await insertSupervision(tx.db, {
      orgId: ctx.org.id,
      staffRecordId: input.staffRecordId,
      supervisorStaffId: input.supervisorStaffId,
      heldOn: input.heldOn,
      type: input.type,
      minutes: input.minutes,
      actions: input.actions,
      recordedBy: ctx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "sw_supervision",
      entityId: row.id,
      after: auditable(row),
    });
    return row;
  });
}

async function changeable(ctx: OrgCtx, id: string) {
  const row = await findSupervision(ctx.db, ctx.org.id, id);
  if (!row) throw notFound("supervision");
  const worker = await workerWithStart(ctx, row.staffRecordId);
  if (!mayChange(ctx, row.recordedBy))
    throw forbidden("Only the person who recorded this supervision, or the service lead, can change or delete it.");
  return { row, worker };
}

export async function changeSupervision(ctx: OrgCtx, id: string, patch: SupervisionPatch) {
  // An update with nothing to set is not a query the database takes: say so rather than fail.
  if (Object.values(patch).every((v) => v === undefined))
    throw badRequest("validation", "Nothing to change: send at least one field of the supervision.");
  const { row, worker } = await changeable(ctx, id);
  await checkFields(ctx, worker, patch, row);
  return inTransaction(ctx, async (tx) => {
    const after = await updateSupervision(tx.db, id, patch);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "sw_supervision",
      entityId: id,
      before: auditable(row),
      after: auditable(after),
    });
    return after;
  });
}

export async function removeSupervision(ctx: OrgCtx, id: string) {
  const { row } = await changeable(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await deleteSupervision(tx.db, id);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "delete",
      entityType: "sw_supervision",
      entityId: id,
      before: auditable(row),
    });
  });
}
