import { sql } from "drizzle-orm";
import type { Exec } from "../../db/client";

// Training uptake's reads (issue 18 item 9): the bookings on sessions starting in a period (by
// the London day they start), and the sessions that ran, for a council's area, one provider's
// own staff, or one training partner's own sessions. Cancelled sessions and waiting-list entries
// are not uptake. The rules are in uptake.ts.

/** Whose uptake: a council's area, a provider's own bookings, or a training partner's own sessions. */
export type UptakeScope = { councilId: string } | { orgId: string } | { offeredBy: string };

export interface UptakeBooking {
  orgId: string;
  orgName: string;
  courseId: string;
  courseTitle: string;
  /** The session's month in the UK (YYYY-MM). */
  month: string;
  status: string;
  late: boolean;
  outcome: string | null;
}

export interface UptakeSession {
  courseId: string;
  courseTitle: string;
  month: string;
  capacity: number;
  /** People who attended it (completed or not yet competent). */
  attended: number;
}

const scopeOf = (scope: UptakeScope) =>
  "councilId" in scope
    ? sql`s.council_id = ${scope.councilId}`
    : "offeredBy" in scope
      ? sql`s.offered_by = ${scope.offeredBy}`
      : sql`exists (select 1 from training_bookings ob where ob.session_id = s.id and ob.org_id = ${scope.orgId})`;

const inPeriod = (from: string, to: string) =>
  sql`(s.starts_at at time zone 'Europe/London')::date between ${from}::date and ${to}::date and s.status <> 'cancelled'`;

export async function listUptakeBookings(db: Exec, scope: UptakeScope, from: string, to: string) {
  const own = "orgId" in scope ? sql`and b.org_id = ${scope.orgId}` : sql``;
  const rows = (
    await db.execute(sql`
      select b.org_id, o.name as org_name, c.id as course_id, c.title as course_title,
        to_char((s.starts_at at time zone 'Europe/London'), 'YYYY-MM') as month,
        b.status, b.late_cancellation, b.outcome
      from training_bookings b
      join training_sessions s on s.id = b.session_id
      join training_courses c on c.id = s.course_id
      join organisations o on o.id = b.org_id
      where ${scopeOf(scope)} and ${inPeriod(from, to)} and b.status <> 'waiting' ${own}
      order by o.name, b.org_id, c.title, c.id, month, b.id`)
  ).rows as Record<string, unknown>[];
  return rows.map(
    (r): UptakeBooking => ({
      orgId: String(r.org_id),
      orgName: String(r.org_name),
      courseId: String(r.course_id),
      courseTitle: String(r.course_title),
      month: String(r.month),
      status: String(r.status),
      late: r.late_cancellation === true,
      outcome: (r.outcome as string | null) ?? null,
    }),
  );
}

/** Sessions in the period that have ended (the ones whose unused places are known). */
export async function listSessionsThatRan(db: Exec, scope: UptakeScope, from: string, to: string, now: Date) {
  const rows = (
    await db.execute(sql`
      select c.id as course_id, c.title as course_title,
        to_char((s.starts_at at time zone 'Europe/London'), 'YYYY-MM') as month, s.capacity,
        (select count(*) from training_bookings b where b.session_id = s.id and b.status = 'booked'
          and b.outcome in ('completed', 'not_yet_competent'))::int as attended
      from training_sessions s
      join training_courses c on c.id = s.course_id
      where ${scopeOf(scope)} and ${inPeriod(from, to)} and s.ends_at <= ${now.toISOString()}::timestamptz
      order by c.title, c.id, s.starts_at, s.id`)
  ).rows as Record<string, unknown>[];
  return rows.map(
    (r): UptakeSession => ({
      courseId: String(r.course_id),
      courseTitle: String(r.course_title),
      month: String(r.month),
      capacity: Number(r.capacity),
      attended: Number(r.attended),
    }),
  );
}
