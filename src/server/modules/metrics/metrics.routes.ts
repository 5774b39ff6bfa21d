import { metricsQuery } from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { isoDate } from "../../lib/time";
import { metricsFor } from "./metrics.service";

export function metricsRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/metrics",
      tag: "Workforce intelligence",
      scope: "org",
      permission: "metrics.view",
      summary:
        "Workforce figures (names as in docs/metrics.md; rates as fractions, money in pounds) for scope=employer, workplace:<reference> or, for a council, council (the providers it commissions at the date), as at `at` (default today). `metrics` is a comma-separated list (default all).",
      query: metricsQuery,
    },
    async (c, { query }) => {
      const ctx = orgCtxOf(c);
      const result = await metricsFor(ctx, query.scope, query.at ?? isoDate(ctx.deps.now()), query.metrics);
      return c.json({
        scope: result.scope,
        at: result.at,
        values: Object.fromEntries(Object.entries(result.figures).map(([k, f]) => [k, f.value])),
        figures: result.figures,
      });
    },
  );
}
