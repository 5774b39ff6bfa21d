import { describe, expect, it } from "vitest";
import type { ComplianceStatus } from "./commissioning";
import { computeSchedule, type QppContractInput, type QppRule, ruleProblems, tierFor } from "./qpp";

// The Quality Premium rule, case by case on hand-made results.

const std = (id: string, status: ComplianceStatus | null, weight = 1, overridden = false) => ({
  standardId: id,
  name: `Standard ${id}`,
  weight,
  status,
  overridden,
});
const contract = (
  ref: string,
  standards: QppContractInput["standards"],
  units: number | null = 100,
  provider = `Provider ${ref}`,
): QppContractInput => ({
  contractId: `id-${ref}`,
  contractReference: ref,
  contractName: `Contract ${ref}`,
  providerId: `p-${ref}`,
  providerName: provider,
  units,
  standards,
});
const perUnit = (values: Partial<QppRule> = {}): QppRule => ({
  method: "weighted",
  basis: "per_unit",
  rate: 0.4,
  unitName: "contact hours",
  ...values,
});

describe("all_met", () => {
  const rule = perUnit({ method: "all_met" });
  it("pays in full when every qualifying standard is met", () => {
    const s = computeSchedule(rule, [contract("A", [std("1", "met"), std("2", "met")], 1000)]);
    expect(s.lines[0].payShare).toBe(1);
    expect(s.lines[0].amount).toBe(400);
    expect(s.lines[0].working.join(" ")).toContain("1,000 contact hours delivered × £0.40 × 100% = £400.00.");
  });
  it("pays nothing when one is not met", () => {
    const s = computeSchedule(rule, [contract("A", [std("1", "met"), std("2", "not_met")], 1000)]);
    expect(s.lines[0].amount).toBe(0);
    expect(s.lines[0].working).toContain("Not every qualifying standard is met, so the scheme pays nothing.");
  });
  it("never counts not enough data as met", () => {
    const s = computeSchedule(rule, [contract("A", [std("1", "met"), std("2", "not_enough_data")], 1000)]);
    expect(s.lines[0].amount).toBe(0);
    expect(s.lines[0].standards[1]).toMatchObject({ met: false, reason: "Not enough data: never counted as met" });
  });
  it("counts a missing result as not met, saying so", () => {
    const s = computeSchedule(rule, [contract("A", [std("1", "met"), std("2", null)], 1000)]);
    expect(s.lines[0].amount).toBe(0);
    expect(s.lines[0].standards[1]).toMatchObject({ status: "no_result", met: false });
    expect(s.lines[0].standards[1].reason).toBe("No result: counted as not met");
  });
  it("says when a status is the commissioner's override after a challenge", () => {
    const s = computeSchedule(rule, [contract("A", [std("1", "met", 1, true)], 10)]);
    expect(s.lines[0].standards[0].reason).toBe("Met (after an accepted challenge)");
    expect(s.lines[0].amount).toBe(4);
  });
});

describe("weighted", () => {
  it("pays the met standards' share of the weights", () => {
    // Weights 3 + 1 met of 3 + 1 + 4 = 50%: 1000 h × £0.40 × 50% = £200.
    const s = computeSchedule(perUnit(), [
      contract("A", [std("1", "met", 3), std("2", "met", 1), std("3", "not_met", 4)], 1000),
    ]);
    expect(s.lines[0].share).toBe(0.5);
    expect(s.lines[0].amount).toBe(200);
    expect(s.lines[0].working[0]).toBe("2 of 3 qualifying standards met (weights 4 of 8: 50%).");
  });
  it("rounds a line to the penny", () => {
    // 1 of 3 equal weights: 333.33… % of 10 h × £0.40 = £1.333… → £1.33.
    const s = computeSchedule(perUnit(), [contract("A", [std("1", "met"), std("2", "not_met"), std("3", null)], 10)]);
    expect(s.lines[0].amountBeforeCap).toBe(1.33);
  });
  it("pays per contract when the basis is per contract, whatever the units", () => {
    const s = computeSchedule(perUnit({ basis: "per_contract", rate: 5000 }), [
      contract("A", [std("1", "met"), std("2", "not_met")], null),
    ]);
    expect(s.lines[0].amount).toBe(2500);
    expect(s.lines[0].working[2]).toBe("£5,000.00 for the contract × 50% = £2,500.00.");
  });
});

describe("tiered", () => {
  const tiers = [
    { minShare: 0.5, payShare: 0.5 },
    { minShare: 1, payShare: 1 },
    { minShare: 0.75, payShare: 0.75 },
  ];
  it("pays the highest tier the share reaches, in any order the tiers were written", () => {
    expect(tierFor(tiers, 0.8)?.payShare).toBe(0.75);
    expect(tierFor(tiers, 1)?.payShare).toBe(1);
    expect(tierFor(tiers, 0.49)).toBeNull();
  });
  it("reaches a tier exactly at its minimum share (a tie), with shares compared to 6 places", () => {
    // 3 of 4 = 0.75 exactly; 1/3 + 1/3 + 1/3 weights give 1 after rounding.
    const s = computeSchedule(perUnit({ method: "tiered", tiers }), [
      contract("A", [std("1", "met"), std("2", "met"), std("3", "met"), std("4", "not_met")], 100),
      contract("B", [std("1", "met", 1 / 3), std("2", "met", 1 / 3), std("3", "met", 1 / 3)], 100),
    ]);
    expect(s.lines.map((l) => l.payShare)).toEqual([0.75, 1]);
    expect(s.lines.map((l) => l.amount)).toEqual([30, 40]);
    expect(s.lines[0].working[1]).toBe("75% reaches the 75% tier, which pays 75% of the full rate.");
  });
  it("pays nothing below the lowest tier", () => {
    const s = computeSchedule(perUnit({ method: "tiered", tiers }), [
      contract("A", [std("1", "met"), std("2", "not_met"), std("3", "not_enough_data")], 100),
    ]);
    expect(s.lines[0].amount).toBe(0);
    expect(s.lines[0].working[1]).toBe("33.3% reaches no tier, so the scheme pays nothing.");
  });
});

describe("units delivered", () => {
  it("pays £0 with the reason when no units are recorded (never a guess)", () => {
    const s = computeSchedule(perUnit(), [contract("A", [std("1", "met")], null)]);
    expect(s.lines[0].amount).toBe(0);
    expect(s.lines[0].units).toBeNull();
    expect(s.lines[0].working).toContain(
      "No delivered contact hours are recorded for the period, so nothing is paid until they are.",
    );
  });
  it("pays £0 for zero units delivered", () => {
    const s = computeSchedule(perUnit(), [contract("A", [std("1", "met")], 0)]);
    expect(s.lines[0].amount).toBe(0);
    expect(s.lines[0].working).toContain("0 contact hours delivered × £0.40 × 100% = £0.00.");
  });
});

describe("the budget cap", () => {
  const three = [
    contract("A", [std("1", "met")], 1000), // £400
    contract("B", [std("1", "met")], 500), // £200
    contract("C", [std("1", "not_met")], 800), // £0
  ];
  it("changes nothing when there is no cap", () => {
    const s = computeSchedule(perUnit(), three);
    expect(s).toMatchObject({ total: 600, totalBeforeCap: 600, scaled: false, scale: 1 });
    expect(s.capNote).toBe("The scheme has no budget cap.");
  });
  it("changes nothing when the cap is not reached, or reached exactly", () => {
    const under = computeSchedule(perUnit({ budgetCap: 1000 }), three);
    expect(under).toMatchObject({ total: 600, scaled: false, scale: 1 });
    expect(under.capNote).toContain("within the £1,000.00 budget cap");
    const exact = computeSchedule(perUnit({ budgetCap: 600 }), three);
    expect(exact).toMatchObject({ total: 600, scaled: false });
    expect(exact.lines.map((l) => l.amount)).toEqual([400, 200, 0]);
  });
  it("scales every line by cap ÷ total when over it, and says so", () => {
    const s = computeSchedule(perUnit({ budgetCap: 300 }), three);
    expect(s).toMatchObject({ total: 300, totalBeforeCap: 600, scaled: true, scale: 0.5 });
    expect(s.lines.map((l) => [l.amountBeforeCap, l.amount])).toEqual([
      [400, 200],
      [200, 100],
      [0, 0],
    ]);
    expect(s.capNote).toContain("over the £300.00 budget cap, so every line is scaled by 0.5000");
    expect(s.lines[0].working.at(-1)).toBe("Scaled by 0.5000 to keep within the budget cap: £200.00 payable.");
  });
  it("rounds to the penny so the total is exactly the cap (largest remainder, ties to the earlier line)", () => {
    // Three lines of £1.00 capped at £2.00: each is 66.67p exactly, so 66p each and the 2p left go
    // to the first two lines (equal remainders).
    const equal = computeSchedule(perUnit({ basis: "per_contract", rate: 1, budgetCap: 2 }), [
      contract("C", [std("1", "met")]),
      contract("A", [std("1", "met")]),
      contract("B", [std("1", "met")]),
    ]);
    expect(equal.lines.map((l) => [l.contractReference, l.amount])).toEqual([
      ["A", 0.67],
      ["B", 0.67],
      ["C", 0.66],
    ]);
    expect(equal.total).toBe(2);
    // £3.00, £1.00 and £0.01 capped at £2.00 (total £4.01): exact shares 149.63p, 49.88p, 0.50p →
    // floors 149 + 49 + 0 = 198p; the 2p go to the largest remainders (0.88, then 0.63), not 0.50.
    const lines = computeSchedule({ method: "all_met", basis: "per_unit", rate: 1, budgetCap: 2 }, [
      contract("A", [std("1", "met")], 3),
      contract("B", [std("1", "met")], 1),
      contract("C", [std("1", "met")], 0.01),
    ]);
    expect(lines.lines.map((l) => l.amount)).toEqual([1.5, 0.5, 0]);
    expect(lines.total).toBe(2);
    expect(lines.scale).toBe(0.49875312);
  });
  it("keeps the total exactly the cap over many awkward lines", () => {
    const many = Array.from({ length: 37 }, (_, i) =>
      contract(`R${String(i).padStart(2, "0")}`, [std("1", "met")], 7 + i * 13.37),
    );
    const s = computeSchedule(perUnit({ budgetCap: 1234.56 }), many);
    expect(s.scaled).toBe(true);
    expect(Math.round(s.lines.reduce((n, l) => n + l.amount * 100, 0))).toBe(123456);
    expect(s.total).toBe(1234.56);
    for (const l of s.lines) expect(Math.abs(l.amount - l.amountBeforeCap * s.scale)).toBeLessThan(0.011);
  });
});

describe("a scheme's rule", () => {
  it("names what is wrong with it", () => {
    expect(ruleProblems({ method: "weighted", weights: [] })).toEqual([
      { path: "standards", message: "Choose at least one qualifying standard" },
    ]);
    expect(ruleProblems({ method: "tiered", weights: [1], tiers: [] })[0].path).toBe("tiers");
    expect(
      ruleProblems({
        method: "tiered",
        weights: [1],
        tiers: [
          { minShare: 0.5, payShare: 0.8 },
          { minShare: 1, payShare: 0.5 },
        ],
      }),
    ).toEqual([{ path: "tiers", message: "A higher tier must pay at least as much as a lower one" }]);
    expect(ruleProblems({ method: "all_met", weights: [1, 2] })).toEqual([]);
  });
});
