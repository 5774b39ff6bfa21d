import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Exec } from "../../db/client";
import {
  organisations,
  staffRecords,
  swAsye,
  swAsyeReviews,
  swCaseloads,
  swSettings,
  swStaff,
  swTeams,
} from "../../db/schema";
import { inPostOnSql } from "./in-post.repo";

// The ASYE programme's tables (issue 20 item 3): sw_asye and its reviews, with the worker's record,
// profile and team, the assessor's name and the latest caseload. Every query is scoped by the
// council (org_id); which teams a user sees is access.ts's to say, passed in as team ids.

const assessor = alias(staffRecords, "assessor_record");

const summaryColumns = {
  a: swAsye,
  workerName: staffRecords.displayId,
  leftOn: staffRecords.endDate,
  workerUserId: staffRecords.userId,
  teamId: swTeams.id,
  teamName: swTeams.name,
  assessorName: assessor.displayId,
};

const base = (db: Exec) =>
  db
    .select(summaryColumns)
    .from(swAsye)
    .innerJoin(staffRecords, eq(staffRecords.id, swAsye.staffRecordId))
    .innerJoin(swStaff, eq(swStaff.staffRecordId, swAsye.staffRecordId))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .leftJoin(assessor, and(eq(assessor.id, swAsye.assessorStaffId), eq(assessor.orgId, swAsye.orgId)));

export type AsyeRow = Awaited<ReturnType<typeof listAsyes>>[number];

/** The council's ASYEs of workers in these teams; `current`: only those still running. */
export function listAsyes(db: Exec, orgId: string, teamIds: string[], current: boolean) {
  if (!teamIds.length) return Promise.resolve([]);
  return base(db)
    .where(
      and(
        eq(swAsye.orgId, orgId),
        inArray(swStaff.teamId, teamIds),
        current ? inArray(swAsye.status, ["in_progress", "extended"]) : undefined,
      ),
    )
    .orderBy(asc(swAsye.startDate), asc(staffRecords.displayId), asc(swAsye.id));
}

export const findAsye = async (db: Exec, orgId: string, id: string) =>
  (await base(db).where(and(eq(swAsye.orgId, orgId), eq(swAsye.id, id))))[0];

export const findAsyeOfWorker = async (db: Exec, orgId: string, staffRecordId: string) =>
  (await base(db).where(and(eq(swAsye.orgId, orgId), eq(swAsye.staffRecordId, staffRecordId))))[0];

/** ASYEs of these staff records (a personal account's own), of any council, with the council's name. */
export const listAsyesOfRecords = (db: Exec, staffRecordIds: string[]) =>
  staffRecordIds.length
    ? db
        .select({ ...summaryColumns, orgName: organisations.name })
        .from(swAsye)
        .innerJoin(staffRecords, eq(staffRecords.id, swAsye.staffRecordId))
        .innerJoin(swStaff, eq(swStaff.staffRecordId, swAsye.staffRecordId))
        .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
        .innerJoin(organisations, eq(organisations.id, swAsye.orgId))
        .leftJoin(assessor, and(eq(assessor.id, swAsye.assessorStaffId), eq(assessor.orgId, swAsye.orgId)))
        .where(inArray(swAsye.staffRecordId, staffRecordIds))
        .orderBy(asc(swAsye.startDate), asc(swAsye.id))
    : Promise.resolve([]);

export const insertAsye = async (db: Exec, values: typeof swAsye.$inferInsert) =>
  (await db.insert(swAsye).values(values).returning())[0];

export const updateAsye = async (db: Exec, orgId: string, id: string, set: Partial<typeof swAsye.$inferInsert>) =>
  (
    await db
      .update(swAsye)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(swAsye.orgId, orgId), eq(swAsye.id, id)))
      .returning()
  )[0];

/** Locks an ASYE's row for a change to it and its reviews (two reviews of one stage at once: one wins). */
export const lockAsye = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select({ id: swAsye.id })
      .from(swAsye)
      .where(and(eq(swAsye.orgId, orgId), eq(swAsye.id, id)))
      .for("update")
  )[0];

export type ReviewRow = typeof swAsyeReviews.$inferSelect;

/** The reviews of these ASYEs, in stage order as held. */
export const listReviews = (db: Exec, orgId: string | null, asyeIds: string[]) =>
  asyeIds.length
    ? db
        .select()
        .from(swAsyeReviews)
        .where(and(orgId ? eq(swAsyeReviews.orgId, orgId) : undefined, inArray(swAsyeReviews.asyeId, asyeIds)))
        .orderBy(asc(swAsyeReviews.heldOn), asc(swAsyeReviews.id))
    : Promise.resolve([]);

export const findReview = async (db: Exec, orgId: string, asyeId: string, reviewId: string) =>
  (
    await db
      .select()
      .from(swAsyeReviews)
      .where(and(eq(swAsyeReviews.orgId, orgId), eq(swAsyeReviews.asyeId, asyeId), eq(swAsyeReviews.id, reviewId)))
  )[0];

export const findReviewOfStage = async (db: Exec, orgId: string, asyeId: string, stage: string) =>
  (
    await db
      .select()
      .from(swAsyeReviews)
      .where(and(eq(swAsyeReviews.orgId, orgId), eq(swAsyeReviews.asyeId, asyeId), eq(swAsyeReviews.stage, stage)))
  )[0];

export const insertReview = async (db: Exec, values: typeof swAsyeReviews.$inferInsert) =>
  (await db.insert(swAsyeReviews).values(values).returning())[0];

export const updateReview = async (
  db: Exec,
  orgId: string,
  id: string,
  set: Partial<typeof swAsyeReviews.$inferInsert>,
) =>
  (
    await db
      .update(swAsyeReviews)
      .set(set)
      .where(and(eq(swAsyeReviews.orgId, orgId), eq(swAsyeReviews.id, id)))
      .returning()
  )[0];

export const deleteReview = (db: Exec, orgId: string, id: string) =>
  db.delete(swAsyeReviews).where(and(eq(swAsyeReviews.orgId, orgId), eq(swAsyeReviews.id, id)));

/** The latest recorded month's open cases of each of these workers. */
export async function latestCaseloads(db: Exec, orgId: string, staffRecordIds: string[]) {
  if (!staffRecordIds.length) return new Map<string, { month: string; openCases: number }>();
  const rows = await db
    .selectDistinctOn([swCaseloads.staffRecordId], {
      staffRecordId: swCaseloads.staffRecordId,
      month: swCaseloads.month,
      openCases: swCaseloads.openCases,
    })
    .from(swCaseloads)
    .where(and(eq(swCaseloads.orgId, orgId), inArray(swCaseloads.staffRecordId, staffRecordIds)))
    .orderBy(swCaseloads.staffRecordId, desc(swCaseloads.month));
  return new Map(rows.map((r) => [r.staffRecordId, { month: r.month, openCases: r.openCases }]));
}

/** Every recorded month of these workers' caseloads. */
export const caseloadMonths = (db: Exec, orgId: string, staffRecordIds: string[]) =>
  staffRecordIds.length
    ? db
        .select({
          staffRecordId: swCaseloads.staffRecordId,
          month: swCaseloads.month,
          openCases: swCaseloads.openCases,
        })
        .from(swCaseloads)
        .where(and(eq(swCaseloads.orgId, orgId), inArray(swCaseloads.staffRecordId, staffRecordIds)))
    : Promise.resolve([]);

/** The council's caseload settings, or undefined when it saved none. */
export const findSettings = async (db: Exec, orgId: string) =>
  (
    await db
      .select({
        caseloadThresholdAdults: swSettings.caseloadThresholdAdults,
        caseloadThresholdChildren: swSettings.caseloadThresholdChildren,
        asyeProtectionShare: swSettings.asyeProtectionShare,
      })
      .from(swSettings)
      .where(eq(swSettings.orgId, orgId))
  )[0];

/** A social work worker of the council with their record's dates, profile and team's service. */
export const findWorker = async (db: Exec, orgId: string, staffRecordId: string) =>
  (
    await db
      .select({
        staffRecordId: swStaff.staffRecordId,
        name: staffRecords.displayId,
        role: swStaff.role,
        pcfLevel: swStaff.pcfLevel,
        teamId: swStaff.teamId,
        service: swTeams.service,
        startDate: staffRecords.startDate,
        endDate: staffRecords.endDate,
      })
      .from(swStaff)
      .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
      .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
      .where(and(eq(swStaff.orgId, orgId), eq(swStaff.staffRecordId, staffRecordId), eq(staffRecords.orgId, orgId)))
  )[0];

/** The council's social work workers in post on `at` (in current teams), with whether they hold an ASYE. */
export const listWorkersInPost = (db: Exec, orgId: string, at: string) =>
  db
    .select({
      staffRecordId: swStaff.staffRecordId,
      name: staffRecords.displayId,
      role: swStaff.role,
      pcfLevel: swStaff.pcfLevel,
      peStage: swStaff.peStage,
      team: swTeams.name,
      service: swTeams.service,
      startDate: staffRecords.startDate,
      hasAsye: sql<boolean>`exists (select 1 from sw_asye x where x.staff_record_id = ${swStaff.staffRecordId})`,
    })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .innerJoin(swTeams, and(eq(swTeams.id, swStaff.teamId), isNull(swTeams.archivedAt)))
    .where(and(eq(swStaff.orgId, orgId), inPostOnSql(staffRecords, at)))
    .orderBy(asc(staffRecords.displayId), asc(swStaff.staffRecordId));
