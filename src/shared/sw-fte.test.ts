import { describe, expect, it } from "vitest";
import { fteOf, SW_FULL_TIME_HOURS } from "./sw-fte";

describe("a person's FTE", () => {
  it("is hours ÷ 37, at most 1, with no hours recorded counting as full time", () => {
    expect(SW_FULL_TIME_HOURS).toBe(37);
    expect(fteOf(0)).toBe(0);
    expect(fteOf(18.5)).toBe(0.5);
    expect(fteOf(37)).toBe(1);
    expect(fteOf(45)).toBe(1);
    expect(fteOf(null)).toBe(1);
    expect(fteOf(undefined)).toBe(1);
  });

  it("is never below 0 and is not rounded (callers round totals)", () => {
    expect(fteOf(-5)).toBe(0);
    expect(fteOf(30)).toBeCloseTo(0.8108108, 6);
  });
});
