import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { advert, board, candidate, employerQuestion } from "../../../../test/candidate-fixtures";
import { Client, lastEmailTo, makeUser, PASSWORD, signedIn, testHub, uniq } from "../../../../test/harness";
import {
  applicationEvents,
  applications,
  auditLog,
  candidateConsents,
  candidateProfiles,
  memberships,
  users,
} from "../../db/schema";
import { SHIPPED_FRAMEWORK } from "../frameworks/shipped-framework";

const hub = await testHub();
const QUAL = SHIPPED_FRAMEWORK.catalogue[0].key;
const ROLE = SHIPPED_FRAMEWORK.roles[0].key;

const appsOf = (userId: string) =>
  hub.deps.db.select().from(applications).where(eq(applications.candidateUserId, userId));

describe("a candidate's account", () => {
  it("signs up with no verified email, gets a link, and the link confirms the address and signs them in", async () => {
    const { council } = await board(hub);
    const email = `new-${uniq()}@example.test`;
    const client = new Client(hub);
    const res = await client.post("/api/public/candidates", {
      council: council.slug,
      name: "Sam Jones",
      email,
    });
    expect(res.status).toBe(202);
    const [user] = await hub.deps.db.select().from(users).where(eq(users.email, email));
    expect(user.emailVerifiedAt).toBeNull();
    expect(
      (await hub.deps.db.select().from(memberships).where(eq(memberships.userId, user.id))).map((m) => [
        m.orgId,
        m.role,
      ]),
    ).toEqual([[council.id, "candidate"]]);
    expect(
      (await hub.deps.db.select().from(candidateProfiles).where(eq(candidateProfiles.userId, user.id))).length,
    ).toBe(1);

    const mail = await lastEmailTo(hub, email);
    expect(mail?.template).toBe("candidate-verify");
    expect(mail?.body).toContain("/jobs/account/verify?token=");
    // Only the hash of the token is stored.
    const stored = await hub.deps.db.execute(`select token_hash from email_verifications where user_id = '${user.id}'`);
    expect(JSON.stringify(stored.rows)).not.toContain(mail?.token as string);

    // The account has no password until the link's page sets one: nobody can sign in to it, and
    // the link asks for it without being used up.
    expect(user.passwordHash).toBeNull();
    expect((await new Client(hub).post("/api/auth/sign-in", { email, password: PASSWORD })).status).toBe(401);
    const asks = await client.post("/api/public/candidates/verify", { token: mail?.token });
    expect(asks.status).toBe(400);
    expect(asks.json.error).toMatchObject({ code: "password_needed", issues: [{ path: "password" }] });
    const short = await client.post("/api/public/candidates/verify", { token: mail?.token, password: "short" });
    expect(short.json.error.issues[0].path).toBe("password");
    const verified = await client.post("/api/public/candidates/verify", { token: mail?.token, password: PASSWORD });
    expect(verified.status).toBe(200);
    await signedIn(hub, email);
    expect(verified.json).toEqual({ ok: true, signedIn: true, orgId: council.id });
    expect((await hub.deps.db.select().from(users).where(eq(users.id, user.id)))[0].emailVerifiedAt).not.toBeNull();
    const me = await client.get("/api/auth/me");
    expect(me.json.user.email).toBe(email);
    expect((await client.get(`/api/orgs/${council.id}/candidate/profile`)).status).toBe(200);
    // One use only.
    const again = await new Client(hub).post("/api/public/candidates/verify", { token: mail?.token });
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe("link_invalid");
  });

  it("answers the same for an email that already has an account, and emails its owner instead", async () => {
    const { council, employers } = await board(hub);
    const staff = await makeUser(hub, employers[0].org, "provider_viewer");
    const fresh = await new Client(hub).post("/api/public/candidates", {
      council: council.slug,
      name: "Someone",
      email: `x-${uniq()}@example.test`,
    });
    const existing = await new Client(hub).post("/api/public/candidates", {
      council: council.slug,
      name: "Someone",
      email: staff.email.toUpperCase(),
    });
    expect(existing.status).toBe(fresh.status);
    expect(existing.json).toEqual(fresh.json);
    expect((await lastEmailTo(hub, staff.email))?.template).toBe("candidate-exists");
    // The account is untouched: no candidate membership, its password still works.
    expect((await hub.deps.db.select().from(memberships).where(eq(memberships.userId, staff.id))).length).toBe(1);
    await signedIn(hub, staff.email);
  });

  it("gives a candidate who came by an invitation to the role an empty profile, not a dead end", async () => {
    const { council } = await board(hub);
    const invited = await makeUser(hub, council, "candidate");
    const client = await signedIn(hub, invited.email);
    const profile = await client.get(`/api/orgs/${council.id}/candidate/profile`);
    expect(profile.status, profile.text).toBe(200);
    expect((await client.get(`/api/orgs/${council.id}/candidate/applications`)).json.applications).toEqual([]);
    // The council's other people are not given one.
    const analyst = await signedIn(hub, (await makeUser(hub, council, "council_analyst")).email);
    expect((await analyst.get(`/api/orgs/${council.id}/candidate/profile`)).status).toBe(403);
  });

  it("lets someone with an account (a care worker) use it on a council's board, confirming the email first", async () => {
    const { council, employers } = await board(hub);
    const worker = await makeUser(hub, employers[0].org, "staff_member");
    const client = await signedIn(hub, worker.email);
    const joined = await client.post("/api/candidates/join", { council: council.slug });
    expect(joined.status).toBe(201);
    expect(joined.json).toEqual({ orgId: council.id, emailVerified: false });
    expect((await lastEmailTo(hub, worker.email))?.template).toBe("candidate-verify");
    expect((await client.get(`/api/orgs/${council.id}/candidate/profile`)).status).toBe(200);
    // Again: nothing new.
    expect((await client.post("/api/candidates/join", { council: council.slug })).json.orgId).toBe(council.id);
    // Someone who works for the council itself cannot be a candidate on its board with the same account.
    const officer = await signedIn(hub, (await makeUser(hub, council, "council_analyst")).email);
    const refused = await officer.post("/api/candidates/join", { council: council.slug });
    expect(refused.status).toBe(409);
    expect(await new Client(hub).post("/api/candidates/join", { council: council.slug })).toMatchObject({
      status: 401,
    });
    // Deleting the candidate account keeps the work account.
    await client.post(`/api/orgs/${council.id}/candidate/account/delete`, { password: PASSWORD });
    expect((await hub.deps.db.select().from(users).where(eq(users.id, worker.id))).length).toBe(1);
    expect(
      (await hub.deps.db.select().from(memberships).where(eq(memberships.userId, worker.id))).map((m) => m.role),
    ).toEqual(["staff_member"]);
  });

  it("are limited to 10 an hour from one network, with the same answer whatever the emails", async () => {
    const { council } = await board(hub);
    const client = new Client(hub);
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await client.post("/api/public/candidates", {
            council: council.slug,
            name: "Bulk",
            email: `bulk-${i}-${uniq()}@example.test`,
          })
        ).status,
      );
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
  });

  it("names bad fields: no name, an unknown council, an email that is not one", async () => {
    const { council } = await board(hub);
    const bad = await new Client(hub).post("/api/public/candidates", {
      council: council.slug,
      name: "",
      email: "not-an-email",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["email", "name"]);
    const nowhere = await new Client(hub).post("/api/public/candidates", {
      council: `nowhere-${uniq()}`,
      name: "Sam",
      email: `s-${uniq()}@example.test`,
    });
    expect(nowhere.status).toBe(400);
    expect(nowhere.json.error.issues[0].path).toBe("council");
  });
});

describe("the profile", () => {
  it("saves framework catalogue items and roles, refusing keys that are not in the council's framework", async () => {
    const { council } = await board(hub);
    const me = await candidate(hub, council);
    const got = await me.client.get(`/api/orgs/${council.id}/candidate/profile`);
    expect(got.json.options.qualifications.map((q: { key: string }) => q.key)).toContain(QUAL);
    const bad = await me.client.request("PUT", `/api/orgs/${council.id}/candidate/profile`, {
      qualifications: [QUAL, "made_up_diploma"],
      preferredRoles: ["astronaut"],
      preferredAreas: ["WA7", "not a place"],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["preferredAreas.1"]);
    const badKeys = await me.client.request("PUT", `/api/orgs/${council.id}/candidate/profile`, {
      qualifications: [QUAL, "made_up_diploma"],
      preferredRoles: ["astronaut"],
    });
    expect(badKeys.status).toBe(400);
    expect(badKeys.json.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "qualifications.1",
      "preferredRoles.0",
    ]);
    const ok = await me.client.request("PUT", `/api/orgs/${council.id}/candidate/profile`, {
      phone: "01632 960 001",
      postcode: "wa71ab",
      experience: "Two years caring for my grandmother.\nVolunteer at a day centre.",
      qualifications: [QUAL],
      rightToWork: "yes",
      drivingLicence: true,
      availability: "Weekdays",
      preferredRoles: [ROLE],
      preferredAreas: ["wa7 1ab", "WA8"],
    });
    expect(ok.status).toBe(200);
    expect(ok.json.profile).toMatchObject({
      postcode: "WA7 1AB",
      qualifications: [QUAL],
      preferredRoles: [ROLE],
      preferredAreas: ["WA7", "WA8"],
      drivingLicence: true,
    });
  });
});

describe("applying once to several adverts", () => {
  async function setUp() {
    const b = await board(hub);
    const [a1, a2] = [
      await advert(hub, b.council.id, b.employers[0].org.id),
      await advert(hub, b.council.id, b.employers[1].org.id),
    ];
    const own = await employerQuestion(hub, b.council.id, b.employers[1].org.id, a2.id);
    const me = await candidate(hub, b.council);
    await me.client.request("PUT", `/api/orgs/${b.council.id}/candidate/profile`, {
      phone: "01632 960 002",
      experience: "Care home volunteer",
      rightToWork: "yes",
      qualifications: [QUAL],
    });
    return { ...b, a1, a2, own, me };
  }

  it("asks the hub's questions once and each employer's own for its advert, and sends one application per advert", async () => {
    const s = await setUp();
    const q = await s.me.client.get(`/api/orgs/${s.council.id}/candidate/questions?advertIds=${s.a1.id},${s.a2.id}`);
    expect(q.status).toBe(200);
    expect(q.json.questions.map((x: { id: string; advertIds: string[] }) => [x.id, x.advertIds.sort()])).toEqual([
      [s.hubQuestion.id, [s.a1.id, s.a2.id].sort()],
      [s.own.id, [s.a2.id]],
    ]);
    // A missing answer: refused by the question, nothing saved.
    const missing = await s.me.client.post(`/api/orgs/${s.council.id}/candidate/applications`, {
      advertIds: [s.a1.id, s.a2.id],
      answers: [
        { questionId: s.hubQuestion.id, answer: "I sat with her." },
        { questionId: s.own.id, answer: "   " },
      ],
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.issues).toEqual([
      { path: `answers.${s.own.id}`, message: expect.stringContaining("dignity") },
    ]);
    expect(await appsOf(s.me.id)).toEqual([]);

    const res = await s.me.client.post(`/api/orgs/${s.council.id}/candidate/applications`, {
      advertIds: [s.a1.id, s.a2.id],
      answers: [
        { questionId: s.hubQuestion.id, answer: "I sat with her." },
        { questionId: s.own.id, answer: "I knock and ask." },
      ],
      source: s.campaign.code.toLowerCase(),
    });
    expect(res.status).toBe(201);
    const rows = await appsOf(s.me.id);
    expect(rows.map((r) => r.advertId).sort()).toEqual([s.a1.id, s.a2.id].sort());
    const toA2 = rows.find((r) => r.advertId === s.a2.id) as (typeof rows)[number];
    expect(toA2).toMatchObject({
      orgId: s.employers[1].org.id,
      name: "Amira Khan",
      email: s.me.email,
      phone: "01632 960 002",
      stage: "applied",
      source: "campaign",
      campaignId: s.campaign.id,
    });
    expect(toA2.profile).toMatchObject({
      experience: "Care home volunteer",
      // As the candidate saw it: the catalogue item's title.
      qualifications: [SHIPPED_FRAMEWORK.catalogue[0].title],
    });
    expect((toA2.answers as { questionId: string }[]).map((a) => a.questionId)).toEqual([s.hubQuestion.id, s.own.id]);
    expect((rows.find((r) => r.advertId === s.a1.id) as (typeof rows)[number]).answers).toHaveLength(1);
    const events = await hub.deps.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, toA2.id as string));
    expect(events.map((e) => [e.fromStage, e.toStage])).toEqual([[null, "applied"]]);
    const mail = await lastEmailTo(hub, s.me.email);
    expect(mail?.template).toBe("application-received");
    expect(mail?.body).toContain(s.a1.title);
    expect(mail?.body).toContain(s.a2.title);

    // Again with one already applied for: a clear message naming it, and nothing saved for the other.
    const a3 = await advert(hub, s.council.id, s.employers[0].org.id);
    const again = await s.me.client.post(`/api/orgs/${s.council.id}/candidate/applications`, {
      advertIds: [a3.id, s.a1.id],
      answers: [{ questionId: s.hubQuestion.id, answer: "Again" }],
    });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain(s.a1.title);
    expect((await appsOf(s.me.id)).length).toBe(2);
  });

  it("refuses closed adverts, another council's adverts and an unverified email, naming the advert", async () => {
    const s = await setUp();
    const closed = await advert(hub, s.council.id, s.employers[0].org.id, { closingDate: "2026-06-14" });
    const elsewhere = await board(hub);
    const theirs = await advert(hub, elsewhere.council.id, elsewhere.employers[0].org.id);
    const res = await s.me.client.post(`/api/orgs/${s.council.id}/candidate/applications`, {
      advertIds: [s.a1.id, closed.id, theirs.id],
      answers: [{ questionId: s.hubQuestion.id, answer: "x" }],
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([
      { path: "advertIds.1", message: expect.stringContaining(`${closed.title}`) },
      { path: "advertIds.2", message: "We could not find that job on this job board" },
    ]);
    expect(await appsOf(s.me.id)).toEqual([]);

    const unverified = await candidate(hub, s.council, { verified: false });
    const refused = await unverified.client.post(`/api/orgs/${s.council.id}/candidate/applications`, {
      advertIds: [s.a1.id],
      answers: [{ questionId: s.hubQuestion.id, answer: "x" }],
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("email_unverified");
  });

  it("lists applications with their status, says kindly why one was not taken forward, and withdraws", async () => {
    const s = await setUp();
    await s.me.client.post(`/api/orgs/${s.council.id}/candidate/applications`, {
      advertIds: [s.a1.id, s.a2.id],
      answers: [
        { questionId: s.hubQuestion.id, answer: "x" },
        { questionId: s.own.id, answer: "y" },
      ],
    });
    const [r1, r2] = await appsOf(s.me.id);
    await hub.deps.db
      .update(applications)
      .set({ stage: "rejected", rejectionReason: "position_filled" })
      .where(eq(applications.id, r1.id));
    const list = await s.me.client.get(`/api/orgs/${s.council.id}/candidate/applications`);
    const rejected = list.json.applications.find((a: { id: string }) => a.id === r1.id);
    expect(rejected).toMatchObject({ status: "Not taken forward", canWithdraw: false });
    expect(rejected.reason).toContain("the position was filled");
    expect(list.json.applications.find((a: { id: string }) => a.id === r2.id)).toMatchObject({
      status: "Applied",
      reason: null,
      canWithdraw: true,
    });
    const w = await s.me.client.post(`/api/orgs/${s.council.id}/candidate/applications/${r2.id}/withdraw`, {});
    expect(w.status).toBe(200);
    expect(w.json.application.stage).toBe("withdrawn");
    const events = await hub.deps.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, r2.id))
      .orderBy(asc(applicationEvents.at));
    expect(events.map((e) => e.toStage)).toEqual(["applied", "withdrawn"]);
    expect(
      (await s.me.client.post(`/api/orgs/${s.council.id}/candidate/applications/${r1.id}/withdraw`, {})).status,
    ).toBe(409);
  });

  it("answers 404 to a candidate asking for another candidate's application", async () => {
    const s = await setUp();
    await s.me.client.post(`/api/orgs/${s.council.id}/candidate/applications`, {
      advertIds: [s.a1.id],
      answers: [{ questionId: s.hubQuestion.id, answer: "x" }],
    });
    const [mine] = await appsOf(s.me.id);
    await hub.deps.db.update(applications).set({ stage: "interview" }).where(eq(applications.id, mine.id));
    const other = await candidate(hub, s.council, { name: "Other Person" });
    const base = `/api/orgs/${s.council.id}/candidate/applications/${mine.id}`;
    for (const res of [
      await other.client.post(`${base}/withdraw`, {}),
      await other.client.get(`${base}/slots`),
      await other.client.request("PUT", `${base}/booking`, { slotId: "00000000-0000-4000-8000-000000000000" }),
      await other.client.delete(`${base}/booking`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect((await other.client.get(`/api/orgs/${s.council.id}/candidate/applications`)).json.applications).toEqual([]);
    expect((await appsOf(s.me.id))[0].stage).toBe("interview");
  });
});

describe("applying without an account", () => {
  it("keeps an application with no user, emails a confirmation, and does not keep a repeat", async () => {
    const b = await board(hub);
    const a = await advert(hub, b.council.id, b.employers[0].org.id);
    const q = await new Client(hub).get(`/api/public/jobs/${a.id}/questions`);
    expect(q.json.questions.map((x: { id: string }) => x.id)).toEqual([b.hubQuestion.id]);
    const email = `guest-${uniq()}@example.test`;
    const body = {
      name: "Guest Person",
      email,
      phone: "07700 900982",
      rightToWork: "yes",
      experience: "",
      answers: [{ questionId: b.hubQuestion.id, answer: "I listened." }],
    };
    const bad = await new Client(hub).post(`/api/public/jobs/${a.id}/apply`, { ...body, phone: "", answers: [] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["phone"]);
    const unanswered = await new Client(hub).post(`/api/public/jobs/${a.id}/apply`, { ...body, answers: [] });
    expect(unanswered.status).toBe(400);
    expect(unanswered.json.error.issues[0].path).toBe(`answers.${b.hubQuestion.id}`);

    const ok = await new Client(hub).post(`/api/public/jobs/${a.id}/apply`, body);
    expect(ok.status).toBe(201);
    const rows = await hub.deps.db.select().from(applications).where(eq(applications.advertId, a.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ candidateUserId: null, name: "Guest Person", email, source: "board" });
    expect((await lastEmailTo(hub, email))?.template).toBe("application-received");
    const repeat = await new Client(hub).post(`/api/public/jobs/${a.id}/apply`, body);
    expect(repeat.status).toBe(201);
    expect(repeat.json).toEqual(ok.json);
    expect(await hub.deps.db.select({ n: count() }).from(applications).where(eq(applications.advertId, a.id))).toEqual([
      { n: 1 },
    ]);
    const closed = await advert(hub, b.council.id, b.employers[0].org.id, { status: "closed" });
    expect((await new Client(hub).post(`/api/public/jobs/${closed.id}/apply`, body)).status).toBe(409);
  });
});

describe("the talent pool", () => {
  async function pooled() {
    const b = await board(hub);
    const me = await candidate(hub, b.council, { name: "Amira Khan" });
    await me.client.request("PUT", `/api/orgs/${b.council.id}/candidate/profile`, {
      phone: "07700 900111",
      postcode: "WA7 1AB",
      experience: "Home care, 3 years",
      qualifications: [QUAL],
      preferredRoles: [ROLE],
      rightToWork: "yes",
    });
    const employerA = await signedIn(hub, b.employers[0].admin.email);
    const employerB = await signedIn(hub, b.employers[1].admin.email);
    const search = async (client: Client, orgId: string, q = "") =>
      (await client.get(`/api/orgs/${orgId}/recruitment/pool${q}`)).json;
    return { ...b, me, employerA, employerB, search };
  }

  it("shows a consenting candidate with only what they shared, and not after consent is withdrawn", async () => {
    const s = await pooled();
    const orgA = s.employers[0].org.id;
    expect((await s.search(s.employerA, orgA)).candidates).toEqual([]);
    const put = await s.me.client.request("PUT", `/api/orgs/${s.council.id}/candidate/pool`, { visibility: "all" });
    expect(put.status).toBe(200);
    const found = await s.search(s.employerA, orgA);
    expect(found.candidates).toHaveLength(1);
    expect(found.candidates[0]).toMatchObject({
      id: s.me.id,
      name: "Amira K.",
      area: "WA7",
      experience: "Home care, 3 years",
      rightToWork: "yes",
    });
    expect(found.candidates[0].qualifications[0].key).toBe(QUAL);
    const text = JSON.stringify(found);
    for (const secret of [s.me.email, "07700 900111", "Khan", "WA7 1AB"]) expect(text).not.toContain(secret);
    // Filters.
    expect((await s.search(s.employerA, orgA, `?role=${ROLE}`)).candidates).toHaveLength(1);
    expect((await s.search(s.employerA, orgA, "?role=other_role")).candidates).toHaveLength(0);
    expect((await s.search(s.employerA, orgA, "?area=WA7")).candidates).toHaveLength(1);
    expect((await s.search(s.employerA, orgA, "?area=L1")).candidates).toHaveLength(0);
    // The council itself (it recruits for its own services) sees the pool of its board too.
    const councilAdmin = await signedIn(hub, (await makeUser(hub, s.council, "council_admin")).email);
    expect((await s.search(councilAdmin, s.council.id)).candidates).toHaveLength(1);

    await s.me.client.request("PUT", `/api/orgs/${s.council.id}/candidate/pool`, { visibility: "none" });
    expect((await s.search(s.employerA, orgA)).candidates).toEqual([]);
    const consents = await hub.deps.db
      .select()
      .from(candidateConsents)
      .where(eq(candidateConsents.candidateUserId, s.me.id));
    expect(consents.map((c) => c.choice).sort()).toEqual(["all", "none"]);
    const history = (await s.me.client.get(`/api/orgs/${s.council.id}/candidate/pool`)).json.history;
    expect(history.map((h: { choice: string }) => h.choice)).toEqual(["none", "all"]);
  });

  it("shows a candidate who chose employers only to those employers", async () => {
    const s = await pooled();
    const [a, b] = s.employers.map((e) => e.org.id);
    const refused = await s.me.client.request("PUT", `/api/orgs/${s.council.id}/candidate/pool`, {
      visibility: "chosen",
      employerIds: [(await board(hub)).employers[0].org.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.issues[0].path).toBe("employerIds.0");
    await s.me.client.request("PUT", `/api/orgs/${s.council.id}/candidate/pool`, {
      visibility: "chosen",
      employerIds: [b],
    });
    expect((await s.search(s.employerA, a)).candidates).toEqual([]);
    expect((await s.search(s.employerB, b)).candidates.map((c: { id: string }) => c.id)).toEqual([s.me.id]);
    // Another council's provider never sees this board's pool.
    const elsewhere = await board(hub);
    const outsider = await signedIn(hub, elsewhere.employers[0].admin.email);
    await s.me.client.request("PUT", `/api/orgs/${s.council.id}/candidate/pool`, { visibility: "all" });
    expect((await s.search(outsider, elsewhere.employers[0].org.id)).candidates).toEqual([]);
  });

  it("does not show candidates whose email is not verified", async () => {
    const s = await pooled();
    const unverified = await candidate(hub, s.council, { verified: false, name: "Not Verified" });
    const joined = await unverified.client.request("PUT", `/api/orgs/${s.council.id}/candidate/pool`, {
      visibility: "all",
    });
    expect(joined.status).toBe(200);
    const found = async () =>
      (await s.search(s.employerA, s.employers[0].org.id)).candidates.map((c: { id: string }) => c.id);
    expect(await found()).not.toContain(unverified.id);
    // Once the address is confirmed, the same choice puts them in the pool.
    await hub.deps.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, unverified.id));
    expect(await found()).toContain(unverified.id);
  });

  it("lets an employer invite a pooled candidate, who sees it and applies with the invitation as the source", async () => {
    const s = await pooled();
    const orgA = s.employers[0].org.id;
    const job = await advert(hub, s.council.id, orgA);
    const notPooled = await s.employerA.post(`/api/orgs/${orgA}/recruitment/pool/${s.me.id}/invitations`, {
      advertId: job.id,
    });
    expect(notPooled.status).toBe(404);
    await s.me.client.request("PUT", `/api/orgs/${s.council.id}/candidate/pool`, { visibility: "all" });
    const theirJob = await advert(hub, s.council.id, s.employers[1].org.id);
    const wrong = await s.employerA.post(`/api/orgs/${orgA}/recruitment/pool/${s.me.id}/invitations`, {
      advertId: theirJob.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.issues[0].path).toBe("advertId");
    const sent = await s.employerA.post(`/api/orgs/${orgA}/recruitment/pool/${s.me.id}/invitations`, {
      advertId: job.id,
      message: "We would love to meet you.",
    });
    expect(sent.status).toBe(201);
    const mail = await lastEmailTo(hub, s.me.email);
    expect(mail?.template).toBe("pool-invitation");
    expect(mail?.body).toContain("We would love to meet you.");
    const seen = await s.me.client.get(`/api/orgs/${s.council.id}/candidate/invitations`);
    expect(seen.json.invitations).toEqual([
      expect.objectContaining({ advert: expect.objectContaining({ id: job.id, open: true }), applied: false }),
    ]);
    await s.me.client.post(`/api/orgs/${s.council.id}/candidate/applications`, {
      advertIds: [job.id],
      answers: [{ questionId: s.hubQuestion.id, answer: "Yes" }],
    });
    expect((await appsOf(s.me.id))[0].source).toBe("pool_invitation");
    expect((await s.me.client.get(`/api/orgs/${s.council.id}/candidate/invitations`)).json.invitations[0].applied).toBe(
      true,
    );
  });
});

describe("deleting the account", () => {
  it("takes the candidate out of the pool at once, signs them out everywhere, and leaves the employers' snapshot until its retention ends", async () => {
    const b = await board(hub);
    const me = await candidate(hub, b.council, { name: "Leaving Person" });
    const phone = await signedIn(hub, me.email);
    await me.client.request("PUT", `/api/orgs/${b.council.id}/candidate/pool`, { visibility: "all" });
    const employer = await signedIn(hub, b.employers[0].admin.email);
    const orgA = b.employers[0].org.id;
    expect((await employer.get(`/api/orgs/${orgA}/recruitment/pool`)).json.candidates).toHaveLength(1);
    const [open, done] = [await advert(hub, b.council.id, orgA), await advert(hub, b.council.id, orgA)];
    await me.client.post(`/api/orgs/${b.council.id}/candidate/applications`, {
      advertIds: [open.id, done.id],
      answers: [{ questionId: b.hubQuestion.id, answer: "x" }],
    });
    const doneApp = (await appsOf(me.id)).find((a) => a.advertId === done.id);
    await hub.deps.db
      .update(applications)
      .set({ stage: "rejected", stageChangedAt: new Date("2026-01-10T12:00:00Z") })
      .where(eq(applications.id, doneApp?.id as string));

    const wrong = await me.client.post(`/api/orgs/${b.council.id}/candidate/account/delete`, { password: "wrong" });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.issues[0].path).toBe("password");
    const res = await me.client.post(`/api/orgs/${b.council.id}/candidate/account/delete`, { password: PASSWORD });
    expect(res.status).toBe(200);

    expect((await employer.get(`/api/orgs/${orgA}/recruitment/pool`)).json.candidates).toEqual([]);
    expect((await phone.get("/api/auth/me")).json.user).toBeNull();
    expect((await me.client.get("/api/auth/me")).json.user).toBeNull();
    expect(await hub.deps.db.select().from(users).where(eq(users.id, me.id))).toEqual([]);
    expect(
      await hub.deps.db.select().from(candidateConsents).where(eq(candidateConsents.candidateUserId, me.id)),
    ).toEqual([]);

    const kept = await hub.deps.db
      .select()
      .from(applications)
      .where(and(eq(applications.orgId, orgA), eq(applications.name, "Leaving Person")));
    expect(kept).toHaveLength(2);
    const byAdvert = new Map(kept.map((k) => [k.advertId, k]));
    // In progress: withdrawn now, kept 6 months. Already decided in January: kept 6 months from then.
    expect(byAdvert.get(open.id)).toMatchObject({
      candidateUserId: null,
      stage: "withdrawn",
      retainUntil: "2026-12-15",
    });
    expect(byAdvert.get(done.id)).toMatchObject({ stage: "rejected", retainUntil: "2026-07-10" });
    expect(byAdvert.get(open.id)?.candidateDeletedAt).not.toBeNull();
    // The employer's audit trail says its application was withdrawn, and why.
    const trail = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgA), eq(auditLog.entityId, byAdvert.get(open.id)?.id as string)));
    expect(trail.map((e) => e.after)).toContainEqual({ stage: "withdrawn", reason: "account_deleted" });

    // The periodic job erases the personal details once the retention has run out.
    const { eraseExpiredCandidateData } = await import("./account.service");
    const then = hub.clock.now;
    try {
      hub.clock.now = new Date("2026-07-11T09:00:00Z");
      await eraseExpiredCandidateData(hub.deps);
    } finally {
      hub.clock.now = then;
    }
    const after = await hub.deps.db
      .select()
      .from(applications)
      .where(eq(applications.id, doneApp?.id as string));
    expect(after[0]).toMatchObject({ name: "Deleted candidate", email: "", phone: "", answers: [], stage: "rejected" });
    const still = await hub.deps.db
      .select()
      .from(applications)
      .where(eq(applications.id, byAdvert.get(open.id)?.id as string));
    expect(still[0].name).toBe("Leaving Person");
  });
});
