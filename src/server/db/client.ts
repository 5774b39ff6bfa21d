import { mkdirSync } from "node:fs";
import type { MessagePort } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { PGliteClient, ThreadedPGlite } from "./pglite-thread";
import * as schema from "./schema";

// Both drivers expose the same query builder; we type everything against node-postgres'.
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A database handle or an open transaction: repositories accept either. */
export type Exec = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies the migrations. Openers call `prepareDatabase` (boot.ts), which also adds the shipped reference data. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance, for the SQL export; absent on a server. */
  pglite?: PGlite;
  /** The embedded database in its own thread: a port to it for another thread (the jobs thread). */
  connect?: () => Promise<MessagePort>;
}

const MIGRATIONS = new URL("../../../drizzle", import.meta.url).pathname;

/** The embedded database from another thread, through a port its owner connected (see `connect`). */
export function databaseOverPort(port: MessagePort): Database {
  const client = new PGliteClient(port);
  const db = drizzlePglite({ client: client as never, schema }) as unknown as Db;
  return { db, kind: "pglite", migrate: async () => {}, close: () => client.close() };
}

/**
 * `template` (in memory only) starts from a copy of another embedded database's data directory
 * (PGlite's `dumpDataDir`), instead of an empty one: the tests load one already migrated.
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir?: string;
  inMemory?: boolean;
  thread?: boolean;
  template?: Blob;
}): Promise<Database> {
  if (opts.databaseUrl) {
    // JIT compilation pays off for hours-long analytics, not for the hub's statements: the figures
    // engine's staff scan (a hundred aggregates) spent 9 of its 12 s compiling. A dashboard's sorts
    // (the stability window, the medians) fit in 32 MB instead of spilling to disk. ADR 0014.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, options: "-c jit=off -c work_mem=32MB" });
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: "postgres",
      migrate: async () => {
        await migratePg(db, { migrationsFolder: MIGRATIONS });
      },
      close: () => pool.end(),
    };
  }
  const dir = opts.inMemory ? undefined : `${opts.dataDir ?? "./data"}/pglite`;
  if (dir) mkdirSync(dir, { recursive: true });
  if (opts.thread) {
    // The server's embedded database runs in a thread of its own, so a long statement never stops
    // the hub answering (ADR 0010). The CLI and the tests call PGlite directly.
    const client = new ThreadedPGlite(dir);
    await client.waitReady;
    const db = drizzlePglite({ client: client as never, schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      connect: () => client.connect(),
      migrate: async () => {
        await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
      },
      close: () => client.close(),
    };
  }
  const client = dir ? new PGlite(dir) : new PGlite(opts.template ? { loadDataDir: opts.template } : undefined);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite: client,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
    },
    close: () => client.close(),
  };
}
