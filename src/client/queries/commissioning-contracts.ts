// Commissioning's contracts and the standards library (issue 19 item 1): the council's library and
// contracts, and a provider's own contracts. Response types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { SERVICE_TYPES } from "../../shared/commissioning";
import type {
  AddContractStandardInput,
  ContractInput,
  ContractOptionsResponse,
  ContractResponse,
  ContractStandardResponse,
  ContractsResponse,
  RemoveContractStandardResponse,
  StandardInput,
  StandardResponse,
  StandardsResponse,
} from "../../shared/schemas/commissioning-contracts";
import { api } from "../lib/api";

export type {
  ContractDetail,
  ContractInput,
  ContractOptionsResponse,
  ContractStandardView,
  ContractSummary,
  PriceInput,
  StandardInput,
  StandardView,
} from "../../shared/schemas/commissioning-contracts";

/** The contract list's filters in the address (values the API would refuse are dropped). */
export const contractsSearch = z.object({
  serviceType: z.enum(SERVICE_TYPES).optional().catch(undefined),
  providerId: z.uuid().optional().catch(undefined),
  activeOn: z.iso.date().optional().catch(undefined),
});
export type ContractsSearch = z.infer<typeof contractsSearch>;

const base = (orgId: string) => `/api/orgs/${orgId}/commissioning`;
const qs = (filter: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
  return q.size ? `?${q}` : "";
};

export const contractKeys = {
  all: (orgId: string) => ["commissioning-contracts", orgId] as const,
  standards: (orgId: string) => ["commissioning-contracts", orgId, "standards"] as const,
  contracts: (orgId: string) => ["commissioning-contracts", orgId, "contracts"] as const,
  contract: (orgId: string, id: string) => ["commissioning-contracts", orgId, "contracts", id] as const,
};

export const contractQueries = {
  standards: (orgId: string) =>
    queryOptions({
      queryKey: contractKeys.standards(orgId),
      queryFn: () => api<StandardsResponse>("GET", `${base(orgId)}/standards`),
    }),
  contracts: (orgId: string, filter: ContractsSearch) =>
    queryOptions({
      queryKey: [...contractKeys.contracts(orgId), filter] as const,
      queryFn: () => api<ContractsResponse>("GET", `${base(orgId)}/contracts${qs(filter)}`),
    }),
  contract: (orgId: string, id: string) =>
    queryOptions({
      queryKey: contractKeys.contract(orgId, id),
      queryFn: () => api<ContractResponse>("GET", `${base(orgId)}/contracts/${id}`),
    }),
  options: (orgId: string) =>
    queryOptions({
      queryKey: ["commissioning-contracts", orgId, "options"] as const,
      queryFn: () => api<ContractOptionsResponse>("GET", `${base(orgId)}/contract-options`),
      staleTime: 5 * 60_000,
    }),
  /** A provider's own contracts. */
  providerContracts: (orgId: string) =>
    queryOptions({
      queryKey: ["provider-contracts", orgId] as const,
      queryFn: () => api<ContractsResponse>("GET", `/api/orgs/${orgId}/contracts`),
    }),
  providerContract: (orgId: string, id: string) =>
    queryOptions({
      queryKey: ["provider-contracts", orgId, id] as const,
      queryFn: () => api<ContractResponse>("GET", `/api/orgs/${orgId}/contracts/${id}`),
    }),
};

export const contractApi = {
  createStandard: (orgId: string, body: StandardInput) =>
    api<StandardResponse>("POST", `${base(orgId)}/standards`, body),
  updateStandard: (orgId: string, id: string, body: StandardInput) =>
    api<StandardResponse>("PUT", `${base(orgId)}/standards/${id}`, body),
  archiveStandard: (orgId: string, id: string) =>
    api<StandardResponse>("POST", `${base(orgId)}/standards/${id}/archive`),
  createContract: (orgId: string, body: ContractInput) =>
    api<ContractResponse>("POST", `${base(orgId)}/contracts`, body),
  updateContract: (orgId: string, id: string, body: ContractInput) =>
    api<ContractResponse>("PUT", `${base(orgId)}/contracts/${id}`, body),
  addStandard: (orgId: string, contractId: string, body: AddContractStandardInput) =>
    api<ContractStandardResponse>("POST", `${base(orgId)}/contracts/${contractId}/standards`, body),
  removeStandard: (orgId: string, contractId: string, id: string) =>
    api<RemoveContractStandardResponse>("DELETE", `${base(orgId)}/contracts/${contractId}/standards/${id}`),
};
