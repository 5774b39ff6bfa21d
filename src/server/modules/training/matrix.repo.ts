import { and, asc, eq, gt, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  organisations,
  sessionQuotas,
  staffRecords,
  trainingBookings,
  trainingCourses,
  trainingExpiryReminders,
  trainingRecords,
  trainingSessions,
  users,
  workforceSettings,
  workplaces,
} from "../../db/schema";

// The training matrix's reads (issue 18 item 5): three queries whatever the size of the
// workforce (what each employer requires, its staff in post, their training records), the cells
// worked out in memory by shared/training-matrix.ts. Agency workers (contract 4) are left out, as
// the figures' training compliance leaves them out.

export type Required = { category: number; roles: number[] | null }[];

export async function findRequiredTraining(db: Exec, orgIds: string[]): Promise<Map<string, Required>> {
  if (!orgIds.length) return new Map();
  const rows = await db
    .select({ orgId: workforceSettings.orgId, required: workforceSettings.requiredTraining })
    .from(workforceSettings)
    .where(inArray(workforceSettings.orgId, orgIds));
  return new Map(rows.map((r) => [r.orgId, r.required ?? []]));
}

const inPost = (day: string) =>
  and(
    lte(staffRecords.startDate, day),
    or(isNull(staffRecords.endDate), gt(staffRecords.endDate, day)),
    ne(staffRecords.contractType, 4),
  );

/** Staff in post on `day` at these employers, by workplace and reference. */
export const listStaffInPost = (
  db: Exec,
  orgIds: string[],
  day: string,
  filter: { workplaceId?: string; role?: number } = {},
) =>
  db
    .select({
      id: staffRecords.id,
      orgId: staffRecords.orgId,
      displayId: staffRecords.displayId,
      role: staffRecords.mainJobRole,
      userId: staffRecords.userId,
      workplaceId: staffRecords.workplaceId,
      workplace: workplaces.name,
    })
    .from(staffRecords)
    .innerJoin(workplaces, eq(workplaces.id, staffRecords.workplaceId))
    .where(
      and(
        inArray(staffRecords.orgId, orgIds),
        inPost(day),
        filter.workplaceId ? eq(staffRecords.workplaceId, filter.workplaceId) : undefined,
        filter.role !== undefined ? eq(staffRecords.mainJobRole, filter.role) : undefined,
      ),
    )
    .orderBy(asc(workplaces.name), asc(staffRecords.displayId), asc(staffRecords.id));

/**
 * The training records of staff in post at these employers in these categories, one query. A
 * record's expiry is its own date, else its completion plus its months (as the figures read it).
 */
export const listHeldRecords = (db: Exec, orgIds: string[], day: string, categories: number[]) =>
  categories.length
    ? db
        .select({
          id: trainingRecords.id,
          staffRecordId: trainingRecords.staffRecordId,
          category: trainingRecords.category,
          completedOn: trainingRecords.completedOn,
          expiresOn: sql<
            string | null
          >`coalesce(${trainingRecords.expiresOn}, (${trainingRecords.completedOn} + make_interval(months => ${trainingRecords.validityMonths}))::date)::text`,
        })
        .from(trainingRecords)
        .innerJoin(staffRecords, eq(staffRecords.id, trainingRecords.staffRecordId))
        .where(
          and(
            inArray(trainingRecords.orgId, orgIds),
            inArray(trainingRecords.category, categories),
            inArray(staffRecords.orgId, orgIds),
            inPost(day),
          ),
        )
        .orderBy(asc(trainingRecords.staffRecordId), asc(trainingRecords.id))
    : Promise.resolve([]);

export const listWorkplacesOf = (db: Exec, orgId: string) =>
  db
    .select({ id: workplaces.id, name: workplaces.name })
    .from(workplaces)
    .where(eq(workplaces.orgId, orgId))
    .orderBy(asc(workplaces.name), asc(workplaces.id));

/**
 * Upcoming sessions of published staff courses in these categories in these councils' areas,
 * soonest first, with the places each holds for employers and takes (booked, or offered from the
 * waiting list), for the shared places rule.
 */
export async function listUpcomingSessions(db: Exec, councilIds: string[], categories: number[], now: Date) {
  if (!councilIds.length || !categories.length) return [];
  const sessions = await db
    .select({
      id: trainingSessions.id,
      category: trainingCourses.category,
      courseTitle: trainingCourses.title,
      startsAt: trainingSessions.startsAt,
      venue: trainingSessions.venue,
      capacity: trainingSessions.capacity,
      allocation: trainingSessions.allocation,
      releaseAt: trainingSessions.releaseAt,
    })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(
      and(
        inArray(trainingSessions.councilId, councilIds),
        inArray(trainingCourses.category, categories),
        eq(trainingCourses.status, "published"),
        eq(trainingCourses.audience, "staff"),
        eq(trainingSessions.status, "scheduled"),
        gt(trainingSessions.startsAt, now),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(500);
  const ids = sessions.map((s) => s.id);
  if (!ids.length) return [];
  const quotas = await db
    .select({ sessionId: sessionQuotas.sessionId, orgId: sessionQuotas.orgId, places: sessionQuotas.places })
    .from(sessionQuotas)
    .where(inArray(sessionQuotas.sessionId, ids))
    .orderBy(asc(sessionQuotas.sessionId), asc(sessionQuotas.orgId));
  const taken = await db
    .select({
      sessionId: trainingBookings.sessionId,
      orgId: trainingBookings.orgId,
      n: sql<number>`count(*)::int`,
    })
    .from(trainingBookings)
    .where(and(inArray(trainingBookings.sessionId, ids), inArray(trainingBookings.status, ["booked", "offered"])))
    .groupBy(trainingBookings.sessionId, trainingBookings.orgId)
    .orderBy(asc(trainingBookings.sessionId), asc(trainingBookings.orgId));
  return sessions.map((s) => ({
    ...s,
    quotas: new Map(quotas.filter((q) => q.sessionId === s.id).map((q) => [q.orgId, q.places])),
    taken: new Map(taken.filter((t) => t.sessionId === s.id).map((t) => [t.orgId, t.n])),
  }));
}

// Expiry reminders (issue 18 item 5).

/**
 * Employers with a training record in a required category expiring after `day` and on or before
 * `until` that has not had its last reminder yet: the only ones the reminder job needs to look at.
 */
export async function listOrgsWithExpiringRecords(db: Exec, day: string, until: string, lastDays: number) {
  const rows = await db.execute(sql`
    select distinct t.org_id from training_records t
    join workforce_settings ws on ws.org_id = t.org_id and ws.required_training <> '[]'::jsonb
    where coalesce(t.expires_on, (t.completed_on + make_interval(months => t.validity_months))::date) > ${day}::date
      and coalesce(t.expires_on, (t.completed_on + make_interval(months => t.validity_months))::date) <= ${until}::date
      and not exists (select 1 from training_expiry_reminders r where r.training_record_id = t.id and r.days_before = ${lastDays})
    order by t.org_id`);
  return (rows.rows as { org_id: string }[]).map((r) => r.org_id);
}

export const findOrgRef = async (db: Exec, orgId: string) =>
  (
    await db
      .select({
        id: organisations.id,
        kind: organisations.kind,
        name: organisations.name,
        slug: organisations.slug,
        isDemo: organisations.isDemo,
      })
      .from(organisations)
      .where(eq(organisations.id, orgId))
  )[0] ?? null;

/** The reminders already sent for these records, as "recordId:days". */
export async function listSentReminders(db: Exec, recordIds: string[]) {
  if (!recordIds.length) return new Set<string>();
  const rows = await db
    .select({ id: trainingExpiryReminders.trainingRecordId, days: trainingExpiryReminders.daysBefore })
    .from(trainingExpiryReminders)
    .where(inArray(trainingExpiryReminders.trainingRecordId, recordIds));
  return new Set(rows.map((r) => `${r.id}:${r.days}`));
}

export const insertExpiryReminders = (db: Exec, rows: (typeof trainingExpiryReminders.$inferInsert)[]) =>
  rows.length ? db.insert(trainingExpiryReminders).values(rows).onConflictDoNothing() : Promise.resolve();

export async function listUserEmails(db: Exec, userIds: string[]) {
  if (!userIds.length) return new Map<string, string>();
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r.email]));
}
