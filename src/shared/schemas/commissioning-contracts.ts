import { z } from "zod";
import {
  COMPLIANCE_STATUSES,
  isPeriod,
  PRICE_UNITS,
  SERVICE_TYPES,
  STANDARD_KIND_KEYS,
  STANDARD_KINDS,
  type StandardKindKey,
} from "../commissioning";
import { day, timestamp } from "./common";
import { freeText } from "./text";

// Commissioning's contracts and the council's standards library (issue 19 item 1): requests and
// responses. A threshold is a share 0–1 (the pages show a percentage), pounds, or null for a
// yes/no kind; periods are calendar quarters written 2026-Q3.

const line = (what: string, max: number) =>
  freeText(
    z
      .string({ error: `Enter the ${what.toLowerCase()}` })
      .trim()
      .max(max, `Keep the ${what.toLowerCase()} under ${max} characters`),
    what,
  );
const required = (what: string, max: number) => line(what, max).min(1, `Enter the ${what.toLowerCase()}`);
// From 1900: year 0 passes as an ISO date but is not one PostgreSQL can hold (it answered a 500).
const date = (what: string) =>
  z.iso.date(`Enter the ${what} as a real date`).refine((d) => d >= "1900-01-01", `Enter the ${what} from 1900 on`);
const money = (what: string) =>
  z
    .number({ error: `Enter the ${what} in pounds, as a number` })
    .min(0, `The ${what} cannot be negative`)
    .max(1_000_000_000, `The ${what} is too large`);
const period = (what: string) =>
  z
    .string({ error: `Enter the ${what} as a quarter, like 2026-Q1` })
    .trim()
    .toUpperCase()
    .refine(isPeriod, `Enter the ${what} as a quarter, like 2026-Q1`);

/** The problem with a threshold for a kind, or null when it fits the kind's unit. */
export function thresholdProblem(kind: StandardKindKey, threshold: number | null | undefined): string | null {
  const k = STANDARD_KINDS[kind];
  if (k.unit === "none")
    return threshold === null || threshold === undefined
      ? null
      : `${k.label} is a yes or no standard: leave the threshold empty`;
  if (threshold === null || threshold === undefined) return null;
  if (!Number.isFinite(threshold)) return "Enter the threshold as a number";
  if (k.unit === "share")
    return threshold < 0 || threshold > 1
      ? "Enter the threshold as a share between 0 and 1 (a percentage between 0% and 100%)"
      : null;
  return threshold < 0
    ? "The threshold in pounds cannot be negative"
    : threshold > 100
      ? "Enter the threshold in pounds, 100 or less"
      : null;
}

const thresholdValue = z.number({ error: "Enter the threshold as a number" }).nullable();

// The library.

export const standardInput = z
  .object({
    kind: z.enum(STANDARD_KIND_KEYS as [StandardKindKey, ...StandardKindKey[]], {
      error: "Choose the kind of standard from the list",
    }),
    name: required("Name", 200),
    description: freeText(
      z.string().trim().max(2000, "Keep the description under 2,000 characters"),
      "The description",
      { multiLine: true },
    ).default(""),
    /** Omitted: the kind's default. */
    threshold: thresholdValue.optional(),
  })
  .superRefine((s, ctx) => {
    const problem = thresholdProblem(s.kind, s.threshold);
    if (problem) ctx.addIssue({ code: "custom", path: ["threshold"], message: problem });
  });
export type StandardInput = z.infer<typeof standardInput>;

export const thresholdUnit = z.enum(["share", "pounds", "none"]);

export const standardView = z.object({
  id: z.string(),
  kind: z.enum(STANDARD_KIND_KEYS as [StandardKindKey, ...StandardKindKey[]]),
  kindLabel: z.string(),
  name: z.string(),
  description: z.string(),
  threshold: z.number().nullable(),
  unit: thresholdUnit,
  thresholdText: z.string(),
  measuredOver: z.string(),
  archivedAt: timestamp.nullable(),
  /** Contracts carrying it now (not removed). */
  contractCount: z.number().int(),
});
export type StandardView = z.infer<typeof standardView>;
export const standardsResponse = z.object({ standards: z.array(standardView) });
export type StandardsResponse = z.infer<typeof standardsResponse>;
export const standardResponse = z.object({ standard: standardView });
export type StandardResponse = z.infer<typeof standardResponse>;

// Contracts.

export const priceInput = z.object({
  band: required("Band", 100),
  unit: z.enum(PRICE_UNITS, { error: "Choose what the price is for: an hour, a week, a night or a session" }),
  price: money("price"),
  weeklyVolume: z
    .number({ error: "Enter the planned volume a week as a number" })
    .min(0, "The planned volume cannot be negative")
    .max(1_000_000, "The planned volume is too large")
    .nullable()
    .default(null),
});
export type PriceInput = z.infer<typeof priceInput>;

export const contractInput = z
  .object({
    providerId: z.uuid("Choose the provider from the list"),
    reference: required("Reference", 50),
    name: required("Contract name", 200),
    serviceType: z.enum(SERVICE_TYPES, { error: "Choose the service type from the list" }),
    lot: line("Lot", 100).default(""),
    framework: line("Framework", 200).default(""),
    startDate: date("start date"),
    endDate: date("end date").nullable().default(null),
    annualValue: money("annual value").nullable().default(null),
    prices: z.array(priceInput).max(50, "A contract can have up to 50 price bands").default([]),
    /** The provider's workplaces it covers; empty = all of them. */
    workplaceIds: z
      .array(z.uuid("Choose workplaces from the list"))
      .max(500, "Choose up to 500 workplaces")
      .default([]),
  })
  .superRefine((c, ctx) => {
    if (c.endDate && c.endDate < c.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date must be on or after the start date" });
    const seen = new Set<string>();
    c.prices.forEach((p, i) => {
      const key = p.band.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["prices", i, "band"],
          message: `Price band ${i + 1}: the band "${p.band}" is listed twice; give each band its own name`,
        });
      seen.add(key);
    });
  });
export type ContractInput = z.infer<typeof contractInput>;

/** The list's filters. */
export const contractsQuery = z.object({
  serviceType: z.enum(SERVICE_TYPES, { error: "Choose a service type from the list" }).optional(),
  providerId: z.uuid("Choose a provider from the list").optional(),
  activeOn: date("date the contracts are active on").optional(),
});
export type ContractsQuery = z.infer<typeof contractsQuery>;

export const orgName = z.object({ id: z.string(), name: z.string() });

export const contractSummary = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  lot: z.string(),
  framework: z.string(),
  startDate: day,
  endDate: day.nullable(),
  annualValue: z.number().nullable(),
  provider: orgName,
  council: orgName,
  /** Against today: not started yet, active, or ended. */
  state: z.enum(["not_started", "active", "ended"]),
  /** Standards it carries now. */
  standardCount: z.number().int(),
});
export type ContractSummary = z.infer<typeof contractSummary>;
export const contractsResponse = z.object({ contracts: z.array(contractSummary) });
export type ContractsResponse = z.infer<typeof contractsResponse>;

export const priceView = z.object({
  id: z.string(),
  band: z.string(),
  unit: z.enum(PRICE_UNITS),
  price: z.number(),
  weeklyVolume: z.number().nullable(),
});
export type PriceView = z.infer<typeof priceView>;

export const workplaceName = z.object({ id: z.string(), name: z.string(), localRef: z.string() });

export const contractStandardView = z.object({
  id: z.string(),
  standardId: z.string(),
  kind: z.enum(STANDARD_KIND_KEYS as [StandardKindKey, ...StandardKindKey[]]),
  kindLabel: z.string(),
  name: z.string(),
  /** The council's description (the kind's when it wrote none). */
  description: z.string(),
  /** What the kind of standard checks, in plain words. */
  kindDescription: z.string(),
  /** The threshold that applies (the contract's own, else the library's). */
  threshold: z.number().nullable(),
  /** True when the contract sets its own threshold. */
  ownThreshold: z.boolean(),
  thresholdText: z.string(),
  measuredOver: z.string(),
  toFix: z.string(),
  fromPeriod: z.string(),
  /** The first quarter it no longer applies to, when removed. */
  untilPeriod: z.string().nullable(),
  /** The library's standard was archived (it stays on this contract). */
  archived: z.boolean(),
  /** The latest result, when there is one (computed by compliance). */
  latest: z
    .object({
      period: z.string(),
      status: z.enum(COMPLIANCE_STATUSES),
    })
    .nullable(),
});
export type ContractStandardView = z.infer<typeof contractStandardView>;

export const contractDetail = contractSummary.extend({
  prices: z.array(priceView),
  /** The workplaces it covers; empty = all the provider's workplaces. */
  workplaces: z.array(workplaceName),
  standards: z.array(contractStandardView),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ContractDetail = z.infer<typeof contractDetail>;
export const contractResponse = z.object({ contract: contractDetail });
export type ContractResponse = z.infer<typeof contractResponse>;

/** What the contract form needs: the providers the council commissions (now or before) and their workplaces. */
export const contractOptionsResponse = z.object({
  providers: z.array(
    orgName.extend({
      /** The dates the council commissions it (from, and to when it ended). */
      links: z.array(z.object({ from: day, to: day.nullable() })),
      workplaces: z.array(workplaceName),
    }),
  ),
});
export type ContractOptionsResponse = z.infer<typeof contractOptionsResponse>;

// A contract's standards.

export const addContractStandardInput = z.object({
  standardId: z.uuid("Choose a standard from the library"),
  /** Overrides the library's threshold for this contract; omitted or null: the library's. */
  threshold: thresholdValue.optional(),
  /** The first quarter it is measured for; omitted: the last ended quarter. */
  fromPeriod: period("first quarter").optional(),
});
export type AddContractStandardInput = z.infer<typeof addContractStandardInput>;

export const contractStandardResponse = z.object({ standard: contractStandardView });
export type ContractStandardResponse = z.infer<typeof contractStandardResponse>;

export const removeContractStandardResponse = z.object({
  removed: z.string(),
  /** True when results existed, so it was ended (untilPeriod) rather than deleted. */
  kept: z.boolean(),
  untilPeriod: z.string().nullable(),
});
export type RemoveContractStandardResponse = z.infer<typeof removeContractStandardResponse>;
