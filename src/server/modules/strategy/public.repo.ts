import { and, eq, inArray } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { memberships, strategyPublicPages } from "../../db/schema";

// The queries of a council's public strategy progress: its switch, and the council roles of the
// people who own actions (the public sees a role, never a name).

export async function findStrategyPublicPage(db: Exec, councilId: string) {
  return (await db.select().from(strategyPublicPages).where(eq(strategyPublicPages.councilId, councilId)))[0] ?? null;
}

export async function saveStrategyPublicPage(
  db: Exec,
  row: { councilId: string; enabled: boolean; updatedBy: string | null; updatedAt: Date },
) {
  await db
    .insert(strategyPublicPages)
    .values({ councilId: row.councilId, enabled: row.enabled, updatedBy: row.updatedBy })
    .onConflictDoUpdate({
      target: strategyPublicPages.councilId,
      set: { enabled: row.enabled, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}

/** Each person's role at the council (their membership there), for those who have one. */
export async function councilRolesOf(db: Exec, councilId: string, userIds: string[]) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return new Map<string, string>();
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, councilId), inArray(memberships.userId, unique)));
  return new Map(rows.map((r) => [r.userId, r.role]));
}
