import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, makeOrg, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { ragOf } from "../../../shared/metrics";
import { staffRecords, vacancies, workplaces } from "../../db/schema";
import { addDays, ageOn, isoDate, monthsBefore } from "../../lib/time";
import { commissionProvider } from "../orgs/orgs.service";
import { quarterEnds } from "./dates";

const hub = await testHub();
const D = "2026-06-30";
const addDaysIso = (day: string, n: number) => isoDate(addDays(new Date(`${day}T00:00:00Z`), n));

/** A provider with one workplace of `service` and `workers` care workers (some left in the year). */
async function provider(
  councilId: string | null,
  workers: number,
  opts: { service?: number; leavers?: number; vacancies?: number; unknownEthnicity?: number; pay?: number } = {},
) {
  const org = await makeOrg(hub, "provider");
  if (councilId) await commissionProvider(hub.ctx, { councilId, providerId: org.id, fromDate: "2020-01-01" });
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({
      orgId: org.id,
      councilId,
      localRef: `W${uniq()}`,
      name: "Home",
      mainService: opts.service ?? 2,
      postcode: "WA7 1AA",
    })
    .returning();
  const rows = Array.from({ length: workers + (opts.leavers ?? 0) }, (_, i) => ({
    orgId: org.id,
    workplaceId: w.id,
    localRef: `S${i}`,
    displayId: `S${i}`,
    contractType: 1,
    mainJobRole: 8,
    startDate: "2020-01-01",
    endDate: i >= workers ? "2026-04-15" : null,
    dateOfBirth: "1990-01-01",
    ethnicity: i < (opts.unknownEthnicity ?? 0) ? 99 : 31,
    payInterval: 3,
    payRate: opts.pay ?? 12.6,
  }));
  if (rows.length) await hub.deps.db.insert(staffRecords).values(rows);
  if (opts.vacancies)
    await hub.deps.db.insert(vacancies).values(
      Array.from({ length: opts.vacancies }, () => ({
        orgId: org.id,
        workplaceId: w.id,
        jobRole: 8,
        openedOn: "2026-05-01",
      })),
    );
  return org;
}

describe("dates of a dashboard", () => {
  it("a quarter before the last day of a month is the last day of that earlier month, leap years included", () => {
    expect(monthsBefore("2026-06-30", 3)).toBe("2026-03-30");
    expect(monthsBefore("2026-05-31", 3)).toBe("2026-02-28");
    expect(monthsBefore("2024-05-31", 3)).toBe("2024-02-29");
    expect(monthsBefore("2026-01-15", 3)).toBe("2025-10-15");
    expect(monthsBefore("2024-02-29", 12)).toBe("2023-02-28");
  });
  it("ages in whole years as PostgreSQL's age(), leap-day birthdays included", () => {
    expect(ageOn("2025-02-28", "2000-02-29")).toBe(24);
    expect(ageOn("2025-03-01", "2000-02-29")).toBe(25);
    expect(ageOn("2024-02-29", "2000-02-29")).toBe(24);
    expect(ageOn("2026-06-30", "1990-07-01")).toBe(35);
  });
  it("the trend's quarter ends are the last 8 on or before the date, oldest first", () => {
    expect(quarterEnds("2026-06-30", 8)).toEqual([
      "2024-09-30",
      "2024-12-31",
      "2025-03-31",
      "2025-06-30",
      "2025-09-30",
      "2025-12-31",
      "2026-03-31",
      "2026-06-30",
    ]);
    expect(quarterEnds("2026-06-29", 2)).toEqual(["2025-12-31", "2026-03-31"]);
    expect(quarterEnds("2026-01-01", 1)).toEqual(["2025-12-31"]);
  });
});

describe("red, amber and green against a target", () => {
  it("green when met, amber within a tenth of the target, red beyond, in the figure's better direction", () => {
    expect(ragOf(0.07, 0.08, "lower")).toBe("green");
    expect(ragOf(0.085, 0.08, "lower")).toBe("amber"); // misses by 0.005, within 0.008
    expect(ragOf(0.1, 0.08, "lower")).toBe("red");
    expect(ragOf(12.5, 12.6, "higher")).toBe("amber");
    expect(ragOf(11, 12.6, "higher")).toBe("red");
    expect(ragOf(0.5, null, "higher")).toBeNull();
    expect(ragOf(null, 0.5, "higher")).toBeNull();
  });
});

describe("the council dashboard", () => {
  it("shows the commissioned providers' figures with targets, by provider and by service type, with a quarterly trend and drill-down to one provider", async () => {
    const council = await makeOrg(hub, "council");
    const admin = await makeUser(hub, council, "council_admin");
    const a = await provider(council.id, 18, { leavers: 2, vacancies: 2 });
    const b = await provider(council.id, 10, { service: 8, vacancies: 0 });
    const stranger = await provider(null, 30); // not commissioned: never in the council's figures
    const client = await signedIn(hub, admin.email);

    const set = await client.request("PUT", `/api/orgs/${council.id}/targets`, {
      targets: { vacancy_rate: 0.05, turnover_rate: 0.3 },
    });
    expect(set.json.targets).toEqual({ vacancy_rate: 0.05, turnover_rate: 0.3 });
    const bad = await client.request("PUT", `/api/orgs/${council.id}/targets`, {
      targets: { filled_posts: 100, vacancy_rate: 5 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "targets.filled_posts",
      "targets.vacancy_rate",
    ]);

    const res = await client.get(`/api/orgs/${council.id}/dashboard?at=${D}`);
    expect(res.status).toBe(200);
    const d = res.json;
    expect(d.previousAt).toBe("2026-03-30");
    expect(d.targets).toEqual({ vacancy_rate: 0.05, turnover_rate: 0.3 });
    // 28 employed, 2 vacancies: 2 / 30. Two leavers on 15 April: 2 / 28.
    expect(d.now.filled_posts.value).toBe(28);
    expect(d.now.vacancy_rate.value).toBeCloseTo(2 / 30, 10);
    expect(d.now.turnover_rate.value).toBeCloseTo(2 / 28, 10);
    expect(d.previous.filled_posts.value).toBe(30); // the leavers were still in post on 30 March
    expect(d.byProvider.map((r: { key: string }) => r.key).sort()).toEqual([a.id, b.id].sort());
    const rowA = d.byProvider.find((r: { key: string }) => r.key === a.id);
    expect(rowA.label).toBe(a.name);
    expect(rowA.figures.vacancy_rate.value).toBeCloseTo(2 / 20, 10);
    expect(d.byService.map((r: { label: string }) => r.label).sort()).toEqual(
      ["Care home services without nursing", "Domiciliary care services"].sort(),
    );
    expect(d.trend.map((p: { at: string }) => p.at)).toHaveLength(8);
    expect(d.trend.at(-1).at).toBe(D);
    expect(d.trend.at(-1).figures.filled_posts.value).toBe(28);
    expect(JSON.stringify(d)).not.toContain(stranger.id);

    const drill = await client.get(`/api/orgs/${council.id}/dashboard?at=${D}&provider=${b.id}`);
    expect(drill.json.scope).toMatchObject({ kind: "provider", id: b.id, name: b.name });
    expect(drill.json.now.filled_posts.value).toBe(10);
    expect(drill.json.byProvider).toEqual([]);
    const refused = await client.get(`/api/orgs/${council.id}/dashboard?at=${D}&provider=${stranger.id}`);
    expect(refused.status).toBe(404);
  });

  it("a provider's breakdown row whose special category cell is suppressed is not given away by the others and the total", async () => {
    const council = await makeOrg(hub, "council");
    const analyst = await makeUser(hub, council, "council_analyst");
    const small = await provider(council.id, 12, { unknownEthnicity: 2 });
    const mid = await provider(council.id, 15, { unknownEthnicity: 6 });
    const big = await provider(council.id, 40, { unknownEthnicity: 10 });
    const d = (await (await signedIn(hub, analyst.email)).get(`/api/orgs/${council.id}/dashboard?at=${D}`)).json;
    const cell = (id: string) =>
      d.byProvider.find((r: { key: string }) => r.key === id).figures.ethnicity_unknown_share;
    expect(cell(small.id)).toMatchObject({ value: null, reason: "suppressed" });
    expect(cell(mid.id)).toMatchObject({ value: null, reason: "suppressed" }); // the next smallest goes too
    expect(cell(big.id).value).toBe(0.25);
    expect(d.now.ethnicity_unknown_share.value).toBeCloseTo(18 / 67, 10);
    // The analyst may read targets but not set them.
    const client = await signedIn(hub, analyst.email);
    expect(
      (await client.request("PUT", `/api/orgs/${council.id}/targets`, { targets: { vacancy_rate: 0.05 } })).status,
    ).toBe(403);
  });
});

describe("the provider dashboard", () => {
  it("places the provider among its comparison group's employers without giving any of their figures, and flags pay below the legal minimum", async () => {
    const council = await makeOrg(hub, "council");
    const me = await provider(council.id, 10, { vacancies: 1, pay: 11 });
    await provider(council.id, 10, { vacancies: 0 });
    await provider(council.id, 10, { vacancies: 3 });
    await provider(council.id, 10, { vacancies: 5 });
    const admin = await makeUser(hub, me, "provider_admin");
    const d = (await (await signedIn(hub, admin.email)).get(`/api/orgs/${me.id}/dashboard?at=${D}`)).json;
    expect(d.kind).toBe("provider");
    expect(d.now.vacancy_rate.value).toBeCloseTo(1 / 11, 10);
    expect(d.comparison.vacancy_rate.value).toBeCloseTo(8 / 38, 10);
    // Vacancy rates 0, 1/11 (mine), 3/13, 5/15: second best of four.
    expect(d.rank.vacancy_rate).toEqual({ rank: 2, of: 4 });
    expect(d.rank.filled_posts).toBeNull(); // no better direction, no rank
    expect(d.quality.belowNlw.value).toBe(10); // £11.00 an hour is below the 2026 National Living Wage
    expect(d.quality.completeness.completeness_score.value).toBeGreaterThan(0);
    expect(d).not.toHaveProperty("byProvider");
  });

  it("gives no rank when the comparison group is too small to show", async () => {
    const council = await makeOrg(hub, "council");
    const me = await provider(council.id, 10);
    await provider(council.id, 10);
    await provider(council.id, 10);
    const admin = await makeUser(hub, me, "provider_admin");
    const d = (await (await signedIn(hub, admin.email)).get(`/api/orgs/${me.id}/dashboard?at=${D}`)).json;
    expect(d.comparison.vacancy_rate.reason).toBe("not_enough_data");
    expect(Object.values(d.rank).every((r) => r === null)).toBe(true);
  });
});

describe("a council's public workforce page", () => {
  it("is not there until the council switches it on; then gives rounded figures to anyone, and nothing for a system too small", async () => {
    const council = await makeOrg(hub, "council");
    const admin = await makeUser(hub, council, "council_admin");
    const analyst = await makeUser(hub, council, "council_analyst");
    for (const [workers, vacancies] of [
      [23, 2],
      [31, 1],
      [14, 0],
    ])
      await provider(council.id, workers, { vacancies, leavers: 1 });
    const anyone = new Client(hub);
    expect((await anyone.get(`/api/public/workforce/${council.slug}`)).status).toBe(404);
    expect((await anyone.get("/api/public/workforce/no-such-council")).status).toBe(404);

    const staffOnly = await signedIn(hub, analyst.email);
    expect((await staffOnly.request("PUT", `/api/orgs/${council.id}/public-page`, { enabled: true })).status).toBe(403);
    const c = await signedIn(hub, admin.email);
    expect((await c.request("PUT", `/api/orgs/${council.id}/public-page`, { enabled: true })).json).toEqual({
      enabled: true,
      slug: council.slug,
    });
    expect((await c.get(`/api/orgs/${council.id}/public-page`)).json.enabled).toBe(true);

    const page = (await anyone.get(`/api/public/workforce/${council.slug}`)).json;
    expect(page.council.name).toBe(council.name);
    expect(page.roundedTo).toBe(5);
    expect(page.now.filled_posts).toEqual({ value: 70, n: 70 }); // 68 in post, rounded to the nearest 5
    expect(page.now.vacancy_rate.value).toBe(Math.round((3 / 71) * 1000) / 1000);
    expect(page.now).not.toHaveProperty("completeness_score");
    expect(page.now).not.toHaveProperty("agency_spend");
    for (const band of page.agePyramid) for (const n of [band.female, band.male, band.other]) expect(n % 5).toBe(0);
    expect(page.trend).toHaveLength(8);

    // A council with two small providers: too few employers for a public figure.
    const small = await makeOrg(hub, "council");
    const smallAdmin = await signedIn(hub, (await makeUser(hub, small, "council_admin")).email);
    await provider(small.id, 30);
    await provider(small.id, 30);
    await smallAdmin.request("PUT", `/api/orgs/${small.id}/public-page`, { enabled: true });
    const tooSmall = (await anyone.get(`/api/public/workforce/${small.slug}`)).json;
    expect(tooSmall.now.vacancy_rate).toEqual({ value: null, reason: "not_enough_data", n: 0 });

    await c.request("PUT", `/api/orgs/${council.id}/public-page`, { enabled: false });
    expect((await anyone.get(`/api/public/workforce/${council.slug}`)).status).toBe(404);
  });
});

describe("a quarter ago", () => {
  it("is one date, the same day three months before, on the council's dashboard and on its public page", async () => {
    const council = await makeOrg(hub, "council");
    const admin = await signedIn(hub, (await makeUser(hub, council, "council_admin")).email);
    for (const workers of [20, 25, 30]) await provider(council.id, workers);
    const today = isoDate(hub.deps.now());
    const quarterAgo = monthsBefore(today, 3);
    const lastQuarterEnd = quarterEnds(today, 1)[0];
    expect(quarterAgo < lastQuarterEnd).toBe(true); // the two readings differ on the harness's date
    // Vacancies opened between the two: counted at the quarter end, not a quarter ago.
    const [w] = await hub.deps.db.select().from(workplaces).where(eq(workplaces.councilId, council.id)).limit(1);
    await hub.deps.db.insert(vacancies).values(
      Array.from({ length: 6 }, () => ({
        orgId: w.orgId,
        workplaceId: w.id,
        jobRole: 8,
        openedOn: addDaysIso(quarterAgo, 1),
      })),
    );
    await admin.request("PUT", `/api/orgs/${council.id}/public-page`, { enabled: true });
    const dashboard = (await admin.get(`/api/orgs/${council.id}/dashboard`)).json;
    const page = (await new Client(hub).get(`/api/public/workforce/${council.slug}`)).json;
    expect(dashboard.previousAt).toBe(quarterAgo);
    expect(page.previousAt).toBe(quarterAgo);
    expect(dashboard.previous.vacancy_rate.value).toBe(0);
    expect(page.previous.vacancy_rate.value).toBe(0);
    expect(page.now.vacancy_rate.value).toBe(Math.round((6 / 81) * 1000) / 1000);
    expect(page.trend.at(-1).at).toBe(lastQuarterEnd);
  });
});

describe("what needs attention", () => {
  it("opens a council's dashboard with providers late with a return, paying below the legal minimum, or with data too incomplete to trust, and figures off target, each linked; a provider's with its own", async () => {
    const council = await makeOrg(hub, "council");
    const admin = await signedIn(hub, (await makeUser(hub, council, "council_admin")).email);
    const lowPay = await provider(council.id, 12, { pay: 8 }); // below the National Living Wage for a 36-year-old
    const vague = await provider(council.id, 12, { unknownEthnicity: 12, pay: 13 });
    const fine = await provider(council.id, 12, { vacancies: 3, pay: 13 });
    // A return due before today: the providers' records were not changed since, so none sent it.
    const period = (
      await admin.request("POST", `/api/orgs/${council.id}/return-periods`, {
        name: "Quarter to 31 March 2026",
        periodEnd: "2026-03-31",
        dueDate: "2026-04-30",
      })
    ).json.period;
    await admin.request("PUT", `/api/orgs/${council.id}/targets`, { targets: { vacancy_rate: 0.01 } });
    const d = (await admin.get(`/api/orgs/${council.id}/dashboard`)).json;
    const of = (kind: string) => d.attention.filter((i: { kind: string }) => i.kind === kind);
    expect(of("return_late")).toEqual([
      expect.objectContaining({ periodId: period.id, text: expect.stringContaining("3 providers have not sent") }),
    ]);
    expect(of("below_nlw").map((i: { providerId: string }) => i.providerId)).toEqual([lowPay.id]);
    expect(of("below_nlw")[0].text).toContain("12 workers paid below the National Living Wage");
    const incomplete = of("incomplete_data").map((i: { providerId: string }) => i.providerId);
    expect(incomplete).toContain(vague.id);
    // These bare test records leave most fields blank: every provider's data is under 80% complete.
    expect(incomplete).toEqual(expect.arrayContaining([vague.id, fine.id]));
    expect(of("off_target")).toEqual([expect.objectContaining({ figure: "vacancy_rate" })]);
    // The breakdowns keep to the headline figures: the count behind the attention list is not a column.
    expect(d.byProvider[0].figures).not.toHaveProperty("below_nlw_count");

    const own = await signedIn(hub, (await makeUser(hub, lowPay, "provider_admin")).email);
    const mine = (await own.get(`/api/orgs/${lowPay.id}/dashboard`)).json;
    expect(mine.attention.map((i: { kind: string }) => i.kind)).toEqual(
      expect.arrayContaining(["return_late", "below_nlw"]),
    );
    expect(mine.attention.find((i: { kind: string }) => i.kind === "return_late")).toMatchObject({
      periodId: period.id,
      text: `Your return "Quarter to 31 March 2026" to ${council.name} was due on 30 April 2026: send it now.`,
    });
  });
});
