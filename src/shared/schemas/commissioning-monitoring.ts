import { z } from "zod";
import { PERIOD_PATTERN, periodBounds, periodOf, previousPeriod } from "../commissioning";
import { day, timestamp } from "./common";

// Enter once, reuse everywhere (issue 19 item 5): the contract-monitoring return a provider
// confirms for each council it holds a contract with, each quarter (figures from the hub, as at
// the quarter end; the provider declares only what the hub cannot know), and the workforce fields
// of the NHS Capacity Tracker.

/** How a figure is written. */
export type FigureFormat = "count" | "share" | "pounds" | "days";

/**
 * The figures of the contract-monitoring return, in order: each is one of the figures engine's
 * (docs/metrics.md), as at the quarter's last day, with what it is and where it comes from.
 */
export const RETURN_FIGURES: { name: string; label: string; format: FigureFormat; source: string }[] = [
  {
    name: "filled_posts",
    label: "Filled posts",
    format: "count",
    source: "Staff records in post on the day, any contract but agency",
  },
  {
    name: "employed_headcount",
    label: "Directly employed staff (headcount)",
    format: "count",
    source: "Staff records in post on the day on permanent or temporary contracts",
  },
  {
    name: "vacancies",
    label: "Vacancies",
    format: "count",
    source: "Vacancies open on the day (or the count in your ASC-WDS workplace file where you keep no vacancies)",
  },
  {
    name: "vacancy_rate",
    label: "Vacancy rate",
    format: "share",
    source: "Vacancies as a share of directly employed staff plus vacancies",
  },
  {
    name: "starter_rate",
    label: "Starters in the 12 months",
    format: "share",
    source: "Staff records starting in the 12 months to the day, as a share of directly employed staff",
  },
  {
    name: "leavers_12m",
    label: "Leavers in the 12 months",
    format: "count",
    source: "Staff records with a leaving date in the 12 months to the day",
  },
  {
    name: "turnover_rate",
    label: "Staff turnover",
    format: "share",
    source: "Leavers in the 12 months as a share of directly employed staff",
  },
  {
    name: "agency_rate",
    label: "Agency workers",
    format: "share",
    source: "Agency workers in post as a share of agency and directly employed staff",
  },
  {
    name: "zero_hours_share",
    label: "On zero-hours contracts",
    format: "share",
    source: "Staff records marked zero-hours, of those with it recorded",
  },
  {
    name: "permanent_share",
    label: "On permanent contracts",
    format: "share",
    source: "Permanent staff as a share of filled posts",
  },
  {
    name: "below_rlw_share",
    label: "Care staff paid below the Real Living Wage",
    format: "share",
    source: "Care-providing staff aged 18 or over with pay recorded, paid below the Real Living Wage on the day",
  },
  {
    name: "pay_median_hourly.care_worker",
    label: "Care worker median hourly pay",
    format: "pounds",
    source: "Hourly pay recorded for care workers (salaries by contracted hours)",
  },
  {
    name: "pay_median_hourly.senior_care_worker",
    label: "Senior care worker median hourly pay",
    format: "pounds",
    source: "Hourly pay recorded for senior care workers (salaries by contracted hours)",
  },
  {
    name: "training_compliance",
    label: "Mandatory training up to date",
    format: "share",
    source: "Training records valid on the day, of the training you require for each role",
  },
  {
    name: "care_certificate_completed_share",
    label: "Care Certificate completed",
    format: "share",
    source: "Care-providing staff with the Care Certificate completed, of those with it recorded",
  },
  {
    name: "sickness_days_mean",
    label: "Sickness days per person (12 months)",
    format: "days",
    source: "Days sick in your ASC-WDS staff records, directly employed staff with it recorded",
  },
  {
    name: "completeness_score",
    label: "Completeness of your records",
    format: "share",
    source: "The share of the fields ASC-WDS funding asks for that your staff records fill in",
  },
];
export const RETURN_FIGURE_NAMES = RETURN_FIGURES.map((f) => f.name);

/** What a contract's units delivered are counted in, by service type. */
export const DELIVERY_UNITS: Record<string, string> = {
  home_care: "hours delivered",
  care_home: "bed weeks",
  nursing_home: "bed weeks",
  supported_living: "hours delivered",
  other: "units delivered",
};
export const deliveryUnitOf = (serviceType: string) => DELIVERY_UNITS[serviceType] ?? "units delivered";

/**
 * The quarter a council's return period asks the contract-monitoring return for: the quarter its
 * period end closes, or, for a period ending inside a quarter, the last quarter ended by then.
 */
export function monitoringQuarterOf(periodEnd: string) {
  const q = periodOf(periodEnd);
  return periodBounds(q).end === periodEnd ? q : previousPeriod(q);
}

// Inputs.

const periodText = z
  .string({ error: "Enter the quarter, for example 2026-Q1" })
  .regex(PERIOD_PATTERN, "Enter the quarter like 2026-Q1 (the year, -Q and the quarter 1 to 4)");

export const monitoringPeriodQuery = z.object({ period: periodText.optional() });
export type MonitoringPeriodQuery = z.infer<typeof monitoringPeriodQuery>;

export const confirmMonitoringInput = z.object({
  paidTravel: z.boolean({ error: "Say whether care workers are paid for travel time between visits" }),
  deliveries: z
    .array(
      z.object({
        contractId: z.uuid("Choose a contract from this return"),
        units: z
          .number({ error: "Enter the units delivered as a number, or leave it empty" })
          .min(0, "Units delivered cannot be negative")
          .max(10_000_000, "Units delivered must be 10,000,000 or fewer")
          .nullable(),
      }),
    )
    .max(200, "A return holds at most 200 contracts")
    .default([]),
  /** The figures' fingerprint as shown: confirming refuses figures that changed since. */
  fingerprint: z.string().max(64).optional(),
});
export type ConfirmMonitoringInput = z.input<typeof confirmMonitoringInput>;

export const capacityTrackerQuery = z.object({
  at: z.iso
    .date("Enter the date as YYYY-MM-DD, for example 2026-06-01")
    // Year 0 passes as an ISO date but is not one PostgreSQL can hold (it answered a 500).
    .refine((d) => d >= "1900-01-01", "Enter a date from 1900 on")
    .optional(),
});
export type CapacityTrackerQuery = z.infer<typeof capacityTrackerQuery>;

// Answers.

export const MONITORING_STATUSES = ["confirmed", "overdue", "due", "open"] as const;
export const monitoringStatus = z.enum(MONITORING_STATUSES);
export type MonitoringStatus = z.infer<typeof monitoringStatus>;
export const MONITORING_STATUS_LABELS: Record<MonitoringStatus, string> = {
  confirmed: "Confirmed",
  overdue: "Overdue",
  due: "Due",
  open: "Not confirmed",
};

export const returnFigureView = z.object({
  name: z.string(),
  label: z.string(),
  format: z.enum(["count", "share", "pounds", "days"]),
  source: z.string(),
  value: z.number().nullable(),
  n: z.number(),
  /** Why there is no value: no_data or not_enough_data. */
  reason: z.string().nullable(),
  /** Part of it is a count declared in an ASC-WDS workplace file. */
  declared: z.boolean(),
});
export type ReturnFigureView = z.infer<typeof returnFigureView>;

export const returnContractView = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  serviceType: z.string(),
  /** "hours delivered", "bed weeks". */
  unitLabel: z.string(),
  /** Units the provider declared (null: none). */
  units: z.number().nullable(),
  /** Units the council recorded itself for the quarter (they stand over the provider's). */
  councilUnits: z.number().nullable(),
  /** The contract's own workplaces (none: all the provider's). */
  workplaces: z.number(),
  /** The same figures over the contract's workplaces, when it names some. */
  figures: z.array(returnFigureView).nullable(),
});
export type ReturnContractView = z.infer<typeof returnContractView>;

export const monitoringReturnView = z.object({
  council: z.object({ id: z.string(), name: z.string() }),
  provider: z.object({ id: z.string(), name: z.string() }),
  period: z.string(),
  periodLabel: z.string(),
  asAt: day,
  status: monitoringStatus,
  /** The due date of the council's return period that asks for it, if one does. */
  dueDate: day.nullable(),
  figures: z.array(returnFigureView),
  contracts: z.array(returnContractView),
  /** Null until confirmed. */
  paidTravel: z.boolean().nullable(),
  confirmedAt: timestamp.nullable(),
  /** Of the figures as shown (sent back on confirming). */
  fingerprint: z.string(),
});
export type MonitoringReturnView = z.infer<typeof monitoringReturnView>;
export const monitoringReturnResponse = z.object({ return: monitoringReturnView });
export type MonitoringReturnResponse = z.infer<typeof monitoringReturnResponse>;

export const monitoringReturnsResponse = z.object({
  returns: z.array(
    z.object({
      council: z.object({ id: z.string(), name: z.string() }),
      period: z.string(),
      periodLabel: z.string(),
      asAt: day,
      status: monitoringStatus,
      dueDate: day.nullable(),
      confirmedAt: timestamp.nullable(),
      contracts: z.number(),
    }),
  ),
});
export type MonitoringReturnsResponse = z.infer<typeof monitoringReturnsResponse>;

export const councilMonitoringResponse = z.object({
  period: z.string(),
  periodLabel: z.string(),
  asAt: day,
  /** The latest quarter that has ended (the default). */
  latestPeriod: z.string(),
  dueDate: day.nullable(),
  confirmed: z.number(),
  providers: z.array(
    z.object({
      provider: z.object({ id: z.string(), name: z.string() }),
      status: monitoringStatus,
      confirmedAt: timestamp.nullable(),
      paidTravel: z.boolean().nullable(),
      contracts: z.array(
        z.object({
          id: z.string(),
          reference: z.string(),
          name: z.string(),
          unitLabel: z.string(),
          units: z.number().nullable(),
        }),
      ),
      /** The figures as confirmed (null until then). */
      figures: z.array(returnFigureView).nullable(),
    }),
  ),
});
export type CouncilMonitoringResponse = z.infer<typeof councilMonitoringResponse>;

// The NHS Capacity Tracker's workforce fields.

export const STAFF_TYPES = ["registered_nurse", "care", "non_care", "not_recorded"] as const;
export type StaffType = (typeof STAFF_TYPES)[number];
export const STAFF_TYPE_LABELS: Record<StaffType, string> = {
  registered_nurse: "Registered nurses",
  care: "Care workers (care-providing roles)",
  non_care: "Non-care staff",
  not_recorded: "Role not recorded",
};
export const byStaffType = z.object({
  registered_nurse: z.number(),
  care: z.number(),
  non_care: z.number(),
  not_recorded: z.number(),
  total: z.number(),
});
export type ByStaffType = z.infer<typeof byStaffType>;

export const capacityRowView = z.object({
  /** Directly employed staff in post (permanent and temporary). */
  employed: byStaffType,
  /** Bank or pool staff in post. */
  bank: byStaffType,
  /** Agency workers in post. */
  agency: byStaffType,
  /** Open vacancies; "not recorded" holds counts from an ASC-WDS workplace file, which carry no role. */
  vacancies: byStaffType,
  /** Students, volunteers and other contracts in post (in filled posts, not in the tracker's fields). */
  otherContracts: z.number(),
  /** The engine's filled posts: employed + bank + other contracts. */
  filledPosts: z.number(),
  /** Mean days sick in the 12 months, directly employed staff with it recorded (not today's absence). */
  sicknessDaysMean: z.number().nullable(),
  sicknessN: z.number(),
});
export type CapacityRowView = z.infer<typeof capacityRowView>;

export const capacityTrackerResponse = z.object({
  at: day,
  workplaces: z.array(
    capacityRowView.extend({
      id: z.string(),
      name: z.string(),
      localRef: z.string(),
      cqcLocationId: z.string().nullable(),
    }),
  ),
  total: capacityRowView,
});
export type CapacityTrackerResponse = z.infer<typeof capacityTrackerResponse>;

/** A figure's value in words: 12.5%, £12.60, 4.2 days, 1,234 (no value: "No data"). */
export function formatFigure(value: number | null, format: FigureFormat, reason: string | null = null) {
  if (value === null) return reason === "not_enough_data" ? "Not enough data" : "No data";
  if (format === "share") return `${(Math.round(value * 1000) / 10).toLocaleString("en-GB")}%`;
  if (format === "pounds")
    return `£${value.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (format === "days") return `${(Math.round(value * 10) / 10).toLocaleString("en-GB")} days`;
  return Math.round(value).toLocaleString("en-GB");
}
