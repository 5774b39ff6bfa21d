import { overviewQuery, overviewResponse } from "../../../shared/schemas/commissioning-overview";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { presentOverview } from "./overview.presenter";
import { commissioningOverview } from "./overview.service";

// The council's commissioning page (issue 19 item 6).

export function commissioningOverviewRoutes(r: Router) {
  r.define(
    {
      tag: "Commissioning",
      scope: "org",
      permission: "commissioning.view",
      orgKinds: ["council"],
      method: "get",
      path: "/api/orgs/:orgId/commissioning/overview",
      query: overviewQuery,
      response: overviewResponse,
      summary:
        "The council's commissioning for a quarter (period=2026-Q1, default the last ended): contracts in numbers by service type, compliance as standards × providers (each provider's worst result over its contracts, after challenges), Quality Premium totals approved or draft, home care prices and fee rates below the price floor today, the share of results met and providers meeting all their standards over four quarters, and what needs attention",
    },
    async (c, { query }) => c.json(presentOverview(await commissioningOverview(orgCtxOf(c), query))),
  );
}
