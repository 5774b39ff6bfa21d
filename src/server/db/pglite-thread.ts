import { Worker } from "node:worker_threads";
import type { Reply, Request } from "./pglite-thread.worker";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, unknown>; blob?: Blob };
type Result = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
type Send = (msg: { op: Request["op"] } & Record<string, unknown>) => Promise<unknown>;

/** The error PGlite raised in its thread, with its SQLSTATE code and constraint, as callers expect. */
function rebuild(fields: Record<string, unknown>): Error {
  const err = new Error(String(fields.message));
  Object.assign(err, fields);
  return err;
}

async function query(send: Send, sql: string, params: unknown[] = [], options: QueryOptions = {}, tx?: number): Promise<Result> {
  return (await send({
    op: "query",
    sql,
    params,
    rowMode: options.rowMode,
    // Drizzle's parsers only ever keep a type as text; the thread rebuilds them from the type ids.
    raw: options.parsers ? Object.keys(options.parsers).map(Number) : undefined,
    blobText: options.blob ? await options.blob.text() : undefined,
    tx,
  })) as Result;
}

/**
 * PGlite in a thread of its own, behind the part of PGlite's interface the Drizzle driver uses
 * (query and transaction). See ADR 0013.
 */
export class ThreadedPGlite {
  private worker: Worker;
  private pending = new Map<number, Pending>();
  private next = 1;
  private closed = false;
  readonly waitReady: Promise<void>;

  constructor(dataDir?: string) {
    this.worker = new Worker(new URL("./pglite-thread.worker.boot.mjs", import.meta.url), { workerData: { dataDir } });
    this.waitReady = new Promise((resolve, reject) => this.pending.set(0, { resolve: () => resolve(), reject }));
    this.worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(rebuild(reply.error));
    });
    // The database thread died (out of memory, a crash in PostgreSQL): every waiting query fails.
    const fail = (err: Error) => {
      for (const [, p] of this.pending) p.reject(err);
      this.pending.clear();
      this.closed = true;
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the embedded database thread stopped (exit ${code})`)));
  }

  private send: Send = (msg) => {
    if (this.closed) return Promise.reject(new Error("the embedded database is closed"));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...msg, id });
    });
  };

  query(sql: string, params?: unknown[], options?: QueryOptions) {
    return query(this.send, sql, params, options);
  }

  async transaction<T>(callback: (tx: { query: ThreadedPGlite["query"]; rollback: () => Promise<void>; closed: boolean }) => Promise<T>): Promise<T> {
    const tx = (await this.send({ op: "begin" })) as number;
    const handle = {
      closed: false,
      query: (sql: string, params?: unknown[], options?: QueryOptions) => query(this.send, sql, params, options, tx),
      rollback: async () => {
        throw new Error("rollback");
      },
    };
    let result: T;
    try {
      result = await callback(handle);
    } catch (err) {
      await this.send({ op: "end", tx, commit: false });
      throw err;
    }
    await this.send({ op: "end", tx, commit: true });
    return result;
  }

  async close() {
    if (this.closed) return;
    await this.send({ op: "close" });
    this.closed = true;
    await this.worker.terminate();
  }
}
