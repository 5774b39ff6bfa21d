import { asc, eq } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { organisations, staffRecords, swStaff, swTeams } from "../../db/schema";

// A worker's own social work records (issue 20): the staff records their personal account holds
// that have a social work profile, with the employer and team.

export const myRecords = (db: Exec, userId: string) =>
  db
    .select({
      id: staffRecords.id,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      employerId: organisations.id,
      employerName: organisations.name,
      teamName: swTeams.name,
      service: swTeams.service,
      profile: swStaff,
    })
    .from(staffRecords)
    .innerJoin(swStaff, eq(swStaff.staffRecordId, staffRecords.id))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .innerJoin(organisations, eq(organisations.id, staffRecords.orgId))
    .where(eq(staffRecords.userId, userId))
    .orderBy(asc(staffRecords.endDate), asc(staffRecords.startDate));
