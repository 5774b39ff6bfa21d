// Commissioning on workforce standards (issue 19): the kinds of standard a council can write into
// a contract, the periods compliance is measured in, and what a result means. Shared by the
// server (which computes results) and the client (which explains them). Each kind is a rule over
// one of the figures engine's figures (docs/metrics.md) or over the hub's own records.

/** The services a contract buys. */
export const SERVICE_TYPES = ["home_care", "care_home", "nursing_home", "supported_living", "other"] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  home_care: "Home care",
  care_home: "Care home",
  nursing_home: "Care home with nursing",
  supported_living: "Supported living",
  other: "Other",
};

/** What a unit price is for. */
export const PRICE_UNITS = ["hour", "week", "night", "session"] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];
export const PRICE_UNIT_LABELS: Record<PriceUnit, string> = {
  hour: "per contact hour",
  week: "per bed per week",
  night: "per night",
  session: "per session",
};

export const COMPLIANCE_STATUSES = ["met", "not_met", "not_enough_data"] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
/** Red, amber, green said in words (never colour alone). */
export const COMPLIANCE_LABELS: Record<ComplianceStatus, string> = {
  met: "Met",
  not_met: "Not met",
  not_enough_data: "Not enough data",
};

/** Where a standard's evidence comes from. */
export type StandardSource = "figure" | "records" | "declaration";
/** How the evidence is compared with the threshold. */
export type Comparison = "at_most" | "at_least" | "yes";
/** How a threshold is written: a share (0–1, shown as a percentage), pounds, or nothing (yes/no). */
export type ThresholdUnit = "share" | "pounds" | "none";

export interface StandardKind {
  label: string;
  /** What the commissioner reads when choosing it. */
  description: string;
  source: StandardSource;
  /** The engine's figure the rule reads (docs/metrics.md name), for source "figure". */
  figure?: string;
  comparison: Comparison;
  unit: ThresholdUnit;
  defaultThreshold: number | null;
  /** Fewer records than this behind the figure is "not enough data" (never counted as met). */
  minN: number;
  /** The time the evidence covers, in words. */
  measuredOver: string;
  /** What a provider can do about a "not met", in plain words. */
  toFix: string;
}

export const STANDARD_KINDS = {
  rlw_floor: {
    label: "Care workers paid at least the Real Living Wage",
    description:
      "The share of care-providing staff aged 18 or over paid below the Real Living Wage must not exceed the threshold (0% means everyone).",
    source: "figure",
    figure: "below_rlw_share",
    comparison: "at_most",
    unit: "share",
    defaultThreshold: 0,
    minN: 5,
    measuredOver: "as at the last day of the period",
    toFix:
      "Raise the pay of care-providing staff below the Real Living Wage, and check every worker's pay is in the hub.",
  },
  senior_margin: {
    label: "Senior care workers paid a margin above the Real Living Wage",
    description:
      "The median hourly pay of senior care workers must be at least the Real Living Wage plus this margin, in pounds.",
    source: "figure",
    figure: "pay_median_hourly.senior_care_worker",
    comparison: "at_least",
    unit: "pounds",
    defaultThreshold: 0.5,
    minN: 3,
    measuredOver: "as at the last day of the period",
    toFix:
      "Pay senior care workers at least the margin above the Real Living Wage, and keep their pay up to date in the hub.",
  },
  zero_hours_max: {
    label: "Limit on zero-hours contracts",
    description: "The share of staff on zero-hours contracts must not exceed the threshold.",
    source: "figure",
    figure: "zero_hours_share",
    comparison: "at_most",
    unit: "share",
    defaultThreshold: 0.1,
    minN: 5,
    measuredOver: "as at the last day of the period",
    toFix: "Offer guaranteed-hours contracts to staff who want them, and record each worker's zero-hours status.",
  },
  turnover_max: {
    label: "Staff turnover below a threshold",
    description:
      "Leavers in the 12 months to the period end, as a share of directly employed staff, must not exceed the threshold.",
    source: "figure",
    figure: "turnover_rate",
    comparison: "at_most",
    unit: "share",
    defaultThreshold: 0.3,
    minN: 5,
    measuredOver: "the 12 months to the last day of the period",
    toFix: "Look at why staff leave (exit reasons), and at pay, hours and support in the first year.",
  },
  vacancy_max: {
    label: "Vacancy rate below a threshold",
    description: "Open vacancies as a share of employed staff plus vacancies must not exceed the threshold.",
    source: "figure",
    figure: "vacancy_rate",
    comparison: "at_most",
    unit: "share",
    defaultThreshold: 0.1,
    minN: 5,
    measuredOver: "as at the last day of the period",
    toFix: "Fill open posts (advertise on the local job board) and close vacancies that are no longer open.",
  },
  training_min: {
    label: "Mandatory training up to date",
    description:
      "Required training items valid at the period end, as a share of all required items, must be at least the threshold.",
    source: "figure",
    figure: "training_compliance",
    comparison: "at_least",
    unit: "share",
    defaultThreshold: 0.9,
    minN: 5,
    measuredOver: "as at the last day of the period",
    toFix: "Book staff on the mandatory training that has expired or is missing (see the training matrix).",
  },
  care_certificate_min: {
    label: "Care Certificate completed",
    description:
      "The share of care-providing staff with the Care Certificate completed must be at least the threshold.",
    source: "figure",
    figure: "care_certificate_completed_share",
    comparison: "at_least",
    unit: "share",
    defaultThreshold: 0.8,
    minN: 5,
    measuredOver: "as at the last day of the period",
    toFix: "Enrol new care staff on the Care Certificate and record completions in the hub.",
  },
  career_endorsed: {
    label: "Career pathways: endorses the council's career framework",
    description: "The provider has endorsed the council's published career framework by the period end.",
    source: "records",
    comparison: "yes",
    unit: "none",
    defaultThreshold: null,
    minN: 0,
    measuredOver: "as at the last day of the period",
    toFix: "Endorse the council's career framework and map your job titles to its roles.",
  },
  paid_travel: {
    label: "Travel time paid",
    description:
      "The provider confirms in its contract-monitoring return that care workers are paid for travel time between visits.",
    source: "declaration",
    comparison: "yes",
    unit: "none",
    defaultThreshold: null,
    minN: 0,
    measuredOver: "the period, as declared in its contract-monitoring return",
    toFix:
      "Pay travel time between visits at least at the wage floor, and confirm it in your contract-monitoring return.",
  },
  returns_on_time: {
    label: "Data returns on time and complete",
    description:
      "The provider's data return for the period was submitted by its due date with a completeness score of at least the threshold.",
    source: "records",
    comparison: "at_least",
    unit: "share",
    defaultThreshold: 0.9,
    minN: 0,
    measuredOver: "the council's return period ending in the period",
    toFix: "Submit the data return by its due date, with every required field filled in for each worker.",
  },
} as const satisfies Record<string, StandardKind>;
export type StandardKindKey = keyof typeof STANDARD_KINDS;
export const STANDARD_KIND_KEYS = Object.keys(STANDARD_KINDS) as StandardKindKey[];

/** The evidence a result rests on. */
export interface Evidence {
  /** The figure's value (a share, pounds, or 1/0 for yes/no); null when there is none. */
  value: number | null;
  /** How many records it rests on. */
  n: number;
  /** The date the figure is as at. */
  asAt: string;
}

/**
 * Whether a standard is met by its evidence. No value, or fewer records than the kind's minimum,
 * is "not enough data", which is never counted as met.
 */
export function evaluateStandard(
  kind: StandardKindKey,
  threshold: number | null,
  evidence: Evidence,
): ComplianceStatus {
  const k: StandardKind = STANDARD_KINDS[kind];
  if (evidence.value === null || evidence.n < k.minN) return "not_enough_data";
  if (k.comparison === "yes") return evidence.value >= 1 ? "met" : "not_met";
  const t = threshold ?? k.defaultThreshold ?? 0;
  // Shares are compared to 6 places so 0.1 (a threshold) and 1/10 (a figure) are equal.
  const v = Math.round(evidence.value * 1e6) / 1e6;
  const limit = Math.round(t * 1e6) / 1e6;
  return (k.comparison === "at_most" ? v <= limit : v >= limit) ? "met" : "not_met";
}

/** A result as it stands after any accepted challenge: the commissioner's override wins. */
export function effectiveStatus(r: { status: ComplianceStatus; overrideStatus?: ComplianceStatus | null }) {
  return r.overrideStatus ?? r.status;
}

// Periods: calendar quarters, written 2026-Q3 (July to September 2026).

// The year from 1000: a quarter of year 0 (or before 1000) is not a date an ISO string or
// PostgreSQL can hold, and asking for one answered a 500.
export const PERIOD_PATTERN = /^([1-9]\d{3})-Q([1-4])$/;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function isPeriod(text: string) {
  return PERIOD_PATTERN.test(text);
}

/** A quarter's first and last days (ISO dates) and its name in words. */
export function periodBounds(period: string) {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new Error(`Not a period: ${period} (write it like 2026-Q3)`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const firstMonth = (q - 1) * 3;
  const start = `${year}-${String(firstMonth + 1).padStart(2, "0")}-01`;
  const endDay = new Date(Date.UTC(year, firstMonth + 3, 0)).getUTCDate();
  const end = `${year}-${String(firstMonth + 3).padStart(2, "0")}-${String(endDay).padStart(2, "0")}`;
  return { start, end, label: `${MONTHS[firstMonth]} to ${MONTHS[firstMonth + 2]} ${year}` };
}

/** The quarter a date falls in. */
export function periodOf(date: string) {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter before. */
export function previousPeriod(period: string) {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new Error(`Not a period: ${period}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The last whole quarter before a date: the latest one compliance can be measured for. */
export function lastEndedPeriod(today: string) {
  return previousPeriod(periodOf(today));
}
