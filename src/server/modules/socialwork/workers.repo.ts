import { and, asc, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { staffRecords, swStaff, swTeams, workplaces } from "../../db/schema";

// The social work service's workers (issue 20 item 1): staff records at the council's social work
// workplaces with their profiles (sw_staff) and teams. Callers pass the teams the user may see.

const NONE = ["00000000-0000-4000-8000-000000000000"];

const workerFields = {
  id: staffRecords.id,
  name: staffRecords.displayId,
  startDate: staffRecords.startDate,
  endDate: staffRecords.endDate,
  leavingReason: staffRecords.leavingReason,
  contractedHours: staffRecords.contractedHours,
  userId: staffRecords.userId,
  workplaceId: staffRecords.workplaceId,
  teamName: swTeams.name,
  service: swTeams.service,
  teamManagerUserId: swTeams.managerUserId,
  profile: swStaff,
};
export type WorkerRow = {
  id: string;
  name: string;
  startDate: string;
  endDate: string | null;
  leavingReason: number | null;
  contractedHours: number | null;
  userId: string | null;
  workplaceId: string;
  teamName: string;
  service: string;
  teamManagerUserId: string | null;
  profile: typeof swStaff.$inferSelect;
};

export interface WorkerFilter {
  service?: string;
  teamId?: string;
  role?: string;
  routeIn?: string;
  /** Leavers too (those whose end date is before `today`). */
  leavers?: boolean;
}

/** The workers of the given teams, current ones unless `leavers`, by team then name. */
export const listWorkers = (
  db: Exec,
  orgId: string,
  teamIds: string[],
  filter: WorkerFilter,
  today: string,
): Promise<WorkerRow[]> =>
  db
    .select(workerFields)
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .where(
      and(
        eq(swStaff.orgId, orgId),
        inArray(swStaff.teamId, teamIds.length ? teamIds : NONE),
        filter.service ? eq(swTeams.service, filter.service) : undefined,
        filter.teamId ? eq(swStaff.teamId, filter.teamId) : undefined,
        filter.role ? eq(swStaff.role, filter.role) : undefined,
        filter.routeIn ? eq(swStaff.routeIn, filter.routeIn) : undefined,
        filter.leavers ? undefined : or(isNull(staffRecords.endDate), gt(staffRecords.endDate, today)),
      ),
    )
    .orderBy(asc(swTeams.name), asc(staffRecords.displayId), asc(staffRecords.id));

export const findWorker = async (db: Exec, orgId: string, id: string): Promise<WorkerRow | undefined> =>
  (
    await db
      .select(workerFields)
      .from(swStaff)
      .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
      .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
      .where(and(eq(swStaff.orgId, orgId), eq(swStaff.staffRecordId, id)))
  )[0];

export const updateProfile = (db: Exec, orgId: string, id: string, set: Partial<typeof swStaff.$inferInsert>) =>
  db
    .update(swStaff)
    .set(set)
    .where(and(eq(swStaff.orgId, orgId), eq(swStaff.staffRecordId, id)));

/** Keeps the staff record's ASC-WDS main job role in step with the social work role. */
export const setMainJobRole = (db: Exec, orgId: string, id: string, mainJobRole: number, now: Date) =>
  db
    .update(staffRecords)
    .set({ mainJobRole, updatedAt: now })
    .where(and(eq(staffRecords.orgId, orgId), eq(staffRecords.id, id)));

export const insertStaffRecord = async (db: Exec, values: typeof staffRecords.$inferInsert) =>
  (await db.insert(staffRecords).values(values).returning())[0];

export const insertProfile = (db: Exec, values: typeof swStaff.$inferInsert) => db.insert(swStaff).values(values);

/** A current staff record at the workplace with this reference (references are unique among them). */
export const findCurrentRef = async (db: Exec, workplaceId: string, localRef: string) =>
  (
    await db
      .select({ id: staffRecords.id })
      .from(staffRecords)
      .where(
        and(
          eq(staffRecords.workplaceId, workplaceId),
          eq(staffRecords.localRef, localRef),
          isNull(staffRecords.endDate),
        ),
      )
  )[0];

/** The social work service a workplace holds staff for, or null. */
export const workplaceService = async (db: Exec, workplaceId: string) =>
  (await db.select({ service: workplaces.socialWorkService }).from(workplaces).where(eq(workplaces.id, workplaceId)))[0]
    ?.service ?? null;

/**
 * Another worker of the council holding this SWE number (compared as the register writes it) while
 * employed during `period`: someone who left before it started is a past record of the same person.
 */
export const findSweHolder = async (
  db: Exec,
  orgId: string,
  sweNumber: string,
  period: { startDate: string; endDate: string | null },
  exceptId?: string,
) =>
  (
    await db
      .select({ id: swStaff.staffRecordId })
      .from(swStaff)
      .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
      .where(
        and(
          eq(swStaff.orgId, orgId),
          sql`upper(regexp_replace(${swStaff.sweNumber}, '[[:space:]]', '', 'g')) = ${sweNumber}`,
          exceptId ? ne(swStaff.staffRecordId, exceptId) : undefined,
          or(isNull(staffRecords.endDate), gt(staffRecords.endDate, period.startDate)),
          period.endDate ? lt(staffRecords.startDate, period.endDate) : undefined,
        ),
      )
      .limit(1)
  )[0];
