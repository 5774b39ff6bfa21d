import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { and, count, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type Client, makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import { imports, jobs, staffRecords } from "../../db/schema";
import { enqueueJob, runOneJob } from "../../jobs/worker";
import { IMPORT_JOBS } from "./imports.job-types";
import { importJobs } from "./imports.jobs";
import { discardStaleImports, PREVIEW_KEPT_DAYS } from "./imports.service";

// Uploads whose job died (the process was killed) or failed: never stuck. The crash itself, in a
// child process, is in test/fault.test.ts; here the dead worker is a job row left "running" with a
// lease nobody renews, which is exactly what a killed process leaves behind.

const hub = await testHub();
const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;
const VALID = ["valid-workplace.csv", "valid-staff.csv", "valid-training.csv"].map((name) => ({
  name,
  text: readFileSync(FIX + name, "utf8"),
}));
const KEEP = { missing: { default: { action: "keep" as const } } };
const start = hub.clock.now;
afterEach(() => {
  hub.clock.now = start;
});
const later = (ms: number) => {
  hub.clock.now = new Date(hub.clock.now.getTime() + ms);
};

async function provider() {
  const org = await makeOrg(hub, "provider");
  const admin = await makeUser(hub, org, "provider_admin");
  return { org, admin, client: await signedIn(hub, admin.email) };
}

async function upload(client: Client, orgId: string) {
  const form = new FormData();
  for (const f of VALID) form.append("files", new File([f.text], f.name, { type: "text/csv" }));
  form.append("asAt", "2026-06-30");
  const res = await hub.app.request(`/api/orgs/${orgId}/imports`, {
    method: "POST",
    body: form,
    headers: { cookie: client.cookie, "x-csrf-token": client.csrf },
  });
  return ((await res.json()) as { import: { id: string; status: string } }).import;
}

/** What a process killed mid-commit leaves: the upload "committing", its job "running" under a lease nobody renews. */
async function killedMidCommit(org: { id: string }, admin: { id: string }, importId: string) {
  const payload = {
    importId,
    orgId: org.id,
    userId: admin.id,
    role: "provider_admin" as const,
    isHubAdmin: false,
    decisions: KEEP,
  };
  const jobId = await enqueueJob(hub.ctx, IMPORT_JOBS.commit, payload, { orgId: org.id });
  await hub.deps.db
    .update(jobs)
    .set({
      status: "running",
      attempts: 1,
      lockedBy: randomUUID(),
      leaseUntil: new Date(hub.clock.now.getTime() + IMPORT_JOBS.commit.leaseMs),
    })
    .where(eq(jobs.id, jobId));
  await hub.deps.db.update(imports).set({ status: "committing", jobId }).where(eq(imports.id, importId));
  return jobId;
}

const staffCount = async (orgId: string) =>
  (await hub.deps.db.select({ n: count() }).from(staffRecords).where(eq(staffRecords.orgId, orgId)))[0].n;
const jobRow = async (id: string) => (await hub.deps.db.select().from(jobs).where(eq(jobs.id, id)))[0];

describe("an upload left committing by a crash", () => {
  it("is refused while its job's lease is current, then can be applied again by the person uploading", async () => {
    const { org, admin, client } = await provider();
    const up = await upload(client, org.id);
    const jobId = await killedMidCommit(org, admin, up.id);

    // Before the fix both answered 409 for ever. While the lease is current the worker may be alive.
    expect((await client.post(`/api/orgs/${org.id}/imports/${up.id}/commit`, KEEP)).json.error.code).toBe(
      "import_in_progress",
    );
    expect((await client.delete(`/api/orgs/${org.id}/imports/${up.id}`)).status).toBe(409);

    later(IMPORT_JOBS.commit.leaseMs + 1);
    const again = await client.post(`/api/orgs/${org.id}/imports/${up.id}/commit`, KEEP);
    expect(again.status).toBe(200);
    expect(again.json.import).toMatchObject({ status: "committed", summary: { applied: { staffNew: 4 } } });
    expect(await staffCount(org.id)).toBe(4);
    expect(await jobRow(jobId)).toMatchObject({ status: "cancelled" });
    // The dead worker's job is never run again.
    later(IMPORT_JOBS.commit.leaseMs * 10);
    while (await runOneJob(hub.deps, importJobs)) {}
    expect(await jobRow(jobId)).toMatchObject({ status: "cancelled", attempts: 1 });
  });

  it("can be cancelled once its lease has run out: nothing applied, its files and staged rows gone", async () => {
    const { org, admin, client } = await provider();
    const up = await upload(client, org.id);
    const jobId = await killedMidCommit(org, admin, up.id);
    later(IMPORT_JOBS.commit.leaseMs + 1);
    const cancelled = await client.delete(`/api/orgs/${org.id}/imports/${up.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.import.status).toBe("discarded");
    expect(await staffCount(org.id)).toBe(0);
    expect(await jobRow(jobId)).toMatchObject({ status: "cancelled" });
    const staged = (
      await hub.deps.db.execute(sql`select count(*)::int as n from import_staff where stage_id = ${up.id}`)
    ).rows as { n: number }[];
    expect(staged[0].n).toBe(0);
  });

  it("is taken back by the worker when its lease runs out, and applied to completion", async () => {
    const { org, admin, client } = await provider();
    const up = await upload(client, org.id);
    const jobId = await killedMidCommit(org, admin, up.id);
    later(IMPORT_JOBS.commit.leaseMs + 1);
    await runOneJob(hub.deps, importJobs);
    expect(await jobRow(jobId)).toMatchObject({ status: "queued", attempts: 1 });
    later(IMPORT_JOBS.commit.backoffMs);
    while (await runOneJob(hub.deps, importJobs)) {}
    expect(await jobRow(jobId)).toMatchObject({ status: "done", attempts: 2 });
    expect((await client.get(`/api/orgs/${org.id}/imports/${up.id}`)).json.import).toMatchObject({
      status: "committed",
      error: null,
    });
    expect(await staffCount(org.id)).toBe(4);
  });

  it("goes back to ready with the reason when its attempts are used up, and is removed by the clean-up when abandoned", async () => {
    const { org, admin, client } = await provider();
    const up = await upload(client, org.id);
    const jobId = await killedMidCommit(org, admin, up.id);
    await hub.deps.db.update(jobs).set({ attempts: IMPORT_JOBS.commit.maxAttempts }).where(eq(jobs.id, jobId));
    later(IMPORT_JOBS.commit.leaseMs + 1);
    await runOneJob(hub.deps, importJobs);
    expect(await jobRow(jobId)).toMatchObject({
      status: "failed",
      error: "the hub stopped while it was running, 3 times",
    });
    const shown = (await client.get(`/api/orgs/${org.id}/imports/${up.id}`)).json.import;
    expect(shown).toMatchObject({ status: "ready", error: "the hub stopped while it was running, 3 times" });

    // The hub admin sees it among the failed jobs, with the reason and the organisation; nobody else does.
    const hubAdmin = await signedIn(hub, (await makeUser(hub, null, undefined, { isHubAdmin: true })).email);
    const failed = await hubAdmin.get("/api/admin/jobs/failed");
    expect(failed.json.jobs.find((j: { id: string }) => j.id === jobId)).toEqual({
      id: jobId,
      kind: "import.commit",
      lane: "user",
      orgId: org.id,
      orgName: org.name,
      reason: "the hub stopped while it was running, 3 times",
      attempts: 3,
      maxAttempts: 3,
      createdAt: expect.any(String),
      failedAt: expect.any(String),
    });
    expect(JSON.stringify(failed.json)).not.toContain("decisions");
    expect((await client.get("/api/admin/jobs/failed")).status).toBe(403);

    // Another, abandoned mid-commit a fortnight ago: the clean-up removes it (it skipped "committing" before).
    const other = await upload(client, org.id);
    const otherJob = await killedMidCommit(org, admin, other.id);
    await hub.deps.db.execute(
      sql`update imports set created_at = ${new Date(hub.clock.now.getTime() - (PREVIEW_KEPT_DAYS + 1) * 86_400_000).toISOString()} where id = ${other.id}`,
    );
    await discardStaleImports(hub.deps);
    // Its lease is current: a worker may be applying it, so it is left alone.
    expect((await client.get(`/api/orgs/${org.id}/imports/${other.id}`)).json.import.status).toBe("committing");
    later(IMPORT_JOBS.commit.leaseMs + 1);
    expect(await discardStaleImports(hub.deps)).toBeGreaterThanOrEqual(1);
    expect((await client.get(`/api/orgs/${org.id}/imports/${other.id}`)).json.import.status).toBe("discarded");
    expect(await jobRow(otherJob)).toMatchObject({ status: "cancelled" });
  });
});

describe("a process killed just after its commit, before its job was marked done", () => {
  it("the job taken back finds the upload applied and finishes without applying it twice", async () => {
    const { org, admin, client } = await provider();
    const up = await upload(client, org.id);
    // The dead worker's transaction committed (staff added, upload committed); its last write, the job's, did not.
    const jobId = await killedMidCommit(org, admin, up.id);
    await hub.deps.db.update(imports).set({ status: "ready" }).where(eq(imports.id, up.id));
    expect((await client.post(`/api/orgs/${org.id}/imports/${up.id}/commit`, KEEP)).json.import.status).toBe(
      "committed",
    );
    await hub.deps.db.update(imports).set({ jobId }).where(eq(imports.id, up.id));
    expect(await staffCount(org.id)).toBe(4);

    later(IMPORT_JOBS.commit.leaseMs + 1);
    await runOneJob(hub.deps, importJobs);
    later(IMPORT_JOBS.commit.backoffMs);
    while (await runOneJob(hub.deps, importJobs)) {}
    expect(await jobRow(jobId)).toMatchObject({ status: "done", result: { status: "committed", skipped: true } });
    expect(await staffCount(org.id)).toBe(4);
    expect((await client.post(`/api/orgs/${org.id}/imports/${up.id}/commit`, KEEP)).json.error.code).toBe(
      "already_committed",
    );
  });
});

describe("a background check that fails", () => {
  it("marks the upload failed with the reason, instead of 'checking' for ever; it can be cancelled, not applied", async () => {
    const { org, client } = await provider();
    const up = await upload(client, org.id);
    // As if the worker checking it had died on each of its attempts (a file that kills the process).
    await hub.deps.db
      .update(imports)
      .set({ status: "validating", staged: null, preview: null })
      .where(eq(imports.id, up.id));
    const [job] = await hub.deps.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, IMPORT_JOBS.validate.kind), sql`payload->>'importId' = ${up.id}`));
    await hub.deps.db
      .update(jobs)
      .set({ status: "running", attempts: 3, lockedBy: randomUUID(), leaseUntil: hub.clock.now })
      .where(eq(jobs.id, job.id));
    await hub.deps.db.update(imports).set({ jobId: job.id }).where(eq(imports.id, up.id));
    later(1);
    await runOneJob(hub.deps, importJobs);
    const shown = (await client.get(`/api/orgs/${org.id}/imports/${up.id}`)).json.import;
    expect(shown).toMatchObject({
      status: "failed",
      progress: 100,
      error: "the hub stopped while it was running, 3 times",
    });
    const commit = await client.post(`/api/orgs/${org.id}/imports/${up.id}/commit`, KEEP);
    expect(commit.status).toBe(409);
    expect(commit.json.error.message).toBe("We could not check this upload's files: upload them again.");
    expect((await client.delete(`/api/orgs/${org.id}/imports/${up.id}`)).json.import.status).toBe("discarded");
  });

  it("a job whose stored payload does not parse fails at once, and its upload with it", async () => {
    const { org, client } = await provider();
    const up = await upload(client, org.id);
    await hub.deps.db.update(imports).set({ status: "validating" }).where(eq(imports.id, up.id));
    const [job] = await hub.deps.db
      .insert(jobs)
      .values({
        kind: IMPORT_JOBS.validate.kind,
        payload: { importId: up.id, orgId: org.id, role: "no such role" },
        runAt: hub.clock.now,
      })
      .returning();
    await hub.deps.db.update(imports).set({ jobId: job.id }).where(eq(imports.id, up.id));
    await runOneJob(hub.deps, importJobs);
    const reason = `its details were not valid (reference ${job.id.slice(0, 8)})`;
    expect(await jobRow(job.id)).toMatchObject({ status: "failed", attempts: 1, error: reason });
    expect((await client.get(`/api/orgs/${org.id}/imports/${up.id}`)).json.import).toMatchObject({
      status: "failed",
      error: reason,
    });
  });

  it("refuses to queue an upload job whose payload does not match", async () => {
    await expect(
      enqueueJob(hub.ctx, IMPORT_JOBS.commit, {
        importId: randomUUID(),
        orgId: randomUUID(),
        userId: null,
        role: null,
        isHubAdmin: false,
      } as never),
    ).rejects.toThrow(/decisions/);
  });
});
