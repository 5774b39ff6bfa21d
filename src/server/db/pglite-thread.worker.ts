/**
 * The embedded database's own thread. PGlite runs PostgreSQL compiled to WebAssembly on the thread
 * that calls it, so a long statement there would stop the hub answering anyone; here it only
 * occupies this thread. The hub's thread sends queries as messages (see pglite-thread.ts).
 * PGlite is one session: its own lock makes a query wait while a transaction is open, exactly as
 * when it ran in the hub's thread.
 */
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";

export type Request =
  | {
      id: number;
      op: "query";
      sql: string;
      params: unknown[];
      rowMode?: "array" | "object";
      raw?: number[];
      blobText?: string;
      tx?: number;
    }
  | { id: number; op: "begin" }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "close" }
  | { id: number; op: "attach"; port: MessagePort };
export type Reply =
  | { id: number; ok: true; result?: unknown }
  | { id: number; ok: false; error: Record<string, unknown> };

const db = new PGlite(workerData.dataDir as string | undefined);
const port = parentPort;
if (!port) throw new Error("pglite-thread.worker runs as a worker thread");

const open = new Map<number, { tx: Transaction; finish: (commit: boolean) => void }>();
/** Each open transaction's end: settled once PGlite has committed or rolled it back. */
const ends = new Map<number, Promise<unknown>>();
let nextTx = 1;

/** The driver asks for some types as text (dates, timestamps): identity parsers keep them so. */
const parsersFor = (raw: number[] | undefined) =>
  raw ? Object.fromEntries(raw.map((oid) => [oid, (v: string) => v])) : undefined;

function errorOf(err: unknown): Record<string, unknown> {
  const e = err as Record<string, unknown> & Error;
  const out: Record<string, unknown> = { name: e?.name ?? "Error", message: e?.message ?? String(err) };
  for (const key of [
    "code",
    "detail",
    "hint",
    "constraint",
    "table",
    "column",
    "schema",
    "severity",
    "where",
    "position",
    "routine",
  ]) {
    if (e && e[key] !== undefined) out[key] = e[key];
  }
  return out;
}

async function handle(msg: Request): Promise<unknown> {
  switch (msg.op) {
    case "query": {
      const target = msg.tx ? open.get(msg.tx)?.tx : db;
      if (!target) throw new Error("Transaction is closed");
      const options = {
        rowMode: msg.rowMode,
        parsers: parsersFor(msg.raw),
        ...(msg.blobText !== undefined ? { blob: new Blob([msg.blobText]) } : {}),
      };
      const result = await target.query(msg.sql, msg.params, options);
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case "begin": {
      const tx = nextTx++;
      let began!: () => void;
      const started = new Promise<void>((resolve) => {
        began = resolve;
      });
      const done = db
        .transaction(async (t) => {
          const outcome = new Promise<boolean>((resolve) => open.set(tx, { tx: t, finish: resolve }));
          began();
          if (!(await outcome)) await t.rollback();
        })
        .finally(() => open.delete(tx));
      ends.set(tx, done);
      await Promise.race([started, done]);
      return tx;
    }
    case "end": {
      open.get(msg.tx)?.finish(msg.commit);
      await ends.get(msg.tx);
      ends.delete(msg.tx);
      return null;
    }
    case "close":
      await db.close();
      return null;
    case "attach":
      listen(msg.port);
      return null;
  }
}
/** Answers each client on its own port: the hub's thread, and any thread it connected (jobs). */
function listen(from: MessagePort | typeof port) {
  from?.on("message", (msg: Request) => {
    handle(msg).then(
      (result) => from.postMessage({ id: msg.id, ok: true, result } satisfies Reply),
      (err) => from.postMessage({ id: msg.id, ok: false, error: errorOf(err) } satisfies Reply),
    );
  });
}
listen(port);

db.waitReady.then(
  () => port.postMessage({ id: 0, ok: true } satisfies Reply),
  (err) => port.postMessage({ id: 0, ok: false, error: errorOf(err) } satisfies Reply),
);
