import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  memberships,
  staffRecords,
  trainingBookings,
  trainingCourses,
  trainingProviderSettings,
  trainingSessions,
  users,
  workplaces,
} from "../../db/schema";

// Bookings on training sessions. Every query an employer's request makes is scoped by its
// organisation (`org_id` of the booking or the staff record); the waiting-list and reminder
// queries run for the hub itself (the periodic jobs) and for the session being booked, whose row
// the caller holds locked.

export type BookingRow = typeof trainingBookings.$inferSelect;
export type SessionRow = typeof trainingSessions.$inferSelect;

const bookingColumns = {
  booking: trainingBookings,
  session: trainingSessions,
  courseTitle: trainingCourses.title,
  displayId: staffRecords.displayId,
  workplace: workplaces.name,
  workplaceId: staffRecords.workplaceId,
  staffUserId: staffRecords.userId,
};

const joined = (db: Exec) =>
  db
    .select(bookingColumns)
    .from(trainingBookings)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingBookings.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .innerJoin(staffRecords, eq(staffRecords.id, trainingBookings.staffRecordId))
    .innerJoin(workplaces, eq(workplaces.id, staffRecords.workplaceId));

export type BookingDetail = Awaited<ReturnType<typeof listBookings>>[number];

/** The employer's own staff's bookings (never another employer's), soonest session first or latest for past. */
export function listBookings(
  db: Exec,
  orgId: string,
  f: { when?: "upcoming" | "past"; staffRecordId?: string; workplaceId?: string; userId?: string; now: Date },
) {
  const where: SQL[] = [eq(trainingBookings.orgId, orgId)];
  if (f.when === "upcoming") where.push(gt(trainingSessions.endsAt, f.now));
  if (f.when === "past") where.push(lte(trainingSessions.endsAt, f.now));
  if (f.staffRecordId) where.push(eq(trainingBookings.staffRecordId, f.staffRecordId));
  if (f.workplaceId) where.push(eq(staffRecords.workplaceId, f.workplaceId));
  if (f.userId) where.push(eq(staffRecords.userId, f.userId));
  const start = f.when === "past" ? desc(trainingSessions.startsAt) : asc(trainingSessions.startsAt);
  return joined(db)
    .where(and(...where))
    .orderBy(start, asc(staffRecords.displayId), asc(trainingBookings.id))
    .limit(2000);
}

/** Bookings by id, the employer's own only (locked for update when asked). */
export async function findBookings(db: Exec, orgId: string, ids: string[], forUpdate = false) {
  if (!ids.length) return [];
  const q = joined(db)
    .where(and(eq(trainingBookings.orgId, orgId), inArray(trainingBookings.id, ids)))
    .orderBy(asc(trainingBookings.createdAt), asc(trainingBookings.id));
  return forUpdate ? q.for("update", { of: trainingBookings }) : q;
}

/** One session with its course's title, whoever offers it. */
export async function findSession(db: Exec, sessionId: string) {
  const [row] = await db
    .select({
      session: trainingSessions,
      courseTitle: trainingCourses.title,
      courseStatus: trainingCourses.status,
      audience: trainingCourses.audience,
    })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(eq(trainingSessions.id, sessionId));
  return row;
}

/** Staff records of the employer among the ids (others are absent), with their workplace. */
export function findStaff(db: Exec, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({
      id: staffRecords.id,
      displayId: staffRecords.displayId,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      userId: staffRecords.userId,
      workplace: workplaces.name,
    })
    .from(staffRecords)
    .innerJoin(workplaces, eq(workplaces.id, staffRecords.workplaceId))
    .where(and(eq(staffRecords.orgId, orgId), inArray(staffRecords.id, ids)))
    .orderBy(asc(staffRecords.displayId), asc(staffRecords.id));
}

/** The employer's staff in post on a day (started by it, not left before it), for the booking page. */
export function listStaffInPost(db: Exec, orgId: string, day: string) {
  return db
    .select({
      id: staffRecords.id,
      displayId: staffRecords.displayId,
      workplaceId: staffRecords.workplaceId,
      workplace: workplaces.name,
      mainJobRole: staffRecords.mainJobRole,
    })
    .from(staffRecords)
    .innerJoin(workplaces, eq(workplaces.id, staffRecords.workplaceId))
    .where(
      and(
        eq(staffRecords.orgId, orgId),
        lte(staffRecords.startDate, day),
        or(isNull(staffRecords.endDate), sql`${staffRecords.endDate} >= ${day}`),
      ),
    )
    .orderBy(asc(workplaces.name), asc(staffRecords.displayId), asc(staffRecords.id))
    .limit(5000);
}

/** The staff record a personal account holds at the employer (in post), if any. */
export async function findOwnStaffRecord(db: Exec, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: staffRecords.id })
    .from(staffRecords)
    .where(and(eq(staffRecords.orgId, orgId), eq(staffRecords.userId, userId), isNull(staffRecords.endDate)))
    .orderBy(asc(staffRecords.startDate), asc(staffRecords.id))
    .limit(1);
  return row;
}

/** Bookings not cancelled on a session for any of these staff records (the employer's own). */
export function listActiveFor(db: Exec, orgId: string, sessionId: string, staffRecordIds: string[]) {
  if (!staffRecordIds.length) return Promise.resolve([]);
  return db
    .select({ staffRecordId: trainingBookings.staffRecordId, status: trainingBookings.status })
    .from(trainingBookings)
    .where(
      and(
        eq(trainingBookings.orgId, orgId),
        eq(trainingBookings.sessionId, sessionId),
        inArray(trainingBookings.staffRecordId, staffRecordIds),
        ne(trainingBookings.status, "cancelled"),
      ),
    )
    .orderBy(asc(trainingBookings.staffRecordId));
}

/** The employer's bookings not cancelled on a session (for the booking page's ticks). */
export function listOrgActiveOnSession(db: Exec, orgId: string, sessionId: string) {
  return db
    .select({ staffRecordId: trainingBookings.staffRecordId, status: trainingBookings.status })
    .from(trainingBookings)
    .where(
      and(
        eq(trainingBookings.orgId, orgId),
        eq(trainingBookings.sessionId, sessionId),
        ne(trainingBookings.status, "cancelled"),
      ),
    )
    .orderBy(asc(trainingBookings.staffRecordId));
}

/**
 * Inserts bookings in the order given. Their `created_at` is the transaction's time plus a
 * microsecond per row, so a waiting list keeps the order people were added in, across requests
 * (each request's transaction starts later than the one it queued behind) and within one.
 */
export function insertBookings(db: Exec, rows: (typeof trainingBookings.$inferInsert)[]) {
  if (!rows.length) return Promise.resolve([]);
  return db
    .insert(trainingBookings)
    .values(rows.map((r, i) => ({ ...r, createdAt: sql`clock_timestamp() + ${i} * interval '1 microsecond'` })))
    .returning();
}

export async function updateBooking(db: Exec, id: string, values: Partial<typeof trainingBookings.$inferInsert>) {
  const [row] = await db
    .update(trainingBookings)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(trainingBookings.id, id))
    .returning();
  return row;
}

/** A session's waiting list, first come first: the order freed places are offered in. */
export function listWaiting(db: Exec, sessionId: string) {
  return db
    .select()
    .from(trainingBookings)
    .where(and(eq(trainingBookings.sessionId, sessionId), eq(trainingBookings.status, "waiting")))
    .orderBy(asc(trainingBookings.createdAt), asc(trainingBookings.id));
}

/** Offers on a session that lapsed before `now`. */
export function listLapsedOffers(db: Exec, sessionId: string, now: Date) {
  return db
    .select()
    .from(trainingBookings)
    .where(
      and(
        eq(trainingBookings.sessionId, sessionId),
        eq(trainingBookings.status, "offered"),
        lt(trainingBookings.offeredUntil, now),
      ),
    )
    .orderBy(asc(trainingBookings.offeredUntil), asc(trainingBookings.id));
}

/** Sessions still to start that have a lapsed offer, or people waiting (the periodic job's work). */
export async function listSessionsToSettle(db: Exec, now: Date, orgId?: string) {
  const rows = await db
    .selectDistinct({ id: trainingBookings.sessionId })
    .from(trainingBookings)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingBookings.sessionId))
    .where(
      and(
        gt(trainingSessions.startsAt, now),
        eq(trainingSessions.status, "scheduled"),
        ...(orgId ? [eq(trainingBookings.orgId, orgId)] : []),
        or(
          and(eq(trainingBookings.status, "offered"), lt(trainingBookings.offeredUntil, now)),
          eq(trainingBookings.status, "waiting"),
        ),
      ),
    )
    .orderBy(trainingBookings.sessionId);
  return rows.map((r) => r.id);
}

/** How many are waiting on a session (all employers: a number, no names). */
export async function countWaiting(db: Exec, sessionId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingBookings)
    .where(and(eq(trainingBookings.sessionId, sessionId), eq(trainingBookings.status, "waiting")));
  return Number(row?.n ?? 0);
}

/** Places on the waiting list of each waiting booking among these (1 = next). */
export async function waitingPositions(db: Exec, bookingIds: string[]) {
  if (!bookingIds.length) return new Map<string, number>();
  const rows = await db.execute<{ id: string; position: number }>(sql`
    select id, position::int from (
      select id, row_number() over (partition by session_id order by created_at, id) as position
      from training_bookings
      where status = 'waiting'
        and session_id in (select session_id from training_bookings where id in ${bookingIds})
    ) w where id in ${bookingIds}`);
  return new Map(rows.rows.map((r) => [r.id, Number(r.position)]));
}

/** Booked places on sessions starting between `from` and `to` whose reminder is not sent. */
export function listDueReminders(db: Exec, from: Date, to: Date) {
  return joined(db)
    .where(
      and(
        eq(trainingBookings.status, "booked"),
        isNull(trainingBookings.reminderSentAt),
        eq(trainingSessions.status, "scheduled"),
        gt(trainingSessions.startsAt, from),
        lte(trainingSessions.startsAt, to),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingBookings.orgId), asc(trainingBookings.id))
    .limit(2000);
}

export async function markReminded(db: Exec, ids: string[], at: Date) {
  if (!ids.length) return;
  await db
    .update(trainingBookings)
    .set({ reminderSentAt: at })
    .where(and(inArray(trainingBookings.id, ids), isNull(trainingBookings.reminderSentAt)));
}

/** Email addresses of the employer's admins and editors (who book its staff). */
export async function listBookerEmails(db: Exec, orgId: string) {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        inArray(memberships.role, ["provider_admin", "provider_editor", "council_admin"]),
      ),
    )
    .orderBy(users.email);
  return rows.map((r) => r.email);
}

export async function findUserEmails(db: Exec, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.id, wanted))
    .orderBy(users.id);
  return new Map(rows.map((r) => [r.id, r.email]));
}

export async function findSettings(db: Exec, orgId: string) {
  const [row] = await db.select().from(trainingProviderSettings).where(eq(trainingProviderSettings.orgId, orgId));
  return row;
}

export async function upsertSettings(db: Exec, orgId: string, staffSelfBooking: boolean) {
  const [row] = await db
    .insert(trainingProviderSettings)
    .values({ orgId, staffSelfBooking })
    .onConflictDoUpdate({
      target: trainingProviderSettings.orgId,
      set: { staffSelfBooking, updatedAt: sql`now()` },
    })
    .returning();
  return row;
}

/** Scheduled sessions to come of courses open to staff in these councils' areas, soonest first. */
export function listUpcomingSessions(db: Exec, councilIds: string[], now: Date, limit = 100) {
  if (!councilIds.length) return Promise.resolve([]);
  return db
    .select({ session: trainingSessions, courseTitle: trainingCourses.title })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(
      and(
        inArray(trainingSessions.councilId, councilIds),
        eq(trainingSessions.status, "scheduled"),
        gt(trainingSessions.startsAt, now),
        eq(trainingCourses.status, "published"),
        eq(trainingCourses.audience, "staff"),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(limit);
}
