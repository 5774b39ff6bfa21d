import { describe, expect, it } from "vitest";
import {
  type AgencyFacts,
  addMonths,
  agencyFlags,
  capDay,
  capInForce,
  costBetween,
  daysInPost,
  monthlyCost,
  monthlyView,
  monthsEnding,
  returnRowProblems,
  rulesApply,
} from "./sw-agency-rules";

// The DfE agency rules case by case (social-work.md §1.2), the cost of an assignment and the
// monthly starters, leavers and agency view from hand-made rows.

const caps = [
  { roleType: "social_worker", hourlyCap: 40, fromDate: "2025-10-01" },
  { roleType: "social_worker", hourlyCap: 42, fromDate: "2026-04-01" },
  { roleType: "team_manager", hourlyCap: 55, fromDate: "2025-10-01" },
];
const ok: AgencyFacts = {
  service: "children",
  role: "social_worker",
  startDate: "2026-01-05",
  endDate: null,
  hourlyRate: 38,
  noticeWeeks: 4,
  pqeYears: 3,
  asyeCompleted: true,
  leftSubstantiveOn: null,
  referenceReceived: true,
  projectTeam: false,
  capBreachSignedOffBy: null,
};
const TODAY = "2026-06-15";
const rules = (a: Partial<AgencyFacts>, on = TODAY) => agencyFlags({ ...ok, ...a }, caps, on).map((f) => f.rule);
const flags = (a: Partial<AgencyFacts>, on = TODAY) => agencyFlags({ ...ok, ...a }, caps, on);

describe("when the rules apply", () => {
  it("a compliant children's assignment has no flags", () => {
    expect(flags({})).toEqual([]);
  });
  it("adults' assignments get none, whatever they hold", () => {
    expect(rules({ service: "adults", pqeYears: 1, noticeWeeks: 1, referenceReceived: false })).toEqual([]);
    expect(rulesApply({ ...ok, service: "adults" }, TODAY).why).toMatch(/child and family social workers only/);
  });
  it("new assignments from 31 October 2024; one starting the day before is not covered until 1 October 2025", () => {
    expect(rulesApply({ ...ok, startDate: "2024-10-31" }, "2024-11-01").applies).toBe(true);
    expect(rulesApply({ ...ok, startDate: "2024-10-30" }, "2024-11-01").applies).toBe(false);
    expect(rulesApply({ ...ok, startDate: "2024-10-30" }, "2025-09-30").applies).toBe(false);
    expect(rulesApply({ ...ok, startDate: "2024-10-30" }, "2025-10-01").applies).toBe(true);
    // A legacy assignment that ended before 1 October 2025 never came under them.
    expect(rulesApply({ ...ok, startDate: "2024-01-01", endDate: "2025-09-30" }, TODAY).applies).toBe(false);
    // The end date is the first day out of post (sw-in-post.ts): ending on 1 October 2025 means
    // its last day was 30 September, so it was not running on 1 October; ending on the 2nd, it was.
    expect(rulesApply({ ...ok, startDate: "2024-01-01", endDate: "2025-10-01" }, TODAY).applies).toBe(false);
    expect(rulesApply({ ...ok, startDate: "2024-01-01", endDate: "2025-10-02" }, TODAY).applies).toBe(true);
    expect(rules({ startDate: "2024-06-01", endDate: "2025-06-01", referenceReceived: false })).toEqual([]);
  });
});

describe("post-qualifying experience", () => {
  it("exactly 3 years is enough; 2.9 is not", () => {
    expect(rules({ pqeYears: 3 })).toEqual([]);
    const f = flags({ pqeYears: 2.9 });
    expect(f.map((x) => [x.rule, x.level])).toEqual([["pqe", "breach"]]);
    expect(f[0].text).toBe("2.9 years' post-qualifying experience: fewer than the 3 years the rules require.");
    expect(f[0].source).toMatch(/DfE statutory guidance/);
  });
  it("says 1 year's, 2 years' and 0 years' as English does", () => {
    expect(flags({ pqeYears: 1 })[0].text).toBe(
      "1 year's post-qualifying experience: fewer than the 3 years the rules require.",
    );
    expect(flags({ pqeYears: 2 })[0].text).toMatch(/^2 years' post-qualifying/);
    expect(flags({ pqeYears: 0 })[0].text).toMatch(/^0 years' post-qualifying/);
  });
  it("a newly qualified worker or an ASYE not completed is not allowed", () => {
    expect(flags({ role: "asye_social_worker", pqeYears: 5 })[0]).toMatchObject({ rule: "pqe", level: "breach" });
    expect(flags({ asyeCompleted: false, pqeYears: 4 })[0].text).toMatch(/ASYE not completed/);
  });
  it("not recorded asks for it", () => {
    expect(flags({ pqeYears: null })[0]).toMatchObject({ rule: "pqe", level: "check" });
  });
});

describe("the regional price cap", () => {
  it("the cap in force is the latest from the day or before", () => {
    expect(capInForce(caps, "social_worker", "2026-03-31")?.hourlyCap).toBe(40);
    expect(capInForce(caps, "social_worker", "2026-04-01")?.hourlyCap).toBe(42);
    expect(capInForce(caps, "social_worker", "2025-09-30")).toBeNull();
    expect(capInForce(caps, null, "2026-04-01")).toBeNull();
  });
  it("exactly at the cap is within it; a penny above is flagged", () => {
    expect(rules({ hourlyRate: 40 })).toEqual([]);
    expect(flags({ hourlyRate: 40.01 })[0]).toMatchObject({
      rule: "price_cap",
      level: "breach",
      text: "£40.01 an hour is above the regional cap of £40.00 and not signed off.",
    });
  });
  it("signed off: allowed but to be reported, naming who signed", () => {
    expect(flags({ hourlyRate: 45, capBreachSignedOffBy: "Director of Children's Services" })[0]).toMatchObject({
      rule: "price_cap",
      level: "report",
      text: "£45.00 an hour is above the regional cap of £40.00: signed off by Director of Children's Services; report it to the region and DfE.",
    });
  });
  it("measured against the cap in force at the start (41 is within April's £42, not January's £40)", () => {
    expect(rules({ hourlyRate: 41, startDate: "2026-04-01" })).toEqual([]);
    expect(rules({ hourlyRate: 41, startDate: "2026-01-05" })).toEqual(["price_cap"]);
  });
  it("an assignment running on 1 October 2025 is measured against the cap of that day", () => {
    expect(rules({ hourlyRate: 41, startDate: "2025-01-06" })).toEqual(["price_cap"]);
    expect(rules({ hourlyRate: 41, startDate: "2025-01-06", endDate: "2025-09-30" })).toEqual([]);
    // Ending on 1 October 2025 (its first day out of post), it was not running then; on the 2nd, it was.
    expect(capDay({ startDate: "2025-01-06", endDate: "2025-10-01" })).toBeNull();
    expect(capDay({ startDate: "2025-01-06", endDate: "2025-10-02" })).toBe("2025-10-01");
    expect(rules({ hourlyRate: 41, startDate: "2025-01-06", endDate: "2025-10-01" })).toEqual([]);
    expect(rules({ hourlyRate: 41, startDate: "2025-01-06", endDate: "2025-10-02" })).toEqual(["price_cap"]);
  });
  it("no cap recorded for the job type is a check", () => {
    expect(flags({ role: "senior_social_worker" })[0]).toMatchObject({
      rule: "price_cap",
      level: "check",
      text: "No regional price cap recorded for senior social worker on 5 January 2026.",
    });
  });
});

describe("notice, cooling off, references, project teams", () => {
  it("exactly 4 weeks' notice is enough; 3 is not; none recorded is a check", () => {
    expect(rules({ noticeWeeks: 4 })).toEqual([]);
    expect(flags({ noticeWeeks: 3 })[0]).toMatchObject({ rule: "notice", level: "breach" });
    expect(flags({ noticeWeeks: 2 })[0].text).toMatch(/^2 weeks' notice: fewer than 4/);
    expect(flags({ noticeWeeks: null })[0]).toMatchObject({ rule: "notice", level: "check" });
  });
  it("says 1 week's and 0 weeks' notice as English does", () => {
    expect(flags({ noticeWeeks: 1 })[0].text).toBe(
      "1 week's notice: fewer than 4 (unless the council's own staff in the role have less).",
    );
    expect(flags({ noticeWeeks: 0 })[0].text).toMatch(/^0 weeks' notice/);
  });
  it("names the cooling-off dates as people write them", () => {
    expect(flags({ leftSubstantiveOn: "2025-11-01", startDate: "2026-01-05" })[0].text).toBe(
      "Engaged within 3 months of leaving a substantive role in a council of the same region (left on 1 November 2025; not before 1 February 2026).",
    );
  });
  it("engaged exactly 3 months after leaving a substantive role is allowed; a day sooner is not", () => {
    expect(rules({ leftSubstantiveOn: "2025-10-05", startDate: "2026-01-05" })).toEqual([]);
    expect(rules({ leftSubstantiveOn: "2025-10-05", startDate: "2026-01-04" })).toEqual(["cooling_off"]);
    // The month's end is clamped: 3 months after 30 November is 28 February.
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(rules({ leftSubstantiveOn: "2025-11-30", startDate: "2026-02-28" })).toEqual([]);
    expect(rules({ leftSubstantiveOn: "2025-11-30", startDate: "2026-02-27" })).toEqual(["cooling_off"]);
  });
  it("no practice-based reference is flagged", () => {
    expect(rules({ referenceReceived: false })).toEqual(["reference"]);
  });
  it("a project team asks for every worker approved and costs per worker", () => {
    expect(flags({ projectTeam: true })[0]).toMatchObject({ rule: "project_team", level: "check" });
    expect(flags({ projectTeam: true })[0].text).toMatch(/approve every worker.*each worker's cost/);
  });
  it("several at once, in the rules' order", () => {
    expect(rules({ pqeYears: 1, hourlyRate: 50, noticeWeeks: 2, referenceReceived: false })).toEqual([
      "pqe",
      "price_cap",
      "notice",
      "reference",
    ]);
  });
});

describe("cost", () => {
  const a = { startDate: "2026-03-10", endDate: "2026-04-20", weeklyHours: 37, hourlyRate: 40, agencyFee: 5 };
  it("days in post run from the start up to the day before the end date (its first day out of post)", () => {
    expect(daysInPost(a, "2026-03-01", "2026-03-31")).toBe(22);
    expect(daysInPost(a, "2026-04-01", "2026-04-30")).toBe(19);
    expect(daysInPost(a, "2026-04-19", "2026-04-19")).toBe(1);
    expect(daysInPost(a, "2026-04-20", "2026-04-20")).toBe(0);
    expect(daysInPost(a, "2026-05-01", "2026-05-31")).toBe(0);
    // Ending on the first of a month: nothing in that month; ending on its start day: never in post.
    expect(daysInPost({ startDate: "2026-03-10", endDate: "2026-04-01" }, "2026-04-01", "2026-04-30")).toBe(0);
    expect(daysInPost({ startDate: "2026-03-10", endDate: "2026-04-01" }, "2026-03-01", "2026-03-31")).toBe(22);
    expect(daysInPost({ startDate: "2026-03-10", endDate: "2026-03-10" }, "2026-03-01", "2026-03-31")).toBe(0);
  });
  it("weekly hours × (rate + fee) × days ÷ 7", () => {
    expect(monthlyCost(a, "2026-03")).toBeCloseTo((37 * 45 * 22) / 7, 9);
    expect(monthlyCost(a, "2026-04")).toBeCloseTo((37 * 45 * 19) / 7, 9);
    // A whole week costs exactly 37 × 45.
    expect(costBetween(a, "2026-03-10", "2026-03-16")).toBe(1665);
  });
  it("months ending with one, oldest first, across a year", () => {
    expect(monthsEnding("2026-02", 4)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});

describe("the monthly view from hand-made rows", () => {
  it("counts a starter, a leaver and an agency worker crossing a month end exactly", () => {
    const staff = [
      { group: "children", startDate: "2026-03-02", endDate: null }, // starter in March
      { group: "children", startDate: "2020-01-01", endDate: "2026-04-30" }, // leaver in April
      { group: "adults", startDate: "2026-04-01", endDate: "2026-04-01" }, // adults: a starter and leaver in April
    ];
    const agency = [
      // In post on 31 March (crosses the month end), left 10 April: 18.5 hours.
      {
        group: "children",
        startDate: "2026-03-20",
        endDate: "2026-04-10",
        weeklyHours: 18.5,
        hourlyRate: 40,
        agencyFee: 2,
      },
      // Ends on 31 March: the end date is the first day out of post (sw-in-post.ts), so not in post
      // at the month's end, and its cost stops on 30 March, the day before.
      {
        group: "children",
        startDate: "2026-01-01",
        endDate: "2026-03-31",
        weeklyHours: 37,
        hourlyRate: 35,
        agencyFee: 0,
      },
    ];
    const rows = monthlyView(["2026-03", "2026-04"], ["children", "adults"], staff, agency);
    expect(rows).toEqual([
      {
        month: "2026-03",
        group: "children",
        starters: 1,
        leavers: 0,
        agencyHeadcount: 1,
        agencyFte: 0.5,
        agencyCost: Math.round(((18.5 * 42 * 12) / 7 + (37 * 35 * 30) / 7) * 100) / 100,
      },
      { month: "2026-03", group: "adults", starters: 0, leavers: 0, agencyHeadcount: 0, agencyFte: 0, agencyCost: 0 },
      {
        month: "2026-04",
        group: "children",
        starters: 0,
        leavers: 1,
        agencyHeadcount: 0,
        agencyFte: 0,
        agencyCost: Math.round(((18.5 * 42 * 9) / 7) * 100) / 100,
      },
      { month: "2026-04", group: "adults", starters: 1, leavers: 1, agencyHeadcount: 0, agencyFte: 0, agencyCost: 0 },
    ]);
    // 18.5 × 42 × 12 days ÷ 7 = £1,332; 37 × 35 × 30 ÷ 7 = £5,550.
    expect(rows[0].agencyCost).toBe(6882);
  });
});

describe("the monthly view's agency FTE", () => {
  it("is each worker's FTE (sw-fte.ts): more than 37 hours counts as one post", () => {
    const long = { group: "children", startDate: "2026-01-01", endDate: null, hourlyRate: 40, agencyFee: 0 };
    const rows = monthlyView(
      ["2026-03"],
      ["children"],
      [],
      [
        { ...long, weeklyHours: 45 },
        { ...long, weeklyHours: 18.5 },
      ],
    );
    expect(rows[0]).toMatchObject({ agencyHeadcount: 2, agencyFte: 1.5 });
  });
});

describe("the DfE return's row checks", () => {
  const row = { role: "social_worker", sweNumber: "SW123", hourlyRate: 40, startDate: "2026-01-01", endDate: null };
  it("a complete row has none", () => {
    expect(returnRowProblems(row)).toEqual([]);
  });
  it("missing SWE number, missing rate, end before start, a role with no job type", () => {
    expect(returnRowProblems({ ...row, sweNumber: " " }).map((p) => p.field)).toEqual(["sweNumber"]);
    expect(returnRowProblems({ ...row, hourlyRate: 0 }).map((p) => p.field)).toEqual(["hourlyRate"]);
    expect(returnRowProblems({ ...row, hourlyRate: null }).map((p) => p.field)).toEqual(["hourlyRate"]);
    expect(returnRowProblems({ ...row, endDate: "2025-12-31" }).map((p) => p.field)).toEqual(["endDate"]);
    expect(returnRowProblems({ ...row, role: "service_manager" }).map((p) => p.field)).toEqual(["jobType"]);
  });
});
