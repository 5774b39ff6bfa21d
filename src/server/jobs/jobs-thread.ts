import { Worker } from "node:worker_threads";
import type { Database } from "../db/client";
import type { Env } from "../env";
import type { Logger } from "../lib/logger";

/**
 * The job worker runs in a thread of its own (ADR 0010): checking a large upload, applying it and
 * recomputing dashboards are long stretches of JavaScript, and in the thread that answers requests
 * they would stop the hub answering anyone (the health check included) until they finished. The
 * thread opens its own connections to a PostgreSQL server, or a port to the embedded database's
 * thread. If it dies (out of memory, say), it is started again; its jobs' leases expire and are
 * taken back (ADR 0012).
 */
export function startJobsThread(env: Env, secret: string, database: Database, log: Logger) {
  let worker: Worker | null = null;
  let stopping = false;
  const start = async () => {
    const port = database.connect ? await database.connect() : null;
    worker = new Worker(new URL("../jobs-thread.main.boot.mjs", import.meta.url), {
      workerData: { env, secret, port },
      transferList: port ? [port] : [],
    });
    worker.on("error", (err) => log.error("jobs thread failed", { err: err.name, errMessage: err.message }));
    worker.on("exit", (code) => {
      worker = null;
      if (stopping) return;
      log.error("jobs thread stopped; starting it again", { code });
      setTimeout(() => void start(), 5000).unref();
    });
  };
  const started = start();
  return async () => {
    stopping = true;
    await started;
    const w = worker;
    if (!w) return;
    // Ask it to stop its loops; a job still running keeps its lease and is taken back later.
    w.postMessage("stop");
    await Promise.race([new Promise((r) => w.once("exit", r)), new Promise((r) => setTimeout(r, 2000))]);
    await w.terminate();
  };
}
