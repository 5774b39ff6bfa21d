import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { careerGoals, careerPlans, staffQualifications, staffRecords, trainingRecords } from "../../db/schema";

/**
 * What the public roadmap rests on, in one cheap query: every organisation's data version, the
 * council's published framework and the commissioning links.
 */
export async function findPublicRoadmapVersion(db: Exec, councilSlug: string): Promise<string> {
  const result = await db.execute(sql`
    select (select coalesce(sum(version), 0) from org_data_versions)::text || ':' ||
      (select coalesce(max(f.version), 0) from career_frameworks f join organisations o on o.id = f.council_id
        where o.slug = ${councilSlug} and f.status = 'published')::text || ':' ||
      (select count(*) || '.' || count(to_date) from commissioning)::text as v`);
  return (result.rows[0] as { v: string }).v;
}

/** Vacancies open on a date in some organisations, counted by job role. */
export async function countOpenVacanciesByJobRole(db: Exec, orgIds: string[], on: string) {
  const open = await db.execute(sql`
    select job_role, count(*)::int as n from vacancies
    where org_id = any(${`{${orgIds.join(",")}}`}::uuid[]) and opened_on <= ${on}::date and (closed_on is null or closed_on > ${on}::date)
    group by job_role`);
  return new Map((open.rows as { job_role: number; n: number }[]).map((r) => [r.job_role, r.n]));
}

export const listQualificationCodes = async (db: Exec, orgId: string, staffRecordId: string) =>
  (
    await db
      .select({ code: staffQualifications.qualificationCode })
      .from(staffQualifications)
      .where(and(eq(staffQualifications.orgId, orgId), eq(staffQualifications.staffRecordId, staffRecordId)))
  ).map((q) => q.code);

/** A person's training, each with its expiry: its own date, else its completion plus its months of validity (as training_compliance reads it). */
export const listTrainingExpiries = (db: Exec, orgId: string, staffRecordId: string) =>
  db
    .select({
      category: trainingRecords.category,
      expiresOn: sql<
        string | null
      >`coalesce(${trainingRecords.expiresOn}, (${trainingRecords.completedOn} + make_interval(months => ${trainingRecords.validityMonths}))::date)::text`,
    })
    .from(trainingRecords)
    .where(and(eq(trainingRecords.orgId, orgId), eq(trainingRecords.staffRecordId, staffRecordId)));

// Development plans.

export const listGoals = (db: Exec, orgId: string, staffIds: string[]) =>
  staffIds.length
    ? db
        .select()
        .from(careerGoals)
        .where(and(eq(careerGoals.orgId, orgId), inArray(careerGoals.staffRecordId, staffIds)))
        .orderBy(asc(careerGoals.dueOn), asc(careerGoals.createdAt))
    : Promise.resolve([]);

export const findPlan = async (db: Exec, staffRecordId: string) =>
  (await db.select().from(careerPlans).where(eq(careerPlans.staffRecordId, staffRecordId)))[0];

export const upsertPlanShared = (db: Exec, orgId: string, staffRecordId: string, shared: boolean, at: Date) =>
  db
    .insert(careerPlans)
    .values({ staffRecordId, orgId, shared })
    .onConflictDoUpdate({ target: careerPlans.staffRecordId, set: { shared, updatedAt: at } });

export const insertGoal = async (db: Exec, values: typeof careerGoals.$inferInsert) =>
  (await db.insert(careerGoals).values(values).returning())[0];

/** Changes a goal, only if it is this person's here. */
export const updateGoal = async (
  db: Exec,
  orgId: string,
  staffRecordId: string,
  id: string,
  change: Partial<typeof careerGoals.$inferInsert>,
) =>
  (
    await db
      .update(careerGoals)
      .set(change)
      .where(and(eq(careerGoals.id, id), eq(careerGoals.staffRecordId, staffRecordId), eq(careerGoals.orgId, orgId)))
      .returning()
  )[0];

/** Deletes a goal, only if it is this person's here. */
export const deleteGoal = async (db: Exec, orgId: string, staffRecordId: string, id: string) =>
  (
    await db
      .delete(careerGoals)
      .where(and(eq(careerGoals.id, id), eq(careerGoals.staffRecordId, staffRecordId), eq(careerGoals.orgId, orgId)))
      .returning()
  )[0];

/** Staff in post here who have shared their plans. */
export const listSharedPlanPeople = (db: Exec, orgId: string) =>
  db
    .select({
      id: staffRecords.id,
      displayId: staffRecords.displayId,
      mainJobRole: staffRecords.mainJobRole,
      updatedAt: careerPlans.updatedAt,
    })
    .from(careerPlans)
    .innerJoin(staffRecords, eq(staffRecords.id, careerPlans.staffRecordId))
    .where(
      and(
        eq(careerPlans.orgId, orgId),
        eq(careerPlans.shared, true),
        eq(staffRecords.orgId, orgId),
        isNull(staffRecords.endDate),
      ),
    )
    .orderBy(staffRecords.displayId);
