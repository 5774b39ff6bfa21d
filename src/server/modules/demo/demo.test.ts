import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, seedDemoOnce, testHub } from "../../../../test/harness";
import { CARE_PROVIDING_ROLES } from "../../../shared/ascwds/codes";
import { CALIBRATION, generateDemo, NLW_2026, RLW_2025_26 } from "./generate";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed";

const ANCHOR = "2026-11-22";
const data = generateDemo(ANCHOR);
const D = ANCHOR;
const yearAgo = "2025-11-22";
const inPost = (s: { startDate: string; endDate: string | null }, at = D) =>
  s.startDate <= at && (s.endDate === null || s.endDate > at);
const workforce = data.staff.filter((s) => inPost(s) && s.contractType !== 4);
const employed = workforce.filter((s) => s.contractType === 1 || s.contractType === 2);
const share = <T>(items: T[], test: (x: T) => boolean) => items.filter(test).length / items.length;
const ageAt = (dob: string, at: string) => {
  const [y, m, d] = dob.split("-").map(Number);
  const [ay, am, ad] = at.split("-").map(Number);
  return ay - y - (am < m || (am === m && ad < d) ? 1 : 0);
};
const hourly = (s: (typeof data.staff)[number]) =>
  s.payInterval === 3
    ? s.payRate
    : s.payInterval === 1 && s.payRate && s.contractedHours
      ? s.payRate / (s.contractedHours * 52.143)
      : null;

// Shares are met by quota, so the tolerance only absorbs rounding and age-at-date effects.
const TOL = 0.01;

describe("demo system calibration (Halton's strategy figures)", () => {
  it("is deterministic", () => {
    expect(JSON.stringify(generateDemo(ANCHOR).staff.slice(0, 50))).toBe(JSON.stringify(data.staff.slice(0, 50)));
  });

  it("has one council, about 40 providers and 60 workplaces, and about 3,000 people in post", () => {
    expect(data.orgs.filter((o) => o.kind === "council")).toHaveLength(1);
    expect(data.orgs.filter((o) => o.kind === "provider")).toHaveLength(40);
    expect(data.workplaces).toHaveLength(60);
    expect(new Set(data.workplaces.map((w) => w.mainService))).toEqual(new Set([1, 2, 6, 8, 55]));
    expect(data.workplaces.filter((w) => w.orgKey === "council").length).toBeGreaterThan(0);
    expect(workforce).toHaveLength(CALIBRATION.workforce);
  });

  it("matches the age, gender, contract, qualification, ethnicity and experience make-up", () => {
    const withDob = workforce.filter((s) => s.dateOfBirth);
    expect(share(withDob, (s) => ageAt(s.dateOfBirth as string, D) >= 55)).toBeCloseTo(CALIBRATION.age55PlusShare, 1);
    expect(Math.abs(share(withDob, (s) => ageAt(s.dateOfBirth as string, D) >= 55) - 0.33)).toBeLessThan(TOL);
    expect(Math.abs(share(withDob, (s) => ageAt(s.dateOfBirth as string, D) < 30) - 0.09)).toBeLessThan(TOL);
    expect(Math.abs(share(workforce, (s) => s.gender === 2) - 0.78)).toBeLessThan(TOL);
    expect(Math.abs(share(workforce, (s) => s.contractType === 1) - 0.7)).toBeLessThan(TOL);
    const zhKnown = workforce.filter((s) => s.zeroHours === 1 || s.zeroHours === 2);
    expect(share(zhKnown, (s) => s.zeroHours === 1)).toBeGreaterThan(0.21);
    const answered = workforce.filter((s) => s.socialCareQual === 1 || s.socialCareQual === 2);
    expect(Math.abs(share(answered, (s) => s.socialCareQual === 2) - 0.43)).toBeLessThan(TOL);
    expect(Math.abs(share(workforce, (s) => s.ethnicity === null || s.ethnicity === 99) - 0.407)).toBeLessThan(TOL);
    const sector = workforce.filter((s) => s.sectorStartYear !== null);
    expect(Math.abs(share(sector, (s) => (s.sectorStartYear as number) <= 2026 - 21) - 0.19)).toBeLessThan(TOL);
  });

  it("matches turnover of 13.4% and a vacancy rate of 11.3%", () => {
    const leavers = data.staff.filter(
      (s) => (s.contractType === 1 || s.contractType === 2) && s.endDate && s.endDate > yearAgo && s.endDate <= D,
    );
    expect(Math.abs(leavers.length / employed.length - CALIBRATION.turnoverRate)).toBeLessThan(0.002);
    const open = data.vacancies.filter((v) => v.openedOn <= D && (v.closedOn === null || v.closedOn > D)).length;
    expect(Math.abs(open / (employed.length + open) - CALIBRATION.vacancyRate)).toBeLessThan(0.001);
  });

  it("pays nobody in post below the National Living Wage, the council more, and many below the Real Living Wage", () => {
    const paid = workforce.map((s) => ({ s, h: hourly(s) })).filter((x) => x.h !== null) as {
      s: (typeof workforce)[number];
      h: number;
    }[];
    expect(paid.filter((x) => x.h < NLW_2026)).toEqual([]);
    const careWorkers = (org: (k: string) => boolean) =>
      paid
        .filter((x) => x.s.mainJobRole === 8 && org(x.s.orgKey))
        .map((x) => x.h)
        .sort((a, b) => a - b);
    const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
    expect(median(careWorkers((k) => k === "council"))).toBeGreaterThan(median(careWorkers((k) => k !== "council")));
    const careRoles = paid.filter((x) => (CARE_PROVIDING_ROLES as readonly number[]).includes(x.s.mainJobRole));
    expect(share(careRoles, (x) => x.h < RLW_2025_26)).toBeGreaterThan(0.4);
  });

  it("has at least two years of starters, leavers and vacancies, and people who moved between local providers", () => {
    const twoYearsAgo = "2024-11-22";
    expect(data.staff.some((s) => s.endDate && s.endDate <= twoYearsAgo)).toBe(true);
    expect(data.staff.some((s) => s.startDate > yearAgo)).toBe(true);
    expect(data.vacancies.some((v) => v.closedOn && v.openedOn < twoYearsAgo)).toBe(true);
    const byNi = new Map<string, number>();
    for (const s of data.staff) if (s.ni) byNi.set(s.ni, (byNi.get(s.ni) ?? 0) + 1);
    expect([...byNi.values()].filter((n) => n > 1).length).toBeGreaterThan(10);
    expect(data.staff.every((s) => !s.ni || /^QQ\d{6}C$/.test(s.ni))).toBe(true);
  });
});

describe("seeding the demo into the database", () => {
  it("writes the system with NI numbers only encrypted and hashed, and one working sign-in per role", async () => {
    const hub = await testHub();
    await seedDemoOnce(hub, ANCHOR);
    const rows = (
      await hub.deps.db.execute(
        sql`select ni_encrypted, person_key from staff_records where ni_encrypted is not null and org_id in (select id from organisations where is_demo) order by id limit 5`,
      )
    ).rows as {
      ni_encrypted: string;
      person_key: string;
    }[];
    for (const r of rows) {
      expect(r.ni_encrypted).not.toMatch(/QQ\d{6}/);
      expect(r.person_key).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const u of DEMO_USERS) {
      const res = await new Client(hub).post("/api/auth/sign-in", { email: u.email, password: DEMO_PASSWORD });
      expect(res.status, u.email).toBe(200);
      if (u.role) expect(res.json.memberships[0].role).toBe(u.role);
      else expect(res.json.user.isHubAdmin).toBe(true);
    }
  }, 120_000);
});

describe("demo returns", () => {
  it("has four past quarterly returns with on-time, late and missing submissions, and an open quarter", async () => {
    const { sql } = await import("drizzle-orm");
    const hub = await testHub();
    await seedDemoOnce(hub, ANCHOR);
    const periods = (
      await hub.deps.db.execute(
        sql`select p.period_end, p.due_date, count(s.id)::int as n, count(*) filter (where s.submitted_at::date > p.due_date)::int as late from return_periods p join organisations o on o.id = p.council_id and o.slug = 'halton' left join return_submissions s on s.period_id = p.id group by p.id order by p.period_end`,
      )
    ).rows as { period_end: string; n: number; late: number }[];
    expect(periods).toHaveLength(5);
    expect(periods.map((p) => String(p.period_end).slice(0, 10)).slice(0, 4)).toEqual([
      "2025-12-31",
      "2026-03-31",
      "2026-06-30",
      "2026-09-30",
    ]);
    for (const p of periods.slice(0, 4)) {
      expect(p.n).toBeGreaterThan(30);
      expect(p.n).toBeLessThanOrEqual(40);
    }
    expect(periods.slice(0, 4).reduce((a, p) => a + p.late, 0)).toBeGreaterThan(0);
    expect(periods.slice(0, 4).reduce((a, p) => a + p.n, 0)).toBeLessThan(160); // some providers did not submit
    expect(periods[4].n).toBe(0);
  });
});
