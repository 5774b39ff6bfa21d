import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTableColumns } from "drizzle-orm";
import { NodePgSession } from "drizzle-orm/node-postgres";
import type { PgTable } from "drizzle-orm/pg-core";
import { PgliteSession } from "drizzle-orm/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Exec } from "./client";

type Insert<T extends PgTable> = T["$inferInsert"];

export interface BulkOptions<T extends PgTable> {
  /**
   * The columns to write (property names of the table); by default those the first row sets.
   * Rows may also be arrays of values in this order: the fastest form for very many rows.
   */
  columns?: (keyof Insert<T> & string)[];
  /** Write into another table with the same columns (a temporary table) instead. */
  into?: string;
  /** Rows per chunk: one COPY statement on PGlite, one write to the stream on a server. */
  chunk?: number;
}

/**
 * Inserts many rows with COPY: on PGlite from a blob per chunk, on a server (inside a
 * transaction, where we hold one connection) through one COPY stream fed chunk by chunk, so the
 * server stores one chunk while we build the next and only a chunk of text is held at a time.
 * Rows may come from a generator. Several times faster than parameterised inserts on both.
 * Columns a row leaves out are written as NULL, so callers pass full rows or name the columns.
 * Returns the number of rows written.
 */
export async function bulkInsert<T extends PgTable>(
  db: Exec,
  table: T,
  rows: Iterable<Insert<T> | unknown[]>,
  opts: BulkOptions<T> = {},
): Promise<number> {
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return 0;
  const arrays = Array.isArray(first.value);
  if (arrays && !opts.columns) throw new Error("bulkInsert: rows given as arrays need their columns named");
  const all = getTableColumns(table);
  const wanted =
    opts.columns ??
    Object.keys(first.value as object).filter((k) => (first.value as Record<string, unknown>)[k] !== undefined);
  const columns = wanted.map((key) => [key, all[key]] as const);
  const name = opts.into ?? (table as unknown as Record<symbol, string>)[Symbol.for("drizzle:Name")];
  const target = `"${name}" (${columns.map(([, c]) => `"${c.name}"`).join(",")})`;
  const chunkSize = opts.chunk ?? 5000;

  // One CSV line per row. Numbers and plain strings are written directly; other values (dates,
  // arrays, JSON) go through the column's own mapping. Cells joined from an array: three times
  // faster than appending to a string, which mattered at 100,000 rows of 40 columns.
  const keys = columns.map(([key]) => key);
  const mapped = columns.map(([, column]) => column.dataType === "json");
  const quote = (text: string) => `"${text.indexOf('"') === -1 ? text : text.replace(/"/g, '""')}"`;
  const line = (row: Insert<T> | unknown[]) => {
    const cells = new Array<string | number>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const value = arrays ? (row as unknown[])[i] : (row as Record<string, unknown>)[keys[i]];
      if (value === null || value === undefined) cells[i] = "";
      else if (typeof value === "number") cells[i] = value;
      else if (typeof value === "string" && !mapped[i]) cells[i] = quote(value);
      else {
        const driver = columns[i][1].mapToDriverValue(value);
        cells[i] = quote(
          Array.isArray(driver)
            ? `{${driver.join(",")}}`
            : typeof driver === "object"
              ? JSON.stringify(driver)
              : String(driver),
        );
      }
    }
    return cells.join(",");
  };
  let count = 0;
  function* chunks() {
    let lines: string[] = [line(first.value)];
    count = 1;
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      lines.push(line(next.value));
      count++;
      if (lines.length >= chunkSize) {
        yield `${lines.join("\n")}\n`;
        lines = [];
      }
    }
    if (lines.length) yield `${lines.join("\n")}\n`;
  }

  const session = (db as unknown as { session?: unknown }).session;
  const sessionClient = (session as { client?: unknown } | undefined)?.client;
  const serverClient =
    session instanceof NodePgSession && !(sessionClient instanceof pg.Pool) ? (sessionClient as pg.PoolClient) : null;
  if (serverClient) {
    await pipeline(
      Readable.from(chunks()),
      serverClient.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`)),
    );
    return count;
  }
  if (session instanceof PgliteSession) {
    const client = (
      session as unknown as { client: { query: (q: string, p: unknown[], o: { blob: Blob }) => Promise<unknown> } }
    ).client;
    for (const text of chunks())
      await client.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([text]) });
    return count;
  }
  // A server pool outside a transaction: plain inserts (bulk writes always run in a transaction).
  const asObject = (row: Insert<T> | unknown[]) =>
    (arrays ? Object.fromEntries(keys.map((k, i) => [k, (row as unknown[])[i]])) : row) as Insert<T>;
  let batch: Insert<T>[] = [asObject(first.value)];
  count = 1;
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    batch.push(asObject(next.value));
    count++;
    if (batch.length >= 500) {
      await db.insert(table).values(batch as never);
      batch = [];
    }
  }
  if (batch.length) await db.insert(table).values(batch as never);
  return count;
}
