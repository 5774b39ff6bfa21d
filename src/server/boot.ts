import type { Deps } from "./context";
import { type Database, openDatabase } from "./db/client";
import type { Env } from "./env";
import { createLogger, type Logger } from "./lib/logger";
import { resolveSecret } from "./lib/secret";
import { ensureReferenceData } from "./modules/reference/reference.repo";

/**
 * Applies the migrations, then adds the shipped reference data (pay floors, comparators) that is
 * missing, never overwriting a hub admin's correction. Here, above both, so the database layer
 * knows no feature: whoever opens a database for the hub calls this rather than `migrate()` alone.
 */
export async function prepareDatabase(database: Database): Promise<void> {
  await database.migrate();
  await ensureReferenceData(database.db);
}

/** Opens the database the environment names and prepares it: shared by the server and the CLI. */
export async function openDeps(
  env: Env,
  log: Logger = createLogger(env.LOG_LEVEL),
  opts: { thread?: boolean } = {},
): Promise<{ deps: Deps; database: Database }> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, thread: opts.thread });
  await prepareDatabase(database);
  const deps: Deps = { db: database.db, env, log, secret: resolveSecret(env), now: () => new Date() };
  return { deps, database };
}
