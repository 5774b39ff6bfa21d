import { z } from "zod";
import { day, timestamp } from "./common";
import { freeText } from "./text";

export const createReturnPeriodInput = z.object({
  name: freeText(
    z
      .string()
      .trim()
      .min(1, "Name the period, for example Quarter 3 2026/27")
      .max(100, "Name must be 100 characters or fewer"),
    "The period's name",
  ),
  periodEnd: z.iso.date("Enter the period end as a real date"),
  dueDate: z.iso.date("Enter the due date as a real date"),
  /** Also ask for the contract-monitoring return (issue 19), pre-filled from the hub and only confirmed. */
  contractMonitoring: z.boolean({ error: "Say whether to ask for the contract-monitoring return" }).default(false),
});

// Answers.

export const RETURN_STATUSES = ["not_started", "in_progress", "submitted", "late"] as const;
export const returnStatus = z.enum(RETURN_STATUSES);
export type ReturnStatusValue = z.infer<typeof returnStatus>;
export const returnPeriodView = z.object({
  id: z.string(),
  name: z.string(),
  periodEnd: day,
  dueDate: day,
  /** The period also asks for the contract-monitoring return (issue 19). */
  contractMonitoring: z.boolean(),
});
export type ReturnPeriodView = z.infer<typeof returnPeriodView>;
/** How many providers are in each status. */
const byStatus = z.record(z.string(), z.number());

/** A submission's completeness (shared/design/metrics.md): workforce size, the score, and each field's share. */
export const completenessView = z.object({
  workforce: z.number(),
  score: z.number().nullable(),
  byField: z.record(z.string(), z.number().nullable()),
});

export const returnPeriodsResponse = z.object({
  periods: z.array(returnPeriodView.extend({ providers: z.number(), byStatus })),
});
export type ReturnPeriodsResponse = z.infer<typeof returnPeriodsResponse>;
export const returnPeriodResponse = z.object({ period: returnPeriodView });
export type ReturnPeriodResponse = z.infer<typeof returnPeriodResponse>;
export const returnPeriodDetailResponse = z.object({
  period: returnPeriodView,
  byStatus,
  providers: z.array(
    z.object({
      provider: z.object({ id: z.string(), name: z.string() }),
      status: returnStatus,
      submittedAt: timestamp.nullable(),
      completenessScore: z.number().nullable(),
    }),
  ),
});
export type ReturnPeriodDetailResponse = z.infer<typeof returnPeriodDetailResponse>;
export const providerReturnsResponse = z.object({
  returns: z.array(
    z.object({
      period: returnPeriodView,
      /** The council that asks for it. */
      council: z.string(),
      councilId: z.string(),
      status: returnStatus,
      submittedAt: timestamp.nullable(),
      /** Null until submitted. */
      completeness: completenessView.nullable(),
    }),
  ),
});
export type ProviderReturnsResponse = z.infer<typeof providerReturnsResponse>;
export const submissionResponse = z.object({
  submission: z.object({
    id: z.string(),
    submittedAt: timestamp.nullable(),
    status: returnStatus,
    completeness: completenessView,
  }),
});
export type SubmissionResponse = z.infer<typeof submissionResponse>;
