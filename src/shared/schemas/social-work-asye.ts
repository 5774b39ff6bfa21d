import { z } from "zod";
import { ASYE_STAGES, ASYE_STATUSES, SW_SERVICES } from "../social-work";
import { ASYE_OUTCOMES, ASYE_PROGRESS, ASYE_STAGE_STATES } from "../sw-asye";
import { day, recordDate } from "./common";
import { freeText } from "./text";

// The ASYE programme (issue 20 item 3): registering a newly qualified social worker's year, its
// reviews at 3, 6 and 9 months and the final assessment, the cohort with the reviews due, the
// programme's quality view and a worker's own ASYE. Rules: shared/sw-asye.ts.

const date = recordDate;
const id = (what: string) => z.uuid(`Choose the ${what} from the list`);

const asyeFields = {
  startDate: date("start date"),
  /** A registered social worker of the council who assesses the year. */
  assessorStaffId: id("assessor").nullable().default(null),
  learningPlanAgreedOn: date("date the learning plan was agreed").nullable().default(null),
  /** Null: the council's protection share of the service's caseload threshold, rounded down. */
  protectedCaseloadTarget: z
    .number({ error: "Enter the protected caseload as a whole number of open cases" })
    .int("Enter the protected caseload as a whole number of open cases")
    .min(0, "The protected caseload cannot be negative")
    .max(100, "Enter a protected caseload of 100 open cases or fewer")
    .nullable()
    .default(null),
  grantClaimedOn: date("date the grant was claimed").nullable().default(null),
};

export const registerAsyeInput = z.object({
  staffRecordId: id("newly qualified social worker"),
  /** Omitted: the service of the worker's team. */
  service: z.enum(SW_SERVICES, { error: "Choose adults' or children's services" }).optional(),
  ...asyeFields,
});
export type RegisterAsyeInput = z.infer<typeof registerAsyeInput>;

export const updateAsyeInput = z.object(asyeFields);
export type UpdateAsyeInput = z.infer<typeof updateAsyeInput>;

export const withdrawAsyeInput = z.object({ withdrawnOn: date("date the ASYE ended") });
export type WithdrawAsyeInput = z.infer<typeof withdrawAsyeInput>;

const progressValue = z.enum([...ASYE_PROGRESS, ...ASYE_OUTCOMES], {
  error: "Choose the progress: on track, some concerns or not on track (at the final assessment: pass, fail or extend)",
});

const reviewFields = {
  heldOn: date("date the review was held"),
  progress: progressValue,
  evidence: freeText(
    z.string().trim().max(5000, "Keep the evidence notes under 5,000 characters"),
    "The evidence notes",
    { multiLine: true },
  ).default(""),
  /** The final assessment extended: the year's new end. */
  extendedTo: date("new end of the ASYE").nullable().default(null),
};

/**
 * What is wrong with a review for its stage: progress that fits the stage (on track, some concerns
 * or not on track at 3, 6 and 9 months; pass, fail or extend at the final), and a new end only
 * (and always) when the final extends the year. Also used by the server when a review is changed.
 */
export function reviewIssues(
  stage: string,
  r: { progress: string; extendedTo: string | null; heldOn: string },
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const final = stage === "final";
  if (final && !(ASYE_OUTCOMES as readonly string[]).includes(r.progress))
    issues.push({ path: "progress", message: "Choose the final assessment's outcome: pass, fail or extend" });
  if (!final && !(ASYE_PROGRESS as readonly string[]).includes(r.progress))
    issues.push({
      path: "progress",
      message: "Choose the progress at this review: on track, some concerns or not on track",
    });
  if (r.progress === "extend" && !r.extendedTo)
    issues.push({ path: "extendedTo", message: "Enter the new end of the ASYE when extending it" });
  if (r.progress !== "extend" && r.extendedTo)
    issues.push({
      path: "extendedTo",
      message: "Leave the new end empty unless the final assessment extends the ASYE",
    });
  if (r.extendedTo && r.extendedTo <= r.heldOn)
    issues.push({
      path: "extendedTo",
      message: "The new end of the ASYE must be after the date of the final assessment",
    });
  return issues;
}

export const recordReviewInput = z
  .object({
    stage: z.enum(ASYE_STAGES, { error: "Choose the review: 3, 6 or 9 months, or the final assessment" }),
    ...reviewFields,
  })
  .superRefine((r, ctx) => {
    for (const i of reviewIssues(r.stage, r)) ctx.addIssue({ code: "custom", path: [i.path], message: i.message });
  });
export type RecordReviewInput = z.infer<typeof recordReviewInput>;

/** A review's change: its stage stays (the server checks the progress against it). */
export const updateReviewInput = z.object(reviewFields);
export type UpdateReviewInput = z.infer<typeof updateReviewInput>;

export const asyeQuery = z.object({
  /** current: ASYEs still running (the cohort); all: every ASYE, ended ones too. */
  show: z.enum(["current", "all"], { error: "Show current or all" }).default("current"),
  teamId: z.uuid("Choose a team from the list").optional(),
});
export type AsyeQuery = z.infer<typeof asyeQuery>;

// Responses.

const stageValue = z.enum(ASYE_STAGES);
const stateValue = z.enum(ASYE_STAGE_STATES);
const person = z.object({ staffRecordId: z.string(), name: z.string() });

export const asyeStageView = z.object({
  stage: stageValue,
  due: day,
  heldOn: day.nullable(),
  state: stateValue,
});
export type AsyeStageView = z.infer<typeof asyeStageView>;

export const asyeReviewView = z.object({
  id: z.string(),
  stage: stageValue,
  heldOn: day,
  progress: progressValue,
  evidence: z.string(),
  recordedAt: z.iso.datetime(),
});
export type AsyeReviewView = z.infer<typeof asyeReviewView>;

export const asyeSummaryView = z.object({
  id: z.string(),
  worker: person,
  team: z.object({ id: z.string(), name: z.string() }),
  service: z.enum(SW_SERVICES),
  startDate: day,
  assessor: person.nullable(),
  status: z.enum(ASYE_STATUSES),
  outcomeOn: day.nullable(),
  extendedTo: day.nullable(),
  /** The first stage not held while the ASYE runs. */
  next: asyeStageView.nullable(),
  /** The target in force: the ASYE's own, else the council's default for the service. */
  protectedCaseload: z.number().int(),
  protectedCaseloadIsDefault: z.boolean(),
  /** The worker's latest recorded month's open cases. */
  latestCaseload: z.object({ month: day, openCases: z.number().int() }).nullable(),
  /** When the worker left the council, if they have. */
  leftOn: day.nullable(),
  grantClaimedOn: day.nullable(),
});
export type AsyeSummaryView = z.infer<typeof asyeSummaryView>;

export const asyeDueView = z.object({
  asyeId: z.string(),
  worker: person,
  team: z.object({ id: z.string(), name: z.string() }),
  stage: stageValue,
  due: day,
  state: z.enum(["due", "overdue"]),
});
export type AsyeDueView = z.infer<typeof asyeDueView>;

export const asyeListResponse = z.object({
  at: day,
  /** Reviews due within 14 days or overdue, overdue first (earliest due first). */
  due: z.array(asyeDueView),
  asyes: z.array(asyeSummaryView),
});
export type AsyeListResponse = z.infer<typeof asyeListResponse>;

export const asyeDetailView = asyeSummaryView.extend({
  learningPlanAgreedOn: day.nullable(),
  protectedCaseloadTarget: z.number().int().nullable(),
  stages: z.array(asyeStageView),
  reviews: z.array(asyeReviewView),
});
export type AsyeDetailView = z.infer<typeof asyeDetailView>;
export const asyeResponse = z.object({ asye: asyeDetailView });
export type AsyeResponse = z.infer<typeof asyeResponse>;
export const workerAsyeResponse = z.object({ asye: asyeDetailView.nullable() });
export type WorkerAsyeResponse = z.infer<typeof workerAsyeResponse>;
export const myAsyeResponse = z.object({
  at: day,
  asyes: z.array(asyeDetailView.extend({ organisation: z.object({ id: z.string(), name: z.string() }) })),
});
export type MyAsyeResponse = z.infer<typeof myAsyeResponse>;
export const asyeReviewResponse = z.object({ review: asyeReviewView, asye: asyeDetailView });
export type AsyeReviewResponse = z.infer<typeof asyeReviewResponse>;

export const asyeOptionsResponse = z.object({
  /** Registered social workers in post without an ASYE (the newly qualified first). */
  workers: z.array(
    person.extend({
      team: z.string(),
      service: z.enum(SW_SERVICES),
      role: z.string(),
      startDate: day,
      newlyQualified: z.boolean(),
    }),
  ),
  /** Registered social workers in post who may assess: practice educators and senior roles first. */
  assessors: z.array(person.extend({ team: z.string(), service: z.enum(SW_SERVICES), detail: z.string() })),
  /** The protected caseload when an ASYE sets none, per service. */
  defaultTarget: z.object({ adults: z.number().int(), children: z.number().int() }),
});
export type AsyeOptionsResponse = z.infer<typeof asyeOptionsResponse>;

const share = z.object({ count: z.number().int(), of: z.number().int(), share: z.number().nullable() });
export const asyeQualityMeasures = z.object({
  /** ASYEs running now. */
  current: z.number().int(),
  reviewsOnTime: share,
  caseloadWithinProtection: share,
  passRate: share,
  retention12: share,
  retention24: share,
});
export type AsyeQualityMeasures = z.infer<typeof asyeQualityMeasures>;
export const asyeQualityResponse = z.object({
  at: day,
  all: asyeQualityMeasures,
  byService: z.object({ adults: asyeQualityMeasures, children: asyeQualityMeasures }),
  grant: z.array(
    z.object({
      service: z.enum(SW_SERVICES),
      year: z.string(),
      started: z.number().int(),
      grantClaimed: z.number().int(),
      passed: z.number().int(),
      withdrawn: z.number().int(),
    }),
  ),
});
export type AsyeQualityResponse = z.infer<typeof asyeQualityResponse>;
