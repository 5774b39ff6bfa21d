import { eq, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, makeSystem, signedIn, testHub, uniq } from "../../../../test/harness";
import { agencyUse, declaredCounts, staffRecords, vacancies, workforceSettings, workplaces } from "../../db/schema";
import { cellKey, computeGrid, figuresAt as coreFigures } from "./engine";

// A small hand-made system whose every figure is worked out below, as at D = 2026-06-30
// (flows over 2025-06-30 < date ≤ 2026-06-30).
const hub = await testHub();
const D = "2026-06-30";

async function workplace(orgId: string) {
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId, localRef: `W${uniq()}`, name: "Home", mainService: 2 })
    .returning();
  return w;
}
type Person = {
  ref: string;
  contract: number;
  start: string;
  end?: string;
  dob?: string;
  key?: string;
  zeroHours?: number;
  sick?: number;
};
async function staff(w: { id: string; orgId: string }, people: Person[]) {
  await hub.deps.db.insert(staffRecords).values(
    people.map((p) => ({
      orgId: w.orgId,
      workplaceId: w.id,
      localRef: p.ref,
      displayId: p.ref,
      contractType: p.contract,
      mainJobRole: 8,
      startDate: p.start,
      endDate: p.end ?? null,
      dateOfBirth: p.dob ?? null,
      personKey: p.key ?? null,
      zeroHours: p.zeroHours ?? null,
      daysSick: p.sick ?? null,
    })),
  );
}

const A = await makeOrg(hub, "provider");
const B = await makeOrg(hub, "provider");
const wa = await workplace(A.id);
const wb = await workplace(B.id);
// Person keys are shared across employers: the same key is the same person.
const key = (k: string) => `person-${k}`;
await staff(wa, [
  { ref: "ann", contract: 1, start: "2020-01-01", dob: "1960-01-01", key: key("1"), zeroHours: 2, sick: 4 },
  { ref: "bob", contract: 1, start: "2025-09-01", dob: "2000-02-29", key: key("2"), zeroHours: 2, sick: 0 },
  // Cat left and came back: two employments of one person.
  { ref: "cat-1", contract: 2, start: "2019-05-01", end: "2026-01-15", dob: "1990-06-30", key: key("3") },
  { ref: "cat-2", contract: 1, start: "2026-03-01", dob: "1990-06-30", key: key("3"), zeroHours: 2 },
  { ref: "dan", contract: 3, start: "2018-01-01", key: key("4"), zeroHours: 1 }, // bank: workforce, not employed
  { ref: "eve", contract: 4, start: "2026-01-01", dob: "1950-01-01" }, // agency: counted apart
  // Fay moved to provider B.
  { ref: "fay", contract: 1, start: "2015-01-01", end: "2025-12-31", key: key("5") },
  { ref: "gus", contract: 2, start: "2024-01-01", end: "2025-03-01", key: key("9") }, // left before the year
  { ref: "hal", contract: 1, start: D, dob: "2002-07-01", key: key("8"), sick: 2.5 }, // starts on D
  { ref: "ian", contract: 1, start: "2021-01-01", end: D, key: key("6") }, // leaves on D: not in post at D
  { ref: "kay", contract: 2, start: "2024-01-01", end: "2025-08-01", key: key("7") },
]);
await staff(wb, [{ ref: "fay", contract: 1, start: "2026-01-01", key: key("5") }]);
await hub.deps.db.insert(vacancies).values([
  { orgId: A.id, workplaceId: wa.id, jobRole: 8, openedOn: "2026-05-01" },
  { orgId: A.id, workplaceId: wa.id, jobRole: 8, openedOn: "2026-01-01", closedOn: D }, // closed on D
  { orgId: A.id, workplaceId: wa.id, jobRole: 8, openedOn: "2026-07-01" }, // after D
]);
await hub.deps.db.insert(agencyUse).values([
  { orgId: A.id, workplaceId: wa.id, month: "2025-06-01", hours: 10, spend: 400 }, // before the year
  { orgId: A.id, workplaceId: wa.id, month: "2025-07-01", hours: 30, spend: 1000 },
  { orgId: A.id, workplaceId: wa.id, month: "2026-06-01", hours: 15, spend: 500 },
]);

describe("core figures on a hand-made dataset", () => {
  it("counts, rates and people figures for one employer, each worked out by hand", async () => {
    const f = await coreFigures(hub.deps.db, [wa.id], D);
    const v = (name: string) => f[name].value;
    // In post at D: ann, bob, cat-2, dan, eve (agency), hal. Not: cat-1, fay, gus, ian (ends on D), kay.
    expect(v("filled_posts")).toBe(5); // ann, bob, cat-2, dan, hal
    expect(v("employed_headcount")).toBe(4); // ann, bob, cat-2, hal
    // Leavers among the employed in the year: cat-1, fay, ian, kay (gus left before it).
    expect(v("leavers_12m")).toBe(4);
    expect(v("turnover_rate")).toBe(4 / 4);
    // Employed a year ago: ann, cat-1, fay, ian, kay = 5; mean of 5 and 4.
    expect(v("turnover_rate_avg")).toBeCloseTo(4 / 4.5, 10);
    expect(v("starter_rate")).toBe(3 / 4); // bob, cat-2, hal
    // Of the 5 a year ago, still with this employer: ann (same record), cat (came back) = 2.
    expect(v("stability_index")).toBe(2 / 5);
    expect(v("system_retention")).toBe(2 / 5); // people: ann and cat; fay left the scope
    expect(v("vacancies")).toBe(1);
    expect(v("vacancy_rate")).toBe(1 / 5);
    expect(v("agency_rate")).toBe(1 / 5);
    expect(v("agency_spend")).toBe(1500);
    expect(v("permanent_share")).toBe(4 / 5);
    expect(v("zero_hours_share")).toBe(1 / 4); // dan, of ann, bob, cat-2, dan (hal unknown)
    expect(v("sickness_days_mean")).toBeCloseTo((4 + 0 + 2.5) / 3, 10);
    // Ages at D, workforce with a date of birth: ann 66, bob 26, cat 36 (birthday on D), hal 23.
    expect(v("age_55_plus_share")).toBe(1 / 4); // eve (agency, 76) is not in the workforce
    expect(v("age_under_30_share")).toBe(2 / 4);
    expect(v("age_under_25_share")).toBe(1 / 4);
    expect(v("age_mean")).toBe((66 + 26 + 36 + 23) / 4);
  });

  it("system retention counts someone who moved to another employer in the scope as kept; stability does not", async () => {
    const f = await coreFigures(hub.deps.db, [wa.id, wb.id], D);
    expect(f.system_retention.value).toBe(3 / 5); // fay is still in the system, at B
    expect(f.stability_index.value).toBe(2 / 5);
  });

  it("a birthday on 29 February counts from 1 March in other years", async () => {
    const w = await workplace(A.id);
    await staff(w, [{ ref: "leap", contract: 1, start: "2020-01-01", dob: "2000-02-29" }]);
    expect((await coreFigures(hub.deps.db, [w.id], "2025-02-28")).age_under_25_share.value).toBe(1);
    expect((await coreFigures(hub.deps.db, [w.id], "2025-03-01")).age_under_25_share.value).toBe(0);
    expect((await coreFigures(hub.deps.db, [w.id], "2024-02-29")).age_mean.value).toBe(24);
  });

  it("FTE figures: contracted hours for fixed hours, average hours for zero-hours, bank and agency staff, unknown hours as 0", async () => {
    const org = await makeOrg(hub, "provider");
    const w = await workplace(org.id);
    await hub.deps.db.insert(staffRecords).values(
      [
        { ref: "full", contract: 1, zero: 2, contracted: 37.5 }, // 1.0
        { ref: "part", contract: 2, zero: 2, contracted: 15 }, // 0.4
        { ref: "zero", contract: 1, zero: 1, contracted: 37.5, average: 7.5 }, // zero-hours: average, 0.2
        { ref: "bank", contract: 3, average: 18.75 }, // 0.5, not employed
        { ref: "unknown", contract: 1, zero: 2 }, // no hours: 0
        { ref: "agency", contract: 4, average: 30 }, // 0.8, agency
        { ref: "left", contract: 1, zero: 2, contracted: 22.5, end: "2026-01-31" }, // 0.6, a leaver
        { ref: "apprentice", contract: 1, zero: 2, contracted: 37.5, start: "2026-02-01", apprentice: 1 }, // 1.0, an apprenticeship start
      ].map((p) => ({
        orgId: org.id,
        workplaceId: w.id,
        localRef: p.ref,
        displayId: p.ref,
        contractType: p.contract,
        mainJobRole: 8,
        startDate: p.start ?? "2020-01-01",
        endDate: p.end ?? null,
        zeroHours: p.zero ?? null,
        contractedHours: p.contracted ?? null,
        averageHours: p.average ?? null,
        apprentice: p.apprentice ?? null,
      })),
    );
    await hub.deps.db
      .insert(vacancies)
      .values({ orgId: org.id, workplaceId: w.id, jobRole: 8, openedOn: "2026-05-01" });
    const f = await coreFigures(hub.deps.db, [w.id], D);
    const employedFte = 1 + 0.4 + 0.2 + 0 + 1; // full, part, zero, unknown, apprentice
    expect(f.filled_posts_fte.value).toBeCloseTo(employedFte + 0.5, 10); // and bank
    expect(f.vacancy_rate_fte.value).toBeCloseTo(1 / (employedFte + 1), 10);
    expect(f.turnover_rate_fte.value).toBeCloseTo(0.6 / employedFte, 10);
    expect(f.agency_rate_fte.value).toBeCloseTo(0.8 / (0.8 + employedFte), 10);
    expect(f.apprenticeship_starts_12m.value).toBe(1);
  });

  it("FTE uses the employer's own standard week when it has set one", async () => {
    const org = await makeOrg(hub, "provider");
    const w = await workplace(org.id);
    const person = (ref: string, contracted: number) => ({
      orgId: org.id,
      workplaceId: w.id,
      localRef: ref,
      displayId: ref,
      contractType: 1,
      mainJobRole: 8,
      startDate: "2020-01-01",
      zeroHours: 2,
      contractedHours: contracted,
    });
    await hub.deps.db.insert(staffRecords).values([person("a", 35), person("b", 17.5)]);
    expect((await coreFigures(hub.deps.db, [w.id], D)).filled_posts_fte.value).toBeCloseTo(52.5 / 37.5, 10); // the default week
    await hub.deps.db.insert(workforceSettings).values({ orgId: org.id, standardWeeklyHours: 35 });
    expect((await coreFigures(hub.deps.db, [w.id], D)).filled_posts_fte.value).toBeCloseTo(1.5, 10); // 35/35 + 17.5/35
    // Another employer's week does not touch this one's figures.
    expect((await coreFigures(hub.deps.db, [wa.id], D)).filled_posts_fte.n).toBe(5);
  });

  it("declared ASC-WDS counts stand in only where a workplace has no records of its own, and are marked", async () => {
    const org = await makeOrg(hub, "provider");
    const [plain, withRecords] = [await workplace(org.id), await workplace(org.id)];
    const declare = (w: { id: string }, asAt: string, kind: string, counts: number[]) =>
      hub.deps.db
        .insert(declaredCounts)
        .values(
          counts.map((count, i) => ({ orgId: org.id, workplaceId: w.id, asAt, kind, code: i === 0 ? 8 : 7, count })),
        );
    const person = (w: { id: string }, ref: string, end?: string) => ({
      orgId: org.id,
      workplaceId: w.id,
      localRef: ref,
      displayId: ref,
      contractType: 1,
      mainJobRole: 8,
      startDate: "2020-01-01",
      endDate: end ?? null,
    });
    await hub.deps.db.insert(staffRecords).values([
      person(plain, "p1"),
      person(plain, "p2"),
      person(plain, "p3"),
      person(withRecords, "r1"),
      person(withRecords, "r2", "2026-02-01"), // a record-level leaver
    ]);
    await declare(plain, "2025-05-31", "vacancies", [9]); // more than 12 months before D: not used
    await declare(plain, "2026-03-31", "vacancies", [2, 1]); // the latest in the year: 3 vacancies
    await declare(plain, "2026-03-31", "leavers", [4]);
    await declare(withRecords, "2026-03-31", "vacancies", [5]);
    await declare(withRecords, "2026-03-31", "leavers", [6]);
    await hub.deps.db.insert(vacancies).values({
      orgId: org.id,
      workplaceId: withRecords.id,
      jobRole: 8,
      openedOn: "2020-01-01",
      closedOn: "2020-02-01",
    });

    const p = await coreFigures(hub.deps.db, [plain.id], D);
    expect(p.vacancies).toEqual({ value: 3, n: 3, declared: true });
    expect(p.vacancy_rate).toEqual({ value: 3 / (3 + 3), n: 6, declared: true });
    expect(p.leavers_12m).toEqual({ value: 4, n: 4, declared: true });
    expect(p.turnover_rate.value).toBe(4 / 3);
    expect(p.turnover_rate.declared).toBe(true);
    // Vacancy records (even closed ones) and record-level leavers win over declarations.
    const r = await coreFigures(hub.deps.db, [withRecords.id], D);
    expect(r.vacancies).toEqual({ value: 0, n: 0 });
    expect(r.leavers_12m).toEqual({ value: 1, n: 1 });
    // Both together: the declared part is added, and marked.
    const both = await coreFigures(hub.deps.db, [plain.id, withRecords.id], D);
    expect(both.leavers_12m).toEqual({ value: 5, n: 5, declared: true });
    // Before the latest declaration's date, the one before it holds (it is within that year).
    expect((await coreFigures(hub.deps.db, [plain.id], "2026-03-30")).vacancies).toEqual({
      value: 9,
      n: 9,
      declared: true,
    });
    expect((await coreFigures(hub.deps.db, [plain.id], "2025-05-30")).vacancies).toEqual({ value: 0, n: 0 });
  });

  it("a figure with nothing to rest on says so instead of showing 0", async () => {
    const w = await workplace(B.id);
    const f = await coreFigures(hub.deps.db, [w.id], D);
    // Counts too: with no record at all, 0 would claim the workplace is known to be empty.
    for (const name of ["filled_posts", "filled_posts_fte", "employed_headcount", "vacancies", "leavers_12m"])
      expect(f[name], name).toEqual({ value: null, reason: "no_data", n: 0 });
    expect(f.turnover_rate).toEqual({ value: null, reason: "no_data", n: 0 });
    expect(f.agency_spend).toEqual({ value: null, reason: "no_data", n: 0 });
    // Before its records begin, a workplace with records has no data either; once they do, counts of 0 are real.
    const later = await workplace(B.id);
    await staff(later, [{ ref: "l1", contract: 1, start: "2026-01-01", end: "2026-02-01" }]);
    expect((await coreFigures(hub.deps.db, [later.id], "2025-06-30")).filled_posts.reason).toBe("no_data");
    expect((await coreFigures(hub.deps.db, [later.id], "2026-03-01")).filled_posts).toEqual({ value: 0, n: 0 });
    expect((await coreFigures(hub.deps.db, [later.id], "2026-03-01")).leavers_12m).toEqual({ value: 1, n: 1 });
  });
  it("before the day a workplace's records begin (records_from), every figure reads no data, for its group alone", async () => {
    const limited = await workplace(A.id);
    await hub.deps.db.update(workplaces).set({ recordsFrom: "2026-01-01" }).where(eq(workplaces.id, limited.id));
    // In post since 2020 by their start date, but who left and what was vacant before 2026 is not held.
    await staff(limited, [{ ref: "z1", contract: 1, start: "2020-01-01" }]);
    const before = await coreFigures(hub.deps.db, [limited.id], "2025-12-31");
    for (const [name, figure] of Object.entries(before))
      expect(figure, name).toEqual({ value: null, reason: "no_data", n: 0 });
    expect((await coreFigures(hub.deps.db, [limited.id], "2026-01-01")).filled_posts).toEqual({ value: 1, n: 1 });
    // With a workplace whose records have no such limit, the whole counts only what is held: that one.
    const open = await workplace(B.id);
    await staff(open, [{ ref: "o1", contract: 1, start: "2020-01-01" }]);
    const cells = [
      { at: "2025-12-31", by: "all" as const },
      { at: "2025-12-31", by: "employer" as const },
    ];
    const grid = await computeGrid(hub.deps.db, [limited.id, open.id], cells, [], ["filled_posts"]);
    expect(grid.get(cellKey(cells[0]))?.get("all")?.filled_posts).toEqual({ value: 1, n: 1 });
    const byEmployer = grid.get(cellKey(cells[1]));
    expect([...(byEmployer?.keys() ?? [])]).toEqual([B.id]);
    expect(byEmployer?.get(B.id)?.filled_posts).toEqual({ value: 1, n: 1 });
  });
});

describe("figures through the API", () => {
  it("a provider gets its own figures; a council gets its commissioned providers'; names and scopes are checked", async () => {
    const { council, provider, councilAdmin, providerAdmin } = await makeSystem(hub);
    const w = await workplace(provider.id);
    await staff(w, [
      { ref: "p1", contract: 1, start: "2020-01-01" },
      { ref: "p2", contract: 1, start: "2020-01-01", end: "2026-03-01" },
    ]);
    const own = await workplace(council.id);
    await staff(own, [{ ref: "c1", contract: 1, start: "2020-01-01" }]);

    const p = await signedIn(hub, providerAdmin.email);
    const mine = await p.get(`/api/orgs/${provider.id}/metrics?at=${D}&metrics=employed_headcount,turnover_rate`);
    expect(mine.status).toBe(200);
    expect(mine.json.values).toEqual({ employed_headcount: 1, turnover_rate: 1 });
    expect(mine.json.figures.turnover_rate).toEqual({ value: 1, n: 1 });
    expect(
      (await p.get(`/api/orgs/${provider.id}/metrics?at=${D}&scope=workplace:${w.localRef}&metrics=employed_headcount`))
        .json.values,
    ).toEqual({ employed_headcount: 1 });
    expect((await p.get(`/api/orgs/${provider.id}/metrics?scope=council`)).status).toBe(400);
    expect((await p.get(`/api/orgs/${provider.id}/metrics?scope=workplace:${own.localRef}`)).status).toBe(404); // the council's workplace, not its own
    const unknown = await p.get(`/api/orgs/${provider.id}/metrics?metrics=happiness`);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("happiness");

    const c = await signedIn(hub, councilAdmin.email);
    const system = await c.get(`/api/orgs/${council.id}/metrics?at=${D}&metrics=employed_headcount,leavers_12m`);
    expect(system.json.values).toEqual({ employed_headcount: 2, leavers_12m: 1 }); // provider's p1 and the council's own c1
    // Another organisation's user is refused.
    expect((await p.get(`/api/orgs/${council.id}/metrics`)).status).toBe(404);
  });
  it("metrics= computes only the figures named: no other query, column or table", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const w = await workplace(provider.id);
    await staff(w, [{ ref: "p1", contract: 1, start: "2020-01-01" }]);
    const p = await signedIn(hub, providerAdmin.email);
    // Every statement the engine sends, as text (the summaries' own reads go through the query builder).
    const db = hub.deps.db as unknown as {
      execute: (q: SQL) => Promise<unknown>;
      dialect: { sqlToQuery: (q: SQL) => { sql: string } };
    };
    const execute = db.execute;
    const sent: string[] = [];
    db.execute = function (this: unknown, q: SQL) {
      sent.push(db.dialect.sqlToQuery(q).sql);
      return execute.call(this, q);
    };
    try {
      const one = await p.get(`/api/orgs/${provider.id}/metrics?at=${D}&metrics=filled_posts,vacancies`);
      expect(one.json.values).toEqual({ filled_posts: 1, vacancies: 0 });
      const engine = sent.filter((s) => s.includes("json_to_recordset"));
      expect(engine.length).toBeGreaterThan(0);
      for (const absent of [
        "training_records",
        "agency_use",
        "percentile_disc",
        "person_now",
        "completeness_",
        "gender.",
      ])
        expect(engine.join("\n")).not.toContain(absent);
      expect(engine.join("\n")).toContain("from vacancies");
      sent.length = 0;
      await p.get(`/api/orgs/${provider.id}/metrics?at=${D}&metrics=training_compliance`);
      expect(sent.join("\n")).toContain("training_records");
      expect(sent.join("\n")).not.toContain("from vacancies");
    } finally {
      db.execute = execute;
    }
  });
});
