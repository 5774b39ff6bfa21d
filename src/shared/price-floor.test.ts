import { describe, expect, it } from "vitest";
import {
  type CareHomeAssumptions,
  careHomePrice,
  coverage,
  defaultCareHomeAssumptions,
  defaultHomeCareAssumptions,
  HCA_HEADLINES,
  type HomeCareAssumptions,
  homeCarePrice,
  PRICE_FLOOR_YEARS,
  PriceFloorInputError,
  priceFloor,
  roundLines,
  validateAssumptions,
} from "./price-floor";

const sumPence = (lines: { amount: number }[]) => lines.reduce((s, l) => s + Math.round(l.amount * 100), 0);

describe("home care price floor: calibration to the Homecare Association's headlines", () => {
  it("reproduces £28.53 for 2024-25 at £11.44 within 2%", () => {
    const r = priceFloor("2024-25", "home_care");
    expect(r.assumptions).toMatchObject({ wage: 11.44, employerNiRate: 0.138, niThresholdWeekly: 175 });
    const relativeError = Math.abs(r.exactTotal - 28.53) / 28.53;
    expect(relativeError).toBeLessThan(0.02);
  });
  it("reproduces £32.14 for 2025-26 at £12.21 within 2%", () => {
    const r = priceFloor("2025-26", "home_care");
    expect(r.assumptions).toMatchObject({ wage: 12.21, employerNiRate: 0.15, niThresholdWeekly: 96 });
    const relativeError = Math.abs(r.exactTotal - 32.14) / 32.14;
    expect(relativeError).toBeLessThan(0.02);
  });
  it("reproduces the secondary-source £34.42 for 2026-27 at £12.71 within 2%, marked secondary", () => {
    const r = priceFloor("2026-27", "home_care");
    expect(Math.abs(r.exactTotal - 34.42) / 34.42).toBeLessThan(0.02);
    expect(HCA_HEADLINES["2026-27"].secondary).toBe(true);
    expect(HCA_HEADLINES["2025-26"].secondary).toBe(false);
  });
  it("is reproduced from each headline's own wage, not a wage fitted afterwards", () => {
    for (const y of PRICE_FLOOR_YEARS) expect(defaultHomeCareAssumptions(y).wage).toBe(HCA_HEADLINES[y].wage);
  });
});

describe("home care price floor: the lines", () => {
  it("shows every cost line the issue names, with its basis in words", () => {
    const r = priceFloor("2025-26", "home_care");
    expect(r.lines.map((l) => l.key)).toEqual([
      "contact_pay",
      "travel_pay",
      "holiday_pay",
      "training_time",
      "sick_pay",
      "employer_ni",
      "employer_pension",
      "mileage",
      "running_costs",
      "surplus",
    ]);
    for (const l of r.lines) expect(l.basis.length).toBeGreaterThan(5);
    // 30-minute visits, 9 minutes' travel each: 18 minutes of paid travel an hour.
    expect(r.lines.find((l) => l.key === "travel_pay")?.exact).toBeCloseTo(0.3 * 12.21, 10);
    // 2 visits × 2.5 miles × 45p.
    expect(r.lines.find((l) => l.key === "mileage")?.exact).toBeCloseTo(2.25, 10);
    // NI: 15% × (12.21 − 96/30) per paid hour; paid hours 1.3 × (1 + 0.1207 + 0.03 + 0.02).
    const paid = 1.3 * 1.1707;
    expect(r.lines.find((l) => l.key === "employer_ni")?.exact).toBeCloseTo(paid * 0.15 * (12.21 - 3.2), 10);
    expect(r.lines.find((l) => l.key === "employer_pension")?.exact).toBeCloseTo(paid * 0.03 * (12.21 - 4), 10);
  });

  it("adds its rounded lines up exactly to its total, for many assumption sets", () => {
    let checked = 0;
    for (const year of PRICE_FLOOR_YEARS) {
      for (const visitMinutes of [15, 20, 30, 45, 60, 37]) {
        for (const wage of [11.44, 12.21, 12.6, 13.85, 12.713]) {
          for (const travel of [0, 5, 9, 12.5]) {
            const r = priceFloor(year, "home_care", {
              visitMinutes,
              wage,
              travelMinutesPerVisit: travel,
              milesPerVisit: travel / 4,
            });
            expect(sumPence(r.lines)).toBe(Math.round(r.total * 100));
            expect(Math.abs(r.total - r.exactTotal)).toBeLessThanOrEqual(0.005 + 1e-9);
            for (const l of r.lines) expect(Math.abs(l.amount - l.exact)).toBeLessThan(0.01);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(3 * 6 * 5 * 4);
  });

  it("raises the price by exactly 0.01 × the on-cost-loaded paid hours when the wage rises by 1p", () => {
    for (const year of PRICE_FLOOR_YEARS) {
      for (const visitMinutes of [15, 30, 45, 60]) {
        const a = priceFloor(year, "home_care", { visitMinutes });
        const b = priceFloor(year, "home_care", { visitMinutes, wage: a.assumptions.wage + 0.01 });
        expect(Math.abs(b.exactTotal - a.exactTotal - 0.01 * a.loadedPaidHours)).toBeLessThan(1e-9);
      }
    }
    const r = priceFloor("2025-26", "home_care");
    // Paid hours per contact hour × (1 + NI rate + pension rate).
    expect(r.loadedPaidHoursPerContactHour).toBeCloseTo(1.3 * 1.1707 * (1 + 0.15 + 0.03), 12);
  });

  it("costs more per hour for shorter visits (more travel per contact hour)", () => {
    const prices = [60, 45, 30, 20, 15].map((m) => priceFloor("2025-26", "home_care", { visitMinutes: m }).exactTotal);
    for (let i = 1; i < prices.length; i++) expect(prices[i]).toBeGreaterThan(prices[i - 1]);
    // With no travel and no mileage the visit length does not matter.
    const still = [15, 60].map(
      (m) =>
        priceFloor("2025-26", "home_care", { visitMinutes: m, travelMinutesPerVisit: 0, milesPerVisit: 0 }).exactTotal,
    );
    expect(still[0]).toBeCloseTo(still[1], 12);
  });

  it("keeps running costs and the surplus as pounds per hour, whatever the wage", () => {
    const low = priceFloor("2025-26", "home_care", { wage: 12.21 });
    const high = priceFloor("2025-26", "home_care", { wage: 15 });
    const of = (r: typeof low, k: string) => r.lines.find((l) => l.key === k)?.amount;
    expect(of(low, "running_costs")).toBe(of(high, "running_costs"));
    expect(of(low, "surplus")).toBe(of(high, "surplus"));
  });
});

describe("validation of assumptions", () => {
  const base = defaultHomeCareAssumptions("2025-26");
  const issuesOf = (over: Partial<HomeCareAssumptions>) =>
    validateAssumptions("home_care", { ...base, ...over } as unknown as Record<string, unknown>);

  it("accepts the defaults of every edition", () => {
    for (const y of PRICE_FLOOR_YEARS) {
      expect(validateAssumptions("home_care", { ...defaultHomeCareAssumptions(y) })).toEqual([]);
      expect(validateAssumptions("care_home", { ...defaultCareHomeAssumptions(y) })).toEqual([]);
    }
  });
  it("refuses a visit of 0 minutes, naming the field", () => {
    expect(issuesOf({ visitMinutes: 0 })).toEqual([
      { field: "visitMinutes", message: "Visit length (minutes) must be more than 0 and at most 720; it is 0." },
    ]);
  });
  it("refuses negative travel minutes and miles", () => {
    const issues = issuesOf({ travelMinutesPerVisit: -5, milesPerVisit: -1 });
    expect(issues.map((i) => i.field)).toEqual(["travelMinutesPerVisit", "milesPerVisit"]);
    expect(issues[0].message).toContain("at least 0");
  });
  it("refuses a share written as a percentage, saying how to write it", () => {
    const [issue] = issuesOf({ holidayShare: 12.07 });
    expect(issue.field).toBe("holidayShare");
    expect(issue.message).toContain("0.12 for 12%");
  });
  it("refuses a missing or non-numeric value", () => {
    const issues = validateAssumptions("home_care", { ...base, wage: Number.NaN, weeklyPaidHours: undefined });
    expect(issues.map((i) => i.field)).toEqual(["wage", "weeklyPaidHours"]);
    expect(issues[0].message).toBe("Wage floor (£ per hour) must be a number.");
  });
  it("throws with every issue from the calculator itself", () => {
    try {
      homeCarePrice("2025-26", { ...base, visitMinutes: 0, wage: -1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PriceFloorInputError);
      expect((e as PriceFloorInputError).issues.map((i) => i.field)).toEqual(["wage", "visitMinutes"]);
    }
  });
});

describe("care home price floor (per bed per week)", () => {
  it("builds from care hours × loaded wage plus Brighton & Hove's median lines, uplifted", () => {
    const a = defaultCareHomeAssumptions("2025-26");
    // Other staff: B&H 2022 median 212.23 uplifted by the NLW's rise from £8.91 to £12.21.
    expect(a.otherStaffPerWeek).toBeCloseTo((212.23 * 12.21) / 8.91, 2);
    const r = careHomePrice("2025-26", a);
    const paid = 24 * 1.1707;
    expect(r.lines.find((l) => l.key === "care_staff_pay")?.exact).toBeCloseTo(paid * 12.21, 10);
    expect(sumPence(r.lines)).toBe(Math.round(r.total * 100));
    expect(r.unit).toBe("week");
  });
  it("adds up and rises by 0.01 × its wage sensitivity for 1p on the wage", () => {
    for (const careHours of [14, 24, 31.5]) {
      const a: CareHomeAssumptions = { ...defaultCareHomeAssumptions("2026-27"), careHoursPerResidentWeek: careHours };
      const one = careHomePrice("2026-27", a);
      const two = careHomePrice("2026-27", { ...a, wage: a.wage + 0.01 });
      expect(Math.abs(two.exactTotal - one.exactTotal - 0.01 * one.wageSensitivity)).toBeLessThan(1e-9);
      expect(one.wageSensitivity).toBeCloseTo(one.loadedPaidHours * 1.05, 12);
      expect(sumPence(one.lines)).toBe(Math.round(one.total * 100));
    }
  });
  it("refuses zero care hours", () => {
    const issues = validateAssumptions("care_home", {
      ...defaultCareHomeAssumptions("2025-26"),
      careHoursPerResidentWeek: 0,
    });
    expect(issues.map((i) => i.field)).toEqual(["careHoursPerResidentWeek"]);
  });
});

describe("rounding by largest remainder", () => {
  it("gives the spare pence to the largest remainders", () => {
    const r = roundLines([
      { key: "a", name: "A", exact: 0.333, basis: "" },
      { key: "b", name: "B", exact: 0.333, basis: "" },
      { key: "c", name: "C", exact: 0.334, basis: "" },
    ]);
    expect(r.total).toBe(1);
    expect(r.lines.map((l) => l.amount)).toEqual([0.33, 0.33, 0.34]);
  });
});

describe("coverage: a price against the floor", () => {
  const floor = {
    total: 10,
    lines: [
      { key: "pay", name: "Pay", amount: 6 },
      { key: "ni", name: "NI", amount: 1 },
      { key: "running", name: "Running", amount: 2.5 },
      { key: "surplus", name: "Surplus", amount: 0.5 },
    ],
  };
  it("covers everything at or above the floor", () => {
    expect(coverage(floor, 10)).toEqual({ belowFloor: false, gap: 0, notCovered: [] });
    expect(coverage(floor, 12).belowFloor).toBe(false);
  });
  it("names the lines a low price runs out before, in cost order, and by how much", () => {
    expect(coverage(floor, 7.5)).toEqual({
      belowFloor: true,
      gap: 2.5,
      notCovered: [
        { key: "running", name: "Running", amount: 2.5, uncovered: 2 },
        { key: "surplus", name: "Surplus", amount: 0.5, uncovered: 0.5 },
      ],
    });
  });
  it("says only the surplus when a price falls a penny short", () => {
    const c = coverage(floor, 9.99);
    expect(c.gap).toBe(0.01);
    expect(c.notCovered).toEqual([{ key: "surplus", name: "Surplus", amount: 0.5, uncovered: 0.01 }]);
  });
  it("names the pay line when a bid cannot even pay the wage", () => {
    const c = coverage(floor, 5);
    expect(c.notCovered.map((l) => l.key)).toEqual(["pay", "ni", "running", "surplus"]);
    expect(c.notCovered[0].uncovered).toBe(1);
  });
});
