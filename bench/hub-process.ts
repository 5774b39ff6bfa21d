// The hub as `npm start` runs it, in its own process on 127.0.0.1 with the demo system, for the
// benchmarks that measure it from outside: on the embedded database, or on a fresh PostgreSQL
// database made for the run (PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432) and
// dropped after.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../test/free-port";

const ADMIN_URL = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432";

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(statement);
  await client.end();
}

export async function startHub(opts: { database: "pglite" | "postgres"; root?: string; nodeArgs?: string[] }) {
  const root = opts.root ?? new URL("..", import.meta.url).pathname;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "hub-bench-"));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    NODE_ENV: "development",
    SEED_DEMO: "true",
  };
  delete env.DATABASE_URL;
  const dbName = opts.database === "postgres" ? `hub_bench_${process.pid}_${Date.now()}` : null;
  if (dbName) {
    await admin(`create database ${dbName}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), "--import", "tsx", join(root, "src/server/main.ts")],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (dbName) await admin(`drop database ${dbName} with (force)`);
  };
  // Started once it has printed the demo sign-ins, which it does once it listens.
  const deadline = Date.now() + 180_000;
  while (!output.includes("council.admin@halton.demo.test")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the hub did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base: `http://127.0.0.1:${port}`, stop };
}
