import { describe, expect, it } from "vitest";
import {
  agencyParts,
  caseloadMonth,
  caseloadParts,
  type Parts,
  protectFigure,
  SW_MIN_BASE,
  seriesDates,
  showSwFigure,
  stabilityParts,
  turnoverParts,
  vacancyParts,
  type WorkerFacts,
} from "./sw-figures";

const w = (id: string, over: Partial<WorkerFacts> = {}): WorkerFacts => ({
  id,
  teamId: "t1",
  role: "social_worker",
  startDate: "2020-01-01",
  endDate: null,
  contractedHours: 37,
  routeIn: "external",
  ...over,
});
const AT = "2026-06-15";

describe("vacancy rate", () => {
  it("is vacant over vacant and in post FTE, social workers only; an over-filled role does not fill another's vacancy", () => {
    const est = [
      { teamId: "t1", role: "social_worker", fundedFte: 3, effectiveFrom: "2024-04-01" },
      { teamId: "t1", role: "social_worker", fundedFte: 4, effectiveFrom: "2026-04-01" }, // in force
      { teamId: "t1", role: "social_worker", fundedFte: 12, effectiveFrom: "2026-07-01" }, // not yet
      { teamId: "t1", role: "team_manager", fundedFte: 1, effectiveFrom: "2020-01-01" },
      { teamId: "t1", role: "family_support_worker", fundedFte: 5, effectiveFrom: "2020-01-01" },
    ];
    const workers = [
      w("a"),
      w("b", { contractedHours: 18.5 }), // 0.5 FTE
      w("c", { endDate: "2026-06-01" }), // left: not in post
      w("e", { endDate: AT }), // leaves today: the end date is the first day out of post
      w("z", { contractedHours: 0 }), // no hours: 0 FTE (sw-fte.ts)
      w("d", { startDate: "2026-07-01" }), // not started
      w("m1", { role: "team_manager" }),
      w("m2", { role: "team_manager" }), // over-filled manager post
      w("f", { role: "family_support_worker" }), // not a social worker: not counted
    ];
    // social workers: 4 − 1.5 = 2.5 vacant; managers 0 (not −1); in post 1.5 + 2 = 3.5
    expect(vacancyParts(workers, est, AT)).toEqual({ num: 2.5, den: 6, base: 6 });
  });
  it("has no data with nobody in post and nothing funded; none vacant with no establishment", () => {
    expect(vacancyParts([], [], AT)).toEqual({ num: 0, den: 0, base: 0 });
    expect(vacancyParts([w("a")], [], AT)).toEqual({ num: 0, den: 1, base: 1 });
  });
});

describe("agency rate", () => {
  it("is agency over agency and employed FTE, social workers only, counting assignments running at the date", () => {
    const agency = [
      { teamId: "t1", role: "social_worker", startDate: "2026-01-01", endDate: null, weeklyHours: 37 },
      { teamId: "t1", role: "social_worker", startDate: "2026-01-01", endDate: "2026-06-15", weeklyHours: 37 }, // ended on the day
      { teamId: "t1", role: "senior_social_worker", startDate: "2026-01-01", endDate: "2026-12-31", weeklyHours: 18.5 },
      { teamId: "t1", role: "family_support_worker", startDate: "2026-01-01", endDate: null, weeklyHours: 37 },
    ];
    const workers = [w("a"), w("b"), w("c"), w("f", { role: "family_support_worker" })];
    expect(agencyParts(workers, agency, AT)).toEqual({ num: 1.5, den: 4.5, base: 4.5 });
  });
});

describe("turnover", () => {
  it("is leavers in the 12 months over the average headcount a year before and at the date", () => {
    const workers = [
      w("a"),
      w("b"),
      w("c", { endDate: "2025-06-16" }), // left in the 12 months (in post a year ago)
      w("d", { endDate: "2025-06-15" }), // left on the year's first day: outside (D − 12m, D]
      w("e", { startDate: "2026-01-01" }),
      w("f", { startDate: "2025-09-01", endDate: "2026-03-01" }), // joined and left inside
    ];
    // a year ago in post: a, b, c (3); now: a, b, e (3); leavers c, f (2)
    expect(turnoverParts(workers, AT)).toEqual({ num: 2, den: 3, base: 3 });
  });
});

describe("stability", () => {
  it("is the share of those in post a year before still in post", () => {
    const workers = [w("a"), w("b"), w("c", { endDate: "2026-01-01" }), w("d", { startDate: "2026-01-01" })];
    expect(stabilityParts(workers, AT)).toEqual({ num: 2, den: 3, base: 3 });
  });
});

describe("caseload average", () => {
  it("uses the latest month with caseloads by the date", () => {
    expect(caseloadMonth(["2026-04-01", "2026-06-01", "2026-07-01"], AT)).toBe("2026-06-01");
    expect(caseloadMonth(["2026-07-01"], AT)).toBeNull();
  });
  it("is open cases over the FTE of case holders in post, leaving out roles that hold no cases", () => {
    const open = new Map([
      ["a", 18],
      ["b", 9],
      ["m", 3],
      ["gone", 20],
    ]);
    const workers = [
      w("a"),
      w("b", { contractedHours: 18.5 }),
      w("m", { role: "team_manager" }),
      w("gone", { endDate: "2026-06-01" }),
      w("none"),
    ];
    expect(caseloadParts(workers, open, AT)).toEqual({ num: 27, den: 1.5, base: 2 });
  });
});

describe("series dates", () => {
  it("gives each month's last day, the last at the date itself", () => {
    expect(seriesDates("2026-03-15", 4)).toEqual(["2025-12-31", "2026-01-31", "2026-02-28", "2026-03-15"]);
    expect(seriesDates(AT, 36)).toHaveLength(36);
    expect(seriesDates(AT, 36)[0]).toBe("2023-07-31");
  });
});

describe("disclosure control", () => {
  const p = (num: number, den: number, base = den): Parts => ({ num, den, base });

  it("withholds a team under the threshold and the smallest other team of its service", () => {
    const out = protectFigure([
      { id: "small", service: "children", parts: p(1, 3) },
      { id: "mid", service: "children", parts: p(2, 8) },
      { id: "big", service: "children", parts: p(3, 20) },
      { id: "adults", service: "adults", parts: p(2, 10) },
    ]);
    expect(out.teams.get("small")).toEqual({ value: null, n: 0, reason: "small_base" });
    expect(out.teams.get("mid")).toEqual({ value: null, n: 0, reason: "complement" });
    expect(out.teams.get("big")).toEqual({ value: 3 / 20, n: 20 });
    expect(out.services.get("children")).toEqual({ value: 6 / 31, n: 31 });
    expect(out.teams.get("adults")?.value).toBe(0.2);
  });

  it("needs no complement when two teams are already withheld", () => {
    const out = protectFigure([
      { id: "a", service: "children", parts: p(1, 3) },
      { id: "b", service: "children", parts: p(1, 4) },
      { id: "c", service: "children", parts: p(2, 10) },
    ]);
    expect(out.teams.get("c")?.value).toBe(0.2);
    expect(out.teams.get("a")?.reason).toBe("small_base");
    expect(out.teams.get("b")?.reason).toBe("small_base");
  });

  it("withholds the service when its only other teams have no data (the service would be the small team)", () => {
    const out = protectFigure([
      { id: "a", service: "adults", parts: p(1, 3) },
      { id: "b", service: "adults", parts: p(0, 0) },
    ]);
    expect(out.teams.get("a")?.reason).toBe("small_base");
    expect(out.teams.get("b")?.reason).toBe("no_data");
    // The service rests on the small team alone: withheld (its base is the team's).
    expect(out.services.get("adults")).toEqual({ value: null, n: 0, reason: "small_base" });
  });

  it("withholds a service whose own base is under the threshold", () => {
    const out = protectFigure([{ id: "a", service: "adults", parts: p(1, SW_MIN_BASE - 1) }]);
    expect(out.services.get("adults")?.reason).toBe("small_base");
  });

  it("at the threshold a team is shown", () => {
    const out = protectFigure([
      { id: "a", service: "adults", parts: p(1, SW_MIN_BASE) },
      { id: "b", service: "adults", parts: p(1, 10) },
    ]);
    expect(out.teams.get("a")?.value).toBe(1 / SW_MIN_BASE);
  });

  it("a figure not yet available is said so for teams and service", () => {
    const out = protectFigure([{ id: "a", service: "adults", parts: null }]);
    expect(out.teams.get("a")?.reason).toBe("not_available");
    expect(out.services.get("adults")?.reason).toBe("not_available");
  });

  it("shows figures as people read them", () => {
    expect(showSwFigure("vacancy_rate", { value: 0.1234, n: 10 })).toBe("12.3%");
    expect(showSwFigure("caseload_average", { value: 17.25, n: 10 })).toBe("17.3");
    expect(showSwFigure("vacancy_rate", { value: null, n: 0, reason: "small_base" })).toBe(
      `Withheld: fewer than ${SW_MIN_BASE} behind it`,
    );
  });
});
