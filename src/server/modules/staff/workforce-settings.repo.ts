import { eq } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { workforceSettings } from "../../db/schema";

export const findWorkforceSettings = async (db: Exec, orgId: string) =>
  (await db.select().from(workforceSettings).where(eq(workforceSettings.orgId, orgId)))[0];

export const upsertWorkforceSettings = (
  db: Exec,
  orgId: string,
  values: Omit<typeof workforceSettings.$inferInsert, "orgId">,
) =>
  db
    .insert(workforceSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: workforceSettings.orgId, set: values });
