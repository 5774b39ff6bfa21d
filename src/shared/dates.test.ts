import { describe, expect, it } from "vitest";
import { longDate, longDateTime, longDateTimeRange, longMonth, todayIso } from "./dates";

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

  it("write a month as its name and year, and a moment with its UK time in the GOV.UK style", () => {
    expect(longMonth("2026-04")).toBe("April 2026");
    expect(longMonth("2026-04-30")).toBe("April 2026");
    expect(longDateTime("2026-12-04T15:05:00Z")).toBe("4 December 2026 at 3:05pm");
    // British Summer Time: 11:30 in UTC is 12:30pm in London.
    expect(longDateTime("2026-07-01T11:30:00Z")).toBe("1 July 2026 at 12:30pm");
    expect(longDateTime("2026-12-04T12:00:00Z")).toBe("4 December 2026 at midday");
    expect(longDateTime("2026-12-04T00:00:00Z")).toBe("4 December 2026 at midnight");
    expect(longDateTime("2026-12-04T09:00:00Z")).toBe("4 December 2026 at 9:00am");
    expect(todayIso(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
  });

  it("say the day of a time range once when it starts and ends on the same UK day", () => {
    expect(longDateTimeRange("2026-12-16T10:00:00Z", "2026-12-16T15:00:00Z")).toBe(
      "16 December 2026, 10:00am to 3:00pm",
    );
    // 23:30 UTC on 30 June is 12:30am on 1 July in London: a different UK day from 11pm on 30 June.
    expect(longDateTimeRange("2026-06-30T22:00:00Z", "2026-06-30T23:30:00Z")).toBe(
      "30 June 2026 at 11:00pm to 1 July 2026 at 12:30am",
    );
    expect(longDateTimeRange("2026-12-16T10:00:00Z", null)).toBe("16 December 2026 at 10:00am");
  });
});
