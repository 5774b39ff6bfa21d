import { describe, expect, it } from "vitest";
import { seedDemoOnce, signedIn, testHub } from "../../../../test/harness";
import { HEADLINE_NAMES } from "../../../shared/metrics";
import { monthsBefore } from "../../lib/time";
import { CALIBRATION } from "../demo/generate";
import { DEMO_PASSWORD } from "../demo/seed";
import { findOrgBySlug } from "../orgs/orgs.repo";
import { statutoryMinimum } from "../reference/pay-floors";
import { listReference } from "../reference/reference.service";
import { type Cell, cellKey, FIGURE_NAMES, type Figures } from "./engine";
import { figuresGrid, metricsFor, workplacesOf } from "./metrics.service";

const hub = await testHub();
const ANCHOR = "2026-11-22";
await seedDemoOnce(hub, ANCHOR);
const council = await findOrgBySlug(hub.deps.db, "halton");
if (!council) throw new Error("demo council missing");
const ctx = {
  ...hub.ctx,
  org: { id: council.id, kind: "council" as const, name: council.name, slug: council.slug, isDemo: true },
  role: "council_analyst" as const,
};
/** The council's figures (its own services and the providers it commissions then) as at a date. */
const at = async (d: string) => (await metricsFor(ctx, "council", d)).figures;
const value = (f: Figures, name: string) => f[name].value as number;

// The history's year ends: three years before the anchor (its start), two, one, and the anchor.
const YEAR_ENDS = [36, 24, 12, 0].map((m) => monthsBefore(ANCHOR, m));
const years = await Promise.all(YEAR_ENDS.map(at));
const series = (name: string) => years.map((f) => value(f, name));
const rising = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
const falling = (xs: number[]) => xs.every((x, i) => i === 0 || x < xs[i - 1]);

describe("the demo system through the metric engine", () => {
  it("reproduces the figures it was calibrated to, within 0.02 (shares) and 0.005 (turnover and vacancy rate)", async () => {
    const v = (k: string) => value(years[3], k);
    expect(Math.abs(v("turnover_rate") - CALIBRATION.turnoverRate)).toBeLessThan(0.005);
    expect(Math.abs(v("vacancy_rate") - CALIBRATION.vacancyRate)).toBeLessThan(0.005);
    expect(Math.abs(v("age_55_plus_share") - CALIBRATION.age55PlusShare)).toBeLessThan(0.02);
    expect(Math.abs(v("age_under_30_share") - CALIBRATION.ageUnder30Share)).toBeLessThan(0.02);
    expect(Math.abs(v("gender_share.female") - CALIBRATION.femaleShare)).toBeLessThan(0.02);
    expect(Math.abs(v("permanent_share") - CALIBRATION.permanentShare)).toBeLessThan(0.02);
    expect(Math.abs(v("zero_hours_share") - CALIBRATION.zeroHoursShare)).toBeLessThan(0.02);
    expect(Math.abs(v("no_relevant_qual_share") - CALIBRATION.noRelevantQualShare)).toBeLessThan(0.02);
    expect(Math.abs(v("ethnicity_unknown_share") - CALIBRATION.ethnicityUnknownShare)).toBeLessThan(0.02);
    expect(Math.abs(v("experience_21y_plus_share") - CALIBRATION.experience21yPlusShare)).toBeLessThan(0.02);
    expect(Math.abs(v("filled_posts") - CALIBRATION.workforce)).toBeLessThan(0.02 * CALIBRATION.workforce);
    expect(v("below_nlw_count")).toBe(0); // nobody in the demo is paid below the legal minimum
  });
});

// Halton's strategy: vacancy rates above the national average and rising, a shrinking workforce,
// permanent contracts down from 88% to 70%, agency spend up by more than half (£760k to £1.2m).
describe("the demo's history tells the strategy's story (figures at each year end, worked out by the engine)", () => {
  it("vacancies rise over the three years, from about 8.5% to 11.3%", () => {
    const rates = series("vacancy_rate");
    expect(rising(rates), JSON.stringify(rates)).toBe(true);
    expect(Math.abs(rates[0] - 0.085)).toBeLessThan(0.005);
    expect(Math.abs(rates[3] - 0.113)).toBeLessThan(0.002);
    expect(rates[3] - rates[0]).toBeGreaterThan(0.02);
  });

  it("the workforce shrinks, from about 3,250 filled posts to 3,000", () => {
    const filled = series("filled_posts");
    expect(falling(filled), JSON.stringify(filled)).toBe(true);
    expect(Math.abs(filled[0] - 3250)).toBeLessThan(0.02 * 3250);
    expect(filled[3]).toBe(3000);
    expect(filled[0] / filled[3]).toBeGreaterThan(1.05);
  });

  it("permanent contracts fall from 88% to 70%", () => {
    const shares = series("permanent_share");
    expect(falling(shares), JSON.stringify(shares)).toBe(true);
    expect(Math.abs(shares[0] - 0.88)).toBeLessThan(0.015);
    expect(Math.abs(shares[3] - 0.7)).toBeLessThan(0.015);
  });

  it("agency spend is recorded monthly and rises by more than half, from about £760k a year to £1.2m", async () => {
    // Agency spend at a date covers the 12 months before it: the history's first year is the
    // figure a year after its start.
    const spend = series("agency_spend").slice(1);
    expect(rising(spend), JSON.stringify(spend)).toBe(true);
    expect(spend[2] / spend[0]).toBeGreaterThanOrEqual(1.5);
    expect(Math.abs(spend[0] - 760_000)).toBeLessThan(0.05 * 760_000);
    expect(Math.abs(spend[2] - 1_200_000)).toBeLessThan(0.05 * 1_200_000);
    // Twelve months' records from each service that uses agency staff, every year.
    for (const f of years.slice(1)) expect(f.agency_spend.n % 12).toBe(0);
    // Spend rises quarter by quarter too, not only year by year.
    const quarters = await Promise.all([9, 6, 3, 0].map((m) => at(monthsBefore(ANCHOR, m))));
    expect(rising(quarters.map((f) => value(f, "agency_spend")))).toBe(true);
  });

  it("turnover at the history's start has a full year behind it, and agency workers rise with the spend", () => {
    const turnover = series("turnover_rate");
    for (const t of turnover) expect(t).toBeGreaterThan(0.12);
    const agency = series("agency_rate");
    expect(rising(agency), JSON.stringify(agency)).toBe(true);
    expect(agency[0]).toBeGreaterThan(0.02);
  });

  it("independent-sector care workers are paid below England's median, scaled to today's National Living Wage, and the council's own care staff above it", async () => {
    // England's latest comparator (Skills for Care, March 2025), scaled by the National Living
    // Wage then to the one in force at the anchor.
    const { payFloors, comparators } = await listReference(ctx, "pay_median_hourly.care_worker");
    const england = comparators
      .filter((c) => c.coverage === "england.independent_sector")
      .sort((a, b) => b.period.localeCompare(a.period))[0];
    expect(england.period).toBe("2024/25");
    const nlw = (d: string) => statutoryMinimum(payFloors, d, 30)?.hourlyRate as number;
    const [then, now] = [nlw("2025-03-31"), nlw(ANCHOR)];
    expect(now).toBe(12.71);
    const englandNow = (england.value * now) / then;

    const all = await workplacesOf(ctx, { kind: "council" }, ANCHOR);
    const own = new Set(await workplacesOf(ctx, { kind: "employer" }, ANCHOR));
    const cell: Cell = { at: ANCHOR, by: "all" };
    const median = async (ids: string[]) =>
      (await figuresGrid(ctx, ids, [cell], ["pay_median_hourly.care_worker"])).get(cellKey(cell))?.get("all")?.[
        "pay_median_hourly.care_worker"
      ].value as number;
    const independent = await median(all.filter((id) => !own.has(id)));
    const councilOwn = await median([...own]);
    expect(independent).toBeGreaterThan(now);
    expect(independent).toBeLessThan(englandNow - 0.1);
    expect(councilOwn).toBeGreaterThan(englandNow);
    // Leavers keep the pay of the year they left: nobody is below the legal minimum of their day,
    // and care workers' pay rises over the history with the National Living Wage.
    expect(series("below_nlw_count")).toEqual([0, 0, 0, 0]);
    expect(rising(series("pay_median_hourly.care_worker"))).toBe(true);
  });
});

describe("before the demo's records begin", () => {
  it("every figure reads no data, never 0, through the metrics and dashboard APIs", async () => {
    const before = "1990-12-31";
    const analyst = await signedIn(hub, "analyst@halton.demo.test", DEMO_PASSWORD);
    const metrics = await analyst.get(`/api/orgs/${council.id}/metrics?scope=council&at=${before}`);
    expect(metrics.status).toBe(200);
    for (const name of FIGURE_NAMES)
      expect(metrics.json.figures[name], name).toMatchObject({ value: null, reason: "no_data" });
    const dashboard = await analyst.get(`/api/orgs/${council.id}/dashboard?at=${before}`);
    expect(dashboard.status).toBe(200);
    for (const name of HEADLINE_NAMES)
      expect(dashboard.json.now[name], name).toMatchObject({ value: null, reason: "no_data" });
  });

  it("reads no data the day before the history starts, when people were in post but leavers and vacancies are not held, and figures from its first day", async () => {
    const start = YEAR_ENDS[0];
    const dayBefore = new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const before = await at(dayBefore);
    for (const name of FIGURE_NAMES) expect(before[name], name).toMatchObject({ value: null, reason: "no_data" });
    // The breakdowns say the same: no provider reads 0% before its records begin.
    const ids = await workplacesOf(ctx, { kind: "council" }, ANCHOR);
    const cell: Cell = { at: dayBefore, by: "employer" };
    const byEmployer = (await figuresGrid(ctx, ids, [cell], ["vacancy_rate", "turnover_rate"])).get(cellKey(cell));
    for (const figures of byEmployer?.values() ?? []) expect(figures.vacancy_rate.reason).toBe("no_data");
    expect(value(years[0], "vacancy_rate")).toBeGreaterThan(0);
    expect(value(years[0], "turnover_rate")).toBeGreaterThan(0);
  });
});
