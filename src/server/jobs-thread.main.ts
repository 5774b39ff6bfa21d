/** The jobs thread (see jobs/jobs-thread.ts): the same worker loop the tests drive, with every job type. */
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import type { Deps } from "./context";
import { databaseOverPort, openDatabase } from "./db/client";
import type { Env } from "./env";
import { startWorker } from "./jobs/worker";
import { createLogger } from "./lib/logger";
import { importJobs } from "./modules/imports/imports.jobs";
import { periodicJobs } from "./periodic-jobs";

const { env, secret, port } = workerData as { env: Env; secret: string; port: MessagePort | null };
const database = port ? databaseOverPort(port) : await openDatabase({ databaseUrl: env.DATABASE_URL });
const log = createLogger(env.LOG_LEVEL, { thread: "jobs" });
const deps: Deps = { db: database.db, env, log, secret, now: () => new Date() };
const stop = startWorker(deps, [...importJobs, ...periodicJobs]);

parentPort?.on("message", async (msg) => {
  if (msg !== "stop") return;
  await stop();
  await database.close();
  process.exit(0);
});
