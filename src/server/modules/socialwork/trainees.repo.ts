import { and, asc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { DEFAULT_ESG_RATES } from "../../../shared/sw-routes-in";
import type { Exec } from "../../db/client";
import { staffRecords, swSettings, swStaff, swTeams, swTrainees } from "../../db/schema";

// Trainees of the council's social work service (issue 20 item 2): students on placement,
// apprentices, sponsored master's students and fast-track trainees. Every query is scoped by the
// council; lists also by the teams the user may see (null team: only the whole service).

export type TraineeRow = typeof swTrainees.$inferSelect;
export type TraineeValues = Omit<typeof swTrainees.$inferInsert, "id" | "orgId" | "createdAt" | "updatedAt">;

/** Matches nothing: a scope with no teams. */
const none = sql`false`;

const pe = alias(staffRecords, "pe_record");
const joined = alias(staffRecords, "joined_record");

/** Which trainees a user sees: every one, or those of some teams (never those with no team). */
export type TeamScope = { all: true } | { all: false; teamIds: string[] };

const scopeWhere = (scope: TeamScope): SQL | undefined =>
  scope.all ? undefined : scope.teamIds.length ? inArray(swTrainees.teamId, scope.teamIds) : none;

const listColumns = {
  t: swTrainees,
  teamName: swTeams.name,
  practiceEducatorName: pe.displayId,
  joinedName: joined.displayId,
  joinedStart: joined.startDate,
  joinedEnd: joined.endDate,
};
export type TraineeListRow = {
  t: TraineeRow;
  teamName: string | null;
  practiceEducatorName: string | null;
  joinedName: string | null;
  joinedStart: string | null;
  joinedEnd: string | null;
};

/** Trainees with their team's, practice educator's and joined worker's names. */
const selectTrainees = (db: Exec) =>
  db
    .select(listColumns)
    .from(swTrainees)
    .leftJoin(swTeams, eq(swTeams.id, swTrainees.teamId))
    .leftJoin(pe, eq(pe.id, swTrainees.practiceEducatorStaffId))
    .leftJoin(joined, eq(joined.id, swTrainees.staffRecordId));

export const listTrainees = (
  db: Exec,
  orgId: string,
  scope: TeamScope,
  filter: { route?: string; status?: string } = {},
): Promise<TraineeListRow[]> =>
  selectTrainees(db)
    .where(
      and(
        eq(swTrainees.orgId, orgId),
        scopeWhere(scope),
        filter.route ? eq(swTrainees.route, filter.route) : undefined,
        filter.status ? eq(swTrainees.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(swTrainees.startDate), asc(swTrainees.name), asc(swTrainees.id));

export const findTrainee = async (db: Exec, orgId: string, id: string): Promise<TraineeListRow | undefined> =>
  (await selectTrainees(db).where(and(eq(swTrainees.orgId, orgId), eq(swTrainees.id, id))))[0];

export const insertTrainee = async (db: Exec, orgId: string, values: TraineeValues) =>
  (
    await db
      .insert(swTrainees)
      .values({ ...values, orgId })
      .returning()
  )[0];

export const updateTrainee = async (db: Exec, orgId: string, id: string, set: Partial<TraineeValues>) =>
  (
    await db
      .update(swTrainees)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(swTrainees.orgId, orgId), eq(swTrainees.id, id)))
      .returning()
  )[0];

/** The council's ESG rates and PE payment, or the defaults when it has saved no settings. */
export async function findRates(db: Exec, orgId: string) {
  const [row] = await db
    .select({
      esgDailyRate: swSettings.esgDailyRate,
      esgSkillsDayRate: swSettings.esgSkillsDayRate,
      pePaymentPerStudent: swSettings.pePaymentPerStudent,
    })
    .from(swSettings)
    .where(eq(swSettings.orgId, orgId));
  return row ?? { ...DEFAULT_ESG_RATES, pePaymentPerStudent: 500 };
}

/** The council's current teams (for the trainee form). */
export const listTeams = (db: Exec, orgId: string) =>
  db
    .select({ id: swTeams.id, name: swTeams.name, service: swTeams.service })
    .from(swTeams)
    .where(and(eq(swTeams.orgId, orgId), isNull(swTeams.archivedAt)))
    .orderBy(asc(swTeams.service), asc(swTeams.name));

/** A team of the council's, or undefined. */
export const findTeam = async (db: Exec, orgId: string, teamId: string) =>
  (
    await db
      .select({ id: swTeams.id, archivedAt: swTeams.archivedAt })
      .from(swTeams)
      .where(and(eq(swTeams.orgId, orgId), eq(swTeams.id, teamId)))
  )[0];

const workerColumns = {
  staffRecordId: swStaff.staffRecordId,
  name: staffRecords.displayId,
  role: swStaff.role,
  peStage: swStaff.peStage,
  routeIn: swStaff.routeIn,
  teamId: swStaff.teamId,
  teamName: swTeams.name,
  startDate: staffRecords.startDate,
  endDate: staffRecords.endDate,
};

/** A social work staff record of the council's with its profile, or undefined. */
export const findWorker = async (db: Exec, orgId: string, staffRecordId: string) =>
  (
    await db
      .select(workerColumns)
      .from(swStaff)
      .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
      .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
      .where(and(eq(swStaff.orgId, orgId), eq(swStaff.staffRecordId, staffRecordId)))
  )[0];

/**
 * The council's social work staff records with their profiles: all, those in some teams, or
 * (`practiceEducators`) those with a practice educator stage.
 */
export const listWorkers = (db: Exec, orgId: string, opts: { teamIds?: string[]; practiceEducators?: boolean } = {}) =>
  db
    .select(workerColumns)
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .where(
      and(
        eq(swStaff.orgId, orgId),
        opts.teamIds ? (opts.teamIds.length ? inArray(swStaff.teamId, opts.teamIds) : none) : undefined,
        opts.practiceEducators ? isNotNull(swStaff.peStage) : undefined,
      ),
    )
    .orderBy(asc(staffRecords.displayId), asc(staffRecords.startDate), asc(swStaff.staffRecordId));

/** Workers by id (any team): names and teams for payments to PEs one may see through a student. */
export const listWorkersByIds = (db: Exec, orgId: string, ids: string[]) =>
  ids.length
    ? db
        .select(workerColumns)
        .from(swStaff)
        .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
        .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
        .where(and(eq(swStaff.orgId, orgId), inArray(swStaff.staffRecordId, ids)))
    : Promise.resolve([]);

/** Trainees supported by some practice educators, or (no ids) every one with a practice educator. */
export const listTraineesWithPe = (db: Exec, orgId: string, peIds?: string[]) =>
  db
    .select({
      id: swTrainees.id,
      practiceEducatorStaffId: swTrainees.practiceEducatorStaffId,
      startDate: swTrainees.startDate,
      endDate: swTrainees.endDate,
    })
    .from(swTrainees)
    .where(
      and(
        eq(swTrainees.orgId, orgId),
        peIds
          ? peIds.length
            ? inArray(swTrainees.practiceEducatorStaffId, peIds)
            : none
          : isNotNull(swTrainees.practiceEducatorStaffId),
      ),
    );
