import { overviewQuery, overviewResponse } from "../../../shared/schemas/commissioning-overview";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { presentOverview } from "./overview.presenter";
import { commissioningOverview, complianceMatrix, quarterOf } from "./overview.service";
import { complianceCsv } from "./overview-export";

// The council's commissioning page (issue 19 item 6), and its compliance as a CSV file.

const COUNCIL = {
  tag: "Commissioning",
  scope: "org",
  permission: "commissioning.view",
  orgKinds: ["council"],
} as const;

export function commissioningOverviewRoutes(r: Router) {
  r.define(
    {
      ...COUNCIL,
      method: "get",
      path: "/api/orgs/:orgId/commissioning/overview",
      query: overviewQuery,
      response: overviewResponse,
      summary:
        "The council's commissioning for a quarter (period=2026-Q1, default the last ended): contracts in numbers by service type, compliance as standards × providers (each provider's worst result over its contracts, after challenges), Quality Premium totals approved or draft, home care prices and fee rates below the price floor today, the share of results met and providers meeting all their standards over four quarters, and what needs attention",
    },
    async (c, { query }) => c.json(presentOverview(await commissioningOverview(orgCtxOf(c), query))),
  );
  r.define(
    {
      ...COUNCIL,
      method: "get",
      path: "/api/orgs/:orgId/commissioning/overview/compliance.csv",
      query: overviewQuery,
      produces: "text/csv",
      summary:
        "The quarter's compliance across providers as a CSV file: one line per standard a contract carries, with the provider's worst result and the contract's own, and whether a challenge changed it",
    },
    async (c, { query }) => {
      const ctx = orgCtxOf(c);
      const { period } = quarterOf(ctx, query);
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="compliance-${period}.csv"`);
      return c.body(complianceCsv(period, await complianceMatrix(ctx, period)));
    },
  );
}
