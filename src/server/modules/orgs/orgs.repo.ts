import { and, count, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { CONTRACT } from "../../../shared/ascwds/codes";
import type { Exec } from "../../db/client";
import {
  commissioning,
  invitations,
  memberships,
  organisations,
  staffRecords,
  users,
  workplaces,
} from "../../db/schema";

export type OrgRow = typeof organisations.$inferSelect;

export const findOrgById = async (db: Exec, id: string) =>
  (await db.select().from(organisations).where(eq(organisations.id, id)))[0];
export const findOrgBySlug = async (db: Exec, slug: string) =>
  (await db.select().from(organisations).where(eq(organisations.slug, slug)))[0];
export const insertOrg = async (db: Exec, values: typeof organisations.$inferInsert) =>
  (await db.insert(organisations).values(values).returning())[0];
export const listAllOrgs = (db: Exec) =>
  db.select().from(organisations).orderBy(organisations.kind, organisations.name);

export const insertCommissioning = async (db: Exec, values: typeof commissioning.$inferInsert) =>
  (await db.insert(commissioning).values(values).returning())[0];

/** The council's commissioned providers with links and sizes (counts only: never staff records). */
export async function findCommissionedProviders(db: Exec, councilId: string) {
  const links = await db
    .select({ link: commissioning, org: organisations })
    .from(commissioning)
    .innerJoin(organisations, eq(organisations.id, commissioning.providerId))
    .where(eq(commissioning.councilId, councilId))
    .orderBy(organisations.name);
  const ids = links.map((l) => l.org.id);
  if (!ids.length) return [];
  const places = await db
    .select({ orgId: workplaces.orgId, n: count() })
    .from(workplaces)
    .where(inArray(workplaces.orgId, ids))
    .groupBy(workplaces.orgId);
  const staff = await db
    .select({ orgId: staffRecords.orgId, n: count() })
    .from(staffRecords)
    // Staff in post other than agency workers, as on the home page.
    .where(
      and(
        inArray(staffRecords.orgId, ids),
        isNull(staffRecords.endDate),
        ne(staffRecords.contractType, CONTRACT.agency),
      ),
    )
    .groupBy(staffRecords.orgId);
  const placesBy = new Map(places.map((p) => [p.orgId, p.n]));
  const staffBy = new Map(staff.map((s) => [s.orgId, s.n]));
  return links.map((l) => ({ ...l, workplaces: placesBy.get(l.org.id) ?? 0, staffInPost: staffBy.get(l.org.id) ?? 0 }));
}

export const insertMembership = async (db: Exec, values: typeof memberships.$inferInsert) =>
  (await db.insert(memberships).values(values).returning())[0];

export const findMembershipOf = async (db: Exec, userId: string, orgId: string) =>
  (
    await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)))
  )[0];

/** A membership, only if it belongs to this organisation. */
export const findMembership = async (db: Exec, orgId: string, membershipId: string) =>
  (
    await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.orgId, orgId)))
  )[0];

export function findMembers(db: Exec, orgId: string) {
  return db
    .select({
      membership: memberships,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      },
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(users.name, users.email);
}

export const updateMembershipRole = async (db: Exec, orgId: string, id: string, role: string) =>
  (
    await db
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.id, id), eq(memberships.orgId, orgId)))
      .returning()
  )[0];

export const deleteMembership = (db: Exec, orgId: string, id: string) =>
  db.delete(memberships).where(and(eq(memberships.id, id), eq(memberships.orgId, orgId)));

export async function countMembersWithRole(db: Exec, orgId: string, role: string) {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, role)));
  return row.n;
}

export const insertInvitation = async (db: Exec, values: typeof invitations.$inferInsert) =>
  (await db.insert(invitations).values(values).returning())[0];

export function findPendingInvitations(db: Exec, orgId: string, now: Date) {
  return db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(invitations.createdAt);
}

export const findInvitation = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, id), eq(invitations.orgId, orgId)))
  )[0];

export const revokeInvitationRow = async (db: Exec, orgId: string, id: string, at: Date) =>
  (
    await db
      .update(invitations)
      .set({ revokedAt: at })
      .where(and(eq(invitations.id, id), eq(invitations.orgId, orgId)))
      .returning()
  )[0];

export async function countWorkplaces(db: Exec, orgIds: string[]) {
  const [row] = await db.select({ n: count() }).from(workplaces).where(inArray(workplaces.orgId, orgIds));
  return row.n;
}

/** Staff in post other than agency workers, as on the home page. */
export async function countStaffInPost(db: Exec, orgIds: string[]) {
  const [row] = await db
    .select({ n: count() })
    .from(staffRecords)
    .where(
      and(
        inArray(staffRecords.orgId, orgIds),
        isNull(staffRecords.endDate),
        ne(staffRecords.contractType, CONTRACT.agency),
      ),
    );
  return row.n;
}
