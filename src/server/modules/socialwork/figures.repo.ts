import { and, asc, eq, lte } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  staffRecords,
  swAgencyAssignments,
  swAsye,
  swAsyeReviews,
  swCaseloads,
  swEstablishment,
  swStaff,
  swSupervisionStandards,
  swSupervisions,
  swTeams,
} from "../../db/schema";

// What the social work figures (issue 20 item 11) are worked out from, read once per request for
// the whole council (a few thousand rows in the demo) and then computed in memory for every
// date a page or the board report asks for. Every query is scoped by the council.

/** The council's teams, archived ones too (their history still counts in the past months). */
export async function teams(db: Exec, orgId: string) {
  return db
    .select({ id: swTeams.id, service: swTeams.service, name: swTeams.name, archivedAt: swTeams.archivedAt })
    .from(swTeams)
    .where(eq(swTeams.orgId, orgId))
    .orderBy(asc(swTeams.service), asc(swTeams.name), asc(swTeams.id));
}

/** Every employment in the social work service that started by `until`. */
export async function workers(db: Exec, orgId: string, until: string) {
  return db
    .select({
      id: swStaff.staffRecordId,
      teamId: swStaff.teamId,
      role: swStaff.role,
      routeIn: swStaff.routeIn,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      contractedHours: staffRecords.contractedHours,
    })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .where(and(eq(swStaff.orgId, orgId), eq(staffRecords.orgId, orgId), lte(staffRecords.startDate, until)));
}

export async function establishment(db: Exec, orgId: string, until: string) {
  return db
    .select({
      teamId: swEstablishment.teamId,
      role: swEstablishment.role,
      fundedFte: swEstablishment.fundedFte,
      effectiveFrom: swEstablishment.effectiveFrom,
    })
    .from(swEstablishment)
    .where(and(eq(swEstablishment.orgId, orgId), lte(swEstablishment.effectiveFrom, until)));
}

/** Agency assignments started by `until`, with their roles (the agency rate counts social workers only). */
export async function agency(db: Exec, orgId: string, until: string) {
  return db
    .select({
      teamId: swAgencyAssignments.teamId,
      role: swAgencyAssignments.role,
      startDate: swAgencyAssignments.startDate,
      endDate: swAgencyAssignments.endDate,
      weeklyHours: swAgencyAssignments.weeklyHours,
    })
    .from(swAgencyAssignments)
    .where(and(eq(swAgencyAssignments.orgId, orgId), lte(swAgencyAssignments.startDate, until)));
}

export async function caseloads(db: Exec, orgId: string, until: string) {
  return db
    .select({ staffRecordId: swCaseloads.staffRecordId, month: swCaseloads.month, openCases: swCaseloads.openCases })
    .from(swCaseloads)
    .where(and(eq(swCaseloads.orgId, orgId), lte(swCaseloads.month, until)));
}

export async function supervisions(db: Exec, orgId: string, until: string) {
  return db
    .select({ staffRecordId: swSupervisions.staffRecordId, heldOn: swSupervisions.heldOn })
    .from(swSupervisions)
    .where(and(eq(swSupervisions.orgId, orgId), lte(swSupervisions.heldOn, until)));
}

export async function supervisionStandards(db: Exec, orgId: string) {
  return db
    .select({
      appliesTo: swSupervisionStandards.appliesTo,
      every: swSupervisionStandards.every,
      unit: swSupervisionStandards.unit,
      minMinutes: swSupervisionStandards.minMinutes,
    })
    .from(swSupervisionStandards)
    .where(eq(swSupervisionStandards.orgId, orgId));
}

export async function asyes(db: Exec, orgId: string) {
  return db
    .select({
      id: swAsye.id,
      staffRecordId: swAsye.staffRecordId,
      startDate: swAsye.startDate,
      status: swAsye.status,
      extendedTo: swAsye.extendedTo,
      outcomeOn: swAsye.outcomeOn,
    })
    .from(swAsye)
    .where(eq(swAsye.orgId, orgId));
}

export async function asyeReviews(db: Exec, orgId: string) {
  return db
    .select({
      asyeId: swAsyeReviews.asyeId,
      stage: swAsyeReviews.stage,
      heldOn: swAsyeReviews.heldOn,
      progress: swAsyeReviews.progress,
    })
    .from(swAsyeReviews)
    .where(eq(swAsyeReviews.orgId, orgId));
}
