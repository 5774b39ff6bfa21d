// Apprenticeships, levy transfer brokerage and LDSS funding claims (issue 18 items 6 and 7).
// Types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import type {
  ApprenticeshipInput,
  ApprenticeshipsResponse,
  ApprenticeshipUpdate,
  FundingClaimsResponse,
  LevyDecisionInput,
  LevyRequestInput,
  MarkClaimsInput,
  OpenPledgesResponse,
  PledgeInput,
  PledgesResponse,
} from "../../shared/schemas/training-apprenticeships";
import { api } from "../lib/api";

export type {
  ApprenticeshipsResponse,
  ApprenticeshipView,
  FundingClaimsResponse,
  MyLevyRequestView,
  OpenPledgesResponse,
  PledgesResponse,
  PledgeView,
} from "../../shared/schemas/training-apprenticeships";

export const apprenticeshipKeys = {
  list: (orgId: string) => ["orgs", orgId, "apprenticeships"] as const,
  pledges: (orgId: string) => ["orgs", orgId, "levy", "pledges"] as const,
  open: (orgId: string) => ["orgs", orgId, "levy", "open"] as const,
  claims: (orgId: string) => ["orgs", orgId, "funding-claims"] as const,
};

export const apprenticeshipQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: apprenticeshipKeys.list(orgId),
      queryFn: () => api<ApprenticeshipsResponse>("GET", `/api/orgs/${orgId}/apprenticeships`),
    }),
  pledges: (orgId: string) =>
    queryOptions({
      queryKey: apprenticeshipKeys.pledges(orgId),
      queryFn: () => api<PledgesResponse>("GET", `/api/orgs/${orgId}/levy/pledges`),
    }),
  openPledges: (orgId: string) =>
    queryOptions({
      queryKey: apprenticeshipKeys.open(orgId),
      queryFn: () => api<OpenPledgesResponse>("GET", `/api/orgs/${orgId}/levy/open-pledges`),
    }),
  claims: (orgId: string) =>
    queryOptions({
      queryKey: apprenticeshipKeys.claims(orgId),
      queryFn: () => api<FundingClaimsResponse>("GET", `/api/orgs/${orgId}/training/funding-claims`),
    }),
};

/** Where the claim exports are downloaded from (links, not fetches). */
export const fundingClaimsExport = (orgId: string, format: "csv" | "xlsx") =>
  `/api/orgs/${orgId}/training/funding-claims.${format}`;

export const apprenticeshipApi = {
  record: (orgId: string, body: ApprenticeshipInput) =>
    api<unknown>("POST", `/api/orgs/${orgId}/apprenticeships`, body),
  update: (orgId: string, id: string, body: ApprenticeshipUpdate) =>
    api<unknown>("PATCH", `/api/orgs/${orgId}/apprenticeships/${id}`, body),
  pledge: (orgId: string, body: PledgeInput) => api<unknown>("POST", `/api/orgs/${orgId}/levy/pledges`, body),
  decide: (orgId: string, pledgeId: string, requestId: string, body: LevyDecisionInput) =>
    api<unknown>("POST", `/api/orgs/${orgId}/levy/pledges/${pledgeId}/requests/${requestId}/decision`, body),
  request: (orgId: string, body: LevyRequestInput) => api<unknown>("POST", `/api/orgs/${orgId}/levy/requests`, body),
  withdraw: (orgId: string, id: string) => api<unknown>("POST", `/api/orgs/${orgId}/levy/requests/${id}/withdraw`),
  markClaimed: (orgId: string, body: MarkClaimsInput) =>
    api<unknown>("POST", `/api/orgs/${orgId}/training/funding-claims/mark`, body),
};
