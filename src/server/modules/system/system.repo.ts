import { eq, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { organisations } from "../../db/schema";

/** The cheapest statement that shows the database answers. */
export const pingDatabase = async (db: Exec) => {
  await db.execute(sql`select 1`);
};

/** Whether the database holds the demonstration system (its organisations are marked is_demo). */
export async function holdsDemo(db: Exec): Promise<boolean> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.isDemo, true))
    .limit(1);
  return rows.length > 0;
}
