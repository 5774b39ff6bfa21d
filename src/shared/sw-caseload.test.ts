import { describe, expect, it } from "vitest";
import {
  aboveThreshold,
  caseloadProblem,
  caseloadThreshold,
  monthOf,
  protectedCaseloadTarget,
  staleTypeSplit,
  teamAverageCaseload,
  withinProtection,
} from "./sw-caseload";
import { fteOf } from "./sw-fte";

const settings = { caseloadThresholdAdults: 20, caseloadThresholdChildren: 18, asyeProtectionShare: 0.8 };

describe("caseload threshold", () => {
  it("is the team's own when set", () => {
    expect(caseloadThreshold({ service: "children", caseloadThreshold: 15 }, settings)).toBe(15);
  });
  it("is the service's otherwise", () => {
    expect(caseloadThreshold({ service: "children", caseloadThreshold: null }, settings)).toBe(18);
    expect(caseloadThreshold({ service: "adults", caseloadThreshold: null }, settings)).toBe(20);
  });
});

describe("protected caseload", () => {
  it("is the ASYE's own target when set", () => {
    expect(protectedCaseloadTarget({ asyeTarget: 10, threshold: 18, share: 0.8 })).toBe(10);
    expect(protectedCaseloadTarget({ asyeTarget: 0, threshold: 18, share: 0.8 })).toBe(0);
  });
  it("is the share of the threshold rounded down otherwise", () => {
    expect(protectedCaseloadTarget({ asyeTarget: null, threshold: 18, share: 0.8 })).toBe(14);
    expect(protectedCaseloadTarget({ asyeTarget: null, threshold: 20, share: 0.8 })).toBe(16);
    expect(protectedCaseloadTarget({ asyeTarget: undefined, threshold: 20, share: 0.7 })).toBe(14);
  });
  it("at the target is within, one above is not", () => {
    expect(withinProtection(14, 14)).toBe(true);
    expect(withinProtection(15, 14)).toBe(false);
  });
});

describe("team average per full-time case holder", () => {
  it("divides open cases by FTE", () => {
    expect(
      teamAverageCaseload([
        { openCases: 20, fte: 1 },
        { openCases: 10, fte: 0.5 },
        { openCases: 15, fte: 1 },
      ]),
    ).toBe(18);
  });
  it("rounds to one decimal and is null with no case holders", () => {
    expect(teamAverageCaseload([{ openCases: 10, fte: 0.6 }])).toBe(16.7);
    expect(teamAverageCaseload([])).toBeNull();
  });
  it("flags above the threshold, not at it", () => {
    expect(aboveThreshold(18, 18)).toBe(false);
    expect(aboveThreshold(18.1, 18)).toBe(true);
    expect(aboveThreshold(null, 18)).toBe(false);
  });
  it("averages with the one FTE rule (sw-fte.ts): a case holder on 0 hours adds cases but no FTE", () => {
    // 10 + 8 cases over 1 + 0 FTE; unknown hours would count as 1 (sw-fte.test.ts).
    expect(teamAverageCaseload([10, 8].map((openCases, i) => ({ openCases, fte: fteOf([37, 0][i]) })))).toBe(18);
  });
});

describe("a worker's month", () => {
  it("accepts no types, or types adding up", () => {
    expect(caseloadProblem(12, {})).toBeNull();
    expect(caseloadProblem(12, { child_in_need: 8, child_protection: 4 })).toBeNull();
  });
  it("refuses types not adding up on the types, with both numbers", () => {
    expect(caseloadProblem(12, { child_in_need: 8, child_protection: 3 })).toMatchObject({
      field: "byType",
      message: expect.stringMatching(/add up to 11, not the 12/),
    });
  });
  it("refuses negative or fractional counts on the field at fault", () => {
    expect(caseloadProblem(-1, {})).toMatchObject({ field: "openCases", message: expect.stringMatching(/whole/) });
    expect(caseloadProblem(2.5, {})).toMatchObject({ field: "openCases" });
    expect(caseloadProblem(2, { other: -1, assessment: 3 })).toMatchObject({
      field: "byType",
      message: expect.stringMatching(/each type/),
    });
  });
  it("month of a day", () => {
    expect(monthOf("2026-06-15")).toBe("2026-06-01");
  });
});

describe("a split by case type left over from an earlier total", () => {
  const saved = { openCases: 17, byType: { child_in_need: 10, child_protection: 7 } };
  it("is stale when only the open cases changed and the types no longer add up", () => {
    expect(staleTypeSplit(saved, { openCases: 10, byType: { child_in_need: 10, child_protection: 7 } })).toBe(true);
  });
  it("is not stale when the types were changed too: the person's mismatch is refused", () => {
    expect(staleTypeSplit(saved, { openCases: 10, byType: { child_in_need: 3, child_protection: 6 } })).toBe(false);
  });
  it("is not stale when the open cases are unchanged, nothing was saved, or no split was saved", () => {
    expect(staleTypeSplit(saved, { openCases: 17, byType: saved.byType })).toBe(false);
    expect(staleTypeSplit({ openCases: null, byType: {} }, { openCases: 5, byType: { other: 3 } })).toBe(false);
    expect(staleTypeSplit({ openCases: 17, byType: {} }, { openCases: 5, byType: {} })).toBe(false);
  });
  it("is not stale when the old split still adds up", () => {
    const same = { openCases: 5, byType: { other: 5 } };
    expect(staleTypeSplit({ openCases: 4, byType: { other: 5 } }, same)).toBe(false);
  });
});
