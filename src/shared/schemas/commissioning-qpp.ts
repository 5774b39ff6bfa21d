import { z } from "zod";
import { COMPLIANCE_STATUSES, isPeriod, SERVICE_TYPES } from "../commissioning";
import { QPP_BASES, QPP_METHODS } from "../qpp";
import { timestamp } from "./common";
import { freeText } from "./text";

// The Quality Premium Payment (issue 19 item 3): schemes, schedules, delivered units and a
// provider's own entitlement. Requests and responses.

const periodInput = (what: string) =>
  z
    .string({ error: `Enter the ${what} as a quarter, like 2026-Q3` })
    .trim()
    .toUpperCase()
    .refine(isPeriod, { error: `Enter the ${what} as a quarter, like 2026-Q3` });
const share = (what: string) =>
  z
    .number({ error: `Enter the ${what} as a share between 0 and 1 (0.75 is 75%)` })
    .min(0, `The ${what} cannot be below 0`)
    .max(1, `The ${what} cannot be above 1 (100%)`);

export const qppTier = z.object({
  minShare: share("tier's minimum share of standards met"),
  payShare: share("tier's pay share"),
});

export const qppSchemeInput = z
  .object({
    name: freeText(
      z.string().trim().min(1, "Enter the scheme's name").max(200, "Keep the scheme's name under 200 characters"),
      "The scheme's name",
    ),
    serviceType: z.enum(SERVICE_TYPES, { error: "Choose a service type, or all services" }).nullable().default(null),
    standards: z
      .array(
        z.object({
          standardId: z.uuid("Choose a standard from your library"),
          weight: z
            .number({ error: "Enter each standard's weight as a number" })
            .min(0, "A weight cannot be negative")
            .max(1000, "Keep each weight at 1,000 or less"),
        }),
        { error: "Choose the qualifying standards" },
      )
      .min(1, "Choose at least one qualifying standard")
      .max(20, "Choose at most 20 qualifying standards")
      .refine((s) => new Set(s.map((x) => x.standardId)).size === s.length, {
        error: "Choose each qualifying standard once",
      }),
    method: z.enum(QPP_METHODS, { error: "Choose how the scheme pays: all met, weighted or tiered" }),
    tiers: z.array(qppTier).max(10, "Use at most 10 tiers").nullable().default(null),
    basis: z.enum(QPP_BASES, { error: "Choose whether the scheme pays per unit delivered or per contract" }),
    rate: z
      .number({ error: "Enter the rate in pounds, like 0.40" })
      .positive("Enter a rate above £0")
      .max(1_000_000, "Enter a rate of £1,000,000 or less"),
    budgetCap: z
      .number({ error: "Enter the budget cap in pounds, or leave it empty for no cap" })
      .positive("Enter a budget cap above £0, or leave it empty for no cap")
      .max(1_000_000_000, "Enter a budget cap of £1,000,000,000 or less")
      .nullable()
      .default(null),
    fromPeriod: periodInput("first period"),
    untilPeriod: periodInput("last period").nullable().default(null),
  })
  .refine((s) => s.untilPeriod === null || s.untilPeriod >= s.fromPeriod, {
    path: ["untilPeriod"],
    error: "The last period must be the same as or after the first period",
  });
export type QppSchemeInput = z.infer<typeof qppSchemeInput>;

export const deliveryInput = z.object({
  units: z
    .number({ error: "Enter the units delivered as a number, like 1250.5" })
    .min(0, "Units delivered cannot be negative")
    .max(10_000_000, "Enter at most 10,000,000 units"),
});
export type DeliveryInput = z.infer<typeof deliveryInput>;

// Responses.

const standardView = z.object({ id: z.string(), kind: z.string(), name: z.string() });

export const qppSchemeView = z.object({
  id: z.string(),
  name: z.string(),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  method: z.enum(QPP_METHODS),
  tiers: z.array(z.object({ minShare: z.number(), payShare: z.number() })).nullable(),
  basis: z.enum(QPP_BASES),
  rate: z.number(),
  budgetCap: z.number().nullable(),
  fromPeriod: z.string(),
  untilPeriod: z.string().nullable(),
  unitName: z.string(),
  standards: z.array(z.object({ standardId: z.string(), name: z.string(), kind: z.string(), weight: z.number() })),
});
export type QppSchemeView = z.infer<typeof qppSchemeView>;

export const qppSchemesResponse = z.object({
  schemes: z.array(qppSchemeView),
  /** The council's library, for the new-scheme form. */
  library: z.array(standardView),
});
export type QppSchemesResponse = z.infer<typeof qppSchemesResponse>;

const scheduleSummary = z.object({
  period: z.string(),
  periodLabel: z.string(),
  status: z.enum(["draft", "approved"]),
  total: z.number().nullable(),
  approvedAt: timestamp.nullable(),
});

export const qppSchemeResponse = z.object({
  scheme: qppSchemeView,
  /** The periods the scheme covers that have ended (newest first), with approved schedules' totals. */
  periods: z.array(scheduleSummary),
  library: z.array(standardView),
});
export type QppSchemeResponse = z.infer<typeof qppSchemeResponse>;

export const qppLineView = z.object({
  contractId: z.string(),
  contractReference: z.string(),
  contractName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  standards: z.array(
    z.object({
      standardId: z.string(),
      name: z.string(),
      weight: z.number(),
      status: z.enum([...COMPLIANCE_STATUSES, "no_result"]),
      met: z.boolean(),
      overridden: z.boolean(),
      reason: z.string(),
    }),
  ),
  standardsMet: z.number(),
  standardsTotal: z.number(),
  share: z.number(),
  payShare: z.number(),
  units: z.number().nullable(),
  /** Where the units came from: the council, the provider's confirmed return, or none recorded. */
  unitsSource: z.string().nullable(),
  amountBeforeCap: z.number(),
  amount: z.number(),
  working: z.array(z.string()),
});
export type QppLineView = z.infer<typeof qppLineView>;

export const qppScheduleView = z.object({
  schemeId: z.string(),
  schemeName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  status: z.enum(["draft", "approved"]),
  /** True once the period has ended (only then can it be approved). */
  ended: z.boolean(),
  lines: z.array(qppLineView),
  totalBeforeCap: z.number(),
  total: z.number(),
  budgetCap: z.number().nullable(),
  scaled: z.boolean(),
  scale: z.number(),
  capNote: z.string(),
  computedAt: timestamp,
  approvedAt: timestamp.nullable(),
  approvedBy: z.string().nullable(),
});
export type QppScheduleView = z.infer<typeof qppScheduleView>;

export const qppScheduleResponse = z.object({ schedule: qppScheduleView, scheme: qppSchemeView });
export type QppScheduleResponse = z.infer<typeof qppScheduleResponse>;

export const deliveryResponse = z.object({
  delivery: z.object({ contractId: z.string(), period: z.string(), units: z.number(), source: z.string() }),
});

/** A provider's own lines: per scheme and period, provisional (draft) or approved. */
export const providerQppResponse = z.object({
  entitlements: z.array(
    z.object({
      councilName: z.string(),
      schemeId: z.string(),
      schemeName: z.string(),
      method: z.enum(QPP_METHODS),
      basis: z.enum(QPP_BASES),
      rate: z.number(),
      unitName: z.string(),
      period: z.string(),
      periodLabel: z.string(),
      status: z.enum(["provisional", "approved"]),
      scaled: z.boolean(),
      scale: z.number(),
      capNote: z.string(),
      lines: z.array(qppLineView),
      total: z.number(),
    }),
  ),
});
export type ProviderQppResponse = z.infer<typeof providerQppResponse>;
