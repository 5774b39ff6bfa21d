import { z } from "zod";
import { isPeriod } from "../commissioning";
import { AGENCY_ROLE_TYPES, SW_ROLE_KEYS, SW_SERVICES } from "../social-work";
import { AGENCY_RULE_KEYS } from "../sw-agency-rules";
import { recordDate } from "./common";
import { freeText } from "./text";

// Agency social workers (issue 20 item 8): assignments, regional price caps, agency spend, the
// monthly starters, leavers and agency view, and the DfE agency return. Money in pounds.

const line = (what: string, max: number) =>
  freeText(
    z
      .string({ error: `Enter the ${what}` })
      .trim()
      .max(max, `Keep the ${what} under ${max} characters`),
    what,
  );
const required = (what: string, max: number) => line(what, max).min(1, `Enter the ${what}`);
const optional = (what: string, max: number) =>
  line(what, max)
    .nullish()
    .transform((v) => (v ? v : null));
const date = recordDate;
const number = (what: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `Enter the ${what} as a number` })
    .min(min, `The ${what} must be at least ${min}${unit}`)
    .max(max, `The ${what} must be at most ${max}${unit}`);

/** "SW" and digits, as Social Work England writes them (SW123456). */
export const SWE_NUMBER = /^SW\d{1,8}$/;

export const agencyAssignmentInput = z
  .object({
    teamId: z.uuid("Choose the team from the list"),
    role: z.enum(SW_ROLE_KEYS as [string, ...string[]], { error: "Choose the role from the list" }),
    workerName: required("worker's name", 120),
    sweNumber: z
      .string({ error: "Enter the Social Work England number, like SW123456" })
      .trim()
      .regex(SWE_NUMBER, "Enter the Social Work England number as SW followed by digits, like SW123456")
      .nullish()
      .or(z.literal("").transform(() => null))
      .transform((v) => v ?? null),
    agencyName: required("agency's name", 120),
    startDate: date("start date"),
    endDate: date("end date")
      .nullish()
      .transform((v) => v ?? null),
    hourlyRate: number("hourly rate", 1, 500, " pounds"),
    agencyFee: number("agency fee per hour", 0, 200, " pounds").default(0),
    weeklyHours: number("weekly hours", 1, 60, " hours").default(37),
    coversVacancy: z.boolean({ error: "Say whether the assignment covers a vacancy" }).default(true),
    projectTeam: z.boolean({ error: "Say whether the worker is part of a project team" }).default(false),
    noticeWeeks: z
      .number({ error: "Enter the notice period in whole weeks" })
      .int("Enter the notice period in whole weeks")
      .min(0, "The notice period cannot be negative")
      .max(52, "The notice period must be at most 52 weeks")
      .nullish()
      .transform((v) => v ?? null),
    pqeYears: number("post-qualifying experience", 0, 60, " years")
      .nullish()
      .transform((v) => v ?? null),
    asyeCompleted: z
      .boolean({ error: "Say whether the worker completed their ASYE" })
      .nullish()
      .transform((v) => v ?? null),
    leftSubstantiveOn: date("date they left a substantive role")
      .nullish()
      .transform((v) => v ?? null),
    referenceReceived: z.boolean({ error: "Say whether a practice-based reference was received" }).default(false),
    capBreachSignedOffBy: optional("name of who signed off paying above the cap", 120),
    /**
     * The person saving has seen the DfE agency rules the assignment would break and saves it with
     * them flagged: without it, a rule-breaking assignment is refused (422 listing the flags).
     */
    acknowledgedFlags: z.boolean({ error: "Say whether you confirm saving with the flags shown" }).default(false),
  })
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date must be on or after the start date" });
    if (v.leftSubstantiveOn && v.leftSubstantiveOn > v.startDate)
      ctx.addIssue({
        code: "custom",
        path: ["leftSubstantiveOn"],
        message: "The date they left a substantive role must be on or before the assignment's start",
      });
  });
export type AgencyAssignmentInput = z.input<typeof agencyAssignmentInput>;

export const endAssignmentInput = z.object({ endDate: date("end date") });
export type EndAssignmentInput = z.infer<typeof endAssignmentInput>;

export const assignmentsQuery = z.object({
  status: z.enum(["current", "ended", "all"], { error: "Choose current, ended or all" }).default("current"),
  service: z.enum(SW_SERVICES, { error: "Choose adults or children" }).optional(),
});
export type AssignmentsQuery = z.output<typeof assignmentsQuery>;

const flagView = z.object({
  rule: z.enum(AGENCY_RULE_KEYS as [string, ...string[]]),
  level: z.enum(["breach", "report", "check"]),
  text: z.string(),
  source: z.string(),
});
export type AgencyFlagView = z.infer<typeof flagView>;

export const agencyAssignmentView = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  service: z.enum(SW_SERVICES),
  role: z.string(),
  roleLabel: z.string(),
  jobType: z.enum(AGENCY_ROLE_TYPES).nullable(),
  jobTypeLabel: z.string().nullable(),
  workerName: z.string(),
  sweNumber: z.string().nullable(),
  agencyName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  hourlyRate: z.number(),
  agencyFee: z.number(),
  weeklyHours: z.number(),
  weeklyCost: z.number(),
  coversVacancy: z.boolean(),
  projectTeam: z.boolean(),
  noticeWeeks: z.number().nullable(),
  pqeYears: z.number().nullable(),
  asyeCompleted: z.boolean().nullable(),
  leftSubstantiveOn: z.string().nullable(),
  referenceReceived: z.boolean(),
  capBreachSignedOffBy: z.string().nullable(),
  capInForce: z.number().nullable(),
  rulesApply: z.boolean(),
  rulesNote: z.string(),
  flags: z.array(flagView),
});
export type AgencyAssignmentView = z.infer<typeof agencyAssignmentView>;

export const agencyAssignmentsResponse = z.object({
  assignments: z.array(agencyAssignmentView),
  teams: z.array(z.object({ id: z.string(), name: z.string(), service: z.enum(SW_SERVICES) })),
});
export type AgencyAssignmentsResponse = z.infer<typeof agencyAssignmentsResponse>;
export const agencyAssignmentResponse = z.object({ assignment: agencyAssignmentView });
export type AgencyAssignmentResponse = z.infer<typeof agencyAssignmentResponse>;

// Price caps.

export const priceCapInput = z.object({
  roleType: z.enum(AGENCY_ROLE_TYPES, { error: "Choose the DfE job type from the list" }),
  hourlyCap: number("hourly cap", 1, 500, " pounds"),
  fromDate: date("date the cap applies from"),
});
export type PriceCapInput = z.infer<typeof priceCapInput>;
export const priceCapView = z.object({
  id: z.string(),
  roleType: z.enum(AGENCY_ROLE_TYPES),
  roleTypeLabel: z.string(),
  hourlyCap: z.number(),
  fromDate: z.string(),
});
export type PriceCapView = z.infer<typeof priceCapView>;
export const priceCapsResponse = z.object({ caps: z.array(priceCapView) });
export type PriceCapsResponse = z.infer<typeof priceCapsResponse>;

// Spend.

const spendLine = z.object({
  key: z.string(),
  label: z.string(),
  service: z.enum(SW_SERVICES),
  /** Null: withheld from readers of figures only (fewer than 3 agency workers behind it: one's pay would show). */
  last: z.number().nullable(),
  previous: z.number().nullable(),
});
export const agencySpendResponse = z.object({
  /** A total is null when it, or a part it would let one work out, is withheld (see spendLine). */
  last: z.object({ from: z.string(), to: z.string(), total: z.number().nullable() }),
  previous: z.object({ from: z.string(), to: z.string(), total: z.number().nullable() }),
  /** The change as a share of the previous year's (0.58 = up 58%); null when there was none before. */
  change: z.number().nullable(),
  byMonth: z.array(
    z.object({
      month: z.string(),
      adults: z.number().nullable(),
      children: z.number().nullable(),
      total: z.number().nullable(),
    }),
  ),
  byService: z.array(spendLine),
  /** Per team: only for those who may see the assignments (one worker's pay would show). */
  byTeam: z.array(spendLine).nullable(),
});
export type AgencySpendResponse = z.infer<typeof agencySpendResponse>;

// The monthly starters, leavers and agency in post view.

export const startersLeaversQuery = z.object({
  months: z.coerce
    .number({ error: "Enter how many months to show, from 1 to 36" })
    .int("Enter how many months to show, from 1 to 36")
    .min(1, "Show at least 1 month")
    .max(36, "Show at most 36 months")
    .default(12),
  by: z.enum(["service", "team"], { error: "Choose service or team" }).default("service"),
  to: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter the last month as YYYY-MM, like 2026-10")
    .refine((m) => m >= "1900-01", "Enter the last month from 1900 on")
    .optional(),
});
export type StartersLeaversQuery = z.output<typeof startersLeaversQuery>;

export const startersLeaversResponse = z.object({
  by: z.enum(["service", "team"]),
  months: z.array(z.string()),
  groups: z.array(z.object({ key: z.string(), label: z.string(), service: z.enum(SW_SERVICES) })),
  rows: z.array(
    z.object({
      month: z.string(),
      group: z.string(),
      /** The four counts are null when withheld: under 5 staff in post at the month's end, for a
       * reader who does not see the records (flow-disclosure.ts). */
      starters: z.number().nullable(),
      leavers: z.number().nullable(),
      agencyHeadcount: z.number().nullable(),
      agencyFte: z.number().nullable(),
      /** Null when withheld: fewer than 3 agency workers behind it, for readers of figures only. */
      agencyCost: z.number().nullable(),
    }),
  ),
  /** Why an agency cost is withheld, if one is. */
  note: z.string().nullable(),
  /** Why counts are withheld, if any are. */
  countsNote: z.string().nullable(),
});
export type StartersLeaversResponse = z.infer<typeof startersLeaversResponse>;

// The DfE agency return.

export const returnPeriodParam = z.string().trim().toUpperCase().refine(isPeriod, "Write the quarter like 2026-Q1");

export const agencyReturnResponse = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      assignmentId: z.string(),
      jobType: z.string().nullable(),
      jobTypeLabel: z.string().nullable(),
      hourlyRate: z.number(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      sweNumber: z.string().nullable(),
      projectTeam: z.boolean(),
      agencyName: z.string(),
      teamName: z.string(),
      workerName: z.string(),
    }),
  ),
  problems: z.array(
    z.object({
      assignmentId: z.string(),
      row: z.number(),
      workerName: z.string(),
      field: z.string(),
      message: z.string(),
    }),
  ),
  compliance: z.array(
    z.object({
      rule: z.string(),
      label: z.string(),
      inScope: z.number(),
      compliant: z.number(),
      notCompliant: z.number(),
      toCheck: z.number(),
      explanations: z.array(z.string()),
    }),
  ),
  capBreaches: z.array(
    z.object({
      assignmentId: z.string(),
      jobTypeLabel: z.string().nullable(),
      hourlyRate: z.number(),
      hourlyCap: z.number().nullable(),
      signedOffBy: z.string().nullable(),
      agencyName: z.string(),
    }),
  ),
  flaggedAgencies: z.array(z.object({ agencyName: z.string(), assignments: z.number(), rules: z.array(z.string()) })),
  monthlyCost: z.array(z.object({ month: z.string(), cost: z.number() })),
  totalCost: z.number(),
});
export type AgencyReturnResponse = z.infer<typeof agencyReturnResponse>;
