import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { SECRET, uniq } from "../../../test/harness";
import { systemCtx } from "../context";
import { openDatabase } from "../db/client";
import { outbox } from "../db/schema";
import { loadEnv } from "../env";
import { createLogger } from "../lib/logger";
import { queueEmail } from "../modules/mail/mail.service";
import { startJobsThread } from "./jobs-thread";

// The server's arrangement (ADR 0010): the embedded database in one thread, the jobs in another,
// talking to it through a port of their own.
const database = await openDatabase({ inMemory: true, thread: true });
await database.migrate();
const env = loadEnv({ NODE_ENV: "test", HUB_SECRET: SECRET, DATA_DIR: "/tmp/hub-test", LOG_LEVEL: "silent" });
const deps = { db: database.db, env, log: createLogger("silent"), secret: SECRET, now: () => new Date() };
const stop = startJobsThread(env, SECRET, database, deps.log);
afterAll(async () => {
  await stop();
  await database.close();
});

describe("the jobs thread", () => {
  it("runs the periodic jobs against the embedded database's thread: queued email is delivered", async () => {
    const id = await queueEmail(systemCtx(deps), {
      to: `thread-${uniq()}@example.test`,
      subject: "Hello",
      body: "b",
      template: "test",
    });
    let sent: Date | null = null;
    for (let i = 0; i < 120 && !sent; i++) {
      await new Promise((r) => setTimeout(r, 250));
      [{ sentAt: sent }] = await database.db.select({ sentAt: outbox.sentAt }).from(outbox).where(eq(outbox.id, id));
    }
    expect(sent).not.toBeNull();
  });
});
