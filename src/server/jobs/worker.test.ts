import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { testHub, uniq } from "../../../test/harness";
import { jobs, outbox } from "../db/schema";
import { AppError } from "../lib/errors";
import { deliverOutbox, queueEmail } from "../modules/mail/mail.service";
import {
  enqueueJob,
  handleJob,
  JobPayloadError,
  jobType,
  pruneFinishedJobs,
  runOneJob,
  schedulePeriodic,
  startWorker,
} from "./worker";

const hub = await testHub();

const rowOf = async (id: string) => (await hub.deps.db.select().from(jobs).where(eq(jobs.id, id)))[0];
const later = (ms: number) => {
  hub.clock.now = new Date(hub.clock.now.getTime() + ms);
};

describe("job queue", () => {
  it("runs a queued job, records progress and result, and records a failure without losing the job", async () => {
    const seen: unknown[] = [];
    const ok = jobType({ kind: `test-ok-${uniq()}`, payload: z.object({ n: z.number() }) });
    const bad = jobType({ kind: `test-bad-${uniq()}`, payload: z.object({}), maxAttempts: 1 });
    const okId = await enqueueJob(hub.ctx, ok, { n: 2 });
    const badId = await enqueueJob(hub.ctx, bad, {});
    const handlers = [
      handleJob(ok, {
        run: async (_d, payload, job) => {
          seen.push(payload);
          await job.progress(50);
          return { doubled: payload.n * 2 };
        },
      }),
      handleJob(bad, {
        run: async () => {
          throw new AppError(422, "unreadable", "the file could not be read");
        },
      }),
    ];
    while (await runOneJob(hub.deps, handlers)) {}
    expect(await rowOf(okId)).toMatchObject({
      status: "done",
      progress: 100,
      result: { doubled: 4 },
      attempts: 1,
      leaseUntil: null,
    });
    expect(seen).toEqual([{ n: 2 }]);
    expect(await rowOf(badId)).toMatchObject({ status: "failed", error: "the file could not be read" });
  });

  it("tries a failing job again with a growing wait, then fails it for good with the reason, and tells its owner once", async () => {
    const type = jobType({
      kind: `test-flaky-${uniq()}`,
      payload: z.object({ id: z.string() }),
      maxAttempts: 3,
      backoffMs: 10_000,
    });
    const failures: [unknown, string][] = [];
    const handlers = [
      handleJob(type, {
        run: async () => {
          throw new Error("connection reset by peer at 10.0.0.7");
        },
        onFailed: async (_d, payload, reason) => {
          failures.push([payload, reason]);
        },
      }),
    ];
    const id = await enqueueJob(hub.ctx, type, { id: "upload-1" });
    expect(await runOneJob(hub.deps, handlers)).toBe(true);
    const first = await rowOf(id);
    expect(first).toMatchObject({ status: "queued", attempts: 1 });
    expect(first.runAt.getTime() - hub.clock.now.getTime()).toBe(10_000);
    expect(await runOneJob(hub.deps, handlers)).toBe(false); // not due yet
    later(10_000);
    await runOneJob(hub.deps, handlers);
    const second = await rowOf(id);
    expect(second).toMatchObject({ status: "queued", attempts: 2 });
    expect(second.runAt.getTime() - hub.clock.now.getTime()).toBe(20_000);
    later(20_000);
    await runOneJob(hub.deps, handlers);
    const failed = await rowOf(id);
    expect(failed).toMatchObject({ status: "failed", attempts: 3 });
    // The reason is for people: no internal detail, a reference to find the log line.
    expect(failed.error).toBe(`something went wrong on our side (reference ${id.slice(0, 8)})`);
    expect(failures).toEqual([[{ id: "upload-1" }, failed.error]]);
    expect(
      hub.logLines.some((l) => l.includes('"job failed"') && l.includes(id) && l.includes('"willRetry":false')),
    ).toBe(true);
  });

  it("refuses a payload that does not match its kind, and fails a stored payload that does not parse", async () => {
    const type = jobType({ kind: `test-typed-${uniq()}`, payload: z.object({ importId: z.uuid() }) });
    await expect(enqueueJob(hub.ctx, type, { importId: "not-a-uuid" })).rejects.toBeInstanceOf(JobPayloadError);
    await expect(enqueueJob(hub.ctx, type, {} as never)).rejects.toThrow(/importId/);
    expect(await hub.deps.db.select().from(jobs).where(eq(jobs.kind, type.kind))).toEqual([]);

    const [stored] = await hub.deps.db
      .insert(jobs)
      .values({ kind: type.kind, payload: { importId: 42 }, runAt: hub.clock.now })
      .returning();
    let ran = false;
    const told: unknown[] = [];
    const handlers = [
      handleJob(type, {
        run: async () => {
          ran = true;
        },
        onFailed: async (_d, payload, reason) => {
          told.push({ payload, reason });
        },
      }),
    ];
    await runOneJob(hub.deps, handlers);
    expect(ran).toBe(false);
    expect(await rowOf(stored.id)).toMatchObject({
      status: "failed",
      attempts: 1,
      error: `its details were not valid (reference ${stored.id.slice(0, 8)})`,
    });
    expect(told).toEqual([
      { payload: null, reason: `its details were not valid (reference ${stored.id.slice(0, 8)})` },
    ]);
  });

  it("takes back a job whose worker died (its lease ran out): run again, or failed with the reason when its attempts are used up", async () => {
    const type = jobType({
      kind: `test-lease-${uniq()}`,
      payload: z.object({ n: z.number() }),
      maxAttempts: 2,
      leaseMs: 60_000,
      backoffMs: 5_000,
    });
    const ran: number[] = [];
    const failed: [unknown, string][] = [];
    const handlers = [
      handleJob(type, {
        run: async (_d, p) => {
          ran.push(p.n);
          return "ok";
        },
        onFailed: async (_d, p, reason) => {
          failed.push([p, reason]);
        },
      }),
    ];
    // Two jobs claimed by a worker that then died: running, with a lease nobody renews.
    const dead = async (n: number, attempts: number) => {
      const id = await enqueueJob(hub.ctx, type, { n });
      await hub.deps.db
        .update(jobs)
        .set({
          status: "running",
          attempts,
          lockedBy: randomUUID(),
          leaseUntil: new Date(hub.clock.now.getTime() + 60_000),
        })
        .where(eq(jobs.id, id));
      return id;
    };
    const retried = await dead(1, 1);
    const spent = await dead(2, 2);
    expect(await runOneJob(hub.deps, handlers)).toBe(false); // leases still current: left alone
    expect(await rowOf(retried)).toMatchObject({ status: "running" });

    later(60_001);
    await runOneJob(hub.deps, handlers);
    expect(await rowOf(retried)).toMatchObject({
      status: "queued",
      attempts: 1,
      lockedBy: null,
      error: expect.stringContaining("interrupted"),
    });
    expect(await rowOf(spent)).toMatchObject({
      status: "failed",
      attempts: 2,
      error: "the hub stopped while it was running, 2 times",
    });
    expect(failed).toEqual([[{ n: 2 }, "the hub stopped while it was running, 2 times"]]);
    expect(ran).toEqual([]);

    later(5_000);
    while (await runOneJob(hub.deps, handlers)) {}
    expect(ran).toEqual([1]);
    expect(await rowOf(retried)).toMatchObject({ status: "done", attempts: 2, result: "ok" });
  });

  it("renews the lease of a running job with its progress, and a worker that lost its lease cannot overwrite the job", async () => {
    const type = jobType({ kind: `test-renew-${uniq()}`, payload: z.object({}), leaseMs: 60_000 });
    const id = await enqueueJob(hub.ctx, type, {});
    const leases: (Date | null)[] = [];
    const handlers = [
      handleJob(type, {
        run: async (_d, _p, job) => {
          later(50_000);
          await job.progress(40);
          leases.push((await rowOf(id)).leaseUntil);
          // Meanwhile another worker took the job back (as if this one had stalled past its lease).
          await hub.deps.db.update(jobs).set({ status: "queued", lockedBy: null }).where(eq(jobs.id, id));
          return "too late";
        },
      }),
    ];
    await runOneJob(hub.deps, handlers);
    expect(leases).toEqual([new Date(hub.clock.now.getTime() + 60_000)]);
    expect(await rowOf(id)).toMatchObject({ status: "queued", result: null });
    expect(hub.logLines.some((l) => l.includes("job finished after its lease was taken back") && l.includes(id))).toBe(
      true,
    );
  });

  it("runs periodic work in its own lane: a slow periodic job never holds up an upload's job", async () => {
    const tag = uniq();
    const slow = jobType({
      kind: `test-periodic-${tag}`,
      payload: z.object({}).strict(),
      lane: "periodic",
      everyMs: 60_000,
    });
    const upload = jobType({ kind: `test-upload-${tag}`, payload: z.object({ n: z.number() }) });
    const deferred = <T>() => {
      let resolve = (_v: T) => {};
      const promise = new Promise<T>((r) => {
        resolve = r;
      });
      return { promise, resolve };
    };
    const periodicStarted = deferred<void>();
    const held = deferred<void>();
    const release = () => held.resolve();
    const uploadRan = deferred<number>();
    const handlers = [
      handleJob(slow, {
        run: async () => {
          periodicStarted.resolve();
          await held.promise;
          return "refreshed";
        },
      }),
      handleJob(upload, {
        run: async (_d, p) => {
          uploadRan.resolve(p.n);
        },
      }),
    ];
    const stop = startWorker(hub.deps, handlers, { intervalMs: 20 });
    try {
      await periodicStarted.promise; // the periodic lane is busy, and stays busy until released
      const id = await enqueueJob(hub.ctx, upload, { n: 7 });
      expect(await uploadRan.promise).toBe(7);
      expect((await hub.deps.db.select().from(jobs).where(eq(jobs.kind, slow.kind)))[0]).toMatchObject({
        status: "running",
        lane: "periodic",
      });
      release();
      while ((await rowOf(id)).status !== "done") await new Promise((r) => setTimeout(r, 10));
    } finally {
      release();
      await stop();
    }
    // The periodic job keeps one row, queued again for its next run.
    let periodic = await hub.deps.db.select().from(jobs).where(eq(jobs.kind, slow.kind));
    while (periodic[0].status === "running") {
      await new Promise((r) => setTimeout(r, 10));
      periodic = await hub.deps.db.select().from(jobs).where(eq(jobs.kind, slow.kind));
    }
    expect(periodic).toHaveLength(1);
    expect(periodic[0]).toMatchObject({ status: "queued", result: "refreshed", attempts: 0 });
    expect(periodic[0].runAt.getTime() - hub.clock.now.getTime()).toBe(60_000);
    // Scheduling again (another process starting) adds no second row.
    await schedulePeriodic(hub.deps, handlers);
    expect(await hub.deps.db.select().from(jobs).where(eq(jobs.kind, slow.kind))).toHaveLength(1);
  });
});

describe("finished jobs", () => {
  it("are deleted after 30 days (failed ones after 90); queued, running and recent ones stay", async () => {
    const type = jobType({ kind: `test-prune-${uniq()}`, payload: z.object({}) });
    const at = (days: number) => new Date(hub.clock.now.getTime() - days * 86_400_000);
    const make = async (status: string, finishedDaysAgo: number | null) => {
      const id = await enqueueJob(hub.ctx, type, {});
      await hub.deps.db
        .update(jobs)
        .set({ status, finishedAt: finishedDaysAgo === null ? null : at(finishedDaysAgo) })
        .where(eq(jobs.id, id));
      return id;
    };
    const gone = [await make("done", 31), await make("cancelled", 31), await make("failed", 91)];
    const kept = [
      await make("done", 29),
      await make("failed", 31),
      await make("queued", null),
      await make("running", null),
    ];
    expect(await pruneFinishedJobs(hub.deps)).toBeGreaterThanOrEqual(3);
    const left = (await hub.deps.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.kind, type.kind))).map(
      (r) => r.id,
    );
    expect(left.sort()).toEqual(kept.sort());
    expect(left.some((id) => gone.includes(id))).toBe(false);
  });
});

describe("email outbox", () => {
  it("delivers queued email to the log when no SMTP server is configured, naming only the id and template", async () => {
    const to = `reader-${uniq()}@example.test`;
    const id = await queueEmail(hub.ctx, {
      to,
      subject: "Hello",
      body: "secret link https://hub.test/x?token=abc",
      template: "test",
    });
    // Other files' mail shares the database and comes first: deliver until the outbox is empty.
    let delivered = 0;
    for (let batch = await deliverOutbox(hub.deps, 500); batch > 0; batch = await deliverOutbox(hub.deps, 500))
      delivered += batch;
    expect(delivered).toBeGreaterThan(0);
    const [mail] = await hub.deps.db.select().from(outbox).where(eq(outbox.id, id));
    expect(mail.sentAt).not.toBeNull();
    const log = hub.logLines.join("\n");
    expect(log).toContain(`"outboxId":"${id}"`);
    expect(log).not.toContain(to);
    expect(log).not.toContain("token=abc");
    expect(await deliverOutbox(hub.deps)).toBe(0);
  });

  it("keeps an email that SMTP refused, with the error, to try again", async () => {
    const smtp = await testHub({ SMTP_URL: "smtp://127.0.0.1:9" });
    const id = await queueEmail(smtp.ctx, {
      to: `x-${uniq()}@example.test`,
      subject: "Hi",
      body: "b",
      template: "test",
    });
    await deliverOutbox(smtp.deps);
    const [mail] = await smtp.deps.db.select().from(outbox).where(eq(outbox.id, id));
    expect(mail.sentAt).toBeNull();
    expect(mail.attempts).toBe(1);
    expect(mail.lastError).toBeTruthy();
  });
});
