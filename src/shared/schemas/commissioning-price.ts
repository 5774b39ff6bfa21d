import { z } from "zod";
import { PRICE_UNITS, SERVICE_TYPES } from "../commissioning";
import { PRICE_FLOOR_CARE_TYPES, PRICE_FLOOR_YEARS } from "../price-floor";
import { day, timestamp } from "./common";
import { freeText } from "./text";

// The minimum price floor, fee rates and tender bids (issue 19 item 4). Requests and responses.

const floorYear = z.enum(PRICE_FLOOR_YEARS, { error: "Choose a year: 2024-25, 2025-26 or 2026-27" });
const careType = z.enum(PRICE_FLOOR_CARE_TYPES, { error: "Choose home care or care home" });
/** A financial year written 2025-26 (fee rates and tenders may be for any year). */
const financialYear = z
  .string({ error: "Enter the financial year, like 2025-26" })
  .trim()
  .regex(/^\d{4}-\d{2}$/, "Enter the financial year like 2025-26")
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), {
    error: "The financial year's second part must be the year after its first, like 2025-26",
  });
const money = (what: string, max = 100_000) =>
  z
    .number({ error: `Enter the ${what} in pounds, as a number` })
    .min(0, `The ${what} cannot be negative`)
    .max(max, `The ${what} is too large: at most £${max.toLocaleString("en-GB")}`)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: `Enter the ${what} in pounds and pence` });
const name = (what: string, max = 200) =>
  freeText(z.string().trim().min(1, `Enter the ${what}`).max(max, `Keep the ${what} under ${max} characters`), what);

// The calculator.

export const priceFloorQuery = z.looseObject({
  year: floorYear.optional(),
  careType: careType.default("home_care"),
});
export type PriceFloorQuery = z.infer<typeof priceFloorQuery>;

export const assumptionsRecord = z.record(z.string(), z.number());

export const priceFloorLine = z.object({
  key: z.string(),
  name: z.string(),
  amount: z.number(),
  basis: z.string(),
});

export const priceFloorResponse = z.object({
  year: floorYear,
  careType,
  unit: z.enum(["hour", "week"]),
  total: z.number(),
  exactTotal: z.number(),
  lines: z.array(priceFloorLine),
  /** Paid hours per unit × (1 + NI rate + pension rate). */
  loadedPaidHours: z.number(),
  /** £ the price rises by for £1 more on the wage. */
  wageSensitivity: z.number(),
  assumptions: assumptionsRecord,
  defaults: assumptionsRecord,
  /** Where the starting point came from: the edition's defaults or the council's saved assumptions. */
  source: z.enum(["defaults", "council"]),
  saved: z.object({ assumptions: assumptionsRecord, updatedAt: timestamp }).nullable(),
  /** The published headline the home care defaults are calibrated to. */
  headline: z.object({ price: z.number(), wage: z.number(), source: z.string(), secondary: z.boolean() }).nullable(),
  canSave: z.boolean(),
});
export type PriceFloorResponse = z.infer<typeof priceFloorResponse>;

export const saveAssumptionsInput = z.object({
  assumptions: z.record(z.string(), z.number({ error: "Each assumption must be a number" })),
});
export type SaveAssumptionsInput = z.infer<typeof saveAssumptionsInput>;

// Against the floor.

export const floorCheck = z.object({
  careType,
  floorYear,
  visitMinutes: z.number().nullable(),
  floor: z.number(),
  belowFloor: z.boolean(),
  gap: z.number(),
  notCovered: z.array(z.object({ key: z.string(), name: z.string(), amount: z.number(), uncovered: z.number() })),
});
export type FloorCheck = z.infer<typeof floorCheck>;

// Fee rates.

export const feeRateInput = z.object({
  year: financialYear,
  serviceType: z.enum(SERVICE_TYPES, { error: "Choose the service" }),
  band: name("band's name", 120),
  unit: z.enum(PRICE_UNITS, { error: "Choose what the rate is for: per hour, week, night or session" }),
  rate: money("rate"),
});
export type FeeRateInput = z.infer<typeof feeRateInput>;

export const feeRateView = z.object({
  id: z.string(),
  year: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  band: z.string(),
  unit: z.enum(PRICE_UNITS),
  rate: z.number(),
  check: floorCheck.nullable(),
  /** Why there is no check, when there is none. */
  noCheck: z.string().nullable(),
});
export type FeeRateView = z.infer<typeof feeRateView>;

export const feeRatesQuery = z.object({ year: financialYear.optional() });
export const feeRatesResponse = z.object({ rates: z.array(feeRateView) });
export type FeeRatesResponse = z.infer<typeof feeRatesResponse>;

// Tenders and bids.

export const tenderInput = z.object({
  name: name("tender's name"),
  serviceType: z.enum(SERVICE_TYPES, { error: "Choose the service" }),
  year: financialYear,
  closesOn: z.iso
    .date("Enter the closing date as a real date")
    // Year 0 passes as an ISO date but is not one PostgreSQL can hold (it answered a 500).
    .refine((d) => d >= "1900-01-01", "Enter the closing date from 1900 on")
    .nullable()
    .default(null),
});
export type TenderInput = z.infer<typeof tenderInput>;

export const bidInput = z.object({
  bidder: name("bidder's name"),
  providerId: z.uuid("Choose a provider from the list, or leave it empty").nullable().default(null),
  price: money("bid price"),
  visitMinutes: z
    .number({ error: "Enter the visit length in minutes, as a number" })
    .int("Enter the visit length in whole minutes")
    .min(5, "A visit must be at least 5 minutes")
    .max(720, "A visit must be at most 720 minutes")
    .nullable()
    .default(null),
  notes: freeText(z.string().trim().max(1000, "Keep the notes under 1,000 characters"), "The notes").default(""),
});
export type BidInput = z.infer<typeof bidInput>;

export const tenderSummary = z.object({
  id: z.string(),
  name: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  year: z.string(),
  closesOn: day.nullable(),
  bids: z.number(),
  belowFloor: z.number(),
  createdAt: timestamp,
});
export type TenderSummary = z.infer<typeof tenderSummary>;
export const tendersResponse = z.object({ tenders: z.array(tenderSummary) });
export type TendersResponse = z.infer<typeof tendersResponse>;

export const bidView = z.object({
  id: z.string(),
  bidder: z.string(),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  price: z.number(),
  visitMinutes: z.number().nullable(),
  notes: z.string(),
  check: floorCheck.nullable(),
  createdAt: timestamp,
});
export type BidView = z.infer<typeof bidView>;

export const tenderResponse = z.object({
  tender: tenderSummary,
  unitLabel: z.string(),
  /** The floor at the council's own assumptions (bids with their own visit length are checked at it). */
  floor: z.number().nullable(),
  noCheck: z.string().nullable(),
  bids: z.array(bidView),
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type TenderResponse = z.infer<typeof tenderResponse>;
