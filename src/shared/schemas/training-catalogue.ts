import { z } from "zod";
import { hasControlCharacter, hasHiddenCharacter } from "../text";
import {
  COURSE_STATUSES,
  LDSS_KINDS,
  PLACE_ALLOCATION,
  TRAINING_AUDIENCES,
  TRAINING_DELIVERY,
  TRAINING_FUNDING,
} from "../training";
import { codeLabel, timestamp } from "./common";
import { freeText } from "./text";

// Shared training's catalogue (issue 18 items 1 and 2): courses from the council's hub team and
// training partners, dated sessions with places shared fairly between providers, and the public
// list of courses with free places.

const line = (what: string, max = 200) =>
  freeText(z.string().trim().max(max, `${what} must be ${max} characters or fewer`), what);
const lines = (what: string, max = 4000) =>
  freeText(
    z
      .string()
      .trim()
      .max(max, `${what} must be ${max.toLocaleString("en-GB")} characters or fewer`),
    what,
    { multiLine: true },
  );
const key = z.string().regex(/^[a-z0-9_]+$/, "Choose a framework item from the list");
/** A framework item key in a query string (the public list takes it from anyone): bounded. */
const givesKey = key.max(100, "Choose a framework item from the list");
const id = (what: string) => z.uuid(`Choose ${what} from the list`);
const wholeNumber = (what: string) =>
  z.number({ error: `Enter ${what} as a whole number` }).int(`Enter ${what} as a whole number`);
const instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `Enter ${what} as a date and time, for example 2026-12-04T09:30:00Z` });

const courseFields = {
  title: freeText(
    z
      .string()
      .trim()
      .min(3, "Enter a course title of at least 3 characters")
      .max(150, "Enter a course title of at most 150 characters"),
    "The course title",
  ),
  summary: lines("The summary", 1000).default(""),
  /** ASC-WDS training category (checked against the ASC-WDS list by the server). */
  category: wholeNumber("the ASC-WDS training category"),
  frameworkItem: key.nullable().default(null),
  // Bounded as the integer columns are: a larger number would fail in the database as a 500.
  qualificationCode: wholeNumber("the ASC-WDS qualification code")
    .positive("Enter an ASC-WDS qualification code from the list")
    .max(99_999, "Enter an ASC-WDS qualification code from the list")
    .nullable()
    .default(null),
  level: wholeNumber("the level")
    .min(0, "Enter a level from 0 to 8")
    .max(8, "Enter a level from 0 to 8")
    .nullable()
    .default(null),
  hours: z
    .number({ error: "Enter the length in hours, for example 6 or 3.5" })
    // Stored to one decimal place: less than 0.1 would be kept as 0.
    .min(0.1, "Enter the length in hours: more than 0, at least 0.1")
    .max(5000, "Enter a length of at most 5,000 hours"),
  delivery: z.enum(TRAINING_DELIVERY, { error: "Choose classroom, online or blended" }),
  prerequisites: lines("The prerequisites", 1000).default(""),
  refreshMonths: wholeNumber("the refresh period in months")
    .min(1, "Enter a refresh period of at least 1 month, or leave it empty if the training does not expire")
    .max(120, "Enter a refresh period of at most 120 months")
    .nullable()
    .default(null),
  costPence: wholeNumber("the cost in pence")
    .min(0, "Enter a cost of 0 or more")
    .max(10_000_000, "Enter a cost of at most £100,000"),
  funding: z.enum(TRAINING_FUNDING, { error: "Choose who pays: free_commissioned, ldss, levy or charged" }),
  ldssKind: z
    .enum(LDSS_KINDS, { error: "Choose how the scheme pays: course, qualification or ommt" })
    .nullable()
    .default(null),
  ldssPence: wholeNumber("the LDSS amount in pence")
    .min(0, "Enter an LDSS amount of 0 or more")
    .max(10_000_000, "Enter an LDSS amount of at most £100,000")
    .nullable()
    .default(null),
  audience: z.enum(TRAINING_AUDIENCES, { error: "Choose the audience: staff or pre_employment" }).default("staff"),
  status: z.enum(["draft", "published"], { error: "Choose draft or published" }).default("published"),
};

export const createCourseInput = z.object({
  ...courseFields,
  /** The council whose catalogue it joins: a training partner commissioned by several councils names one. */
  councilId: id("the council").optional(),
});
export type CreateCourseInput = z.input<typeof createCourseInput>;

/** Every field may change; a field left out keeps its value. */
export const updateCourseInput = z
  .object({
    title: courseFields.title,
    summary: lines("The summary", 1000),
    category: courseFields.category,
    frameworkItem: key.nullable(),
    qualificationCode: courseFields.qualificationCode.unwrap(),
    level: courseFields.level.unwrap(),
    hours: courseFields.hours,
    delivery: courseFields.delivery,
    prerequisites: lines("The prerequisites", 1000),
    refreshMonths: courseFields.refreshMonths.unwrap(),
    costPence: courseFields.costPence,
    funding: courseFields.funding,
    ldssKind: courseFields.ldssKind.unwrap(),
    ldssPence: courseFields.ldssPence.unwrap(),
    audience: z.enum(TRAINING_AUDIENCES, { error: "Choose the audience: staff or pre_employment" }),
    status: z.enum(["draft", "published"], { error: "Choose draft or published" }),
  })
  .partial();
export type UpdateCourseInput = z.input<typeof updateCourseInput>;

const optionalText = (schema: z.ZodString) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const courseListQuery = z.object({
  q: optionalText(z.string().trim().max(100, "Search with at most 100 characters")),
  category: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : Number(v)),
    wholeNumber("the category")
      .min(1, "Choose an ASC-WDS training category from the list")
      .max(999, "Choose an ASC-WDS training category from the list")
      .optional(),
  ),
  delivery: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(TRAINING_DELIVERY, { error: "Choose classroom, online or blended" }).optional(),
  ),
  funding: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(TRAINING_FUNDING, { error: "Choose free_commissioned, ldss, levy or charged" }).optional(),
  ),
  gives: optionalText(givesKey),
});
export type CourseListQuery = z.input<typeof courseListQuery>;

export const quotaInput = z.object({
  orgId: id("the provider"),
  places: wholeNumber("the places").min(0, "Enter 0 or more places"),
});

const sessionFields = {
  startsAt: instant("the start"),
  endsAt: instant("the end"),
  venue: line("The venue", 300).default(""),
  link: z
    .string()
    .trim()
    .max(500, "The joining link must be 500 characters or fewer")
    .refine((v) => v === "" || /^https:\/\/\S+$/.test(v), "Enter the joining link as a web address starting https://")
    // \S lets control characters through (C0, DEL, C1): a link goes into emails and calendar files.
    .refine(
      (v) => !hasControlCharacter(v) && !hasHiddenCharacter(v),
      "The joining link contains a control character: enter the web address only",
    )
    .default(""),
  trainerName: line("The trainer's name", 120).default(""),
  trainerUserId: id("the trainer").nullable().default(null),
  capacity: wholeNumber("the capacity")
    .min(1, "Enter a capacity of at least 1 place")
    .max(500, "Enter a capacity of at most 500 places"),
  allocation: z
    .enum(PLACE_ALLOCATION, { error: "Choose how places are shared: open, quota or by_size" })
    .default("open"),
  /** Places held per provider (allocation quota only). */
  quotas: z.array(quotaInput).max(200).default([]),
  /** When held places open to everyone; default 7 days before the start. */
  releaseAt: instant("the release time").nullable().default(null),
  cancelHours: wholeNumber("the cancellation notice in hours")
    .min(0, "Enter 0 or more hours")
    .max(720, "Enter at most 720 hours (30 days)")
    .default(48),
};
export const createSessionInput = z.object(sessionFields);
export type CreateSessionInput = z.input<typeof createSessionInput>;

export const updateSessionInput = z
  .object({
    startsAt: sessionFields.startsAt,
    endsAt: sessionFields.endsAt,
    venue: line("The venue", 300),
    link: sessionFields.link.unwrap(),
    trainerName: line("The trainer's name", 120),
    trainerUserId: id("the trainer").nullable(),
    capacity: sessionFields.capacity,
    allocation: z.enum(PLACE_ALLOCATION, { error: "Choose how places are shared: open, quota or by_size" }),
    quotas: z.array(quotaInput).max(200),
    releaseAt: instant("the release time").nullable(),
    cancelHours: sessionFields.cancelHours.unwrap(),
  })
  .partial();
export type UpdateSessionInput = z.input<typeof updateSessionInput>;

export const cancelSessionInput = z.object({
  reason: freeText(
    z
      .string()
      .trim()
      .min(3, "Say why the session is cancelled (at least 3 characters)")
      .max(500, "Keep the reason to 500 characters"),
    "The reason",
  ),
});

// ——— Answers ———

const orgName = z.object({ id: z.string(), name: z.string() });

/** Places on a session as the viewer sees them (fair-places rule). */
const placesView = z.object({
  capacity: z.number(),
  freeTotal: z.number(),
  /** Places the viewer's organisation may book now. */
  freeForYou: z.number(),
  /** Of those, places held for the viewer's organisation. */
  heldForYou: z.number(),
  released: z.boolean(),
});

export const sessionView = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  venue: z.string(),
  link: z.string(),
  trainerName: z.string(),
  allocation: z.enum(PLACE_ALLOCATION),
  releaseAt: timestamp.nullable(),
  cancelHours: z.number(),
  status: z.enum(["scheduled", "cancelled"]),
  cancelledReason: z.string().nullable(),
  places: placesView,
  offeredBy: orgName,
  /** Whether the viewer's organisation runs it (and may change it). */
  yours: z.boolean(),
  /** The offerer only: the trainer's account, places held per provider and places taken. */
  offerer: z
    .object({
      trainerUserId: z.string().nullable(),
      quotas: z.array(z.object({ orgId: z.string(), name: z.string(), places: z.number(), taken: z.number() })),
      taken: z.number(),
    })
    .nullable(),
});
export type SessionView = z.infer<typeof sessionView>;

export const courseView = z.object({
  id: z.string(),
  councilId: z.string(),
  offeredBy: orgName,
  title: z.string(),
  summary: z.string(),
  category: codeLabel,
  frameworkItem: z.object({ key: z.string(), title: z.string() }).nullable(),
  qualificationCode: z.number().nullable(),
  level: z.number().nullable(),
  hours: z.number(),
  delivery: z.enum(TRAINING_DELIVERY),
  prerequisites: z.string(),
  refreshMonths: z.number().nullable(),
  costPence: z.number(),
  funding: z.enum(TRAINING_FUNDING),
  ldssKind: z.enum(LDSS_KINDS).nullable(),
  ldssPence: z.number().nullable(),
  audience: z.enum(TRAINING_AUDIENCES),
  status: z.enum(COURSE_STATUSES),
  yours: z.boolean(),
  /** Upcoming scheduled sessions and the places the viewer may book on them. */
  upcomingSessions: z.number(),
  freeForYou: z.number(),
  nextSessionAt: timestamp.nullable(),
});
export type CourseView = z.infer<typeof courseView>;

export const coursesResponse = z.object({ courses: z.array(courseView) });
export type CoursesResponse = z.infer<typeof coursesResponse>;
export const courseResponse = z.object({ course: courseView, sessions: z.array(sessionView) });
export type CourseResponse = z.infer<typeof courseResponse>;
export const sessionsResponse = z.object({ sessions: z.array(sessionView) });
export type SessionsResponse = z.infer<typeof sessionsResponse>;
export const sessionResponse = z.object({ session: sessionView });
export type SessionResponse = z.infer<typeof sessionResponse>;
export const cancelledSessionResponse = z.object({ session: sessionView, bookingsCancelled: z.number() });
export type CancelledSessionResponse = z.infer<typeof cancelledSessionResponse>;

/** What an offerer's forms choose from. */
export const catalogueOptionsResponse = z.object({
  councils: z.array(orgName),
  categories: z.array(codeLabel),
  frameworkItems: z.array(z.object({ key: z.string(), title: z.string(), councilId: z.string() })),
  /** Providers that may hold places; their staff in post only for the council (a training partner sees names only). */
  providers: z.array(orgName.extend({ councilId: z.string(), staff: z.number().nullable() })),
  trainers: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type CatalogueOptionsResponse = z.infer<typeof catalogueOptionsResponse>;

export const publicCoursesQuery = z.object({
  council: z
    .string({ error: "Say which council's courses to show: council=<slug>" })
    .trim()
    .min(1, "Say which council's courses to show: council=<slug>")
    .max(100, "A council's slug is at most 100 characters"),
  gives: optionalText(givesKey),
});

export const publicCourseView = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  offeredBy: z.string(),
  category: z.string(),
  frameworkItem: z.object({ key: z.string(), title: z.string() }).nullable(),
  level: z.number().nullable(),
  hours: z.number(),
  delivery: z.enum(TRAINING_DELIVERY),
  prerequisites: z.string(),
  refreshMonths: z.number().nullable(),
  costPence: z.number(),
  funding: z.enum(TRAINING_FUNDING),
  sessions: z.array(
    z.object({
      id: z.string(),
      startsAt: timestamp,
      endsAt: timestamp,
      /** The venue, or "Online". */
      place: z.string(),
      freePlaces: z.number(),
    }),
  ),
});
export const publicCoursesResponse = z.object({
  council: z.object({ name: z.string(), slug: z.string() }),
  courses: z.array(publicCourseView),
  /** Framework item keys some published course gives (the roadmap links to courses for these). */
  givesKeys: z.array(z.string()),
});
export type PublicCoursesResponse = z.infer<typeof publicCoursesResponse>;
