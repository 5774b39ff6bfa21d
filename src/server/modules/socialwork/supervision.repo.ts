import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Exec } from "../../db/client";
import { staffRecords, swAsye, swStaff, swSupervisions, swTeams } from "../../db/schema";

// Supervisions held (sw_supervisions) and the workers they are for: the queries behind
// supervision.service.ts and caseloads.service.ts.

/** The social work workers of some teams (any dates), with their ASYE when they have one. */
export async function workersOfTeams(db: Exec, orgId: string, teamIds: readonly string[]) {
  if (!teamIds.length) return [];
  return db
    .select({
      staffRecordId: swStaff.staffRecordId,
      name: staffRecords.displayId,
      localRef: staffRecords.localRef,
      role: swStaff.role,
      teamId: swStaff.teamId,
      teamName: swTeams.name,
      service: swTeams.service,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      contractedHours: staffRecords.contractedHours,
      userId: staffRecords.userId,
      asyeStart: swAsye.startDate,
      asyeExtendedTo: swAsye.extendedTo,
      asyeOutcomeOn: swAsye.outcomeOn,
      asyeProtectedTarget: swAsye.protectedCaseloadTarget,
    })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .leftJoin(swAsye, eq(swAsye.staffRecordId, swStaff.staffRecordId))
    .where(and(eq(swStaff.orgId, orgId), inArray(swStaff.teamId, [...teamIds])))
    .orderBy(asc(swTeams.name), asc(staffRecords.displayId));
}
export type WorkerRow = Awaited<ReturnType<typeof workersOfTeams>>[number];

/** The social work workers a personal account holds (any council). */
export async function workersOfUser(db: Exec, userId: string) {
  const rows = await db
    .select({ staffRecordId: swStaff.staffRecordId, orgId: swStaff.orgId, teamId: swStaff.teamId })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .where(eq(staffRecords.userId, userId))
    .orderBy(desc(staffRecords.startDate));
  return rows;
}

/** The days supervisions were held, per worker. */
export async function heldDates(db: Exec, orgId: string, staffIds: readonly string[]) {
  const map = new Map<string, string[]>();
  if (!staffIds.length) return map;
  const rows = await db
    .select({ staffRecordId: swSupervisions.staffRecordId, heldOn: swSupervisions.heldOn })
    .from(swSupervisions)
    .where(and(eq(swSupervisions.orgId, orgId), inArray(swSupervisions.staffRecordId, [...staffIds])));
  for (const r of rows) {
    const list = map.get(r.staffRecordId) ?? [];
    list.push(r.heldOn);
    map.set(r.staffRecordId, list);
  }
  return map;
}

const supervisor = alias(staffRecords, "supervisor");

/** A worker's supervisions, latest first, with the supervisor's name. */
export async function supervisionsOf(db: Exec, orgId: string, staffRecordId: string) {
  return db
    .select({
      id: swSupervisions.id,
      staffRecordId: swSupervisions.staffRecordId,
      heldOn: swSupervisions.heldOn,
      supervisorStaffId: swSupervisions.supervisorStaffId,
      supervisorName: supervisor.displayId,
      type: swSupervisions.type,
      minutes: swSupervisions.minutes,
      actions: swSupervisions.actions,
      recordedBy: swSupervisions.recordedBy,
    })
    .from(swSupervisions)
    .leftJoin(supervisor, eq(supervisor.id, swSupervisions.supervisorStaffId))
    .where(and(eq(swSupervisions.orgId, orgId), eq(swSupervisions.staffRecordId, staffRecordId)))
    .orderBy(desc(swSupervisions.heldOn), desc(swSupervisions.createdAt));
}
export type SupervisionRow = Awaited<ReturnType<typeof supervisionsOf>>[number];

export async function findSupervision(db: Exec, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(swSupervisions)
    .where(and(eq(swSupervisions.orgId, orgId), eq(swSupervisions.id, id)));
  return row;
}

export async function insertSupervision(db: Exec, values: typeof swSupervisions.$inferInsert) {
  const [row] = await db.insert(swSupervisions).values(values).returning();
  return row;
}

export async function updateSupervision(db: Exec, id: string, values: Partial<typeof swSupervisions.$inferInsert>) {
  const [row] = await db.update(swSupervisions).set(values).where(eq(swSupervisions.id, id)).returning();
  return row;
}

export async function deleteSupervision(db: Exec, id: string) {
  await db.delete(swSupervisions).where(eq(swSupervisions.id, id));
}

/** Everyone in the service (for the supervisor choice). */
export async function serviceStaffList(db: Exec, orgId: string) {
  return db
    .select({
      id: swStaff.staffRecordId,
      name: staffRecords.displayId,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      teamId: swStaff.teamId,
      role: swStaff.role,
    })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .where(eq(swStaff.orgId, orgId))
    .orderBy(asc(staffRecords.displayId));
}
