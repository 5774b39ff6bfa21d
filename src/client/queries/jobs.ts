// The public job board (issue 17 item 2): the search, an advert's page, live jobs by role (the
// careers roadmap's links) and job alerts. Response types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { CONTRACT_TYPES } from "../../shared/recruitment";
import {
  HOURS_FILTERS,
  type JobAdvertResponse,
  type JobAlertInput,
  type JobAlertResponse,
  type JobBoardsResponse,
  type JobCountsResponse,
  type JobListItem,
  type JobSearchResponse,
  jobSearchQuery,
} from "../../shared/schemas/jobs";
import { api } from "../lib/api";

export type { JobAdvertResponse, JobAlertResponse, JobCountsResponse, JobListItem, JobSearchResponse };

/**
 * The board's filters in the address (`/jobs?council=halton&postcode=WA7&radius=5`), so a search
 * can be bookmarked and shared. The router reads "5" as a number and "true" as a boolean, so
 * text filters take either; a value the API would refuse (a stale or edited link) is dropped.
 */
const text = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .optional();
const yesNo = z
  .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
  .optional()
  .catch(undefined);
export const jobsSearch = z.object({
  council: text.pipe(jobSearchQuery.shape.council.optional()).catch(undefined),
  q: text.pipe(jobSearchQuery.shape.q).catch(undefined),
  role: text.pipe(jobSearchQuery.shape.role).catch(undefined),
  postcode: text.pipe(jobSearchQuery.shape.postcode).catch(undefined),
  radius: jobSearchQuery.shape.radius.catch(undefined),
  payMin: jobSearchQuery.shape.payMin.catch(undefined),
  hours: z.enum(HOURS_FILTERS).optional().catch(undefined),
  contract: z.enum(CONTRACT_TYPES).optional().catch(undefined),
  noExperience: yesNo,
  driving: yesNo,
  sponsorship: yesNo,
  page: jobSearchQuery.shape.page.optional().catch(undefined),
  /** A campaign's or a site's tracked code, kept on the way to applying. */
  source: text.pipe(z.string().max(60).optional()).catch(undefined),
});
export type JobsSearch = z.output<typeof jobsSearch>;

/** The address's filters as the API's query string (empty filters left out; the source is not a filter). */
export function jobsQueryString(search: JobsSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (key === "source" || value === undefined || value === "") continue;
    params.set(key, String(value));
  }
  return params.toString();
}

export const jobsKeys = {
  all: ["jobs"] as const,
  search: (search: JobsSearch) => ["jobs", "search", jobsQueryString(search)] as const,
  advert: (id: string) => ["jobs", "advert", id] as const,
  counts: (council: string) => ["jobs", "counts", council] as const,
  boards: ["jobs", "boards"] as const,
};

export const jobsQueries = {
  search: (search: JobsSearch) =>
    queryOptions({
      queryKey: jobsKeys.search(search),
      queryFn: () => api<JobSearchResponse>("GET", `/api/public/jobs?${jobsQueryString(search)}`),
      retry: false,
      enabled: Boolean(search.council),
    }),
  advert: (id: string) =>
    queryOptions({
      queryKey: jobsKeys.advert(id),
      queryFn: () => api<JobAdvertResponse>("GET", `/api/public/jobs/${encodeURIComponent(id)}`),
      retry: false,
    }),
  counts: (council: string) =>
    queryOptions({
      queryKey: jobsKeys.counts(council),
      queryFn: () => api<JobCountsResponse>("GET", `/api/public/jobs/counts?council=${encodeURIComponent(council)}`),
      retry: false,
    }),
};

export const jobBoardsQuery = queryOptions({
  queryKey: jobsKeys.boards,
  queryFn: () => api<JobBoardsResponse>("GET", "/api/public/jobs/boards"),
});

export const jobsApi = {
  createAlert: (body: JobAlertInput) => api<JobAlertResponse>("POST", "/api/public/job-alerts", body),
  confirmAlert: (token: string) => api<JobAlertResponse>("POST", "/api/public/job-alerts/confirm", { token }),
  unsubscribe: (token: string) => api<JobAlertResponse>("POST", "/api/public/job-alerts/unsubscribe", { token }),
};
