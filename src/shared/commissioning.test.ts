import { describe, expect, it } from "vitest";
import { evaluateStandard, lastEndedPeriod, periodBounds, periodOf, previousPeriod } from "./commissioning";

describe("evaluateStandard", () => {
  const at = "2026-03-31";
  it("meets an at-most share at the threshold and fails just above it", () => {
    expect(evaluateStandard("zero_hours_max", 0.1, { value: 1 / 10, n: 10, asAt: at })).toBe("met");
    expect(evaluateStandard("zero_hours_max", 0.1, { value: 0.11, n: 10, asAt: at })).toBe("not_met");
  });
  it("meets an at-least share at the threshold and fails just below it", () => {
    expect(evaluateStandard("training_min", 0.9, { value: 0.9, n: 20, asAt: at })).toBe("met");
    expect(evaluateStandard("training_min", 0.9, { value: 0.899, n: 20, asAt: at })).toBe("not_met");
  });
  it("is not enough data with no value or too few records, never met", () => {
    expect(evaluateStandard("rlw_floor", 0, { value: 0, n: 4, asAt: at })).toBe("not_enough_data");
    expect(evaluateStandard("rlw_floor", 0, { value: null, n: 0, asAt: at })).toBe("not_enough_data");
    expect(evaluateStandard("rlw_floor", 0, { value: 0, n: 5, asAt: at })).toBe("met");
    expect(evaluateStandard("rlw_floor", 0, { value: 0.2, n: 5, asAt: at })).toBe("not_met");
  });
  it("reads yes/no standards as 1 or 0", () => {
    expect(evaluateStandard("paid_travel", null, { value: 1, n: 1, asAt: at })).toBe("met");
    expect(evaluateStandard("paid_travel", null, { value: 0, n: 1, asAt: at })).toBe("not_met");
    expect(evaluateStandard("career_endorsed", null, { value: null, n: 0, asAt: at })).toBe("not_enough_data");
  });
  it("uses the kind's default threshold when none is given", () => {
    expect(evaluateStandard("turnover_max", null, { value: 0.3, n: 10, asAt: at })).toBe("met");
    expect(evaluateStandard("turnover_max", null, { value: 0.31, n: 10, asAt: at })).toBe("not_met");
  });
});

describe("periods", () => {
  it("gives a quarter's bounds and name", () => {
    expect(periodBounds("2026-Q3")).toEqual({
      start: "2026-07-01",
      end: "2026-09-30",
      label: "July to September 2026",
    });
    expect(periodBounds("2024-Q1").end).toBe("2024-03-31");
    expect(periodBounds("2025-Q4").end).toBe("2025-12-31");
  });
  it("finds the quarter of a date, the one before, and the last ended one", () => {
    expect(periodOf("2026-12-05")).toBe("2026-Q4");
    expect(previousPeriod("2026-Q1")).toBe("2025-Q4");
    expect(lastEndedPeriod("2026-12-05")).toBe("2026-Q3");
    expect(lastEndedPeriod("2026-06-15")).toBe("2026-Q1");
  });
  it("refuses text that is not a period", () => {
    expect(() => periodBounds("2026-Q5")).toThrow(/2026-Q3/);
  });
});
