// Agency social workers (issue 20 item 8): assignments, price caps, spend, the monthly starters,
// leavers and agency view and the DfE agency return. Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import type {
  AgencyAssignmentInput,
  AgencyAssignmentResponse,
  AgencyAssignmentsResponse,
  AgencyAssignmentView,
  AgencyReturnResponse,
  AgencySpendResponse,
  PriceCapInput,
  PriceCapsResponse,
  StartersLeaversResponse,
} from "../../shared/schemas/social-work-agency";
import { api } from "../lib/api";

export type {
  AgencyAssignmentInput,
  AgencyAssignmentView,
  AgencyReturnResponse,
  AgencySpendResponse,
  PriceCapsResponse,
  StartersLeaversResponse,
};

const base = (orgId: string) => `/api/orgs/${orgId}/social-work`;

export const swAgencyKeys = { all: (orgId: string) => ["orgs", orgId, "sw-agency"] as const };

export const swAgencyQueries = {
  assignments: (orgId: string, status: string) =>
    queryOptions({
      queryKey: [...swAgencyKeys.all(orgId), "assignments", status] as const,
      queryFn: () => api<AgencyAssignmentsResponse>("GET", `${base(orgId)}/agency/assignments?status=${status}`),
    }),
  caps: (orgId: string) =>
    queryOptions({
      queryKey: [...swAgencyKeys.all(orgId), "caps"] as const,
      queryFn: () => api<PriceCapsResponse>("GET", `${base(orgId)}/agency/price-caps`),
    }),
  spend: (orgId: string) =>
    queryOptions({
      queryKey: [...swAgencyKeys.all(orgId), "spend"] as const,
      queryFn: () => api<AgencySpendResponse>("GET", `${base(orgId)}/agency/spend`),
    }),
  startersLeavers: (orgId: string, months: number, by: string) =>
    queryOptions({
      queryKey: [...swAgencyKeys.all(orgId), "starters-leavers", months, by] as const,
      queryFn: () => api<StartersLeaversResponse>("GET", startersLeaversUrl(orgId, months, by)),
    }),
  agencyReturn: (orgId: string, period: string) =>
    queryOptions({
      queryKey: [...swAgencyKeys.all(orgId), "return", period] as const,
      queryFn: () => api<AgencyReturnResponse>("GET", `${base(orgId)}/agency/return/${period}`),
    }),
};

export const startersLeaversUrl = (orgId: string, months: number, by: string, format?: "csv" | "xlsx") =>
  `${base(orgId)}/starters-leavers${format ? `.${format}` : ""}?months=${months}&by=${by}`;
export const agencyReturnUrl = (orgId: string, period: string, format: "csv" | "xlsx") =>
  `${base(orgId)}/agency/return/${period}/return.${format}`;

export const createAssignment = (orgId: string, input: AgencyAssignmentInput) =>
  api<AgencyAssignmentResponse>("POST", `${base(orgId)}/agency/assignments`, input);
export const endAssignment = (orgId: string, id: string, endDate: string) =>
  api<AgencyAssignmentResponse>("POST", `${base(orgId)}/agency/assignments/${id}/end`, { endDate });
export const setPriceCap = (orgId: string, input: PriceCapInput) =>
  api<PriceCapsResponse>("PUT", `${base(orgId)}/agency/price-caps`, input);
