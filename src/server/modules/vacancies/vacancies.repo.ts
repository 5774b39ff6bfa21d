import { and, asc, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { vacancies, workplaces } from "../../db/schema";

/** A workplace, only if it belongs to the organisation. */
export const findOwnWorkplace = async (db: Exec, orgId: string, workplaceId: string) =>
  (
    await db
      .select()
      .from(workplaces)
      .where(and(eq(workplaces.id, workplaceId), eq(workplaces.orgId, orgId)))
  )[0];

/** The organisation's vacancies (at most 1,000), by workplace name and newest first. */
export function listVacancies(db: Exec, orgId: string, status: "open" | "closed" | "all") {
  const where: SQL[] = [eq(vacancies.orgId, orgId)];
  if (status === "open") where.push(isNull(vacancies.closedOn));
  if (status === "closed") where.push(isNotNull(vacancies.closedOn));
  return db
    .select({ vacancy: vacancies, workplaceName: workplaces.name })
    .from(vacancies)
    .innerJoin(workplaces, eq(workplaces.id, vacancies.workplaceId))
    .where(and(...where))
    .orderBy(asc(workplaces.name), desc(vacancies.openedOn))
    .limit(1000);
}

export const insertVacancies = (db: Exec, values: (typeof vacancies.$inferInsert)[]) =>
  db.insert(vacancies).values(values).returning();

/** A vacancy, only if it belongs to the organisation. */
export const findVacancy = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(vacancies)
      .where(and(eq(vacancies.id, id), eq(vacancies.orgId, orgId)))
  )[0];

export const closeVacancy = async (db: Exec, orgId: string, id: string, closedOn: string) =>
  (
    await db
      .update(vacancies)
      .set({ closedOn })
      .where(and(eq(vacancies.id, id), eq(vacancies.orgId, orgId)))
      .returning()
  )[0];
