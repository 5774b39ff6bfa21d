import { type Deps, inTransaction, type OrgCtx, systemActor } from "../../context";
import type { Exec } from "../../db/client";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { addDays, isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import { assertCommissions, providersOf } from "../orgs/commissioning";
import { completeness } from "./completeness";
import type { Period } from "./returns.repo";
import * as repo from "./returns.repo";

export type ReturnStatus = "not_started" | "in_progress" | "submitted" | "late";

/** The status of one provider's return for one period, on a date. */
export function statusOf(
  period: Pick<Period, "dueDate" | "createdAt">,
  submittedAt: Date | null,
  lastChange: Date | null,
  today: string,
): ReturnStatus {
  if (submittedAt) return isoDate(submittedAt) > period.dueDate ? "late" : "submitted";
  if (today > period.dueDate) return "late";
  return lastChange && lastChange > period.createdAt ? "in_progress" : "not_started";
}

export const RETURN_STATUSES: ReturnStatus[] = ["not_started", "in_progress", "submitted", "late"];

/** A count of employer-period pairs, in the shape of a figure of the metrics engine (which reads it; returns do not import metrics). */
export type StatusCount = { value: number; n: number } | { value: null; reason: "no_data"; n: 0 };

/**
 * return_status (metrics.md) as at D for the employers owning some workplaces: for each employer
 * and each council commissioning it at D (only `councilId`'s when given), the council's latest
 * period ended by D, and the employer's status in it as it stood at D. Given as counts of
 * employer-period pairs in each status (`return_status.submitted` …), so that one employer reads
 * 1 in its status and a council's providers add up. "In progress" is a change to the employer's
 * staff records after the period was set; records keep only their latest change, so a record
 * changed again after D no longer shows an earlier change.
 */
export async function returnStatusFigures(
  db: Exec,
  workplaceIds: string[],
  at: string,
  councilId: string | null,
): Promise<Record<string, StatusCount>> {
  const rows = await repo.findReturnStatusRows(db, workplaceIds, at, councilId);
  const tally = new Map<ReturnStatus, number>(RETURN_STATUSES.map((st) => [st, 0]));
  for (const r of rows) {
    const createdAt = new Date(r.createdAt);
    const status = statusOf(
      { dueDate: r.dueDate, createdAt },
      r.submittedAt ? new Date(r.submittedAt) : null,
      r.changed ? new Date(createdAt.getTime() + 1) : null,
      at,
    );
    tally.set(status, (tally.get(status) ?? 0) + 1);
  }
  return Object.fromEntries(
    RETURN_STATUSES.map((st) => [
      `return_status.${st}`,
      rows.length ? { value: tally.get(st) ?? 0, n: rows.length } : { value: null, reason: "no_data" as const, n: 0 },
    ]),
  );
}

export async function createPeriod(
  ctx: OrgCtx,
  input: { name: string; periodEnd: string; dueDate: string; contractMonitoring?: boolean },
) {
  if (input.dueDate < input.periodEnd)
    throw badRequest("validation", "The due date must be on or after the period end.", [
      { path: "dueDate", message: "Enter a date on or after the period end" },
    ]);
  return inTransaction(ctx, async (tx) => {
    const clash = await repo.findPeriodEnding(tx.db, tx.org.id, input.periodEnd);
    if (clash)
      throw conflict("period_exists", `There is already a return period ending ${input.periodEnd} (${clash.name}).`);
    const period = await repo.insertPeriod(tx.db, { councilId: tx.org.id, ...input, createdAt: tx.deps.now() });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "return_period",
      entityId: period.id,
      after: period,
    });
    return period;
  });
}

/** A council's periods with how many of its providers are in each status. */
export async function listPeriods(ctx: OrgCtx) {
  const periods = await repo.listCouncilPeriods(ctx.db, ctx.org.id);
  return Promise.all(periods.map(async (p) => ({ period: p, providers: await providerStatuses(ctx, p) })));
}

/** Who has and has not submitted for a period: status, date and completeness only (never records). */
export async function providerStatuses(ctx: OrgCtx, period: Period) {
  // The providers the return is asked of: those commissioned on the date it is as at.
  const ids = await providersOf(ctx.db, ctx.org.id, period.periodEnd);
  if (!ids.length) return [];
  // The last change to a provider's records tells "in progress" from "not started".
  const [orgs, subs, changes] = await Promise.all([
    repo.listOrgsByName(ctx.db, ids),
    repo.listPeriodSubmissions(ctx.db, period.id),
    repo.lastStaffChanges(ctx.db, ids),
  ]);
  const subBy = new Map(subs.map((s) => [s.orgId, s]));
  const today = isoDate(ctx.deps.now());
  return orgs.map((o) => {
    const s = subBy.get(o.id);
    return {
      provider: { id: o.id, name: o.name },
      status: statusOf(period, s?.submittedAt ?? null, changes.get(o.id) ?? null, today),
      submittedAt: s?.submittedAt ?? null,
      completenessScore: (s?.completeness as { score: number | null } | undefined)?.score ?? null,
    };
  });
}

/**
 * The council's latest return period whose due date has passed, with the providers that have not
 * submitted it (none when there is no such period): what a council's dashboard asks it to chase.
 */
export async function overdueReturns(ctx: OrgCtx) {
  const today = isoDate(ctx.deps.now());
  const period = (await repo.listCouncilPeriods(ctx.db, ctx.org.id)).find((p) => p.dueDate < today);
  if (!period) return null;
  const providers = (await providerStatuses(ctx, period)).filter((p) => p.status === "late" && !p.submittedAt);
  return { period, providers: providers.map((p) => p.provider) };
}

export async function getCouncilPeriod(ctx: OrgCtx, periodId: string) {
  const period = await repo.findCouncilPeriod(ctx.db, ctx.org.id, periodId);
  if (!period) throw notFound("return period");
  return { period, providers: await providerStatuses(ctx, period) };
}

/** The provider's data as at a date: workplaces, staff in post, open vacancies (no NI numbers). */
async function snapshotOf(ctx: OrgCtx, asAt: string) {
  const { places, staff, open } = await repo.findSnapshotRows(ctx.db, ctx.org.id, asAt);
  return {
    asAt,
    workplaces: places.map(({ createdAt: _c, updatedAt: _u, ...w }) => w),
    staff: staff.map(({ niEncrypted: _n, createdAt: _c, updatedAt: _u, userId: _uid, ...s }) => s),
    vacancies: open.map((v) => ({ workplaceId: v.workplaceId, jobRole: v.jobRole, openedOn: v.openedOn })),
  };
}

/**
 * The returns asked of this provider, with its status in each: a council's period is asked of
 * the providers it commissions on the period's end, as the council's list and submitting have it.
 */
export async function providerReturns(ctx: OrgCtx) {
  const periods = await repo.listProviderPeriods(ctx.db, ctx.org.id);
  if (!periods.length) return [];
  const subs = await repo.listOrgSubmissions(ctx.db, ctx.org.id);
  const subBy = new Map(subs.map((s) => [s.periodId, s]));
  const change = (await repo.lastStaffChanges(ctx.db, [ctx.org.id])).get(ctx.org.id) ?? null;
  const today = isoDate(ctx.deps.now());
  return periods.map(({ period, council }) => {
    const s = subBy.get(period.id);
    return {
      period,
      council,
      status: statusOf(period, s?.submittedAt ?? null, change, today),
      submittedAt: s?.submittedAt ?? null,
      completeness: s?.completeness ?? null,
    };
  });
}

/** Submits the provider's return: an immutable snapshot as at the period end, with its completeness. */
export async function submitReturn(ctx: OrgCtx, periodId: string) {
  return inTransaction(ctx, async (tx) => {
    const period = await repo.findPeriod(tx.db, periodId);
    if (!period) throw notFound("return period");
    await assertCommissions(tx.db, period.councilId, tx.org.id, period.periodEnd, "return period");
    if (period.periodEnd > isoDate(tx.deps.now()))
      throw conflict("period_not_ended", `This return is as at ${period.periodEnd}: submit it on or after that date.`);
    const already = await repo.findSubmission(tx.db, periodId, tx.org.id);
    if (already)
      throw conflict(
        "already_submitted",
        `This return was submitted on ${isoDate(already.submittedAt)} and cannot be changed.`,
      );
    const snapshot = await snapshotOf(tx, period.periodEnd);
    const score = completeness(snapshot.staff as never);
    const sub = await repo.insertSubmission(tx.db, {
      periodId,
      orgId: tx.org.id,
      submittedAt: tx.deps.now(),
      submittedBy: tx.actor.userId,
      completeness: score,
      snapshot,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "return_submission",
      entityId: sub.id,
      after: { periodId, completeness: score.score, staff: snapshot.staff.length },
    });
    return {
      id: sub.id,
      submittedAt: sub.submittedAt,
      completeness: score,
      status: statusOf(period, sub.submittedAt, null, isoDate(tx.deps.now())),
    };
  });
}

/**
 * Emails the admins of providers that have not submitted, once, in the 7 days before a due date.
 * Run by the worker loop.
 */
export async function sendReturnReminders(deps: Deps) {
  const today = isoDate(deps.now());
  const soon = isoDate(addDays(deps.now(), 7));
  const due = await repo.listPeriodsDueBetween(deps.db, today, soon);
  let sent = 0;
  for (const { period, council } of due) {
    const providers = await providersOf(deps.db, period.councilId, period.periodEnd);
    if (!providers.length) continue;
    const done = await repo.findRemindedOrSubmitted(deps.db, period.id);
    for (const orgId of providers.filter((id) => !done.has(id))) {
      await deps.db.transaction(async (tx) => {
        const ctx = { db: tx, deps, actor: systemActor, log: deps.log };
        const admins = await repo.listProviderAdminEmails(tx, orgId);
        for (const a of admins) {
          await queueEmail(ctx, {
            to: a.email,
            template: "return-reminder",
            subject: `Your workforce return for ${oneLine(period.name)} is due on ${period.dueDate}`,
            body: `${oneLine(council)} asks for your workforce return for ${oneLine(period.name)} (data as at ${period.periodEnd}) by ${period.dueDate}.\n\nUpload your ASC-WDS files or check your data, then submit the return:\n${deps.env.PUBLIC_URL}/orgs/${orgId}/returns`,
          });
        }
        await repo.insertReminder(tx, { periodId: period.id, orgId, sentAt: deps.now() });
      });
      sent++;
    }
  }
  return sent;
}
