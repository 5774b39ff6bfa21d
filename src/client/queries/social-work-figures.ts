// The social work service's figures (issue 20 item 11): headline figures per service and team, and
// the monthly series with its CSV. Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import type { SwFiguresResponse, SwSeriesResponse } from "../../shared/schemas/social-work-figures";
import { api } from "../lib/api";

export type { SwFiguresResponse, SwSeriesResponse };

const base = (orgId: string) => `/api/orgs/${orgId}/social-work/figures`;

export const swFiguresQueries = {
  headline: (orgId: string) =>
    queryOptions({
      queryKey: ["orgs", orgId, "social-work", "figures"] as const,
      queryFn: () => api<SwFiguresResponse>("GET", base(orgId)),
    }),
  series: (orgId: string, months: 12 | 36) =>
    queryOptions({
      queryKey: ["orgs", orgId, "social-work", "figures", "series", months] as const,
      queryFn: () => api<SwSeriesResponse>("GET", `${base(orgId)}/series?months=${months}`),
    }),
};

/** Where the series downloads as CSV (a plain link: the browser saves the file). */
export const swSeriesCsvUrl = (orgId: string, months: 12 | 36) => `${base(orgId)}/series.csv?months=${months}`;
