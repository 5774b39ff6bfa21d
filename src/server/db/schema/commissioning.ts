import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { councilRef, created, organisationRef, pounds, providerRef, updated, userRef } from "./columns";
import { returnPeriods, workplaces } from "./workforce";

// Commissioning on workforce standards (issue 19): a council's contracts with its providers and the
// workforce standards each carries (from the council's library), compliance computed from the
// data per quarter with challenges, the Quality Premium Payment schemes and their schedules, the
// minimum price floor's assumptions, fee rates and tender bids, and the contract-monitoring
// returns providers confirm. Every table carries the council whose contracts they are
// (`council_id`); rows about one provider carry its `provider_id`. Periods are calendar quarters
// written 2026-Q3 (shared/commissioning.ts). Money is in pounds (numeric), shares 0–1.

/** Commissioning's money was declared 14 digits wide (migration 0024), two more than columns.ts's default. */
const contractPounds = (name: string) => pounds(name, 14);
const period = (name: string) => text(name);

/** A standard in the council's library: a kind of rule (STANDARD_KINDS) with its threshold. */
export const commissioningStandards = pgTable(
  "commissioning_standards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    /** A key of STANDARD_KINDS. */
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** A share (0–1), pounds, or null for yes/no kinds. */
    threshold: numeric("threshold", { precision: 12, scale: 4, mode: "number" }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("commissioning_standards_council_idx").on(t.councilId)],
);

/** A contract between the council and a provider. */
export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    providerId: providerRef(),
    /** The council's own reference, unique within the council. */
    reference: text("reference").notNull(),
    name: text("name").notNull(),
    /** A key of SERVICE_TYPES. */
    serviceType: text("service_type").notNull(),
    lot: text("lot").notNull().default(""),
    framework: text("framework").notNull().default(""),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    /** Estimated value a year, in pounds. */
    annualValue: contractPounds("annual_value"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("contracts_council_reference_key").on(t.councilId, t.reference),
    index("contracts_provider_idx").on(t.providerId),
    check("contracts_dates", sql`end_date is null or end_date >= start_date`),
  ],
);

/** A unit price in a contract, by band (for example a visit length, or a needs band). */
export const contractPrices = pgTable(
  "contract_prices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    councilId: councilRef(),
    band: text("band").notNull(),
    /** A key of PRICE_UNITS. */
    unit: text("unit").notNull(),
    price: contractPounds("price").notNull(),
    /** Planned units a week (hours, beds, nights). */
    weeklyVolume: numeric("weekly_volume", { precision: 12, scale: 2, mode: "number" }),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("contract_prices_band_key").on(t.contractId, t.band),
    check("contract_prices_price", sql`price >= 0`),
  ],
);

/** The provider's workplaces a contract covers (none listed = all of them). */
export const contractWorkplaces = pgTable(
  "contract_workplaces",
  {
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    workplaceId: uuid("workplace_id")
      .notNull()
      .references(() => workplaces.id),
    councilId: councilRef(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.workplaceId] })],
);

/** A standard a contract carries, from a period on (its threshold overrides the library's). */
export const contractStandards = pgTable(
  "contract_standards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    councilId: councilRef(),
    standardId: uuid("standard_id")
      .notNull()
      .references(() => commissioningStandards.id),
    threshold: numeric("threshold", { precision: 12, scale: 4, mode: "number" }),
    /** The first period it is measured for. */
    fromPeriod: period("from_period").notNull(),
    /** The first period it no longer applies to (removed), or null. */
    untilPeriod: period("until_period"),
    addedBy: userRef("added_by"),
    createdAt: created(),
  },
  (t) => [uniqueIndex("contract_standards_key").on(t.contractId, t.standardId)],
);

/** A standard's result for a contract and period, with its evidence and any override. */
export const complianceResults = pgTable(
  "compliance_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    providerId: providerRef(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    contractStandardId: uuid("contract_standard_id")
      .notNull()
      .references(() => contractStandards.id, { onDelete: "cascade" }),
    period: period("period").notNull(),
    /** met, not_met or not_enough_data, as computed. */
    status: text("status").notNull(),
    value: numeric("value", { precision: 16, scale: 6, mode: "number" }),
    n: integer("n").notNull().default(0),
    asAt: date("as_at").notNull(),
    /** The working: the figure's name, the threshold, words a person reads. */
    evidence: jsonb("evidence").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when the commissioner accepts a challenge: it wins over the computed status. */
    overrideStatus: text("override_status"),
    overrideNote: text("override_note"),
    overriddenBy: userRef("overridden_by"),
    overriddenAt: timestamp("overridden_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("compliance_results_key").on(t.contractStandardId, t.period),
    index("compliance_results_council_period_idx").on(t.councilId, t.period),
    index("compliance_results_provider_idx").on(t.providerId, t.period),
  ],
);

/** A provider's challenge of a result, and the commissioner's decision. */
export const complianceChallenges = pgTable(
  "compliance_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    providerId: providerRef(),
    resultId: uuid("result_id")
      .notNull()
      .references(() => complianceResults.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    evidence: text("evidence").notNull().default(""),
    /** open, accepted or rejected. */
    status: text("status").notNull().default("open"),
    raisedBy: userRef("raised_by"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: userRef("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    index("compliance_challenges_result_idx").on(t.resultId),
    index("compliance_challenges_council_idx").on(t.councilId, t.status),
  ],
);

/** Units a contract delivered in a period (hours, bed weeks), for per-unit Quality Premium Payments. */
export const contractDeliveries = pgTable(
  "contract_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    councilId: councilRef(),
    period: period("period").notNull(),
    units: numeric("units", { precision: 14, scale: 2, mode: "number" }).notNull(),
    /** council (recorded by the commissioner) or provider_return (from its confirmed return). */
    source: text("source").notNull(),
    recordedBy: userRef("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contract_deliveries_key").on(t.contractId, t.period),
    check("contract_deliveries_units", sql`units >= 0`),
  ],
);

/** A Quality Premium Payment scheme: which standards qualify, how it pays, its cap. */
export const qppSchemes = pgTable(
  "qpp_schemes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    name: text("name").notNull(),
    /** Contracts of this service type take part (null = all). */
    serviceType: text("service_type"),
    /** per_unit (a rate per unit delivered) or per_contract (an amount per contract a period). */
    basis: text("basis").notNull(),
    /** Pounds per unit, or per contract a period. */
    rate: numeric("rate", { precision: 12, scale: 4, mode: "number" }).notNull(),
    /** all_met (all qualifying standards), weighted (the met standards' share of the weights) or tiered. */
    method: text("method").notNull(),
    /** For tiered: [{ minShare, payShare }], the highest tier reached pays. */
    tiers: jsonb("tiers"),
    /** The most paid in a period, in pounds (null = no cap). */
    budgetCap: contractPounds("budget_cap"),
    fromPeriod: period("from_period").notNull(),
    untilPeriod: period("until_period"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("qpp_schemes_council_idx").on(t.councilId)],
);

/** A standard that qualifies for a scheme, with its weight. */
export const qppSchemeStandards = pgTable(
  "qpp_scheme_standards",
  {
    schemeId: uuid("scheme_id")
      .notNull()
      .references(() => qppSchemes.id, { onDelete: "cascade" }),
    standardId: uuid("standard_id")
      .notNull()
      .references(() => commissioningStandards.id),
    councilId: councilRef(),
    weight: numeric("weight", { precision: 8, scale: 2, mode: "number" }).notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.standardId] })],
);

/** A scheme's payment schedule for a period: computed (draft), then approved and frozen. */
export const qppSchedules = pgTable(
  "qpp_schedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schemeId: uuid("scheme_id")
      .notNull()
      .references(() => qppSchemes.id, { onDelete: "cascade" }),
    councilId: councilRef(),
    period: period("period").notNull(),
    /** draft or approved. */
    status: text("status").notNull().default("draft"),
    /** One line per contract: provider, standards met, units, entitlement before and after the cap. */
    lines: jsonb("lines").notNull(),
    total: contractPounds("total").notNull(),
    /** The factor every entitlement was scaled by to keep within the cap (1 = not scaled). */
    scale: numeric("scale", { precision: 10, scale: 8, mode: "number" }).notNull().default(1),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    approvedBy: userRef("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("qpp_schedules_key").on(t.schemeId, t.period)],
);

/** A council's own assumptions for the price floor, per financial year and care type. */
export const priceFloorSettings = pgTable(
  "price_floor_settings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    /** Financial year, written 2025-26. */
    year: text("year").notNull(),
    /** home_care (per contact hour) or care_home (per bed per week). */
    careType: text("care_type").notNull(),
    assumptions: jsonb("assumptions").notNull(),
    updatedBy: userRef("updated_by"),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex("price_floor_settings_key").on(t.councilId, t.year, t.careType)],
);

/** The council's published fee rates, shown against the floor. */
export const feeRates = pgTable(
  "fee_rates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    year: text("year").notNull(),
    serviceType: text("service_type").notNull(),
    band: text("band").notNull(),
    /** A key of PRICE_UNITS. */
    unit: text("unit").notNull(),
    rate: contractPounds("rate").notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex("fee_rates_key").on(t.councilId, t.year, t.serviceType, t.band)],
);

/** A tender the council runs, whose bids are checked against the floor. */
export const tenders = pgTable(
  "tenders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    name: text("name").notNull(),
    serviceType: text("service_type").notNull(),
    year: text("year").notNull(),
    closesOn: date("closes_on"),
    createdAt: created(),
  },
  (t) => [index("tenders_council_idx").on(t.councilId)],
);

/** A bid in a tender: a price per unit, with its visit length for home care. */
export const tenderBids = pgTable(
  "tender_bids",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenderId: uuid("tender_id")
      .notNull()
      .references(() => tenders.id, { onDelete: "cascade" }),
    councilId: councilRef(),
    bidder: text("bidder").notNull(),
    providerId: organisationRef("provider_id"),
    price: contractPounds("price").notNull(),
    visitMinutes: integer("visit_minutes"),
    notes: text("notes").notNull().default(""),
    createdAt: created(),
  },
  (t) => [index("tender_bids_tender_idx").on(t.tenderId), check("tender_bids_price", sql`price >= 0`)],
);

/** A provider's contract-monitoring return for a quarter: figures pre-filled from the hub, confirmed. */
export const monitoringReturns = pgTable(
  "monitoring_returns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    providerId: providerRef(),
    /** The council's return period that asked for it, if any. */
    returnPeriodId: uuid("return_period_id").references(() => returnPeriods.id),
    period: period("period").notNull(),
    asAt: date("as_at").notNull(),
    /** The figures as confirmed (they are the engine's; the provider does not type them). */
    figures: jsonb("figures").notNull(),
    /** What only the provider can say: travel time paid, hours delivered per contract. */
    declarations: jsonb("declarations").notNull(),
    confirmedBy: userRef("confirmed_by"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("monitoring_returns_key").on(t.councilId, t.providerId, t.period)],
);
