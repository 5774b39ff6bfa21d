import { describe, expect, it } from "vitest";
import {
  Client,
  lastEmailTo,
  makeSystem,
  makeUser,
  PASSWORD,
  SECRET,
  signedIn,
  testHub,
  uniq,
} from "../../../../test/harness";

const hub = await testHub();

describe("sign-in", () => {
  it("signs in, sets a session cookie with safe flags and returns the user's organisations", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const client = new Client(hub);
    const res = await client.post("/api/auth/sign-in", {
      email: providerAdmin.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.json.user.email).toBe(providerAdmin.email);
    expect(res.json.memberships.map((m: { id: string }) => m.id)).toEqual([provider.id]);
    const cookie = client.lastSetCookie ?? "";
    expect(cookie).toMatch(/^hub_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Secure"); // plain http in this test
    const me = await client.get("/api/auth/me");
    expect(me.json.user.id).toBe(providerAdmin.id);
  });

  it("marks the cookie Secure behind HTTPS", async () => {
    const https = await testHub({ PUBLIC_URL: "https://hub.example.test" });
    const { providerAdmin } = await makeSystem(https);
    const client = new Client(https);
    await client.post("/api/auth/sign-in", { email: providerAdmin.email, password: PASSWORD });
    expect(client.lastSetCookie).toContain("Secure");
  });

  it("refuses a wrong password with a clear message and no session", async () => {
    const { providerAdmin } = await makeSystem(hub);
    const client = new Client(hub);
    const res = await client.post("/api/auth/sign-in", { email: providerAdmin.email, password: "not the password" });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("wrong_credentials");
    expect(client.cookie).toBe("");
  });

  it("validates input with field-level messages", async () => {
    const res = await new Client(hub).post("/api/auth/sign-in", { email: "not-an-email", password: "" });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "email" }),
        expect.objectContaining({ path: "password", message: "Enter your password" }),
      ]),
    );
  });

  it("locks the account after 5 wrong passwords, even for the right one, and unlocks after 15 minutes", async () => {
    const { providerAdmin } = await makeSystem(hub);
    const client = new Client(hub, { "x-forwarded-for": `10.0.0.${Math.floor(Math.random() * 200)}` });
    for (let i = 0; i < 4; i++)
      expect(
        (await client.post("/api/auth/sign-in", { email: providerAdmin.email, password: `wrong ${i}` })).status,
      ).toBe(401);
    const fifth = await client.post("/api/auth/sign-in", { email: providerAdmin.email, password: "wrong 5" });
    expect(fifth.status).toBe(423);
    expect(fifth.json.error.code).toBe("account_locked");
    expect(fifth.json.error.message).toMatch(/locked.*Try again in 15 minutes/);
    const right = await client.post("/api/auth/sign-in", { email: providerAdmin.email, password: PASSWORD });
    expect(right.status).toBe(423);
    expect(client.cookie).toBe("");

    const start = hub.clock.now;
    hub.clock.now = new Date(start.getTime() + 16 * 60_000);
    try {
      expect((await client.post("/api/auth/sign-in", { email: providerAdmin.email, password: PASSWORD })).status).toBe(
        200,
      );
    } finally {
      hub.clock.now = start;
    }
  });

  it("locks an unknown email exactly as it locks an account, so a lock-out does not reveal which emails have accounts", async () => {
    const { providerAdmin } = await makeSystem(hub);
    const ghost = `ghost-${uniq()}@example.test`;
    const answers = async (email: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await new Client(hub).post("/api/auth/sign-in", { email, password: `wrong ${i}` });
        seen.push({ status: res.status, error: res.json.error });
      }
      return seen;
    };
    const known = await answers(providerAdmin.email);
    const unknown = await answers(ghost.toUpperCase());
    expect(unknown).toEqual(known);
    expect(known.map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    expect(JSON.stringify(known[4])).toMatch(/locked.*Try again in 15 minutes/);

    const start = hub.clock.now;
    hub.clock.now = new Date(start.getTime() + 16 * 60_000);
    try {
      expect((await new Client(hub).post("/api/auth/sign-in", { email: ghost, password: "x" })).status).toBe(401);
    } finally {
      hub.clock.now = start;
    }
  });

  it("throttles many attempts from one address", async () => {
    const throttled = await testHub({ TRUST_PROXY: "true" });
    const client = new Client(throttled, { "x-forwarded-for": "192.0.2.77" });
    let last = 0;
    for (let i = 0; i < 21; i++)
      last = (await client.post("/api/auth/sign-in", { email: `nobody-${i}@example.test`, password: "x" })).status;
    expect(last).toBe(429);
    // Another address is not affected.
    const other = new Client(throttled, { "x-forwarded-for": "192.0.2.78" });
    expect((await other.post("/api/auth/sign-in", { email: "nobody@example.test", password: "x" })).status).toBe(401);
  });

  it("behind a proxy, throttles by the right-most hop of X-Forwarded-For, not the left-most one a client writes", async () => {
    const throttled = await testHub({ TRUST_PROXY: "true" });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      // An attacker writes a new address each time; the proxy appends the real one.
      const client = new Client(throttled, { "x-forwarded-for": `203.0.113.${i}, 192.0.2.90` });
      statuses.push(
        (await client.post("/api/auth/sign-in", { email: `nobody-${i}@example.test`, password: "x" })).status,
      );
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
  });

  it("with two trusted proxies, the client is the second hop from the right", async () => {
    const twoHops = await testHub({ TRUST_PROXY: "true", TRUSTED_PROXY_HOPS: "2" });
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const client = new Client(twoHops, { "x-forwarded-for": `203.0.113.${i}, 192.0.2.91, 10.0.0.${i}` });
      last = (await client.post("/api/auth/sign-in", { email: `nobody-${i}@example.test`, password: "x" })).status;
    }
    expect(last).toBe(429);
    const other = new Client(twoHops, { "x-forwarded-for": "192.0.2.92, 10.0.0.1" });
    expect((await other.post("/api/auth/sign-in", { email: "nobody@example.test", password: "x" })).status).toBe(401);
  });

  it("counts failures, not successful sign-ins, against an address", async () => {
    const office = await testHub({ TRUST_PROXY: "true" });
    const { providerAdmin } = await makeSystem(office);
    const headers = { "x-forwarded-for": "192.0.2.93" };
    for (let i = 0; i < 25; i++)
      expect(
        (
          await new Client(office, headers).post("/api/auth/sign-in", {
            email: providerAdmin.email,
            password: PASSWORD,
          })
        ).status,
      ).toBe(200);
    const wrong = await new Client(office, headers).post("/api/auth/sign-in", {
      email: providerAdmin.email,
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
  });

  it("signs out: the session no longer works", async () => {
    const { providerAdmin } = await makeSystem(hub);
    const client = await signedIn(hub, providerAdmin.email);
    const cookie = client.cookie;
    expect((await client.post("/api/auth/sign-out")).status).toBe(200);
    const stale = new Client(hub);
    stale.cookie = cookie;
    expect((await stale.get("/api/auth/me")).json.user).toBeNull();
  });
});

describe("cross-site request forgery", () => {
  it("refuses a cookie-authenticated write without the CSRF token", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const client = await signedIn(hub, providerAdmin.email);
    const res = await client.post(
      `/api/orgs/${provider.id}/invitations`,
      { email: `x-${uniq()}@example.test`, role: "provider_viewer" },
      { "x-csrf-token": "" },
    );
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("csrf");
    const ok = await client.post(`/api/orgs/${provider.id}/invitations`, {
      email: `x-${uniq()}@example.test`,
      role: "provider_viewer",
    });
    expect(ok.status).toBe(201);
  });

  it("refuses a write from another site's origin, and a form post", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const client = await signedIn(hub, providerAdmin.email);
    const body = { email: `y-${uniq()}@example.test`, role: "provider_viewer" };
    const crossSite = await client.post(`/api/orgs/${provider.id}/invitations`, body, {
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
    const form = await client.post(`/api/orgs/${provider.id}/invitations`, body, {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
  });
});

describe("password reset", () => {
  it("emails a one-time link that sets a new password and ends old sessions", async () => {
    const user = await makeUser(hub, null);
    const oldSession = await signedIn(hub, user.email);
    const res = await new Client(hub).post("/api/auth/password-reset", { email: user.email });
    expect(res.status).toBe(202);
    const mail = await lastEmailTo(hub, user.email);
    expect(mail?.body).toContain("http://hub.test/reset-password?token=");
    const token = mail?.token as string;

    const done = await new Client(hub).post("/api/auth/password-reset/complete", {
      token,
      password: "a brand new password",
    });
    expect(done.status).toBe(200);
    expect((await oldSession.get("/api/auth/me")).json.user).toBeNull();
    expect((await new Client(hub).post("/api/auth/sign-in", { email: user.email, password: PASSWORD })).status).toBe(
      401,
    );
    expect(
      (await new Client(hub).post("/api/auth/sign-in", { email: user.email, password: "a brand new password" })).status,
    ).toBe(200);

    const again = await new Client(hub).post("/api/auth/password-reset/complete", {
      token,
      password: "yet another password",
    });
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe("link_invalid");
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const email = `ghost-${uniq()}@example.test`;
    const res = await new Client(hub).post("/api/auth/password-reset", { email });
    expect(res.status).toBe(202);
    expect(await lastEmailTo(hub, email)).toBeNull();
  });

  it("refuses an expired link", async () => {
    const user = await makeUser(hub, null);
    await new Client(hub).post("/api/auth/password-reset", { email: user.email });
    const mail = await lastEmailTo(hub, user.email);
    const start = hub.clock.now;
    hub.clock.now = new Date(start.getTime() + 3 * 3600_000);
    try {
      const res = await new Client(hub).post("/api/auth/password-reset/complete", {
        token: mail?.token,
        password: "a brand new password",
      });
      expect(res.status).toBe(400);
    } finally {
      hub.clock.now = start;
    }
  });
});

describe("password reset links and their throttle", () => {
  const ask = (email: string, address = `192.0.2.${Math.floor(Math.random() * 250)}-${uniq()}`) =>
    new Client(hub, { "x-forwarded-for": address }).post("/api/auth/password-reset", { email });
  const complete = (token: string | null | undefined, password = "a brand new password") =>
    new Client(hub).post("/api/auth/password-reset/complete", { token, password });

  it("a new link ends every earlier one", async () => {
    const user = await makeUser(hub, null);
    await ask(user.email);
    const first = (await lastEmailTo(hub, user.email))?.token;
    hub.clock.now = new Date(hub.clock.now.getTime() + 1000); // the outbox orders by time
    await ask(user.email);
    const second = (await lastEmailTo(hub, user.email))?.token;
    expect(second).not.toBe(first);
    const stale = await complete(first);
    expect(stale.status).toBe(400);
    expect(stale.json.error).toMatchObject({
      code: "link_invalid",
      message: expect.stringContaining("Ask for a new one"),
    });
    expect((await complete(second)).status).toBe(200);
  });

  it("using a link ends every other live link of the account", async () => {
    const { insertReset } = await import("./auth.repo");
    const { sha256 } = await import("../../lib/crypto");
    const user = await makeUser(hub, null);
    // Two live links, as links issued before links ended each other could be.
    const expiresAt = new Date(hub.clock.now.getTime() + 3600_000);
    await insertReset(hub.deps.db, { userId: user.id, tokenHash: sha256(`one-${user.id}`), expiresAt });
    await insertReset(hub.deps.db, { userId: user.id, tokenHash: sha256(`two-${user.id}`), expiresAt });
    expect((await complete(`one-${user.id}`)).status).toBe(200);
    expect((await complete(`two-${user.id}`, "someone else's password")).status).toBe(400);
  });

  it("throttles requests from one address with a 429 that says nothing about the account", async () => {
    const address = `192.0.2.200-${uniq()}`;
    const user = await makeUser(hub, null);
    for (let i = 0; i < 10; i++)
      expect((await ask(i % 2 ? user.email : `ghost-${uniq()}@example.test`, address)).status).toBe(202);
    const known = await ask(user.email, address);
    const unknown = await ask(`ghost-${uniq()}@example.test`, address);
    expect(known.status).toBe(429);
    expect(known.json.error.message).toMatch(/Too many password reset requests from your network/);
    expect(unknown.json).toEqual(known.json);
    expect((await ask(user.email)).status).toBe(202); // another address is not affected
  });

  it("sends an account at most 3 reset emails an hour, answering exactly as for an unknown email", async () => {
    const { outbox } = await import("../../db/schema");
    const { count, eq } = await import("drizzle-orm");
    const user = await makeUser(hub, null);
    const ghost = `ghost-${uniq()}@example.test`;
    for (let i = 0; i < 5; i++) {
      const known = await ask(user.email);
      const unknown = await ask(ghost);
      expect(known.status).toBe(202);
      expect(known.json).toEqual(unknown.json);
    }
    const sent = async () =>
      (await hub.deps.db.select({ n: count() }).from(outbox).where(eq(outbox.toAddress, user.email)))[0].n;
    expect(await sent()).toBe(3);
    const start = hub.clock.now;
    hub.clock.now = new Date(start.getTime() + 61 * 60_000);
    try {
      await ask(user.email);
      expect(await sent()).toBe(4);
    } finally {
      hub.clock.now = start;
    }
  });
});

describe("old sign-in records", () => {
  it("are forgotten after a day, alike for emails with and without accounts; a live lock is kept", async () => {
    const { eq } = await import("drizzle-orm");
    const { signInLockouts } = await import("../../db/schema");
    const { lockoutKey } = await import("../../lib/crypto");
    const { discardOldSignInRecords } = await import("./auth.service");
    const user = await makeUser(hub, null);
    const ghost = `ghost-${uniq()}@example.test`;
    const fresh = `fresh-${uniq()}@example.test`;
    const rowOf = async (email: string) =>
      (
        await hub.deps.db
          .select()
          .from(signInLockouts)
          .where(eq(signInLockouts.emailKey, lockoutKey(SECRET, email)))
      )[0];
    for (const email of [user.email, ghost])
      await new Client(hub).post("/api/auth/sign-in", { email, password: "wrong" });
    expect(await rowOf(user.email)).toMatchObject({ failedSignIns: 1 });

    const start = hub.clock.now;
    hub.clock.now = new Date(start.getTime() + 25 * 3600_000);
    try {
      for (let i = 0; i < 5; i++) await new Client(hub).post("/api/auth/sign-in", { email: fresh, password: "wrong" });
      await discardOldSignInRecords(hub.deps);
      expect(await rowOf(user.email)).toBeUndefined();
      expect(await rowOf(ghost)).toBeUndefined();
      expect((await rowOf(fresh))?.lockedUntil).toBeTruthy();
    } finally {
      hub.clock.now = start;
    }
  });
});

describe("security events in the audit trail", () => {
  it("records sign-in, lock-out and sign-out against the user", async () => {
    const { sql } = await import("drizzle-orm");
    const { providerAdmin } = await makeSystem(hub);
    const client = new Client(hub);
    for (let i = 0; i < 5; i++)
      await client.post("/api/auth/sign-in", { email: providerAdmin.email, password: `wrong ${i}` });
    const start = hub.clock.now;
    hub.clock.now = new Date(start.getTime() + 16 * 60_000);
    try {
      await client.post("/api/auth/sign-in", { email: providerAdmin.email, password: PASSWORD });
      await client.post("/api/auth/sign-out");
    } finally {
      hub.clock.now = start;
    }
    const rows = (
      await hub.deps.db.execute(
        sql`select action from audit_log where entity_id = ${providerAdmin.id} and action in ('lock', 'sign_in', 'sign_out') order by id`,
      )
    ).rows as { action: string }[];
    expect(rows.map((r) => r.action)).toEqual(["lock", "sign_in", "sign_out"]);
  });
});
