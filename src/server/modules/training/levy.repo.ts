import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { levyPledges, levyRequests, memberships, organisations, staffRecords, users } from "../../db/schema";

// Levy transfer brokerage: pledges (scoped by the pledger), requests (scoped by the requester, or
// by the pledge for the pledger), and the sums the allowance is tracked by.

const approvedSum = sql<number>`coalesce((select sum(r.amount_pence) from levy_requests r where r.pledge_id = "levy_pledges"."id" and r.status = 'approved'), 0)::float8`;

export const insertPledge = async (db: Exec, values: typeof levyPledges.$inferInsert) =>
  (await db.insert(levyPledges).values(values).returning())[0];

/** The pledger's pledges, newest first, with what has been approved from each. */
export const listPledges = (db: Exec, orgId: string) =>
  db
    .select({ p: levyPledges, approved: approvedSum })
    .from(levyPledges)
    .where(eq(levyPledges.orgId, orgId))
    .orderBy(desc(levyPledges.opensOn), desc(levyPledges.createdAt), asc(levyPledges.id));

/** The pledger's open pledges' total (an open pledge counts against the allowance until it closes). */
export const sumOpenPledged = async (db: Exec, orgId: string, today: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`coalesce(sum(${levyPledges.amountPence}), 0)::float8` })
        .from(levyPledges)
        .where(and(eq(levyPledges.orgId, orgId), eq(levyPledges.status, "open"), gte(levyPledges.closesOn, today)))
    )[0]?.n ?? 0,
  );

/** One of the pledger's pledges, locked for a decision on it. */
export const findPledgeForUpdate = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(levyPledges)
      .where(and(eq(levyPledges.orgId, orgId), eq(levyPledges.id, id)))
      .for("update")
  )[0];

export const sumApproved = async (db: Exec, pledgeId: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`coalesce(sum(${levyRequests.amountPence}), 0)::float8` })
        .from(levyRequests)
        .where(and(eq(levyRequests.pledgeId, pledgeId), eq(levyRequests.status, "approved")))
    )[0]?.n ?? 0,
  );

/** The requests to the pledger's pledges, with the requester's name. */
export const listRequestsToPledges = (db: Exec, pledgeIds: readonly string[]) =>
  pledgeIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ r: levyRequests, requester: organisations.name })
        .from(levyRequests)
        .innerJoin(organisations, eq(organisations.id, levyRequests.orgId))
        .where(inArray(levyRequests.pledgeId, [...pledgeIds]))
        .orderBy(desc(levyRequests.createdAt), asc(levyRequests.id));

/** The display ids of staff records a requester named (only those of the requesting employer). */
export const listNamedPeople = (db: Exec, requests: readonly { orgId: string; staffRecordIds: string[] }[]) => {
  const ids = [...new Set(requests.flatMap((r) => r.staffRecordIds))];
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: staffRecords.id, orgId: staffRecords.orgId, displayId: staffRecords.displayId })
    .from(staffRecords)
    .where(inArray(staffRecords.id, ids))
    .orderBy(asc(staffRecords.displayId));
};

/** Pledges open on `today` in the given councils' areas, with the pledger's name and what is left. */
export const listOpenPledges = (db: Exec, councilIds: readonly string[], today: string) =>
  councilIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ p: levyPledges, pledger: organisations.name, approved: approvedSum })
        .from(levyPledges)
        .innerJoin(organisations, eq(organisations.id, levyPledges.orgId))
        .where(
          and(
            inArray(levyPledges.councilId, [...councilIds]),
            eq(levyPledges.status, "open"),
            lte(levyPledges.opensOn, today),
            gte(levyPledges.closesOn, today),
          ),
        )
        .orderBy(asc(levyPledges.closesOn), asc(levyPledges.id));

/** An open pledge in one of the councils' areas, locked for a request against it. */
export const findOpenPledgeForUpdate = async (db: Exec, councilIds: readonly string[], id: string, today: string) =>
  councilIds.length === 0
    ? undefined
    : (
        await db
          .select()
          .from(levyPledges)
          .where(
            and(
              eq(levyPledges.id, id),
              inArray(levyPledges.councilId, [...councilIds]),
              eq(levyPledges.status, "open"),
              lte(levyPledges.opensOn, today),
              gte(levyPledges.closesOn, today),
            ),
          )
          .for("update")
      )[0];

export const insertRequest = async (db: Exec, values: typeof levyRequests.$inferInsert) =>
  (await db.insert(levyRequests).values(values).returning())[0];

/** The requester's own requests, with the pledger's name. */
export const listMyRequests = (db: Exec, orgId: string) =>
  db
    .select({ r: levyRequests, pledger: organisations.name })
    .from(levyRequests)
    .innerJoin(levyPledges, eq(levyPledges.id, levyRequests.pledgeId))
    .innerJoin(organisations, eq(organisations.id, levyPledges.orgId))
    .where(eq(levyRequests.orgId, orgId))
    .orderBy(desc(levyRequests.createdAt), asc(levyRequests.id));

export const findMyRequest = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select({ r: levyRequests, pledger: organisations.name })
      .from(levyRequests)
      .innerJoin(levyPledges, eq(levyPledges.id, levyRequests.pledgeId))
      .innerJoin(organisations, eq(organisations.id, levyPledges.orgId))
      .where(and(eq(levyRequests.orgId, orgId), eq(levyRequests.id, id)))
  )[0];

/** A request to one of the pledger's pledges (scoped by the pledge, which findPledgeForUpdate scoped by the pledger). */
export const findRequestOfPledge = async (db: Exec, pledgeId: string, id: string) =>
  (
    await db
      .select({ r: levyRequests, requester: organisations.name })
      .from(levyRequests)
      .innerJoin(organisations, eq(organisations.id, levyRequests.orgId))
      .where(and(eq(levyRequests.pledgeId, pledgeId), eq(levyRequests.id, id)))
      .for("update", { of: levyRequests })
  )[0];

export const updateRequest = async (db: Exec, id: string, set: Partial<typeof levyRequests.$inferInsert>) =>
  (
    await db
      .update(levyRequests)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(levyRequests.id, id))
      .returning()
  )[0];

/** The email addresses of an organisation's admins, in a stable order. */
export const listAdminEmails = async (db: Exec, orgId: string) =>
  (
    await db
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ["provider_admin", "council_admin"])))
      .orderBy(asc(users.email))
  ).map((r) => r.email);

/** Locks the pledger's organisation row, so two pledges made at once cannot both fit the allowance. */
export const lockPledger = async (db: Exec, orgId: string) => {
  await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId)).for("update");
};
