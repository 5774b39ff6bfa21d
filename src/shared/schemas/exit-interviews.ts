import { z } from "zod";
import { EXIT_REASONS } from "../social-work";
import { day } from "./common";
import { freeText } from "./text";

// Exit interviews (issue 20 item 9): an employer offers a leaver a single-use link; the leaver
// answers on a public page; reasons are collated with disclosure control. Requests and responses.

export const ANSWER_SCALE = ["yes", "maybe", "no"] as const;
export const EXIT_COMMENTS_MAX = 2000;
export const EXIT_LINK_DAYS = 60;
export const RECENT_LEAVER_DAYS = 90;

export const offerExitInterviewInput = z.object({ staffRecordId: z.uuid("Choose the leaver") });
export const offerResponse = z.object({
  staffRecordId: z.string(),
  name: z.string(),
  /** The link to pass on: shown once, never again (only its hash is kept). */
  link: z.string(),
  expiresOn: day,
});
export type OfferResponse = z.infer<typeof offerResponse>;
export const offerManyResponse = z.object({ offers: z.array(offerResponse) });
export type OfferManyResponse = z.infer<typeof offerManyResponse>;

export const EXIT_STATUSES = ["not_offered", "offered", "answered", "declined", "expired"] as const;
export const leaverView = z.object({
  staffRecordId: z.string(),
  name: z.string(),
  /** The team, for the council's social work service; the workplace otherwise. */
  group: z.string(),
  leftOn: day,
  status: z.enum(EXIT_STATUSES),
  offeredOn: day.nullable(),
  expiresOn: day.nullable(),
  /** Shown only when answered and the leaver agreed to share their comments with the employer. */
  sharedComments: z.string().nullable(),
});
export type LeaverView = z.infer<typeof leaverView>;
export const leaversQuery = z.object({
  since: z.iso.date("since is a date as YYYY-MM-DD").optional(),
});
export const leaversResponse = z.object({ leavers: z.array(leaverView), since: day });
export type LeaversResponse = z.infer<typeof leaversResponse>;

export const exitInterviewQuestions = z.object({
  employerName: z.string(),
  reasons: z.array(z.object({ key: z.enum(EXIT_REASONS), label: z.string() })),
  expiresOn: day,
});
export type ExitInterviewQuestions = z.infer<typeof exitInterviewQuestions>;

const scale = (what: string) => z.enum(ANSWER_SCALE, { error: `Choose yes, maybe or no for ${what}` });
export const exitInterviewAnswer = z
  .object({
    reasons: z
      .array(z.enum(EXIT_REASONS, { error: "Choose reasons from the list" }), { error: "Choose at least one reason" })
      .min(1, "Choose at least one reason for leaving")
      .max(EXIT_REASONS.length, "Choose each reason once"),
    mainReason: z.enum(EXIT_REASONS, { error: "Choose your main reason for leaving" }),
    wouldReturn: scale("whether you would come back"),
    wouldRecommend: scale("whether you would recommend working here"),
    comments: freeText(
      z
        .string()
        .trim()
        .max(EXIT_COMMENTS_MAX, `Keep your comments under ${EXIT_COMMENTS_MAX.toLocaleString("en-GB")} characters`),
      "comments",
      { multiLine: true },
    ).default(""),
    shareWithEmployer: z.boolean({ error: "Say whether to share your comments with your employer" }).default(false),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (new Set(v.reasons).size !== v.reasons.length)
      ctx.issues.push({ code: "custom", input: v.reasons, path: ["reasons"], message: "Choose each reason once" });
    if (!v.reasons.includes(v.mainReason))
      ctx.issues.push({
        code: "custom",
        input: v.mainReason,
        path: ["mainReason"],
        message: "Your main reason must be one of the reasons you chose",
      });
  });
export type ExitInterviewAnswer = z.input<typeof exitInterviewAnswer>;
export const exitInterviewDone = z.object({ ok: z.literal(true) });

/** A count after disclosure control: null when withheld ("suppressed": 1 to 4 people). */
export const protectedCount = z.object({ count: z.number().nullable(), withheld: z.boolean() });
export const reasonGroup = z.object({
  key: z.string(),
  label: z.string(),
  /** all, service, team, workplace or providers. */
  kind: z.string(),
  /** Answered interviews in the group; null when too few to show anything. */
  answered: z.number().nullable(),
  reasons: z.array(z.object({ key: z.string(), label: z.string() }).extend(protectedCount.shape)),
  mainReasons: z.array(z.object({ key: z.string(), label: z.string() }).extend(protectedCount.shape)),
  /** The leaving reasons on the same leavers' staff records (ASC-WDS). */
  leavingReasons: z.array(z.object({ key: z.string(), label: z.string() }).extend(protectedCount.shape)),
});
export type ReasonGroup = z.infer<typeof reasonGroup>;
export const reasonsQuery = z.object({
  from: z.iso.date("from is a date as YYYY-MM-DD").optional(),
  to: z.iso.date("to is a date as YYYY-MM-DD").optional(),
});
export const reasonsResponse = z.object({
  from: day,
  to: day,
  threshold: z.number(),
  groups: z.array(reasonGroup),
});
export type ReasonsResponse = z.infer<typeof reasonsResponse>;
