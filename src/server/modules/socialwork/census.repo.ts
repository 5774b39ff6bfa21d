import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { CensusAgencyAssignment, CensusEmployee, CensusPost } from "../../../shared/sw-census";
import type { Exec } from "../../db/client";
import {
  staffRecords,
  swAgencyAssignments,
  swCaseloads,
  swEstablishment,
  swStaff,
  swTeams,
  workplaces,
} from "../../db/schema";

// What the children's social work workforce census reads (issue 20 item 10): the council's staff
// records at its children's social work workplace with their profiles and September caseloads,
// its children's teams' agency assignments, and their establishment. Every query is scoped by the
// council; the rule (shared/sw-census.ts) decides who is counted.

/** Staff records at the council's children's social work workplace that overlap the year, with profile and September caseload. */
export async function censusEmployees(
  db: Exec,
  orgId: string,
  year: { start: string; end: string; september: string },
): Promise<(CensusEmployee & { name: string })[]> {
  return db
    .select({
      staffRecordId: staffRecords.id,
      // The worker's name for the page's problems only: never in a row of the files.
      name: staffRecords.displayId,
      localRef: staffRecords.localRef,
      teamId: swStaff.teamId,
      teamName: swTeams.name,
      role: swStaff.role,
      sweNumber: swStaff.sweNumber,
      dateOfBirth: staffRecords.dateOfBirth,
      gender: staffRecords.gender,
      ethnicity: staffRecords.ethnicity,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      leavingReason: staffRecords.leavingReason,
      contractedHours: staffRecords.contractedHours,
      daysSick: staffRecords.daysSick,
      septemberCases: swCaseloads.openCases,
    })
    .from(staffRecords)
    .innerJoin(workplaces, eq(workplaces.id, staffRecords.workplaceId))
    .innerJoin(swStaff, eq(swStaff.staffRecordId, staffRecords.id))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .leftJoin(swCaseloads, and(eq(swCaseloads.staffRecordId, staffRecords.id), eq(swCaseloads.month, year.september)))
    .where(
      and(
        eq(staffRecords.orgId, orgId),
        eq(workplaces.orgId, orgId),
        eq(workplaces.socialWorkService, "children"),
        lte(staffRecords.startDate, year.end),
        or(isNull(staffRecords.endDate), gte(staffRecords.endDate, year.start)),
      ),
    );
}

/** Agency assignments with the council's children's teams that overlap the year. */
export async function censusAgency(
  db: Exec,
  orgId: string,
  year: { start: string; end: string },
): Promise<CensusAgencyAssignment[]> {
  return db
    .select({
      id: swAgencyAssignments.id,
      workerName: swAgencyAssignments.workerName,
      agencyName: swAgencyAssignments.agencyName,
      teamName: swTeams.name,
      role: swAgencyAssignments.role,
      sweNumber: swAgencyAssignments.sweNumber,
      startDate: swAgencyAssignments.startDate,
      endDate: swAgencyAssignments.endDate,
      hourlyRate: swAgencyAssignments.hourlyRate,
      weeklyHours: swAgencyAssignments.weeklyHours,
      coversVacancy: swAgencyAssignments.coversVacancy,
    })
    .from(swAgencyAssignments)
    .innerJoin(swTeams, eq(swTeams.id, swAgencyAssignments.teamId))
    .where(
      and(
        eq(swAgencyAssignments.orgId, orgId),
        eq(swTeams.orgId, orgId),
        eq(swTeams.service, "children"),
        lte(swAgencyAssignments.startDate, year.end),
        or(isNull(swAgencyAssignments.endDate), gte(swAgencyAssignments.endDate, year.start)),
      ),
    );
}

/** The children's teams' establishment rows in force by the census day (the rule takes each post's latest). */
export async function censusEstablishment(db: Exec, orgId: string, censusDay: string): Promise<CensusPost[]> {
  return db
    .select({
      teamId: swEstablishment.teamId,
      role: swEstablishment.role,
      fundedFte: swEstablishment.fundedFte,
      effectiveFrom: swEstablishment.effectiveFrom,
    })
    .from(swEstablishment)
    .innerJoin(swTeams, eq(swTeams.id, swEstablishment.teamId))
    .where(
      and(
        eq(swEstablishment.orgId, orgId),
        eq(swTeams.orgId, orgId),
        eq(swTeams.service, "children"),
        lte(swEstablishment.effectiveFrom, censusDay),
      ),
    );
}
