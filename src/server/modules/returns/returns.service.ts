import { and, asc, desc, eq, gt, inArray, isNull, lte, max, or, sql } from "drizzle-orm";
import { ADMIN_ROLE_BY_KIND } from "../../../shared/permissions";
import { type Deps, inTransaction, type OrgCtx, systemActor } from "../../context";
import type { Exec } from "../../db/client";
import { commissioning, memberships, organisations, returnPeriods, returnReminders, returnSubmissions, staffRecords, users, vacancies, workplaces } from "../../db/schema";
import { badRequest, conflict, forbidden, notFound } from "../../lib/errors";
import { addDays, isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import type { Figures } from "../metrics/engine";
import { commissionedProviderIds } from "../orgs/orgs.repo";
import { completeness } from "./completeness";

export type ReturnStatus = "not_started" | "in_progress" | "submitted" | "late";

type Period = typeof returnPeriods.$inferSelect;

/** The status of one provider's return for one period, on a date. */
export function statusOf(period: Pick<Period, "dueDate" | "createdAt">, submittedAt: Date | null, lastChange: Date | null, today: string): ReturnStatus {
  if (submittedAt) return isoDate(submittedAt) > period.dueDate ? "late" : "submitted";
  if (today > period.dueDate) return "late";
  return lastChange && lastChange > period.createdAt ? "in_progress" : "not_started";
}

export const RETURN_STATUSES: ReturnStatus[] = ["not_started", "in_progress", "submitted", "late"];

/**
 * return_status (metrics.md) as at D for the employers owning some workplaces: for each employer
 * and each council commissioning it at D (only `councilId`'s when given), the council's latest
 * period ended by D, and the employer's status in it as it stood at D. Given as counts of
 * employer-period pairs in each status (`return_status.submitted` …), so that one employer reads
 * 1 in its status and a council's providers add up. "In progress" is a change to the employer's
 * staff records after the period was set; records keep only their latest change, so a record
 * changed again after D no longer shows an earlier change.
 */
export async function returnStatusFigures(db: Exec, workplaceIds: string[], at: string, councilId: string | null): Promise<Figures> {
  const result = await db.execute(sql`
    with employers as (select distinct org_id from workplaces where id = any(${`{${workplaceIds.join(",")}}`}::uuid[])),
    pairs as (
      select distinct on (e.org_id, p.council_id) e.org_id, p.id, p.due_date, p.created_at
      from employers e
        join commissioning cm on cm.provider_id = e.org_id and cm.from_date <= ${at}::date and (cm.to_date is null or cm.to_date >= ${at}::date)
        join return_periods p on p.council_id = cm.council_id and p.period_end <= ${at}::date
      where ${councilId}::uuid is null or p.council_id = ${councilId}::uuid
      order by e.org_id, p.council_id, p.period_end desc)
    select p.due_date::text as "dueDate", p.created_at as "createdAt", s.submitted_at as "submittedAt",
      exists (select 1 from staff_records r where r.org_id = p.org_id and r.updated_at > p.created_at and r.updated_at < ${at}::date + 1) as changed
    from pairs p left join return_submissions s on s.period_id = p.id and s.org_id = p.org_id and s.submitted_at < ${at}::date + 1`);
  const rows = result.rows as { dueDate: string; createdAt: string | Date; submittedAt: string | Date | null; changed: boolean }[];
  const tally = new Map<ReturnStatus, number>(RETURN_STATUSES.map((st) => [st, 0]));
  for (const r of rows) {
    const createdAt = new Date(r.createdAt);
    const status = statusOf({ dueDate: r.dueDate, createdAt }, r.submittedAt ? new Date(r.submittedAt) : null, r.changed ? new Date(createdAt.getTime() + 1) : null, at);
    tally.set(status, (tally.get(status) ?? 0) + 1);
  }
  return Object.fromEntries(
    RETURN_STATUSES.map((st) => [`return_status.${st}`, rows.length ? { value: tally.get(st) ?? 0, n: rows.length } : { value: null, reason: "no_data" as const, n: 0 }]),
  );
}

export async function createPeriod(ctx: OrgCtx, input: { name: string; periodEnd: string; dueDate: string }) {
  if (ctx.org.kind !== "council") throw forbidden("Only a council sets return periods.");
  if (input.dueDate < input.periodEnd)
    throw badRequest("validation", "The due date must be on or after the period end.", [{ path: "dueDate", message: "Enter a date on or after the period end" }]);
  return inTransaction(ctx, async (tx) => {
    const [clash] = await tx.db
      .select()
      .from(returnPeriods)
      .where(and(eq(returnPeriods.councilId, tx.org.id), eq(returnPeriods.periodEnd, input.periodEnd)));
    if (clash) throw conflict("period_exists", `There is already a return period ending ${input.periodEnd} (${clash.name}).`);
    const [period] = await tx.db
      .insert(returnPeriods)
      .values({ councilId: tx.org.id, ...input, createdAt: tx.deps.now() })
      .returning();
    await recordAudit(tx, { orgId: tx.org.id, action: "create", entityType: "return_period", entityId: period.id, after: period });
    return period;
  });
}

/** The latest change to a provider's staff records, to tell "in progress" from "not started". */
async function lastChanges(ctx: OrgCtx, orgIds: string[]) {
  if (!orgIds.length) return new Map<string, Date>();
  const rows = await ctx.db
    .select({ orgId: staffRecords.orgId, at: max(staffRecords.updatedAt) })
    .from(staffRecords)
    .where(inArray(staffRecords.orgId, orgIds))
    .groupBy(staffRecords.orgId);
  return new Map(rows.map((r) => [r.orgId, r.at as Date]));
}

/** A council's periods with how many of its providers are in each status. */
export async function listPeriods(ctx: OrgCtx) {
  const periods = await ctx.db.select().from(returnPeriods).where(eq(returnPeriods.councilId, ctx.org.id)).orderBy(desc(returnPeriods.periodEnd));
  return Promise.all(periods.map(async (p) => ({ period: p, providers: await providerStatuses(ctx, p) })));
}

/** Who has and has not submitted for a period: status, date and completeness only (never records). */
export async function providerStatuses(ctx: OrgCtx, period: Period) {
  const ids = (await commissionedProviderIds(ctx.db, ctx.org.id, period.periodEnd)).map((r) => r.id);
  if (!ids.length) return [];
  const [orgs, subs, changes] = await Promise.all([
    ctx.db.select().from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.name)),
    ctx.db
      .select({ orgId: returnSubmissions.orgId, submittedAt: returnSubmissions.submittedAt, completeness: returnSubmissions.completeness })
      .from(returnSubmissions)
      .where(eq(returnSubmissions.periodId, period.id)),
    lastChanges(ctx, ids),
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

export async function getCouncilPeriod(ctx: OrgCtx, periodId: string) {
  const [period] = await ctx.db
    .select()
    .from(returnPeriods)
    .where(and(eq(returnPeriods.id, periodId), eq(returnPeriods.councilId, ctx.org.id)));
  if (!period) throw notFound("return period");
  return { period, providers: await providerStatuses(ctx, period) };
}

/** The provider's data as at a date: workplaces, staff in post, open vacancies (no NI numbers). */
async function snapshotOf(ctx: OrgCtx, asAt: string) {
  const places = await ctx.db.select().from(workplaces).where(eq(workplaces.orgId, ctx.org.id));
  const staff = await ctx.db
    .select()
    .from(staffRecords)
    .where(and(eq(staffRecords.orgId, ctx.org.id), lte(staffRecords.startDate, asAt), or(isNull(staffRecords.endDate), gt(staffRecords.endDate, asAt))));
  const open = await ctx.db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.orgId, ctx.org.id), lte(vacancies.openedOn, asAt), or(isNull(vacancies.closedOn), gt(vacancies.closedOn, asAt))));
  return {
    asAt,
    workplaces: places.map(({ createdAt: _c, updatedAt: _u, ...w }) => w),
    staff: staff.map(({ niEncrypted: _n, createdAt: _c, updatedAt: _u, userId: _uid, ...s }) => s),
    vacancies: open.map((v) => ({ workplaceId: v.workplaceId, jobRole: v.jobRole, openedOn: v.openedOn })),
  };
}

/** Returns for the councils that commission this provider, with its status in each. */
export async function providerReturns(ctx: OrgCtx) {
  const councils = await ctx.db.selectDistinct({ id: commissioning.councilId }).from(commissioning).where(eq(commissioning.providerId, ctx.org.id));
  if (!councils.length) return [];
  const periods = await ctx.db
    .select({ period: returnPeriods, council: organisations.name })
    .from(returnPeriods)
    .innerJoin(organisations, eq(organisations.id, returnPeriods.councilId))
    .where(
      inArray(
        returnPeriods.councilId,
        councils.map((c) => c.id),
      ),
    )
    .orderBy(desc(returnPeriods.periodEnd));
  const subs = await ctx.db
    .select({ periodId: returnSubmissions.periodId, submittedAt: returnSubmissions.submittedAt, completeness: returnSubmissions.completeness })
    .from(returnSubmissions)
    .where(eq(returnSubmissions.orgId, ctx.org.id));
  const subBy = new Map(subs.map((s) => [s.periodId, s]));
  const change = (await lastChanges(ctx, [ctx.org.id])).get(ctx.org.id) ?? null;
  const today = isoDate(ctx.deps.now());
  return periods.map(({ period, council }) => {
    const s = subBy.get(period.id);
    return { period, council, status: statusOf(period, s?.submittedAt ?? null, change, today), submittedAt: s?.submittedAt ?? null, completeness: s?.completeness ?? null };
  });
}

/** Submits the provider's return: an immutable snapshot as at the period end, with its completeness. */
export async function submitReturn(ctx: OrgCtx, periodId: string) {
  return inTransaction(ctx, async (tx) => {
    const [period] = await tx.db.select().from(returnPeriods).where(eq(returnPeriods.id, periodId));
    const councils = period ? (await commissionedProviderIds(tx.db, period.councilId, period.periodEnd)).map((r) => r.id) : [];
    if (!period || !councils.includes(tx.org.id)) throw notFound("return period");
    if (period.periodEnd > isoDate(tx.deps.now())) throw conflict("period_not_ended", `This return is as at ${period.periodEnd}: submit it on or after that date.`);
    const [already] = await tx.db
      .select()
      .from(returnSubmissions)
      .where(and(eq(returnSubmissions.periodId, periodId), eq(returnSubmissions.orgId, tx.org.id)));
    if (already) throw conflict("already_submitted", `This return was submitted on ${isoDate(already.submittedAt)} and cannot be changed.`);
    const snapshot = await snapshotOf(tx, period.periodEnd);
    const score = completeness(snapshot.staff as never);
    const [sub] = await tx.db
      .insert(returnSubmissions)
      .values({ periodId, orgId: tx.org.id, submittedAt: tx.deps.now(), submittedBy: tx.actor.userId, completeness: score, snapshot })
      .returning({ id: returnSubmissions.id, submittedAt: returnSubmissions.submittedAt });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "return_submission",
      entityId: sub.id,
      after: { periodId, completeness: score.score, staff: snapshot.staff.length },
    });
    return { id: sub.id, submittedAt: sub.submittedAt, completeness: score, status: statusOf(period, sub.submittedAt, null, isoDate(tx.deps.now())) };
  });
}

/**
 * Emails the admins of providers that have not submitted, once, in the 7 days before a due date.
 * Run by the worker loop.
 */
export async function sendReturnReminders(deps: Deps) {
  const today = isoDate(deps.now());
  const soon = isoDate(addDays(deps.now(), 7));
  const due = await deps.db
    .select({ period: returnPeriods, council: organisations.name })
    .from(returnPeriods)
    .innerJoin(organisations, eq(organisations.id, returnPeriods.councilId))
    .where(and(sql`${returnPeriods.dueDate} >= ${today}`, sql`${returnPeriods.dueDate} <= ${soon}`));
  let sent = 0;
  for (const { period, council } of due) {
    const providers = (await commissionedProviderIds(deps.db, period.councilId, period.periodEnd)).map((r) => r.id);
    if (!providers.length) continue;
    const done = new Set(
      [
        ...(await deps.db.select({ orgId: returnSubmissions.orgId }).from(returnSubmissions).where(eq(returnSubmissions.periodId, period.id))),
        ...(await deps.db.select({ orgId: returnReminders.orgId }).from(returnReminders).where(eq(returnReminders.periodId, period.id))),
      ].map((r) => r.orgId),
    );
    for (const orgId of providers.filter((id) => !done.has(id))) {
      await deps.db.transaction(async (tx) => {
        const ctx = { db: tx, deps, actor: systemActor, log: deps.log };
        const admins = await tx
          .select({ email: users.email })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.orgId, orgId), eq(memberships.role, ADMIN_ROLE_BY_KIND.provider)));
        for (const a of admins) {
          await queueEmail(ctx, {
            to: a.email,
            template: "return-reminder",
            subject: `Your workforce return for ${oneLine(period.name)} is due on ${period.dueDate}`,
            body: `${oneLine(council)} asks for your workforce return for ${oneLine(period.name)} (data as at ${period.periodEnd}) by ${period.dueDate}.\n\nUpload your ASC-WDS files or check your data, then submit the return:\n${deps.env.PUBLIC_URL}/orgs/${orgId}/returns`,
          });
        }
        await tx.insert(returnReminders).values({ periodId: period.id, orgId, sentAt: deps.now() });
      });
      sent++;
    }
  }
  return sent;
}
