import {
  boolean,
  date,
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
import { organisationRef, orgRef, pounds, updated, userRef } from "./columns";

// Reference data: facts from outside the hub that figures are compared with. Shipped with their
// sources (src/server/modules/reference/shipped.ts) and editable by the hub admin.

/**
 * Pay floors: the Real Living Wage (voluntary, UK and London rates, applicable from the employer
 * implementation deadline) and the statutory National Living Wage / Minimum Wage by age band.
 */
export const payFloors = pgTable(
  "pay_floors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** rlw (Real Living Wage) or nlw (National Living Wage and Minimum Wage bands). */
    kind: text("kind").notNull(),
    /** rlw: uk or london. nlw: the age band, for example 21_plus, 18_20, under_18, apprentice. */
    band: text("band").notNull(),
    /** Ages the band covers (null: no bound); the apprentice rate has neither. */
    minAge: integer("min_age"),
    maxAge: integer("max_age"),
    rateYear: text("rate_year").notNull(),
    hourlyRate: pounds("hourly_rate", 6).notNull(),
    announcedOn: date("announced_on"),
    /** rlw: the employer implementation deadline; nlw: the date the rate is law from. */
    applicableFrom: date("applicable_from").notNull(),
    source: text("source").notNull(),
    note: text("note"),
    updatedBy: userRef("updated_by"),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex("pay_floors_kind_band_from_key").on(t.kind, t.band, t.applicableFrom)],
);

/**
 * National comparators: one published figure, named as in docs/metrics.md, from one source and
 * edition (Skills for Care's "State of the adult social care sector" by edition; the DfE
 * children's social work workforce census by year). Editions are never mixed in one series.
 */
export const comparators = pgTable(
  "comparators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    metric: text("metric").notNull(),
    /** sfc or dfe. */
    publisher: text("publisher").notNull(),
    edition: text("edition").notNull(),
    /** The data year the figure describes, for example 2023/24 or 2025 (at 30 September). */
    period: text("period").notNull(),
    /** What it covers: england, or england.domiciliary, england.independent_sector and so on. */
    coverage: text("coverage").notNull(),
    value: numeric("value", { precision: 12, scale: 4, mode: "number" }).notNull(),
    definition: text("definition").notNull(),
    source: text("source").notNull(),
    note: text("note"),
    updatedBy: userRef("updated_by"),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex("comparators_key").on(t.metric, t.publisher, t.edition, t.period, t.coverage)],
);

/**
 * A council's targets for its headline figures (shared/metrics.ts HEADLINES with a direction),
 * in the figure's own unit: rates as fractions, money in pounds.
 */
export const metricTargets = pgTable(
  "metric_targets",
  {
    orgId: orgRef(),
    metric: text("metric").notNull(),
    target: numeric("target", { precision: 14, scale: 4, mode: "number" }).notNull(),
    updatedBy: userRef("updated_by"),
    updatedAt: updated(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.metric] })],
);

/** A council's public "state of the workforce" page: off until the council switches it on. */
export const publicPages = pgTable("public_pages", {
  councilId: organisationRef("council_id").primaryKey(),
  enabled: boolean("enabled").notNull().default(false),
  updatedBy: userRef("updated_by"),
  updatedAt: updated(),
});

/**
 * Figures already worked out (ADR 0009): one row per scope, date and kind of figure, keyed by a
 * hash of what they were computed over, and valid while `fingerprint` (the data versions of the
 * organisations in scope) is unchanged. A cache refreshed by a job, never a source of truth:
 * rows can be deleted at any time and are computed again when asked for.
 */
export const figureSummaries = pgTable("figure_summaries", {
  key: text("key").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  value: jsonb("value").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});
