// Social work alerts on the home pages (issue 20 items 3, 4): what needs attention in the teams
// one sees, and in one's own records. Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import type { MyAlertsResponse, TeamAlertsResponse } from "../../shared/schemas/social-work-alerts";
import { api } from "../lib/api";

export type { MyAlertsResponse, TeamAlertsResponse };

export const swAlertKeys = {
  teams: (orgId: string) => ["orgs", orgId, "social-work", "alerts"] as const,
  mine: ["me", "social-work", "alerts"] as const,
};

export const swAlertQueries = {
  teams: (orgId: string) =>
    queryOptions({
      queryKey: swAlertKeys.teams(orgId),
      queryFn: () => api<TeamAlertsResponse>("GET", `/api/orgs/${orgId}/social-work/alerts`),
    }),
  mine: () =>
    queryOptions({
      queryKey: swAlertKeys.mine,
      queryFn: () => api<MyAlertsResponse>("GET", "/api/me/social-work/alerts"),
    }),
};
