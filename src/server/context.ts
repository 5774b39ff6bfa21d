import type { OrgKind, Role } from "../shared/permissions";
import type { Exec } from "./db/client";
import type { Env } from "./env";
import type { Logger } from "./lib/logger";

/** What the app is built from; tests build their own. */
export interface Deps {
  db: import("./db/client").Db;
  env: Env;
  log: Logger;
  secret: string;
  now: () => Date;
}

export interface Actor {
  userId: string | null;
  isHubAdmin: boolean;
  requestId?: string;
}

/** Passed to every service function: the database (or open transaction), who acts, and the app's parts. */
export interface Ctx {
  db: Exec;
  deps: Deps;
  actor: Actor;
  log: Logger;
}

export interface OrgRef {
  id: string;
  kind: OrgKind;
  name: string;
  slug: string;
  isDemo: boolean;
}

/** A request acting in one organisation, resolved once from the URL and the user's membership. */
export interface OrgCtx extends Ctx {
  org: OrgRef;
  /** The user's role here; null for the hub admin acting without a membership. */
  role: Role | null;
}

export const systemActor: Actor = { userId: null, isHubAdmin: true };

/** The hub acting for itself (boot, jobs, the CLI, public pages): no user, every organisation. */
export const systemCtx = (deps: Deps) => ({ db: deps.db, deps, actor: systemActor, log: deps.log });

/**
 * Run `fn` in one transaction with a context whose db is the transaction. Inside a transaction
 * already, this nests as a savepoint: never reach for the global db there (it deadlocks PGlite).
 */
export async function inTransaction<C extends Ctx, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}
