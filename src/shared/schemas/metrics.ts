import { z } from "zod";
import { day, timestamp } from "./common";

// Answers of the workforce intelligence routes. Figure names are those of docs/metrics.md; rates
// are fractions and money is in pounds.

export const figureView = z.object({
  value: z.number().nullable(),
  /** Why there is no value. */
  reason: z.enum(["no_data", "not_enough_data", "suppressed"]).optional(),
  /** How many records the figure rests on. */
  n: z.number(),
  /** Part of the value is a count a provider declared in its workplace file. */
  declared: z.literal(true).optional(),
});
export type FigureView = z.infer<typeof figureView>;
/** Figures by name. */
export const figuresView = z.record(z.string(), figureView);
export type FiguresView = z.infer<typeof figuresView>;

export const metricsResponse = z.object({
  scope: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("employer") }),
    z.object({ kind: z.literal("workplace"), ref: z.string() }),
    z.object({ kind: z.literal("council") }),
    z.object({ kind: z.literal("comparison") }),
    z.object({ kind: z.literal("provider"), id: z.string() }),
  ]),
  at: day,
  /** Each figure's value alone. */
  values: z.record(z.string(), z.number().nullable()),
  figures: figuresView,
});
export type MetricsResponse = z.infer<typeof metricsResponse>;

const trendView = z.array(z.object({ at: day, figures: figuresView }));
const agePyramidView = z.array(z.object({ band: z.string(), female: z.number(), male: z.number(), other: z.number() }));
const distributionsView = z.object({
  agePyramid: agePyramidView,
  pay: z.array(z.object({ from: z.number(), to: z.number().nullable(), count: z.number() })),
  payLines: z.array(z.object({ label: z.string(), hourlyRate: z.number() })),
  leaversByReason: z.array(z.object({ reason: z.number(), label: z.string(), count: z.number() })),
  leaversFlow: z.array(
    z.object({
      destination: z.enum([
        "another_local_provider",
        "same_employer_other_role",
        "social_care_elsewhere",
        "health",
        "other_sector",
        "retired",
        "not_known",
      ]),
      count: z.number(),
    }),
  ),
});
const careersFiguresView = z.object({
  roles: z.array(z.object({ key: z.string(), title: z.string(), pathway: z.string(), count: z.number() })),
  unmapped: z.number(),
  movedUp: z.object({ value: z.number().nullable(), n: z.number(), count: z.number() }),
});
const breakdownView = z.array(z.object({ key: z.string(), label: z.string(), figures: figuresView }));

/** Something a dashboard asks its reader to act on, with what the page links to for the detail. */
export const attentionItem = z.object({
  kind: z.enum([
    "off_target",
    "wrong_way",
    "return_late",
    "return_due",
    "below_nlw",
    "incomplete_data",
    // A council's commissioning (issue 19): see modules/metrics/commissioning-attention.ts.
    "standard_not_met",
    "challenge_open",
    "qpp_approval",
    "below_price_floor",
  ]),
  /** A sentence in plain words. */
  text: z.string(),
  /** The headline figure it is about (its trend is the detail). */
  figure: z.string().optional(),
  /** The provider it is about (a council's drill-down is the detail). */
  providerId: z.string().optional(),
  /** The return period it is about. */
  periodId: z.string().optional(),
});
export type AttentionItem = z.infer<typeof attentionItem>;

export const councilDashboardView = z.object({
  kind: z.literal("council"),
  at: day,
  previousAt: day,
  scope: z.object({ kind: z.enum(["council", "provider"]), id: z.string(), name: z.string() }),
  now: figuresView,
  previous: figuresView,
  targets: z.record(z.string(), z.number()),
  /** What needs attention, most pressing first. */
  attention: z.array(attentionItem),
  byProvider: breakdownView,
  byService: breakdownView,
  trend: trendView,
  distributions: distributionsView,
  careers: careersFiguresView,
});
export type CouncilDashboardView = z.infer<typeof councilDashboardView>;
export const providerDashboardView = z.object({
  kind: z.literal("provider"),
  at: day,
  previousAt: day,
  now: figuresView,
  previous: figuresView,
  /** The comparison group's figures. */
  comparison: figuresView,
  rank: z.record(z.string(), z.object({ rank: z.number(), of: z.number() }).nullable()),
  quality: z.object({ completeness: figuresView, belowNlw: figureView }),
  /** What needs attention, most pressing first. */
  attention: z.array(attentionItem),
  trend: trendView,
  distributions: distributionsView,
  careers: careersFiguresView,
});
export type ProviderDashboardView = z.infer<typeof providerDashboardView>;
export const dashboardResponse = z.discriminatedUnion("kind", [councilDashboardView, providerDashboardView]);
export type DashboardResponse = z.infer<typeof dashboardResponse>;

export const targetsResponse = z.object({ targets: z.record(z.string(), z.number()) });
export type TargetsResponse = z.infer<typeof targetsResponse>;
export const publicPageResponse = z.object({ enabled: z.boolean(), slug: z.string() });
export type PublicPageResponse = z.infer<typeof publicPageResponse>;

/** A council's public page: counts rounded, nothing resting on too few employers or workers. */
export const publicWorkforceResponse = z.object({
  council: z.object({ name: z.string(), slug: z.string(), isDemo: z.boolean() }),
  at: day,
  roundedTo: z.number(),
  now: figuresView,
  /** "A quarter ago": the date the council's dashboard compares with (metrics/dates.ts). */
  previousAt: day,
  previous: figuresView,
  trend: trendView,
  agePyramid: agePyramidView,
});
export type PublicWorkforceResponse = z.infer<typeof publicWorkforceResponse>;

export const hubFiguresResponse = z.object({
  national: z.object({ computedAt: timestamp, at: day, figures: figuresView }).nullable(),
});
export type HubFiguresResponse = z.infer<typeof hubFiguresResponse>;
