import { describe, expect, it } from "vitest";
import type { SwFigure } from "../../../shared/sw-figures";
import { axisMonth, chartPoints, trendWords } from "./figures-trend";

const dates = ["2026-03-31", "2026-04-30", "2026-05-31", "2026-06-15"];
const withheld: SwFigure = { value: null, n: 0, reason: "small_base" };

describe("the social work figures' monthly points", () => {
  it("leaves a withheld month as a gap (null), never 0, and keeps a real 0", () => {
    const figures: SwFigure[] = [{ value: 0.125, n: 40 }, withheld, { value: 0, n: 41 }, withheld];
    expect(chartPoints("vacancy_rate", figures, dates)).toEqual([12.5, null, 0, null]);
  });

  it("plots rates in per cent and an average caseload as it is", () => {
    expect(chartPoints("stability_index", [{ value: 0.8333, n: 12 }], dates.slice(0, 1))).toEqual([83.3]);
    expect(chartPoints("caseload_average", [{ value: 17.26, n: 9 }], dates.slice(0, 1))).toEqual([17.3]);
  });

  it("gives a month with no figure sent (a figure missing from the series) a gap", () => {
    expect(chartPoints("agency_rate", undefined, dates)).toEqual([null, null, null, null]);
    expect(chartPoints("agency_rate", [{ value: 0.1, n: 30 }], dates)).toEqual([10, null, null, null]);
  });

  it("says in words where the line starts and ends and how many months have no value", () => {
    const figures: SwFigure[] = [withheld, { value: 0.125, n: 40 }, withheld, { value: 0.1, n: 41 }];
    expect(trendWords("vacancy_rate", figures, dates)).toBe(
      "12.5% in April 2026, 10.0% in June 2026; no value in 2 of 4 months (withheld or no data)",
    );
    expect(trendWords("caseload_average", [withheld, { value: 18, n: 9 }, withheld, withheld], dates)).toBe(
      "18.0 in April 2026 only; no value in 3 of 4 months (withheld or no data)",
    );
    expect(trendWords("vacancy_rate", [withheld, withheld, withheld, withheld], dates)).toBe(
      "No value in any of the 4 months (withheld or no data)",
    );
    expect(
      trendWords(
        "turnover_rate",
        dates.map(() => ({ value: 0.2, n: 50 })),
        dates,
      ),
    ).toBe("20.0% in March 2026, 20.0% in June 2026");
  });

  it("shortens a month for the axis", () => {
    expect(axisMonth("2026-09-30")).toBe("Sep 2026");
  });
});
