// A council's strategy progress for the public (issue 16 item 6): the public and easy-read pages,
// and the council's switch. Response types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import type {
  PublicStrategyResponse,
  StrategyPublicInput,
  StrategyPublicSettingResponse,
} from "../../shared/schemas/strategy-public";
import { api } from "../lib/api";

export type { PublicStrategyResponse, StrategyPublicSettingResponse };

export const strategyPublicKeys = {
  setting: (orgId: string) => ["orgs", orgId, "strategy-public-page"] as const,
  page: (slug: string) => ["public-strategy", slug] as const,
};

export const strategyPublicQueries = {
  setting: (orgId: string) =>
    queryOptions({
      queryKey: strategyPublicKeys.setting(orgId),
      queryFn: () => api<StrategyPublicSettingResponse>("GET", `/api/orgs/${orgId}/strategy-public-page`),
    }),
  page: (slug: string) =>
    queryOptions({
      queryKey: strategyPublicKeys.page(slug),
      queryFn: () => api<PublicStrategyResponse>("GET", `/api/public/strategy/${encodeURIComponent(slug)}`),
      retry: false,
    }),
};

export const strategyPublicApi = {
  setPublic: (orgId: string, body: StrategyPublicInput) =>
    api<StrategyPublicSettingResponse>("PUT", `/api/orgs/${orgId}/strategy-public-page`, body),
};
