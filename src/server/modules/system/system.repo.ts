import { sql } from "drizzle-orm";
import type { Exec } from "../../db/client";

/** The cheapest statement that shows the database answers. */
export const pingDatabase = async (db: Exec) => {
  await db.execute(sql`select 1`);
};
