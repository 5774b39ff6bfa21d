import { describe, expect, it } from "vitest";
import { makeOrg, testHub, uniq } from "../../../../test/harness";
import { staffRecords, trainingRecords, workforceSettings, workplaces } from "../../db/schema";
import { listPayFloors } from "../reference/reference.repo";
import { figuresAt as workforceFigures } from "./engine";
import { hourlyPay } from "./workforce";

const hub = await testHub();
const D = "2026-06-30"; // RLW 13.45 (UK) and 14.80 (London) payable from 22 April 2026; NLW 12.71 (21+), 10.85 (18–20)
const floors = await listPayFloors(hub.deps.db);
const org = await makeOrg(hub, "provider");

async function workplace(postcode: string) {
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId: org.id, localRef: `W${uniq()}`, name: "Home", mainService: 2, postcode })
    .returning();
  return w;
}
type Row = Partial<typeof staffRecords.$inferInsert> & { localRef: string };
async function staff(w: { id: string }, rows: Row[]) {
  await hub.deps.db.insert(staffRecords).values(
    rows.map((r) => ({
      orgId: org.id,
      workplaceId: w.id,
      displayId: r.localRef,
      contractType: 1,
      mainJobRole: 8,
      startDate: "2020-01-01",
      ...r,
    })),
  );
}

describe("pay, people and qualification figures on a hand-made dataset", () => {
  it("hourly pay is the rate, or the salary over contracted hours × 52.143; unknown otherwise", () => {
    expect(hourlyPay({ payInterval: 3, payRate: 12.5, contractedHours: null })).toBe(12.5);
    expect(hourlyPay({ payInterval: 1, payRate: 26071.5, contractedHours: 37.5 })).toBeCloseTo(
      26071.5 / (37.5 * 52.143),
      10,
    );
    expect(hourlyPay({ payInterval: 1, payRate: 26000, contractedHours: null })).toBeNull();
    expect(hourlyPay({ payInterval: 999, payRate: 12, contractedHours: 37.5 })).toBeNull();
  });

  it("medians, the Real Living Wage (London rate in London), the legal minimum by age, and people shares", async () => {
    const runcorn = await workplace("WA7 1AB");
    const london = await workplace("SE1 7PB");
    await staff(runcorn, [
      {
        localRef: "a",
        payInterval: 3,
        payRate: 13.0,
        dateOfBirth: "1980-01-01",
        gender: 2,
        ethnicity: 31,
        socialCareQual: 1,
        socialCareQualLevel: 3,
        careCertificate: 1,
        sectorStartYear: 2000,
        mainJobStartDate: "2020-01-01",
      },
      {
        localRef: "b",
        payInterval: 3,
        payRate: 13.5,
        dateOfBirth: "1990-01-01",
        gender: 2,
        ethnicity: 99,
        socialCareQual: 2,
        careCertificate: 2,
        sectorStartYear: 2010,
        mainJobStartDate: "2026-01-01",
      },
      // 19 years old on £11.00: above the 18–20 minimum (10.85), below the RLW.
      {
        localRef: "c",
        payInterval: 3,
        payRate: 11.0,
        dateOfBirth: "2007-01-01",
        gender: 1,
        socialCareQual: 1,
        socialCareQualLevel: 999,
        careCertificate: 3,
      },
      // 30 years old on £12.50: below the NLW (12.71) — a legal red flag.
      {
        localRef: "d",
        mainJobRole: 7,
        payInterval: 3,
        payRate: 12.5,
        dateOfBirth: "1996-01-01",
        gender: 3,
        socialCareQual: 1,
        socialCareQualLevel: 2,
      },
      // A salary: 28,000 / (37.5 × 52.143) = £14.32 an hour; senior care worker.
      {
        localRef: "e",
        mainJobRole: 7,
        payInterval: 1,
        payRate: 28000,
        contractedHours: 37.5,
        dateOfBirth: "1970-01-01",
        gender: 2,
      },
      // Pay not known; bank contract.
      { localRef: "f", contractType: 3, dateOfBirth: "1960-01-01", gender: 2, apprentice: 1 },
      // Agency: outside the workforce altogether.
      { localRef: "g", contractType: 4, payInterval: 3, payRate: 9.0, gender: 1 },
      // Left before D: not in post.
      { localRef: "h", payInterval: 3, payRate: 9.0, endDate: "2026-01-01" },
    ]);
    // In London £14.00 is below the London RLW (14.80) though above the UK one.
    await staff(london, [{ localRef: "l", payInterval: 3, payRate: 14.0, dateOfBirth: "1985-01-01", gender: 2 }]);

    const f = await workforceFigures(hub.deps.db, [runcorn.id, london.id], D, floors);
    const v = (k: string) => f[k].value;
    // Care workers with pay: a 13.00, b 13.50, c 11.00, l 14.00 → median (13.00 + 13.50) / 2.
    expect(v("pay_median_hourly.care_worker")).toBe(13.25);
    expect(v("pay_mean_hourly.care_worker")).toBe(12.88); // 51.5 / 4 = 12.875, to the penny
    expect(v("pay_median_hourly.senior_care_worker")).toBe(13.41); // d 12.50 and e 14.32
    // Care-providing, paid: a, b, c, d, e, l = 6; below the applicable RLW: a, c, d (UK 13.45), l (London 14.80) = 4.
    expect(v("below_rlw_share")).toBe(4 / 6);
    expect(f.below_nlw_count).toEqual({ value: 1, n: 6 }); // d only
    // Workforce in post: a, b, c, d, e, f, l = 7.
    expect(v("gender_share.female")).toBe(5 / 7); // a, b, e, f, l
    expect(v("gender_share.male")).toBe(1 / 7);
    expect(v("gender_share.unknown")).toBe(1 / 7); // d: don't know
    expect(v("ethnicity_unknown_share")).toBe(6 / 7); // only a is known (b is 99, don't know)
    expect(v("experience_21y_plus_share")).toBe(1 / 2); // a started in 2000, b in 2010
    expect(v("in_role_12m_share")).toBe(1 / 2); // a since 2020, b since January 2026
    expect(v("no_relevant_qual_share")).toBe(1 / 4); // b, of a, b, c, d
    expect(v("qual_l2_plus_share")).toBe(2 / 3); // a (level 3) and d (level 2), of a, b, d: c's level is not known
    expect(v("care_certificate_completed_share")).toBe(1 / 3); // a, of a, b (no), c (in progress)
    expect(v("apprentices_in_post")).toBe(1);
    expect(v("completeness.gender")).toBe(6 / 7); // d answered "don't know"
    expect(f.completeness_score.value).toBeGreaterThan(0);
    expect(f.completeness_score.value).toBeLessThan(1);
  });
});

describe("ethnicity and nationality shares", () => {
  it("places ASC-WDS codes in ONS ethnic groups and British, EU and non-EU nationality, with unknowns apart", async () => {
    const w = await workplace("WA8 7AA");
    const people: [number | null, number | null][] = [
      [31, 826], // White, British
      [34, 616], // White, Polish: EU
      [39, 356], // Asian, Indian: non-EU
      [44, 566], // Black, Nigerian: non-EU
      [36, 826], // Mixed, British
      [47, 999], // Other (Arab), nationality "other, unspecified": unknown
      [99, 998], // don't know, don't know
      [null, null], // missing, missing
    ];
    await staff(
      w,
      people.map(([ethnicity, nationality], i) => ({ localRef: `e${i}`, ethnicity, nationality })),
    );
    const f = await workforceFigures(hub.deps.db, [w.id], D, floors);
    const v = (k: string) => f[k].value;
    expect([
      v("ethnicity_share.white"),
      v("ethnicity_share.mixed"),
      v("ethnicity_share.asian"),
      v("ethnicity_share.black"),
      v("ethnicity_share.other"),
      v("ethnicity_share.unknown"),
    ]).toEqual([2 / 8, 1 / 8, 1 / 8, 1 / 8, 1 / 8, 2 / 8]);
    expect(v("ethnicity_unknown_share")).toBe(2 / 8);
    expect([
      v("nationality_share.british"),
      v("nationality_share.eu"),
      v("nationality_share.non_eu"),
      v("nationality_share.unknown"),
    ]).toEqual([2 / 8, 1 / 8, 2 / 8, 3 / 8]);
  });
});

describe("pay of the other headline roles, and other genders", () => {
  it("works out registered managers' and support workers' pay, and says so when a role has nobody paid", async () => {
    const w = await workplace("WA8 0AA");
    await staff(w, [
      // A registered manager on £39,000 over 37.5 hours: 39,000 / (37.5 × 52.143) = £19.95 an hour.
      { localRef: "rm", mainJobRole: 4, payInterval: 1, payRate: 39000, contractedHours: 37.5, gender: 4 },
      { localRef: "sw1", mainJobRole: 52, payInterval: 3, payRate: 12.8, gender: 2 },
      { localRef: "sw2", mainJobRole: 52, payInterval: 3, payRate: 13.2, gender: 1 },
      { localRef: "sw3", mainJobRole: 52, payInterval: 3, payRate: 14.3, gender: 2 },
    ]);
    const f = await workforceFigures(hub.deps.db, [w.id], D, floors);
    expect(f["pay_median_hourly.registered_manager"]).toEqual({ value: 19.95, n: 1 });
    expect(f["pay_mean_hourly.registered_manager"]).toEqual({ value: 19.95, n: 1 });
    expect(f["pay_median_hourly.support_worker"]).toEqual({ value: 13.2, n: 3 });
    expect(f["pay_mean_hourly.support_worker"]).toEqual({ value: 13.43, n: 3 }); // 40.3 / 3
    expect(f["pay_median_hourly.care_worker"]).toEqual({ value: null, reason: "no_data", n: 0 });
    expect(f["pay_mean_hourly.senior_care_worker"]).toEqual({ value: null, reason: "no_data", n: 0 });
    expect(f["gender_share.other"]).toEqual({ value: 1 / 4, n: 4 });
  });
});

describe("training compliance", () => {
  it("counts the training each person's role requires and holds valid at D: expired, future, undated and leap-day records", async () => {
    const employer = await makeOrg(hub, "provider");
    const [w] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: employer.id, localRef: `W${uniq()}`, name: "Home", mainService: 2 })
      .returning();
    const people = await hub.deps.db
      .insert(staffRecords)
      .values(
        [
          { localRef: "ann", mainJobRole: 8 },
          { localRef: "ben", mainJobRole: 8 },
          { localRef: "cal", mainJobRole: 7 },
          { localRef: "agency", mainJobRole: 8, contractType: 4 }, // not the workforce
        ].map((r) => ({
          orgId: employer.id,
          workplaceId: w.id,
          displayId: r.localRef,
          contractType: 1,
          startDate: "2020-01-01",
          ...r,
        })),
      )
      .returning();
    const id = (ref: string) => people.find((p) => p.localRef === ref)?.id as string;
    const training = (
      ref: string,
      category: number,
      t: { completedOn?: string; expiresOn?: string; validityMonths?: number },
    ) => ({
      orgId: employer.id,
      staffRecordId: id(ref),
      category,
      ...t,
    });
    await hub.deps.db.insert(trainingRecords).values([
      training("ann", 20, { completedOn: "2026-01-10", expiresOn: "2027-01-10" }), // valid
      training("ann", 15, { completedOn: "2025-06-30", expiresOn: D }), // expires on D: not valid at D
      training("ben", 20, { completedOn: "2026-07-01" }), // after D
      training("ben", 15, { completedOn: "2025-08-01", validityMonths: 12 }), // valid to 2026-08-01
      training("cal", 20, {}), // no dates: held, and never expires
      training("agency", 20, { completedOn: "2026-01-01" }),
    ]);
    const at = async (date: string) => (await workforceFigures(hub.deps.db, [w.id], date, floors)).training_compliance;
    // Nothing required yet: no figure, not 0% or 100%.
    expect(await at(D)).toEqual({ value: null, reason: "no_data", n: 0 });
    // Safeguarding (20) for everyone, moving and assisting (15) for care workers (8) only.
    await hub.deps.db.insert(workforceSettings).values({
      orgId: employer.id,
      requiredTraining: [
        { category: 20, roles: null },
        { category: 15, roles: [8] },
      ],
    });
    // Items: ann 2, ben 2, cal 1 = 5. Valid at D: ann's 20, ben's 15, cal's 20 = 3.
    expect(await at(D)).toEqual({ value: 3 / 5, n: 5 });
    // A day earlier ann's 15 was still valid; ben's 15 was, and his 20 was not yet done.
    expect((await at("2026-06-29"))?.value).toBe(4 / 5);
  });

  it("a year's validity from 29 February runs out on 28 February", async () => {
    const employer = await makeOrg(hub, "provider");
    const [w] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: employer.id, localRef: `W${uniq()}`, name: "Home", mainService: 2 })
      .returning();
    const [p] = await hub.deps.db
      .insert(staffRecords)
      .values({
        orgId: employer.id,
        workplaceId: w.id,
        localRef: "leap",
        displayId: "leap",
        contractType: 1,
        mainJobRole: 8,
        startDate: "2020-01-01",
      })
      .returning();
    await hub.deps.db
      .insert(trainingRecords)
      .values({ orgId: employer.id, staffRecordId: p.id, category: 6, completedOn: "2024-02-29", validityMonths: 12 });
    await hub.deps.db
      .insert(workforceSettings)
      .values({ orgId: employer.id, requiredTraining: [{ category: 6, roles: null }] });
    const value = async (date: string) =>
      (await workforceFigures(hub.deps.db, [w.id], date, floors)).training_compliance.value;
    expect(await value("2025-02-27")).toBe(1);
    expect(await value("2025-02-28")).toBe(0);
  });
});

describe("mean pay to the penny", () => {
  it("a mean of exactly half a penny rounds up, whatever order the pay is added in", async () => {
    const w = await workplace("WA7 1AB");
    // (10.11 + 10.12) / 2 = 10.115 exactly; added in floating point it is 10.114999…, which rounded to 10.11.
    await staff(w, [
      { localRef: "m1", payInterval: 3, payRate: 10.11 },
      { localRef: "m2", payInterval: 3, payRate: 10.12 },
    ]);
    const f = await workforceFigures(hub.deps.db, [w.id], D, floors);
    expect(f["pay_mean_hourly.care_worker"]).toEqual({ value: 10.12, n: 2 });
    expect(f["pay_median_hourly.care_worker"].n).toBe(2);
  });
});
