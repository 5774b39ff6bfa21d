import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type Deps, type OrgCtx, systemActor } from "../src/server/context";
import { type Database, openDatabase } from "../src/server/db/client";
import { imports, jobs, staffRecords } from "../src/server/db/schema";
import { loadEnv } from "../src/server/env";
import { runJobNow } from "../src/server/jobs/worker";
import { createLogger } from "../src/server/lib/logger";
import { IMPORT_JOBS } from "../src/server/modules/imports/imports.job-types";
import { importJobs } from "../src/server/modules/imports/imports.jobs";
import {
  applyUpload,
  createImport,
  discardImport,
  requestCommit,
  validateStoredImport,
} from "../src/server/modules/imports/imports.service";
import { createOrganisation } from "../src/server/modules/orgs/orgs.service";
import { createUserWithMembership } from "../src/server/modules/users/users.service";
import { PASSWORD, SECRET, uniq } from "./harness";

// The fault test (issue 13): a child process running the hub's job worker is killed with SIGKILL
// in the middle of applying a large upload, and the database is opened again afterwards. The data
// must be all or nothing, and the upload must be retryable to completion or cancellable. On the
// embedded database (a data directory in a temporary folder, opened by one process at a time) in
// `npm test`, and on PostgreSQL in `npm run test:pg`.

const PG = process.env.TEST_DATABASE_URL;
const ROOT = new URL("..", import.meta.url).pathname;
const FIX = `${ROOT}test/fixtures/ascwds/`;
const dataDir = mkdtempSync(join(tmpdir(), "hub-fault-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const childEnv = {
  NODE_ENV: "test",
  HUB_SECRET: SECRET,
  PUBLIC_URL: "http://hub.test",
  DATA_DIR: dataDir,
  LOG_LEVEL: "info",
  DATABASE_URL: PG ?? "",
};
const env = loadEnv(childEnv);
// Real time: the child's leases are stamped with the real clock.
const clock = { offsetMs: 0 };
const KEEP = { missing: { default: { action: "keep" as const } } };
const AS_AT = "2026-06-30";
const ROWS = 12_000; // over a megabyte of staff file: applied by the job worker, not inline

async function open(): Promise<{ database: Database; deps: Deps }> {
  const database = await openDatabase(PG ? { databaseUrl: PG } : { dataDir });
  if (!PG) await database.migrate();
  const deps: Deps = {
    db: database.db,
    env,
    log: createLogger("silent"),
    secret: SECRET,
    now: () => new Date(Date.now() + clock.offsetMs),
  };
  return { database, deps };
}

const enc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
function bigStaffFile(prefix: string) {
  const lines = readFileSync(`${FIX}valid-staff.csv`, "utf8").split("\n");
  const rows = [lines[0]];
  for (let i = 0; i < ROWS; i++) rows.push(lines[3].replace("HOME1,S3,", `HOME1,${prefix}${i},`));
  return enc("staff.csv", `${rows.join("\n")}\n`);
}

/** Runs the child until it reports it is mid-commit, then kills it with SIGKILL. */
function killMidCommit(jobId: string) {
  return new Promise<{ signal: NodeJS.Signals | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/fault-child.ts", jobId], {
      cwd: ROOT,
      env: { ...process.env, ...childEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("MID-COMMIT")) child.kill("SIGKILL");
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ signal, out, err }));
  });
}

const staffCount = async (deps: Deps, orgId: string) =>
  (await deps.db.select({ n: count() }).from(staffRecords).where(eq(staffRecords.orgId, orgId)))[0].n;
const uploadOf = async (deps: Deps, id: string) => (await deps.db.select().from(imports).where(eq(imports.id, id)))[0];
const jobOf = async (deps: Deps, id: string) => (await deps.db.select().from(jobs).where(eq(jobs.id, id)))[0];

describe(`killed mid-commit and restarted (${PG ? "PostgreSQL" : "embedded PGlite, data directory"})`, () => {
  it("leaves the data all or nothing, and the upload retryable to completion or cancellable", async () => {
    // Set up: a provider with 4 staff, and a staged upload of 12,000 more whose commit is queued.
    let { database, deps } = await open();
    const sys = { db: deps.db, deps, actor: systemActor, log: deps.log };
    const org = await createOrganisation(sys, { kind: "provider", name: `Fault test ${uniq()}` });
    const { user } = await createUserWithMembership(sys, {
      email: `fault-${uniq()}@example.test`,
      name: "Fault test",
      password: PASSWORD,
      orgId: org.id,
      role: "provider_admin",
    });
    const ctxOf = (d: Deps): OrgCtx => ({
      db: d.db,
      deps: d,
      actor: { userId: user.id, isHubAdmin: false },
      log: d.log,
      org: { id: org.id, kind: "provider", name: org.name, slug: org.slug, isDemo: false },
      role: "provider_admin",
    });
    const workplace = enc("workplace.csv", readFileSync(`${FIX}valid-workplace.csv`, "utf8"));
    await applyUpload(
      ctxOf(deps),
      [workplace, enc("staff.csv", readFileSync(`${FIX}valid-staff.csv`, "utf8"))],
      AS_AT,
      KEEP,
    );
    const before = await staffCount(deps, org.id);
    expect(before).toBe(4);

    const stage = async (prefix: string) => {
      const created = await createImport(ctxOf(deps), [workplace, bigStaffFile(prefix)], AS_AT);
      expect(created.inline).toBe(false);
      expect((await validateStoredImport(ctxOf(deps), created.id))?.status).toBe("ready");
      const { record, queued } = await requestCommit(ctxOf(deps), created.id, KEEP);
      expect(queued).toBe(true);
      return { id: created.id, jobId: record.jobId as string };
    };
    const crash = async (jobId: string) => {
      // PGlite: one process at a time on a data directory, so the parent lets go before the child opens it.
      if (!PG) await database.close();
      const child = await killMidCommit(jobId);
      expect(child.out, child.err).toContain("MID-COMMIT");
      expect(child.signal).toBe("SIGKILL");
      if (!PG) ({ database, deps } = await open()); // the restart: the embedded database recovers from its WAL
    };

    // 1. Killed mid-commit, then retried to completion.
    const first = await stage("A");
    await crash(first.jobId);
    expect(await staffCount(deps, org.id)).toBe(before); // nothing of the killed transaction, never part of it
    expect(await uploadOf(deps, first.id)).toMatchObject({ status: "committing" });
    expect(await jobOf(deps, first.jobId)).toMatchObject({ status: "running", attempts: 1 });
    // While the dead worker's lease is current it may be alive: refused, not applied twice.
    await expect(requestCommit(ctxOf(deps), first.id, KEEP)).rejects.toMatchObject({ code: "import_in_progress" });
    clock.offsetMs = IMPORT_JOBS.commit.leaseMs + 1000;
    const retried = await requestCommit(ctxOf(deps), first.id, KEEP);
    expect(retried.queued).toBe(true);
    expect(await jobOf(deps, first.jobId)).toMatchObject({ status: "cancelled" });
    expect(await runJobNow(deps, importJobs, retried.record.jobId as string)).toBe(true);
    expect(await uploadOf(deps, first.id)).toMatchObject({ status: "committed", error: null });
    const after = await staffCount(deps, org.id);
    expect(after).toBe(before + ROWS);

    // 2. Killed mid-commit, then cancelled.
    clock.offsetMs = 0;
    const second = await stage("B");
    await crash(second.jobId);
    expect(await staffCount(deps, org.id)).toBe(after);
    clock.offsetMs = IMPORT_JOBS.commit.leaseMs + 1000;
    expect((await discardImport(ctxOf(deps), second.id))?.status).toBe("discarded");
    expect(await staffCount(deps, org.id)).toBe(after);
    const leftovers = (
      await deps.db.execute(
        sql`select (select count(*) from import_staff where stage_id = ${second.id})::int as staged, (select count(*) from import_files where import_id = ${second.id})::int as files`,
      )
    ).rows[0];
    expect(leftovers).toEqual({ staged: 0, files: 0 });
    await database.close();
  }, 240_000);
});
