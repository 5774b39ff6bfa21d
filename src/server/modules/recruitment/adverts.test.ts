import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionedProvider, makeOrg, makeSystem, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { auditLog, jobAdverts, vacancies, workplaces } from "../../db/schema";
import { closeAdvertsPastClosingDate } from "./adverts.service";

const hub = await testHub();

/** A council with a commissioned provider holding one open care worker vacancy (workplace in WA7). */
async function employer() {
  const { council, councilAdmin } = await makeSystem(hub);
  const provider = await commissionedProvider(hub, council.id, { workers: 1, open: 1 });
  const admin = await makeUser(hub, provider, "provider_admin");
  const client = await signedIn(hub, admin.email);
  const [vacancy] = await hub.deps.db.select().from(vacancies).where(eq(vacancies.orgId, provider.id));
  return { council, councilAdmin, provider, client, vacancy, base: `/api/orgs/${provider.id}/recruitment/adverts` };
}

const advert = (vacancyId: string, extra: Record<string, unknown> = {}) => ({
  vacancyId,
  title: "Care worker (days)",
  summary: "Support people to live well at home.",
  payUnit: "hour",
  payMin: 12.9,
  payMax: 13.5,
  hoursPerWeek: 37.5,
  contractType: "permanent",
  shiftPattern: "Days, alternate weekends",
  drivingRequired: true,
  noExperienceNeeded: true,
  values: ["Respect", "Kind, compassionate and empathetic"],
  questions: [{ value: "Respect", question: "Tell us about a time you treated someone with respect." }],
  closingDate: "2026-07-31",
  ...extra,
});

describe("job adverts", () => {
  it("drafts an advert from a vacancy, publishes it on the commissioning council's board, and closes it", async () => {
    const { council, provider, client, vacancy, base } = await employer();
    const created = await client.post(base, advert(vacancy.id));
    expect(created.status).toBe(201);
    const a = created.json.advert;
    expect(a).toMatchObject({
      status: "draft",
      board: { id: council.id },
      employer: { id: provider.id },
      jobRole: { code: 8, label: "Care worker" },
      payMin: 12.9,
      payMax: 13.5,
      place: { outward: "WA7" },
      counts: {},
    });
    expect(a.questions.map((q: { value: string }) => q.value)).toEqual(["Respect"]);
    const [row] = await hub.deps.db.select().from(jobAdverts).where(eq(jobAdverts.id, a.id));
    expect(row.payMinPence).toBe(1290);
    expect(row.lat).not.toBeNull();

    const published = await client.post(`${base}/${a.id}/publish`);
    expect(published.json.advert.status).toBe("published");
    expect((await client.post(`${base}/${a.id}/publish`)).status).toBe(409);
    const edited = await client.patch(`${base}/${a.id}`, { title: "Care worker (nights)" });
    expect(edited.json.advert).toMatchObject({ title: "Care worker (nights)", status: "published" });
    expect((await client.get(base)).json.adverts.map((x: { id: string }) => x.id)).toEqual([a.id]);

    const closed = await client.post(`${base}/${a.id}/close`);
    expect(closed.json.advert).toMatchObject({ status: "closed", closedReason: "withdrawn" });
    // Withdrawn, the post is still vacant.
    const [v] = await hub.deps.db.select().from(vacancies).where(eq(vacancies.id, vacancy.id));
    expect(v.closedOn).toBeNull();

    // In the order written (PostgreSQL promises no order without one).
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, a.id))
      .orderBy(asc(auditLog.id));
    expect(audit.map((e) => e.action)).toEqual(["create", "publish", "update", "close"]);
  });

  it("refuses pay under the legal minimum, a past closing date, and values outside the framework, naming the field", async () => {
    const { client, vacancy, base } = await employer();
    const low = await client.post(base, advert(vacancy.id, { payMin: 12.5, payMax: null }));
    expect(low.status).toBe(400);
    expect(low.json.error.message).toBe(
      "Pay must be at least £12.71 an hour, the National Living Wage for people aged 21 and over from 1 April 2026",
    );
    expect(low.json.error.issues[0].path).toBe("payMin");
    const annual = await client.post(
      base,
      advert(vacancy.id, { payUnit: "year", payMin: 22_000, payMax: null, hoursPerWeek: 37.5 }),
    );
    expect(annual.json.error.issues[0].path).toBe("payMin");
    const zero = await client.post(
      base,
      advert(vacancy.id, { payUnit: "year", payMin: 30_000, payMax: null, hoursPerWeek: null, zeroHours: true }),
    );
    expect(zero.json.error.issues[0].path).toBe("payUnit");
    const past = await client.post(base, advert(vacancy.id, { closingDate: "2026-06-14" }));
    expect(past.json.error.issues).toEqual([
      { path: "closingDate", message: "The closing date must be today (15 June 2026) or later" },
    ]);
    const values = await client.post(base, advert(vacancy.id, { values: ["Ruthless"], questions: [] }));
    expect(values.json.error.issues[0].path).toBe("values.0");
    const noVacancy = await client.post(base, { ...advert(vacancy.id), vacancyId: undefined });
    expect(noVacancy.status).toBe(400);
    expect(noVacancy.json.error.issues[0].path).toBe("vacancyId");
    // Nothing half-saved.
    expect((await client.get(base)).json.adverts).toEqual([]);
    // An edit that would take the pay under the minimum is refused too.
    const ok = await client.post(base, advert(vacancy.id));
    const under = await client.patch(`${base}/${ok.json.advert.id}`, { payMin: 10, payMax: null });
    expect(under.json.error.issues[0].path).toBe("payMin");
  });

  it("answers 404 for another employer's vacancy, and refuses a vacancy already advertised", async () => {
    const a = await employer();
    const b = await employer();
    const theirs = await a.client.post(a.base, advert(b.vacancy.id));
    expect(theirs.status).toBe(404);
    expect((await a.client.post(a.base, advert(a.vacancy.id))).status).toBe(201);
    const again = await a.client.post(a.base, advert(a.vacancy.id));
    expect(again.status).toBe(400);
    expect(again.json.error.issues[0].path).toBe("vacancyId");
    const made = (await a.client.get(a.base)).json.adverts[0];
    // Another employer's advert id is not there.
    expect((await b.client.get(`${b.base}/${made.id}`)).status).toBe(404);
    expect((await b.client.post(`${b.base}/${made.id}/publish`)).status).toBe(404);
    expect((await b.client.patch(`${b.base}/${made.id}`, { title: "Mine now" })).status).toBe(404);
  });

  it("refuses an employer with no council's board, and lets a council advertise its own posts", async () => {
    const lone = await makeOrg(hub, "provider");
    const [place] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: lone.id, localRef: `W-${uniq()}`, name: "Lone Home", mainService: 2 })
      .returning();
    const [post] = await hub.deps.db
      .insert(vacancies)
      .values({ orgId: lone.id, workplaceId: place.id, jobRole: 8, openedOn: "2026-05-01" })
      .returning();
    const admin = await makeUser(hub, lone, "provider_admin");
    const client = await signedIn(hub, admin.email);
    const res = await client.post(`/api/orgs/${lone.id}/recruitment/adverts`, advert(post.id));
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("no_board");
    expect(res.json.error.message).toContain("is not commissioned by a council");

    const { council, councilAdmin } = await makeSystem(hub);
    const [own] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: council.id, localRef: `W-${uniq()}`, name: "Council Home", mainService: 2 })
      .returning();
    const [ownPost] = await hub.deps.db
      .insert(vacancies)
      .values({ orgId: council.id, workplaceId: own.id, jobRole: 8, openedOn: "2026-05-01" })
      .returning();
    const councilClient = await signedIn(hub, councilAdmin.email);
    const made = await councilClient.post(`/api/orgs/${council.id}/recruitment/adverts`, advert(ownPost.id));
    expect(made.json.advert.board.id).toBe(council.id);
  });

  it("shows the National Living Wage and Real Living Wage for the form", async () => {
    const { provider, client } = await employer();
    const guide = await client.get(`/api/orgs/${provider.id}/recruitment/pay-guide?band=18_20`);
    expect(guide.json.legalMinimum).toMatchObject({ hourly: 10.85, from: "2026-04-01" });
    expect(guide.json.realLivingWage.hourly).toBeGreaterThan(12);
    expect(guide.json.values).toContain("Respect");
    // Each framework role with its values and where it leads (progression an advert can offer).
    const careWorker = guide.json.roles.find((r: { values: string[]; onward: string[] }) => r.onward.length > 0);
    expect(careWorker.values.length).toBeGreaterThan(0);
  });

  it("lets the council's hub refuse an advert with a reason the employer sees, then fix and republish", async () => {
    const { council, councilAdmin, client, vacancy, base } = await employer();
    const a = (await client.post(base, advert(vacancy.id))).json.advert;
    await client.post(`${base}/${a.id}/publish`);
    const hubClient = await signedIn(hub, councilAdmin.email);
    const board = await hubClient.get(`/api/orgs/${council.id}/recruitment/moderation`);
    expect(board.json.adverts.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const refused = await hubClient.post(`/api/orgs/${council.id}/recruitment/moderation/${a.id}/refuse`, {
      reason: "Say what the shift pattern is at weekends.",
    });
    expect(refused.json.advert.status).toBe("refused");
    expect((await hubClient.get(`/api/orgs/${council.id}/recruitment/moderation`)).json.adverts).toEqual([]);
    const seen = await client.get(`${base}/${a.id}`);
    expect(seen.json.advert).toMatchObject({
      status: "refused",
      moderationNote: "Say what the shift pattern is at weekends.",
    });
    await client.patch(`${base}/${a.id}`, { shiftPattern: "Days; one weekend in two" });
    expect((await client.post(`${base}/${a.id}/publish`)).json.advert).toMatchObject({
      status: "published",
      moderationNote: null,
    });
    // Another council's hub cannot see or refuse it.
    const other = await makeSystem(hub);
    const otherHub = await signedIn(hub, other.councilAdmin.email);
    expect(
      (
        await otherHub.post(`/api/orgs/${other.council.id}/recruitment/moderation/${a.id}/refuse`, {
          reason: "Not yours to refuse",
        })
      ).status,
    ).toBe(404);
  });

  it("closes adverts past their closing date and leaves their vacancies open", async () => {
    const { client, vacancy, base } = await employer();
    const a = (await client.post(base, advert(vacancy.id, { closingDate: "2026-06-20" }))).json.advert;
    await client.post(`${base}/${a.id}/publish`);
    const was = hub.clock.now;
    hub.clock.now = new Date("2026-06-21T02:00:00Z");
    try {
      expect(await closeAdvertsPastClosingDate(hub.deps)).toBeGreaterThanOrEqual(1);
      expect((await client.get(`${base}/${a.id}`)).json.advert).toMatchObject({
        status: "closed",
        closedReason: "closing_date",
      });
      const [v] = await hub.deps.db.select().from(vacancies).where(eq(vacancies.id, vacancy.id));
      expect(v.closedOn).toBeNull();
      // Still vacant: a new closing date, and it goes back on the board.
      expect((await client.post(`${base}/${a.id}/publish`)).json.error.issues[0].path).toBe("closingDate");
      await client.patch(`${base}/${a.id}`, { closingDate: "2026-08-31" });
      expect((await client.post(`${base}/${a.id}/publish`)).json.advert).toMatchObject({
        status: "published",
        closedReason: null,
        closingDate: "2026-08-31",
      });
    } finally {
      hub.clock.now = was;
    }
  });
});
