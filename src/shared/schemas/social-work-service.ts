import { z } from "zod";
import { ETHNICITY_CODES, GENDER, LEAVING_REASONS } from "../ascwds/codes";
import { PCF_LEVELS, ROUTES_IN, SW_ROLE_KEYS, SW_SERVICES, SW_SPECIALISMS, type SwRole } from "../social-work";
import { isSweNumber, normaliseSweNumber, REGISTRATION_ALERTS, SWE_NUMBER_MESSAGE } from "../sw-registration";
import { dateOfBirthProblem, MAX_CONTRACTED_HOURS } from "../sw-worker-details";
import { day, recordDate, timestamp } from "./common";
import { freeText } from "./text";

// The social work service (issue 20 item 1, settings, a worker's own page): teams, posts (the
// establishment), workers' profiles with their registration alerts, settings, the overview and
// what a worker sees of their own records. FTE: contracted hours / 37, capped at 1.

const line = (what: string, max: number) =>
  freeText(
    z
      .string({ error: `Enter the ${what.toLowerCase()}` })
      .trim()
      .max(max, `Keep the ${what.toLowerCase()} under ${max} characters`),
    what,
  );
const required = (what: string, max: number) => line(what, max).min(1, `Enter the ${what.toLowerCase()}`);
const date = recordDate;
/** An SWE number, accepted in lower case or with spaces and kept as the register writes it. */
const sweNumber = z
  .string({ error: "Enter the Social Work England number" })
  .transform(normaliseSweNumber)
  .refine(isSweNumber, SWE_NUMBER_MESSAGE);
const serviceValue = z.enum(SW_SERVICES, { error: "Choose adults' or children's social work" });
const roleValue = z.enum(SW_ROLE_KEYS as [SwRole, ...SwRole[]], { error: "Choose a role from the list" });
const threshold = z
  .number({ error: "Enter the caseload threshold as a number of open cases" })
  .positive("The caseload threshold must be more than 0")
  .max(200, "Enter a caseload threshold of 200 or less");

// Teams.

export const teamInput = z.object({
  name: required("Team name", 120),
  service: serviceValue,
  serviceArea: line("Service area", 200).default(""),
  /** A member of the council with sw_manager or sw_lead; null: no manager. */
  managerUserId: z.uuid("Choose the team manager from the list").nullable().default(null),
  /** Null: the service's threshold (settings). */
  caseloadThreshold: threshold.nullable().default(null),
});
export type TeamInput = z.input<typeof teamInput>;

export const postsView = z.object({
  funded: z.number(),
  filled: z.number(),
  vacant: z.number(),
  agencyCover: z.number(),
});
export type PostsView = z.infer<typeof postsView>;

export const teamView = z.object({
  id: z.string(),
  name: z.string(),
  service: serviceValue,
  serviceArea: z.string(),
  manager: z.object({ id: z.string(), name: z.string() }).nullable(),
  caseloadThreshold: z.number().nullable(),
  archivedAt: timestamp.nullable(),
  workers: z.number(),
  posts: postsView,
  alerts: z.number(),
});
export type TeamView = z.infer<typeof teamView>;
export const managerOption = z.object({ id: z.string(), name: z.string(), role: z.string() });
export const teamsQuery = z.object({
  at: date("date").optional(),
  archived: z.enum(["true", "false"], { error: "Enter archived as true or false" }).optional(),
});
export type TeamsQuery = z.infer<typeof teamsQuery>;
export const teamsResponse = z.object({
  at: day,
  teams: z.array(teamView),
  managerOptions: z.array(managerOption),
});
export type TeamsResponse = z.infer<typeof teamsResponse>;
export const teamResponse = z.object({ team: teamView });
export type TeamResponse = z.infer<typeof teamResponse>;

// The establishment.

export const establishmentRow = postsView.extend({ role: roleValue, roleLabel: z.string() });
export type EstablishmentRow = z.infer<typeof establishmentRow>;
export const establishmentHistoryRow = z.object({ role: roleValue, fundedFte: z.number(), effectiveFrom: day });
export const teamEstablishment = z.object({
  teamId: z.string(),
  teamName: z.string(),
  service: serviceValue,
  rows: z.array(establishmentRow),
  totals: postsView,
});
export type TeamEstablishment = z.infer<typeof teamEstablishment>;
export const atQuery = z.object({ at: date("date").optional() });
export type AtQuery = z.infer<typeof atQuery>;
export const establishmentQuery = atQuery.extend({ service: serviceValue.optional() });
export type EstablishmentQuery = z.infer<typeof establishmentQuery>;
export const establishmentResponse = z.object({
  at: day,
  services: z.array(z.object({ service: serviceValue, label: z.string(), totals: postsView })),
  teams: z.array(teamEstablishment),
});
export type EstablishmentResponse = z.infer<typeof establishmentResponse>;
export const setEstablishmentInput = z.object({
  role: roleValue,
  fundedFte: z
    .number({ error: "Enter the funded posts as a number of full-time equivalents, like 4.5" })
    .min(0, "Funded posts cannot be negative")
    .max(500, "Enter 500 funded posts or fewer"),
  effectiveFrom: date("date the funding starts"),
});
export type SetEstablishmentInput = z.infer<typeof setEstablishmentInput>;

// Workers.

export const alertView = z.object({
  kind: z.enum(REGISTRATION_ALERTS),
  message: z.string(),
  dueOn: day.nullable(),
});
export type AlertView = z.infer<typeof alertView>;

export const workerSummary = z.object({
  id: z.string(),
  name: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  service: serviceValue,
  role: roleValue,
  roleLabel: z.string(),
  pcfLevel: z.string().nullable(),
  grade: z.string().nullable(),
  startDate: day,
  endDate: day.nullable(),
  fte: z.number(),
  alerts: z.array(alertView),
});
export type WorkerSummary = z.infer<typeof workerSummary>;
export const workersQuery = z.object({
  service: serviceValue.optional(),
  teamId: z.uuid("Choose a team from the list").optional(),
  role: roleValue.optional(),
  routeIn: z.enum(ROUTES_IN, { error: "Choose a route in from the list" }).optional(),
  attention: z.enum(["true", "false"], { error: "Enter attention as true or false" }).optional(),
  leavers: z.enum(["true", "false"], { error: "Enter leavers as true or false" }).optional(),
});
export type WorkersQuery = z.infer<typeof workersQuery>;
export const workersResponse = z.object({ workers: z.array(workerSummary) });
export type WorkersResponse = z.infer<typeof workersResponse>;

export const profileView = z.object({
  pcfLevel: z.string().nullable(),
  grade: z.string().nullable(),
  /** Only to socialwork.view (the worker page) and the worker themself. */
  sweNumber: z.string().nullable(),
  sweRenewalDate: day.nullable(),
  cpdRecordedOn: day.nullable(),
  specialisms: z.array(z.string()),
  amhpApprovedUntil: day.nullable(),
  biaQualifiedOn: day.nullable(),
  biaTrainingOn: day.nullable(),
  peStage: z.number().nullable(),
  qualifiedOn: day.nullable(),
  routeIn: z.string(),
});
export type ProfileView = z.infer<typeof profileView>;
export const workerDetail = workerSummary.extend({
  profile: profileView,
  contractedHours: z.number().nullable(),
  leavingReason: z.number().nullable(),
  teamManager: z.boolean(),
});
export type WorkerDetail = z.infer<typeof workerDetail>;
export const workerResponse = z.object({ worker: workerDetail });
export type WorkerResponse = z.infer<typeof workerResponse>;

const optionalDate = (what: string) => date(what).nullable().optional();
export const profileInput = z
  .object({
    teamId: z.uuid("Choose a team from the list"),
    role: roleValue,
    pcfLevel: z.enum(PCF_LEVELS, { error: "Choose a PCF level from the list" }).nullable(),
    grade: line("Grade", 60).nullable(),
    sweNumber: sweNumber.nullable(),
    sweRenewalDate: optionalDate("registration renewal date"),
    cpdRecordedOn: optionalDate("date CPD was last recorded"),
    specialisms: z.array(z.enum(SW_SPECIALISMS, { error: "Choose specialisms from the list" }), {
      error: "Choose specialisms from the list",
    }),
    amhpApprovedUntil: optionalDate("date the AMHP approval ends"),
    biaQualifiedOn: optionalDate("date they qualified as a BIA"),
    biaTrainingOn: optionalDate("date of the latest BIA training"),
    peStage: z
      .union([z.literal(1), z.literal(2)], { error: "Choose practice educator stage 1 or 2, or none" })
      .nullable(),
    qualifiedOn: optionalDate("date they qualified"),
    routeIn: z.enum(ROUTES_IN, { error: "Choose a route in from the list" }),
  })
  .partial()
  .superRefine((p, ctx) => {
    if (p.biaTrainingOn && p.biaQualifiedOn && p.biaTrainingOn < p.biaQualifiedOn)
      ctx.addIssue({
        code: "custom",
        path: ["biaTrainingOn"],
        message: "Enter a BIA training date on or after the date they qualified as a BIA",
      });
    if (p.cpdRecordedOn && p.qualifiedOn && p.cpdRecordedOn < p.qualifiedOn)
      ctx.addIssue({
        code: "custom",
        path: ["cpdRecordedOn"],
        message: "Enter a CPD date on or after the date they qualified",
      });
  });
export type ProfileInput = z.input<typeof profileInput>;

const ascwdsCode = (what: string, valid: (n: number) => boolean) =>
  z
    .number({ error: `Choose the ${what} from the list` })
    .int()
    .refine(valid, `Choose the ${what} from the list`);
export const addWorkerInput = z
  .object({
    name: required("Name or staff reference", 120),
    localRef: line("Staff reference", 50).optional(),
    teamId: z.uuid("Choose a team from the list"),
    role: roleValue,
    startDate: date("start date"),
    contractedHours: z
      .number({ error: "Enter the contracted hours a week as a number" })
      .gt(0, "Enter contracted hours a week of more than 0")
      .max(MAX_CONTRACTED_HOURS, `Enter ${MAX_CONTRACTED_HOURS} contracted hours a week or fewer`),
    dateOfBirth: date("date of birth").nullable().default(null),
    gender: ascwdsCode("sex", (n) => (Object.values(GENDER) as number[]).includes(n))
      .nullable()
      .default(null),
    ethnicity: ascwdsCode("ethnicity", (n) => ETHNICITY_CODES.has(n))
      .nullable()
      .default(null),
    pcfLevel: z.enum(PCF_LEVELS, { error: "Choose a PCF level from the list" }).nullable().default(null),
    grade: line("Grade", 60).nullable().default(null),
    sweNumber: sweNumber.nullable().default(null),
    qualifiedOn: date("date they qualified").nullable().default(null),
    routeIn: z.enum(ROUTES_IN, { error: "Choose a route in from the list" }).default("unknown"),
  })
  .superRefine((w, ctx) => {
    const problem = w.dateOfBirth && dateOfBirthProblem(w.dateOfBirth, w.startDate);
    if (problem) ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: problem });
  });
export type AddWorkerInput = z.input<typeof addWorkerInput>;

export const leaverInput = z.object({
  leavingDate: date("leaving date"),
  reason: z
    .number({ error: "Choose the reason for leaving from the list" })
    .int()
    .refine((n) => n in LEAVING_REASONS, "Choose the reason for leaving from the list"),
});
export type LeaverInput = z.infer<typeof leaverInput>;

// Settings.

const pounds = (what: string) =>
  z
    .number({ error: `Enter the ${what} in pounds, as a number` })
    .min(0, `The ${what} cannot be negative`)
    .max(100_000, `Enter a ${what} of £100,000 or less`);
export const settingsInput = z.object({
  caseloadThresholdAdults: threshold,
  caseloadThresholdChildren: threshold,
  asyeProtectionShare: z
    .number({ error: "Enter the ASYE protected caseload as a share, like 0.8 for 80%" })
    .gt(0, "The ASYE protected caseload share must be more than 0")
    .max(1, "The ASYE protected caseload share cannot be more than 1 (100%)"),
  pePaymentPerStudent: pounds("practice educator payment"),
  esgDailyRate: pounds("Education Support Grant daily rate"),
  esgSkillsDayRate: pounds("Education Support Grant skills day rate"),
});
export type SettingsInput = z.infer<typeof settingsInput>;
export const settingsView = settingsInput.extend({ isDefault: z.boolean(), updatedAt: timestamp.nullable() });
export type SettingsView = z.infer<typeof settingsView>;
export const settingsResponse = z.object({ settings: settingsView });
export type SettingsResponse = z.infer<typeof settingsResponse>;

// The overview.

export const overviewService = z.object({
  service: serviceValue,
  label: z.string(),
  teams: z.number(),
  workers: z.number(),
  posts: postsView,
  /** Counts by alert kind; null when under 5 and the viewer sees figures only (disclosure control). */
  attention: z.record(z.string(), z.number().nullable()),
});
export const overviewResponse = z.object({ at: day, services: z.array(overviewService) });
export type OverviewResponse = z.infer<typeof overviewResponse>;

// A worker's own.

export const myRecord = z.object({
  staffRecordId: z.string(),
  employer: z.object({ id: z.string(), name: z.string() }),
  teamName: z.string(),
  service: serviceValue,
  role: roleValue,
  roleLabel: z.string(),
  startDate: day,
  endDate: day.nullable(),
  profile: profileView,
  alerts: z.array(alertView),
});
export type MyRecord = z.infer<typeof myRecord>;
export const mySocialWorkResponse = z.object({ records: z.array(myRecord) });
export type MySocialWorkResponse = z.infer<typeof mySocialWorkResponse>;

// A team's page.

export const teamDetailResponse = z.object({
  at: day,
  team: teamView,
  establishment: teamEstablishment,
  history: z.array(establishmentHistoryRow),
  workers: z.array(workerSummary),
});
export type TeamDetailResponse = z.infer<typeof teamDetailResponse>;
