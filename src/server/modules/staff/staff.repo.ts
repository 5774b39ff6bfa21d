import { and, asc, count, eq, ilike, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { staffRecords, workplaces } from "../../db/schema";

export const PAGE_SIZE = 50;

export interface StaffFilter {
  q?: string;
  workplace?: string;
  role?: number;
  contract?: number;
  status: "current" | "left" | "all";
  page: number;
}

/** A page of the organisation's staff records, filtered; never NI numbers or dates of birth. */
export async function findStaff(db: Exec, orgId: string, f: StaffFilter) {
  const where: SQL[] = [eq(staffRecords.orgId, orgId)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(staffRecords.displayId, like), ilike(staffRecords.localRef, like)) as SQL);
  }
  if (f.workplace) where.push(eq(staffRecords.workplaceId, f.workplace));
  if (f.role) where.push(eq(staffRecords.mainJobRole, f.role));
  if (f.contract) where.push(eq(staffRecords.contractType, f.contract));
  if (f.status === "current") where.push(isNull(staffRecords.endDate));
  if (f.status === "left") where.push(isNotNull(staffRecords.endDate));
  const cond = and(...where);
  const [{ total }] = await db.select({ total: count() }).from(staffRecords).where(cond);
  const rows = await db
    .select({
      id: staffRecords.id,
      localRef: staffRecords.localRef,
      displayId: staffRecords.displayId,
      mainJobRole: staffRecords.mainJobRole,
      contractType: staffRecords.contractType,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      leavingReason: staffRecords.leavingReason,
      workplaceId: workplaces.id,
      workplaceName: workplaces.name,
    })
    .from(staffRecords)
    .innerJoin(workplaces, eq(workplaces.id, staffRecords.workplaceId))
    .where(cond)
    .orderBy(asc(staffRecords.displayId), asc(staffRecords.localRef))
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE);
  return { total, rows };
}

export const findStaffRecord = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(staffRecords)
      .where(and(eq(staffRecords.id, id), eq(staffRecords.orgId, orgId)))
  )[0];

/** The current (not left) staff record here of the person signed in as a user: their own record. */
export const findOwnStaffRecord = async (db: Exec, orgId: string, userId: string) =>
  (
    await db
      .select()
      .from(staffRecords)
      .where(and(eq(staffRecords.orgId, orgId), eq(staffRecords.userId, userId), isNull(staffRecords.endDate)))
      .limit(1)
  )[0];

export const listWorkplaces = (db: Exec, orgId: string) =>
  db
    .select({
      id: workplaces.id,
      name: workplaces.name,
      localRef: workplaces.localRef,
      mainService: workplaces.mainService,
    })
    .from(workplaces)
    .where(eq(workplaces.orgId, orgId))
    .orderBy(workplaces.name);

/** Records a leaver on a record, only if it is the organisation's. */
export const markLeaver = (db: Exec, orgId: string, id: string, change: Partial<typeof staffRecords.$inferInsert>) =>
  db
    .update(staffRecords)
    .set(change)
    .where(and(eq(staffRecords.id, id), eq(staffRecords.orgId, orgId)));
