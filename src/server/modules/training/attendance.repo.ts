import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  memberships,
  organisations,
  staffQualifications,
  staffRecords,
  trainingBookings,
  trainingCourses,
  trainingRecords,
  trainingSessions,
  users,
} from "../../db/schema";

// Attendance and outcomes (issue 18 item 4): the sessions an organisation runs, the people booked
// on them, and the training records and qualifications a completion writes on a staff record.

const sessionColumns = {
  session: trainingSessions,
  courseTitle: trainingCourses.title,
  category: trainingCourses.category,
  booked: sql<number>`(select count(*)::int from training_bookings b where b.session_id = ${trainingSessions.id} and b.status = 'booked')`,
  waiting: sql<number>`(select count(*)::int from training_bookings b where b.session_id = ${trainingSessions.id} and b.status in ('waiting', 'offered'))`,
  cancelled: sql<number>`(select count(*)::int from training_bookings b where b.session_id = ${trainingSessions.id} and b.status = 'cancelled')`,
  marked: sql<number>`(select count(*)::int from training_bookings b where b.session_id = ${trainingSessions.id} and b.status = 'booked' and b.outcome is not null)`,
};
export type SessionRow = Awaited<ReturnType<typeof listOfferedSessions>>[number];

/** The sessions an organisation runs, with counts of bookings, newest first. */
export const listOfferedSessions = (db: Exec, orgId: string) =>
  db
    .select(sessionColumns)
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(eq(trainingSessions.offeredBy, orgId))
    .orderBy(sql`${trainingSessions.startsAt} desc`, asc(trainingSessions.id));

/** One session the organisation runs, with its course. */
export async function findOfferedSession(db: Exec, orgId: string, sessionId: string) {
  const [row] = await db
    .select({ ...sessionColumns, course: trainingCourses })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(and(eq(trainingSessions.offeredBy, orgId), eq(trainingSessions.id, sessionId)));
  return row ?? null;
}

/** The people booked on a session: the employer's reference for them, the employer, the booking. Nothing else. */
export const listBookedPeople = (db: Exec, sessionId: string) =>
  db
    .select({
      bookingId: trainingBookings.id,
      name: staffRecords.displayId,
      employer: organisations.name,
      status: trainingBookings.status,
      outcome: trainingBookings.outcome,
    })
    .from(trainingBookings)
    .innerJoin(staffRecords, eq(staffRecords.id, trainingBookings.staffRecordId))
    .innerJoin(organisations, eq(organisations.id, trainingBookings.orgId))
    .where(and(eq(trainingBookings.sessionId, sessionId), eq(trainingBookings.status, "booked")))
    .orderBy(asc(organisations.name), asc(staffRecords.displayId), asc(trainingBookings.id));

/** Bookings on a session by id, locked for the change of their outcomes. */
export const findSessionBookings = (db: Exec, sessionId: string, ids: string[]) =>
  db
    .select({ booking: trainingBookings, staff: { id: staffRecords.id, displayId: staffRecords.displayId } })
    .from(trainingBookings)
    .innerJoin(staffRecords, eq(staffRecords.id, trainingBookings.staffRecordId))
    .where(and(eq(trainingBookings.sessionId, sessionId), inArray(trainingBookings.id, ids)))
    .orderBy(asc(trainingBookings.id))
    .for("update", { of: trainingBookings });

/** New outcomes (and what they wrote) for many bookings in one statement. */
export async function updateBookingOutcomes(
  db: Exec,
  rows: {
    id: string;
    outcome: string;
    trainingRecordId: string | null;
    qualificationId: string | null;
    certificateCode: string | null;
  }[],
  at: Date,
  markedBy: string | null,
) {
  if (!rows.length) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.outcome}::text, ${r.trainingRecordId}::uuid, ${r.qualificationId}::uuid, ${r.certificateCode}::text)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    update training_bookings b set outcome = v.outcome, outcome_at = ${at}, marked_by = ${markedBy}::uuid,
      training_record_id = v.record, qualification_id = v.qual, certificate_code = v.code, updated_at = now()
    from (values ${values}) as v(id, outcome, record, qual, code)
    where b.id = v.id`);
}

export const insertTrainingRecords = (db: Exec, rows: (typeof trainingRecords.$inferInsert)[]) =>
  rows.length ? db.insert(trainingRecords).values(rows).returning({ id: trainingRecords.id }) : Promise.resolve([]);

export const deleteTrainingRecords = (db: Exec, ids: string[]) =>
  ids.length ? db.delete(trainingRecords).where(inArray(trainingRecords.id, ids)) : Promise.resolve();

export const deleteQualifications = (db: Exec, ids: string[]) =>
  ids.length ? db.delete(staffQualifications).where(inArray(staffQualifications.id, ids)) : Promise.resolve();

/** The next free qualification position on each of these staff records (1 when they hold none). */
export async function nextQualificationPositions(db: Exec, staffIds: string[]): Promise<Map<string, number>> {
  if (!staffIds.length) return new Map();
  const rows = await db
    .select({ id: staffQualifications.staffRecordId, top: sql<number>`max(${staffQualifications.position})::int` })
    .from(staffQualifications)
    .where(inArray(staffQualifications.staffRecordId, staffIds))
    .groupBy(staffQualifications.staffRecordId);
  const out = new Map(staffIds.map((id) => [id, 1]));
  for (const r of rows) out.set(r.id, (r.top ?? 0) + 1);
  return out;
}

export const insertQualifications = (db: Exec, rows: (typeof staffQualifications.$inferInsert)[]) =>
  rows.length
    ? db.insert(staffQualifications).values(rows).returning({ id: staffQualifications.id })
    : Promise.resolve([]);

/** Which of these certificate codes are already used (codes are random: a clash is near impossible, but checked). */
export async function takenCertificateCodes(db: Exec, codes: string[]) {
  if (!codes.length) return new Set<string>();
  const rows = await db
    .select({ code: trainingBookings.certificateCode })
    .from(trainingBookings)
    .where(inArray(trainingBookings.certificateCode, codes));
  return new Set(rows.map((r) => r.code));
}

/** Bookings still unmarked on a council's sessions that started before `before`, by session (the demo's). */
export const listUnmarkedPastBookings = (db: Exec, councilId: string, before: Date) =>
  db
    .select({ bookingId: trainingBookings.id, sessionId: trainingSessions.id, offeredBy: trainingSessions.offeredBy })
    .from(trainingBookings)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingBookings.sessionId))
    .where(
      and(
        eq(trainingSessions.councilId, councilId),
        lt(trainingSessions.startsAt, before),
        eq(trainingSessions.status, "scheduled"),
        eq(trainingBookings.status, "booked"),
        isNull(trainingBookings.outcome),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id), asc(trainingBookings.id));

/** The email addresses of an organisation's admins (provider_admin or council_admin), in a stable order. */
export const listAdminEmails = async (db: Exec, orgId: string) =>
  (
    await db
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ["provider_admin", "council_admin"])))
      .orderBy(asc(users.email))
  ).map((r) => r.email);

const certificateColumns = {
  booking: trainingBookings,
  learner: staffRecords.displayId,
  staffUserId: staffRecords.userId,
  courseTitle: trainingCourses.title,
  hours: trainingCourses.hours,
  startsAt: trainingSessions.startsAt,
  deliveredBy: organisations.name,
};
const certificateQuery = (db: Exec) =>
  db
    .select(certificateColumns)
    .from(trainingBookings)
    .innerJoin(staffRecords, eq(staffRecords.id, trainingBookings.staffRecordId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingBookings.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .innerJoin(organisations, eq(organisations.id, trainingSessions.offeredBy));
export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificateByCode>>>;

/** A booking of the employer's, with what its certificate prints. */
export async function findEmployerCertificate(db: Exec, orgId: string, bookingId: string) {
  const [row] = await certificateQuery(db).where(
    and(eq(trainingBookings.orgId, orgId), eq(trainingBookings.id, bookingId)),
  );
  return row ?? null;
}

/** The completed booking a certificate code was issued for. */
export async function findCertificateByCode(db: Exec, code: string) {
  const [row] = await certificateQuery(db).where(
    and(eq(trainingBookings.certificateCode, code), eq(trainingBookings.outcome, "completed")),
  );
  return row ?? null;
}
