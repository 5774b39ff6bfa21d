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
