import { describe, expect, it } from "vitest";
import { inPostDuring, inPostOn, leftBy, leftDuring } from "./sw-in-post";

const w = { startDate: "2026-03-01", endDate: "2026-06-15" };

describe("in post on a day", () => {
  it("starts on the start date and stops on the end date (the first day out of post)", () => {
    expect(inPostOn(w, "2026-02-28")).toBe(false);
    expect(inPostOn(w, "2026-03-01")).toBe(true);
    expect(inPostOn(w, "2026-06-14")).toBe(true);
    expect(inPostOn(w, "2026-06-15")).toBe(false);
  });

  it("runs on with no end date, null or missing", () => {
    expect(inPostOn({ startDate: "2026-03-01", endDate: null }, "2036-01-01")).toBe(true);
    expect(inPostOn({ startDate: "2026-03-01" }, "2036-01-01")).toBe(true);
  });
});

describe("in post during a period", () => {
  it("needs one day in post from the first day to the last, both included", () => {
    expect(inPostDuring(w, "2026-06-01", "2026-06-30")).toBe(true);
    expect(inPostDuring(w, "2026-02-01", "2026-02-28")).toBe(false);
    expect(inPostDuring(w, "2026-03-01", "2026-03-31")).toBe(true);
    // Ending on the 15th: last day in post the 14th.
    expect(inPostDuring(w, "2026-06-14", "2026-06-20")).toBe(true);
    expect(inPostDuring(w, "2026-06-15", "2026-06-20")).toBe(false);
    expect(inPostDuring({ startDate: "2026-03-01", endDate: null }, "2030-01-01", "2030-01-31")).toBe(true);
  });
});

describe("a leaver in a period", () => {
  it("has an end date from the first day to the last, both included", () => {
    expect(leftDuring(w, "2026-06-01", "2026-06-30")).toBe(true);
    expect(leftDuring(w, "2026-06-15", "2026-06-15")).toBe(true);
    expect(leftDuring(w, "2026-06-16", "2026-06-30")).toBe(false);
    expect(leftDuring(w, "2026-05-01", "2026-05-31")).toBe(false);
    expect(leftDuring({ endDate: null }, "2026-01-01", "2026-12-31")).toBe(false);
  });
});

describe("left by a day", () => {
  it("is an end date on or before the day", () => {
    expect(leftBy(w, "2026-06-14")).toBe(false);
    expect(leftBy(w, "2026-06-15")).toBe(true);
    expect(leftBy({ endDate: null }, "2036-01-01")).toBe(false);
  });
});
