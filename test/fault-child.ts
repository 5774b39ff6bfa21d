// The child process of test/fault.test.ts: the hub's job worker applying one upload, opened the way
// the server opens its database (src/server/boot.ts; the embedded one in its own thread). When the
// commit has written every row but not yet committed its transaction, it says so on stdout and
// stops, so the parent's SIGKILL lands mid-commit every time rather than by luck of timing.
import { writeSync } from "node:fs";
import { openDeps } from "../src/server/boot";
import { loadEnv } from "../src/server/env";
import { runJobNow } from "../src/server/jobs/worker";
import { createLogger } from "../src/server/lib/logger";
import { importJobs } from "../src/server/modules/imports/imports.jobs";

const jobId = process.argv[2];
const env = loadEnv(process.env);
const log = createLogger("info", {}, (line) => {
  if (line.includes('"upload applied"')) {
    writeSync(1, "MID-COMMIT\n");
    // Hold the transaction open (and the process still) until the parent kills it.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  }
});
const { deps } = await openDeps(env, log, { thread: !env.DATABASE_URL });
writeSync(1, "READY\n");
await runJobNow(deps, importJobs, jobId);
writeSync(1, "FINISHED\n");
process.exit(0);
