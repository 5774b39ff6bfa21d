// The ASYE programme (issue 20 item 3): the cohort with reviews due, one ASYE, a worker's and one's
// own, the register form's options, the quality view, and the writes. Types from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import type {
  AsyeListResponse,
  AsyeOptionsResponse,
  AsyeQualityResponse,
  AsyeResponse,
  AsyeReviewResponse,
  MyAsyeResponse,
  RecordReviewInput,
  RegisterAsyeInput,
  UpdateReviewInput,
  WithdrawAsyeInput,
  WorkerAsyeResponse,
} from "../../shared/schemas/social-work-asye";
import { api } from "../lib/api";

export type {
  AsyeDetailView,
  AsyeDueView,
  AsyeQualityMeasures,
  AsyeStageView,
  AsyeSummaryView,
} from "../../shared/schemas/social-work-asye";

const base = (orgId: string) => `/api/orgs/${orgId}/social-work`;

export const asyeKeys = {
  all: (orgId: string) => ["social-work-asye", orgId] as const,
  mine: ["social-work-asye", "me"] as const,
};

export const asyeQueries = {
  list: (orgId: string, show: "current" | "all" = "current") =>
    queryOptions({
      queryKey: [...asyeKeys.all(orgId), "list", show] as const,
      queryFn: () => api<AsyeListResponse>("GET", `${base(orgId)}/asye?show=${show}`),
    }),
  one: (orgId: string, id: string) =>
    queryOptions({
      queryKey: [...asyeKeys.all(orgId), "one", id] as const,
      queryFn: () => api<AsyeResponse>("GET", `${base(orgId)}/asye/${id}`),
    }),
  worker: (orgId: string, staffId: string) =>
    queryOptions({
      queryKey: [...asyeKeys.all(orgId), "worker", staffId] as const,
      queryFn: () => api<WorkerAsyeResponse>("GET", `${base(orgId)}/workers/${staffId}/asye`),
    }),
  mine: () =>
    queryOptions({ queryKey: asyeKeys.mine, queryFn: () => api<MyAsyeResponse>("GET", "/api/me/social-work/asye") }),
  options: (orgId: string) =>
    queryOptions({
      queryKey: [...asyeKeys.all(orgId), "options"] as const,
      queryFn: () => api<AsyeOptionsResponse>("GET", `${base(orgId)}/asye-options`),
    }),
  quality: (orgId: string) =>
    queryOptions({
      queryKey: [...asyeKeys.all(orgId), "quality"] as const,
      queryFn: () => api<AsyeQualityResponse>("GET", `${base(orgId)}/asye-quality`),
    }),
};

export const asyeApi = {
  register: (orgId: string, body: Partial<RegisterAsyeInput>) => api<AsyeResponse>("POST", `${base(orgId)}/asye`, body),
  withdraw: (orgId: string, id: string, body: WithdrawAsyeInput) =>
    api<AsyeResponse>("POST", `${base(orgId)}/asye/${id}/withdraw`, body),
  recordReview: (orgId: string, id: string, body: Partial<RecordReviewInput>) =>
    api<AsyeReviewResponse>("POST", `${base(orgId)}/asye/${id}/reviews`, body),
  updateReview: (orgId: string, id: string, reviewId: string, body: Partial<UpdateReviewInput>) =>
    api<AsyeReviewResponse>("PUT", `${base(orgId)}/asye/${id}/reviews/${reviewId}`, body),
  withdrawReview: (orgId: string, id: string, reviewId: string) =>
    api<AsyeResponse>("DELETE", `${base(orgId)}/asye/${id}/reviews/${reviewId}`),
};
