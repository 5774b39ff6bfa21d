import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { openDeps } from "./boot";
import { systemCtx } from "./context";
import { EnvError, loadEnv } from "./env";
import { startJobsThread } from "./jobs/jobs-thread";
import { createLogger, errorFields } from "./lib/logger";
import { isoDate } from "./lib/time";
import { demoInProductionProblem } from "./modules/demo/demo-in-production";
import { databaseIsEmpty, seedDemo } from "./modules/demo/seed";

// Boot: env → db → migrate → seed demo if empty → jobs → listen.
async function main() {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(env.LOG_LEVEL);
  const started = performance.now();
  // The server keeps the embedded database in a thread of its own (ADR 0010): a long statement
  // never stops it answering.
  const { deps, database } = await openDeps(env, log, { thread: true });
  log.info("database ready", { kind: database.kind, ms: Math.round(performance.now() - started) });
  // The demo's password is public: production runs on a database holding it only when told to.
  const demoProblem = await demoInProductionProblem(systemCtx(deps));
  if (demoProblem) {
    process.stderr.write(`${demoProblem}\n`);
    await database.close();
    process.exit(1);
  }

  let credentials: { email: string; password: string; role: string }[] = [];
  if (env.SEED_DEMO && (await databaseIsEmpty(systemCtx(deps)))) {
    const t = performance.now();
    const result = await seedDemo(systemCtx(deps), { anchor: isoDate(new Date()) });
    credentials = result.credentials;
    log.info("demo system seeded", { ...result.counts, ms: Math.round(performance.now() - t) });
  }

  // Uploads in the user lane; reminders, email, clean-up and summaries as jobs in the periodic
  // lane; all of it in a thread of its own, so long jobs never hold up requests (ADR 0010).
  const stopWorker = startJobsThread(env, deps.secret, database, log);
  const { app } = createApp(deps);
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    log.info("listening", { port: info.port, ms: Math.round(performance.now() - started) });
    const url = env.PUBLIC_URL;
    const lines = [`\nCare Workforce Hub is running at ${url}`];
    if (env.NODE_ENV !== "production") {
      if (credentials.length) {
        lines.push("\nDemo system (made-up data). Sign in as any of these, all with the same password:\n");
        for (const c of credentials) lines.push(`  ${c.role.padEnd(34)} ${c.email}`);
        lines.push(`\n  Password: ${credentials[0].password}\n`);
      } else if (env.SEED_DEMO) {
        lines.push(
          "The database already has data. Demo sign-ins (if it holds the demo): council.admin@halton.demo.test / demo-password-2026",
        );
        lines.push("Start afresh with: npm run hub -- seed --reset\n");
      }
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  });

  const shutdown = async () => {
    await stopWorker();
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  process.stderr.write(`The hub could not start: ${JSON.stringify(errorFields(err))}\n`);
  process.exit(1);
});
