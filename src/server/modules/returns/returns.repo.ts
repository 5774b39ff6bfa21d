import { and, asc, desc, eq, gt, inArray, isNull, lte, max, or, sql } from "drizzle-orm";
import { ADMIN_ROLE_BY_KIND } from "../../../shared/permissions";
import type { Exec } from "../../db/client";
import {
  memberships,
  organisations,
  returnPeriods,
  returnReminders,
  returnSubmissions,
  staffRecords,
  users,
  vacancies,
  workplaces,
} from "../../db/schema";
import { commissionsOn } from "../orgs/commissioning.repo";

export type Period = typeof returnPeriods.$inferSelect;

/**
 * For the employers owning some workplaces, each council commissioning the employer at D (only
 * `councilId`'s when given) with that council's latest period ended by D: the period's dates,
 * the employer's submission made by D, and whether its staff records changed after the period was
 * set and before the end of D.
 */
export async function findReturnStatusRows(db: Exec, workplaceIds: string[], at: string, councilId: string | null) {
  const result = await db.execute(sql`
    with employers as (select distinct org_id from workplaces where id = any(${`{${workplaceIds.join(",")}}`}::uuid[])),
    pairs as (
      select distinct on (e.org_id, p.council_id) e.org_id, p.id, p.due_date, p.created_at
      from employers e
        join return_periods p on ${commissionsOn(sql`p.council_id`, sql`e.org_id`, sql`${at}::date`)} and p.period_end <= ${at}::date
      where ${councilId}::uuid is null or p.council_id = ${councilId}::uuid
      order by e.org_id, p.council_id, p.period_end desc)
    select p.due_date::text as "dueDate", p.created_at as "createdAt", s.submitted_at as "submittedAt",
      exists (select 1 from staff_records r where r.org_id = p.org_id and r.updated_at > p.created_at and r.updated_at < ${at}::date + 1) as changed
    from pairs p left join return_submissions s on s.period_id = p.id and s.org_id = p.org_id and s.submitted_at < ${at}::date + 1`);
  return result.rows as {
    dueDate: string;
    createdAt: string | Date;
    submittedAt: string | Date | null;
    changed: boolean;
  }[];
}

export const findPeriodEnding = async (db: Exec, councilId: string, periodEnd: string) =>
  (
    await db
      .select()
      .from(returnPeriods)
      .where(and(eq(returnPeriods.councilId, councilId), eq(returnPeriods.periodEnd, periodEnd)))
  )[0];

export const insertPeriod = async (db: Exec, values: typeof returnPeriods.$inferInsert) =>
  (await db.insert(returnPeriods).values(values).returning())[0];

export const findPeriod = async (db: Exec, periodId: string) =>
  (await db.select().from(returnPeriods).where(eq(returnPeriods.id, periodId)))[0];

/** A period, only if it is this council's. */
export const findCouncilPeriod = async (db: Exec, councilId: string, periodId: string) =>
  (
    await db
      .select()
      .from(returnPeriods)
      .where(and(eq(returnPeriods.id, periodId), eq(returnPeriods.councilId, councilId)))
  )[0];

export const listCouncilPeriods = (db: Exec, councilId: string) =>
  db.select().from(returnPeriods).where(eq(returnPeriods.councilId, councilId)).orderBy(desc(returnPeriods.periodEnd));

/** The periods of the councils that commission a provider at each period's end, newest first, with the council's name. */
export const listProviderPeriods = (db: Exec, providerId: string) =>
  db
    .select({ period: returnPeriods, council: organisations.name })
    .from(returnPeriods)
    .innerJoin(organisations, eq(organisations.id, returnPeriods.councilId))
    .where(commissionsOn(returnPeriods.councilId, providerId, returnPeriods.periodEnd))
    .orderBy(desc(returnPeriods.periodEnd));

/** Periods due between two dates (inclusive), with the council's name. */
export const listPeriodsDueBetween = (db: Exec, from: string, to: string) =>
  db
    .select({ period: returnPeriods, council: organisations.name })
    .from(returnPeriods)
    .innerJoin(organisations, eq(organisations.id, returnPeriods.councilId))
    .where(and(sql`${returnPeriods.dueDate} >= ${from}`, sql`${returnPeriods.dueDate} <= ${to}`));

/** The latest change to each organisation's staff records. */
export async function lastStaffChanges(db: Exec, orgIds: string[]) {
  if (!orgIds.length) return new Map<string, Date>();
  const rows = await db
    .select({ orgId: staffRecords.orgId, at: max(staffRecords.updatedAt) })
    .from(staffRecords)
    .where(inArray(staffRecords.orgId, orgIds))
    .groupBy(staffRecords.orgId);
  return new Map(rows.map((r) => [r.orgId, r.at as Date]));
}

export const listOrgsByName = (db: Exec, ids: string[]) =>
  db.select().from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.name));

const submissionSummary = {
  periodId: returnSubmissions.periodId,
  orgId: returnSubmissions.orgId,
  submittedAt: returnSubmissions.submittedAt,
  completeness: returnSubmissions.completeness,
};

/** Submissions for a period: who, when and completeness (never the snapshot). */
export const listPeriodSubmissions = (db: Exec, periodId: string) =>
  db.select(submissionSummary).from(returnSubmissions).where(eq(returnSubmissions.periodId, periodId));

/** A provider's submissions: when and completeness (never the snapshot). */
export const listOrgSubmissions = (db: Exec, orgId: string) =>
  db.select(submissionSummary).from(returnSubmissions).where(eq(returnSubmissions.orgId, orgId));

export const findSubmission = async (db: Exec, periodId: string, orgId: string) =>
  (
    await db
      .select()
      .from(returnSubmissions)
      .where(and(eq(returnSubmissions.periodId, periodId), eq(returnSubmissions.orgId, orgId)))
  )[0];

export const insertSubmission = async (db: Exec, values: typeof returnSubmissions.$inferInsert) =>
  (
    await db
      .insert(returnSubmissions)
      .values(values)
      .returning({ id: returnSubmissions.id, submittedAt: returnSubmissions.submittedAt })
  )[0];

/**
 * The provider's data as at a date: workplaces, staff in post, vacancies open on the date. Social
 * work workplaces (a council's, workplaces.social_work_service) are no part of a return.
 */
export async function findSnapshotRows(db: Exec, orgId: string, asAt: string) {
  const places = await db
    .select()
    .from(workplaces)
    .where(and(eq(workplaces.orgId, orgId), isNull(workplaces.socialWorkService)));
  const placeIds = new Set(places.map((p) => p.id));
  const staff = await db
    .select()
    .from(staffRecords)
    .where(
      and(
        eq(staffRecords.orgId, orgId),
        lte(staffRecords.startDate, asAt),
        or(isNull(staffRecords.endDate), gt(staffRecords.endDate, asAt)),
      ),
    );
  const open = await db
    .select()
    .from(vacancies)
    .where(
      and(
        eq(vacancies.orgId, orgId),
        lte(vacancies.openedOn, asAt),
        or(isNull(vacancies.closedOn), gt(vacancies.closedOn, asAt)),
      ),
    );
  return { places, staff: staff.filter((s) => placeIds.has(s.workplaceId)), open };
}

/** Providers that have submitted for a period or already had its reminder. */
export async function findRemindedOrSubmitted(db: Exec, periodId: string) {
  const rows = [
    ...(await db
      .select({ orgId: returnSubmissions.orgId })
      .from(returnSubmissions)
      .where(eq(returnSubmissions.periodId, periodId))),
    ...(await db
      .select({ orgId: returnReminders.orgId })
      .from(returnReminders)
      .where(eq(returnReminders.periodId, periodId))),
  ];
  return new Set(rows.map((r) => r.orgId));
}

/** The email addresses of a provider's admins. */
export const listProviderAdminEmails = (db: Exec, orgId: string) =>
  db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, ADMIN_ROLE_BY_KIND.provider)));

export const insertReminder = (db: Exec, values: typeof returnReminders.$inferInsert) =>
  db.insert(returnReminders).values(values);
