import { z } from "zod";
import { PROGRESSION_STATUSES, SW_SERVICES } from "../social-work";
import { CASE_DECISIONS } from "../sw-progression";
import { day, recordDate, timestamp } from "./common";
import { freeText } from "./text";

// Progression (issue 20 item 6): the council's scheme of steps, workers' cases and panel
// decisions, annual development reviews, and a worker's progression at a glance. Requests and responses.

const date = recordDate;
const line = (what: string, max = 200) =>
  freeText(z.string().trim().min(1, `Enter the ${what}`).max(max, `Keep the ${what} under ${max} characters`), what);
const notes = (what: string, max = 5000) =>
  freeText(
    z
      .string()
      .trim()
      .max(max, `Keep the ${what} under ${max.toLocaleString("en-GB")} characters`),
    what,
    {
      multiLine: true,
    },
  );
const frameworkRoleKey = z
  .string()
  .trim()
  .max(100, "A career framework role's key is under 100 characters")
  .nullable()
  .default(null);

export const progressionStepInput = z.object({
  service: z.enum(SW_SERVICES, { error: "Choose adults', children's or leave the service empty for both" }).nullable(),
  name: line("step's name"),
  fromGrade: line("grade the step starts from", 50),
  toGrade: line("grade the step moves to", 50),
  fromFrameworkRole: frameworkRoleKey,
  toFrameworkRole: frameworkRoleKey,
  criteria: z.array(line("criterion", 500)).max(30, "Give at most 30 criteria").default([]),
  evidence: z.array(line("evidence item", 500)).max(30, "Give at most 30 evidence items").default([]),
  automatic: z.boolean({ error: "Say whether the step is automatic (on passing the ASYE) or decided by a panel" }),
  minMonthsInGrade: z
    .number({ error: "Enter the minimum months in grade as a whole number" })
    .int("Enter the minimum months in grade as a whole number")
    .min(0, "The minimum months in grade cannot be below 0")
    .max(240, "The minimum months in grade must be 240 or fewer")
    .nullable()
    .default(null),
  position: z
    .number({ error: "Enter the step's place in the scheme as a whole number" })
    .int("Enter the step's place in the scheme as a whole number")
    .min(0, "The step's place cannot be below 0")
    .max(1000, "The step's place must be 1,000 or less")
    .default(0),
});
export type ProgressionStepInput = z.input<typeof progressionStepInput>;

export const progressionStepView = z.object({
  id: z.string(),
  service: z.enum(SW_SERVICES).nullable(),
  name: z.string(),
  fromGrade: z.string(),
  toGrade: z.string(),
  fromFrameworkRole: z.string().nullable(),
  toFrameworkRole: z.string().nullable(),
  criteria: z.array(z.string()),
  evidence: z.array(z.string()),
  automatic: z.boolean(),
  minMonthsInGrade: z.number().nullable(),
  position: z.number(),
  archived: z.boolean(),
});
export type ProgressionStepView = z.infer<typeof progressionStepView>;
export const progressionStepsResponse = z.object({
  steps: z.array(progressionStepView),
  /** The career framework's social work roles a step may name, for the form. */
  frameworkRoles: z.array(z.object({ key: z.string(), title: z.string() })),
});
export type ProgressionStepsResponse = z.infer<typeof progressionStepsResponse>;
export const progressionStepResponse = z.object({ step: progressionStepView });

export const openCaseInput = z.object({
  staffRecordId: z.uuid("Choose the worker"),
  stepId: z.uuid("Choose the step"),
  evidenceNotes: notes("evidence notes").default(""),
});
export type OpenCaseInput = z.input<typeof openCaseInput>;
export const updateCaseInput = z.object({
  evidenceNotes: notes("evidence notes").optional(),
  panelDate: date("panel date").nullable().optional(),
});
export type UpdateCaseInput = z.input<typeof updateCaseInput>;
export const decideCaseInput = z.object({
  decision: z.enum(CASE_DECISIONS, { error: "Choose approved, deferred or declined" }),
  decidedOn: date("date of the decision"),
  notes: notes("decision notes").default(""),
});
export type DecideCaseInput = z.input<typeof decideCaseInput>;

export const eligibilityView = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.string()),
  monthsInGrade: z.number(),
  monthsMetOn: day.nullable(),
});
export type EligibilityView = z.infer<typeof eligibilityView>;

export const progressionCaseView = z.object({
  id: z.string(),
  staffRecordId: z.string(),
  workerName: z.string(),
  teamName: z.string(),
  stepId: z.string(),
  stepName: z.string(),
  fromGrade: z.string(),
  toGrade: z.string(),
  status: z.enum(PROGRESSION_STATUSES),
  evidenceNotes: z.string(),
  panelDate: day.nullable(),
  decidedOn: day.nullable(),
  decisionNotes: z.string(),
  openedAt: timestamp,
});
export type ProgressionCaseView = z.infer<typeof progressionCaseView>;
export const progressionCasesQuery = z.object({
  status: z
    .enum(PROGRESSION_STATUSES, { error: "status is one of preparing, submitted, approved, deferred, declined" })
    .optional(),
});
export const progressionCasesResponse = z.object({ cases: z.array(progressionCaseView) });
export type ProgressionCasesResponse = z.infer<typeof progressionCasesResponse>;
export const progressionCaseResponse = z.object({
  case: progressionCaseView,
  step: progressionStepView,
  /** Whether the worker meets the step today (a decided case: as it stood is not kept, so today's). */
  eligibility: eligibilityView,
  grade: z.string().nullable(),
});
export type ProgressionCaseResponse = z.infer<typeof progressionCaseResponse>;

export const developmentReviewInput = z.object({
  heldOn: date("date the review was held"),
  reviewerStaffId: z.uuid("Choose the reviewer from the service's staff").nullable().default(null),
  objectives: notes("objectives").default(""),
  trainingNeeds: z.array(line("training need", 200)).max(20, "Give at most 20 training needs").default([]),
  readyForProgression: z.boolean({ error: "Say whether the worker is ready for progression" }).default(false),
});
export type DevelopmentReviewInput = z.input<typeof developmentReviewInput>;
export const developmentReviewView = z.object({
  id: z.string(),
  heldOn: day,
  reviewerStaffId: z.string().nullable(),
  reviewerName: z.string().nullable(),
  objectives: z.string(),
  trainingNeeds: z.array(z.string()),
  readyForProgression: z.boolean(),
});
export type DevelopmentReviewView = z.infer<typeof developmentReviewView>;
export const developmentReviewResponse = z.object({ review: developmentReviewView });

export const reviewStatus = z.enum(["never", "overdue", "due", "up_to_date"]);
export const reviewsDueResponse = z.object({
  workers: z.array(
    z.object({
      staffRecordId: z.string(),
      name: z.string(),
      teamName: z.string(),
      lastHeldOn: day.nullable(),
      dueOn: day.nullable(),
      status: reviewStatus,
    }),
  ),
});
export type ReviewsDueResponse = z.infer<typeof reviewsDueResponse>;

/** A worker's progression at a glance: the worker page's section and one's own. */
export const workerProgressionResponse = z.object({
  staffRecordId: z.string(),
  service: z.enum(SW_SERVICES),
  role: z.string(),
  grade: z.string().nullable(),
  gradeSince: day,
  frameworkRole: z.object({ key: z.string(), title: z.string() }).nullable(),
  nextStep: progressionStepView.nullable(),
  eligibility: eligibilityView.nullable(),
  cases: z.array(progressionCaseView),
  lastReview: developmentReviewView.nullable(),
  review: z.object({ status: reviewStatus, dueOn: day.nullable() }),
});
export type WorkerProgressionResponse = z.infer<typeof workerProgressionResponse>;
export const myProgressionResponse = z.object({ records: z.array(workerProgressionResponse) });
export type MyProgressionResponse = z.infer<typeof myProgressionResponse>;
