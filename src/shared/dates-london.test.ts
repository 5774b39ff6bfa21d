import { describe, expect, it } from "vitest";
import { londonInstant, londonWallTime } from "./dates";

// The events calendar's times are typed as people in the UK read them: in summer that is an hour
// ahead of UTC, and the clocks change on the last Sundays of March and October.
describe("UK wall-clock times", () => {
  it("reads a winter and a summer time as the UK does", () => {
    expect(londonInstant("2026-12-20", "10:30")).toBe("2026-12-20T10:30:00.000Z");
    expect(londonInstant("2026-07-01", "09:30")).toBe("2026-07-01T08:30:00.000Z");
    expect(londonInstant("2026-03-29", "12:00")).toBe("2026-03-29T11:00:00.000Z"); // the day the clocks go forward
    expect(londonInstant("2026-10-25", "12:00")).toBe("2026-10-25T12:00:00.000Z"); // and back
  });

  it("gives back the day and time it was given", () => {
    for (const [day, time] of [
      ["2026-07-01", "09:30"],
      ["2026-12-31", "23:45"],
      ["2027-01-01", "00:15"],
    ])
      expect(londonWallTime(londonInstant(day, time))).toEqual({ day, time });
  });
});
