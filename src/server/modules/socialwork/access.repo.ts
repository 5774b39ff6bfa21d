import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { staffRecords, swStaff, swTeams } from "../../db/schema";

// The queries behind access.ts: which teams a user manages, and a worker's team.

/** The council's current teams' ids, or those a user manages. */
export async function teamIds(db: Exec, orgId: string, managerUserId?: string): Promise<string[]> {
  const rows = await db
    .select({ id: swTeams.id })
    .from(swTeams)
    .where(
      and(
        eq(swTeams.orgId, orgId),
        isNull(swTeams.archivedAt),
        managerUserId === undefined ? undefined : eq(swTeams.managerUserId, managerUserId),
      ),
    );
  return rows.map((r) => r.id);
}

/** A social work staff record of the council's, with its team, or undefined. */
export async function workerTeam(db: Exec, orgId: string, staffRecordId: string) {
  const [row] = await db
    .select({ staffRecordId: swStaff.staffRecordId, teamId: swStaff.teamId, userId: staffRecords.userId })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .where(and(eq(swStaff.orgId, orgId), eq(swStaff.staffRecordId, staffRecordId)));
  return row;
}

/** The staff records (of any organisation) a personal account holds. */
export async function ownStaffRecordIds(db: Exec, userId: string): Promise<string[]> {
  return (await db.select({ id: staffRecords.id }).from(staffRecords).where(eq(staffRecords.userId, userId))).map(
    (r) => r.id,
  );
}

/** Of `ids`, those that are social work staff of the organisation in one of `teams`. */
export async function workersInTeams(db: Exec, orgId: string, ids: string[], teams: string[]): Promise<string[]> {
  if (!ids.length || !teams.length) return [];
  return (
    await db
      .select({ id: swStaff.staffRecordId })
      .from(swStaff)
      .where(and(eq(swStaff.orgId, orgId), inArray(swStaff.staffRecordId, ids), inArray(swStaff.teamId, teams)))
  ).map((r) => r.id);
}

/**
 * A staff record of the council's with the dates it was in post, who holds it, and its social work
 * team and role when it has a social work profile (both null when not).
 */
export async function staffForNaming(db: Exec, orgId: string, staffRecordId: string) {
  const [row] = await db
    .select({
      userId: staffRecords.userId,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      teamId: swStaff.teamId,
      role: swStaff.role,
    })
    .from(staffRecords)
    .leftJoin(swStaff, and(eq(swStaff.staffRecordId, staffRecords.id), eq(swStaff.orgId, orgId)))
    .where(and(eq(staffRecords.orgId, orgId), eq(staffRecords.id, staffRecordId)));
  return row;
}
