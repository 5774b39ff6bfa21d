import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testHub, uniq } from "../../../test/harness";
import { jobs, outbox } from "../db/schema";
import { deliverOutbox, queueEmail } from "../modules/mail/mail.service";
import { enqueueJob, runOneJob } from "./worker";

const hub = await testHub();

describe("job queue", () => {
  it("runs a queued job, records progress and result, and records a failure without losing the job", async () => {
    const seen: unknown[] = [];
    const ok = await enqueueJob(hub.deps, "test-ok", { n: 2 });
    const bad = await enqueueJob(hub.deps, "test-bad", {});
    const handlers = {
      "test-ok": async (_d: unknown, job: { payload: unknown }, progress: (p: number) => Promise<void>) => {
        seen.push(job.payload);
        await progress(50);
        return { doubled: 4 };
      },
      "test-bad": async () => {
        throw new Error("the file could not be read");
      },
    };
    while (await runOneJob(hub.deps, handlers)) {}
    const [done] = await hub.deps.db.select().from(jobs).where(eq(jobs.id, ok));
    expect(done).toMatchObject({ status: "done", progress: 100, result: { doubled: 4 }, attempts: 1 });
    expect(seen).toEqual([{ n: 2 }]);
    const [failed] = await hub.deps.db.select().from(jobs).where(eq(jobs.id, bad));
    expect(failed).toMatchObject({ status: "failed", error: "the file could not be read" });
  });
});

describe("email outbox", () => {
  it("delivers queued email to the log when no SMTP server is configured, naming only the id and template", async () => {
    const to = `reader-${uniq()}@example.test`;
    const id = await queueEmail(hub.ctx, { to, subject: "Hello", body: "secret link https://hub.test/x?token=abc", template: "test" });
    expect(await deliverOutbox(hub.deps)).toBeGreaterThan(0);
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
    const id = await queueEmail(smtp.ctx, { to: `x-${uniq()}@example.test`, subject: "Hi", body: "b", template: "test" });
    await deliverOutbox(smtp.deps);
    const [mail] = await smtp.deps.db.select().from(outbox).where(eq(outbox.id, id));
    expect(mail.sentAt).toBeNull();
    expect(mail.attempts).toBe(1);
    expect(mail.lastError).toBeTruthy();
  });
});
