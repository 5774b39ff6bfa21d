import { z } from "zod";
import { COMPLIANCE_STATUSES, PERIOD_PATTERN, PRICE_UNITS, SERVICE_TYPES } from "../commissioning";
import { timestamp } from "./common";
import { attentionItem } from "./metrics";

// The council's commissioning page (issue 19 item 6): its contracts in numbers, compliance across
// providers for a quarter (standards × providers, in words), Quality Premium totals, prices and fee
// rates below the minimum price floor, trends over four quarters, and what needs attention.

export const overviewQuery = z.object({
  period: z
    .string()
    .regex(PERIOD_PATTERN, "Enter the period as a quarter, for example 2026-Q1")
    .refine((p) => Number(p.slice(0, 4)) >= 2000 && Number(p.slice(0, 4)) <= 2100, {
      error: "Enter a quarter between 2000 and 2100, for example 2026-Q1",
    })
    .optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

const status = z.enum(COMPLIANCE_STATUSES);
const serviceType = z.enum(SERVICE_TYPES);

/** One contract's result for a standard (the cell's detail). */
const contractResult = z.object({
  contractId: z.string(),
  reference: z.string(),
  /** null: the contract carries the standard but no result has been computed for the period. */
  status: status.nullable(),
  /** A commissioner's decision on a challenge changed the computed result. */
  overridden: z.boolean(),
});

const matrixCell = z.object({
  standardId: z.string(),
  /**
   * The worst result over the provider's contracts carrying the standard (not met, then not enough
   * data, then met); null when no result is computed; "not_carried" when no contract carries it.
   */
  status: z.union([status, z.literal("not_carried"), z.literal("no_result")]),
  contracts: z.array(contractResult),
});

export const overviewResponse = z.object({
  council: z.object({ id: z.string(), name: z.string() }),
  /** The quarter compliance is shown for (default: the last one that has ended). */
  period: z.string(),
  periodLabel: z.string(),
  /** The last quarter that has ended today: no later one may be asked for. */
  lastEndedPeriod: z.string(),
  contracts: z.object({
    /** Contracts in force on any day of the period. */
    count: z.number(),
    annualValue: z.number(),
    byServiceType: z.array(z.object({ serviceType, label: z.string(), count: z.number(), annualValue: z.number() })),
  }),
  compliance: z.object({
    standards: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
    providers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        /** Every standard it carries met (after challenges); false when any is not met or lacks data. */
        allMet: z.boolean(),
        cells: z.array(matrixCell),
      }),
    ),
  }),
  qualityPremium: z.array(
    z.object({
      schemeId: z.string(),
      name: z.string(),
      periods: z.array(
        z.object({
          period: z.string(),
          periodLabel: z.string(),
          /** approved (frozen), draft (computed, awaiting approval) or not_computed. */
          status: z.enum(["approved", "draft", "not_computed"]),
          total: z.number().nullable(),
          approvedAt: timestamp.nullable(),
        }),
      ),
    }),
  ),
  priceFloor: z.object({
    /** False until the price-floor calculator is available: nothing is compared. */
    available: z.boolean(),
    /** The financial year the prices are compared in (2025-26) and its floor per contact hour. */
    year: z.string(),
    floor: z.number().nullable(),
    visitMinutes: z.number().nullable(),
    prices: z.array(
      z.object({
        contractId: z.string(),
        reference: z.string(),
        contractName: z.string(),
        providerId: z.string(),
        providerName: z.string(),
        band: z.string(),
        unit: z.enum(PRICE_UNITS),
        price: z.number(),
        floor: z.number(),
        gap: z.number(),
      }),
    ),
    feeRates: z.array(
      z.object({
        id: z.string(),
        year: z.string(),
        band: z.string(),
        rate: z.number(),
        floor: z.number(),
        gap: z.number(),
      }),
    ),
  }),
  trend: z.array(
    z.object({
      period: z.string(),
      periodLabel: z.string(),
      /** Results computed for the period (each contract's standard once). */
      results: z.number(),
      met: z.number(),
      /** Met as a share of all results: not enough data counts against, never as met. */
      metShare: z.number().nullable(),
      providers: z.number(),
      providersAllMet: z.number(),
    }),
  ),
  attention: z.array(attentionItem),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;
