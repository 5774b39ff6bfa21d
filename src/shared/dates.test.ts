import { describe, expect, it } from "vitest";
import { longDate } from "./dates";

describe("dates for people", () => {
  it("are day, month in words and year, without leading zeros, and a moment is the day it was in the UK", () => {
    expect(longDate("2026-12-04")).toBe("4 December 2026");
    expect(longDate("2026-01-31")).toBe("31 January 2026");
    expect(longDate("2026-06-30T22:30:00.000Z")).toBe("30 June 2026");
    // A moment is the day it was in the UK: half past midnight British Summer Time on 1 July.
    expect(longDate("2026-06-30T23:30:00.000Z")).toBe("1 July 2026");
    expect(longDate(new Date("2026-12-31T23:30:00Z"))).toBe("31 December 2026");
    expect(longDate(null)).toBe("");
    expect(longDate("not a date")).toBe("not a date");
  });
});
