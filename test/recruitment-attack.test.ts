import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applications, emailVerifications, jobAdverts, outbox, staffRecords, users } from "../src/server/db/schema";
import { sha256 } from "../src/server/lib/crypto";
import { GUEST_CONFIRMATIONS_PER_EMAIL_PER_DAY } from "../src/server/modules/recruitment/apply.service";
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
    await c.post("/api/public/candidates", { council: council.slug, name: "Once", email });
    const token = (await lastEmailTo(hub, email))?.token as string;
    expect(token).toBeTruthy();
    const first = await new Client(hub).post("/api/public/candidates/verify", { token, password: PASSWORD });
    expect(first.status).toBe(200);
    const again = await new Client(hub).post("/api/public/candidates/verify", { token, password: PASSWORD });
    expect(again.status).toBe(400);
    expect(again.headers.get("set-cookie") ?? "").not.toMatch(/hub_session=[^;]+/);
    const guessed = await new Client(hub).post("/api/public/candidates/verify", { token: `${token.slice(0, -2)}xx` });
    expect(guessed.status).toBe(400);

    const late = `late-${uniq()}@example.test`;
    await c.post("/api/public/candidates", { council: council.slug, name: "Late", email: late });
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

  it("someone who signs up with another person's email holds no way into the account: its password is chosen on the emailed link's page", async () => {
    const { council } = await board(hub);
    const victim = `victim-${uniq()}@example.test`;
    const attacker = new Client(hub);
    const signUp = () =>
      attacker.post("/api/public/candidates", { council: council.slug, name: "Owner", email: victim });
    expect((await signUp()).status).toBe(202);
    // No password exists until the link is opened: nothing the attacker types signs in.
    for (const password of ["attacker password 123", PASSWORD])
      expect((await new Client(hub).post("/api/auth/sign-in", { email: victim, password })).status).toBe(401);
    // Asking again only sends the owner a newer link (the older one stops working), to the owner's inbox.
    const firstLink = (await lastEmailTo(hub, victim))?.token;
    expect((await signUp()).status).toBe(202);
    const token = (await lastEmailTo(hub, victim))?.token;
    expect(token).not.toBe(firstLink);
    expect(
      (await new Client(hub).post("/api/public/candidates/verify", { token: firstLink, password: PASSWORD })).status,
    ).toBe(400);
    // The owner opens the link and chooses the password; only that password opens the account.
    const owner = new Client(hub);
    expect(
      (await owner.post("/api/public/candidates/verify", { token, password: "owner password 12345" })).status,
    ).toBe(200);
    expect(
      (await new Client(hub).post("/api/auth/sign-in", { email: victim, password: "attacker password 123" })).status,
    ).toBe(401);
    await signedIn(hub, victim, "owner password 12345");
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
    });
    expect(res.status).toBe(202);
    const [after] = await hub.deps.db.select().from(users).where(eq(users.id, provider.id));
    expect(before.emailVerifiedAt).toBeNull();
    expect(after.passwordHash).toBe(before.passwordHash);
    await signedIn(hub, provider.email);
  });
});

describe("the public job board", () => {
  const nasty = {
    title: 'Carer </script><script>alert("t")</script> & "co"',
    summary: '<img src=x onerror=alert("s")> ]]> </title><meta http-equiv="refresh" content="0;url=https://evil.test">',
    description: 'Line one\n\n- <b>bold</b> & </script><!-- ]]>\n- &amp; "quoted"',
  };

  it("serves a job page whose advert text cannot break out of the JSON-LD, the title or the meta description", async () => {
    const { council, employer } = await boardCouncil(hub);
    const ad = await insertAdvert(hub, { councilId: council.id, orgId: employer.id }, nasty);
    const res = await hub.app.request(`/jobs/${ad.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    // One script element of JSON-LD, closed once, whatever the advert says.
    expect(html).not.toContain('<script>alert("t")');
    expect(html).not.toContain("<img src=x");
    expect(html).not.toMatch(/<meta http-equiv="refresh"/i);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const posting = JSON.parse(blocks[0][1]);
    expect(posting["@type"]).toBe("JobPosting");
    expect(posting.title).toBe(nasty.title);
    const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "";
    expect(title).not.toContain("<");
    expect(title).toContain("&lt;/script&gt;");
    for (const m of html.matchAll(/<meta[^>]*>/g)) expect(m[0]).not.toContain("<img");
  });

  it("keeps the feed well-formed XML whatever the advert text holds", async () => {
    const { council, employer } = await boardCouncil(hub);
    await insertAdvert(hub, { councilId: council.id, orgId: employer.id }, nasty);
    const res = await new Client(hub).get(`/api/public/jobs/feed.xml?council=${council.slug}`);
    expect(res.status).toBe(200);
    const doc = parseXml(res.text);
    const titles: string[] = [];
    const walk = (n: ReturnType<typeof parseXml>) => {
      if (n.name === "title") titles.push(n.text);
      n.children.forEach(walk);
    };
    walk(doc);
    expect(titles.some((t) => t.includes('</script><script>alert("t")'))).toBe(true);
  });

  it("refuses absurd search parameters with a 400 naming them, and treats SQL-ish words as words", async () => {
    const { council, employer } = await boardCouncil(hub);
    await insertAdvert(hub, { councilId: council.id, orgId: employer.id }, { title: "Night carer" });
    const c = new Client(hub);
    const base = `/api/public/jobs?council=${council.slug}`;
    for (const [param, field] of [
      ["radius=1000000000", "radius"],
      ["radius=NaN", "radius"],
      ["radius=-5", "radius"],
      ["page=99999999", "page"],
      ["page=-1", "page"],
      ["page=1e400", "page"],
      ["payMin=Infinity", "payMin"],
      ["payMin=-1", "payMin"],
      [`q=${"x".repeat(500)}`, "q"],
      ["role=8%27%20OR%201%3D1", "role"],
    ]) {
      const res = await c.get(`${base}&${param}`);
      expect(res.status, param).toBe(400);
      expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    const sqlish = await c.get(`${base}&q=${encodeURIComponent("'; drop table job_adverts; --")}`);
    expect(sqlish.status).toBe(200);
    expect(sqlish.json.total).toBe(0);
    // LIKE wildcards typed by a visitor are searched for as characters, not as "anything".
    for (const q of ["%", "_", "\\"]) {
      const res = await c.get(`${base}&q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.json.total, q).toBe(0);
    }
    expect((await c.get(`${base}&q=night`)).json.total).toBe(1);
    const other = await c.get(`/api/public/jobs?council=${encodeURIComponent("x' or '1'='1")}`);
    expect(other.status).toBe(400);
  });

  it("counts page views without failing anyone, once a day per visitor, and not for a closed advert or an unknown id", async () => {
    const { council, employer } = await boardCouncil(hub);
    const ad = await insertAdvert(hub, { councilId: council.id, orgId: employer.id });
    const closed = await insertAdvert(hub, { councilId: council.id, orgId: employer.id }, { status: "closed" });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => new Client(hub).get(`/api/public/jobs/${ad.id}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect((await new Client(hub).get(`/api/public/jobs/${closed.id}`)).status).toBe(404);
    expect((await new Client(hub).get(`/api/public/jobs/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await new Client(hub).get("/api/public/jobs/not-a-uuid'")).status).toBe(404);
    const { advertViewDays } = await import("../src/server/db/schema");
    const days = await hub.deps.db.select().from(advertViewDays);
    expect(days.filter((d) => d.advertId === ad.id).reduce((n, d) => n + d.views, 0)).toBe(20);
    expect(days.some((d) => d.advertId === closed.id)).toBe(false);
    // One visitor reloading (or a script asking) 30 times swells the views by one a day.
    const script = new Client(hub);
    for (let i = 0; i < 30; i++) expect((await script.get(`/api/public/jobs/${ad.id}`)).status).toBe(200);
    const after = await hub.deps.db.select().from(advertViewDays);
    expect(after.filter((d) => d.advertId === ad.id).reduce((n, d) => n + d.views, 0)).toBe(21);
    // Nothing that names the visitor is kept: only a hash of address, advert and day.
    const { signInAttempts } = await import("../src/server/db/schema");
    expect(JSON.stringify(await hub.deps.db.select().from(signInAttempts))).not.toContain("198.51.100.");
  });
});

describe("applying without an account", () => {
  async function open() {
    const { council, employers } = await board(hub);
    const ad = await advert(hub, council.id, employers[0].org.id);
    return { council, employers, ad };
  }
  const form = (email = `guest-${uniq()}@example.test`) => ({
    name: "Guest Person",
    email,
    phone: "07700 900123",
    rightToWork: "yes",
    experience: "Some care experience",
    answers: [] as { questionId: string; answer: string }[],
  });

  it("refuses NUL, line breaks and formula starts in one-line fields, naming the field, and saves nothing", async () => {
    const s = await open();
    const { hubQuestion } = {
      hubQuestion: (await hub.deps.db.query.valuesQuestions.findFirst({
        where: (q, { eq }) => eq(q.councilId, s.council.id),
      }))!,
    };
    const answers = [{ questionId: hubQuestion.id, answer: "I listen." }];
    const c = new Client(hub);
    for (const [body, field] of [
      [{ ...form(), answers, name: "Evil\u0000Name" }, "invalid_json"],
      [{ ...form(), answers, name: "Evil\r\nBcc: victim@example.test" }, "name"],
      [{ ...form(), answers, name: '=HYPERLINK("https://evil.test","x")' }, "name"],
      [{ ...form(), answers, name: "@SUM(A1)" }, "name"],
      [{ ...form(), answers, phone: "+44 7700\n900123" }, "phone"],
      [{ ...form(), answers, experience: "ok\u0000hidden" }, "invalid_json"],
      [{ ...form(), answers, experience: "ok\u0007bell" }, "experience"],
      [{ ...form(), answers, email: "a@b.test\r\nBcc: x@y.test" }, "email"],
      [{ ...form(), answers: [{ questionId: hubQuestion.id, answer: "=cmd|' /C calc'!A0" }] }, "answers.0.answer"],
    ] as const) {
      const res = await c.post(`/api/public/jobs/${s.ad.id}/apply`, body);
      expect(res.status, `${JSON.stringify(body)} ${res.text}`).toBe(400);
      // A NUL is refused for the whole body before any field is read.
      if (field === "invalid_json") expect(res.json.error.code).toBe("invalid_json");
      else
        expect(
          res.json.error.issues?.map((i: { path: string }) => i.path),
          res.text,
        ).toContain(field);
    }
    const rows = await hub.deps.db.select().from(applications).where(eq(applications.advertId, s.ad.id));
    expect(rows).toHaveLength(0);
  });

  it("refuses a huge body before reading it", async () => {
    const s = await open();
    const res = await new Client(hub).post(`/api/public/jobs/${s.ad.id}/apply`, {
      ...form(),
      experience: "x".repeat(3_000_000),
    });
    expect(res.status).toBe(413);
  });

  it("sends an employer at most 10 an hour from one network", async () => {
    const s = await open();
    const q = await hub.deps.db.query.valuesQuestions.findFirst({
      where: (v, { eq }) => eq(v.councilId, s.council.id),
    });
    const c = new Client(hub);
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await c.post(`/api/public/jobs/${s.ad.id}/apply`, {
            ...form(),
            answers: [{ questionId: q!.id, answer: "Yes" }],
          })
        ).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
  });
});

describe("privacy between employers, candidates and the council", () => {
  it("an employer cannot read, move, note or score another employer's application, and a bulk move with one foreign id moves nothing", async () => {
    const a = await employerWithAdvert(hub);
    const b = await employerWithAdvert(hub, { id: a.councilId });
    const theirs = await apply(hub, a);
    const mine = await apply(hub, b);
    const url = `${b.base}/applications/${theirs.id}`;
    expect((await b.client.get(url)).status).toBe(404);
    expect((await b.client.post(`${url}/move`, { stage: "screened" })).status).toBe(404);
    expect((await b.client.post(`${url}/notes`, { body: "peek" })).status).toBe(404);
    expect((await b.client.request("PUT", `${url}/checks`, { identitySeenOn: "2026-06-01" })).status).toBe(404);
    // Through its own org id with the other employer's application id, or the other's org id: nothing.
    expect([403, 404]).toContain((await b.client.get(`${a.base}/applications/${theirs.id}`)).status);
    const bulk = await b.client.post(`${b.base}/applications/move`, { ids: [mine.id, theirs.id], stage: "screened" });
    expect([400, 404, 422]).toContain(bulk.status);
    const rows = await hub.deps.db.select().from(applications).where(eq(applications.advertId, b.advert.id));
    expect(rows.map((r) => r.stage)).toEqual(["applied"]);
    const [untouched] = await hub.deps.db.select().from(applications).where(eq(applications.id, theirs.id));
    expect(untouched.stage).toBe("applied");
    const list = await b.client.get(`${b.base}/applications`);
    expect(list.text).not.toContain(theirs.email);
  });

  it("the council's hub team sees no provider's applications or checks, even by id", async () => {
    const e = await employerWithAdvert(hub);
    const a = await apply(hub, e);
    const council = await signedIn(hub, e.councilAdmin?.email as string);
    const councilBase = `/api/orgs/${e.councilId}/recruitment`;
    for (const path of [
      `${e.base}/applications`,
      `${e.base}/applications/${a.id}`,
      `${e.base}/applications/${a.id}/checks`,
      `${councilBase}/applications/${a.id}`,
      `${councilBase}/applications/${a.id}/checks`,
    ]) {
      const res = await council.get(path);
      expect([403, 404], path).toContain(res.status);
      expect(res.text).not.toContain(a.email);
    }
    const funnel = await council.get(`${councilBase}/funnel`);
    expect(funnel.text).not.toContain(a.email);
    expect(funnel.text).not.toContain(a.name);
  });

  it("a candidate cannot book another advert's interview time or one already taken, nor reach another's application", async () => {
    const { council, employers } = await board(hub);
    const ad = await advert(hub, council.id, employers[0].org.id);
    const otherAd = await advert(hub, council.id, employers[0].org.id);
    const one = await candidate(hub, council);
    const two = await candidate(hub, council);
    const q = await hub.deps.db.query.valuesQuestions.findFirst({ where: (v, { eq }) => eq(v.councilId, council.id) });
    const answers = [{ questionId: q!.id, answer: "I listen first." }];
    const base = `/api/orgs/${council.id}/candidate/applications`;
    const [mine] = (await one.client.post(base, { advertIds: [ad.id], answers })).json.applications;
    const [theirs] = (await two.client.post(base, { advertIds: [ad.id], answers })).json.applications;
    await hub.deps.db.update(applications).set({ stage: "interview" }).where(eq(applications.advertId, ad.id));
    const foreign = await slot(hub, employers[0].org.id, otherAd.id);
    const free = await slot(hub, employers[0].org.id, ad.id, "2026-06-21T10:00:00Z");
    const wrongAdvert = await one.client.request("PUT", `${base}/${mine.id}/booking`, { slotId: foreign.id });
    expect([400, 404, 409, 422]).toContain(wrongAdvert.status);
    expect((await one.client.request("PUT", `${base}/${mine.id}/booking`, { slotId: free.id })).status).toBe(200);
    const taken = await two.client.request("PUT", `${base}/${theirs.id}/booking`, { slotId: free.id });
    expect(taken.status).toBe(409);
    // Another candidate's application: 404 for every verb.
    expect((await two.client.get(`${base}/${mine.id}/slots`)).status).toBe(404);
    expect((await two.client.request("PUT", `${base}/${mine.id}/booking`, { slotId: free.id })).status).toBe(404);
    expect((await two.client.delete(`${base}/${mine.id}/booking`)).status).toBe(404);
    expect((await two.client.post(`${base}/${mine.id}/withdraw`, {})).status).toBe(404);
    const [still] = await hub.deps.db.select().from(applications).where(eq(applications.id, mine.id));
    expect(still.stage).toBe("interview");
  });

  it("a candidate who deletes their candidate account but keeps a work account shares no checks any more", async () => {
    const first = await employerWithAdvert(hub);
    const second = await employerWithAdvert(hub, { id: first.councilId });
    const org = await makeOrg(hub, "provider");
    const worker = await makeUser(hub, org, "provider_viewer");
    const client = await signedIn(hub, worker.email);
    const [council] = await hub.deps.db
      .select()
      .from((await import("../src/server/db/schema")).organisations)
      .where(eq((await import("../src/server/db/schema")).organisations.id, first.councilId));
    expect((await client.post("/api/candidates/join", { council: council.slug })).status).toBe(201);
    await hub.deps.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, worker.id));
    const atFirst = await apply(hub, first, worker);
    const atSecond = await apply(hub, second, worker);
    const CERT = "001234567899";
    await first.client.request("PUT", `${first.base}/applications/${atFirst.id}/checks`, {
      dbsLevel: "enhanced_barred_adults",
      dbsCertificateNumber: CERT,
    });
    const shares = `/api/orgs/${first.councilId}/candidate/check-shares`;
    expect((await client.post(shares, { fromApplicationId: atFirst.id, toApplicationId: atSecond.id })).status).toBe(
      201,
    );
    const secondUrl = `${second.base}/applications/${atSecond.id}/checks`;
    expect((await second.client.get(secondUrl)).text).toContain(CERT);
    const deleted = await client.post(`/api/orgs/${first.councilId}/candidate/account/delete`, { password: PASSWORD });
    expect(deleted.status).toBe(200);
    // Consent ends with the account: the second employer no longer sees the first one's checks.
    const after = await second.client.get(secondUrl);
    expect(after.text).not.toContain(CERT);
  });
});

describe("the stage machine and adverts under attack", () => {
  const start = { startDate: "2026-06-15", contract: 1, niNumber: "AB 12 34 56 C" };

  it("starts a person once: a second start, a move back or a withdrawal afterwards is refused and makes no second staff record", async () => {
    const e = await employerWithAdvert(hub);
    const { organisations } = await import("../src/server/db/schema");
    const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.id, e.councilId));
    const me = await candidate(hub, council);
    const client = me.client;
    const a = await apply(hub, e, me);
    // The candidate can withdraw it while it is open (so a refusal later is the stage, not the ownership).
    expect((await client.get(`/api/orgs/${e.councilId}/candidate/applications`)).text).toContain(a.id);
    const url = `${e.base}/applications/${a.id}/move`;
    await e.client.post(url, { stage: "offer" });
    const [first, second] = await Promise.all([
      e.client.post(url, { stage: "started", start, overrideChecks: true }),
      e.client.post(url, { stage: "started", start, overrideChecks: true }),
    ]);
    expect([first.status, second.status].sort(), first.text + second.text).toEqual([200, 409]);
    const again = await e.client.post(url, { stage: "started", start, overrideChecks: true });
    expect(again.status).toBe(409);
    const back = await e.client.post(url, { stage: "screened" });
    expect(back.status).toBe(409);
    const withdrawn = await client.post(`/api/orgs/${e.councilId}/candidate/applications/${a.id}/withdraw`, {});
    expect(withdrawn.status).toBe(409);
    const staff = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, e.provider.id));
    // The provider had one worker already (commissionedProvider); the start adds exactly one.
    expect(staff).toHaveLength(2);
    const [row] = await hub.deps.db.select().from(applications).where(eq(applications.id, a.id));
    expect(row.stage).toBe("started");
  });

  it("refuses pay under the National Living Wage when a published advert is edited, keeping the advert as it was", async () => {
    const e = await employerWithAdvert(hub);
    const url = `${e.base}/adverts/${e.advert.id}`;
    const cut = await e.client.patch(url, { payMin: 5 });
    expect(cut.status).toBe(400);
    expect(cut.json.error.issues.map((i: { path: string }) => i.path)).toContain("payMin");
    const [ad] = await hub.deps.db.select().from(jobAdverts).where(eq(jobAdverts.id, e.advert.id));
    expect(ad.payMinPence).toBe(1300);
    expect(ad.status).toBe("published");
  });

  it("a refused advert cannot be published again unchanged: changing it makes it a draft, which can", async () => {
    const e = await employerWithAdvert(hub);
    const url = `${e.base}/adverts/${e.advert.id}`;
    const council = await signedIn(hub, e.councilAdmin?.email as string);
    const refused = await council.post(`/api/orgs/${e.councilId}/recruitment/moderation/${e.advert.id}/refuse`, {
      reason: "The advert does not say the hours.",
    });
    expect(refused.status).toBe(200);
    const again = await e.client.post(`${url}/publish`);
    expect(again.status, again.text).toBe(409);
    expect(again.json.error.message).toContain("The advert does not say the hours.");
    const [still] = await hub.deps.db.select().from(jobAdverts).where(eq(jobAdverts.id, e.advert.id));
    expect(still.status).toBe("refused");
    expect((await new Client(hub).get(`/api/public/jobs/${e.advert.id}`)).status).toBe(404);
    // The employer answers the reason: the advert is a draft, with the reason still to read, and publishes.
    const fixed = await e.client.patch(url, { hoursPerWeek: 37.5, shiftPattern: "Days, 8am to 4pm" });
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.json.advert).toMatchObject({ status: "draft", moderationNote: "The advert does not say the hours." });
    const published = await e.client.post(`${url}/publish`);
    expect(published.status, published.text).toBe(200);
    expect(published.json.advert).toMatchObject({ status: "published", moderationNote: null });
    expect((await new Client(hub).get(`/api/public/jobs/${e.advert.id}`)).status).toBe(200);
  });
});

describe("what never reaches the logs or the audit trail", () => {
  it("keeps DBS certificate numbers, right-to-work documents, NI numbers, emails and phone numbers out", async () => {
    const before = hub.logLines.length;
    const e = await employerWithAdvert(hub);
    const CERT = "007766554433";
    const DOC = "Passport 5551234XYZ";
    const NI = "AB654321C";
    const guestEmail = `private-${uniq()}@example.test`;
    const { organisations, valuesQuestions, auditLog } = await import("../src/server/db/schema");
    const [council] = await hub.deps.db.select().from(organisations).where(eq(organisations.id, e.councilId));
    const qs = await hub.deps.db.select().from(valuesQuestions).where(eq(valuesQuestions.councilId, e.councilId));
    const guest = await new Client(hub).post(`/api/public/jobs/${e.advert.id}/apply`, {
      name: "Private Guest",
      email: guestEmail,
      phone: "07700 900987",
      rightToWork: "yes",
      experience: "Cared for my dad",
      answers: qs.map((q) => ({ questionId: q.id, answer: "I listen." })),
    });
    expect(guest.status).toBe(201);
    const signUpEmail = `signup-${uniq()}@example.test`;
    await new Client(hub).post("/api/public/candidates", {
      council: council.slug,
      name: "Sign Up",
      email: signUpEmail,
    });
    const [app] = await hub.deps.db.select().from(applications).where(eq(applications.email, guestEmail));
    const checks = await e.client.request("PUT", `${e.base}/applications/${app.id}/checks`, {
      dbsLevel: "enhanced_barred_adults",
      dbsCertificateNumber: CERT,
      rightToWorkMethod: "manual_document",
      rightToWorkDocument: DOC,
      rightToWorkCheckedOn: "2026-06-02",
      rightToWorkExpiresOn: "2027-01-01",
      rightToWorkFollowUpOn: "2026-12-01",
    });
    expect(checks.status, checks.text).toBe(200);
    await e.client.post(`${e.base}/applications/${app.id}/move`, { stage: "offer" });
    const started = await e.client.post(`${e.base}/applications/${app.id}/move`, {
      stage: "started",
      start: { startDate: "2026-06-15", contract: 1, niNumber: NI },
      overrideChecks: true,
    });
    expect(started.status).toBe(200);
    // Bad input echoing the secret back must not log it either.
    await e.client.request("PUT", `${e.base}/applications/${app.id}/checks`, { dbsCertificateNumber: `${CERT}9` });

    const log = hub.logLines.slice(before).join("\n");
    expect(log).toContain('"msg":"request"');
    const audit = JSON.stringify(await hub.deps.db.select().from(auditLog).where(eq(auditLog.orgId, e.provider.id)));
    expect(audit).toContain("application");
    for (const secret of [CERT, DOC, NI, "AB 65 43 21 C", guestEmail, signUpEmail, "07700 900987", "Private Guest"]) {
      expect(log, `log holds ${secret}`).not.toContain(secret);
      expect(audit, `audit holds ${secret}`).not.toContain(secret);
    }
  });
});

describe("flooding someone's inbox", () => {
  it("applying without an account in someone else's email sends them a bounded number of confirmations", async () => {
    const { council, employers } = await board(hub);
    const q = await hub.deps.db.query.valuesQuestions.findFirst({ where: (v, { eq }) => eq(v.councilId, council.id) });
    const victim = `inbox-${uniq()}@example.test`;
    for (let i = 0; i < 12; i++) {
      const ad = await advert(hub, council.id, employers[i % 2].org.id);
      // A different network each time: the per-network limit does not help the person whose email it is.
      await new Client(hub).post(`/api/public/jobs/${ad.id}/apply`, {
        name: "Someone",
        email: victim,
        phone: "07700 900123",
        rightToWork: "yes",
        experience: "",
        answers: [{ questionId: q!.id, answer: "Yes" }],
      });
    }
    // The same advert again and again (each a "you have already applied" email) counts too.
    const [last] = await hub.deps.db.select().from(applications).where(eq(applications.email, victim)).limit(1);
    for (let i = 0; i < 3; i++)
      await new Client(hub).post(`/api/public/jobs/${last.advertId}/apply`, {
        name: "Someone",
        email: victim.toUpperCase(),
        phone: "07700 900123",
        rightToWork: "yes",
        experience: "",
        answers: [{ questionId: q!.id, answer: "Yes" }],
      });
    expect(await mailsTo(victim)).toHaveLength(GUEST_CONFIRMATIONS_PER_EMAIL_PER_DAY);
    // The applications themselves still reach the employers.
    expect(await hub.deps.db.select().from(applications).where(eq(applications.email, victim))).toHaveLength(12);
  });
});

describe("adverts that are not live, and reaching across employers", () => {
  it("a draft, refused or closed advert is not found by any public road, and no one can apply to it", async () => {
    const { council, employers } = await board(hub);
    const me = await candidate(hub, council);
    for (const status of ["draft", "refused", "closed"] as const) {
      const ad = await advert(hub, council.id, employers[0].org.id, { status });
      expect((await new Client(hub).get(`/api/public/jobs/${ad.id}`)).status, status).toBe(404);
      expect((await new Client(hub).get(`/api/public/jobs/${ad.id}/questions`)).status, status).toBe(404);
      expect((await hub.app.request(`/jobs/${ad.id}`)).status, status).toBe(404);
      const guest = await new Client(hub).post(`/api/public/jobs/${ad.id}/apply`, {
        name: "Guest",
        email: `g-${uniq()}@example.test`,
        phone: "07700 900123",
        rightToWork: "yes",
        experience: "",
        answers: [],
      });
      expect([404, 409], status).toContain(guest.status);
      const signed = await me.client.post(`/api/orgs/${council.id}/candidate/applications`, { advertIds: [ad.id] });
      expect([400, 404, 409, 422], status).toContain(signed.status);
      const feed = await new Client(hub).get(`/api/public/jobs/feed.xml?council=${council.slug}`);
      expect(feed.text).not.toContain(ad.id);
    }
    const rows = await hub.deps.db.select().from(applications).where(eq(applications.councilId, council.id));
    expect(rows).toHaveLength(0);
  });

  it("an employer cannot invite a pooled candidate to another employer's advert", async () => {
    const { council, employers } = await board(hub);
    const theirAdvert = await advert(hub, council.id, employers[1].org.id);
    const me = await candidate(hub, council);
    await me.client.request("PUT", `/api/orgs/${council.id}/candidate/pool`, { visibility: "all" });
    const employerA = await signedIn(hub, employers[0].admin.email);
    const res = await employerA.post(`/api/orgs/${employers[0].org.id}/recruitment/pool/${me.id}/invitations`, {
      advertId: theirAdvert.id,
      message: "Apply to my rival",
    });
    expect([400, 404, 422]).toContain(res.status);
    expect((await me.client.get(`/api/orgs/${council.id}/candidate/invitations`)).text).not.toContain(theirAdvert.id);
  });

  it("a provider's admin cannot use a council's hub routes, nor a candidate any employer's", async () => {
    const { council, employers } = await board(hub);
    const me = await candidate(hub, council);
    const provider = await signedIn(hub, employers[0].admin.email);
    for (const path of [
      `/api/orgs/${council.id}/recruitment/moderation`,
      `/api/orgs/${council.id}/recruitment/questions`,
      `/api/orgs/${council.id}/recruitment/pool`,
      `/api/orgs/${council.id}/candidate/profile`,
    ])
      expect([403, 404], path).toContain((await provider.get(path)).status);
    for (const path of [
      `/api/orgs/${council.id}/recruitment/pool`,
      `/api/orgs/${council.id}/recruitment/applications`,
      `/api/orgs/${council.id}/recruitment/funnel`,
      `/api/orgs/${council.id}/recruitment/campaigns`,
      `/api/orgs/${employers[0].org.id}/recruitment/applications`,
    ])
      expect([403, 404], path).toContain((await me.client.get(path)).status);
  });
});

describe("the funnel's disclosure control", () => {
  it("shows a council no count that could single out a few people of one employer", async () => {
    const e = await employerWithAdvert(hub);
    await apply(hub, e);
    await apply(hub, e);
    // A council sees whole quarters that have ended: read the applications' quarter once it has.
    const today = hub.clock.now;
    hub.clock.now = new Date("2026-07-01T09:00:00Z");
    const res = await signedIn(hub, e.councilAdmin?.email as string)
      .then((council) => council.get(`/api/orgs/${e.councilId}/recruitment/funnel?from=2026-01-01&to=2026-06-30`))
      .finally(() => {
        hub.clock.now = today;
      });
    expect(res.status).toBe(200);
    expect(res.json.to).toBe("2026-06-30");
    expect(res.json.stages.applied.count).toBeNull();
    expect(res.json.stages.applied.reason).toBeTruthy();
    for (const row of res.json.byEmployer) expect(row.stages.applied.count).toBeNull();
    expect(res.json.timeToHire.hires ?? 0).toBe(0);
  });
});

describe("a candidate's own requests, bent", () => {
  async function setUp() {
    const { council, employers, hubQuestion } = await board(hub);
    const ad = await advert(hub, council.id, employers[0].org.id);
    const me = await candidate(hub, council);
    return { council, employers, hubQuestion, ad, me, base: `/api/orgs/${council.id}/candidate/applications` };
  }

  it("applying twice at once, or with the same advert twice in one request, makes one application", async () => {
    const s = await setUp();
    const answers = [{ questionId: s.hubQuestion.id, answer: "I listen first." }];
    const dup = await s.me.client.post(s.base, { advertIds: [s.ad.id, s.ad.id], answers });
    const [a, b] = await Promise.all([
      s.me.client.post(s.base, { advertIds: [s.ad.id], answers }),
      s.me.client.post(s.base, { advertIds: [s.ad.id], answers }),
    ]);
    expect([dup.status, a.status, b.status].filter((x) => x === 201).length).toBeLessThanOrEqual(1);
    for (const res of [dup, a, b]) expect(res.status).toBeLessThan(500);
    const rows = await hub.deps.db.select().from(applications).where(eq(applications.advertId, s.ad.id));
    expect(rows).toHaveLength(1);
  });

  it("answers to questions the advert does not ask (another council's) are not stored", async () => {
    const s = await setUp();
    const other = await board(hub);
    const res = await s.me.client.post(s.base, {
      advertIds: [s.ad.id],
      answers: [
        { questionId: s.hubQuestion.id, answer: "I listen first." },
        { questionId: other.hubQuestion.id, answer: "SMUGGLED TEXT" },
      ],
    });
    expect(res.status).toBeLessThan(500);
    const rows = await hub.deps.db.select().from(applications).where(eq(applications.advertId, s.ad.id));
    expect(JSON.stringify(rows)).not.toContain("SMUGGLED TEXT");
  });

  it("books no interview before the employer asks for one, nor a time that has passed", async () => {
    const s = await setUp();
    const [app] = (
      await s.me.client.post(s.base, {
        advertIds: [s.ad.id],
        answers: [{ questionId: s.hubQuestion.id, answer: "I listen first." }],
      })
    ).json.applications;
    const future = await slot(hub, s.employers[0].org.id, s.ad.id, "2026-06-22T10:00:00Z");
    const early = await s.me.client.request("PUT", `${s.base}/${app.id}/booking`, { slotId: future.id });
    expect([400, 404, 409, 422]).toContain(early.status);
    await hub.deps.db.update(applications).set({ stage: "interview" }).where(eq(applications.id, app.id));
    const past = await slot(hub, s.employers[0].org.id, s.ad.id, "2026-06-01T10:00:00Z");
    const late = await s.me.client.request("PUT", `${s.base}/${app.id}/booking`, { slotId: past.id });
    expect([400, 404, 409, 422]).toContain(late.status);
    const { interviewSlots } = await import("../src/server/db/schema");
    const slots = await hub.deps.db.select().from(interviewSlots).where(eq(interviewSlots.advertId, s.ad.id));
    expect(slots.every((x) => x.applicationId === null)).toBe(true);
  });
});

describe("sources and deleted accounts", () => {
  it("another council's campaign code does not attribute an application to that campaign", async () => {
    const mine = await board(hub);
    const theirs = await board(hub);
    const ad = await advert(hub, mine.council.id, mine.employers[0].org.id);
    const email = `src-${uniq()}@example.test`;
    const res = await new Client(hub).post(`/api/public/jobs/${ad.id}/apply`, {
      name: "Source Probe",
      email,
      phone: "07700 900123",
      rightToWork: "yes",
      experience: "",
      answers: [{ questionId: mine.hubQuestion.id, answer: "Yes" }],
      source: theirs.campaign.code,
    });
    expect(res.status).toBeLessThan(500);
    const [row] = await hub.deps.db.select().from(applications).where(eq(applications.email, email));
    if (row) expect(row.campaignId).not.toBe(theirs.campaign.id);
  });

  it("a deleted candidate cannot sign in, keeps no session and is not found in the pool", async () => {
    const { council, employers } = await board(hub);
    const email = `gone-${uniq()}@example.test`;
    const c = new Client(hub);
    await c.post("/api/public/candidates", { council: council.slug, name: "Gone", email });
    const link = (await lastEmailTo(hub, email))?.token;
    expect(
      (await new Client(hub).post("/api/public/candidates/verify", { token: link, password: PASSWORD })).status,
    ).toBe(200);
    const me2 = await signedIn(hub, email);
    await me2.get("/api/auth/me");
    await me2.request("PUT", `/api/orgs/${council.id}/candidate/pool`, { visibility: "all" });
    const employer = await signedIn(hub, employers[0].admin.email);
    const poolUrl = `/api/orgs/${employers[0].org.id}/recruitment/pool`;
    expect((await employer.get(poolUrl)).text).toContain("Gone");
    expect((await me2.post(`/api/orgs/${council.id}/candidate/account/delete`, { password: PASSWORD })).status).toBe(
      200,
    );
    expect((await new Client(hub).post("/api/auth/sign-in", { email, password: PASSWORD })).status).toBe(401);
    expect((await me2.get(`/api/orgs/${council.id}/candidate/profile`)).status).toBe(401);
    expect((await employer.get(poolUrl)).text).not.toContain("Gone");
    const [user] = await hub.deps.db.select().from(users).where(eq(users.email, email));
    expect(user).toBeUndefined();
  });
});
