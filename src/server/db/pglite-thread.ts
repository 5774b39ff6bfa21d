import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { Reply, Request } from "./pglite-thread.worker";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, unknown>; blob?: Blob };
type Result = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
/** The database thread itself, or a port to it handed to another thread (the jobs thread). */
type Port = Worker | MessagePort;

/** The error PGlite raised in its thread, with its SQLSTATE code and constraint, as callers expect. */
function rebuild(fields: Record<string, unknown>): Error {
  const err = new Error(String(fields.message));
  Object.assign(err, fields);
  return err;
}

/**
 * A client of the embedded database's thread, behind the part of PGlite's interface the Drizzle
 * driver uses (query and transaction). See ADR 0010.
 */
export class PGliteClient {
  private pending = new Map<number, Pending>();
  private next = 1;
  protected closed = false;

  constructor(protected port: Port) {
    port.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(rebuild(reply.error));
    });
  }

  /** The database thread died (out of memory, a crash in PostgreSQL): every waiting query fails. */
  protected fail(err: Error) {
    for (const [, p] of this.pending) p.reject(err);
    this.pending.clear();
    this.closed = true;
  }

  protected send(msg: { op: Request["op"] } & Record<string, unknown>, transfer: MessagePort[] = []): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("the embedded database is closed"));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ ...msg, id }, transfer);
    });
  }

  protected waitFor(id: number) {
    return new Promise<void>((resolve, reject) => this.pending.set(id, { resolve: () => resolve(), reject }));
  }

  async query(sql: string, params: unknown[] = [], options: QueryOptions = {}, tx?: number): Promise<Result> {
    return (await this.send({
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

  /** Drizzle rolls back by throwing (TransactionRollbackError), so a throw from the callback is the one way to roll back. */
  async transaction<T>(callback: (tx: { query: PGliteClient["query"] }) => Promise<T>): Promise<T> {
    const tx = (await this.send({ op: "begin" })) as number;
    const handle = {
      query: (sql: string, params?: unknown[], options?: QueryOptions) => this.query(sql, params, options, tx),
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

  /** A client in another thread leaves; the database stays open for the others. */
  async close() {
    this.closed = true;
    (this.port as MessagePort).close?.();
  }
}

/** PGlite in a thread of its own; `connect()` gives other threads a port of their own to it. */
export class ThreadedPGlite extends PGliteClient {
  readonly waitReady: Promise<void>;
  private worker: Worker;

  constructor(dataDir?: string) {
    const worker = new Worker(new URL("./pglite-thread.worker.boot.mjs", import.meta.url), { workerData: { dataDir } });
    super(worker);
    this.worker = worker;
    this.waitReady = this.waitFor(0);
    worker.on("error", (err) => this.fail(err));
    worker.on("exit", (code) => this.fail(new Error(`the embedded database thread stopped (exit ${code})`)));
  }

  /** A port to the database for another thread, which wraps it in a PGliteClient. */
  async connect(): Promise<MessagePort> {
    const { port1, port2 } = new MessageChannel();
    await this.send({ op: "attach", port: port2 }, [port2]);
    return port1;
  }

  async close() {
    if (this.closed) return;
    await this.send({ op: "close" });
    this.closed = true;
    await this.worker.terminate();
  }
}
