import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { ensureReferenceData } from "../modules/reference/reference.repo";
import * as schema from "./schema";

// Both drivers expose the same query builder; we type everything against node-postgres'.
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A database handle or an open transaction: repositories accept either. */
export type Exec = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies the migrations and adds shipped reference data that is missing. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance, for the SQL export; absent on a server. */
  pglite?: PGlite;
}

const MIGRATIONS = new URL("../../../drizzle", import.meta.url).pathname;

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string; inMemory?: boolean }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: "postgres",
      migrate: async () => {
        await migratePg(db, { migrationsFolder: MIGRATIONS });
        await ensureReferenceData(db);
      },
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if (opts.inMemory) client = new PGlite();
  else {
    const dir = `${opts.dataDir ?? "./data"}/pglite`;
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite: client,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
      await ensureReferenceData(db);
    },
    close: () => client.close(),
  };
}
