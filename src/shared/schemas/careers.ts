import { z } from "zod";
import { frameworkSchema, ROUTE_KINDS } from "../career/framework";
import { day, timestamp } from "./common";

// Answers of the careers routes (the inputs are in reference.ts).

export const publicCareersResponse = z.object({
  framework: frameworkSchema,
  /** The council's published version; null for the shipped framework. */
  version: z.number().nullable(),
  council: z.object({ name: z.string(), slug: z.string() }).nullable(),
  /** Open vacancies in the council's area by framework role. */
  vacancies: z.record(z.string(), z.number()),
  /** Local pay by framework role; null where too few people to show. */
  pay: z.record(
    z.string(),
    z.object({ medianHourly: z.number(), fullTimeYear: z.number(), people: z.number() }).nullable(),
  ),
});
export type PublicCareersResponse = z.infer<typeof publicCareersResponse>;

/** What a person has and still needs for a role. */
const gapView = z.object({
  role: z.object({ key: z.string(), title: z.string() }),
  requirements: z.array(
    z.object({
      need: z.enum(["required", "recommended"]),
      note: z.string().optional(),
      options: z.array(z.object({ key: z.string(), title: z.string(), held: z.boolean() })),
      met: z.boolean(),
    }),
  ),
  experience: z
    .object({
      months: z.number(),
      in: z.enum(["sector", "role"]),
      have: z.number().nullable(),
      met: z.boolean(),
      note: z.string().optional(),
    })
    .nullable(),
  stillNeeded: z.array(z.string()),
  ready: z.boolean(),
});
export type GapView = z.infer<typeof gapView>;
export const myCareerResponse = z.object({
  name: z.string(),
  current: z.object({ key: z.string(), title: z.string(), gap: gapView }).nullable(),
  next: z.array(
    z.object({
      role: z.object({ key: z.string(), title: z.string(), summary: z.string() }),
      how: z.string(),
      via: z.array(z.enum(ROUTE_KINDS)),
      typicalMonths: z.number().nullable(),
      gap: gapView,
    }),
  ),
});
export type MyCareerResponse = z.infer<typeof myCareerResponse>;

export const frameworkSummaryView = z.object({
  id: z.string(),
  status: z.string(),
  version: z.number().nullable(),
  title: z.string(),
  /** How many roles it has. */
  roles: z.number(),
  publishedAt: timestamp.nullable(),
  updatedAt: timestamp,
});
export type FrameworkSummaryView = z.infer<typeof frameworkSummaryView>;
export const frameworksResponse = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("council"),
    draft: frameworkSummaryView.nullable(),
    versions: z.array(
      frameworkSummaryView.extend({
        providers: z.array(z.object({ id: z.string(), name: z.string(), endorsedAt: timestamp.nullable() })),
        endorsedCount: z.number(),
        /** Names of commissioned providers that have not endorsed it. */
        notYet: z.array(z.string()),
      }),
    ),
  }),
  // endorsedAt is null until this provider endorses the version.
  z.object({
    kind: z.literal("provider"),
    frameworks: z.array(
      frameworkSummaryView.extend({
        council: z.string(),
        /** The council's address on the public roadmap (/careers?council=<slug>), where this version is shown. */
        councilSlug: z.string(),
        endorsedAt: timestamp.nullable(),
      }),
    ),
  }),
]);
export type FrameworksResponse = z.infer<typeof frameworksResponse>;

export const frameworkDraftResponse = z.object({
  id: z.string().nullable(),
  document: frameworkSchema,
  updatedAt: timestamp.nullable(),
});
export type FrameworkDraftResponse = z.infer<typeof frameworkDraftResponse>;
export const savedDraftResponse = z.object({ id: z.string(), updatedAt: timestamp });
export type SavedDraftResponse = z.infer<typeof savedDraftResponse>;
export const publishedResponse = z.object({
  id: z.string(),
  version: z.number().nullable(),
  publishedAt: timestamp.nullable(),
});
export type PublishedResponse = z.infer<typeof publishedResponse>;
export const endorsedResponse = z.object({
  frameworkId: z.string(),
  version: z.number().nullable(),
  endorsed: z.boolean(),
});
export type EndorsedResponse = z.infer<typeof endorsedResponse>;

export const jobTitleView = z.object({
  id: z.string(),
  providerId: z.string(),
  title: z.string(),
  roleKey: z.string(),
  createdAt: timestamp,
});
export type JobTitleView = z.infer<typeof jobTitleView>;
export const jobTitlesResponse = z.object({ jobTitles: z.array(jobTitleView) });
export type JobTitlesResponse = z.infer<typeof jobTitlesResponse>;
export const jobTitleResponse = z.object({ jobTitle: jobTitleView });
export type JobTitleResponse = z.infer<typeof jobTitleResponse>;

export const goalView = z.object({
  id: z.string(),
  orgId: z.string(),
  staffRecordId: z.string(),
  title: z.string(),
  roleKey: z.string().nullable(),
  dueOn: day.nullable(),
  doneOn: day.nullable(),
  createdAt: timestamp,
});
export type GoalView = z.infer<typeof goalView>;
export const planResponse = z.object({ shared: z.boolean(), goals: z.array(goalView) });
export type PlanResponse = z.infer<typeof planResponse>;
export const goalResponse = z.object({ goal: goalView });
export type GoalResponse = z.infer<typeof goalResponse>;
export const sharedPlansResponse = z.object({
  plans: z.array(
    z.object({
      id: z.string(),
      displayId: z.string(),
      mainJobRole: z.number(),
      updatedAt: timestamp,
      goals: z.array(goalView),
    }),
  ),
});
export type SharedPlansResponse = z.infer<typeof sharedPlansResponse>;
