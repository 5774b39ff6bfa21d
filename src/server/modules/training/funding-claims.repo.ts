import { and, asc, eq, gte, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { fundingClaims, staffRecords, trainingBookings, trainingCourses, trainingSessions } from "../../db/schema";

// The bookings an employer may claim for from the Learning and Development Support Scheme: its
// own staff's places on courses the scheme funds, with what the claim rule needs, and the parts
// it has marked as claimed. Scoped by the employer.

const repeat = sql<boolean>`exists (select 1 from training_bookings b2 join training_sessions s2 on s2.id = b2.session_id
  where b2.staff_record_id = "training_bookings"."staff_record_id" and s2.course_id = "training_sessions"."course_id"
    and b2.outcome = 'completed' and b2.id <> "training_bookings"."id" and s2.starts_at < "training_sessions"."starts_at")`;

/** Places of the employer's staff on LDSS courses whose session started between `from` and `to` (days, inclusive). */
export const listClaimableBookings = (
  db: Exec,
  orgId: string,
  from: string,
  to: string,
  bookingIds?: readonly string[],
) =>
  db
    .select({
      bookingId: trainingBookings.id,
      outcome: trainingBookings.outcome,
      outcomeAt: trainingBookings.outcomeAt,
      startsAt: trainingSessions.startsAt,
      courseId: trainingCourses.id,
      title: trainingCourses.title,
      funding: trainingCourses.funding,
      ldssKind: trainingCourses.ldssKind,
      ldssPence: trainingCourses.ldssPence,
      name: staffRecords.displayId,
      jobRole: staffRecords.mainJobRole,
      leftOn: staffRecords.endDate,
      repeat,
    })
    .from(trainingBookings)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingBookings.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .innerJoin(staffRecords, and(eq(staffRecords.id, trainingBookings.staffRecordId), eq(staffRecords.orgId, orgId)))
    .where(
      and(
        eq(trainingBookings.orgId, orgId),
        eq(trainingBookings.status, "booked"),
        or(eq(trainingCourses.funding, "ldss"), isNotNull(trainingCourses.ldssKind)),
        gte(sql`(${trainingSessions.startsAt} at time zone 'Europe/London')::date`, from),
        lte(sql`(${trainingSessions.startsAt} at time zone 'Europe/London')::date`, to),
        bookingIds ? inArray(trainingBookings.id, [...bookingIds]) : undefined,
      ),
    )
    .orderBy(
      asc(trainingCourses.title),
      asc(trainingCourses.id),
      asc(staffRecords.displayId),
      asc(trainingSessions.startsAt),
      asc(trainingBookings.id),
    );

export const listClaims = (db: Exec, orgId: string, bookingIds: readonly string[]) =>
  bookingIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(fundingClaims)
        .where(and(eq(fundingClaims.orgId, orgId), inArray(fundingClaims.bookingId, [...bookingIds])))
        .orderBy(asc(fundingClaims.createdAt), asc(fundingClaims.id));

export const insertClaims = (db: Exec, values: (typeof fundingClaims.$inferInsert)[]) =>
  values.length === 0 ? Promise.resolve([]) : db.insert(fundingClaims).values(values).onConflictDoNothing().returning();
