import { z } from "zod";
import { NI_NUMBER, NI_NUMBER_MESSAGE } from "../ascwds/ni-number";
import {
  APPLICATION_STAGES,
  CONTRACT_TYPES,
  PAY_AGE_BANDS,
  PAY_UNITS,
  REJECTION_REASONS,
  type RejectionReason,
} from "../recruitment";
import { codeLabel, day, timestamp } from "./common";
import { freeText } from "./text";

// An employer's side of joint recruitment (issue 17 items 1, 5, 6 and part of 8): adverts from
// vacancy records, the hub's moderation, applicant tracking and pre-employment checks.

const date = (what: string) => z.iso.date(`Enter ${what} as a real date`);
const line = (what: string, max = 200) =>
  freeText(z.string().trim().max(max, `${what} must be ${max} characters or fewer`), what);
const lines = (what: string, max = 10_000) =>
  freeText(
    z
      .string()
      .trim()
      .max(max, `${what} must be ${max.toLocaleString("en-GB")} characters or fewer`),
    what,
    {
      multiLine: true,
    },
  );
const key = z.string().regex(/^[a-z0-9_]+$/, "Choose from the list");
/** A sector value, as the council's framework words it ("Respect"). */
const value = z.string().trim().min(1, "Choose a value").max(120, "Choose a value from the list");
const pounds = (what: string) =>
  z
    .number({ error: `Enter ${what} in pounds, for example 12.71` })
    .positive(`Enter ${what} in pounds, for example 12.71`)
    .max(1_000_000, `Enter ${what} of at most £1,000,000`);

export const advertQuestionInput = z.object({
  value,
  question: freeText(z.string().trim().min(10, "Write the question in at least 10 characters").max(500), "A question"),
  guidance: lines("What a good answer shows", 1000).default(""),
});

const advertFields = {
  frameworkRoleKey: key.nullable().default(null),
  title: freeText(z.string().trim().min(3, "Enter a job title of at least 3 characters").max(120), "The job title"),
  reference: line("Your reference", 60).default(""),
  summary: lines("The summary", 500).default(""),
  description: lines("The description").default(""),
  payUnit: z.enum(PAY_UNITS, { error: "Say whether pay is an hour or a year" }),
  payMin: pounds("the pay"),
  payMax: pounds("the highest pay").nullable().default(null),
  payAgeBand: z.enum(PAY_AGE_BANDS, { error: "Choose who the pay is for" }).default("21_plus"),
  hoursPerWeek: z
    .number({ error: "Enter the hours a week as a number" })
    .positive("Enter the hours a week, or say it is zero hours")
    .max(60, "Enter at most 60 hours a week")
    .nullable()
    .default(null),
  zeroHours: z.boolean().default(false),
  contractType: z.enum(CONTRACT_TYPES, { error: "Choose a contract type" }),
  shiftPattern: line("The shift pattern").default(""),
  drivingRequired: z.boolean().default(false),
  visaSponsorship: z.boolean().default(false),
  noExperienceNeeded: z.boolean().default(false),
  offers: lines("What you offer", 4000).default(""),
  values: z.array(value).max(20).default([]),
  closingDate: date("the closing date"),
  /** The employer's own values questions for this advert (the hub's questions are asked as well). */
  questions: z.array(advertQuestionInput).max(10, "Ask at most 10 questions of your own").default([]),
};

export const createAdvertInput = z.object({
  vacancyId: z.uuid("Choose the vacancy to advertise"),
  ...advertFields,
});
export type CreateAdvertInput = z.infer<typeof createAdvertInput>;
export const updateAdvertInput = z.object(advertFields).partial();
export type UpdateAdvertInput = z.infer<typeof updateAdvertInput>;

export const advertListQuery = z.object({
  status: z.enum(["draft", "published", "closed", "refused", "all"]).catch("all").default("all"),
});
export const payGuideQuery = z.object({
  band: z.enum(PAY_AGE_BANDS).catch("21_plus").default("21_plus"),
  on: z.iso.date().optional(),
});
export const refuseAdvertInput = z.object({
  reason: freeText(
    z.string().trim().min(10, "Say why in at least 10 characters, so the employer can fix it").max(1000),
    "The reason",
    { multiLine: true },
  ),
});

const stage = z.enum(APPLICATION_STAGES, { error: "Choose a stage" });
const rejectionKeys = Object.keys(REJECTION_REASONS) as [RejectionReason, ...RejectionReason[]];

/** What starting a candidate needs: the staff record made for them. */
export const startInput = z.object({
  startDate: date("the start date"),
  workplaceId: z.uuid("Choose a workplace").optional(),
  /** ASC-WDS contract type of the staff record: 1 permanent, 2 temporary, 3 pool or bank, 6 other (not agency). */
  contract: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(6)], { error: "Choose a contract" }),
  hoursPerWeek: z.number().positive().max(60, "Enter at most 60 hours a week").nullable().default(null),
  niNumber: z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => v.replace(/\s+/g, ""))
    .refine((v) => v === "" || NI_NUMBER.test(v), NI_NUMBER_MESSAGE)
    .default(""),
});

export const moveInput = z.object({
  stage,
  reason: z.enum(rejectionKeys, { error: "Choose why the application is not taken forward" }).optional(),
  start: startInput.optional(),
  /** Say yes to start someone while required checks are missing (the risk is the employer's, and recorded). */
  overrideChecks: z.boolean().default(false),
});
export const bulkMoveInput = z.object({
  ids: z.array(z.uuid()).min(1, "Choose at least one application").max(200, "Move at most 200 at once"),
  stage,
  reason: z.enum(rejectionKeys, { error: "Choose why the applications are not taken forward" }).optional(),
});
export const applicationListQuery = z.object({
  advertId: z.uuid().optional().catch(undefined),
  stage: stage.optional().catch(undefined),
});
export const noteInput = z.object({ body: lines("The note", 4000).pipe(z.string().min(1, "Write the note")) });
export const scoresInput = z.object({
  scores: z
    .array(
      z.object({
        value,
        questionId: z.uuid().nullable().default(null),
        score: z.number().int().min(1, "Score from 1 to 5").max(5, "Score from 1 to 5"),
        evidence: lines("The evidence", 2000).default(""),
      }),
    )
    .min(1, "Score at least one value")
    .max(30),
});
export const EMAIL_TEMPLATE_KINDS = ["screened", "interview", "offer", "checks", "started", "rejected"] as const;
export type EmailTemplateKind = (typeof EMAIL_TEMPLATE_KINDS)[number];
export const emailTemplateInput = z.object({
  subject: line("The subject", 150).pipe(z.string().min(3, "Enter a subject")),
  body: lines("The email", 5000).pipe(z.string().min(10, "Write the email")),
});
export const slotInput = z
  .object({
    startsAt: z.iso.datetime({ offset: true, error: "Enter the start as a date and time" }),
    endsAt: z.iso.datetime({ offset: true, error: "Enter the end as a date and time" }),
    place: line("The place", 300).default(""),
  })
  .refine((s) => s.endsAt > s.startsAt, { path: ["endsAt"], message: "The end must be after the start" });

// Pre-employment checks.

export const DBS_LEVELS = ["standard", "enhanced", "enhanced_barred_adults"] as const;
export const DBS_UPDATE_SERVICE = ["not_subscribed", "subscribed_checked", "subscribed_not_checked"] as const;
export const RTW_METHODS = ["share_code", "manual_document", "idsp"] as const;
export const CHECK_ITEMS = [
  "identity",
  "dbs",
  "right_to_work",
  "references",
  "history",
  "health",
  "qualifications",
] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];
export const CHECK_LABELS: Record<CheckItem, string> = {
  identity: "Proof of identity",
  dbs: "DBS check",
  right_to_work: "Right to work",
  references: "References",
  history: "Employment history",
  health: "Health declaration",
  qualifications: "Qualifications",
};
const optDate = (what: string) => date(what).nullable().default(null);
export const referenceInput = z.object({
  referee: line("The referee").pipe(z.string().min(2, "Enter the referee")),
  relationship: line("The relationship", 120).default(""),
  lastCareEmployer: z.boolean().default(false),
  requestedOn: optDate("the date requested"),
  receivedOn: optDate("the date received"),
  satisfactory: z.boolean().nullable().default(null),
});
export const checksInput = z.object({
  identitySeenOn: optDate("the date identity was seen"),
  dbsLevel: z.enum(DBS_LEVELS).nullable().default(null),
  dbsCertificateNumber: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{12}$/.test(v), "A DBS certificate number is 12 digits")
    .nullable()
    .default(null),
  dbsIssuedOn: optDate("the DBS issue date"),
  dbsUpdateService: z.enum(DBS_UPDATE_SERVICE).nullable().default(null),
  dbsUpdateCheckedOn: optDate("the Update Service check date"),
  rightToWorkMethod: z.enum(RTW_METHODS).nullable().default(null),
  rightToWorkDocument: line("The document", 120).nullable().default(null),
  rightToWorkCheckedOn: optDate("the right to work check date"),
  rightToWorkExpiresOn: optDate("the permission's expiry date"),
  rightToWorkFollowUpOn: optDate("the follow-up check date"),
  references: z.array(referenceInput).max(6).default([]),
  historyGapsExplained: z.boolean().default(false),
  historyNotes: lines("The notes on gaps", 2000).default(""),
  healthDeclarationOn: optDate("the health declaration date"),
  qualificationsVerifiedOn: optDate("the date qualifications were verified"),
  /** Which items of a shared bundle this employer relied on. */
  reliedOn: z.array(z.enum(CHECK_ITEMS)).default([]),
});
export type ChecksInput = z.infer<typeof checksInput>;
export const checkShareInput = z.object({
  fromApplicationId: z.uuid("Choose the application whose checks to share"),
  toApplicationId: z.uuid("Choose the employer to share them with"),
});

// Answers.

const stageCounts = z.record(z.string(), z.number());
export const advertView = z.object({
  id: z.string(),
  status: z.enum(["draft", "published", "closed", "refused"]),
  closedReason: z.string().nullable(),
  moderationNote: z.string().nullable(),
  employer: z.object({ id: z.string(), name: z.string() }),
  board: z.object({ id: z.string(), name: z.string() }),
  vacancyId: z.string(),
  workplace: z.object({ id: z.string(), name: z.string() }),
  place: z.object({ postcode: z.string().nullable(), outward: z.string().nullable() }),
  jobRole: codeLabel,
  frameworkRoleKey: z.string().nullable(),
  title: z.string(),
  reference: z.string(),
  summary: z.string(),
  description: z.string(),
  payUnit: z.enum(PAY_UNITS),
  payMin: z.number(),
  payMax: z.number().nullable(),
  payAgeBand: z.enum(PAY_AGE_BANDS),
  hoursPerWeek: z.number().nullable(),
  zeroHours: z.boolean(),
  contractType: z.enum(CONTRACT_TYPES),
  shiftPattern: z.string(),
  drivingRequired: z.boolean(),
  visaSponsorship: z.boolean(),
  noExperienceNeeded: z.boolean(),
  offers: z.string(),
  values: z.array(z.string()),
  closingDate: day,
  publishedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  questions: z.array(z.object({ id: z.string(), value: z.string(), question: z.string(), guidance: z.string() })),
  counts: stageCounts,
});
export type AdvertView = z.infer<typeof advertView>;
export const advertResponse = z.object({ advert: advertView });
export type AdvertResponse = z.infer<typeof advertResponse>;
export const advertsResponse = z.object({ adverts: z.array(advertView) });
export type AdvertsResponse = z.infer<typeof advertsResponse>;

export const payGuideResponse = z.object({
  on: day,
  legalMinimum: z.object({ hourly: z.number(), from: day, who: z.string(), band: z.string() }).nullable(),
  realLivingWage: z.object({ hourly: z.number(), from: day }).nullable(),
  /** The framework's roles and values the form offers. */
  roles: z.array(
    z.object({ key: z.string(), title: z.string(), values: z.array(z.string()), onward: z.array(z.string()) }),
  ),
  values: z.array(z.string()),
});
export type PayGuideResponse = z.infer<typeof payGuideResponse>;

export const applicationSummary = z.object({
  id: z.string(),
  advert: z.object({ id: z.string(), title: z.string() }),
  name: z.string(),
  stage,
  rejectionReason: z.string().nullable(),
  source: z.string(),
  submittedAt: timestamp,
  stageChangedAt: timestamp,
  interview: z.object({ startsAt: timestamp, place: z.string() }).nullable(),
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;
export const applicationsResponse = z.object({ applications: z.array(applicationSummary), counts: stageCounts });
export type ApplicationsResponse = z.infer<typeof applicationsResponse>;

export const RUBRIC: Record<number, string> = {
  1: "Missed the point or wholly inadequate",
  2: "Poor or incomplete, though with good points",
  3: "Adequate: hit the key points",
  4: "Strong: went beyond the basics",
  5: "Excellent: exactly what was sought",
};

export const checklistView = z.object({
  complete: z.boolean(),
  items: z.array(
    z.object({ item: z.string(), done: z.boolean(), missing: z.string(), reliedOn: z.string().nullable() }),
  ),
});
export const applicationDetail = applicationSummary.extend({
  email: z.string(),
  phone: z.string(),
  profile: z.record(z.string(), z.unknown()),
  answers: z.array(
    z.object({ questionId: z.string().nullable(), value: z.string(), question: z.string(), answer: z.string() }),
  ),
  startedOn: day.nullable(),
  staffRecordId: z.string().nullable(),
  candidateDeleted: z.boolean(),
  history: z.array(
    z.object({
      fromStage: z.string().nullable(),
      toStage: z.string(),
      reason: z.string().nullable(),
      at: timestamp,
      by: z.string().nullable(),
    }),
  ),
  notes: z.array(z.object({ id: z.string(), body: z.string(), author: z.string().nullable(), createdAt: timestamp })),
  scores: z.array(
    z.object({
      id: z.string(),
      value: z.string(),
      questionId: z.string().nullable(),
      score: z.number(),
      evidence: z.string(),
      assessor: z.string().nullable(),
      createdAt: timestamp,
    }),
  ),
  /** Total and average per value, and how many assessors scored it. */
  totals: z.array(z.object({ value: z.string(), total: z.number(), average: z.number(), assessors: z.number() })),
  rubric: z.record(z.string(), z.string()),
  /** The advert's values and questions to score against. */
  values: z.array(z.string()),
  checklist: checklistView.nullable(),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;
export const applicationResponse = z.object({ application: applicationDetail });
export type ApplicationResponse = z.infer<typeof applicationResponse>;
export const bulkMoveResponse = z.object({ moved: z.number() });
export type BulkMoveResponse = z.infer<typeof bulkMoveResponse>;

export const emailTemplateView = z.object({
  kind: z.enum(EMAIL_TEMPLATE_KINDS),
  subject: z.string(),
  body: z.string(),
  custom: z.boolean(),
});
export const emailTemplatesResponse = z.object({
  templates: z.array(emailTemplateView),
  placeholders: z.array(z.string()),
});
export type EmailTemplatesResponse = z.infer<typeof emailTemplatesResponse>;

export const slotView = z.object({
  id: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  place: z.string(),
  booked: z.object({ applicationId: z.string(), name: z.string() }).nullable(),
});
export const slotsResponse = z.object({ slots: z.array(slotView) });
export type SlotsResponse = z.infer<typeof slotsResponse>;

const referenceView = z.object({
  referee: z.string(),
  relationship: z.string(),
  lastCareEmployer: z.boolean(),
  requestedOn: day.nullable(),
  receivedOn: day.nullable(),
  satisfactory: z.boolean().nullable(),
});
export const checksView = z.object({
  identitySeenOn: day.nullable(),
  dbsLevel: z.string().nullable(),
  dbsCertificateNumber: z.string().nullable(),
  dbsIssuedOn: day.nullable(),
  dbsUpdateService: z.string().nullable(),
  dbsUpdateCheckedOn: day.nullable(),
  rightToWorkMethod: z.string().nullable(),
  rightToWorkDocument: z.string().nullable(),
  rightToWorkCheckedOn: day.nullable(),
  rightToWorkExpiresOn: day.nullable(),
  rightToWorkFollowUpOn: day.nullable(),
  references: z.array(referenceView),
  historyGapsExplained: z.boolean(),
  historyNotes: z.string(),
  healthDeclarationOn: day.nullable(),
  qualificationsVerifiedOn: day.nullable(),
  reliedOn: z.array(z.string()),
  updatedAt: timestamp.nullable(),
});
export type ChecksView = z.infer<typeof checksView>;
export const checksResponse = z.object({
  checks: checksView,
  checklist: checklistView,
  /** Bundles other employers did for this candidate, shared with the candidate's consent. */
  shared: z.array(
    z.object({ consentId: z.string(), employer: z.string(), checks: checksView, checklist: checklistView }),
  ),
});
export type ChecksResponse = z.infer<typeof checksResponse>;

export const checkShareView = z.object({
  id: z.string(),
  from: z.object({ applicationId: z.string(), employer: z.string() }),
  to: z.object({ employer: z.string() }),
  grantedAt: timestamp,
  withdrawnAt: timestamp.nullable(),
});
export const checkSharesResponse = z.object({ shares: z.array(checkShareView) });
export type CheckSharesResponse = z.infer<typeof checkSharesResponse>;
