import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeSystem, PASSWORD, testHub } from "../../../test/harness";
import { createApp } from "../app";
import { Lane } from "./admission";

const hub = await testHub();

describe("admission lanes", () => {
  it("admit up to the limit, queue the next, refuse at once when the queue is full, and refuse a wait that runs too long", async () => {
    const lane = new Lane("test", { concurrent: 1, queue: 1, waitMs: 50 });
    const release = await lane.enter();
    const queued = lane.enter();
    await expect(lane.enter()).rejects.toMatchObject({ status: 503, code: "busy" });
    release();
    const second = await queued;
    const late = lane.enter();
    await expect(late).rejects.toMatchObject({
      status: 503,
      message: "The hub is busy right now. Wait a few seconds and try again.",
    });
    second();
    expect(lane.load).toEqual({ active: 0, waiting: 0, shed: 2 });
  });

  it("shed page requests with a quick 503 and Retry-After, while the health check and sign-in still answer", async () => {
    const { providerAdmin } = await makeSystem(hub);
    const full = { concurrent: 0, queue: 0, waitMs: 1 };
    const { app } = createApp(hub.deps, {
      admission: { api: full, auth: { concurrent: 4, queue: 10, waitMs: 1000 }, maxLagMs: 300 },
    });
    const page = await app.request("/api/me");
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(((await page.json()) as { error: { code: string } }).error.code).toBe("busy");
    expect((await app.request("/api/health")).status).toBe(200);
    const signIn = await app.request("/api/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.77" },
      body: JSON.stringify({ email: providerAdmin.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
  });
});

describe("a thread that is running late", () => {
  it("refuses new page requests at once, still answers the health check, and opens again when it catches up", async () => {
    const roomy = { concurrent: 100, queue: 100, waitMs: 1000 };
    const { app } = createApp(hub.deps, { admission: { api: roomy, auth: roomy, maxLagMs: 50 } });
    await new Promise((r) => setTimeout(r, 250));
    expect((await app.request("/api/auth/me")).status).toBe(200);
    // Hold the event loop as a flood of work would, then let the lag timer see it.
    const until = performance.now() + 600;
    while (performance.now() < until) {}
    await new Promise((r) => setTimeout(r, 0));
    const late = await app.request("/api/auth/me");
    expect(late.status).toBe(503);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe("busy");
    expect((await app.request("/api/health")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await app.request("/api/auth/me")).status).toBe(200);
  });
});

describe("the health check", () => {
  it("answers within its wait, saying the database is busy, while long transactions hold the database", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    // PGlite is one session: one open transaction holds it. A server pool has ten connections.
    const holders = hub.database.kind === "pglite" ? 1 : 10;
    const held: Promise<void>[] = [];
    const txs: Promise<void>[] = [];
    for (let i = 0; i < holders; i++) {
      let holding!: () => void;
      held.push(
        new Promise<void>((r) => {
          holding = r;
        }),
      );
      txs.push(
        hub.deps.db.transaction(async (t) => {
          await t.execute(sql`select 1`);
          holding();
          await gate;
        }),
      );
    }
    await Promise.all(held);
    const res = await hub.app.request("/api/health");
    const body = (await res.json()) as { status: string; database: string };
    release();
    await Promise.all(txs);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: "busy" });
    expect(((await (await hub.app.request("/api/health")).json()) as { database: string }).database).toBe("ok");
  });
});
