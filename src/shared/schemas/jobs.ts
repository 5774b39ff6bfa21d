import { z } from "zod";
import { CONTRACT_TYPES, PAY_AGE_BANDS, PAY_UNITS } from "../recruitment";
import { day, timestamp } from "./common";

// The public job board (issue 17 item 2): the search's query, its answer, an advert's page, and
// job alerts. Read by anyone, so the answers hold the advert and nothing beyond it.

/** Results on one page of the board. */
export const JOBS_PAGE_SIZE = 20;
/** Miles searched round a postcode when no radius is chosen. */
export const DEFAULT_RADIUS = 10;
export const RADIUS_CHOICES = [1, 3, 5, 10, 15, 20, 30] as const;

export const POSTCODE_MESSAGE = "Enter a postcode in the area, like WA7 1AB";

/** The hours filter: contracted hours a week (30 or more is full time), or no guaranteed hours. */
export const HOURS_FILTERS = ["full_time", "part_time", "zero_hours"] as const;
export const HOURS_FILTER_LABELS: Record<(typeof HOURS_FILTERS)[number], string> = {
  full_time: "Full time (30 hours a week or more)",
  part_time: "Part time (under 30 hours a week)",
  zero_hours: "Zero hours or bank (no guaranteed hours)",
};
/** Contracted hours a week from which a job counts as full time. */
export const FULL_TIME_HOURS = 30;

/** A yes/no filter in an address: "true" or "false" (a tick box sends "true"). */
const flag = (what: string) =>
  z
    .enum(["true", "false"], { error: `${what} is true or false` })
    .transform((v) => v === "true")
    .optional();

/**
 * The board's search. `role` is either a role key of the council's published career framework
 * ("care_worker": adverts mapped to that role, or whose ASC-WDS job role is one of the role's)
 * or an ASC-WDS main job role code ("8": adverts with that job role), so the careers roadmap and
 * systems that speak ASC-WDS can both link to the board.
 */
export const jobSearchQuery = z.object({
  council: z
    .string({ error: "Choose the council's job board (council=<slug>)" })
    .trim()
    .regex(/^[a-z0-9-]{1,80}$/, "Choose the council's job board (council=<slug>)"),
  q: z.string().trim().max(100, "Search for at most 100 characters").optional(),
  role: z
    .string()
    .trim()
    .regex(/^([a-z0-9_]{1,60}|[0-9]{1,3})$/, "Choose a role from the list")
    .optional(),
  postcode: z.string().trim().max(12, POSTCODE_MESSAGE).optional(),
  radius: z.coerce
    .number({ error: "Choose a distance in miles" })
    .int("Choose a distance in whole miles")
    .min(1, "Choose a distance of at least 1 mile")
    .max(50, "Choose a distance of at most 50 miles")
    .optional(),
  /** Pounds an hour the pay starts at, at least (annual pay counted at its hours, or 37.5 a week). */
  payMin: z.coerce
    .number({ error: "Enter the lowest pay as pounds an hour, like 12.50" })
    .min(0, "The lowest pay cannot be negative")
    .max(200, "Enter the lowest pay as pounds an hour, like 12.50")
    .optional(),
  hours: z.enum(HOURS_FILTERS, { error: "Choose full time, part time or zero hours" }).optional(),
  contract: z.enum(CONTRACT_TYPES, { error: "Choose a contract type from the list" }).optional(),
  noExperience: flag("noExperience"),
  /** true: only jobs that need a driver; false: only jobs that do not. */
  driving: flag("driving"),
  sponsorship: flag("sponsorship"),
  page: z.coerce
    .number({ error: "page is a number" })
    .int("page is a whole number")
    .min(1, "page is 1 or more")
    .max(500, "page is 500 or less")
    .default(1),
});
export type JobSearchQuery = z.output<typeof jobSearchQuery>;
export type JobSearchParams = z.input<typeof jobSearchQuery>;

const pay = z.object({
  unit: z.enum(PAY_UNITS),
  minPence: z.number().int(),
  maxPence: z.number().int().nullable(),
  /** "£12.60 to £13.20 an hour" */
  text: z.string(),
});

const contract = z.object({
  type: z.enum(CONTRACT_TYPES),
  label: z.string(),
  zeroHours: z.boolean(),
  hoursPerWeek: z.number().nullable(),
  /** "37.5 hours a week", or "Zero hours contract: no guaranteed hours" said plainly. */
  hoursText: z.string(),
});

export const jobListItem = z.object({
  id: z.string(),
  title: z.string(),
  employer: z.object({ name: z.string() }),
  /** The town, or the postcode district's place. */
  place: z.string(),
  outward: z.string().nullable(),
  summary: z.string(),
  pay,
  contract,
  noExperienceNeeded: z.boolean(),
  drivingRequired: z.boolean(),
  visaSponsorship: z.boolean(),
  closingDate: day,
  publishedAt: timestamp,
  /** Miles from the searched postcode's district, to one decimal place; null without a postcode. */
  distanceMiles: z.number().nullable(),
});
export type JobListItem = z.infer<typeof jobListItem>;

export const jobSearchResponse = z.object({
  council: z.object({ name: z.string(), slug: z.string() }),
  /** The searched place, when a postcode was given. */
  origin: z.object({ outward: z.string(), place: z.string(), radius: z.number() }).nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
  jobs: z.array(jobListItem),
});
export type JobSearchResponse = z.infer<typeof jobSearchResponse>;

/** Live adverts on a council's board for each role of its framework (the careers roadmap's links). */
export const jobCountsResponse = z.object({
  council: z.object({ name: z.string(), slug: z.string() }),
  roles: z.array(z.object({ key: z.string(), title: z.string(), count: z.number().int() })),
  total: z.number().int(),
});
export type JobCountsResponse = z.infer<typeof jobCountsResponse>;
export const jobCountsQuery = jobSearchQuery.pick({ council: true });

/** The councils' job boards, with their live adverts (for /jobs opened without a council). */
export const jobBoardsResponse = z.object({
  boards: z.array(z.object({ name: z.string(), slug: z.string(), live: z.number().int() })),
});
export type JobBoardsResponse = z.infer<typeof jobBoardsResponse>;

const payFloor = z.object({ hourlyRate: z.number(), rateYear: z.string(), label: z.string() });

export const jobAdvertResponse = z.object({
  id: z.string(),
  council: z.object({ name: z.string(), slug: z.string() }),
  title: z.string(),
  reference: z.string(),
  summary: z.string(),
  /** Plain text: blank lines separate paragraphs, lines starting "- " are list items. */
  description: z.string(),
  employer: z.object({ name: z.string() }),
  workplace: z.object({
    name: z.string(),
    town: z.string().nullable(),
    postcode: z.string().nullable(),
    outward: z.string().nullable(),
    place: z.string(),
  }),
  role: z.object({
    jobRole: z.object({ code: z.number(), label: z.string() }),
    framework: z.object({ key: z.string(), title: z.string() }).nullable(),
  }),
  pay: pay.extend({
    ageBand: z.enum(PAY_AGE_BANDS),
    ageBandLabel: z.string(),
    /** The hourly rate the pay works out at (annual pay over its hours, or 37.5 a week), for the comparison. */
    hourlyPence: z.number().int().nullable(),
    /** The statutory minimum for the advert's age band in force today, and the Real Living Wage employers pay now. */
    nationalLivingWage: payFloor.nullable(),
    realLivingWage: payFloor.nullable(),
    /** "Pays £0.40 an hour above the Real Living Wage" and the like, for both floors. */
    comparison: z.array(z.string()),
  }),
  contract: contract.extend({ shiftPattern: z.string() }),
  noExperienceNeeded: z.boolean(),
  drivingRequired: z.boolean(),
  visaSponsorship: z.boolean(),
  offers: z.string(),
  values: z.array(z.string()),
  /** Where the role leads in the council's career framework (when the advert's role is mapped). */
  progression: z.array(
    z.object({
      to: z.object({ key: z.string(), title: z.string() }),
      how: z.string(),
      typicalMonths: z.number().nullable(),
    }),
  ),
  closingDate: day,
  publishedAt: timestamp,
});
export type JobAdvertResponse = z.infer<typeof jobAdvertResponse>;

// Job alerts.

const email = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Enter an email address of at most 254 characters")
  .pipe(z.email("Enter an email address in the correct format, like name@example.com"));

/** What an alert follows: the board's filters without the council and the page. */
export const jobAlertCriteria = jobSearchQuery.omit({ council: true, page: true }).strict();
export type JobAlertCriteria = z.output<typeof jobAlertCriteria>;

export const jobAlertInput = z.object({
  council: jobSearchQuery.shape.council,
  email,
  criteria: z.record(z.string(), z.string()).default({}),
});
export type JobAlertInput = z.input<typeof jobAlertInput>;

export const jobAlertTokenInput = z.object({
  token: z.string({ error: "The link is not complete" }).regex(/^[\w-]{20,100}$/, "The link is not complete"),
});

export const jobAlertResponse = z.object({
  /** pending: the confirmation email is on its way; confirmed; unsubscribed. */
  status: z.enum(["pending", "confirmed", "unsubscribed"]),
  message: z.string(),
});
export type JobAlertResponse = z.infer<typeof jobAlertResponse>;
