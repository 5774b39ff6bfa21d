// npm run test:pg: the integration suite against a real PostgreSQL server, in a fresh database
// made for this run and dropped after it. The server defaults to 127.0.0.1:5432, user postgres.
import { spawnSync } from "node:child_process";
import pg from "pg";

const admin = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `hub_test_${Date.now()}_${process.pid}`;
const client = new pg.Client({ connectionString: admin });
try {
  await client.connect();
} catch (err) {
  console.error(`test:pg needs a PostgreSQL server at ${admin} (set PG_ADMIN_URL to change it): ${err.message}`);
  process.exit(1);
}
await client.query(`CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
console.log(`PostgreSQL lane: database ${name} on ${url.host}`);
// One worker: every file shares the run's one database, and the jobs some files run (the refresh
// of every council's summaries, delivering the whole outbox) would take another worker's rows.
const run = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--maxWorkers=1", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: url.toString() },
  },
);
await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await client.end();
process.exit(run.status ?? 1);
