import { eq } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { publicPages } from "../../db/schema";

/** A council's public page setting, if it has ever set one. */
export async function findPublicPage(db: Exec, councilId: string) {
  return (await db.select().from(publicPages).where(eq(publicPages.councilId, councilId)))[0] ?? null;
}

export async function savePublicPage(
  db: Exec,
  row: { councilId: string; enabled: boolean; updatedBy: string | null; updatedAt: Date },
) {
  await db
    .insert(publicPages)
    .values({ councilId: row.councilId, enabled: row.enabled, updatedBy: row.updatedBy })
    .onConflictDoUpdate({
      target: publicPages.councilId,
      set: { enabled: row.enabled, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}
