import { z } from "zod";
import { COMPLIANCE_STATUSES, PERIOD_PATTERN, STANDARD_KIND_KEYS } from "../commissioning";
import { day, timestamp } from "./common";
import { freeText } from "./text";

// Compliance computed from the data, and challenges (issue 19 item 2): requests and responses.

export const periodValue = z
  .string({ error: "Enter the period as a quarter, like 2026-Q3" })
  .trim()
  .toUpperCase()
  .regex(PERIOD_PATTERN, "Enter the period as a quarter, like 2026-Q3");

/** ?period=2026-Q3 (the last ended quarter when left out). */
export const compliancePeriodQuery = z.object({ period: periodValue.optional() });
export type CompliancePeriodQuery = z.infer<typeof compliancePeriodQuery>;

export const recomputeInput = z.object({
  period: periodValue,
  contractId: z.uuid("Choose a contract, or leave it out to recompute every contract").optional(),
});
export type RecomputeInput = z.infer<typeof recomputeInput>;

export const CHALLENGE_STATUSES = ["open", "accepted", "rejected"] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];
export const CHALLENGE_LABELS: Record<ChallengeStatus, string> = {
  open: "Waiting for a decision",
  accepted: "Accepted",
  rejected: "Rejected",
};

export const challengesQuery = z.object({
  status: z.enum(CHALLENGE_STATUSES, { error: "Choose open, accepted or rejected" }).optional(),
});
export type ChallengesQuery = z.infer<typeof challengesQuery>;

const text = (what: string, max: number) =>
  freeText(
    z
      .string({ error: `Enter the ${what.toLowerCase()}` })
      .trim()
      .max(max, `Keep the ${what.toLowerCase()} under ${max.toLocaleString("en-GB")} characters`),
    what,
    { multiLine: true },
  );

export const challengeInput = z.object({
  reason: text("Reason", 2000).min(1, "Enter the reason you challenge this result"),
  evidence: text("Evidence", 4000).default(""),
});
export type ChallengeInput = z.input<typeof challengeInput>;

export const decisionInput = z.object({
  decision: z.enum(["accept", "reject"], { error: "Choose whether to accept or reject the challenge" }),
  note: text("Note", 2000).min(1, "Enter a note saying why: the provider reads it"),
  status: z
    .enum(COMPLIANCE_STATUSES, { error: "Choose the status the result takes: met, not met or not enough data" })
    .optional(),
});
export type DecisionInput = z.input<typeof decisionInput>;

const status = z.enum(COMPLIANCE_STATUSES);

export const challengeView = z.object({
  id: z.string(),
  resultId: z.string(),
  status: z.enum(CHALLENGE_STATUSES),
  reason: z.string(),
  evidence: z.string(),
  raisedAt: timestamp,
  decidedAt: timestamp.nullable(),
  decisionNote: z.string().nullable(),
});
export type ChallengeView = z.infer<typeof challengeView>;

export const resultView = z.object({
  id: z.string(),
  contractId: z.string(),
  contractStandardId: z.string(),
  kind: z.enum(STANDARD_KIND_KEYS as [string, ...string[]]),
  name: z.string(),
  period: z.string(),
  /** As computed. */
  status,
  /** After an accepted challenge's override. */
  effectiveStatus: status,
  value: z.number().nullable(),
  n: z.number(),
  asAt: day,
  computedAt: timestamp,
  figure: z.string(),
  threshold: z.number().nullable(),
  thresholdText: z.string(),
  sentence: z.string(),
  measuredOver: z.string(),
  override: z.object({ status, note: z.string(), at: timestamp.nullable() }).nullable(),
  /** The latest challenge (open, or decided). */
  challenge: challengeView.nullable(),
  /** What the provider can do, when the result is not met or has not enough data. */
  toFix: z.string().nullable(),
});
export type ResultView = z.infer<typeof resultView>;

const contractHead = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  serviceType: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  startDate: day,
  endDate: day.nullable(),
});
export type ContractHead = z.infer<typeof contractHead>;

export const complianceResponse = z.object({
  period: z.string(),
  periodLabel: z.string(),
  asAt: day,
  /** The quarters one can ask for (ended ones), newest first. */
  periods: z.array(z.object({ period: z.string(), label: z.string() })),
  contracts: z.array(contractHead.extend({ results: z.array(resultView) })),
});
export type ComplianceResponse = z.infer<typeof complianceResponse>;

export const contractComplianceResponse = z.object({
  contract: contractHead,
  periods: z.array(z.object({ period: z.string(), label: z.string(), results: z.array(resultView) })),
});
export type ContractComplianceResponse = z.infer<typeof contractComplianceResponse>;

export const recomputeResponse = z.object({ period: z.string(), recomputed: z.number() });
export type RecomputeResponse = z.infer<typeof recomputeResponse>;

export const challengeItem = challengeView.extend({
  contract: contractHead,
  result: resultView,
});
export const challengesResponse = z.object({ challenges: z.array(challengeItem) });
export type ChallengesResponse = z.infer<typeof challengesResponse>;
export type ChallengeItem = z.infer<typeof challengeItem>;

export const challengeResponse = z.object({ challenge: challengeView, result: resultView });
export type ChallengeResponse = z.infer<typeof challengeResponse>;
