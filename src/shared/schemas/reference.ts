import { z } from "zod";
import { day, timestamp } from "./common";
import { freeText } from "./text";

const date = z.iso.date("Enter a real date as YYYY-MM-DD");
const source = freeText(
  z
    .string()
    .trim()
    .min(3, "Say where the figure comes from (a link or a publication)")
    .max(1000, "Keep the source under 1,000 characters"),
  "The source",
);
const note = freeText(z.string().trim().max(1000, "Keep the note under 1,000 characters"), "The note", {
  multiLine: true,
}).nullable();

/** A hub admin's correction of a pay floor: the rate, its dates, its source. */
export const payFloorUpdate = z
  .object({
    hourlyRate: z
      .number({ error: "Enter the hourly rate in pounds, like 12.60" })
      .positive("The rate must be above £0")
      .max(100, "Enter the rate in pounds an hour (under £100)"),
    applicableFrom: date,
    announcedOn: date.nullable(),
    source,
    note,
  })
  .partial()
  .refine(
    (v) => Object.keys(v).length > 0,
    "Change at least one of hourlyRate, applicableFrom, announcedOn, source or note",
  );

/** A new pay floor (a new Real Living Wage year, or a new April's statutory bands). */
export const payFloorCreate = z.object({
  kind: z.enum(["rlw", "nlw"], {
    error: "kind is rlw (Real Living Wage) or nlw (National Living Wage or Minimum Wage band)",
  }),
  band: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]+$/, "band is a short code such as uk, london, 21_plus, 18_20, under_18 or apprentice"),
  minAge: z.number().int().min(0).max(100).nullable(),
  maxAge: z.number().int().min(0).max(100).nullable(),
  rateYear: freeText(z.string().trim().min(4, "Give the rate year, like 2026/27").max(20), "The rate year"),
  hourlyRate: z
    .number({ error: "Enter the hourly rate in pounds, like 12.60" })
    .positive("The rate must be above £0")
    .max(100, "Enter the rate in pounds an hour (under £100)"),
  announcedOn: date.nullable(),
  applicableFrom: date,
  source,
  note,
});

/** A hub admin's correction of a national comparator. */
export const comparatorUpdate = z
  .object({
    value: z.number({ error: "Enter the figure as a number (rates as fractions, like 0.083 for 8.3%)" }),
    definition: freeText(z.string().trim().min(3).max(500), "The definition"),
    source,
    note,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one of value, definition, source or note");

/** A new comparator: a figure from a new edition is a new row, never an edit of an older edition's. */
export const comparatorCreate = z.object({
  metric: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9_]+(\.[a-z0-9_]+)?$/,
      "metric is a name from docs/metrics.md, like vacancy_rate or pay_median_hourly.care_worker",
    ),
  publisher: z.enum(["sfc", "dfe"], { error: "publisher is sfc (Skills for Care) or dfe (Department for Education)" }),
  edition: freeText(z.string().trim().min(3).max(300), "The edition"),
  period: freeText(z.string().trim().min(4).max(20), "The period"),
  coverage: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, "coverage is like england or england.domiciliary"),
  value: z.number({ error: "Enter the figure as a number (rates as fractions, like 0.083 for 8.3%)" }),
  definition: freeText(z.string().trim().min(3).max(500), "The definition"),
  source,
  note,
});

export const comparatorQuery = z.object({ metric: z.string().max(100).optional() });

export const metricsQuery = z.object({
  scope: z.string().max(200).optional(),
  at: z.iso.date("at is a date as YYYY-MM-DD").optional(),
  metrics: z
    .string()
    .max(2000)
    .optional()
    .transform((s) =>
      s
        ? s
            .split(",")
            .map((m) => m.trim())
            .filter(Boolean)
        : [],
    ),
});

export const dashboardQuery = z.object({
  at: z.iso.date("at is a date as YYYY-MM-DD").optional(),
  provider: z.uuid("provider is the id of a provider you commission").optional(),
});

export const targetsInput = z.object({
  targets: z.record(
    z.string().max(100),
    z.number({ error: "Enter each target as a number, or leave it empty to remove it" }).nullable(),
  ),
});

export const publicPageInput = z.object({ enabled: z.boolean({ error: "enabled is true or false" }) });

/** A council's draft career framework (checked in full by the server: shared/career/framework.ts). */
export const frameworkDraftInput = z.object({ document: z.unknown() });
export const jobTitleInput = z.object({
  title: freeText(
    z
      .string()
      .trim()
      .min(2, "Enter the job title, at least 2 characters")
      .max(120, "Job titles are at most 120 characters"),
    "The job title",
  ),
  roleKey: z.string().min(1, "Choose the framework role this job title is"),
});

const isoDateOrNull = z.iso.date("Enter a real date as YYYY-MM-DD").nullable().optional();
export const goalInput = z.object({
  title: freeText(
    z.string().trim().min(3, "Describe the goal in at least 3 characters").max(200, "Goals are at most 200 characters"),
    "The goal",
  ),
  roleKey: z.string().max(100).nullable().optional(),
  dueOn: isoDateOrNull,
});
export const goalUpdateInput = z
  .object({ doneOn: isoDateOrNull, dueOn: isoDateOrNull })
  .refine((g) => g.doneOn !== undefined || g.dueOn !== undefined, {
    message: "Send doneOn (the date it was done, or null) or dueOn (a new date, or null)",
  });
export const planShareInput = z.object({ shared: z.boolean({ error: "shared is true or false" }) });

// Answers.

export const payFloorView = z.object({
  id: z.string(),
  kind: z.string(),
  band: z.string(),
  minAge: z.number().nullable(),
  maxAge: z.number().nullable(),
  rateYear: z.string(),
  hourlyRate: z.number(),
  announcedOn: day.nullable(),
  applicableFrom: day,
  source: z.string(),
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: timestamp,
});
export type PayFloorView = z.infer<typeof payFloorView>;
export const comparatorView = z.object({
  id: z.string(),
  metric: z.string(),
  publisher: z.string(),
  edition: z.string(),
  period: z.string(),
  coverage: z.string(),
  value: z.number(),
  definition: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: timestamp,
});
export type ComparatorView = z.infer<typeof comparatorView>;
export const referenceResponse = z.object({ payFloors: z.array(payFloorView), comparators: z.array(comparatorView) });
export type ReferenceResponse = z.infer<typeof referenceResponse>;
export const payFloorResponse = z.object({ payFloor: payFloorView });
export type PayFloorResponse = z.infer<typeof payFloorResponse>;
export const comparatorResponse = z.object({ comparator: comparatorView });
export type ComparatorResponse = z.infer<typeof comparatorResponse>;
