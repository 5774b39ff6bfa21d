import { describe, expect, it } from "vitest";
import {
  academicYearBounds,
  academicYearOf,
  cohortOf,
  commitmentOf,
  DEFAULT_ESG_RATES,
  esgDue,
  growYourOwnShare,
  inAcademicYearOf,
  pePaymentOverdueFrom,
  pePaymentStatus,
  retentionOf,
  wholeMonthsBetween,
} from "./sw-routes-in";

describe("ESG due for a placement", () => {
  it("is placement days × the daily rate plus skills days × the skills-day rate", () => {
    // 100 × £20 + 15 × £10
    expect(esgDue({ placementDays: 100, skillsDays: 15 }, DEFAULT_ESG_RATES)).toBe(2150);
    // 70 × £20, no skills days
    expect(esgDue({ placementDays: 70, skillsDays: null }, DEFAULT_ESG_RATES)).toBe(1400);
  });
  it("uses the council's own rates and rounds to the penny", () => {
    expect(esgDue({ placementDays: 3, skillsDays: 1 }, { esgDailyRate: 20.335, esgSkillsDayRate: 10.001 })).toBe(71.01);
  });
  it("is nothing without days", () => {
    expect(esgDue({ placementDays: null, skillsDays: null }, DEFAULT_ESG_RATES)).toBe(0);
  });
});

describe("whole months between two days", () => {
  it("counts completed calendar months", () => {
    expect(wholeMonthsBetween("2024-03-01", "2024-03-31")).toBe(0);
    expect(wholeMonthsBetween("2024-03-01", "2024-04-01")).toBe(1);
    expect(wholeMonthsBetween("2024-01-31", "2024-02-29")).toBe(1);
    expect(wholeMonthsBetween("2024-09-15", "2025-03-14")).toBe(5);
    expect(wholeMonthsBetween("2024-09-15", "2025-03-15")).toBe(6);
    expect(wholeMonthsBetween("2025-01-01", "2024-01-01")).toBe(0);
  });
});

describe("the repayment owed when a sponsored trainee leaves early", () => {
  const base = {
    cost: 24_000,
    commitmentMonths: 24,
    repaymentTerms: "pro_rata",
    status: "qualified",
    joinedOn: "2024-09-01",
    leftOn: null as string | null,
  };
  it("is cost × months not served ÷ months committed, to the penny", () => {
    // Left after 6 whole months: 18 of 24 unserved → £18,000.
    expect(commitmentOf({ ...base, leftOn: "2025-03-10" })).toEqual({
      state: "owed",
      monthsServed: 6,
      endsOn: "2026-09-01",
      owed: 18_000,
    });
    // £10,000 over 24 months, 7 served: 10000 × 17 / 24 = 7083.333… → £7,083.33
    expect(commitmentOf({ ...base, cost: 10_000, leftOn: "2025-04-01" }).owed).toBe(7083.33);
  });
  it("is nothing once the term is served", () => {
    expect(commitmentOf({ ...base, leftOn: "2026-09-01" })).toMatchObject({ state: "served", owed: 0 });
    expect(commitmentOf({ ...base, leftOn: "2026-08-31" })).toMatchObject({
      state: "owed",
      monthsServed: 23,
      owed: 1000,
    });
  });
  it("is nothing while they serve it, or before they join", () => {
    expect(commitmentOf(base)).toMatchObject({ state: "serving", owed: 0, endsOn: "2026-09-01" });
    expect(commitmentOf({ ...base, joinedOn: null })).toMatchObject({ state: "not_started", owed: 0 });
  });
  it("is the whole cost under full terms, and nothing under terms of none", () => {
    expect(commitmentOf({ ...base, repaymentTerms: "full", leftOn: "2026-08-01" }).owed).toBe(24_000);
    expect(commitmentOf({ ...base, repaymentTerms: "none", leftOn: "2024-10-01" })).toMatchObject({
      state: "no_commitment",
      owed: 0,
    });
    expect(commitmentOf({ ...base, repaymentTerms: "", leftOn: "2024-10-01" }).state).toBe("no_commitment");
  });
  it("counts a withdrawal as no months served", () => {
    expect(commitmentOf({ ...base, status: "withdrawn", joinedOn: null })).toMatchObject({
      state: "owed",
      owed: 24_000,
    });
  });
  it("has no commitment without months or a cost", () => {
    expect(commitmentOf({ ...base, commitmentMonths: null, leftOn: "2024-10-01" }).state).toBe("no_commitment");
    expect(commitmentOf({ ...base, cost: 0, leftOn: "2024-10-01" }).state).toBe("no_commitment");
  });
});

describe("a practice educator's payment", () => {
  it("is not due before the placement ends, due on its end, overdue 30 days after", () => {
    const p = { dueOn: "2026-05-31", paidOn: null };
    expect(pePaymentStatus(p, "2026-05-30")).toBe("not_due");
    expect(pePaymentStatus(p, "2026-05-31")).toBe("due");
    expect(pePaymentStatus(p, "2026-06-29")).toBe("due");
    expect(pePaymentOverdueFrom("2026-05-31")).toBe("2026-06-30");
    expect(pePaymentStatus(p, "2026-06-30")).toBe("overdue");
  });
  it("is paid once paid, whenever", () => {
    expect(pePaymentStatus({ dueOn: "2026-05-31", paidOn: "2026-09-01" }, "2026-12-01")).toBe("paid");
  });
});

describe("academic years", () => {
  it("run from 1 September to 31 August", () => {
    expect(academicYearOf("2026-08-31")).toBe("2025/26");
    expect(academicYearOf("2026-09-01")).toBe("2026/27");
    expect(academicYearOf("1999-10-01")).toBe("1999/00");
    expect(academicYearBounds("2026-06-15")).toEqual({ from: "2025-09-01", to: "2026-08-31" });
  });
  it("hold a placement that overlaps them", () => {
    expect(inAcademicYearOf({ startDate: "2025-06-01", endDate: "2025-09-01" }, "2026-06-15")).toBe(true);
    expect(inAcademicYearOf({ startDate: "2025-01-01", endDate: "2025-08-31" }, "2026-06-15")).toBe(false);
    expect(inAcademicYearOf({ startDate: "2026-09-01", endDate: null }, "2026-06-15")).toBe(false);
    expect(inAcademicYearOf({ startDate: "2024-01-01", endDate: null }, "2026-06-15")).toBe(true);
  });
  it("name a cohort when none is recorded", () => {
    expect(cohortOf({ cohort: "", startDate: "2025-09-20" })).toBe("2025/26");
    expect(cohortOf({ cohort: " 2024 intake ", startDate: "2025-09-20" })).toBe("2024 intake");
  });
});

describe("grow-your-own retention", () => {
  const today = "2026-06-15";
  it("counts only those who joined long enough ago, and who were in post on the anniversary", () => {
    const joiners = [
      { joinedOn: "2023-06-15", leftOn: null }, // 3 years exactly: eligible for 1, 2, 3; stayed all
      { joinedOn: "2024-01-01", leftOn: "2025-06-30" }, // left after 1.5 years: stayed 1, not 2
      { joinedOn: "2025-06-15", leftOn: null }, // 1 year exactly: eligible for 1 only
      { joinedOn: "2025-09-01", leftOn: null }, // too recent for any
      { joinedOn: "2024-06-01", leftOn: "2025-05-31" }, // left the day before its first anniversary; 2 years ago
    ];
    expect(retentionOf(joiners, today)).toEqual([
      { years: 1, eligible: 4, stayed: 3, rate: 0.75 },
      { years: 2, eligible: 3, stayed: 1, rate: 1 / 3 },
      { years: 3, eligible: 1, stayed: 1, rate: 1 },
    ]);
  });
  it("does not count someone who left on the anniversary: it is their first day out of post", () => {
    const onTheDay = retentionOf([{ joinedOn: "2025-06-15", leftOn: "2026-06-15" }], today)[0];
    expect(onTheDay).toEqual({ years: 1, eligible: 1, stayed: 0, rate: 0 });
    const dayAfter = retentionOf([{ joinedOn: "2025-06-15", leftOn: "2026-06-16" }], today)[0];
    expect(dayAfter).toEqual({ years: 1, eligible: 1, stayed: 1, rate: 1 });
  });
  it("has no rate when nobody is eligible", () => {
    expect(retentionOf([], today)[0]).toEqual({ years: 1, eligible: 0, stayed: 0, rate: null });
  });
});

describe("the grow-your-own share", () => {
  const w = (role: string, routeIn: string, startDate = "2020-01-01", endDate: string | null = null) => ({
    role,
    routeIn,
    startDate,
    endDate,
  });
  it("is the share of registered social workers in post whose route in is grow your own", () => {
    const workers = [
      w("social_worker", "apprentice"),
      w("asye_social_worker", "step_up"),
      w("team_manager", "placement_student"),
      w("senior_social_worker", "external"),
      w("social_worker", "unknown"),
      // Not registered social workers: not counted at all.
      w("occupational_therapist", "apprentice"),
      w("family_support_worker", "apprentice"),
      // Not in post on the day.
      w("social_worker", "apprentice", "2026-06-16"),
      w("social_worker", "apprentice", "2020-01-01", "2026-06-14"),
      // Left on the day: the end date is the first day out of post (sw-in-post.ts).
      w("social_worker", "frontline", "2020-01-01", "2026-06-15"),
      // Leaves tomorrow: in post today.
      w("social_worker", "frontline", "2020-01-01", "2026-06-16"),
    ];
    expect(growYourOwnShare(workers, "2026-06-15")).toEqual({
      on: "2026-06-15",
      registeredInPost: 6,
      grownOwn: 4,
      routeUnknown: 1,
      share: 4 / 6,
    });
  });
  it("is null with nobody in post", () => {
    expect(growYourOwnShare([], "2026-06-15").share).toBeNull();
  });
});
