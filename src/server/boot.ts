import type { Deps } from "./context";
import { systemActor } from "./context";
import { type Database, openDatabase } from "./db/client";
import type { Env } from "./env";
import { createLogger, type Logger } from "./lib/logger";
import { resolveSecret } from "./lib/secret";

/** Opens the database the environment names and applies migrations: shared by the server and the CLI. */
export async function openDeps(env: Env, log: Logger = createLogger(env.LOG_LEVEL), opts: { thread?: boolean } = {}): Promise<{ deps: Deps; database: Database }> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, thread: opts.thread });
  await database.migrate();
  const deps: Deps = { db: database.db, env, log, secret: resolveSecret(env), now: () => new Date() };
  return { deps, database };
}

export const systemCtx = (deps: Deps) => ({ db: deps.db, deps, actor: systemActor, log: deps.log });
