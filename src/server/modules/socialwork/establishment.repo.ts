import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { staffRecords, swAgencyAssignments, swEstablishment, swStaff } from "../../db/schema";
import { inPostOnSql } from "./in-post.repo";

// The queries behind the establishment (issue 20 item 1): funded posts by team and role, the staff
// records in post on a date, and agency assignments covering a vacancy on that date (read here,
// not through the agency part's code, so the posts do not depend on it).

const NONE = ["00000000-0000-4000-8000-000000000000"];
const among = (ids: string[]) => (ids.length ? ids : NONE);

/** Every establishment row of the teams effective on or before `at`, oldest first. */
export const fundedRows = (db: Exec, orgId: string, teamIds: string[], at: string) =>
  db
    .select({
      teamId: swEstablishment.teamId,
      role: swEstablishment.role,
      fundedFte: swEstablishment.fundedFte,
      effectiveFrom: swEstablishment.effectiveFrom,
    })
    .from(swEstablishment)
    .where(
      and(
        eq(swEstablishment.orgId, orgId),
        inArray(swEstablishment.teamId, among(teamIds)),
        lte(swEstablishment.effectiveFrom, at),
      ),
    )
    .orderBy(asc(swEstablishment.effectiveFrom));

/** The social work staff of the teams in post on `at`, with their contracted hours. */
export const inPost = (db: Exec, orgId: string, teamIds: string[], at: string) =>
  db
    .select({ teamId: swStaff.teamId, role: swStaff.role, contractedHours: staffRecords.contractedHours })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .where(and(eq(swStaff.orgId, orgId), inArray(swStaff.teamId, among(teamIds)), inPostOnSql(staffRecords, at)));

/** Agency assignments of the teams covering a vacancy on `at`. */
export const agencyCover = (db: Exec, orgId: string, teamIds: string[], at: string) =>
  db
    .select({
      teamId: swAgencyAssignments.teamId,
      role: swAgencyAssignments.role,
      weeklyHours: swAgencyAssignments.weeklyHours,
    })
    .from(swAgencyAssignments)
    .where(
      and(
        eq(swAgencyAssignments.orgId, orgId),
        inArray(swAgencyAssignments.teamId, among(teamIds)),
        eq(swAgencyAssignments.coversVacancy, true),
        inPostOnSql(swAgencyAssignments, at),
      ),
    );

/** A team's establishment history, newest first. */
export const history = (db: Exec, orgId: string, teamId: string) =>
  db
    .select({
      role: swEstablishment.role,
      fundedFte: swEstablishment.fundedFte,
      effectiveFrom: swEstablishment.effectiveFrom,
    })
    .from(swEstablishment)
    .where(and(eq(swEstablishment.orgId, orgId), eq(swEstablishment.teamId, teamId)))
    .orderBy(asc(swEstablishment.role), asc(swEstablishment.effectiveFrom));

export const findRow = async (db: Exec, teamId: string, role: string, effectiveFrom: string) =>
  (
    await db
      .select()
      .from(swEstablishment)
      .where(
        and(
          eq(swEstablishment.teamId, teamId),
          eq(swEstablishment.role, role),
          eq(swEstablishment.effectiveFrom, effectiveFrom),
        ),
      )
  )[0];

/** Sets a role's funded posts from a date: a new row, or the day's row changed (history kept). */
export const upsertRow = async (db: Exec, values: typeof swEstablishment.$inferInsert) =>
  (
    await db
      .insert(swEstablishment)
      .values(values)
      .onConflictDoUpdate({
        target: [swEstablishment.teamId, swEstablishment.role, swEstablishment.effectiveFrom],
        set: { fundedFte: values.fundedFte },
      })
      .returning()
  )[0];
