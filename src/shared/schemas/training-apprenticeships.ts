import { z } from "zod";
import { STANDARD_PATTERN } from "../apprenticeship-rules";
import { CLAIM_PARTS, PART_STATES } from "../ldss";
import { APPRENTICESHIP_FUNDING, APPRENTICESHIP_STATUSES, LDSS_KINDS, LEVY_REQUEST_STATUSES } from "../training";
import { day, timestamp } from "./common";
import { freeText } from "./text";

// Shared training (issue 18 items 6 and 7): apprenticeship starts, levy transfer brokerage and
// Learning and Development Support Scheme claims. Requests and responses.

const date = (what: string) => z.iso.date(`Enter the ${what} as a real date`);
const pence = (what: string) =>
  z
    .number({ error: `Enter the ${what} in pence, as a whole number` })
    .int(`Enter the ${what} in whole pence`)
    .min(0, `The ${what} cannot be negative`)
    .max(100_000_000_000, `The ${what} is too large`);
const positivePence = (what: string) => pence(what).min(1, `Enter the ${what}: more than nothing`);
const standard = z
  .string()
  .trim()
  .toUpperCase()
  .regex(STANDARD_PATTERN, "Enter the standard's reference as ST followed by four digits, like ST0005");
const note = (what: string, max = 2000) =>
  freeText(
    z
      .string()
      .trim()
      .max(max, `Keep the ${what.toLowerCase()} under ${max.toLocaleString("en-GB")} characters`),
    what,
    {
      multiLine: true,
    },
  ).default("");

// Apprenticeships.

export const apprenticeshipInput = z
  .object({
    staffRecordId: z.uuid("Choose the member of staff starting the apprenticeship"),
    standard,
    startOn: date("start date"),
    plannedEndOn: date("planned end date"),
    trainingProviderId: z.uuid("Choose a training provider from the list, or type its name").nullable().default(null),
    trainingProviderName: freeText(
      z.string().trim().max(200, "Keep the training provider's name under 200 characters"),
      "The training provider's name",
    ).default(""),
    funding: z.enum(APPRENTICESHIP_FUNDING, { error: "Choose how the apprenticeship is funded" }),
    levyRequestId: z.uuid("Choose one of your approved levy requests").nullable().default(null),
    pricePence: pence("price"),
  })
  .refine((a) => a.plannedEndOn > a.startOn, {
    path: ["plannedEndOn"],
    error: "The planned end must be after the start",
  })
  .refine((a) => a.trainingProviderId !== null || a.trainingProviderName.length > 0, {
    path: ["trainingProviderName"],
    error: "Enter the training provider",
  });
export type ApprenticeshipInput = z.infer<typeof apprenticeshipInput>;

export const apprenticeshipUpdate = z
  .object({
    progressPercent: z
      .number({ error: "Enter the progress as a percentage" })
      .int("Enter the progress as a whole percentage")
      .min(0, "Progress is between 0 and 100")
      .max(100, "Progress is between 0 and 100")
      .optional(),
    lastReviewOn: date("last review date").nullable().optional(),
    status: z
      .enum(APPRENTICESHIP_STATUSES, { error: "Choose in learning, on a break, completed or withdrawn" })
      .optional(),
    endOn: date("end date").nullable().optional(),
    result: z.enum(["achieved", "not_achieved"], { error: "Choose achieved or not achieved" }).nullable().optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { error: "Change at least one thing" });
export type ApprenticeshipUpdate = z.infer<typeof apprenticeshipUpdate>;

export const apprenticeshipView = z.object({
  id: z.string(),
  staffRecordId: z.string(),
  /** The staff record's display id (its name in the hub). */
  name: z.string(),
  standard: z.string(),
  standardTitle: z.string(),
  level: z.number(),
  startOn: day,
  plannedEndOn: day,
  trainingProviderName: z.string(),
  funding: z.enum(APPRENTICESHIP_FUNDING),
  levyRequestId: z.string().nullable(),
  pricePence: z.number(),
  status: z.enum(APPRENTICESHIP_STATUSES),
  progressPercent: z.number(),
  lastReviewOn: day.nullable(),
  endOn: day.nullable(),
  result: z.enum(["achieved", "not_achieved"]).nullable(),
});
export type ApprenticeshipView = z.infer<typeof apprenticeshipView>;

export const standardChoice = z.object({
  standard: z.string(),
  title: z.string(),
  level: z.number(),
  fundingBandPence: z.number().nullable(),
});
export const apprenticeshipsResponse = z.object({
  apprenticeships: z.array(apprenticeshipView),
  standards: z.array(standardChoice),
  /** Staff in post today, for the form. */
  staff: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The employer's approved levy requests with what each has left. */
  levyRequests: z.array(z.object({ id: z.string(), standard: z.string(), leftPence: z.number(), pledger: z.string() })),
});
export type ApprenticeshipsResponse = z.infer<typeof apprenticeshipsResponse>;
export const apprenticeshipResponse = z.object({ apprenticeship: apprenticeshipView });
export type ApprenticeshipResponse = z.infer<typeof apprenticeshipResponse>;

// Levy transfer brokerage.

export const pledgeInput = z
  .object({
    levyPaidPence: positivePence("levy paid last financial year"),
    amountPence: positivePence("amount pledged"),
    standards: z.array(standard).max(50, "List at most 50 standards").default([]),
    opensOn: date("opening date"),
    closesOn: date("closing date"),
    notes: note("Notes"),
  })
  .refine((p) => p.closesOn >= p.opensOn, {
    path: ["closesOn"],
    error: "The closing date must be on or after the opening date",
  });
export type PledgeInput = z.infer<typeof pledgeInput>;

export const levyRequestInput = z.object({
  pledgeId: z.uuid("Choose the pledge to ask for"),
  standard,
  amountPence: positivePence("amount requested"),
  staffRecordIds: z
    .array(z.uuid("Choose the members of staff from the list"))
    .min(1, "Name at least one member of staff the apprenticeships are for")
    .max(50, "Name at most 50 people in one request"),
  reason: note("Reason"),
});
export type LevyRequestInput = z.infer<typeof levyRequestInput>;

export const levyDecisionInput = z.object({
  decision: z.enum(["approve", "reject"], { error: "Choose approve or reject" }),
  note: note("Note", 1000),
});
export type LevyDecisionInput = z.infer<typeof levyDecisionInput>;

const requestStatus = z.enum(LEVY_REQUEST_STATUSES);

/** A request as the pledger sees it: the requester chose to share the names of the people. */
export const pledgeRequestView = z.object({
  id: z.string(),
  requester: z.string(),
  standard: z.string(),
  amountPence: z.number(),
  starts: z.number(),
  people: z.array(z.string()),
  reason: z.string(),
  status: requestStatus,
  decisionNote: z.string(),
  decidedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export const pledgeView = z.object({
  id: z.string(),
  levyPaidPence: z.number(),
  amountPence: z.number(),
  approvedPence: z.number(),
  leftPence: z.number(),
  standards: z.array(z.string()),
  opensOn: day,
  closesOn: day,
  status: z.enum(["open", "closed"]),
  notes: z.string(),
  requests: z.array(pledgeRequestView),
});
export type PledgeView = z.infer<typeof pledgeView>;
export const allowanceTrackerView = z.object({
  allowancePence: z.number(),
  pledgedPence: z.number(),
  approvedPence: z.number(),
  leftInPledgesPence: z.number(),
  remainingPence: z.number(),
});
export const pledgesResponse = z.object({
  pledges: z.array(pledgeView),
  tracker: allowanceTrackerView,
  expiryNote: z.string(),
});
export type PledgesResponse = z.infer<typeof pledgesResponse>;
export const pledgeResponse = z.object({ pledge: pledgeView });

/** An open pledge as a provider sees it: nothing of other requesters. */
export const openPledgeView = z.object({
  id: z.string(),
  pledger: z.string(),
  leftPence: z.number(),
  standards: z.array(z.string()),
  opensOn: day,
  closesOn: day,
  notes: z.string(),
});
export const myLevyRequestView = z.object({
  id: z.string(),
  pledgeId: z.string(),
  pledger: z.string(),
  standard: z.string(),
  amountPence: z.number(),
  people: z.array(z.object({ id: z.string(), name: z.string() })),
  reason: z.string(),
  status: requestStatus,
  decisionNote: z.string(),
  createdAt: timestamp,
});
export type MyLevyRequestView = z.infer<typeof myLevyRequestView>;
export const openPledgesResponse = z.object({
  pledges: z.array(openPledgeView),
  requests: z.array(myLevyRequestView),
  staff: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type OpenPledgesResponse = z.infer<typeof openPledgesResponse>;
export const levyRequestResponse = z.object({ request: myLevyRequestView });

// LDSS funding claims.

export const fundingClaimsQuery = z
  .object({
    from: date("from date").optional(),
    to: date("to date").optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    error: "The to date must be on or after the from date",
  });
export type FundingClaimsQuery = z.infer<typeof fundingClaimsQuery>;

export const claimPartView = z.object({
  part: z.enum(CLAIM_PARTS),
  amountPence: z.number(),
  from: day.nullable(),
  deadline: day.nullable(),
  state: z.enum(PART_STATES),
  note: z.string(),
});
export const claimLearnerView = z.object({
  bookingId: z.string(),
  /** The learner's name as recorded: the staff record's display id. */
  name: z.string(),
  startedOn: day,
  completedOn: day.nullable(),
  eligible: z.boolean(),
  note: z.string(),
  parts: z.array(claimPartView),
});
export const claimCourseView = z.object({
  courseId: z.string(),
  title: z.string(),
  ldssKind: z.enum(LDSS_KINDS).nullable(),
  ldssPence: z.number().nullable(),
  learners: z.array(claimLearnerView),
  claimablePence: z.number(),
  claimedPence: z.number(),
});
export const fundingClaimsResponse = z.object({
  from: day,
  to: day,
  courses: z.array(claimCourseView),
  totals: z.object({ claimablePence: z.number(), claimedPence: z.number() }),
});
export type FundingClaimsResponse = z.infer<typeof fundingClaimsResponse>;

export const markClaimsInput = z.object({
  claims: z
    .array(z.object({ bookingId: z.uuid("Choose the claims from the list"), part: z.enum(CLAIM_PARTS) }))
    .min(1, "Choose at least one part to mark as claimed")
    .max(500, "Mark at most 500 parts at once"),
  claimedOn: date("day the claim was made").optional(),
});
export type MarkClaimsInput = z.infer<typeof markClaimsInput>;
export const markClaimsResponse = z.object({ marked: z.number() });
