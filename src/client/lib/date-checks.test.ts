import { describe, expect, it } from "vitest";
import { checkDates, firstBox } from "./date-checks";

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe("reading a plain form's date boxes before sending", () => {
  it("gives the ISO days, a month as YYYY-MM and null for an optional date left empty", () => {
    expect(
      checkDates({
        openedOn: { value: parts("3", "4", "2026"), what: "Date the vacancy opened" },
        month: { value: parts("", "April", "2026"), what: "Month", month: true },
        dueOn: { value: parts("", "", ""), what: "Goal date", optional: true },
      }),
    ).toEqual({ ok: true, values: { openedOn: "2026-04-03", month: "2026-04", dueOn: null } });
  });

  it("says what is wrong with each date, keyed by its field, with the boxes at fault", () => {
    const checked = checkDates({
      asAt: { value: parts("30", "6", ""), what: "Date the counts refer to" },
      dueOn: { value: parts("31", "2", "2027"), what: "Goal date", optional: true },
      fine: { value: parts("1", "1", "2026"), what: "Start date" },
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.error.issues).toEqual([
      { path: "asAt", message: "Date the counts refer to must include a year" },
      { path: "dueOn", message: "Goal date must be a real date" },
    ]);
    expect(checked.problems.parts).toEqual({ asAt: ["year"], dueOn: ["day"] });
    expect(firstBox("as-at", checked.problems, "asAt")).toBe("as-at-year");
    expect(firstBox("start", checked.problems, "fine")).toBe("start-day");
    expect(firstBox("agency-month", null, "month", "month")).toBe("agency-month-month");
  });
});
