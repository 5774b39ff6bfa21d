import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea, type WorkerInput } from "../../../../test/social-work-fixtures";
import {
  swAgencyAssignments,
  swAsye,
  swAsyeReviews,
  swCaseloads,
  swEstablishment,
  swSupervisions,
} from "../../db/schema";

// The social work figures from hand-made workers, exactly, through the API (the test clock is
// 2026-06-15): children's team A (6 funded, 5 in post of whom one half time, one leaver, one
// agency worker), children's team B (3 funded, 2 in post: under the threshold, so withheld, and A
// with it), adults (6 funded and in post, 5 with caseloads, 3 supervised, 2 grown their own).

const hub = await testHub();
const area = await socialWorkArea(hub);
const team = (t: { id: string; service: string; workplaceId: string }) => t as WorkerInput["team"];
const { childrenA, childrenB, adults } = area.teams;
const db = hub.deps.db;
const org = area.council.id;

const est = (teamId: string, fundedFte: number) =>
  db
    .insert(swEstablishment)
    .values({ orgId: org, teamId, role: "social_worker", fundedFte, effectiveFrom: "2020-01-01" });
await est(childrenA.id, 6);
await est(childrenB.id, 3);
await est(adults.id, 6);
for (let i = 0; i < 4; i++) await area.addWorker({ team: team(childrenA) });
await area.addWorker({ team: team(childrenA), contractedHours: 18.5 });
await area.addWorker({ team: team(childrenA), endDate: "2026-03-01" });
await area.addWorker({ team: team(childrenB) });
await area.addWorker({ team: team(childrenB) });
await db.insert(swAgencyAssignments).values({
  orgId: org,
  teamId: childrenA.id,
  role: "social_worker",
  workerName: "Agency One",
  agencyName: "Locums Ltd",
  startDate: "2026-01-05",
  hourlyRate: 40,
});
const adultWorkers = [];
for (let i = 0; i < 6; i++)
  adultWorkers.push(await area.addWorker({ team: team(adults), routeIn: i < 2 ? "apprentice" : "external" }));
for (const w of adultWorkers.slice(0, 5))
  await db.insert(swCaseloads).values({ orgId: org, staffRecordId: w.id, month: "2026-06-01", openCases: 20 });
// An older month with other numbers: the latest month by the date is the one used.
await db
  .insert(swCaseloads)
  .values({ orgId: org, staffRecordId: adultWorkers[0].id, month: "2026-05-01", openCases: 3 });
for (const w of adultWorkers.slice(0, 3))
  await db.insert(swSupervisions).values({ orgId: org, staffRecordId: w.id, heldOn: "2026-06-01", type: "reflective" });

// Two ASYEs (begun 1 March 2025): the 3-month review on time (due 1 June, held 5 June, within
// the 14 days' grace), the 6-month late, the 9-month and final not held and past their grace.
for (const w of adultWorkers.slice(4, 6)) {
  const [asye] = await db
    .insert(swAsye)
    .values({ orgId: org, staffRecordId: w.id, service: "adults", startDate: "2025-03-01" })
    .returning();
  await db.insert(swAsyeReviews).values([
    { orgId: org, asyeId: asye.id, stage: "3_month", heldOn: "2025-06-05", progress: "on_track" },
    { orgId: org, asyeId: asye.id, stage: "6_month", heldOn: "2025-10-01", progress: "on_track" },
  ]);
}

const base = `/api/orgs/${org}/social-work/figures`;

describe("social work figures", async () => {
  const lead = await signedIn(hub, area.lead.email);
  const res = await lead.get(base);
  const service = (s: string) => res.json.services.find((x: { service: string }) => x.service === s).figures;
  const teamOf = (id: string) => res.json.teams.find((x: { id: string }) => x.id === id).figures;

  it("works out each service's figures exactly", () => {
    expect(res.status).toBe(200);
    expect(res.json.at).toBe("2026-06-15");
    const c = service("children");
    // Vacant: A 6 − 4.5 = 1.5, B 3 − 2 = 1, over 9 funded.
    expect(c.vacancy_rate).toEqual({ value: 2.5 / 9, n: 9 });
    // Agency: 1 FTE over 1 + 6.5 FTE in post.
    expect(c.agency_rate).toEqual({ value: 1 / 7.5, n: 7.5 });
    // Turnover: 1 leaver over the mean of 8 a year ago and 7 now.
    expect(c.turnover_rate).toEqual({ value: 1 / 7.5, n: 7.5 });
    // Stability: 7 of the 8 in post a year ago.
    expect(c.stability_index).toEqual({ value: 7 / 8, n: 8 });
    const a = service("adults");
    expect(a.vacancy_rate).toEqual({ value: 0, n: 6 });
    expect(a.caseload_average).toEqual({ value: 20, n: 5 });
    expect(a.supervision_compliance).toEqual({ value: 0.5, n: 6 });
    expect(a.grow_your_own_share).toEqual({ value: 2 / 6, n: 6 });
    expect(a.turnover_rate).toEqual({ value: 0, n: 6 });
    // 2 of the 8 reviews due by now held on time.
    expect(a.asye_reviews_on_time).toEqual({ value: 2 / 8, n: 8 });
    // Two NQSWs a year on: fewer than 5, withheld.
    expect(a.nqsw_retention_12m).toEqual({ value: null, n: 0, reason: "small_base" });
  });

  it("withholds the small team, and the other team of its service so the total cannot give it away", () => {
    expect(teamOf(childrenB.id).vacancy_rate).toEqual({ value: null, n: 0, reason: "small_base" });
    expect(teamOf(childrenA.id).vacancy_rate).toEqual({ value: null, n: 0, reason: "complement" });
    // Nothing the API returns about the children's teams holds a value the service total could be split by.
    for (const t of res.json.teams.filter((x: { service: string }) => x.service === "children"))
      for (const name of ["vacancy_rate", "agency_rate", "turnover_rate", "stability_index"])
        expect(t.figures[name].value, `${t.name} ${name}`).toBeNull();
    // The adults' team is its service: shown.
    expect(teamOf(adults.id).vacancy_rate).toEqual({ value: 0, n: 6 });
  });

  it("the suppressed value cannot be recovered from any combination of what the API returns", async () => {
    // Every response the reader can ask for: headline (all, per service), series (12, 36) and the CSV.
    const children = await lead.get(`${base}?service=children`);
    const s12 = await lead.get(`${base}/series?months=12`);
    const s36 = await lead.get(`${base}/series?months=36&service=children`);
    const csv = await lead.get(`${base}/series.csv?months=12`);
    // One service asked for alone gives exactly what it gives among both.
    expect(children.json.services[0].figures).toEqual(service("children"));
    // Shown team counts in the children's service, in any response, at today's date: none, so the
    // service's numerator (value × n) cannot be split into team B's.
    const last = (xs: unknown[]) => xs[xs.length - 1];
    for (const body of [s12.json, s36.json])
      for (const t of body.teams.filter((x: { service: string }) => x.service === "children"))
        expect((last(t.series.vacancy_rate) as { value: number | null }).value).toBeNull();
    for (const t of children.json.teams) expect(t.figures.vacancy_rate.value).toBeNull();
    expect(csv.status).toBe(200);
    const teamB = csv.text
      .split("\r\n")
      .filter((l: string) => l.includes("Children in care") && l.includes("Vacancy rate"));
    expect(teamB.length).toBe(12);
    for (const l of teamB) expect(l).toContain("Withheld");
  });

  it("gives 12 or 36 months, the last at today, the same as the headline figures", async () => {
    const s12 = await lead.get(`${base}/series?months=12`);
    expect(s12.json.dates).toHaveLength(12);
    expect(s12.json.dates[11]).toBe("2026-06-15");
    expect(s12.json.dates[10]).toBe("2026-05-31");
    const children = s12.json.services.find((x: { service: string }) => x.service === "children").series;
    expect(children.vacancy_rate[11]).toEqual(service("children").vacancy_rate);
    expect((await lead.get(`${base}/series?months=36`)).json.dates).toHaveLength(36);
    const bad = await lead.get(`${base}/series?months=24`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("12 or 36");
  });

  it("refuses a date in the future and a service it does not know, saying which", async () => {
    const future = await lead.get(`${base}?at=2027-01-01`);
    expect(future.status).toBe(400);
    expect(future.text).toContain("in the future");
    const year0 = await lead.get(`${base}?at=0000-01-01`);
    expect(year0.status).toBe(400);
    const wrong = await lead.get(`${base}?service=elders`);
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("adults or children");
  });

  it("at an earlier date, counts who was in post then", async () => {
    const then = await lead.get(`${base}?at=2026-02-01&service=children`);
    // The leaver was still in post: A 6 − 5.5 = 0.5 vacant, B 1.
    expect(then.json.services[0].figures.vacancy_rate).toEqual({ value: 1.5 / 9, n: 9 });
    expect(then.json.services[0].figures.agency_rate.value).toBeCloseTo(1 / 8.5, 10);
  });
});
