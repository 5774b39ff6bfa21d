// Progression (issue 20 item 6): the scheme, cases, development reviews, a worker's progression
// and one's own. Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import type {
  DecideCaseInput,
  DevelopmentReviewInput,
  DevelopmentReviewView,
  MyProgressionResponse,
  OpenCaseInput,
  ProgressionCaseResponse,
  ProgressionCasesResponse,
  ProgressionStepInput,
  ProgressionStepsResponse,
  ReviewsDueResponse,
  UpdateCaseInput,
  WorkerProgressionResponse,
} from "../../shared/schemas/social-work-progression";
import { api } from "../lib/api";

export type {
  ProgressionCaseResponse,
  ProgressionCasesResponse,
  ProgressionStepInput,
  ProgressionStepsResponse,
  WorkerProgressionResponse,
};
export type ProgressionStepView = ProgressionStepsResponse["steps"][number];

const base = (orgId: string) => `/api/orgs/${orgId}/social-work`;
const key = (orgId: string) => ["orgs", orgId, "social-work", "progression"] as const;

export const progressionQueries = {
  all: key,
  steps: (orgId: string) =>
    queryOptions({
      queryKey: [...key(orgId), "steps"],
      queryFn: () => api<ProgressionStepsResponse>("GET", `${base(orgId)}/progression/steps`),
    }),
  cases: (orgId: string) =>
    queryOptions({
      queryKey: [...key(orgId), "cases"],
      queryFn: () => api<ProgressionCasesResponse>("GET", `${base(orgId)}/progression/cases`),
    }),
  case: (orgId: string, caseId: string) =>
    queryOptions({
      queryKey: [...key(orgId), "case", caseId],
      queryFn: () => api<ProgressionCaseResponse>("GET", `${base(orgId)}/progression/cases/${caseId}`),
    }),
  due: (orgId: string) =>
    queryOptions({
      queryKey: [...key(orgId), "due"],
      queryFn: () => api<ReviewsDueResponse>("GET", `${base(orgId)}/development-reviews/due`),
    }),
  worker: (orgId: string, staffId: string) =>
    queryOptions({
      queryKey: [...key(orgId), "worker", staffId],
      queryFn: () => api<WorkerProgressionResponse>("GET", `${base(orgId)}/workers/${staffId}/progression`),
    }),
  mine: () =>
    queryOptions({
      queryKey: ["me", "social-work", "progression"],
      queryFn: () => api<MyProgressionResponse>("GET", "/api/me/social-work/progression"),
    }),
};

type StepResponse = { step: ProgressionStepView };

export const createStep = (orgId: string, body: ProgressionStepInput) =>
  api<StepResponse>("POST", `${base(orgId)}/progression/steps`, body);
export const updateStep = (orgId: string, stepId: string, body: ProgressionStepInput) =>
  api<StepResponse>("PUT", `${base(orgId)}/progression/steps/${stepId}`, body);
export const archiveStep = (orgId: string, stepId: string) =>
  api<StepResponse>("POST", `${base(orgId)}/progression/steps/${stepId}/archive`);
export const restoreStep = (orgId: string, stepId: string) =>
  api<StepResponse>("POST", `${base(orgId)}/progression/steps/${stepId}/restore`);
export const openCase = (orgId: string, body: OpenCaseInput) =>
  api<ProgressionCaseResponse>("POST", `${base(orgId)}/progression/cases`, body);
export const updateCase = (orgId: string, caseId: string, body: UpdateCaseInput) =>
  api<ProgressionCaseResponse>("PATCH", `${base(orgId)}/progression/cases/${caseId}`, body);
export const submitCase = (orgId: string, caseId: string) =>
  api<ProgressionCaseResponse>("POST", `${base(orgId)}/progression/cases/${caseId}/submit`);
export const decideCase = (orgId: string, caseId: string, body: DecideCaseInput) =>
  api<ProgressionCaseResponse>("POST", `${base(orgId)}/progression/cases/${caseId}/decision`, body);
export const recordReview = (orgId: string, staffId: string, body: DevelopmentReviewInput) =>
  api<{ review: DevelopmentReviewView }>("POST", `${base(orgId)}/workers/${staffId}/development-reviews`, body);

/** Text typed one item a line (criteria, evidence, training needs) as the list the API takes: blank lines left out. */
export const linesOf = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

/** What a case's status reads as. */
export const CASE_STATUS_LABELS: Record<ProgressionCaseResponse["case"]["status"], string> = {
  preparing: "Preparing",
  submitted: "Submitted to the panel",
  approved: "Approved",
  deferred: "Deferred",
  declined: "Declined",
};
