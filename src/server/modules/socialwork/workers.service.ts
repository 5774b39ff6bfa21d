import { longDate } from "../../../shared/dates";
import type {
  AddWorkerInput,
  LeaverInput,
  ProfileInput,
  WorkersQuery,
} from "../../../shared/schemas/social-work-service";
import { SW_ROLES, type SwRole } from "../../../shared/social-work";
import { LEAVING_NOTICE_MONTHS, latestLeavingDate } from "../../../shared/sw-leaving";
import { SWE_NUMBER_TAKEN } from "../../../shared/sw-registration";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { recordLeaver as recordStaffLeaver } from "../staff/staff.service";
import { visibleTeamIds, visibleWorker } from "./access";
import { alertsOf } from "./registration.service";
import * as teamsRepo from "./teams.repo";
import { presentWorkerDetail, presentWorkerSummary } from "./workers.presenter";
import * as repo from "./workers.repo";

// The social work service's workers (issue 20 item 1): the list (filters: service, team, role,
// route in, needs attention), a worker's profile, the service lead's edits, adding a worker (the staff
// record at the service's workplace and the profile, in one transaction) and recording a leaver
// (the staff record's end date and ASC-WDS reason, as the Staff page does). Who sees whom: access.ts.

const today = (ctx: OrgCtx) => isoDate(ctx.deps.now());
const invalid = (path: string, message: string) => badRequest("validation", message, [{ path, message }]);

export const listWorkerRows = (ctx: OrgCtx, teamIds: string[], filter: repo.WorkerFilter) =>
  repo.listWorkers(ctx.db, ctx.org.id, teamIds, filter, today(ctx));

export async function listWorkers(ctx: OrgCtx, query: WorkersQuery) {
  const day = today(ctx);
  const rows = await listWorkerRows(ctx, await visibleTeamIds(ctx), {
    service: query.service,
    teamId: query.teamId,
    role: query.role,
    routeIn: query.routeIn,
    leavers: query.leavers === "true",
  });
  const workers = rows.map((w) => presentWorkerSummary(w, day));
  return query.attention === "true" ? workers.filter((w) => w.alerts.length) : workers;
}

export async function getWorker(ctx: OrgCtx, id: string) {
  await visibleWorker(ctx, id);
  const row = await repo.findWorker(ctx.db, ctx.org.id, id);
  if (!row) throw notFound("social worker");
  return presentWorkerDetail(row, today(ctx), ctx.actor.userId);
}

/** A current team of the council's for a worker at `workplaceId` (teams of the same service only). */
async function teamFor(ctx: OrgCtx, teamId: string, service: string | null) {
  const team = await teamsRepo.findTeam(ctx.db, ctx.org.id, teamId);
  if (!team || team.archivedAt) throw invalid("teamId", "Choose a current team of your council's social work service");
  if (service && team.service !== service)
    throw invalid(
      "teamId",
      `Choose a ${service === "adults" ? "adults'" : "children's"} team: the worker's record is at the ${service} workplace`,
    );
  return team;
}

/** Refuses an SWE number another worker of the council holds while this one is employed (start to end). */
async function checkSweFree(
  ctx: OrgCtx,
  sweNumber: string | null | undefined,
  period: { startDate: string; endDate: string | null },
  exceptId?: string,
) {
  if (!sweNumber) return;
  if (await repo.findSweHolder(ctx.db, ctx.org.id, sweNumber, period, exceptId))
    throw invalid("sweNumber", SWE_NUMBER_TAKEN);
}

// Never in the audit log: the SWE number (an identifier) — only whether it changed.
const auditable = (p: Record<string, unknown>) => {
  const { sweNumber, ...rest } = p;
  return sweNumber === undefined ? rest : { ...rest, sweNumberChanged: true };
};

export async function updateProfile(ctx: OrgCtx, id: string, input: ProfileInput) {
  return inTransaction(ctx, async (tx) => {
    await visibleWorker(tx, id);
    const before = await repo.findWorker(tx.db, tx.org.id, id);
    if (!before) throw notFound("social worker");
    if (input.teamId && input.teamId !== before.profile.teamId)
      await teamFor(tx, input.teamId, await repo.workplaceService(tx.db, before.workplaceId));
    if (input.sweNumber && input.sweNumber !== before.profile.sweNumber)
      await checkSweFree(tx, input.sweNumber, before, id);
    const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (!Object.keys(set).length)
      throw badRequest("validation", "Nothing to change: send at least one field of the profile.");
    await repo.updateProfile(tx.db, tx.org.id, id, { ...set, updatedAt: tx.deps.now() });
    if (input.role && input.role !== before.profile.role)
      await repo.setMainJobRole(tx.db, tx.org.id, id, SW_ROLES[input.role as SwRole].ascwdsJobRole, tx.deps.now());
    const was = Object.fromEntries(
      Object.keys(set).map((k) => [k, (before.profile as Record<string, unknown>)[k] ?? null]),
    );
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "sw_staff",
      entityId: id,
      before: auditable(was),
      after: auditable(set),
    });
    const row = await repo.findWorker(tx.db, tx.org.id, id);
    if (!row) throw notFound("social worker");
    return presentWorkerDetail(row, today(tx), tx.actor.userId);
  });
}

export async function addWorker(ctx: OrgCtx, input: AddWorkerInput) {
  return inTransaction(ctx, async (tx) => {
    const team = await teamFor(tx, input.teamId, null);
    await checkSweFree(tx, input.sweNumber, { startDate: input.startDate, endDate: null });
    const role = input.role as SwRole;
    const localRef = input.localRef || `SW-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e4)}`;
    if (await repo.findCurrentRef(tx.db, team.workplaceId, localRef))
      throw conflict(
        "reference_taken",
        `Someone in post at the ${team.service} workplace already has the staff reference ${localRef}: give this worker their own.`,
      );
    const record = await repo.insertStaffRecord(tx.db, {
      orgId: tx.org.id,
      workplaceId: team.workplaceId,
      localRef,
      displayId: input.name,
      startDate: input.startDate,
      dateOfBirth: input.dateOfBirth ?? null,
      gender: input.gender ?? null,
      ethnicity: input.ethnicity ?? null,
      contractType: 1,
      contractedHours: input.contractedHours,
      mainJobRole: SW_ROLES[role].ascwdsJobRole,
      mainJobStartDate: input.startDate,
    });
    await repo.insertProfile(tx.db, {
      staffRecordId: record.id,
      orgId: tx.org.id,
      teamId: team.id,
      role,
      pcfLevel: input.pcfLevel ?? null,
      grade: input.grade ?? null,
      sweNumber: input.sweNumber ?? null,
      qualifiedOn: input.qualifiedOn ?? null,
      routeIn: input.routeIn ?? "unknown",
    });
    // No date of birth, sex, ethnicity or SWE number in the audit payload.
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "sw_staff",
      entityId: record.id,
      after: { teamId: team.id, role, startDate: input.startDate, contractedHours: input.contractedHours },
    });
    const row = await repo.findWorker(tx.db, tx.org.id, record.id);
    if (!row) throw notFound("social worker");
    return presentWorkerDetail(row, today(tx), tx.actor.userId);
  });
}

/** A resignation with notice can be recorded ahead, up to LEAVING_NOTICE_MONTHS: in post until the date. */
export async function recordLeaver(ctx: OrgCtx, id: string, input: LeaverInput) {
  await visibleWorker(ctx, id);
  const latest = latestLeavingDate(today(ctx));
  await recordStaffLeaver(ctx, id, input, {
    date: latest,
    message: `Enter a leaving date no later than ${longDate(latest)}, ${LEAVING_NOTICE_MONTHS} months from today`,
  });
  return getWorker(ctx, id);
}

/** Alerts of the current workers of the teams, for counts. */
export async function alertsOfTeams(ctx: OrgCtx, teamIds: string[]) {
  const day = today(ctx);
  return (await listWorkerRows(ctx, teamIds, {})).map((w) => ({
    service: w.service,
    teamId: w.profile.teamId,
    alerts: alertsOf(w.profile, w, day),
  }));
}
