import { describe, expect, it } from "vitest";
import type { PayFloor } from "../reference/pay-floors";
import { SHIPPED_PAY_FLOORS } from "../reference/shipped";
import { closingDateProblems, hourlyPence, legalFloor, type PayInput, payGuide, payProblems } from "./advert-rules";

const floors: PayFloor[] = SHIPPED_PAY_FLOORS;
const hourly = (p: Partial<PayInput>): PayInput => ({
  payUnit: "hour",
  payMinPence: 1300,
  payMaxPence: null,
  payAgeBand: "21_plus",
  hoursPerWeek: 37.5,
  zeroHours: false,
  ...p,
});

describe("advert pay rules", () => {
  it("names the National Living Wage in force on the day, with its rate and date", () => {
    expect(payProblems(floors, hourly({ payMinPence: 1270 }), "2026-06-15")).toEqual([
      {
        path: "payMin",
        message:
          "Pay must be at least £12.71 an hour, the National Living Wage for people aged 21 and over from 1 April 2026",
      },
    ]);
    expect(payProblems(floors, hourly({ payMinPence: 1271 }), "2026-06-15")).toEqual([]);
  });

  it("checks against the rate in force on the publishing day, not a later one", () => {
    // £12.50 was enough before April 2026 (the 2025 rate was £12.21) but not after.
    expect(payProblems(floors, hourly({ payMinPence: 1250 }), "2026-03-31")).toEqual([]);
    expect(payProblems(floors, hourly({ payMinPence: 1250 }), "2026-04-01")[0].path).toBe("payMin");
  });

  it("uses each age band's own minimum", () => {
    expect(payProblems(floors, hourly({ payMinPence: 1100, payAgeBand: "18_20" }), "2026-06-15")).toEqual([]);
    expect(payProblems(floors, hourly({ payMinPence: 1080, payAgeBand: "18_20" }), "2026-06-15")[0].message).toBe(
      "Pay must be at least £10.85 an hour, the National Minimum Wage for people aged 18 to 20 from 1 April 2026",
    );
    expect(payProblems(floors, hourly({ payMinPence: 800, payAgeBand: "apprentice" }), "2026-06-15")).toEqual([]);
    expect(
      payProblems(floors, hourly({ payMinPence: 799, payAgeBand: "apprentice" }), "2026-06-15")[0].message,
    ).toMatch(/^Pay must be at least £8\.00 an hour, the National Minimum Wage for apprentices/);
    expect(legalFloor(floors, "under_18", "2026-06-15")?.hourlyRate).toBe(8);
  });

  it("turns annual pay into an hourly rate over the contracted hours of every week of the year", () => {
    // 37.5 hours × 365/7 weeks × £12.71 = £24,852.59.
    const annual = (pounds: number) => hourly({ payUnit: "year", payMinPence: pounds * 100 });
    expect(payProblems(floors, annual(24_853), "2026-06-15")).toEqual([]);
    const [problem] = payProblems(floors, annual(24_800), "2026-06-15");
    expect(problem.path).toBe("payMin");
    expect(problem.message).toContain("at 37.5 hours a week that is at least £24,853 a year");
    expect(hourlyPence({ payUnit: "year", payMinPence: 2_600_000, hoursPerWeek: 40, zeroHours: false })).toBeCloseTo(
      1246.58,
      1,
    );
  });

  it("refuses annual pay for zero-hours work, and hours for a zero-hours job", () => {
    expect(
      payProblems(
        floors,
        hourly({ payUnit: "year", payMinPence: 3_000_000, zeroHours: true, hoursPerWeek: null }),
        "2026-06-15",
      ),
    ).toEqual([
      {
        path: "payUnit",
        message: "Give zero-hours pay as an hourly rate: a yearly salary cannot be checked without contracted hours",
      },
    ]);
    expect(payProblems(floors, hourly({ zeroHours: true, hoursPerWeek: 20 }), "2026-06-15")[0].path).toBe(
      "hoursPerWeek",
    );
    expect(payProblems(floors, hourly({ zeroHours: true, hoursPerWeek: null }), "2026-06-15")).toEqual([]);
    expect(
      payProblems(floors, hourly({ payUnit: "year", payMinPence: 3_000_000, hoursPerWeek: null }), "2026-06-15")[0]
        .path,
    ).toBe("hoursPerWeek");
  });

  it("refuses a top of the range below its bottom", () => {
    expect(payProblems(floors, hourly({ payMinPence: 1400, payMaxPence: 1300 }), "2026-06-15")[0].path).toBe("payMax");
  });

  it("shows the legal minimum and the Real Living Wage against the pay", () => {
    const guide = payGuide(floors, "21_plus", "2026-06-15");
    expect(guide.legalMinimum).toMatchObject({ hourly: 12.71, from: "2026-04-01", who: "people aged 21 and over" });
    expect(guide.realLivingWage?.hourly).toBeGreaterThan(12.71);
  });
});

describe("closing date", () => {
  it("refuses a date in the past and allows today", () => {
    expect(closingDateProblems("2026-06-14", "2026-06-15")).toEqual([
      { path: "closingDate", message: "The closing date must be today (15 June 2026) or later" },
    ]);
    expect(closingDateProblems("2026-06-15", "2026-06-15")).toEqual([]);
  });
});
