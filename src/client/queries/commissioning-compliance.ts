// Compliance computed from the data, and challenges (issue 19 item 2): the council's results per
// contract and quarter, its challenges to decide, and a provider's own results. Types come from
// the shared schema.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { PERIOD_PATTERN } from "../../shared/commissioning";
import type {
  ChallengeInput,
  ChallengeItem,
  ChallengeResponse,
  ChallengeStatus,
  ChallengesResponse,
  ComplianceResponse,
  ContractComplianceResponse,
  DecisionInput,
  RecomputeInput,
  RecomputeResponse,
  ResultView,
} from "../../shared/schemas/commissioning-compliance";
import { CHALLENGE_STATUSES } from "../../shared/schemas/commissioning-compliance";
import { api } from "../lib/api";

export type {
  ChallengeItem,
  ChallengeResponse,
  ChallengesResponse,
  ComplianceResponse,
  ContractComplianceResponse,
  ResultView,
};

/** A page's quarter in the address (a value the API would refuse is dropped). */
export const complianceSearch = z.object({
  period: z.string().regex(PERIOD_PATTERN).optional().catch(undefined),
});
export type ComplianceSearch = z.infer<typeof complianceSearch>;

/** The challenges page's filter in the address. */
export const challengesSearch = z.object({
  status: z.enum(CHALLENGE_STATUSES).optional().catch(undefined),
});
export type ChallengesSearch = z.infer<typeof challengesSearch>;

const q = (period?: string) => (period ? `?period=${encodeURIComponent(period)}` : "");

export const complianceKeys = {
  all: (orgId: string) => ["orgs", orgId, "compliance"] as const,
};

export const complianceQueries = {
  council: (orgId: string, period?: string) =>
    queryOptions({
      queryKey: [...complianceKeys.all(orgId), "council", period ?? ""] as const,
      queryFn: () => api<ComplianceResponse>("GET", `/api/orgs/${orgId}/commissioning/compliance${q(period)}`),
    }),
  contract: (orgId: string, contractId: string) =>
    queryOptions({
      queryKey: [...complianceKeys.all(orgId), "contract", contractId] as const,
      queryFn: () =>
        api<ContractComplianceResponse>("GET", `/api/orgs/${orgId}/commissioning/contracts/${contractId}/compliance`),
    }),
  challenges: (orgId: string, status?: ChallengeStatus) =>
    queryOptions({
      queryKey: [...complianceKeys.all(orgId), "challenges", status ?? ""] as const,
      queryFn: () =>
        api<ChallengesResponse>(
          "GET",
          `/api/orgs/${orgId}/commissioning/challenges${status ? `?status=${status}` : ""}`,
        ),
    }),
  provider: (orgId: string, period?: string) =>
    queryOptions({
      queryKey: [...complianceKeys.all(orgId), "provider", period ?? ""] as const,
      queryFn: () => api<ComplianceResponse>("GET", `/api/orgs/${orgId}/compliance${q(period)}`),
    }),
  providerContract: (orgId: string, contractId: string) =>
    queryOptions({
      queryKey: [...complianceKeys.all(orgId), "provider-contract", contractId] as const,
      queryFn: () => api<ContractComplianceResponse>("GET", `/api/orgs/${orgId}/contracts/${contractId}/compliance`),
    }),
};

export const complianceApi = {
  recompute: (orgId: string, body: RecomputeInput) =>
    api<RecomputeResponse>("POST", `/api/orgs/${orgId}/commissioning/compliance/recompute`, body),
  decide: (orgId: string, challengeId: string, body: DecisionInput) =>
    api<ChallengeResponse>("POST", `/api/orgs/${orgId}/commissioning/challenges/${challengeId}/decision`, body),
  challenge: (orgId: string, resultId: string, body: ChallengeInput) =>
    api<ChallengeResponse>("POST", `/api/orgs/${orgId}/compliance/results/${resultId}/challenges`, body),
};
