import { describe, expect, it } from "vitest";
import { addMonths, eligibility, nextStep, profileAfterStep, reviewDue, stepsFor, wholeMonths } from "./sw-progression";

// Progression's rules case by case (issue 20 item 6).

const step = (over: Partial<Parameters<typeof nextStep>[0][number]> = {}) => ({
  id: "s",
  service: null,
  fromGrade: "Grade 7",
  toGrade: "Grade 8",
  automatic: false,
  minMonthsInGrade: 24,
  position: 1,
  archived: false,
  ...over,
});

describe("months", () => {
  it("adds months, clamping to the month's end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2024-06-15", 24)).toBe("2026-06-15");
  });
  it("counts whole months: one more only once its day is reached", () => {
    expect(wholeMonths("2024-06-15", "2026-06-14")).toBe(23);
    expect(wholeMonths("2024-06-15", "2026-06-15")).toBe(24);
    expect(wholeMonths("2024-01-31", "2024-02-29")).toBe(1);
    expect(wholeMonths("2026-06-15", "2026-01-01")).toBe(0);
  });
});

describe("the next step", () => {
  const steps = [
    step({ id: "a", service: "children", fromGrade: "Grade 6", toGrade: "Grade 7", position: 1 }),
    step({ id: "b", service: "adults", fromGrade: "Grade 6", toGrade: "Grade 7", position: 1 }),
    step({ id: "c", fromGrade: "Grade 7", toGrade: "Grade 8", position: 2 }),
    step({ id: "d", fromGrade: "Grade 8", toGrade: "Grade 9", position: 3, archived: true }),
  ];
  it("is the service's own or a both-services step from the worker's grade, ignoring case and spaces", () => {
    expect(nextStep(steps, "adults", "grade 6 ")?.id).toBe("b");
    expect(nextStep(steps, "children", "Grade 6")?.id).toBe("a");
    expect(nextStep(steps, "children", "Grade 7")?.id).toBe("c");
  });
  it("is none for an archived step, no grade, or the top grade", () => {
    expect(nextStep(steps, "children", "Grade 8")).toBeNull();
    expect(nextStep(steps, "children", null)).toBeNull();
    expect(nextStep(steps, "children", "Grade 9")).toBeNull();
  });
  it("lists a service's steps in the scheme's order", () => {
    expect(stepsFor(steps, "adults").map((s) => s.id)).toEqual(["b", "c"]);
  });
});

describe("eligibility on a date", () => {
  const ready = { heldOn: "2026-03-01", readyForProgression: true };
  const base = {
    step: step(),
    on: "2026-06-15",
    grade: "Grade 7",
    gradeSince: "2024-06-15",
    asyeStatus: "passed",
    lastReview: ready,
  };
  it("a panel step: eligible with 24 months in grade and a ready review this year", () => {
    expect(eligibility(base)).toEqual({ eligible: true, reasons: [], monthsInGrade: 24, monthsMetOn: "2026-06-15" });
  });
  it("a day short of the months in grade: not eligible, saying when they are met", () => {
    const e = eligibility({ ...base, gradeSince: "2024-06-16" });
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual(["23 of the 24 months in grade needed (met on 16 June 2026)."]);
  });
  it("a panel step needs a review in the last 12 months, marked ready", () => {
    expect(eligibility({ ...base, lastReview: null }).reasons).toEqual([
      "No development review in the last 12 months.",
    ]);
    expect(eligibility({ ...base, lastReview: { heldOn: "2025-06-15", readyForProgression: true } }).reasons).toEqual([
      "No development review in the last 12 months.",
    ]);
    expect(eligibility({ ...base, lastReview: { heldOn: "2025-06-16", readyForProgression: true } }).eligible).toBe(
      true,
    );
    expect(eligibility({ ...base, lastReview: { ...ready, readyForProgression: false } }).reasons).toEqual([
      "Their last development review (1 March 2026) did not mark them ready for progression.",
    ]);
    // A review after the day asked about does not count.
    expect(eligibility({ ...base, lastReview: { heldOn: "2026-07-01", readyForProgression: true } }).eligible).toBe(
      false,
    );
  });
  it("the wrong grade is a reason", () => {
    expect(eligibility({ ...base, grade: "Grade 6" }).reasons).toEqual([
      "Their grade is Grade 6, not Grade 7, the grade this step starts from.",
    ]);
    expect(eligibility({ ...base, grade: null }).reasons[0]).toContain("no grade recorded");
  });
  it("an automatic step needs the ASYE passed and no review; every reason is listed", () => {
    const auto = {
      ...base,
      step: step({ automatic: true, minMonthsInGrade: 12, fromGrade: "Grade 6" }),
      grade: "Grade 6",
    };
    expect(eligibility({ ...auto, lastReview: null }).eligible).toBe(true);
    expect(eligibility({ ...auto, asyeStatus: "in_progress" }).reasons).toEqual([
      "Their ASYE is not passed yet: this step follows passing it.",
    ]);
    const e = eligibility({ ...auto, asyeStatus: null, gradeSince: "2026-01-01" });
    expect(e.reasons).toEqual([
      "5 of the 12 months in grade needed (met on 1 January 2027).",
      "They have no ASYE recorded: this step follows passing it.",
    ]);
  });
  it("a step without a minimum has no months criterion", () => {
    const e = eligibility({ ...base, step: step({ minMonthsInGrade: null }), gradeSince: "2026-06-01" });
    expect(e).toMatchObject({ eligible: true, monthsMetOn: null, monthsInGrade: 0 });
  });
});

describe("development review due", () => {
  it("never had one", () => expect(reviewDue(null, "2026-06-15")).toEqual({ status: "never", dueOn: null }));
  it("overdue on the anniversary and after", () => {
    expect(reviewDue("2025-06-15", "2026-06-15")).toEqual({ status: "overdue", dueOn: "2026-06-15" });
    expect(reviewDue("2025-01-10", "2026-06-15").status).toBe("overdue");
  });
  it("due within 30 days, else up to date", () => {
    expect(reviewDue("2025-07-15", "2026-06-15")).toEqual({ status: "due", dueOn: "2026-07-15" });
    expect(reviewDue("2025-07-16", "2026-06-15")).toEqual({ status: "up_to_date", dueOn: "2026-07-16" });
  });
});

describe("what approving a step changes", () => {
  it("moves the grade, and the role and PCF level when the step names a framework role the service has", () => {
    expect(
      profileAfterStep({ toGrade: "Grade 8", toFrameworkRole: "cf_senior_practitioner" }, "children", {
        role: "social_worker",
        pcfLevel: "social_worker",
      }),
    ).toEqual({ grade: "Grade 8", role: "senior_social_worker", pcfLevel: "experienced" });
    expect(
      profileAfterStep({ toGrade: "Grade 7", toFrameworkRole: "social_worker" }, "adults", {
        role: "asye_social_worker",
        pcfLevel: "asye",
      }),
    ).toEqual({ grade: "Grade 7", role: "social_worker", pcfLevel: "social_worker" });
  });
  it("leaves the role when the step names none, or another service's role", () => {
    const current = { role: "social_worker", pcfLevel: "social_worker" };
    expect(profileAfterStep({ toGrade: "Grade 8", toFrameworkRole: null }, "adults", current)).toEqual({
      grade: "Grade 8",
      ...current,
    });
    expect(
      profileAfterStep({ toGrade: "Grade 8", toFrameworkRole: "cf_senior_practitioner" }, "adults", current).role,
    ).toBe("social_worker");
  });
});
