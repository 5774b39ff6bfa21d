import { and, asc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { agencyUse, workplaces } from "../../db/schema";

/** The organisation's agency use, in a calendar year when given, by month and workplace name. */
export function listAgencyUse(db: Exec, orgId: string, year?: number) {
  const where: SQL[] = [eq(agencyUse.orgId, orgId)];
  if (year) where.push(gte(agencyUse.month, `${year}-01-01`), lt(agencyUse.month, `${year + 1}-01-01`));
  return db
    .select({ use: agencyUse, workplaceName: workplaces.name })
    .from(agencyUse)
    .innerJoin(workplaces, eq(workplaces.id, agencyUse.workplaceId))
    .where(and(...where))
    .orderBy(asc(agencyUse.month), asc(workplaces.name));
}

/** What the organisation recorded for one workplace and month. */
export const findAgencyMonth = async (db: Exec, orgId: string, workplaceId: string, month: string) =>
  (
    await db
      .select()
      .from(agencyUse)
      .where(and(eq(agencyUse.workplaceId, workplaceId), eq(agencyUse.month, month), eq(agencyUse.orgId, orgId)))
  )[0];

export const updateAgencyUse = async (db: Exec, id: string, change: Partial<typeof agencyUse.$inferInsert>) =>
  (await db.update(agencyUse).set(change).where(eq(agencyUse.id, id)).returning())[0];

export const insertAgencyUse = async (db: Exec, values: typeof agencyUse.$inferInsert) =>
  (await db.insert(agencyUse).values(values).returning())[0];
