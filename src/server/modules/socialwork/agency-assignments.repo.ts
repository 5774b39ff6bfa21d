import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { staffRecords, swAgencyAssignments, swAgencyPriceCaps, swStaff, swTeams } from "../../db/schema";

// Agency assignments, the regional price caps and the social work staff records' dates (issue 20
// item 8). Every query is scoped by the council; lists by the teams the reader may see.

export type AssignmentRow = typeof swAgencyAssignments.$inferSelect;
export type AssignmentWithTeam = { a: AssignmentRow; teamName: string; service: string };

const withTeam = { a: swAgencyAssignments, teamName: swTeams.name, service: swTeams.service };

/** The council's assignments in the given teams, overlapping [from, to] when given, newest first. */
export function listAssignments(
  db: Exec,
  orgId: string,
  teamIds: string[],
  span: { from?: string; to?: string } = {},
): Promise<AssignmentWithTeam[]> {
  if (!teamIds.length) return Promise.resolve([]);
  return db
    .select(withTeam)
    .from(swAgencyAssignments)
    .innerJoin(swTeams, eq(swTeams.id, swAgencyAssignments.teamId))
    .where(
      and(
        eq(swAgencyAssignments.orgId, orgId),
        inArray(swAgencyAssignments.teamId, teamIds),
        span.to ? lte(swAgencyAssignments.startDate, span.to) : undefined,
        span.from ? or(isNull(swAgencyAssignments.endDate), gte(swAgencyAssignments.endDate, span.from)) : undefined,
      ),
    )
    .orderBy(desc(swAgencyAssignments.startDate), asc(swAgencyAssignments.workerName), asc(swAgencyAssignments.id));
}

export async function findAssignment(db: Exec, orgId: string, id: string): Promise<AssignmentWithTeam | undefined> {
  return (
    await db
      .select(withTeam)
      .from(swAgencyAssignments)
      .innerJoin(swTeams, eq(swTeams.id, swAgencyAssignments.teamId))
      .where(and(eq(swAgencyAssignments.orgId, orgId), eq(swAgencyAssignments.id, id)))
  )[0];
}

export const insertAssignment = async (db: Exec, values: typeof swAgencyAssignments.$inferInsert) =>
  (await db.insert(swAgencyAssignments).values(values).returning())[0];

export const insertAssignments = async (db: Exec, values: (typeof swAgencyAssignments.$inferInsert)[]) => {
  if (values.length) await db.insert(swAgencyAssignments).values(values);
};

export const updateAssignment = async (
  db: Exec,
  orgId: string,
  id: string,
  set: Partial<typeof swAgencyAssignments.$inferInsert>,
) =>
  (
    await db
      .update(swAgencyAssignments)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(swAgencyAssignments.orgId, orgId), eq(swAgencyAssignments.id, id)))
      .returning()
  )[0];

/** The council's current teams (all of them, or those given). */
export function listTeams(db: Exec, orgId: string, ids?: string[]) {
  if (ids && !ids.length) return Promise.resolve([]);
  return db
    .select({ id: swTeams.id, name: swTeams.name, service: swTeams.service })
    .from(swTeams)
    .where(and(eq(swTeams.orgId, orgId), isNull(swTeams.archivedAt), ids ? inArray(swTeams.id, ids) : undefined))
    .orderBy(asc(swTeams.service), asc(swTeams.name), asc(swTeams.id));
}

export const findTeam = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select({ id: swTeams.id, name: swTeams.name, service: swTeams.service, archivedAt: swTeams.archivedAt })
      .from(swTeams)
      .where(and(eq(swTeams.orgId, orgId), eq(swTeams.id, id)))
  )[0];

// Price caps.

export const listCaps = (db: Exec, orgId: string) =>
  db
    .select()
    .from(swAgencyPriceCaps)
    .where(eq(swAgencyPriceCaps.orgId, orgId))
    .orderBy(asc(swAgencyPriceCaps.roleType), desc(swAgencyPriceCaps.fromDate));

/** Sets a job type's cap from a day (replacing one from the same day). */
export const upsertCap = async (db: Exec, values: typeof swAgencyPriceCaps.$inferInsert) =>
  (
    await db
      .insert(swAgencyPriceCaps)
      .values(values)
      .onConflictDoUpdate({
        target: [swAgencyPriceCaps.orgId, swAgencyPriceCaps.roleType, swAgencyPriceCaps.fromDate],
        set: { hourlyCap: values.hourlyCap },
      })
      .returning()
  )[0];

export const findCap = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(swAgencyPriceCaps)
      .where(and(eq(swAgencyPriceCaps.orgId, orgId), eq(swAgencyPriceCaps.id, id)))
  )[0];

export const deleteCap = (db: Exec, orgId: string, id: string) =>
  db.delete(swAgencyPriceCaps).where(and(eq(swAgencyPriceCaps.orgId, orgId), eq(swAgencyPriceCaps.id, id)));

// The social work staff records' dates (for starters and leavers).

/** Start and end of each social work staff record in the teams given, with its team. */
export function listStaffDates(db: Exec, orgId: string, teamIds: string[]) {
  if (!teamIds.length) return Promise.resolve([]);
  return db
    .select({
      teamId: swStaff.teamId,
      service: swTeams.service,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
    })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .where(and(eq(swStaff.orgId, orgId), inArray(swStaff.teamId, teamIds)));
}
