// The headline figures of a dashboard (issue 4), in the order a council reads them, with how to
// show them and which way is better (for targets and red/amber/green). Names as in docs/metrics.md.

export type MetricKind = "rate" | "money" | "count";
export interface Headline {
  name: string;
  label: string;
  kind: MetricKind;
  /** Which way is better; figures without one (a count, an age share) take no target. */
  better?: "higher" | "lower";
}

export const HEADLINES: Headline[] = [
  { name: "filled_posts", label: "Filled posts", kind: "count" },
  { name: "vacancy_rate", label: "Vacancy rate", kind: "rate", better: "lower" },
  { name: "turnover_rate", label: "Turnover rate", kind: "rate", better: "lower" },
  { name: "starter_rate", label: "Starter rate", kind: "rate" },
  { name: "stability_index", label: "Stability index", kind: "rate", better: "higher" },
  { name: "system_retention", label: "Kept in the local system", kind: "rate", better: "higher" },
  { name: "agency_rate", label: "Agency rate", kind: "rate", better: "lower" },
  { name: "agency_spend", label: "Agency spend, last 12 months", kind: "money", better: "lower" },
  { name: "permanent_share", label: "Permanent contracts", kind: "rate", better: "higher" },
  { name: "zero_hours_share", label: "Zero-hours contracts", kind: "rate", better: "lower" },
  { name: "pay_median_hourly.care_worker", label: "Median hourly pay, care workers", kind: "money", better: "higher" },
  {
    name: "pay_median_hourly.senior_care_worker",
    label: "Median hourly pay, senior care workers",
    kind: "money",
    better: "higher",
  },
  { name: "below_rlw_share", label: "Paid below the Real Living Wage", kind: "rate", better: "lower" },
  { name: "age_55_plus_share", label: "Aged 55 and over", kind: "rate" },
  { name: "age_under_30_share", label: "Aged under 30", kind: "rate" },
  { name: "no_relevant_qual_share", label: "No relevant social care qualification", kind: "rate", better: "lower" },
  { name: "training_compliance", label: "Mandatory training in date", kind: "rate", better: "higher" },
  { name: "ethnicity_unknown_share", label: "Ethnicity not known", kind: "rate", better: "lower" },
  { name: "completeness_score", label: "Data completeness", kind: "rate", better: "higher" },
];
export const HEADLINE_NAMES = HEADLINES.map((h) => h.name);

/** A figure's value as people read it: a rate as a percentage to one decimal, money in pounds, a count with commas. */
export function formatValue(value: number, kind: MetricKind): string {
  if (kind === "rate") return `${(value * 100).toFixed(1)}%`;
  if (kind === "money") return value >= 1000 ? `£${Math.round(value).toLocaleString("en-GB")}` : `£${value.toFixed(2)}`;
  return value.toLocaleString("en-GB");
}

/** Red, amber or green against a target: amber is within this fraction of the target's value. */
export const AMBER_BAND = 0.1;
export type Rag = "green" | "amber" | "red";

/**
 * Green when the figure meets the target, amber when it misses by no more than AMBER_BAND of the
 * target, red beyond that.
 */
export function ragOf(value: number | null, target: number | null | undefined, better: Headline["better"]): Rag | null {
  if (value === null || target === null || target === undefined || !better) return null;
  const miss = better === "lower" ? value - target : target - value;
  if (miss <= 0) return "green";
  return miss <= Math.abs(target) * AMBER_BAND ? "amber" : "red";
}

/** Where leavers went (the leavers flow on the dashboards), in words. */
export type FlowDestination =
  | "another_local_provider"
  | "same_employer_other_role"
  | "social_care_elsewhere"
  | "health"
  | "other_sector"
  | "retired"
  | "not_known";
export const FLOW_LABELS: Record<FlowDestination, string> = {
  another_local_provider: "Another provider in this area",
  same_employer_other_role: "Another role with the same employer",
  social_care_elsewhere: "Social care elsewhere",
  health: "Health (for example the NHS)",
  other_sector: "Out of the sector",
  retired: "Retired",
  not_known: "Not known",
};
