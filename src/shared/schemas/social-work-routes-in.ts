import { z } from "zod";
import { SW_SERVICES, TRAINEE_ROUTES, TRAINEE_STATUSES } from "../social-work";
import { PLACEMENT_DAYS, REPAYMENT_TERMS } from "../sw-routes-in";
import { day, recordDate } from "./common";
import { freeText } from "./text";

// Routes into social work and practice educators (issue 20 items 2 and 7): requests and responses.
// Money is in pounds; dates are ISO days. The rules behind the figures: shared/sw-routes-in.ts.

const line = (what: string, max: number) =>
  freeText(
    z
      .string({ error: `Enter the ${what}` })
      .trim()
      .max(max, `Keep the ${what} under ${max} characters`),
    `The ${what}`,
  );
const date = recordDate;
const money = (what: string) =>
  z
    .number({ error: `Enter the ${what} in pounds, as a number` })
    .min(0, `The ${what} cannot be negative`)
    .max(10_000_000, `The ${what} is too large: enter it in pounds`);
const whole = (what: string, max: number) =>
  z
    .number({ error: `Enter the ${what} as a whole number` })
    .int(`Enter the ${what} as a whole number`)
    .min(0, `The ${what} cannot be negative`)
    .max(max, `The ${what} can be at most ${max}`);

const traineeRoute = z.enum(TRAINEE_ROUTES, { error: "Choose the route from the list" });
const traineeStatus = z.enum(TRAINEE_STATUSES);

export const traineeInput = z
  .object({
    route: traineeRoute,
    name: line("name", 200).min(1, "Enter the trainee's name"),
    teamId: z.uuid("Choose the team from the list").nullable().default(null),
    university: line("university", 200).default(""),
    programme: line("programme", 200).default(""),
    cohort: line("cohort", 50).default(""),
    startDate: date("start date"),
    endDate: date("end date").nullable().default(null),
    placementDays: whole("placement days", PLACEMENT_DAYS.total).nullable().default(null),
    skillsDays: whole("skills days", PLACEMENT_DAYS.skillsMax).nullable().default(null),
    practiceEducatorStaffId: z.uuid("Choose the practice educator from the list").nullable().default(null),
    esgClaimedOn: date("date the ESG was claimed").nullable().default(null),
    esgAmount: money("ESG amount").nullable().default(null),
    cost: money("cost").nullable().default(null),
    commitmentMonths: whole("months committed", 120).nullable().default(null),
    repaymentTerms: z.enum(REPAYMENT_TERMS, { error: "Choose the repayment terms from the list" }).default("none"),
  })
  .superRefine((t, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (t.endDate && t.endDate < t.startDate) issue("endDate", "The end date must be on or after the start date");
    if (t.route === "placement" && t.placementDays === null)
      issue("placementDays", "Enter the placement's days (usually 70 for a first placement, 100 for a final one)");
    if ((t.placementDays ?? 0) + (t.skillsDays ?? 0) > PLACEMENT_DAYS.total)
      issue("placementDays", "Placement and skills days together can be at most 200, the whole of practice learning");
    if (t.practiceEducatorStaffId && !t.endDate)
      issue("endDate", "Enter the end date: the practice educator's payment falls due when the placement ends");
    if (t.esgAmount !== null && !t.esgClaimedOn)
      issue("esgClaimedOn", "Enter the date the ESG was claimed, or leave the ESG amount empty");
    if (t.esgClaimedOn && t.esgAmount === null)
      issue("esgAmount", "Enter the ESG amount claimed, or leave the date claimed empty");
    if (t.repaymentTerms !== "none" && !t.commitmentMonths)
      issue("commitmentMonths", "Enter the months they committed to stay, or choose 'Nothing to repay'");
    if (t.repaymentTerms !== "none" && !t.cost)
      issue("cost", "Enter the cost to the council, which the repayment is worked out from");
  });
export type TraineeInput = z.infer<typeof traineeInput>;

export const TRAINEE_OUTCOMES = ["in_training", "qualified", "withdrawn"] as const;

export const traineeOutcomeInput = z
  .object({
    outcome: z.enum(TRAINEE_OUTCOMES, { error: "Choose the outcome: qualified, withdrawn or still in training" }),
    /** The day they qualified or withdrew; none while still in training. */
    on: date("date").nullable().default(null),
    /** The staff record of the job they took with the council (qualified only). */
    staffRecordId: z.uuid("Choose the worker from the list").nullable().default(null),
  })
  .superRefine((o, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (o.outcome === "qualified" && !o.on) issue("on", "Enter the date they qualified");
    if (o.outcome === "withdrawn" && !o.on) issue("on", "Enter the date they withdrew");
    if (o.outcome === "in_training" && o.on) issue("on", "Leave the date empty while they are still in training");
    if (o.outcome !== "qualified" && o.staffRecordId)
      issue("staffRecordId", "Only a trainee who qualified can have joined the council as a social worker");
  });
export type TraineeOutcomeInput = z.infer<typeof traineeOutcomeInput>;

export const traineesQuery = z.object({
  route: traineeRoute.optional(),
  status: z.enum(TRAINEE_STATUSES, { error: "Choose a status: in_training, qualified or withdrawn" }).optional(),
});
export type TraineesQuery = z.infer<typeof traineesQuery>;

export const routesInQuery = z.object({
  /** The day the grow-your-own share is taken on (default today). */
  on: day.optional(),
});
export type RoutesInQuery = z.infer<typeof routesInQuery>;

export const paymentPaidInput = z.object({
  /** The day it was paid; null to mark it unpaid again (a mistake). */
  paidOn: date("date paid").nullable(),
});
export type PaymentPaidInput = z.infer<typeof paymentPaidInput>;

// ---- Responses -----------------------------------------------------------------------------------

export const traineeSummary = z.object({
  id: z.string(),
  route: traineeRoute,
  routeLabel: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  university: z.string(),
  programme: z.string(),
  cohort: z.string(),
  startDate: day,
  endDate: day.nullable(),
  placementDays: z.number().int().nullable(),
  status: traineeStatus,
  qualifiedOn: day.nullable(),
  practiceEducatorName: z.string().nullable(),
  joined: z.boolean(),
  cost: z.number().nullable(),
  esgAmount: z.number().nullable(),
  /** What the placement earns by the council's ESG rates. */
  esgDue: z.number(),
});
export type TraineeSummary = z.infer<typeof traineeSummary>;
export const traineesResponse = z.object({ trainees: z.array(traineeSummary) });
export type TraineesResponse = z.infer<typeof traineesResponse>;

export const pePaymentStatus = z.enum(["not_due", "due", "overdue", "paid"]);

export const pePaymentView = z.object({
  id: z.string(),
  traineeId: z.string(),
  traineeName: z.string(),
  practiceEducatorStaffId: z.string(),
  practiceEducatorName: z.string(),
  amount: z.number(),
  dueOn: day,
  overdueFrom: day,
  paidOn: day.nullable(),
  status: pePaymentStatus,
});
export type PePaymentView = z.infer<typeof pePaymentView>;

export const traineeDetail = traineeSummary.extend({
  skillsDays: z.number().int().nullable(),
  practiceEducatorStaffId: z.string().nullable(),
  esgClaimedOn: day.nullable(),
  commitmentMonths: z.number().int().nullable(),
  repaymentTerms: z.enum(REPAYMENT_TERMS),
  staffRecordId: z.string().nullable(),
  joinedWorker: z
    .object({ staffRecordId: z.string(), name: z.string(), startDate: day, endDate: day.nullable() })
    .nullable(),
  commitment: z.object({
    state: z.enum(["no_commitment", "not_started", "serving", "served", "owed"]),
    monthsServed: z.number().int(),
    endsOn: day.nullable(),
    owed: z.number(),
  }),
  /** Every practice educator the student had a payment for (the PEs they had). */
  payments: z.array(pePaymentView),
});
export type TraineeDetail = z.infer<typeof traineeDetail>;
export const traineeResponse = z.object({ trainee: traineeDetail });
export type TraineeResponse = z.infer<typeof traineeResponse>;

export const traineeOptionsResponse = z.object({
  teams: z.array(z.object({ id: z.string(), name: z.string(), service: z.enum(SW_SERVICES) })),
  practiceEducators: z.array(
    z.object({ staffRecordId: z.string(), name: z.string(), teamName: z.string(), peStage: z.number().int() }),
  ),
  /** Registered social workers of the council, for linking a trainee who joined. */
  workers: z.array(
    z.object({
      staffRecordId: z.string(),
      name: z.string(),
      teamName: z.string(),
      startDate: day,
      endDate: day.nullable(),
    }),
  ),
  rates: z.object({ esgDailyRate: z.number(), esgSkillsDayRate: z.number(), pePaymentPerStudent: z.number() }),
});
export type TraineeOptionsResponse = z.infer<typeof traineeOptionsResponse>;

const retention = z.object({
  years: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  eligible: z.number().int(),
  stayed: z.number().int(),
  rate: z.number().nullable(),
});

export const routesInResponse = z.object({
  today: day,
  byRoute: z.array(
    z.object({
      route: traineeRoute,
      label: z.string(),
      inTraining: z.number().int(),
      qualified: z.number().int(),
      withdrawn: z.number().int(),
      joined: z.number().int(),
      cost: z.number(),
      esgClaimed: z.number(),
      esgDue: z.number(),
      repaymentsOwed: z.number(),
    }),
  ),
  cohorts: z.array(
    z.object({
      route: traineeRoute,
      label: z.string(),
      cohort: z.string(),
      started: z.number().int(),
      qualified: z.number().int(),
      withdrawn: z.number().int(),
      joined: z.number().int(),
      retention: z.array(retention),
    }),
  ),
  /** Retention of every trainee who joined, whatever the route. */
  retention: z.array(retention),
  growYourOwn: z.object({
    on: day,
    registeredInPost: z.number().int(),
    grownOwn: z.number().int(),
    routeUnknown: z.number().int(),
    share: z.number().nullable(),
  }),
  rates: z.object({ esgDailyRate: z.number(), esgSkillsDayRate: z.number(), pePaymentPerStudent: z.number() }),
});
export type RoutesInResponse = z.infer<typeof routesInResponse>;

const tally = z.object({ count: z.number().int(), amount: z.number() });

export const practiceEducatorView = z.object({
  staffRecordId: z.string(),
  name: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  peStage: z.number().int().nullable(),
  inPost: z.boolean(),
  studentsThisYear: z.number().int(),
  studentsEver: z.number().int(),
  notDue: tally,
  due: tally,
  overdue: tally,
  paid: tally,
});
export type PracticeEducatorView = z.infer<typeof practiceEducatorView>;

export const practiceEducatorsResponse = z.object({
  today: day,
  academicYear: z.string(),
  practiceEducators: z.array(practiceEducatorView),
  /** Every payment, overdue first, then due, not yet due and paid. */
  payments: z.array(pePaymentView),
});
export type PracticeEducatorsResponse = z.infer<typeof practiceEducatorsResponse>;
export const pePaymentResponse = z.object({ payment: pePaymentView });
export type PePaymentResponse = z.infer<typeof pePaymentResponse>;

/** A worker's own students and payments as a practice educator (/api/me). */
export const myPracticeEducationResponse = z.object({
  payments: z.array(pePaymentView),
});
export type MyPracticeEducationResponse = z.infer<typeof myPracticeEducationResponse>;
