import { and, asc, eq, gt, ilike, inArray, isNull, lte, ne, or, type SQL, sql } from "drizzle-orm";
import { ADMIN_ROLE_BY_KIND } from "../../../shared/permissions";
import type { Exec } from "../../db/client";
import {
  memberships,
  organisations,
  sessionQuotas,
  staffRecords,
  trainingBookings,
  trainingCourses,
  trainingSessions,
  users,
} from "../../db/schema";

// The area's catalogue: every query is scoped by the council(s) whose catalogue the viewer sees,
// and writes by the offering organisation.

export type CourseRow = typeof trainingCourses.$inferSelect;
export type SessionRow = typeof trainingSessions.$inferSelect;

export type CourseFilter = {
  q?: string;
  category?: number;
  delivery?: string;
  funding?: string;
  gives?: string;
};

/** Published courses, and the viewer's own drafts and withdrawn courses. */
const visibleTo = (viewerOrgId: string): SQL =>
  or(eq(trainingCourses.status, "published"), eq(trainingCourses.offeredBy, viewerOrgId)) as SQL;

export async function listCourses(db: Exec, councilIds: string[], viewerOrgId: string, f: CourseFilter) {
  if (!councilIds.length) return [];
  const where: (SQL | undefined)[] = [inArray(trainingCourses.councilId, councilIds), visibleTo(viewerOrgId)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(trainingCourses.title, like), ilike(trainingCourses.summary, like)));
  }
  if (f.category !== undefined) where.push(eq(trainingCourses.category, f.category));
  if (f.delivery) where.push(eq(trainingCourses.delivery, f.delivery));
  if (f.funding) where.push(eq(trainingCourses.funding, f.funding));
  if (f.gives) where.push(eq(trainingCourses.frameworkItem, f.gives));
  return db
    .select()
    .from(trainingCourses)
    .where(and(...where))
    .orderBy(asc(trainingCourses.title), asc(trainingCourses.id));
}

/** A course in the given councils' catalogues that the viewer may see. */
export const findCourse = async (db: Exec, councilIds: string[], viewerOrgId: string, courseId: string) =>
  councilIds.length
    ? (
        await db
          .select()
          .from(trainingCourses)
          .where(
            and(
              eq(trainingCourses.id, courseId),
              inArray(trainingCourses.councilId, councilIds),
              visibleTo(viewerOrgId),
            ),
          )
      )[0]
    : undefined;

export const insertCourse = async (db: Exec, values: typeof trainingCourses.$inferInsert) =>
  (await db.insert(trainingCourses).values(values).returning())[0];

export const updateCourse = async (
  db: Exec,
  offeredBy: string,
  id: string,
  change: Partial<typeof trainingCourses.$inferInsert>,
) =>
  (
    await db
      .update(trainingCourses)
      .set(change)
      .where(and(eq(trainingCourses.id, id), eq(trainingCourses.offeredBy, offeredBy)))
      .returning()
  )[0];

export type SessionListFilter = { councilIds: string[]; courseIds?: string[]; from: Date; withCancelledOf?: string };

/**
 * Sessions starting at or after `from`, soonest first: scheduled sessions of published courses,
 * plus (for `withCancelledOf`, the offerer) its own cancelled sessions and sessions of its drafts.
 */
export async function listSessions(db: Exec, f: SessionListFilter) {
  if (!f.councilIds.length) return [];
  const where: (SQL | undefined)[] = [
    inArray(trainingSessions.councilId, f.councilIds),
    gt(trainingSessions.startsAt, f.from),
  ];
  if (f.courseIds) where.push(f.courseIds.length ? inArray(trainingSessions.courseId, f.courseIds) : sql`false`);
  const forEveryone = and(eq(trainingSessions.status, "scheduled"), eq(trainingCourses.status, "published"));
  where.push(f.withCancelledOf ? or(forEveryone, eq(trainingSessions.offeredBy, f.withCancelledOf)) : forEveryone);
  return db
    .select({ session: trainingSessions, courseTitle: trainingCourses.title })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(and(...where))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
}

/** A session in the given councils' catalogues, with its course. */
export const findSession = async (db: Exec, councilIds: string[], sessionId: string) =>
  councilIds.length
    ? (
        await db
          .select({ session: trainingSessions, course: trainingCourses })
          .from(trainingSessions)
          .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
          .where(and(eq(trainingSessions.id, sessionId), inArray(trainingSessions.councilId, councilIds)))
      )[0]
    : undefined;

export const insertSession = async (db: Exec, values: typeof trainingSessions.$inferInsert) =>
  (await db.insert(trainingSessions).values(values).returning())[0];

export const updateSession = async (
  db: Exec,
  offeredBy: string,
  id: string,
  change: Partial<typeof trainingSessions.$inferInsert>,
) =>
  (
    await db
      .update(trainingSessions)
      .set(change)
      .where(and(eq(trainingSessions.id, id), eq(trainingSessions.offeredBy, offeredBy)))
      .returning()
  )[0];

/** Replaces the places a session holds per provider. */
export async function replaceQuotas(db: Exec, sessionId: string, quotas: ReadonlyMap<string, number>) {
  await db.delete(sessionQuotas).where(eq(sessionQuotas.sessionId, sessionId));
  const rows = [...quotas].map(([orgId, places]) => ({ sessionId, orgId, places }));
  if (rows.length) await db.insert(sessionQuotas).values(rows);
}

/**
 * Cancels every booking, waiting-list entry and held offer on a session; returns what each was
 * before (employer and status), so the employers can be told who was booked and who was waiting.
 */
export async function cancelBookingsOfSession(db: Exec, sessionId: string, at: Date, by: string | null) {
  const active = and(eq(trainingBookings.sessionId, sessionId), ne(trainingBookings.status, "cancelled"));
  const before = await db
    .select({ id: trainingBookings.id, orgId: trainingBookings.orgId, status: trainingBookings.status })
    .from(trainingBookings)
    .where(active)
    .orderBy(asc(trainingBookings.id))
    .for("update");
  if (before.length)
    await db
      .update(trainingBookings)
      .set({ status: "cancelled", cancelledAt: at, cancelledBy: by, offeredUntil: null, updatedAt: at })
      .where(
        inArray(
          trainingBookings.id,
          before.map((b) => b.id),
        ),
      );
  return before;
}

/** Names of organisations by id. */
export async function orgNames(db: Exec, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]))
    .orderBy(asc(organisations.name));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Care providers among the given organisations, by name. */
export const listProviders = (db: Exec, ids: readonly string[]) =>
  ids.length
    ? db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(and(inArray(organisations.id, [...ids]), eq(organisations.kind, "provider")))
        .orderBy(asc(organisations.name), asc(organisations.id))
    : Promise.resolve([]);

/** Staff in post on a day (started, not left) per organisation: what by-size quotas share by. */
export async function staffInPost(db: Exec, orgIds: readonly string[], day: string): Promise<Map<string, number>> {
  if (!orgIds.length) return new Map();
  const rows = await db
    .select({ orgId: staffRecords.orgId, n: sql<number>`count(*)::int` })
    .from(staffRecords)
    .where(
      and(
        inArray(staffRecords.orgId, [...orgIds]),
        lte(staffRecords.startDate, day),
        or(isNull(staffRecords.endDate), gt(staffRecords.endDate, day)),
      ),
    )
    .groupBy(staffRecords.orgId)
    .orderBy(asc(staffRecords.orgId));
  return new Map(rows.map((r) => [r.orgId, Number(r.n)]));
}

/** Members of an organisation who may be named as a session's trainer. */
export const listMembers = (db: Exec, orgId: string) =>
  db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name), asc(users.id));

export const findMember = async (db: Exec, orgId: string, userId: string) =>
  (
    await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
  )[0];

/** The email addresses of the admins of the given providers, by organisation. */
export async function providerAdminEmails(db: Exec, orgIds: readonly string[]) {
  if (!orgIds.length) return [];
  return db
    .select({ orgId: memberships.orgId, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.orgId, [...orgIds]), eq(memberships.role, ADMIN_ROLE_BY_KIND.provider)))
    .orderBy(asc(memberships.orgId), asc(users.email));
}

/** A council by its public slug. */
export const findCouncilBySlug = async (db: Exec, slug: string) =>
  (
    await db
      .select({ id: organisations.id, name: organisations.name, slug: organisations.slug })
      .from(organisations)
      .where(and(eq(organisations.slug, slug), eq(organisations.kind, "council")))
  )[0];

/** The council's published courses for the workforce (the public list). */
export const listPublicCourses = (db: Exec, councilId: string, gives?: string) =>
  db
    .select({ course: trainingCourses, offeredBy: organisations.name })
    .from(trainingCourses)
    .innerJoin(organisations, eq(organisations.id, trainingCourses.offeredBy))
    .where(
      and(
        eq(trainingCourses.councilId, councilId),
        eq(trainingCourses.status, "published"),
        eq(trainingCourses.audience, "staff"),
        gives ? eq(trainingCourses.frameworkItem, gives) : undefined,
      ),
    )
    .orderBy(asc(trainingCourses.title), asc(trainingCourses.id));

/** Framework items some published staff course of the council gives. */
export async function listGivenItems(db: Exec, councilId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ key: trainingCourses.frameworkItem })
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.councilId, councilId),
        eq(trainingCourses.status, "published"),
        eq(trainingCourses.audience, "staff"),
        sql`${trainingCourses.frameworkItem} is not null`,
      ),
    )
    .orderBy(asc(trainingCourses.frameworkItem));
  return rows.map((r) => r.key as string);
}
