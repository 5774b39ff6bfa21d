// The council's commissioning page (issue 19 item 6): contracts in numbers, compliance across
// providers for a quarter, Quality Premium totals, prices below the floor, trends and what needs
// attention. Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { PERIOD_PATTERN } from "../../shared/commissioning";
import type { OverviewResponse } from "../../shared/schemas/commissioning-overview";
import { api } from "../lib/api";

export type { OverviewResponse };

/** The page's quarter, kept in the address (a value the API would refuse is dropped). */
export const overviewSearch = z.object({
  period: z.string().regex(PERIOD_PATTERN).optional().catch(undefined),
});
export type OverviewSearch = z.infer<typeof overviewSearch>;

export const commissioningOverviewKeys = {
  all: (orgId: string) => ["orgs", orgId, "commissioning-overview"] as const,
  overview: (orgId: string, s: OverviewSearch) => ["orgs", orgId, "commissioning-overview", s.period ?? ""] as const,
};

export const commissioningOverviewQueries = {
  overview: (orgId: string, s: OverviewSearch) =>
    queryOptions({
      queryKey: commissioningOverviewKeys.overview(orgId, s),
      queryFn: () =>
        api<OverviewResponse>(
          "GET",
          `/api/orgs/${orgId}/commissioning/overview${s.period ? `?period=${encodeURIComponent(s.period)}` : ""}`,
        ),
    }),
};

/** Where the council downloads a quarter's compliance across providers (CSV). */
export const complianceCsvUrl = (orgId: string, period: string) =>
  `/api/orgs/${orgId}/commissioning/overview/compliance.csv?period=${encodeURIComponent(period)}`;
