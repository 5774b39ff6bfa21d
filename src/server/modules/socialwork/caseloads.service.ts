import { longMonth } from "../../../shared/dates";
import type { SaveCaseloadsInput } from "../../../shared/schemas/social-work-supervision";
import { CASE_TYPE_LABELS, CASE_TYPES, SW_ROLES, type SwService } from "../../../shared/social-work";
import {
  aboveThreshold,
  type CaseloadSettings,
  caseloadProblem,
  caseloadThreshold,
  DEFAULT_CASELOAD_SETTINGS,
  protectedCaseloadTarget,
  teamAverageCaseload,
  withinProtection,
} from "../../../shared/sw-caseload";
import { fteOf } from "../../../shared/sw-fte";
import { inPostDuring } from "../../../shared/sw-in-post";
import { supervisionStage } from "../../../shared/sw-supervision";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { assertTeamVisible, visibleTeamIds, visibleWorker } from "./access";
import {
  caseloadSettings,
  caseloadsInMonth,
  caseloadsOf,
  deleteCaseloads,
  teamsByIds,
  upsertCaseloads,
} from "./caseloads.repo";
import { type WorkerRow, workersOfTeams, workersOfUser } from "./supervision.repo";
import { asyeOf, today } from "./supervision.service";

// Monthly caseloads of the council's social workers (issue 20 item 5): a team's month entered in
// one form (all or nothing), team averages per full-time case holder against the threshold, and
// newly qualified workers above their protected caseload. Rules: shared/sw-caseload.ts.

const isCaseHolding = (role: string) =>
  (SW_ROLES as Record<string, { caseHolding: boolean }>)[role]?.caseHolding ?? false;
const monthEnd = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
/** A worker is counted in a month when in post on any day of it (an end date on the 1st: none). */
const inPostInMonth = (w: { startDate: string; endDate: string | null }, month: string) =>
  inPostDuring(w, month, monthEnd(month));
/** A worker's FTE as the page shows it, to 2 places; the team's average is worked out from these. */
const fteShown = (hours: number | null) => Math.round(fteOf(hours) * 100) / 100;
/** "2026-06" (or none: this month) → "2026-06-01". */
const monthStart = (ctx: Ctx, month: string | undefined) => `${month ?? today(ctx).slice(0, 7)}-01`;

async function settingsOf(ctx: Ctx, orgId: string): Promise<CaseloadSettings> {
  return (await caseloadSettings(ctx.db, orgId)) ?? DEFAULT_CASELOAD_SETTINGS;
}

/** The protected target for a worker in a month when they are in their ASYE that month, else null. */
function protectionOf(w: WorkerRow, month: string, threshold: number, settings: CaseloadSettings) {
  const asye = asyeOf(w);
  const inAsye = asye
    ? supervisionStage({ role: w.role, asye }, monthEnd(month)).startsWith("asye_") ||
      supervisionStage({ role: w.role, asye }, month).startsWith("asye_")
    : w.role === "asye_social_worker";
  if (!inAsye) return null;
  return protectedCaseloadTarget({ asyeTarget: w.asyeProtectedTarget, threshold, share: settings.asyeProtectionShare });
}

const caseHoldersIn = (workers: WorkerRow[], teamId: string, month: string) =>
  workers.filter((w) => w.teamId === teamId && isCaseHolding(w.role) && inPostInMonth(w, month));

/** The team's month for the form: every case-holding worker in post, with what is entered. */
export async function teamCaseloads(ctx: OrgCtx, teamId: string, month: string | undefined) {
  await assertTeamVisible(ctx, teamId);
  const m = monthStart(ctx, month);
  const [team] = await teamsByIds(ctx.db, ctx.org.id, [teamId]);
  if (!team) throw notFound("team");
  const settings = await settingsOf(ctx, ctx.org.id);
  const threshold = caseloadThreshold(team, settings);
  const holders = caseHoldersIn(await workersOfTeams(ctx.db, ctx.org.id, [teamId]), teamId, m);
  const entered = new Map(
    (
      await caseloadsInMonth(
        ctx.db,
        ctx.org.id,
        m,
        holders.map((w) => w.staffRecordId),
      )
    ).map((r) => [r.staffRecordId, r]),
  );
  const workers = holders.map((w) => {
    const row = entered.get(w.staffRecordId);
    const target = protectionOf(w, m, threshold, settings);
    return {
      staffRecordId: w.staffRecordId,
      name: w.name,
      localRef: w.localRef,
      role: w.role,
      fte: fteShown(w.contractedHours),
      openCases: row?.openCases ?? null,
      byType: row?.byType ?? {},
      protectedTarget: target,
      withinProtection: target === null || !row ? null : withinProtection(row.openCases, target),
    };
  });
  const average = teamAverageCaseload(
    workers.filter((w) => w.openCases !== null).map((w) => ({ openCases: w.openCases ?? 0, fte: w.fte })),
  );
  const service = team.service as SwService;
  return {
    teamId: team.id,
    name: team.name,
    service: team.service,
    month: m.slice(0, 7),
    caseTypes: (CASE_TYPES[service] ?? []).map((key) => ({ key, label: CASE_TYPE_LABELS[key] ?? key })),
    threshold,
    average,
    above: aboveThreshold(average, threshold),
    workers,
  };
}

/**
 * Saves a team's month: every entry checked first, nothing written unless all are right. An entry
 * with no open cases (null) removes the worker's entry for the month, so a wrong one can be cleared.
 */
export async function saveTeamCaseloads(ctx: OrgCtx, teamId: string, month: string, input: SaveCaseloadsInput) {
  await assertTeamVisible(ctx, teamId);
  const m = monthStart(ctx, month);
  if (m > `${today(ctx).slice(0, 7)}-01`) {
    const message = `Caseloads are entered for this month or earlier: ${longMonth(m)} has not started`;
    throw badRequest("future_month", message, [{ path: "month", message }]);
  }
  const [team] = await teamsByIds(ctx.db, ctx.org.id, [teamId]);
  if (!team) throw notFound("team");
  const holders = new Map(
    caseHoldersIn(await workersOfTeams(ctx.db, ctx.org.id, [teamId]), teamId, m).map((w) => [w.staffRecordId, w]),
  );
  const types = new Set<string>(CASE_TYPES[team.service as SwService] ?? []);
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  input.entries.forEach((e, i) => {
    const w = holders.get(e.staffRecordId);
    if (!w) {
      issues.push({
        path: `entries.${i}.staffRecordId`,
        message: `Entry ${i + 1} is not a case-holding worker of ${team.name} in post that month`,
      });
      return;
    }
    if (seen.has(e.staffRecordId)) {
      issues.push({
        path: `entries.${i}.staffRecordId`,
        message: `${w.name} is entered twice: enter each worker once`,
      });
      return;
    }
    seen.add(e.staffRecordId);
    const unknown = Object.keys(e.byType).filter((k) => !types.has(k));
    if (unknown.length) {
      issues.push({
        path: `entries.${i}.byType`,
        message: `${w.name}: ${unknown.join(", ")} is not a case type of this service`,
      });
      return;
    }
    if (e.openCases === null) {
      if (Object.keys(e.byType).length)
        issues.push({
          path: `entries.${i}.byType`,
          message: `${w.name}: the open cases are blank, so the entry is removed: clear the cases by type too`,
        });
      return;
    }
    const problem = caseloadProblem(e.openCases, e.byType);
    if (problem) issues.push({ path: `entries.${i}.${problem.field}`, message: `${w.name}: ${problem.message}` });
  });
  if (issues.length)
    throw badRequest(
      "invalid_caseloads",
      `Nothing was saved: ${issues.length === 1 ? issues[0].message : `${issues.length} entries need correcting`}`,
      issues,
    );
  const saves = input.entries.flatMap((e) => (e.openCases === null ? [] : [{ ...e, openCases: e.openCases }]));
  const removals = input.entries.filter((e) => e.openCases === null).map((e) => e.staffRecordId);
  const removed = await inTransaction(ctx, async (tx) => {
    await upsertCaseloads(tx.db, ctx.org.id, m, saves);
    const gone = await deleteCaseloads(tx.db, ctx.org.id, m, removals);
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "sw_caseloads",
      entityId: teamId,
      after: { month: m, workers: saves.length, openCases: saves.reduce((s, e) => s + e.openCases, 0), removed: gone },
    });
    return gone;
  });
  return { saved: saves.length, removed };
}

/** Each visible team's average per full-time case holder in a month, and NQSWs above protection. */
export async function caseloadsOverview(ctx: OrgCtx, month: string | undefined) {
  const m = monthStart(ctx, month);
  const teamIds = await visibleTeamIds(ctx);
  const teams = await teamsByIds(ctx.db, ctx.org.id, teamIds);
  const settings = await settingsOf(ctx, ctx.org.id);
  const workers = await workersOfTeams(ctx.db, ctx.org.id, teamIds);
  const rows = new Map(
    (
      await caseloadsInMonth(
        ctx.db,
        ctx.org.id,
        m,
        workers.map((w) => w.staffRecordId),
      )
    ).map((r) => [r.staffRecordId, r]),
  );
  const nqsws: { staffRecordId: string; name: string; teamName: string; openCases: number; protectedTarget: number }[] =
    [];
  const teamViews = teams.map((t) => {
    const threshold = caseloadThreshold(t, settings);
    const holders = caseHoldersIn(workers, t.id, m);
    const entered = holders.filter((w) => rows.has(w.staffRecordId));
    for (const w of entered) {
      const target = protectionOf(w, m, threshold, settings);
      const open = rows.get(w.staffRecordId)?.openCases ?? 0;
      if (target !== null && !withinProtection(open, target))
        nqsws.push({
          staffRecordId: w.staffRecordId,
          name: w.name,
          teamName: t.name,
          openCases: open,
          protectedTarget: target,
        });
    }
    const parts = entered.map((w) => ({
      openCases: rows.get(w.staffRecordId)?.openCases ?? 0,
      fte: fteShown(w.contractedHours),
    }));
    const average = teamAverageCaseload(parts);
    return {
      teamId: t.id,
      name: t.name,
      service: t.service,
      threshold,
      caseHolders: holders.length,
      entered: entered.length,
      fte: Math.round(parts.reduce((s, p) => s + p.fte, 0) * 100) / 100,
      average,
      above: aboveThreshold(average, threshold),
    };
  });
  return { month: m.slice(0, 7), teams: teamViews.filter((t) => t.caseHolders > 0), nqswsAboveProtection: nqsws };
}

/** A worker's caseload by month, with their protected target in the months of their ASYE. */
async function caseloadsIn(ctx: Ctx, orgId: string, teamId: string, staffRecordId: string) {
  const [w] = (await workersOfTeams(ctx.db, orgId, [teamId])).filter((x) => x.staffRecordId === staffRecordId);
  if (!w) throw notFound("social worker");
  const [team] = await teamsByIds(ctx.db, orgId, [teamId]);
  const settings = await settingsOf(ctx, orgId);
  const threshold = caseloadThreshold(team, settings);
  const months = (await caseloadsOf(ctx.db, orgId, staffRecordId)).map((r) => {
    const target = protectionOf(w, r.month, threshold, settings);
    return {
      month: r.month.slice(0, 7),
      openCases: r.openCases,
      byType: r.byType,
      protectedTarget: target,
      withinProtection: target === null ? null : withinProtection(r.openCases, target),
    };
  });
  return { months: months.reverse() };
}

export async function workerCaseloads(ctx: OrgCtx, staffRecordId: string) {
  const worker = await visibleWorker(ctx, staffRecordId);
  return caseloadsIn(ctx, ctx.org.id, worker.teamId, staffRecordId);
}

export async function myCaseloads(ctx: Ctx) {
  if (!ctx.actor.userId) return { months: [] };
  const [mine] = await workersOfUser(ctx.db, ctx.actor.userId);
  if (!mine) return { months: [] };
  return caseloadsIn(ctx, mine.orgId, mine.teamId, mine.staffRecordId);
}
