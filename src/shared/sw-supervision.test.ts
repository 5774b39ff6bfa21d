import { describe, expect, it } from "vitest";
import {
  addInterval,
  effectiveStandards,
  intervalFor,
  monthEnds,
  nextDue,
  periodCompliance,
  supervisionStage,
  supervisionState,
  teamCompliance,
} from "./sw-supervision";

const asye = { startDate: "2026-01-05" };

describe("stage on a day", () => {
  it("follows the ASYE windows from its start", () => {
    const w = { role: "asye_social_worker", asye };
    expect(supervisionStage(w, "2026-01-04")).toBe("asye_social_worker");
    expect(supervisionStage(w, "2026-01-05")).toBe("asye_first_6_weeks");
    expect(supervisionStage(w, "2026-02-15")).toBe("asye_first_6_weeks"); // day 41
    expect(supervisionStage(w, "2026-02-16")).toBe("asye_to_6_months"); // day 42
    expect(supervisionStage(w, "2026-07-04")).toBe("asye_to_6_months");
    expect(supervisionStage(w, "2026-07-05")).toBe("asye_after_6_months");
    expect(supervisionStage(w, "2027-01-04")).toBe("asye_after_6_months");
    expect(supervisionStage(w, "2027-01-05")).toBe("asye_social_worker");
  });
  it("runs to an extension, stops at an outcome", () => {
    expect(supervisionStage({ role: "social_worker", asye: { ...asye, extendedTo: "2027-04-05" } }, "2027-02-01")).toBe(
      "asye_after_6_months",
    );
    expect(supervisionStage({ role: "social_worker", asye: { ...asye, outcomeOn: "2026-12-01" } }, "2026-12-01")).toBe(
      "social_worker",
    );
  });
  it("is the role without an ASYE", () => {
    expect(supervisionStage({ role: "occupational_therapist" }, "2026-06-15")).toBe("occupational_therapist");
  });
});

describe("interval in force", () => {
  it("defaults to LGA Standard 5", () => {
    expect(intervalFor("social_worker", [])).toMatchObject({ every: 1, unit: "month", minMinutes: 90, source: "all" });
    expect(intervalFor("asye_first_6_weeks", [])).toMatchObject({ every: 1, unit: "week" });
    expect(intervalFor("asye_to_6_months", [])).toMatchObject({ every: 2, unit: "week" });
    expect(intervalFor("asye_after_6_months", [])).toMatchObject({ every: 1, unit: "month" });
  });
  it("takes the council's all for roles, and a role's row beats all", () => {
    const rows = [
      { appliesTo: "all", every: 6, unit: "week" as const, minMinutes: 60 },
      { appliesTo: "senior_social_worker", every: 2, unit: "month" as const, minMinutes: 90 },
    ];
    expect(intervalFor("social_worker", rows)).toMatchObject({ every: 6, unit: "week", source: "all" });
    expect(intervalFor("family_support_worker", rows)).toMatchObject({ every: 6, unit: "week" });
    expect(intervalFor("senior_social_worker", rows)).toMatchObject({
      every: 2,
      unit: "month",
      source: "senior_social_worker",
    });
    // "all" does not change an ASYE window.
    expect(intervalFor("asye_first_6_weeks", rows)).toMatchObject({ every: 1, unit: "week" });
  });
  it("lists every target with whether the council set it", () => {
    const list = effectiveStandards([{ appliesTo: "asye_to_6_months", every: 3, unit: "week", minMinutes: 90 }]);
    expect(list.find((s) => s.appliesTo === "asye_to_6_months")).toMatchObject({ every: 3, set: true });
    expect(list.find((s) => s.appliesTo === "all")).toMatchObject({ every: 1, unit: "month", set: false });
  });
  it("adds months clamped and weeks", () => {
    expect(addInterval("2026-01-31", { every: 1, unit: "month" })).toBe("2026-02-28");
    expect(addInterval("2026-01-31", { every: 2, unit: "week" })).toBe("2026-02-14");
  });
});

describe("next due and state", () => {
  const sw = { role: "social_worker", startDate: "2022-01-10" };
  it("is the last held plus the interval", () => {
    expect(nextDue(sw, ["2026-04-20", "2026-05-20"], [], "2026-06-15")).toEqual({
      lastHeld: "2026-05-20",
      dueOn: "2026-06-20",
    });
  });
  it("ignores supervisions after the day", () => {
    expect(nextDue(sw, ["2026-05-01", "2026-06-20"], [], "2026-06-15").dueOn).toBe("2026-06-01");
  });
  it("first one from the start date", () => {
    expect(nextDue({ role: "social_worker", startDate: "2026-06-01" }, [], [], "2026-06-15")).toEqual({
      lastHeld: null,
      dueOn: "2026-07-01",
    });
    expect(
      nextDue(
        { role: "asye_social_worker", startDate: "2026-06-01", asye: { startDate: "2026-06-01" } },
        [],
        [],
        "2026-06-15",
      ).dueOn,
    ).toBe("2026-06-08");
  });
  it("an NQSW's interval follows the window of the last supervision", () => {
    const w = { role: "asye_social_worker", startDate: "2026-01-05", asye };
    expect(nextDue(w, ["2026-03-02"], [], "2026-03-05").dueOn).toBe("2026-03-16"); // fortnightly
    expect(nextDue(w, ["2026-08-03"], [], "2026-08-05").dueOn).toBe("2026-09-03"); // monthly
  });
  it("overdue the day after the due date, due soon within 7 days", () => {
    expect(supervisionState("2026-06-14", "2026-06-15")).toBe("overdue");
    expect(supervisionState("2026-06-15", "2026-06-15")).toBe("due_soon");
    expect(supervisionState("2026-06-22", "2026-06-15")).toBe("due_soon");
    expect(supervisionState("2026-06-23", "2026-06-15")).toBe("ok");
  });
});

describe("team compliance", () => {
  const workers = [
    { role: "social_worker", startDate: "2022-01-10", held: ["2026-06-01"] }, // due 1 July: ok
    { role: "social_worker", startDate: "2022-01-10", held: ["2026-05-01"] }, // due 1 June: overdue on 15 June
    { role: "social_worker", startDate: "2022-01-10", endDate: "2026-03-31", held: [] }, // left
    { role: "social_worker", startDate: "2026-07-01", held: [] }, // not started
  ];
  it("is the share of in-post workers not overdue", () => {
    expect(teamCompliance(workers, [], "2026-06-15")).toEqual({ inPost: 2, notOverdue: 1, share: 0.5 });
  });
  it("does not count a worker whose end date is the day: it is their first day out of post", () => {
    const leaving = [
      { role: "social_worker", startDate: "2022-01-10", endDate: "2026-06-15", held: [] }, // overdue, gone
      { role: "social_worker", startDate: "2022-01-10", endDate: "2026-06-16", held: ["2026-06-01"] }, // last day
    ];
    expect(teamCompliance(leaving, [], "2026-06-15")).toEqual({ inPost: 1, notOverdue: 1, share: 1 });
  });
  it("is null with nobody in post", () => {
    expect(teamCompliance([], [], "2026-06-15").share).toBeNull();
  });
  it("over a period, averages the month ends", () => {
    expect(monthEnds("2026-06-15", 3)).toEqual(["2026-04-30", "2026-05-31", "2026-06-15"]);
    // One worker held on 1 April and 1 June: 30 April ok (due 1 May), 31 May overdue, 15 June ok.
    const one = [{ role: "social_worker", startDate: "2022-01-10", held: ["2026-04-01", "2026-06-01"] }];
    expect(periodCompliance(one, [], "2026-06-15", 3)).toBeCloseTo(2 / 3);
  });
});
