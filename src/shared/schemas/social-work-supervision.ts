import { z } from "zod";
import { SUPERVISION_TYPES } from "../social-work";
import { INTERVAL_UNITS, STANDARD_TARGETS } from "../sw-supervision";
import { freeText } from "./text";

// Supervision and caseloads of the council's social work service (issue 20 items 4 and 5):
// requests and responses.

const wholeNumber = (what: string, max: number) =>
  z
    .number({ error: `Enter the ${what} as a whole number` })
    .int(`Enter the ${what} as a whole number`)
    .min(0, `The ${what} cannot be below 0`)
    .max(max, `The ${what} must be ${max} or less`);

// ---- Standards ----

export const standardRowInput = z.object({
  appliesTo: z.enum(STANDARD_TARGETS as [string, ...string[]], {
    error: "Choose who the standard applies to: everyone, an ASYE window or a role",
  }),
  every: z
    .number({ error: "Enter how often as a whole number, like 1" })
    .int("Enter how often as a whole number, like 1")
    .min(1, "Enter how often as 1 or more")
    .max(12, "Enter how often as 12 or less"),
  unit: z.enum(INTERVAL_UNITS, { error: "Choose weeks or months" }),
  minMinutes: z
    .number({ error: "Enter the least minutes as a whole number, like 90" })
    .int("Enter the least minutes as a whole number, like 90")
    .min(15, "Enter at least 15 minutes")
    .max(480, "Enter 480 minutes (8 hours) or less"),
});
export const saveStandardsInput = z.object({
  /** The council's rows; targets left out follow "all" (roles) or the default (ASYE windows). */
  standards: z
    .array(standardRowInput)
    .max(STANDARD_TARGETS.length, "Too many standards")
    .refine((s) => new Set(s.map((x) => x.appliesTo)).size === s.length, {
      error: "Set each standard once: the same group appears twice",
    }),
});
export type SaveStandardsInput = z.infer<typeof saveStandardsInput>;

export const standardView = z.object({
  appliesTo: z.string(),
  label: z.string(),
  every: z.number(),
  unit: z.enum(INTERVAL_UNITS),
  minMinutes: z.number(),
  /** Which row gives it: the target's own, "all", or the default. */
  source: z.string(),
  /** The council set this target's own row. */
  set: z.boolean(),
  interval: z.string(),
});
export const standardsResponse = z.object({ standards: z.array(standardView) });
export type StandardsResponse = z.infer<typeof standardsResponse>;

// ---- Supervisions ----

/** How long it lasted: a supervision of 0 minutes was not held; empty when the length was not noted. */
const minutes = z
  .number({ error: "Enter the minutes as a whole number" })
  .int("Enter the minutes as a whole number")
  .min(1, "Enter the minutes the supervision lasted as 1 or more, or leave it empty if not noted")
  .max(600, "The minutes must be 600 or less");

const supervisionFields = {
  heldOn: z.iso
    .date({ error: "Enter the date it was held as a real date, like 2026-06-15" })
    .refine((d) => d >= "1990-01-01", { error: "Enter a date held from 1990 on" }),
  supervisorStaffId: z.uuid("Choose the supervisor from the list").nullable().default(null),
  type: z.enum(SUPERVISION_TYPES, { error: "Choose the type: reflective, case, group or management" }),
  minutes: minutes.nullable().default(null),
  actions: freeText(
    z.string().trim().max(4000, "Keep the actions agreed under 4,000 characters"),
    "The actions agreed",
    { multiLine: true },
  ).default(""),
};
export const supervisionInput = z.object({
  staffRecordId: z.uuid("Choose the worker supervised"),
  ...supervisionFields,
});
export type SupervisionInput = z.infer<typeof supervisionInput>;
export const supervisionPatch = z.object({
  heldOn: supervisionFields.heldOn.optional(),
  supervisorStaffId: z.uuid("Choose the supervisor from the list").nullable().optional(),
  type: supervisionFields.type.optional(),
  minutes: minutes.nullable().optional(),
  actions: freeText(
    z.string().trim().max(4000, "Keep the actions agreed under 4,000 characters"),
    "The actions agreed",
    { multiLine: true },
  ).optional(),
});
export type SupervisionPatch = z.infer<typeof supervisionPatch>;

export const supervisionView = z.object({
  id: z.string(),
  staffRecordId: z.string(),
  heldOn: z.string(),
  supervisorStaffId: z.string().nullable(),
  supervisorName: z.string().nullable(),
  type: z.string(),
  typeLabel: z.string(),
  minutes: z.number().nullable(),
  /** Shorter than the standard's least minutes. */
  short: z.boolean(),
  actions: z.string(),
  /** The acting user may change or delete it (they recorded it, or they lead the service). */
  canChange: z.boolean(),
});
export type SupervisionView = z.infer<typeof supervisionView>;

export const supervisionStatusView = z.object({
  staffRecordId: z.string(),
  name: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  role: z.string(),
  stage: z.string(),
  stageLabel: z.string(),
  interval: z.string(),
  minMinutes: z.number(),
  lastHeld: z.string().nullable(),
  dueOn: z.string(),
  state: z.enum(["overdue", "due_soon", "ok"]),
  /** Days past the due date (0 unless overdue). */
  daysOverdue: z.number(),
});
export type SupervisionStatusView = z.infer<typeof supervisionStatusView>;

export const teamComplianceView = z.object({
  teamId: z.string(),
  name: z.string(),
  service: z.string(),
  inPost: z.number(),
  overdue: z.number(),
  /** Share of in-post workers not overdue today (0–1), null with nobody in post. */
  complianceNow: z.number().nullable(),
  /** The average of the 12 month-end shares to today. */
  compliance12Months: z.number().nullable(),
});

export const supervisionOverviewResponse = z.object({
  today: z.string(),
  overdue: z.array(supervisionStatusView),
  dueSoon: z.array(supervisionStatusView),
  teams: z.array(teamComplianceView),
  /** Workers in post in the visible teams, for the record form. */
  workers: z.array(z.object({ id: z.string(), name: z.string(), teamName: z.string() })),
  /** Anyone in post in the service, for the supervisor choice. */
  supervisors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SupervisionOverviewResponse = z.infer<typeof supervisionOverviewResponse>;

export const workerSupervisionResponse = z.object({
  status: supervisionStatusView.nullable(),
  supervisions: z.array(supervisionView),
});
export type WorkerSupervisionResponse = z.infer<typeof workerSupervisionResponse>;

// ---- Caseloads ----

export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter the month as YYYY-MM, like 2026-06")
  .refine((m) => m >= "1990-01", { error: "Enter a month from 1990 on" });
export const caseloadMonthQuery = z.object({ month: monthParam.optional() });

export const caseloadEntryInput = z.object({
  staffRecordId: z.uuid("Choose a worker of the team"),
  /** Null: remove the worker's entry for the month (a wrong entry can be cleared, not only changed). */
  openCases: wholeNumber("open cases", 500).nullable(),
  /** Open cases by case type (keys of CASE_TYPES for the team's service); empty: not broken down. */
  byType: z.record(z.string(), wholeNumber("cases of a type", 500)).default({}),
});
export const saveCaseloadsInput = z.object({
  entries: z.array(caseloadEntryInput).min(1, "Enter at least one worker's caseload").max(200, "Too many workers"),
});
export type SaveCaseloadsInput = z.infer<typeof saveCaseloadsInput>;

export const caseloadWorkerView = z.object({
  staffRecordId: z.string(),
  name: z.string(),
  localRef: z.string(),
  role: z.string(),
  fte: z.number(),
  openCases: z.number().nullable(),
  byType: z.record(z.string(), z.number()),
  /** In their ASYE that month: the protected target, and whether the month is within it. */
  protectedTarget: z.number().nullable(),
  withinProtection: z.boolean().nullable(),
});
export const teamCaseloadResponse = z.object({
  teamId: z.string(),
  name: z.string(),
  service: z.string(),
  month: z.string(),
  caseTypes: z.array(z.object({ key: z.string(), label: z.string() })),
  threshold: z.number(),
  average: z.number().nullable(),
  above: z.boolean(),
  workers: z.array(caseloadWorkerView),
});
export type TeamCaseloadResponse = z.infer<typeof teamCaseloadResponse>;

export const teamAverageView = z.object({
  teamId: z.string(),
  name: z.string(),
  service: z.string(),
  threshold: z.number(),
  caseHolders: z.number(),
  entered: z.number(),
  fte: z.number(),
  average: z.number().nullable(),
  above: z.boolean(),
});
export const nqswAboveView = z.object({
  staffRecordId: z.string(),
  name: z.string(),
  teamName: z.string(),
  openCases: z.number(),
  protectedTarget: z.number(),
});
export const caseloadsOverviewResponse = z.object({
  month: z.string(),
  teams: z.array(teamAverageView),
  nqswsAboveProtection: z.array(nqswAboveView),
});
export type CaseloadsOverviewResponse = z.infer<typeof caseloadsOverviewResponse>;

export const workerCaseloadsResponse = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      openCases: z.number(),
      byType: z.record(z.string(), z.number()),
      protectedTarget: z.number().nullable(),
      withinProtection: z.boolean().nullable(),
    }),
  ),
});
export type WorkerCaseloadsResponse = z.infer<typeof workerCaseloadsResponse>;
/** How many workers' entries were saved, and how many removed (an entry sent blank that existed). */
export const savedCaseloadsResponse = z.object({ saved: z.number(), removed: z.number() });
export type SavedCaseloadsResponse = z.infer<typeof savedCaseloadsResponse>;
