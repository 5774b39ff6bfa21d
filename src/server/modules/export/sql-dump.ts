import type { Database } from "../../db/client";

/**
 * A plain SQL dump of the embedded database, made by pg_dump itself (compiled to WebAssembly),
 * so it loads into a PostgreSQL server with psql: the way off PGlite.
 */
export async function dumpSql(database: Database): Promise<string> {
  if (!database.pglite) {
    throw new Error(
      "The hub is using a PostgreSQL server (DATABASE_URL is set): use that server's own pg_dump to export it.",
    );
  }
  const { pgDump } = await import("@electric-sql/pglite-tools/pg_dump");
  const file = await pgDump({ pg: database.pglite, args: ["--no-owner", "--no-privileges"] });
  return forOlderServers(await file.text());
}

/**
 * PGlite is PostgreSQL 18; servers in use are often older. The only line our schema's dump
 * needs changed is a setting older servers do not know (it is only a safety default).
 */
export function forOlderServers(dump: string): string {
  return dump.replace(/^SET transaction_timeout = 0;\n/m, "");
}
