import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applications, emailVerifications, jobAdverts, outbox, staffRecords, users } from "../src/server/db/schema";
import { sha256 } from "../src/server/lib/crypto";
import { boardCouncil, insertAdvert } from "./board-helpers";
import { advert, board, candidate, slot } from "./candidate-fixtures";
import { apply, employerWithAdvert } from "./employer-helpers";
import { Client, type Hub, lastEmailTo, makeOrg, makeUser, PASSWORD, signedIn, testHub, uniq } from "./harness";
import { parseXml } from "./xml";

// Joint recruitment (issue 17) attacked from outside and by signed-in people of the wrong kind,
// through the HTTP app. Each test fails if the defence it names breaks.

let hub: Hub;
beforeAll(async () => {
  hub = await testHub();
});

const mailsTo = async (address: string) => hub.deps.db.select().from(outbox).where(eq(outbox.toAddress, address));

describe("candidate sign-up and its email link", () => {
  it("answers the same for a new email, an existing staff account and an existing candidate", async () => {
    const { council } = await board(hub);
    const staff = await makeUser(hub, council, "council_admin");
    const known = await candidate(hub, council);
    const answers = [];
    for (const email of [`new-${uniq()}@example.test`, staff.email, known.email]) {
      const res = await new Client(hub).post("/api/public/candidates", {
        council: council.slug,
        name: "Probe Person",
        email,
        password: "another long password 1",
      });
      answers.push({ status: res.status, body: res.text });
    }
    expect(answers[0].status).toBe(202);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // The staff account's password is not changed by someone typing its email.
    await signedIn(hub, staff.email);
  });

  it("a link works once, not after 48 hours, and a made-up token signs no one in", async () => {
    const { council } = await board(hub);
    const email = `once-${uniq()}@example.test`;
    const c = new Client(hub);
    await c.post("/api/public/candidates", { council: council.slug, name: "Once", email, password: PASSWORD });
    const token = (await lastEmailTo(hub, email))?.token as string;
    expect(token).toBeTruthy();
    const first = await new Client(hub).post("/api/public/candidates/verify", { token });
    expect(first.status).toBe(200);
    const again = await new Client(hub).post("/api/public/candidates/verify", { token });
    expect(again.status).toBe(400);
    expect(again.headers.get("set-cookie") ?? "").not.toMatch(/hub_session=[^;]+/);
    const guessed = await new Client(hub).post("/api/public/candidates/verify", { token: `${token.slice(0, -2)}xx` });
    expect(guessed.status).toBe(400);

    const late = `late-${uniq()}@example.test`;
    await c.post("/api/public/candidates", { council: council.slug, name: "Late", email: late, password: PASSWORD });
    const lateToken = (await lastEmailTo(hub, late))?.token as string;
    const saved = hub.clock.now;
    hub.clock.now = new Date(saved.getTime() + 49 * 3_600_000);
    try {
      expect((await new Client(hub).post("/api/public/candidates/verify", { token: lateToken })).status).toBe(400);
    } finally {
      hub.clock.now = saved;
    }
    // Only the token's hash is kept.
    const rows = await hub.deps.db.select().from(emailVerifications);
    expect(rows.some((r) => r.tokenHash === lateToken)).toBe(false);
    expect(rows.some((r) => r.tokenHash === sha256(lateToken))).toBe(true);
  });

  it("someone who signs up with another person's email first cannot keep a way into the account once its owner confirms it", async () => {
    const { council } = await board(hub);
    const victim = `victim-${uniq()}@example.test`;
    const attacker = new Client(hub);
    await attacker.post("/api/public/candidates", {
      council: council.slug,
      name: "Not the owner",
      email: victim,
      password: "attacker password 123",
    });
    const firstLink = (await lastEmailTo(hub, victim))?.token;
    // The attacker signs in with the password they chose, before the owner ever sees the email.
    const attackerSession = await signedIn(hub, victim, "attacker password 123");
    expect((await attackerSession.get("/api/auth/me")).status).toBe(200);

    // The owner signs up themselves, gets a link and opens it.
    const owner = new Client(hub);
    await owner.post("/api/public/candidates", {
      council: council.slug,
      name: "Owner",
      email: victim,
      password: "owner password 12345",
    });
    const token = (await lastEmailTo(hub, victim))?.token;
    // The link the first sign-up sent no longer works: only the newest does.
    expect((await new Client(hub).post("/api/public/candidates/verify", { token: firstLink })).status).toBe(400);
    expect((await owner.post("/api/public/candidates/verify", { token })).status).toBe(200);
    await owner.get("/api/auth/me");
    await owner.request("PUT", `/api/orgs/${council.id}/candidate/profile`, {
      phone: "07700 900555",
      experience: "Private experience",
    });

    // The attacker's session ended and their password no longer opens the account; the owner's does.
    expect((await attackerSession.get(`/api/orgs/${council.id}/candidate/profile`)).status).toBe(401);
    const again = await new Client(hub).post("/api/auth/sign-in", { email: victim, password: "attacker password 123" });
    expect(again.status).toBe(401);
    await signedIn(hub, victim, "owner password 12345");
    const [user] = await hub.deps.db.select().from(users).where(eq(users.email, victim));
    expect(user.name).toBe("Owner");
  });

  it("typing the email of a work account that joined a board unconfirmed never changes its password", async () => {
    const { council } = await board(hub);
    const org = await makeOrg(hub, "provider");
    const provider = await makeUser(hub, org, "provider_admin");
    const worker = await signedIn(hub, provider.email);
    expect((await worker.post("/api/candidates/join", { council: council.slug })).status).toBe(201);
    const [before] = await hub.deps.db.select().from(users).where(eq(users.id, provider.id));
    const res = await new Client(hub).post("/api/public/candidates", {
      council: council.slug,
      name: "Someone else",
      email: provider.email,
      password: "attacker password 123",
    });
    expect(res.status).toBe(202);
    const [after] = await hub.deps.db.select().from(users).where(eq(users.id, provider.id));
    expect(before.emailVerifiedAt).toBeNull();
    expect(after.passwordHash).toBe(before.passwordHash);
    await signedIn(hub, provider.email);
  });
});
