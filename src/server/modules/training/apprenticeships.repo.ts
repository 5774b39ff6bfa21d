import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { apprenticeships, levyPledges, levyRequests, organisations, staffRecords } from "../../db/schema";

// An employer's apprenticeship starts, and what the form needs (its staff in post, its approved
// levy requests with what each has left). Every query is scoped by the employer.

export const listApprenticeships = (db: Exec, orgId: string) =>
  db
    .select({ a: apprenticeships, name: staffRecords.displayId })
    .from(apprenticeships)
    .innerJoin(staffRecords, eq(staffRecords.id, apprenticeships.staffRecordId))
    .where(eq(apprenticeships.orgId, orgId))
    .orderBy(desc(apprenticeships.startOn), asc(staffRecords.displayId), asc(apprenticeships.id));

export const findApprenticeship = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select({ a: apprenticeships, name: staffRecords.displayId })
      .from(apprenticeships)
      .innerJoin(staffRecords, eq(staffRecords.id, apprenticeships.staffRecordId))
      .where(and(eq(apprenticeships.orgId, orgId), eq(apprenticeships.id, id)))
  )[0];

export const insertApprenticeship = async (db: Exec, values: typeof apprenticeships.$inferInsert) =>
  (await db.insert(apprenticeships).values(values).returning())[0];

export const updateApprenticeship = async (
  db: Exec,
  orgId: string,
  id: string,
  set: Partial<typeof apprenticeships.$inferInsert>,
) =>
  (
    await db
      .update(apprenticeships)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(apprenticeships.orgId, orgId), eq(apprenticeships.id, id)))
      .returning()
  )[0];

/** One of the employer's staff records (another employer's reads as none). */
export const findStaffRecord = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select({
        id: staffRecords.id,
        displayId: staffRecords.displayId,
        startDate: staffRecords.startDate,
        endDate: staffRecords.endDate,
      })
      .from(staffRecords)
      .where(and(eq(staffRecords.orgId, orgId), eq(staffRecords.id, id)))
  )[0];

/** The employer's staff records among `ids`, in post on `day`. */
export const listStaffInPostAmong = (db: Exec, orgId: string, ids: readonly string[], day: string) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: staffRecords.id, displayId: staffRecords.displayId })
        .from(staffRecords)
        .where(
          and(
            eq(staffRecords.orgId, orgId),
            inArray(staffRecords.id, [...ids]),
            lte(staffRecords.startDate, day),
            or(isNull(staffRecords.endDate), gt(staffRecords.endDate, day)),
          ),
        )
        .orderBy(asc(staffRecords.displayId), asc(staffRecords.id));

/** The employer's staff in post on `day`, for the forms (at most 2,000, by name). */
export const listStaffInPost = (db: Exec, orgId: string, day: string) =>
  db
    .select({ id: staffRecords.id, displayId: staffRecords.displayId })
    .from(staffRecords)
    .where(
      and(
        eq(staffRecords.orgId, orgId),
        lte(staffRecords.startDate, day),
        or(isNull(staffRecords.endDate), gt(staffRecords.endDate, day)),
      ),
    )
    .orderBy(asc(staffRecords.displayId), asc(staffRecords.id))
    .limit(2000);

const usedPence = sql<number>`coalesce((select sum(a.price_pence) from apprenticeships a where a.levy_request_id = "levy_requests"."id" and a.status <> 'withdrawn'), 0)::float8`;

/** The employer's levy requests with what starts already took from each (withdrawn starts give theirs back). */
export const listLevyRequestsWithUse = (db: Exec, orgId: string, status?: string) =>
  db
    .select({ r: levyRequests, used: usedPence, pledger: organisations.name })
    .from(levyRequests)
    .innerJoin(levyPledges, eq(levyPledges.id, levyRequests.pledgeId))
    .innerJoin(organisations, eq(organisations.id, levyPledges.orgId))
    .where(and(eq(levyRequests.orgId, orgId), status ? eq(levyRequests.status, status) : undefined))
    .orderBy(desc(levyRequests.createdAt), asc(levyRequests.id));

export const findLevyRequestWithUse = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select({ r: levyRequests, used: usedPence })
      .from(levyRequests)
      .where(and(eq(levyRequests.orgId, orgId), eq(levyRequests.id, id)))
      .for("update")
  )[0];

/** A training partner in the hub, by id (a training provider a start names). */
export const findTrainingPartner = async (db: Exec, id: string) =>
  (
    await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.id, id), eq(organisations.kind, "training_partner")))
  )[0];
