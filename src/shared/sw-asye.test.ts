import { describe, expect, it } from "vitest";
import {
  type AsyeTimeline,
  asyeDueDates,
  asyeReminders,
  asyeStages,
  caseloadWithinProtection,
  grantRows,
  grantYearOf,
  nextStage,
  nqswRetention,
  passRate,
  protectionEnd,
  reviewsOnTime,
  reviewTimingIssues,
  reviewWindowOpens,
  stageState,
} from "./sw-asye";

const open = (over: Partial<AsyeTimeline> = {}): AsyeTimeline => ({
  startDate: "2026-01-10",
  extendedTo: null,
  status: "in_progress",
  outcomeOn: null,
  reviews: [],
  ...over,
});

describe("ASYE due dates", () => {
  it("falls 3, 6, 9 and 12 calendar months after the start", () => {
    expect(asyeDueDates("2026-01-10")).toEqual({
      "3_month": "2026-04-10",
      "6_month": "2026-07-10",
      "9_month": "2026-10-10",
      final: "2027-01-10",
    });
  });
  it("clamps to the month's end: 31 August + 6 months is 28 February", () => {
    expect(asyeDueDates("2025-08-31")).toEqual({
      "3_month": "2025-11-30",
      "6_month": "2026-02-28",
      "9_month": "2026-05-31",
      final: "2026-08-31",
    });
  });
  it("finds 29 February in a leap year and 28 otherwise", () => {
    expect(asyeDueDates("2027-08-31")["6_month"]).toBe("2028-02-29");
    expect(asyeDueDates("2024-02-29").final).toBe("2025-02-28");
  });
  it("crosses the year: a start of 30 November has its 3-month review on 28 February", () => {
    expect(asyeDueDates("2025-11-30")["3_month"]).toBe("2026-02-28");
  });
  it("moves only the final to the extension's date", () => {
    const d = asyeDueDates("2026-01-10", "2027-04-30");
    expect(d["9_month"]).toBe("2026-10-10");
    expect(d.final).toBe("2027-04-30");
  });
});

describe("a stage's state on a day (grace and reminder window 14 days)", () => {
  const due = "2026-04-10";
  it("held on or before due + 14 days is on time", () => {
    expect(stageState({ due, heldOn: "2026-04-01", today: "2026-06-01" })).toBe("done_on_time");
    expect(stageState({ due, heldOn: "2026-04-24", today: "2026-06-01" })).toBe("done_on_time");
  });
  it("held on due + 15 days is late", () => {
    expect(stageState({ due, heldOn: "2026-04-25", today: "2026-06-01" })).toBe("done_late");
  });
  it("not held: overdue the day after the due date, not on it", () => {
    expect(stageState({ due, heldOn: null, today: "2026-04-10" })).toBe("due");
    expect(stageState({ due, heldOn: null, today: "2026-04-11" })).toBe("overdue");
  });
  it("not held: due from 14 days before, not yet due at 15", () => {
    expect(stageState({ due, heldOn: null, today: "2026-03-27" })).toBe("due");
    expect(stageState({ due, heldOn: null, today: "2026-03-26" })).toBe("not_yet_due");
  });
  it("a closed ASYE's stage never held is not held, never overdue", () => {
    expect(stageState({ due, heldOn: null, today: "2026-06-01", open: false })).toBe("not_held");
    expect(stageState({ due, heldOn: "2026-04-30", today: "2026-06-01", open: false })).toBe("done_late");
  });
});

describe("when a review may be held (in stage order, from its window)", () => {
  // Started 10 January 2026: reviews due 10 April, 10 July, 10 October 2026, the final 10 January 2027.
  const start = "2026-01-10";
  const held = (...stages: [string, string][]) => stages.map(([stage, heldOn]) => ({ stage, heldOn }));
  const upTo9 = held(["3_month", "2026-04-10"], ["6_month", "2026-07-10"], ["9_month", "2026-10-10"]);
  const issues = (
    stage: "3_month" | "6_month" | "9_month" | "final",
    heldOn: string,
    others: { stage: string; heldOn: string }[] = [],
    extendedTo: string | null = null,
  ) => reviewTimingIssues({ startDate: start, extendedTo, others }, { stage, heldOn });

  it("opens 14 days before a review's due date, and the final at the end of month 11", () => {
    expect(reviewWindowOpens(start, "3_month")).toBe("2026-03-27");
    expect(reviewWindowOpens(start, "9_month")).toBe("2026-09-26");
    expect(reviewWindowOpens(start, "final")).toBe("2026-12-10");
  });
  it("accepts each stage in order on its window's first day", () => {
    expect(issues("3_month", "2026-03-27")).toEqual([]);
    expect(issues("6_month", "2026-06-26", held(["3_month", "2026-04-10"]))).toEqual([]);
    expect(issues("final", "2026-12-10", upTo9)).toEqual([]);
  });
  it("refuses the day before the window opens, naming the due date and the first day", () => {
    expect(issues("3_month", "2026-03-26")).toEqual([
      { path: "heldOn", message: "The 3-month review is due on 10 April 2026; it can be recorded from 27 March 2026" },
    ]);
    expect(issues("final", "2026-12-09", upTo9)).toEqual([
      {
        path: "heldOn",
        message: "The final assessment is due on 10 January 2027; it can be recorded from 10 December 2026",
      },
    ]);
  });
  it("refuses a stage out of order, naming the first stage missing", () => {
    // The tester's case: a pass three months in, with nothing recorded before it.
    expect(issues("final", "2026-04-10")).toEqual([
      {
        path: "stage",
        message:
          "Record the 3-month review first: reviews are recorded in order (3, 6 and 9 months, then the final assessment)",
      },
    ]);
    expect(issues("9_month", "2026-10-10", held(["3_month", "2026-04-10"]))[0].message).toMatch(
      /^Record the 6-month review first/,
    );
  });
  it("refuses a review held before an earlier stage's, or (when changed) after a later stage's", () => {
    const late3 = held(["3_month", "2026-07-20"]);
    expect(issues("6_month", "2026-07-10", late3)).toEqual([
      { path: "heldOn", message: "The 3-month review was held on 20 July 2026: this review cannot be held before it" },
    ]);
    // Held on the same day as the earlier one is allowed (a late review followed by the next).
    expect(issues("6_month", "2026-07-20", late3)).toEqual([]);
    // Changing the 3-month review (left out of `others`) to after the 6-month's date.
    expect(issues("3_month", "2026-07-11", held(["6_month", "2026-07-10"]))).toEqual([
      { path: "heldOn", message: "The 6-month review was held on 10 July 2026: this review cannot be held after it" },
    ]);
  });
  it("after an extension: the final is due at the new end, and not held before the extension", () => {
    const extended = [...upTo9, { stage: "final", heldOn: "2027-01-10" }];
    expect(issues("final", "2027-02-01", extended, "2027-04-30")).toEqual([]);
    expect(issues("final", "2027-01-05", extended, "2027-04-30")).toEqual([
      {
        path: "heldOn",
        message:
          "The ASYE was extended at the final assessment on 10 January 2027: the final cannot be held before that",
      },
    ]);
    // Too early names the extended due date.
    expect(issues("final", "2026-11-01", upTo9, "2027-04-30")[0].message).toBe(
      "The final assessment is due on 30 April 2027; it can be recorded from 10 December 2026",
    );
  });
  it("'Held on time' only from the window's first day: a review held earlier is shown as held too early", () => {
    const a = open({
      reviews: [
        { stage: "3_month", heldOn: "2026-03-26", progress: "on_track" },
        { stage: "6_month", heldOn: "2026-06-26", progress: "on_track" },
      ],
    });
    expect(asyeStages(a, "2026-07-01").map((s) => s.state)).toEqual([
      "done_early",
      "done_on_time",
      "not_yet_due",
      "not_yet_due",
    ]);
    // A pass three months in (recorded before the rule) is not "Held on time".
    const passedEarly = open({
      status: "passed",
      outcomeOn: "2026-04-10",
      reviews: [{ stage: "final", heldOn: "2026-04-10", progress: "pass" }],
    });
    expect(asyeStages(passedEarly, "2026-05-01")[3].state).toBe("done_early");
    expect(reviewsOnTime([passedEarly], "2026-05-01")).toEqual({ count: 0, of: 1, share: 0 });
  });
});

describe("an ASYE's stages, next review and reminders", () => {
  it("shows each stage with its state, and the first not held as the next", () => {
    const a = open({ reviews: [{ stage: "3_month", heldOn: "2026-04-15", progress: "on_track" }] });
    expect(asyeStages(a, "2026-07-20").map((s) => [s.stage, s.state])).toEqual([
      ["3_month", "done_on_time"],
      ["6_month", "overdue"],
      ["9_month", "not_yet_due"],
      ["final", "not_yet_due"],
    ]);
    expect(nextStage(a, "2026-07-20")).toMatchObject({ stage: "6_month", due: "2026-07-10", state: "overdue" });
  });
  it("reminds of every stage overdue or due within 14 days, earliest first", () => {
    const a = open({ startDate: "2025-10-01" });
    // 3-month 2026-01-01 overdue, 6-month 2026-04-01 due in 10 days, 9-month 2026-07-01 not yet.
    expect(asyeReminders(a, "2026-03-22").map((s) => [s.stage, s.state])).toEqual([
      ["3_month", "overdue"],
      ["6_month", "due"],
    ]);
  });
  it("a recorded review leaves the reminders", () => {
    const a = open({
      startDate: "2025-10-01",
      reviews: [{ stage: "3_month", heldOn: "2026-03-22", progress: "on_track" }],
    });
    expect(asyeReminders(a, "2026-03-22").map((s) => s.stage)).toEqual(["6_month"]);
  });
  it("reminds of nothing once the ASYE is withdrawn or passed, or the worker has left", () => {
    expect(
      asyeReminders(open({ startDate: "2025-10-01", status: "withdrawn", outcomeOn: "2026-02-01" }), "2026-03-22"),
    ).toEqual([]);
    expect(asyeReminders({ ...open({ startDate: "2025-10-01" }), leftOn: "2026-03-01" }, "2026-03-22")).toEqual([]);
    // Leaving on the day itself: the end date is the first day out of post.
    expect(asyeReminders({ ...open({ startDate: "2025-10-01" }), leftOn: "2026-03-22" }, "2026-03-22")).toEqual([]);
    expect(asyeReminders({ ...open({ startDate: "2025-10-01" }), leftOn: "2026-03-23" }, "2026-03-22")).toHaveLength(2);
    expect(nextStage(open({ status: "passed", outcomeOn: "2027-01-10" }), "2027-02-01")).toBeNull();
  });
  it("after an extension the final is due at the new date and an 'extend' final does not count as held", () => {
    const a = open({
      status: "extended",
      extendedTo: "2027-04-30",
      reviews: [
        { stage: "3_month", heldOn: "2026-04-10", progress: "on_track" },
        { stage: "6_month", heldOn: "2026-07-10", progress: "on_track" },
        { stage: "9_month", heldOn: "2026-10-10", progress: "some_concerns" },
        { stage: "final", heldOn: "2027-01-10", progress: "extend" },
      ],
    });
    expect(nextStage(a, "2027-02-01")).toMatchObject({ stage: "final", due: "2027-04-30", state: "not_yet_due" });
    expect(asyeReminders(a, "2027-04-20").map((s) => [s.stage, s.state])).toEqual([["final", "due"]]);
  });
});

describe("reviews held on time", () => {
  it("counts held reviews and those past their grace, not those still within it", () => {
    const a = open({
      startDate: "2025-10-01", // due 2026-01-01, 2026-04-01, 2026-07-01, 2026-10-01
      reviews: [
        { stage: "3_month", heldOn: "2026-01-10", progress: "on_track" }, // on time
        { stage: "6_month", heldOn: "2026-04-20", progress: "on_track" }, // late (grace ends 15 April)
      ],
    });
    // On 2026-07-10 the 9-month review (due 1 July) is within its grace: not counted yet.
    expect(reviewsOnTime([a], "2026-07-10")).toEqual({ count: 1, of: 2, share: 0.5 });
    // On 2026-07-16 its grace has passed: counted as not on time.
    expect(reviewsOnTime([a], "2026-07-16")).toEqual({ count: 1, of: 3, share: 1 / 3 });
  });
  it("a withdrawn ASYE counts only the stages whose grace passed before it ended", () => {
    const a = open({ startDate: "2025-10-01", status: "withdrawn", outcomeOn: "2026-05-01" });
    // 3-month (grace to 15 January) counted; 6-month (grace to 15 April) counted; later ones not.
    expect(reviewsOnTime([a], "2026-11-22")).toEqual({ count: 0, of: 2, share: 0 });
  });
  it("is null with nothing due", () => {
    expect(reviewsOnTime([open({ startDate: "2026-11-01" })], "2026-11-22")).toEqual({ count: 0, of: 0, share: null });
  });
});

describe("caseload within protection", () => {
  it("counts the ASYE's months from the start's to the end's, at the target as within", () => {
    const a = {
      ...open({ startDate: "2026-01-10", status: "passed", outcomeOn: "2026-03-20" }),
      target: 14,
      months: [
        { month: "2025-12-01", openCases: 30 }, // before the ASYE: not counted
        { month: "2026-01-01", openCases: 10 },
        { month: "2026-02-01", openCases: 14 },
        { month: "2026-03-01", openCases: 15 },
        { month: "2026-04-01", openCases: 30 }, // after it ended: not counted
      ],
    };
    expect(caseloadWithinProtection([a], "2026-11-22")).toEqual({ count: 2, of: 3, share: 2 / 3 });
  });
  it("an open ASYE counts up to today's month", () => {
    const a = {
      ...open({ startDate: "2026-09-01" }),
      target: 12,
      months: [
        { month: "2026-09-01", openCases: 12 },
        { month: "2026-10-01", openCases: 13 },
        { month: "2026-12-01", openCases: 1 },
      ],
    };
    expect(protectionEnd(a, "2026-11-22")).toBe("2026-11-22");
    expect(caseloadWithinProtection([a], "2026-11-22")).toEqual({ count: 1, of: 2, share: 0.5 });
  });
});

describe("pass rate, retention and the grant's data", () => {
  it("pass rate is passed over passed and failed", () => {
    const rows = ["passed", "passed", "passed", "failed", "withdrawn", "in_progress", "extended"].map((status) => ({
      status,
    }));
    expect(passRate(rows)).toEqual({ count: 3, of: 4, share: 0.75 });
    expect(passRate([{ status: "withdrawn" }])).toEqual({ count: 0, of: 0, share: null });
  });
  it("retention counts those started 12 months ago and in post on the anniversary", () => {
    const people = [
      { startDate: "2025-01-01", leftOn: null }, // stayed
      { startDate: "2025-01-01", leftOn: "2026-01-01" }, // left on the anniversary: its first day out of post
      { startDate: "2025-01-01", leftOn: "2025-12-31" }, // left the day before
      { startDate: "2025-11-23", leftOn: null }, // not 12 months yet on 2026-11-22
      { startDate: "2025-11-22", leftOn: "2025-12-01" }, // 12 months exactly: counted, left
    ];
    expect(nqswRetention(people, 12, "2026-11-22")).toEqual({ count: 1, of: 4, share: 0.25 });
    expect(nqswRetention(people, 24, "2026-11-22")).toEqual({ count: 0, of: 0, share: null });
    // On 1 January 2027 the three who started 2025-01-01 have had 24 months: one is still in post.
    expect(nqswRetention(people, 24, "2027-01-01")).toEqual({ count: 1, of: 3, share: 1 / 3 });
  });
  it("grant years run April to March", () => {
    expect(grantYearOf("2026-03-31")).toBe("2025-26");
    expect(grantYearOf("2026-04-01")).toBe("2026-27");
    expect(grantYearOf("2099-12-01")).toBe("2099-00");
  });
  it("groups by service and financial year of the start", () => {
    expect(
      grantRows([
        { service: "children", startDate: "2025-05-01", status: "passed", grantClaimedOn: "2025-06-01" },
        { service: "children", startDate: "2026-02-01", status: "withdrawn", grantClaimedOn: null },
        { service: "children", startDate: "2026-04-01", status: "in_progress", grantClaimedOn: "2026-05-01" },
        { service: "adults", startDate: "2025-09-01", status: "failed", grantClaimedOn: "2025-10-01" },
      ]),
    ).toEqual([
      { service: "adults", year: "2025-26", started: 1, grantClaimed: 1, passed: 0, withdrawn: 0 },
      { service: "children", year: "2025-26", started: 2, grantClaimed: 1, passed: 1, withdrawn: 1 },
      { service: "children", year: "2026-27", started: 1, grantClaimed: 1, passed: 0, withdrawn: 0 },
    ]);
  });
});
