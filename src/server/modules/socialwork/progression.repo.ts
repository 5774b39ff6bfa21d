import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { staffRecords, swAsye, swProgressionCases, swProgressionSteps, swStaff, swTeams } from "../../db/schema";

// Progression's queries (issue 20 item 6): the council's scheme of steps, workers' cases with their
// step and team, and the worker facts the eligibility rule needs (grade, since when, ASYE).

export type StepRow = typeof swProgressionSteps.$inferSelect;
export type StepInsert = typeof swProgressionSteps.$inferInsert;
export type CaseRow = typeof swProgressionCases.$inferSelect;

export const listSteps = (db: Exec, orgId: string) =>
  db
    .select()
    .from(swProgressionSteps)
    .where(eq(swProgressionSteps.orgId, orgId))
    .orderBy(asc(swProgressionSteps.position), asc(swProgressionSteps.createdAt));

export async function findStep(db: Exec, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(swProgressionSteps)
    .where(and(eq(swProgressionSteps.orgId, orgId), eq(swProgressionSteps.id, id)));
  return row;
}

export const insertStep = async (db: Exec, values: StepInsert) =>
  (await db.insert(swProgressionSteps).values(values).returning())[0];

export async function updateStep(db: Exec, orgId: string, id: string, values: Partial<StepInsert>) {
  const [row] = await db
    .update(swProgressionSteps)
    .set(values)
    .where(and(eq(swProgressionSteps.orgId, orgId), eq(swProgressionSteps.id, id)))
    .returning();
  return row;
}

const caseColumns = {
  case: swProgressionCases,
  workerName: staffRecords.displayId,
  teamName: swTeams.name,
  step: swProgressionSteps,
};

/** Cases of workers in `teams` (all of them when `teams` is null), newest first. */
export async function listCases(
  db: Exec,
  orgId: string,
  opts: { teams?: string[]; staffRecordId?: string; status?: string; id?: string },
) {
  if (opts.teams && !opts.teams.length) return [];
  return db
    .select(caseColumns)
    .from(swProgressionCases)
    .innerJoin(swProgressionSteps, eq(swProgressionSteps.id, swProgressionCases.stepId))
    .innerJoin(staffRecords, eq(staffRecords.id, swProgressionCases.staffRecordId))
    .innerJoin(swStaff, eq(swStaff.staffRecordId, swProgressionCases.staffRecordId))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .where(
      and(
        eq(swProgressionCases.orgId, orgId),
        opts.teams ? inArray(swStaff.teamId, opts.teams) : undefined,
        opts.staffRecordId ? eq(swProgressionCases.staffRecordId, opts.staffRecordId) : undefined,
        opts.status ? eq(swProgressionCases.status, opts.status) : undefined,
        opts.id ? eq(swProgressionCases.id, opts.id) : undefined,
      ),
    )
    .orderBy(desc(swProgressionCases.createdAt));
}
export type CaseListRow = Awaited<ReturnType<typeof listCases>>[number];

/** A case row locked for update (decisions and edits are made once, in order). */
export async function lockCase(db: Exec, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(swProgressionCases)
    .where(and(eq(swProgressionCases.orgId, orgId), eq(swProgressionCases.id, id)))
    .for("update");
  return row;
}

export const insertCase = async (db: Exec, values: typeof swProgressionCases.$inferInsert) =>
  (await db.insert(swProgressionCases).values(values).returning())[0];

export async function updateCase(db: Exec, id: string, values: Partial<typeof swProgressionCases.$inferInsert>) {
  const [row] = await db
    .update(swProgressionCases)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(swProgressionCases.id, id))
    .returning();
  return row;
}

/** A case of the worker on the step still open (preparing or submitted), if any. */
export async function openCaseOn(db: Exec, staffRecordId: string, stepId: string) {
  const [row] = await db
    .select({ id: swProgressionCases.id })
    .from(swProgressionCases)
    .where(
      and(
        eq(swProgressionCases.staffRecordId, staffRecordId),
        eq(swProgressionCases.stepId, stepId),
        inArray(swProgressionCases.status, ["preparing", "submitted"]),
      ),
    );
  return row;
}

/** A social work worker's profile with what progression needs: team, service, grade, start, ASYE status. */
export async function workerFacts(db: Exec, orgId: string, staffRecordId: string) {
  const [row] = await db
    .select({
      staffRecordId: swStaff.staffRecordId,
      name: staffRecords.displayId,
      startDate: staffRecords.startDate,
      endDate: staffRecords.endDate,
      teamId: swStaff.teamId,
      teamName: swTeams.name,
      service: swTeams.service,
      role: swStaff.role,
      grade: swStaff.grade,
      pcfLevel: swStaff.pcfLevel,
      asyeStatus: swAsye.status,
    })
    .from(swStaff)
    .innerJoin(staffRecords, eq(staffRecords.id, swStaff.staffRecordId))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .leftJoin(swAsye, eq(swAsye.staffRecordId, swStaff.staffRecordId))
    .where(and(eq(swStaff.orgId, orgId), eq(swStaff.staffRecordId, staffRecordId)));
  return row;
}
export type WorkerFacts = NonNullable<Awaited<ReturnType<typeof workerFacts>>>;

/** The day of the worker's last approved step, if any: their grade has been held since then. */
export async function lastApprovedOn(db: Exec, staffRecordId: string): Promise<string | null> {
  const [row] = await db
    .select({ on: swProgressionCases.decidedOn })
    .from(swProgressionCases)
    .where(and(eq(swProgressionCases.staffRecordId, staffRecordId), eq(swProgressionCases.status, "approved")))
    .orderBy(desc(swProgressionCases.decidedOn))
    .limit(1);
  return row?.on ?? null;
}

/** Sets the worker's grade, role and PCF level (an approved step). */
export const updateProfile = (
  db: Exec,
  staffRecordId: string,
  values: { grade: string; role: string; pcfLevel: string | null },
) =>
  db
    .update(swStaff)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(swStaff.staffRecordId, staffRecordId));

/** The council's steps not archived (for the demo and the rule). */
export const liveSteps = (db: Exec, orgId: string) =>
  db
    .select()
    .from(swProgressionSteps)
    .where(and(eq(swProgressionSteps.orgId, orgId), isNull(swProgressionSteps.archivedAt)));

/** Of a personal account's staff records, the social work ones, with their council. */
export async function socialWorkRecords(db: Exec, staffRecordIds: string[]) {
  if (!staffRecordIds.length) return [];
  return db
    .select({ staffRecordId: swStaff.staffRecordId, orgId: swStaff.orgId })
    .from(swStaff)
    .where(inArray(swStaff.staffRecordId, staffRecordIds));
}
