import { z } from "zod";
import {
  CAMPAIGN_AUDIENCES,
  CAMPAIGN_KINDS,
  FUNNEL_STAGES,
  RETENTION_MONTHS,
  SECTOR_VALUES,
  SOURCES,
} from "../recruitment";
import { day, timestamp } from "./common";
import { freeText } from "./text";

// The council's recruitment hub (issue 17 items 7 and 8): its values questions, campaigns,
// events, and the funnel to retention.

const date = (what: string) => z.iso.date(`Enter the ${what} as a real date`);

// Values questions.

export const valuesQuestionInput = z.object({
  value: z.enum(SECTOR_VALUES, { error: "Choose the value the question tests" }),
  question: freeText(
    z
      .string()
      .trim()
      .min(10, "Enter the question (at least 10 characters)")
      .max(500, "Keep the question under 500 characters"),
    "The question",
  ),
  guidance: freeText(z.string().trim().max(2000, "Keep the guidance under 2,000 characters"), "The guidance", {
    multiLine: true,
  }).default(""),
});
export type ValuesQuestionInput = z.infer<typeof valuesQuestionInput>;

export const valuesQuestionView = z.object({
  id: z.string(),
  value: z.enum(SECTOR_VALUES),
  question: z.string(),
  guidance: z.string(),
  position: z.number(),
  retiredAt: timestamp.nullable(),
});
export type ValuesQuestionView = z.infer<typeof valuesQuestionView>;
export const valuesQuestionsResponse = z.object({ questions: z.array(valuesQuestionView) });
export type ValuesQuestionsResponse = z.infer<typeof valuesQuestionsResponse>;
export const valuesQuestionResponse = z.object({ question: valuesQuestionView });

// Campaigns.

export const campaignInput = z
  .object({
    name: freeText(
      z.string().trim().min(1, "Enter the campaign's name").max(120, "Keep the name under 120 characters"),
      "The name",
    ),
    kind: z.enum(CAMPAIGN_KINDS, { error: "Choose what kind of campaign it is" }),
    audience: z.enum(CAMPAIGN_AUDIENCES, { error: "Choose who the campaign is for" }),
    code: z
      .string()
      .trim()
      .min(3, "Enter a tracked code of at least 3 characters")
      .max(40, "Keep the tracked code under 40 characters")
      .regex(/^[A-Za-z0-9-]+$/, "The tracked code may hold only letters, numbers and hyphens"),
    startsOn: date("start date"),
    endsOn: date("end date").nullable().default(null),
    description: freeText(
      z.string().trim().max(2000, "Keep the description under 2,000 characters"),
      "The description",
      { multiLine: true },
    ).default(""),
  })
  .refine((c) => !c.endsOn || c.endsOn >= c.startsOn, {
    path: ["endsOn"],
    error: "The end date must be on or after the start date",
  });
export type CampaignInput = z.infer<typeof campaignInput>;

export const campaignView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  audience: z.enum(CAMPAIGN_AUDIENCES),
  code: z.string(),
  startsOn: day,
  endsOn: day.nullable(),
  description: z.string(),
  /** The job board's address with the tracked code, relative to the hub. */
  link: z.string(),
});
export type CampaignView = z.infer<typeof campaignView>;
export const campaignsResponse = z.object({ campaigns: z.array(campaignView) });
export type CampaignsResponse = z.infer<typeof campaignsResponse>;
export const campaignResponse = z.object({ campaign: campaignView });

// Events.

export const recruitmentEventInput = z
  .object({
    title: freeText(
      z.string().trim().min(1, "Enter the event's title").max(160, "Keep the title under 160 characters"),
      "The title",
    ),
    startsAt: z.iso.datetime({ offset: true, error: "Enter when the event starts" }),
    endsAt: z.iso.datetime({ offset: true, error: "Enter when the event ends" }).nullable().default(null),
    place: freeText(
      z.string().trim().min(1, "Enter where the event is").max(200, "Keep the place under 200 characters"),
      "The place",
    ),
    description: freeText(
      z.string().trim().max(2000, "Keep the description under 2,000 characters"),
      "The description",
      { multiLine: true },
    ).default(""),
    campaignId: z.uuid("Choose one of the council's campaigns").nullable().default(null),
  })
  .refine((e) => !e.endsAt || Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    path: ["endsAt"],
    error: "The event must end after it starts",
  });
export type RecruitmentEventInput = z.infer<typeof recruitmentEventInput>;

export const recruitmentEventView = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: timestamp,
  endsAt: timestamp.nullable(),
  place: z.string(),
  description: z.string(),
  campaign: z.object({ id: z.string(), name: z.string(), code: z.string() }).nullable(),
});
export type RecruitmentEventView = z.infer<typeof recruitmentEventView>;
export const recruitmentEventsResponse = z.object({ events: z.array(recruitmentEventView) });
export type RecruitmentEventsResponse = z.infer<typeof recruitmentEventsResponse>;
export const recruitmentEventResponse = z.object({ event: recruitmentEventView });

export const publicEventsQuery = z.object({
  council: z.string().trim().min(1, "Say which council's events: ?council=<short name>").max(80),
});
export const publicEventsResponse = z.object({
  council: z.object({ name: z.string(), slug: z.string() }),
  events: z.array(recruitmentEventView),
});
export type PublicEventsResponse = z.infer<typeof publicEventsResponse>;

// The funnel.

export const funnelQuery = z
  .object({
    from: date("start of the period").optional(),
    to: date("end of the period").optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], error: "The end must be on or after the start" });

/** A count as a reader may see it: null with the reason when withheld (disclosure control). */
export const funnelCount = z.object({
  count: z.number().nullable(),
  /** suppressed: few people; not_enough_data: fewer than 3 employers; not_recorded: views are not kept by source. */
  reason: z.enum(["suppressed", "not_enough_data", "not_recorded"]).optional(),
});
export type FunnelCount = z.infer<typeof funnelCount>;

const stageCounts = z.object(
  Object.fromEntries(FUNNEL_STAGES.map((s) => [s, funnelCount])) as Record<
    (typeof FUNNEL_STAGES)[number],
    typeof funnelCount
  >,
);
export type StageCounts = z.infer<typeof stageCounts>;

export const funnelRow = z.object({ key: z.string(), label: z.string(), stages: stageCounts });
export type FunnelRow = z.infer<typeof funnelRow>;

export const retentionMark = z.object({
  months: z.union(RETENTION_MONTHS.map((m) => z.literal(m))),
  /** Hires with a staff record whose mark has passed. */
  eligible: funnelCount,
  retained: funnelCount,
  rate: z.number().nullable(),
});
export const retentionRow = z.object({
  key: z.string(),
  label: z.string(),
  /** The route's source (campaign for a campaign's row); null for all routes together. */
  source: z.enum(SOURCES).nullable(),
  hires: funnelCount,
  marks: z.array(retentionMark),
});
export type RetentionRow = z.infer<typeof retentionRow>;

export const funnelResponse = z.object({
  org: z.object({ id: z.string(), name: z.string(), kind: z.enum(["council", "provider"]) }),
  from: day,
  to: day,
  /** The council's board (every employer on it) or one employer's own. */
  view: z.enum(["board", "employer"]),
  stages: stageCounts,
  byEmployer: z.array(funnelRow),
  byRole: z.array(funnelRow),
  byCampaign: z.array(funnelRow),
  bySource: z.array(funnelRow),
  timeToHire: z.object({ medianDays: z.number().nullable(), hires: z.number().nullable() }),
  retention: z.array(retentionRow),
  retentionAll: retentionRow,
});
export type FunnelResponse = z.infer<typeof funnelResponse>;
