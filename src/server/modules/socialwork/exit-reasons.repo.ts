import { and, eq, gte, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { commissioning, exitInterviews, staffRecords, swStaff, swTeams } from "../../db/schema";

// The answered exit interviews behind the collated reasons (issue 20 item 9): never the comments.

/** Interviews answered between `from` and `to` at the given employers, with the leaver's recorded reason and team. */
export async function answered(db: Exec, orgIds: string[], from: string, to: string) {
  if (!orgIds.length) return [];
  return db
    .select({
      orgId: exitInterviews.orgId,
      reasons: exitInterviews.reasons,
      mainReason: exitInterviews.mainReason,
      leavingReason: staffRecords.leavingReason,
      teamId: swTeams.id,
      teamName: swTeams.name,
      service: swTeams.service,
    })
    .from(exitInterviews)
    .innerJoin(staffRecords, eq(staffRecords.id, exitInterviews.staffRecordId))
    .leftJoin(swStaff, eq(swStaff.staffRecordId, exitInterviews.staffRecordId))
    .leftJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .where(
      and(
        inArray(exitInterviews.orgId, orgIds),
        isNotNull(exitInterviews.completedOn),
        gte(exitInterviews.completedOn, from),
        lte(exitInterviews.completedOn, to),
      ),
    );
}
export type AnsweredRow = Awaited<ReturnType<typeof answered>>[number];

/** The providers a council commissioned at any time in the period. */
export async function commissionedProviders(db: Exec, councilId: string, from: string, to: string) {
  const rows = await db
    .selectDistinct({ id: commissioning.providerId })
    .from(commissioning)
    .where(
      and(
        eq(commissioning.councilId, councilId),
        lte(commissioning.fromDate, to),
        or(isNull(commissioning.toDate), gte(commissioning.toDate, from)),
      ),
    );
  return rows.map((r) => r.id);
}
