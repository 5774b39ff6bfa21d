// Workforce returns: a council's periods and who has submitted, a provider's returns. Response
// types live here, one place for the feature.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { createReturnPeriodInput } from "../../shared/schemas";
import { api } from "../lib/api";

export type ReturnStatus = "not_started" | "in_progress" | "submitted" | "late";
export interface Period {
  id: string;
  name: string;
  periodEnd: string;
  dueDate: string;
  /** Also asks for the contract-monitoring return (issue 19). */
  contractMonitoring: boolean;
}
export interface PeriodSummary extends Period {
  providers: number;
  byStatus: Record<ReturnStatus, number>;
}
export interface PeriodView {
  period: Period;
  byStatus: Record<ReturnStatus, number>;
  providers: {
    provider: { id: string; name: string };
    status: ReturnStatus;
    submittedAt: string | null;
    completenessScore: number | null;
  }[];
}
export interface ProviderReturn {
  period: Period;
  council: string;
  councilId: string;
  status: ReturnStatus;
  submittedAt: string | null;
  completeness: { score: number | null } | null;
}

export const returnKeys = {
  periods: (orgId: string) => ["periods", orgId] as const,
  returns: (orgId: string) => ["returns", orgId] as const,
};

export const returnQueries = {
  periods: (orgId: string) =>
    queryOptions({
      queryKey: returnKeys.periods(orgId),
      queryFn: () => api<{ periods: PeriodSummary[] }>("GET", `/api/orgs/${orgId}/return-periods`),
    }),
  period: (orgId: string, periodId: string) =>
    queryOptions({
      queryKey: [...returnKeys.periods(orgId), periodId],
      queryFn: () => api<PeriodView>("GET", `/api/orgs/${orgId}/return-periods/${periodId}`),
    }),
  returns: (orgId: string) =>
    queryOptions({
      queryKey: returnKeys.returns(orgId),
      queryFn: () => api<{ returns: ProviderReturn[] }>("GET", `/api/orgs/${orgId}/returns`),
    }),
};

export const returnApi = {
  createPeriod: (orgId: string, body: z.input<typeof createReturnPeriodInput>) =>
    api<unknown>("POST", `/api/orgs/${orgId}/return-periods`, body),
  submit: (orgId: string, periodId: string) => api<unknown>("POST", `/api/orgs/${orgId}/returns/${periodId}/submit`),
};
