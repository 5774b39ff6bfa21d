import { z } from "zod";
import { COHORT_LEARNER_STATUSES, INTERVIEW_OUTCOMES } from "../training";
import { day, timestamp } from "./common";
import { freeText } from "./text";

// Shared training's hub part (issue 18 items 8 and 9): the pre-employment course's cohorts, their
// learners (candidates of joint recruitment), the guaranteed interviews employers record, the
// course's report, and training uptake across the area.

const date = (what: string) => z.iso.date(`Enter the ${what} as a real date, for example 2026-12-04`);
const id = (what: string) => z.uuid(`Choose ${what}`);

/** The pre-employment course is advised to last up to this many weeks (DWP sector-based work academy). */
export const COHORT_ADVISED_WEEKS = 6;

// Cohorts.

export const cohortInput = z
  .object({
    courseId: id("the pre-employment course"),
    name: freeText(
      z.string().trim().min(1, "Enter the cohort's name").max(120, "Keep the name under 120 characters"),
      "The name",
    ),
    partner: freeText(
      z
        .string()
        .trim()
        .min(1, "Enter the college or jobcentre that runs the course with you")
        .max(120, "Keep the partner's name under 120 characters"),
      "The partner",
    ),
    startsOn: date("start date"),
    endsOn: date("end date"),
    employerIds: z
      .array(id("an employer"))
      .min(1, "Choose at least one employer that guarantees interviews")
      .max(100, "Choose at most 100 employers"),
  })
  .refine((c) => c.endsOn >= c.startsOn, {
    path: ["endsOn"],
    error: "The end date must be on or after the start date",
  });
export type CohortInput = z.infer<typeof cohortInput>;

const named = z.object({ id: z.string(), name: z.string() });

export const cohortView = z.object({
  id: z.string(),
  name: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  partner: z.string(),
  startsOn: day,
  endsOn: day,
  employers: z.array(named),
  learners: z.object({ enrolled: z.number(), completed: z.number(), withdrawn: z.number() }),
  /** Advice that does not stop the cohort (longer than the advised six weeks). */
  warnings: z.array(z.string()),
});
export type CohortView = z.infer<typeof cohortView>;

export const learnerView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.enum(COHORT_LEARNER_STATUSES),
  completedOn: day.nullable(),
  /** When the learner agreed to share their details with the participating employers; null = not shared. */
  sharedAt: timestamp.nullable(),
});
export type LearnerView = z.infer<typeof learnerView>;

export const cohortsResponse = z.object({
  cohorts: z.array(cohortView),
  /** The catalogue's published courses for people not yet in care, for a new cohort. */
  courses: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type CohortsResponse = z.infer<typeof cohortsResponse>;
export const cohortResponse = z.object({ cohort: cohortView, learners: z.array(learnerView) });
export type CohortResponse = z.infer<typeof cohortResponse>;
export const learnerResponse = z.object({ learner: learnerView });
export type LearnerResponse = z.infer<typeof learnerResponse>;

export const learnerInput = z.object({
  email: z.email("Enter the candidate's email address, like name@example.com").trim().toLowerCase().max(254),
});
export type LearnerInput = z.infer<typeof learnerInput>;
export const completeInput = z.object({ completedOn: date("completion date") });
export type CompleteInput = z.infer<typeof completeInput>;

// The candidate's own view.

export const myCohortView = z.object({
  learnerId: z.string(),
  cohortName: z.string(),
  courseTitle: z.string(),
  partner: z.string(),
  startsOn: day,
  endsOn: day,
  status: z.enum(COHORT_LEARNER_STATUSES),
  completedOn: day.nullable(),
  sharedAt: timestamp.nullable(),
  /** The employers that guarantee an interview: they see the learner only while sharing is on. */
  employers: z.array(z.string()),
  /** What the employers see while sharing is on. */
  shared: z.array(z.string()),
});
export type MyCohortView = z.infer<typeof myCohortView>;
export const myCohortsResponse = z.object({ cohorts: z.array(myCohortView) });
export type MyCohortsResponse = z.infer<typeof myCohortsResponse>;
export const consentInput = z.object({ share: z.boolean({ error: "Choose yes or no: share your details or not" }) });
export type ConsentInput = z.infer<typeof consentInput>;

// Guaranteed interviews (the employer's view).

export const interviewLearnerView = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  experience: z.string(),
  availability: z.string(),
  areas: z.array(z.string()),
});

export const guaranteedInterviewView = z.object({
  id: z.string(),
  cohortName: z.string(),
  partner: z.string(),
  completedOn: day.nullable(),
  /** The learner and the profile they shared; null once they stopped sharing (the outcome recorded stays). */
  learner: interviewLearnerView.nullable(),
  interviewOn: day.nullable(),
  outcome: z.enum(INTERVIEW_OUTCOMES),
  offeredOn: day.nullable(),
  startedOn: day.nullable(),
  staffRecordId: z.string().nullable(),
  applicationId: z.string().nullable(),
});
export type GuaranteedInterviewView = z.infer<typeof guaranteedInterviewView>;
export const guaranteedInterviewsResponse = z.object({ interviews: z.array(guaranteedInterviewView) });
export type GuaranteedInterviewsResponse = z.infer<typeof guaranteedInterviewsResponse>;
export const guaranteedInterviewResponse = z.object({ interview: guaranteedInterviewView });

export const interviewUpdate = z
  .object({
    interviewOn: date("interview date").nullable().default(null),
    outcome: z.enum(INTERVIEW_OUTCOMES, { error: "Choose the interview's outcome" }),
    offeredOn: date("date of the offer").nullable().default(null),
    startedOn: date("start date").nullable().default(null),
    staffRecordId: z.uuid("Choose the staff record you made for them").nullable().default(null),
  })
  .refine((u) => u.outcome === "pending" || u.outcome === "no_show" || u.interviewOn, {
    path: ["interviewOn"],
    error: "Enter the interview date: an outcome other than pending or did not come needs one",
  })
  .refine((u) => !["offered", "declined"].includes(u.outcome) || u.offeredOn, {
    path: ["offeredOn"],
    error: "Enter the date of the offer",
  })
  .refine((u) => !u.offeredOn || ["offered", "declined"].includes(u.outcome), {
    path: ["offeredOn"],
    error: "Only an offer (taken up or declined) has a date of the offer",
  })
  .refine((u) => !u.startedOn || u.outcome === "offered", {
    path: ["startedOn"],
    error: "Only a learner who took up the offer has a start date: choose the outcome Offered",
  })
  .refine((u) => !u.startedOn || !u.offeredOn || u.startedOn >= u.offeredOn, {
    path: ["startedOn"],
    error: "The start date must be on or after the date of the offer",
  })
  .refine((u) => !u.staffRecordId || u.startedOn, {
    path: ["staffRecordId"],
    error: "Link a staff record only once the learner has a start date",
  });
export type InterviewUpdate = z.infer<typeof interviewUpdate>;

// Counts a council reads: small counts withheld.

export const hubCount = z.object({
  count: z.number().nullable(),
  /** suppressed: 1 to 4 people; not_enough_data: too few employers behind it; not_yet_known: six months have not passed; not_applicable. */
  reason: z.enum(["suppressed", "not_enough_data", "not_yet_known", "not_applicable"]).optional(),
});
export type HubCount = z.infer<typeof hubCount>;

export const COHORT_STAGES = ["enrolled", "completed", "interviewed", "offered", "started", "stillEmployed6m"] as const;
export type CohortStage = (typeof COHORT_STAGES)[number];
export const COHORT_STAGE_LABELS: Record<CohortStage, string> = {
  enrolled: "Enrolled",
  completed: "Completed the course",
  interviewed: "Interviewed",
  offered: "Offered a job",
  started: "Started",
  stillEmployed6m: "Still employed at 6 months",
};
const stageCounts = z.object(
  Object.fromEntries(COHORT_STAGES.map((s) => [s, hubCount])) as Record<CohortStage, typeof hubCount>,
);
export type CohortStageCounts = z.infer<typeof stageCounts>;

export const cohortReportQuery = z.object({ cohortId: z.uuid("Choose one of the council's cohorts").optional() });
export const cohortReportResponse = z.object({
  /** The day "still employed at 6 months" is judged on (today). */
  at: day,
  cohorts: z.array(z.object({ id: z.string(), name: z.string(), endsOn: day, stages: stageCounts })),
  total: stageCounts,
});
export type CohortReportResponse = z.infer<typeof cohortReportResponse>;

// Training uptake.

export const UPTAKE_MEASURES = [
  "bookings",
  "attended",
  "completions",
  "didNotAttend",
  "lateCancellations",
  "placesUnused",
] as const;
export type UptakeMeasure = (typeof UPTAKE_MEASURES)[number];
export const UPTAKE_MEASURE_LABELS: Record<UptakeMeasure, string> = {
  bookings: "Bookings",
  attended: "Attended",
  completions: "Completed",
  didNotAttend: "Did not attend",
  lateCancellations: "Late cancellations",
  placesUnused: "Places unused",
};
export const UPTAKE_BREAKDOWNS = ["provider", "course", "month"] as const;
export type UptakeBreakdown = (typeof UPTAKE_BREAKDOWNS)[number];

export const uptakeQuery = z.object({
  from: date("start of the period").optional(),
  to: date("end of the period").optional(),
  by: z.enum(UPTAKE_BREAKDOWNS, { error: "Choose provider, course or month" }).optional(),
});
export type UptakeQuery = z.infer<typeof uptakeQuery>;

const uptakeCounts = z.object(
  Object.fromEntries(UPTAKE_MEASURES.map((m) => [m, hubCount])) as Record<UptakeMeasure, typeof hubCount>,
);
export type UptakeCounts = z.infer<typeof uptakeCounts>;
export const uptakeRow = z.object({ key: z.string(), label: z.string(), counts: uptakeCounts });
export type UptakeRow = z.infer<typeof uptakeRow>;

export const uptakeResponse = z.object({
  org: z.object({ id: z.string(), name: z.string(), kind: z.enum(["council", "provider", "training_partner"]) }),
  /** Sessions starting from `from` to `to`; a council's period is whole quarters that have ended. */
  from: day,
  to: day,
  /** area: the council's (counts about providers' staff, small ones withheld); own: the reader's own. */
  view: z.enum(["area", "own"]),
  total: uptakeCounts,
  byProvider: z.array(uptakeRow),
  byCourse: z.array(uptakeRow),
  byMonth: z.array(uptakeRow),
});
export type UptakeResponse = z.infer<typeof uptakeResponse>;
