import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { PgliteSession } from "drizzle-orm/pglite";
import type { Exec } from "./client";

type Insert<T extends PgTable> = T["$inferInsert"];

/**
 * Inserts many rows. On PGlite it streams them with COPY (about seven times faster than
 * parameterised inserts there); on a server it sends batched multi-row inserts. Columns a row
 * leaves out take their defaults only if every row leaves them out, so callers pass full rows.
 */
export async function bulkInsert<T extends PgTable>(db: Exec, table: T, rows: Insert<T>[], batch = 500): Promise<void> {
  if (!rows.length) return;
  const session = (db as unknown as { session?: unknown }).session;
  if (session instanceof PgliteSession) {
    const client = (session as unknown as { client: { query: (q: string, p: unknown[], o: { blob: Blob }) => Promise<unknown> } }).client;
    const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
    const lines: string[] = [];
    for (const row of rows) {
      lines.push(
        columns
          .map(([key, column]) => {
            const value = (row as Record<string, unknown>)[key];
            if (value === null || value === undefined) return "";
            const driver = column.mapToDriverValue(value);
            const text = Array.isArray(driver) ? `{${driver.join(",")}}` : typeof driver === "object" ? JSON.stringify(driver) : String(driver);
            return `"${text.replace(/"/g, '""')}"`;
          })
          .join(","),
      );
    }
    const name = (table as unknown as Record<symbol, string>)[Symbol.for("drizzle:Name")];
    await client.query(`COPY "${name}" (${columns.map(([, c]) => `"${c.name}"`).join(",")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([lines.join("\n")]) });
    return;
  }
  for (let i = 0; i < rows.length; i += batch) await db.insert(table).values(rows.slice(i, i + batch) as never);
}
