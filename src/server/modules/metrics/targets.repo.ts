import { and, eq, inArray } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { metricTargets } from "../../db/schema";

/** A council's targets, by figure name. */
export async function findTargets(db: Exec, orgId: string): Promise<Record<string, number>> {
  const rows = await db.select().from(metricTargets).where(eq(metricTargets.orgId, orgId));
  return Object.fromEntries(rows.map((r) => [r.metric, Number(r.target)]));
}

export async function upsertTarget(db: Exec, orgId: string, metric: string, target: number, userId: string | null) {
  await db
    .insert(metricTargets)
    .values({ orgId, metric, target, updatedBy: userId })
    .onConflictDoUpdate({
      target: [metricTargets.orgId, metricTargets.metric],
      set: { target, updatedBy: userId, updatedAt: new Date() },
    });
}

export const deleteTargets = (db: Exec, orgId: string, metrics: string[]) =>
  metrics.length
    ? db.delete(metricTargets).where(and(eq(metricTargets.orgId, orgId), inArray(metricTargets.metric, metrics)))
    : Promise.resolve();
