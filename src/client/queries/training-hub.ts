// Shared training's hub part (issue 18 items 8 and 9): the pre-employment course's cohorts and
// report, the candidate's own places, an employer's guaranteed interviews, and training uptake.
// Types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type {
  CohortInput,
  CohortReportResponse,
  CohortResponse,
  CohortsResponse,
  CompleteInput,
  ConsentInput,
  GuaranteedInterviewsResponse,
  InterviewUpdate,
  LearnerInput,
  MyCohortsResponse,
  UptakeResponse,
} from "../../shared/schemas/training-hub";
import { api } from "../lib/api";

export type {
  CohortView,
  GuaranteedInterviewView,
  HubCount,
  LearnerView,
  MyCohortView,
  UptakeCounts,
  UptakeRow,
} from "../../shared/schemas/training-hub";
export type {
  CohortReportResponse,
  CohortResponse,
  CohortsResponse,
  GuaranteedInterviewsResponse,
  MyCohortsResponse,
  UptakeResponse,
};

/** The uptake page's period, kept in the address (values the API would refuse are dropped). */
export const uptakeSearch = z.object({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type UptakeSearch = z.infer<typeof uptakeSearch>;

export const trainingHubKeys = {
  cohorts: (orgId: string) => ["orgs", orgId, "training-cohorts"] as const,
  cohort: (orgId: string, id: string) => ["orgs", orgId, "training-cohorts", id] as const,
  report: (orgId: string) => ["orgs", orgId, "training-cohorts", "report"] as const,
  mine: (orgId: string) => ["orgs", orgId, "my-cohorts"] as const,
  interviews: (orgId: string) => ["orgs", orgId, "guaranteed-interviews"] as const,
  uptake: (orgId: string, s: UptakeSearch) => ["orgs", orgId, "training-uptake", s.from ?? "", s.to ?? ""] as const,
};

const period = (s: UptakeSearch) => {
  const p = new URLSearchParams();
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  const q = p.toString();
  return q ? `?${q}` : "";
};

export const trainingHubQueries = {
  cohorts: (orgId: string) =>
    queryOptions({
      queryKey: trainingHubKeys.cohorts(orgId),
      queryFn: () => api<CohortsResponse>("GET", `/api/orgs/${orgId}/training/cohorts`),
    }),
  cohort: (orgId: string, id: string) =>
    queryOptions({
      queryKey: trainingHubKeys.cohort(orgId, id),
      queryFn: () => api<CohortResponse>("GET", `/api/orgs/${orgId}/training/cohorts/${id}`),
    }),
  report: (orgId: string) =>
    queryOptions({
      queryKey: trainingHubKeys.report(orgId),
      queryFn: () => api<CohortReportResponse>("GET", `/api/orgs/${orgId}/training/cohorts/report`),
    }),
  mine: (orgId: string) =>
    queryOptions({
      queryKey: trainingHubKeys.mine(orgId),
      queryFn: () => api<MyCohortsResponse>("GET", `/api/orgs/${orgId}/my-cohorts`),
    }),
  interviews: (orgId: string) =>
    queryOptions({
      queryKey: trainingHubKeys.interviews(orgId),
      queryFn: () => api<GuaranteedInterviewsResponse>("GET", `/api/orgs/${orgId}/guaranteed-interviews`),
    }),
  uptake: (orgId: string, s: UptakeSearch) =>
    queryOptions({
      queryKey: trainingHubKeys.uptake(orgId, s),
      queryFn: () => api<UptakeResponse>("GET", `/api/orgs/${orgId}/training/uptake${period(s)}`),
    }),
};

export const trainingHubApi = {
  addCohort: (orgId: string, body: CohortInput) =>
    api<CohortResponse>("POST", `/api/orgs/${orgId}/training/cohorts`, body),
  editCohort: (orgId: string, id: string, body: CohortInput) =>
    api<CohortResponse>("PUT", `/api/orgs/${orgId}/training/cohorts/${id}`, body),
  enrol: (orgId: string, cohortId: string, body: LearnerInput) =>
    api<unknown>("POST", `/api/orgs/${orgId}/training/cohorts/${cohortId}/learners`, body),
  complete: (orgId: string, cohortId: string, learnerId: string, body: CompleteInput) =>
    api<unknown>("POST", `/api/orgs/${orgId}/training/cohorts/${cohortId}/learners/${learnerId}/complete`, body),
  withdraw: (orgId: string, cohortId: string, learnerId: string) =>
    api<unknown>("POST", `/api/orgs/${orgId}/training/cohorts/${cohortId}/learners/${learnerId}/withdraw`),
  consent: (orgId: string, learnerId: string, body: ConsentInput) =>
    api<MyCohortsResponse>("POST", `/api/orgs/${orgId}/my-cohorts/${learnerId}/consent`, body),
  recordInterview: (orgId: string, id: string, body: InterviewUpdate) =>
    api<unknown>("PATCH", `/api/orgs/${orgId}/guaranteed-interviews/${id}`, body),
};

/** A count as people read it: a number, or why it is not given. */
export function hubCountText(c: { count: number | null; reason?: string }): string {
  if (c.count !== null) return c.count.toLocaleString("en-GB");
  switch (c.reason) {
    case "suppressed":
      return "Withheld";
    case "not_enough_data":
      return "Not enough data";
    case "not_yet_known":
      return "Not yet known";
    default:
      return "–";
  }
}
