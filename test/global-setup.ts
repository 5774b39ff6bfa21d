import { prepareDatabase } from "../src/server/boot";
import { openDatabase } from "../src/server/db/client";

/** In the PostgreSQL lane, migrate the run's fresh database once, before test files share it. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const database = await openDatabase({ databaseUrl: url });
  await prepareDatabase(database);
  await database.close();
}
