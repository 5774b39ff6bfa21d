import { describe, expect, it } from "vitest";
import type { MeasureReading } from "../../../shared/schemas/strategy";
import { isOffTarget, suggestStatus } from "./suggest";

const reading = (value: number | null, target: number, direction: "higher" | "lower"): MeasureReading => ({
  metric: "m",
  label: "M",
  at: "2026-09-30",
  value,
  target,
  direction,
  byDate: "2028-03-31",
  offTarget: isOffTarget(value, target, direction),
});

describe("off target, by direction", () => {
  it.each([
    [0.1, 0.09, "lower", true],
    [0.09, 0.09, "lower", false],
    [0.08, 0.09, "lower", false],
    [0.85, 0.9, "higher", true],
    [0.9, 0.9, "higher", false],
    [0.95, 0.9, "higher", false],
    [null, 0.9, "higher", false],
  ] as const)("%s against %s (%s is better) is off target: %s", (value, target, direction, off) => {
    expect(isOffTarget(value, target, direction)).toBe(off);
  });
});

describe("the suggested status", () => {
  it("is none while every measure is on target or has no figure", () => {
    expect(suggestStatus([])).toBeNull();
    expect(suggestStatus([reading(0.08, 0.09, "lower"), reading(null, 0.9, "higher")])).toBeNull();
  });
  it("is at risk when every miss is within a tenth of the target", () => {
    expect(suggestStatus([reading(0.095, 0.09, "lower")])?.status).toBe("at_risk");
    expect(suggestStatus([reading(0.85, 0.9, "higher")])?.status).toBe("at_risk");
  });
  it("is off track when any miss is beyond a tenth of the target, and names the measures behind it", () => {
    const s = suggestStatus([reading(0.08, 0.09, "lower"), reading(0.1, 0.09, "lower"), reading(0.7, 0.9, "higher")]);
    expect(s?.status).toBe("off_track");
    expect(s?.because.map((r) => r.value)).toEqual([0.1, 0.7]);
  });
});
