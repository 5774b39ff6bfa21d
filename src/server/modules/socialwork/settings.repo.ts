import { eq } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { swSettings } from "../../db/schema";

// The council's social work settings (issue 20): one row per council, none until first saved.

export const findSettings = async (db: Exec, orgId: string) =>
  (await db.select().from(swSettings).where(eq(swSettings.orgId, orgId)))[0];

export const upsertSettings = async (db: Exec, values: typeof swSettings.$inferInsert) =>
  (
    await db
      .insert(swSettings)
      .values(values)
      .onConflictDoUpdate({ target: swSettings.orgId, set: { ...values, orgId: undefined } })
      .returning()
  )[0];
