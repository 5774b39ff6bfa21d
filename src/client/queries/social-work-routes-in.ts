// Routes into social work and practice educators (issue 20 items 2, 7): trainees, routes in at a
// glance, practice educators and their payments. Response types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import type {
  MyPracticeEducationResponse,
  PaymentPaidInput,
  PePaymentResponse,
  PracticeEducatorsResponse,
  RoutesInResponse,
  TraineeInput,
  TraineeOptionsResponse,
  TraineeOutcomeInput,
  TraineeResponse,
  TraineesResponse,
} from "../../shared/schemas/social-work-routes-in";
import { api } from "../lib/api";

export type {
  PePaymentView,
  PracticeEducatorView,
  TraineeDetail,
  TraineeInput,
  TraineeOutcomeInput,
  TraineeSummary,
} from "../../shared/schemas/social-work-routes-in";

const base = (orgId: string) => `/api/orgs/${orgId}/social-work`;

export const routesInKeys = {
  all: (orgId: string) => ["sw-routes-in", orgId] as const,
  trainee: (orgId: string, id: string) => ["sw-routes-in", orgId, "trainee", id] as const,
};

export const routesInQueries = {
  summary: (orgId: string) =>
    queryOptions({
      queryKey: [...routesInKeys.all(orgId), "summary"] as const,
      queryFn: () => api<RoutesInResponse>("GET", `${base(orgId)}/routes-in`),
    }),
  trainees: (orgId: string) =>
    queryOptions({
      queryKey: [...routesInKeys.all(orgId), "trainees"] as const,
      queryFn: () => api<TraineesResponse>("GET", `${base(orgId)}/trainees`),
    }),
  trainee: (orgId: string, id: string) =>
    queryOptions({
      queryKey: routesInKeys.trainee(orgId, id),
      queryFn: () => api<TraineeResponse>("GET", `${base(orgId)}/trainees/${id}`),
    }),
  options: (orgId: string) =>
    queryOptions({
      queryKey: [...routesInKeys.all(orgId), "options"] as const,
      queryFn: () => api<TraineeOptionsResponse>("GET", `${base(orgId)}/trainee-options`),
      staleTime: 60_000,
    }),
  practiceEducators: (orgId: string) =>
    queryOptions({
      queryKey: [...routesInKeys.all(orgId), "practice-educators"] as const,
      queryFn: () => api<PracticeEducatorsResponse>("GET", `${base(orgId)}/practice-educators`),
    }),
  mine: () =>
    queryOptions({
      queryKey: ["sw-routes-in", "me"] as const,
      queryFn: () => api<MyPracticeEducationResponse>("GET", "/api/me/social-work/practice-education"),
    }),
};

export const routesInApi = {
  createTrainee: (orgId: string, body: TraineeInput) => api<TraineeResponse>("POST", `${base(orgId)}/trainees`, body),
  updateTrainee: (orgId: string, id: string, body: TraineeInput) =>
    api<TraineeResponse>("PUT", `${base(orgId)}/trainees/${id}`, body),
  recordOutcome: (orgId: string, id: string, body: TraineeOutcomeInput) =>
    api<TraineeResponse>("POST", `${base(orgId)}/trainees/${id}/outcome`, body),
  markPaid: (orgId: string, paymentId: string, body: PaymentPaidInput) =>
    api<PePaymentResponse>("POST", `${base(orgId)}/pe-payments/${paymentId}/paid`, body),
};
