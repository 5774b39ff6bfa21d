// Exit interviews (issue 20 item 9): an employer's leavers and offers, the collated reasons, and
// the leaver's own public page. Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import type {
  ExitInterviewAnswer,
  ExitInterviewQuestions,
  LeaversResponse,
  OfferManyResponse,
  OfferResponse,
  ReasonsResponse,
} from "../../shared/schemas/exit-interviews";
import { api } from "../lib/api";

export type { ExitInterviewQuestions, LeaversResponse, OfferResponse, ReasonsResponse };

const base = (orgId: string) => `/api/orgs/${orgId}/exit-interviews`;

export const exitInterviewQueries = {
  leavers: (orgId: string) =>
    queryOptions({
      queryKey: ["orgs", orgId, "exit-interviews", "leavers"],
      queryFn: () => api<LeaversResponse>("GET", `${base(orgId)}/leavers`),
    }),
  reasons: (orgId: string) =>
    queryOptions({
      queryKey: ["orgs", orgId, "exit-interviews", "reasons"],
      queryFn: () => api<ReasonsResponse>("GET", `${base(orgId)}/reasons`),
    }),
  questions: (token: string) =>
    queryOptions({
      queryKey: ["exit-interview", token],
      queryFn: () => api<ExitInterviewQuestions>("GET", `/api/exit-interviews/${encodeURIComponent(token)}`),
      retry: false,
    }),
};

export const offerExitInterview = (orgId: string, staffRecordId: string) =>
  api<OfferResponse>("POST", base(orgId), { staffRecordId });
export const offerRecentLeavers = (orgId: string) => api<OfferManyResponse>("POST", `${base(orgId)}/recent`);
export const answerExitInterview = (token: string, body: ExitInterviewAnswer) =>
  api<{ ok: true }>("POST", `/api/exit-interviews/${encodeURIComponent(token)}`, body);
export const declineExitInterview = (token: string) =>
  api<{ ok: true }>("POST", `/api/exit-interviews/${encodeURIComponent(token)}/decline`);
