import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeSystem, makeUser, signedIn, testHub } from "../../../../test/harness";
import { auditLog, recruitmentEvents, valuesQuestions } from "../../db/schema";
import { DEFAULT_VALUES_QUESTIONS } from "./questions";

const hub = await testHub();

async function council() {
  const s = await makeSystem(hub);
  return { ...s, client: await signedIn(hub, s.councilAdmin.email) };
}

describe("the hub's values questions", () => {
  it("seeds the starting set once on first opening, each tied to a value with guidance", async () => {
    const { council: org, client } = await council();
    const first = await client.get(`/api/orgs/${org.id}/recruitment/questions`);
    expect(first.status).toBe(200);
    expect(first.json.questions.map((q: { question: string }) => q.question)).toEqual(
      DEFAULT_VALUES_QUESTIONS.map((q) => q.question),
    );
    for (const q of first.json.questions) {
      expect(q.value).toMatch(/^[a-z_]+$/);
      expect(q.guidance).toContain("5 (excellent)");
    }
    // Opened again (and twice at once), still one set.
    await Promise.all([
      client.get(`/api/orgs/${org.id}/recruitment/questions`),
      client.get(`/api/orgs/${org.id}/recruitment/questions`),
    ]);
    const rows = await hub.deps.db.select().from(valuesQuestions).where(eq(valuesQuestions.councilId, org.id));
    expect(rows).toHaveLength(DEFAULT_VALUES_QUESTIONS.length);
    const audited = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityType, "values_question")));
    expect(audited).toHaveLength(DEFAULT_VALUES_QUESTIONS.length);
  });

  it("adds, edits and retires a question; a council that retired them all is not given the set again", async () => {
    const { council: org, client } = await council();
    const seeded = (await client.get(`/api/orgs/${org.id}/recruitment/questions`)).json.questions;
    const added = await client.post(`/api/orgs/${org.id}/recruitment/questions`, {
      value: "honest",
      question: "Tell us about a time you owned up to a mistake.",
      guidance: "3 (adequate): says what happened.\n5 (excellent): says what they learnt.",
    });
    expect(added.status).toBe(201);
    expect(added.json.question).toMatchObject({ value: "honest", position: seeded.length, retiredAt: null });
    const id = added.json.question.id;
    const edited = await client.request("PUT", `/api/orgs/${org.id}/recruitment/questions/${id}`, {
      value: "flexible",
      question: "Tell us about something new you learnt recently.",
      guidance: "",
    });
    expect(edited.json.question).toMatchObject({
      value: "flexible",
      question: "Tell us about something new you learnt recently.",
    });
    for (const q of [...seeded, added.json.question]) {
      const r = await client.post(`/api/orgs/${org.id}/recruitment/questions/${q.id}/retire`);
      expect(r.json.question.retiredAt).not.toBeNull();
    }
    const after = (await client.get(`/api/orgs/${org.id}/recruitment/questions`)).json.questions;
    expect(after).toHaveLength(seeded.length + 1);
    expect(after.every((q: { retiredAt: string | null }) => q.retiredAt)).toBe(true);
    // A retired question is not edited.
    const again = await client.request("PUT", `/api/orgs/${org.id}/recruitment/questions/${id}`, {
      value: "respect",
      question: "Anything at all that is long enough?",
    });
    expect(again.status).toBe(409);
  });

  it("refuses bad input naming the field, and people outside the hub team", async () => {
    const { council: org, client, provider } = await council();
    const bad = await client.post(`/api/orgs/${org.id}/recruitment/questions`, { value: "greed", question: "Why?" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["question", "value"]);
    const formula = await client.post(`/api/orgs/${org.id}/recruitment/questions`, {
      value: "respect",
      question: '=HYPERLINK("http://x") tell us more',
    });
    expect(formula.status).toBe(400);
    const analyst = await signedIn(hub, (await makeUser(hub, org, "council_analyst")).email);
    const denied = await analyst.get(`/api/orgs/${org.id}/recruitment/questions`);
    expect(denied.status).toBe(403);
    const providerClient = await signedIn(hub, (await makeUser(hub, provider, "provider_admin")).email);
    expect((await providerClient.get(`/api/orgs/${provider.id}/recruitment/questions`)).json.error.code).toBe(
      "wrong_org_kind",
    );
  });
});

describe("campaigns and events", () => {
  const campaign = {
    name: "Care for your future",
    kind: "social_media",
    audience: "young_people",
    code: "FUTURE26",
    startsOn: "2026-06-01",
    endsOn: "2026-08-31",
  };

  it("creates a campaign with its tracked link; the code is unique in the council whatever its case", async () => {
    const { council: org, client } = await council();
    const made = await client.post(`/api/orgs/${org.id}/recruitment/campaigns`, campaign);
    expect(made.status).toBe(201);
    expect(made.json.campaign.link).toBe(`/jobs?council=${org.slug}&source=FUTURE26`);
    const dup = await client.post(`/api/orgs/${org.id}/recruitment/campaigns`, { ...campaign, code: "future26" });
    expect(dup.status).toBe(400);
    expect(dup.json.error.issues[0].path).toBe("code");
    // Another council may use the same code.
    const other = await council();
    expect((await other.client.post(`/api/orgs/${other.council.id}/recruitment/campaigns`, campaign)).status).toBe(201);
    // Editing keeps its own code; taking another campaign's is refused.
    const second = await client.post(`/api/orgs/${org.id}/recruitment/campaigns`, {
      ...campaign,
      code: "MEN-CARE",
      audience: "men",
    });
    const id = second.json.campaign.id;
    expect(
      (
        await client.request("PUT", `/api/orgs/${org.id}/recruitment/campaigns/${id}`, {
          ...campaign,
          code: "MEN-CARE",
          name: "Men who care",
        })
      ).json.campaign.name,
    ).toBe("Men who care");
    expect(
      (
        await client.request("PUT", `/api/orgs/${org.id}/recruitment/campaigns/${id}`, {
          ...campaign,
          code: "Future26",
        })
      ).status,
    ).toBe(400);
    const list = (await client.get(`/api/orgs/${org.id}/recruitment/campaigns`)).json.campaigns;
    expect(list.map((c: { code: string }) => c.code).sort()).toEqual(["FUTURE26", "MEN-CARE"]);
  });

  it("refuses a code with spaces, an end before the start and an unknown audience, naming each field", async () => {
    const { council: org, client } = await council();
    const bad = await client.post(`/api/orgs/${org.id}/recruitment/campaigns`, {
      ...campaign,
      code: "two words",
      endsOn: "2026-05-01",
      audience: "everyone else",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["audience", "code"]);
    const dates = await client.post(`/api/orgs/${org.id}/recruitment/campaigns`, { ...campaign, endsOn: "2026-05-01" });
    expect(dates.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["endsOn"]);
  });

  it("keeps a calendar of events, optionally of a campaign, and lists the upcoming ones publicly", async () => {
    const { council: org, client } = await council();
    const c = (await client.post(`/api/orgs/${org.id}/recruitment/campaigns`, { ...campaign, kind: "pre_employment" }))
      .json.campaign;
    // The test clock is 2026-06-15 09:00 UTC.
    const past = await client.post(`/api/orgs/${org.id}/recruitment/events`, {
      title: "Spring jobs fair",
      startsAt: "2026-04-01T10:00:00Z",
      place: "Runcorn library",
    });
    expect(past.status).toBe(201);
    const course = await client.post(`/api/orgs/${org.id}/recruitment/events`, {
      title: "Pre-employment course with a guaranteed interview",
      startsAt: "2026-07-06T09:30:00Z",
      endsAt: "2026-07-17T15:00:00Z",
      place: "Widnes jobcentre",
      campaignId: c.id,
    });
    expect(course.json.event.campaign).toEqual({ id: c.id, name: c.name, code: c.code });
    const fair = await client.post(`/api/orgs/${org.id}/recruitment/events`, {
      title: "Summer jobs fair",
      startsAt: "2026-06-20T10:00:00Z",
      place: "Halton Stadium",
    });
    const all = (await client.get(`/api/orgs/${org.id}/recruitment/events`)).json.events;
    expect(all.map((e: { title: string }) => e.title)).toEqual([
      "Spring jobs fair",
      "Summer jobs fair",
      "Pre-employment course with a guaranteed interview",
    ]);
    const anyone = await client.get(`/api/public/recruitment-events?council=${org.slug}`);
    expect(anyone.status).toBe(200);
    expect(anyone.json.events.map((e: { title: string }) => e.title)).toEqual([
      "Summer jobs fair",
      "Pre-employment course with a guaranteed interview",
    ]);
    // Edit and delete.
    const moved = await client.request("PUT", `/api/orgs/${org.id}/recruitment/events/${fair.json.event.id}`, {
      title: "Summer jobs fair",
      startsAt: "2026-06-27T10:00:00Z",
      place: "Halton Stadium",
    });
    expect(moved.json.event.startsAt).toBe("2026-06-27T10:00:00.000Z");
    expect((await client.delete(`/api/orgs/${org.id}/recruitment/events/${past.json.event.id}`)).json.removed).toBe(
      past.json.event.id,
    );
    expect(
      await hub.deps.db.select().from(recruitmentEvents).where(eq(recruitmentEvents.councilId, org.id)),
    ).toHaveLength(2);
  });

  it("refuses another council's campaign on an event, an end before the start, and unknown councils publicly", async () => {
    const a = await council();
    const b = await council();
    const theirs = (await b.client.post(`/api/orgs/${b.council.id}/recruitment/campaigns`, campaign)).json.campaign;
    const res = await a.client.post(`/api/orgs/${a.council.id}/recruitment/events`, {
      title: "Fair",
      startsAt: "2026-07-01T10:00:00Z",
      endsAt: "2026-07-01T09:00:00Z",
      place: "Hall",
      campaignId: theirs.id,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["endsAt"]);
    const foreign = await a.client.post(`/api/orgs/${a.council.id}/recruitment/events`, {
      title: "Fair",
      startsAt: "2026-07-01T10:00:00Z",
      place: "Hall",
      campaignId: theirs.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.issues[0].path).toBe("campaignId");
    expect((await a.client.get(`/api/public/recruitment-events?council=${a.provider.slug}`)).status).toBe(404);
    expect((await a.client.get(`/api/public/recruitment-events?council=no-such-council`)).status).toBe(404);
  });
});
