// The Quality Premium Payment (issue 19 item 3): what each contract in a scheme is entitled to for
// a period, from the compliance results of the scheme's qualifying standards, and the scaling to
// the scheme's budget cap. One pure rule, shared by the server (schedules, exports, the CLI) and
// the client (which explains it). Compliance is NOT worked out here: the results are the input,
// each already as it stands after any accepted challenge (effectiveStatus). Money is counted in
// whole pence so the lines add up exactly.

import { COMPLIANCE_LABELS, type ComplianceStatus } from "./commissioning";

export const QPP_METHODS = ["all_met", "weighted", "tiered"] as const;
export type QppMethod = (typeof QPP_METHODS)[number];
export const QPP_METHOD_LABELS: Record<QppMethod, string> = {
  all_met: "Pays in full when every qualifying standard is met",
  weighted: "Pays the met standards' share of the weights",
  tiered: "Pays by tier: the highest tier the weighted share reaches",
};

export const QPP_BASES = ["per_unit", "per_contract"] as const;
export type QppBasis = (typeof QPP_BASES)[number];
export const QPP_BASIS_LABELS: Record<QppBasis, string> = {
  per_unit: "A rate per unit delivered in the period",
  per_contract: "An amount per contract per period",
};

export interface QppTier {
  /** The weighted share of qualifying standards met (0–1) that reaches the tier. */
  minShare: number;
  /** The share of the full rate the tier pays (0–1). */
  payShare: number;
}

export interface QppRule {
  method: QppMethod;
  basis: QppBasis;
  /** Pounds per unit (per_unit) or per contract a period (per_contract). */
  rate: number;
  tiers?: QppTier[] | null;
  /** The most paid in a period, in pounds; null for no cap. */
  budgetCap?: number | null;
  /** What a unit is, in words (plural): "contact hours", "bed weeks", "units". */
  unitName?: string;
}

/** A qualifying standard's result for one contract: null when there is no result (counted as not met). */
export interface QppStandardInput {
  standardId: string;
  name: string;
  weight: number;
  /** The effective status (an accepted challenge's override already applied), or null for no result. */
  status: ComplianceStatus | null;
  /** True when the status is a commissioner's override after an accepted challenge. */
  overridden?: boolean;
  /** Why there is no result, when there is none (defaults to "no result"). */
  missingReason?: string;
}

export interface QppContractInput {
  contractId: string;
  contractReference: string;
  contractName: string;
  providerId: string;
  providerName: string;
  /** Units delivered in the period (per_unit); null when none are recorded. */
  units: number | null;
  standards: QppStandardInput[];
}

export interface QppLineStandard {
  standardId: string;
  name: string;
  weight: number;
  status: ComplianceStatus | "no_result";
  met: boolean;
  overridden: boolean;
  /** In words: "Met", "Not enough data: never counted as met", "No result: counted as not met". */
  reason: string;
}

export interface QppLine {
  contractId: string;
  contractReference: string;
  contractName: string;
  providerId: string;
  providerName: string;
  standards: QppLineStandard[];
  standardsMet: number;
  standardsTotal: number;
  /** The met standards' share of the weights (0–1). */
  share: number;
  /** The share of the full rate paid (0–1). */
  payShare: number;
  units: number | null;
  /** Pounds, to the penny, before the cap. */
  amountBeforeCap: number;
  /** Pounds payable, after any scaling to the cap. */
  amount: number;
  /** The working, one sentence a step. */
  working: string[];
}

export interface QppSchedule {
  lines: QppLine[];
  totalBeforeCap: number;
  total: number;
  budgetCap: number | null;
  /** True when the entitlements passed the cap and every line was scaled down. */
  scaled: boolean;
  /** The factor every line was scaled by (1 when not scaled), to 8 places. */
  scale: number;
  /** The cap in words: not set, not reached, or scaled and by what. */
  capNote: string;
}

export const pounds = (p: number) =>
  `£${p.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const penceOf = (poundsValue: number) => Math.round(poundsValue * 100);
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

const STATUS_REASON: Record<ComplianceStatus, string> = {
  met: COMPLIANCE_LABELS.met,
  not_met: COMPLIANCE_LABELS.not_met,
  not_enough_data: "Not enough data: never counted as met",
};

/** The tier a share reaches: the highest minShare at or below it (null when none). */
export function tierFor(tiers: QppTier[], share: number): QppTier | null {
  let best: QppTier | null = null;
  for (const t of tiers)
    if (round6(share) >= round6(t.minShare) && (best === null || t.minShare > best.minShare)) best = t;
  return best;
}

/** Problems with a scheme's rule, in words naming the field (empty when sound). */
export function ruleProblems(rule: {
  method: QppMethod;
  tiers?: QppTier[] | null;
  weights: number[];
}): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (rule.weights.length === 0) out.push({ path: "standards", message: "Choose at least one qualifying standard" });
  if (rule.weights.length > 0 && rule.weights.every((w) => w <= 0))
    out.push({ path: "standards", message: "Give at least one qualifying standard a weight above 0" });
  if (rule.method === "tiered") {
    const tiers = rule.tiers ?? [];
    if (tiers.length === 0) out.push({ path: "tiers", message: "Add at least one tier for a tiered scheme" });
    const mins = tiers.map((t) => round6(t.minShare));
    if (new Set(mins).size !== mins.length)
      out.push({ path: "tiers", message: "Give each tier a different minimum share of standards met" });
    const sorted = [...tiers].sort((a, b) => a.minShare - b.minShare);
    if (sorted.some((t, i) => i > 0 && t.payShare < sorted[i - 1].payShare))
      out.push({ path: "tiers", message: "A higher tier must pay at least as much as a lower one" });
  }
  return out;
}

/** One contract's entitlement before the cap, in pence, with its working. */
function lineOf(rule: QppRule, c: QppContractInput): { line: QppLine; pence: number } {
  const unitName = rule.unitName ?? "units";
  const standards: QppLineStandard[] = c.standards.map((s) => {
    const met = s.status === "met";
    const reason =
      s.status === null
        ? `No result: counted as not met${s.missingReason ? ` (${s.missingReason})` : ""}`
        : `${STATUS_REASON[s.status]}${s.overridden ? " (after an accepted challenge)" : ""}`;
    return {
      standardId: s.standardId,
      name: s.name,
      weight: s.weight,
      status: s.status ?? "no_result",
      met,
      overridden: Boolean(s.overridden),
      reason,
    };
  });
  const totalWeight = standards.reduce((n, s) => n + Math.max(0, s.weight), 0);
  const metWeight = standards.filter((s) => s.met).reduce((n, s) => n + Math.max(0, s.weight), 0);
  const share = totalWeight > 0 ? round6(metWeight / totalWeight) : 0;
  const standardsMet = standards.filter((s) => s.met).length;
  const working: string[] = [
    `${standardsMet} of ${standards.length} qualifying standards met` +
      (rule.method === "all_met" ? "." : ` (weights ${metWeight} of ${totalWeight}: ${percent(share)}).`),
  ];
  let payShare = 0;
  if (rule.method === "all_met") {
    payShare = standards.length > 0 && standardsMet === standards.length ? 1 : 0;
    working.push(
      payShare === 1
        ? "Every qualifying standard is met, so the scheme pays in full."
        : "Not every qualifying standard is met, so the scheme pays nothing.",
    );
  } else if (rule.method === "weighted") {
    payShare = share;
    working.push(`The scheme pays the met standards' share of the weights: ${percent(share)} of the full rate.`);
  } else {
    const tier = tierFor(rule.tiers ?? [], share);
    payShare = tier?.payShare ?? 0;
    working.push(
      tier
        ? `${percent(share)} reaches the ${percent(tier.minShare)} tier, which pays ${percent(tier.payShare)} of the full rate.`
        : `${percent(share)} reaches no tier, so the scheme pays nothing.`,
    );
  }
  let pence = 0;
  if (rule.basis === "per_unit") {
    if (c.units === null) {
      working.push(`No delivered ${unitName} are recorded for the period, so nothing is paid until they are.`);
    } else {
      pence = Math.round(c.units * rule.rate * payShare * 100);
      working.push(
        `${c.units.toLocaleString("en-GB")} ${unitName} delivered × ${pounds(rule.rate)} × ${percent(payShare)} = ${pounds(pence / 100)}.`,
      );
    }
  } else {
    pence = Math.round(rule.rate * payShare * 100);
    working.push(`${pounds(rule.rate)} for the contract × ${percent(payShare)} = ${pounds(pence / 100)}.`);
  }
  return {
    pence,
    line: {
      contractId: c.contractId,
      contractReference: c.contractReference,
      contractName: c.contractName,
      providerId: c.providerId,
      providerName: c.providerName,
      standards,
      standardsMet,
      standardsTotal: standards.length,
      share,
      payShare,
      units: c.units,
      amountBeforeCap: pence / 100,
      amount: pence / 100,
      working,
    },
  };
}

/** The cap in words: not set, not reached, or passed and by what factor every line was scaled. */
export function capNoteOf(totalBeforeCap: number, budgetCap: number | null, scale: number) {
  if (budgetCap === null) return "The scheme has no budget cap.";
  if (scale >= 1)
    return `The entitlements total ${pounds(totalBeforeCap)}, within the ${pounds(budgetCap)} budget cap, so nothing is scaled.`;
  return `The entitlements total ${pounds(totalBeforeCap)}, over the ${pounds(budgetCap)} budget cap, so every line is scaled by ${scale.toFixed(4)} (cap ÷ total) and rounded to the penny so the total is exactly the cap.`;
}

/**
 * Every contract's entitlement for a period, and the scaling to the budget cap: over the cap,
 * every line is scaled by cap/total and rounded to pence so the total is exactly the cap (the
 * pennies left by rounding down go to the lines with the largest remainders; ties to the earlier
 * line in contract reference order).
 */
export function computeSchedule(rule: QppRule, contracts: QppContractInput[]): QppSchedule {
  const ordered = [...contracts].sort(
    (a, b) =>
      a.providerName.localeCompare(b.providerName) ||
      a.contractReference.localeCompare(b.contractReference) ||
      a.contractId.localeCompare(b.contractId),
  );
  const computed = ordered.map((c) => lineOf(rule, c));
  const before = computed.reduce((n, x) => n + x.pence, 0);
  const capPence = rule.budgetCap === null || rule.budgetCap === undefined ? null : penceOf(rule.budgetCap);
  let payable = computed.map((x) => x.pence);
  let scaled = false;
  let scale = 1;
  if (capPence !== null && before > capPence) {
    scaled = true;
    scale = Math.round((capPence / before) * 1e8) / 1e8;
    const cap = BigInt(capPence);
    const total = BigInt(before);
    const parts = computed.map((x, i) => {
      const exact = BigInt(x.pence) * cap;
      return { i, floor: Number(exact / total), rem: exact % total };
    });
    let left = capPence - parts.reduce((n, p) => n + p.floor, 0);
    const byRemainder = [...parts].sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
    payable = parts.map((p) => p.floor);
    for (const p of byRemainder) {
      if (left <= 0) break;
      payable[p.i] += 1;
      left -= 1;
    }
  }
  const capNote = capNoteOf(before / 100, capPence === null ? null : capPence / 100, scale);
  const lines = computed.map((x, i) => {
    const line = { ...x.line, amount: payable[i] / 100 };
    if (scaled && x.pence > 0)
      line.working = [
        ...line.working,
        `Scaled by ${scale.toFixed(4)} to keep within the budget cap: ${pounds(line.amount)} payable.`,
      ];
    return line;
  });
  return {
    lines,
    totalBeforeCap: before / 100,
    total: payable.reduce((n, p) => n + p, 0) / 100,
    budgetCap: capPence === null ? null : capPence / 100,
    scaled,
    scale,
    capNote,
  };
}
