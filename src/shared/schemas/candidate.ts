import { z } from "zod";
import { outwardCode } from "../postcode";
import { APPLICATION_STAGES, POOL_VISIBILITY, RIGHT_TO_WORK } from "../recruitment";
import { email, newPassword } from "./auth";
import { day, timestamp } from "./common";
import { freeText } from "./text";

// Candidates (issue 17 items 3 and 4): an account, one profile, applications to one or several
// adverts at once, interview bookings, the talent pool they consent to, and deleting the account.

const name = freeText(
  z.string().trim().min(1, "Enter your full name").max(200, "Your name must be 200 characters or fewer"),
  "Your name",
);
const phone = freeText(
  z
    .string()
    .trim()
    .max(30, "Phone number must be 30 characters or fewer")
    .regex(/^[0-9+() -]*$/, "Enter a phone number, like 01632 960 001 or +44 7700 900 982"),
  "Phone number",
);
const experience = freeText(
  z.string().trim().max(4000, "Your experience must be 4,000 characters or fewer"),
  "Your experience",
  { multiLine: true },
);
const availability = freeText(
  z.string().trim().max(500, "Your availability must be 500 characters or fewer"),
  "When you can work",
  { multiLine: true },
);
const rightToWork = z.enum(RIGHT_TO_WORK, { error: "Say whether you have the right to work in the UK" });
const key = z.string().regex(/^[a-z0-9_]+$/, "Choose from the list");

/** The postcode district ("WA7") of a district typed alone or of a full postcode; an issue when it is neither. */
function toDistrict(v: string, ctx: z.RefinementCtx) {
  const out = outwardCode(v);
  if (!out) {
    ctx.addIssue({ code: "custom", message: `Enter a postcode district, like WA7 (not "${v.slice(0, 10)}")` });
    return z.NEVER;
  }
  return out;
}

/** A postcode district ("WA7"), typed alone or as a full postcode. */
const area = z.string().trim().max(10, "Enter a postcode district, like WA7").transform(toDistrict);

export const candidateSignUpInput = z.object({
  council: z.string().trim().min(1, "Choose the council's job board").max(100),
  name,
  email,
});
export type CandidateSignUpInput = z.infer<typeof candidateSignUpInput>;

export const joinBoardInput = z.object({
  council: z.string().trim().min(1, "Choose the council's job board").max(100),
});
export const joinBoardResponse = z.object({ orgId: z.string(), emailVerified: z.boolean() });

export const verifyEmailInput = z.object({
  token: z.string().min(10, "The link is not complete: copy the whole link from the email").max(200),
  /** The account's password, chosen on the link's page (an account made by signing up has none before). */
  password: newPassword.optional(),
});

export const candidateProfileInput = z.object({
  phone: phone.default(""),
  postcode: z
    .string()
    .trim()
    .max(10, "Enter a postcode, like WA7 1AB")
    .default("")
    .refine((v) => v === "" || outwardCode(v) !== null, "Enter a postcode, like WA7 1AB"),
  experience: experience.default(""),
  qualifications: z.array(key).max(50, "Choose at most 50 qualifications").default([]),
  rightToWork: rightToWork.default("not_sure"),
  drivingLicence: z.boolean({ error: "Say whether you have a driving licence" }).default(false),
  availability: availability.default(""),
  preferredRoles: z.array(key).max(20, "Choose at most 20 roles").default([]),
  preferredAreas: z.array(area).max(20, "Choose at most 20 areas").default([]),
});
export type CandidateProfileInput = z.input<typeof candidateProfileInput>;

const answer = z.object({
  questionId: z.uuid("Answer every question"),
  answer: freeText(
    // A blank answer is refused by the server naming its question (answers.<questionId>), so the page can point at it.
    z.string().trim().max(3000, "Answers must be 3,000 characters or fewer"),
    "Your answer",
    { multiLine: true },
  ),
});

/** A campaign code from a tracked link or typed on the form, or how the candidate heard (alert, feed). */
const sourceCode = z
  .string()
  .trim()
  .max(40, "The campaign code must be 40 characters or fewer")
  .regex(/^[A-Za-z0-9_-]*$/, "Enter the campaign code as it was given to you (letters, numbers and dashes)")
  .optional();

export const applyInput = z.object({
  advertIds: z
    .array(z.uuid("Choose the jobs to apply for"))
    .min(1, "Choose at least one job to apply for")
    .max(10, "Apply for at most 10 jobs at once"),
  answers: z.array(answer).max(60).default([]),
  source: sourceCode,
});
export type ApplyInput = z.input<typeof applyInput>;

export const guestApplyInput = z.object({
  name,
  email,
  phone: phone.refine((v) => v.length > 0, "Enter a phone number"),
  rightToWork,
  experience,
  answers: z.array(answer).max(40).default([]),
  source: sourceCode,
});
export type GuestApplyInput = z.input<typeof guestApplyInput>;

export const questionsQuery = z.object({
  advertIds: z
    .string()
    .max(400)
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(z.uuid("Choose the jobs to apply for")).min(1, "Choose at least one job").max(10)),
});

export const withdrawInput = z.object({
  reason: freeText(z.string().trim().max(500, "Keep the reason to 500 characters"), "The reason").optional(),
});

export const bookSlotInput = z.object({ slotId: z.uuid("Choose an interview time") });

export const poolConsentInput = z.object({
  visibility: z.enum(POOL_VISIBILITY, { error: "Choose who can find you" }),
  employerIds: z.array(z.uuid("Choose employers from the list")).max(200).default([]),
});
export type PoolConsentInput = z.input<typeof poolConsentInput>;

export const deleteAccountInput = z.object({
  password: z.string().min(1, "Enter your password to confirm").max(200),
});

export const poolSearchQuery = z.object({
  role: z
    .string()
    .regex(/^[a-z0-9_]*$/, "Choose a role from the list")
    .max(60)
    .optional(),
  area: z
    .string()
    .max(10)
    .optional()
    .transform((v, ctx) => (v ? toDistrict(v, ctx) : undefined)),
});

export const inviteInput = z.object({
  advertId: z.uuid("Choose the job to invite them to"),
  message: freeText(z.string().trim().max(1000, "Keep the message to 1,000 characters"), "The message", {
    multiLine: true,
  }).default(""),
});

// Answers.

const keyTitle = z.object({ key: z.string(), title: z.string() });
const idName = z.object({ id: z.string(), name: z.string() });

export const candidateSignUpResponse = z.object({ ok: z.literal(true), message: z.string() });
export const verifyEmailResponse = z.object({ ok: z.literal(true), signedIn: z.boolean(), orgId: z.string() });

export const candidateProfileView = z.object({
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  phone: z.string(),
  postcode: z.string(),
  experience: z.string(),
  qualifications: z.array(z.string()),
  rightToWork: z.enum(RIGHT_TO_WORK),
  drivingLicence: z.boolean(),
  availability: z.string(),
  preferredRoles: z.array(z.string()),
  preferredAreas: z.array(z.string()),
});
export const candidateProfileResponse = z.object({
  profile: candidateProfileView,
  /** What the profile's lists choose from: the council's framework catalogue and roles. */
  options: z.object({ qualifications: z.array(keyTitle), roles: z.array(keyTitle) }),
});
export type CandidateProfileResponse = z.infer<typeof candidateProfileResponse>;

export const openAdvertView = z.object({
  id: z.string(),
  title: z.string(),
  employer: z.string(),
  place: z.string().nullable(),
  closingDate: day,
});
export const openAdvertsResponse = z.object({ adverts: z.array(openAdvertView) });
export type OpenAdvertsResponse = z.infer<typeof openAdvertsResponse>;

export const questionView = z.object({
  id: z.string(),
  value: z.string(),
  question: z.string(),
  /** The employer's own question (null for the hub's questions every advert asks). */
  employer: z.string().nullable(),
  advertIds: z.array(z.string()),
});
export const questionsResponse = z.object({ questions: z.array(questionView) });
export type QuestionsResponse = z.infer<typeof questionsResponse>;

export const slotView = z.object({ id: z.string(), startsAt: timestamp, endsAt: timestamp, place: z.string() });
export type SlotView = z.infer<typeof slotView>;

export const candidateApplicationView = z.object({
  id: z.string(),
  advert: z.object({ id: z.string(), title: z.string(), employer: z.string() }),
  submittedAt: timestamp,
  stage: z.enum(APPLICATION_STAGES),
  status: z.string(),
  /** Said kindly when the employer did not take it forward. */
  reason: z.string().nullable(),
  canWithdraw: z.boolean(),
  canBook: z.boolean(),
  interview: slotView.nullable(),
});
export type CandidateApplicationView = z.infer<typeof candidateApplicationView>;
export const candidateApplicationsResponse = z.object({ applications: z.array(candidateApplicationView) });
export type CandidateApplicationsResponse = z.infer<typeof candidateApplicationsResponse>;
export const candidateApplicationResponse = z.object({ application: candidateApplicationView });
export const appliedResponse = z.object({
  applications: z.array(z.object({ id: z.string(), advertId: z.string(), title: z.string() })),
});
export type AppliedResponse = z.infer<typeof appliedResponse>;
export const guestAppliedResponse = z.object({ ok: z.literal(true), message: z.string() });

export const slotsResponse = z.object({ slots: z.array(slotView), booked: slotView.nullable() });
export type SlotsResponse = z.infer<typeof slotsResponse>;

export const poolConsentResponse = z.object({
  visibility: z.enum(POOL_VISIBILITY),
  employerIds: z.array(z.string()),
  /** Whom the candidate may choose: the council and the providers it commissions. */
  employers: z.array(idName),
  emailVerified: z.boolean(),
  history: z.array(z.object({ choice: z.string(), employers: z.number(), recordedAt: timestamp })),
});
export type PoolConsentResponse = z.infer<typeof poolConsentResponse>;

export const invitationsResponse = z.object({
  invitations: z.array(
    z.object({
      id: z.string(),
      employer: z.string(),
      advert: z.object({ id: z.string(), title: z.string(), closingDate: day, open: z.boolean() }),
      message: z.string(),
      sentAt: timestamp,
      applied: z.boolean(),
    }),
  ),
});
export type CandidateInvitationsResponse = z.infer<typeof invitationsResponse>;

/** What an employer sees of a pooled candidate: only what the candidate shared, no contact details. */
export const pooledCandidateView = z.object({
  id: z.string(),
  name: z.string(),
  area: z.string().nullable(),
  roles: z.array(keyTitle),
  experience: z.string(),
  qualifications: z.array(keyTitle),
  availability: z.string(),
  drivingLicence: z.boolean(),
  rightToWork: z.enum(RIGHT_TO_WORK),
});
export type PooledCandidateView = z.infer<typeof pooledCandidateView>;
export const poolSearchResponse = z.object({
  candidates: z.array(pooledCandidateView),
  roles: z.array(keyTitle),
  adverts: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type PoolSearchResponse = z.infer<typeof poolSearchResponse>;
export const poolInvitationResponse = z.object({ invitation: z.object({ id: z.string(), sentAt: timestamp }) });
