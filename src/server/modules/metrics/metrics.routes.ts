import {
  dashboardQuery,
  dashboardResponse,
  hubFiguresResponse,
  metricsQuery,
  metricsResponse,
  publicPageInput,
  publicPageResponse,
  publicWorkforceResponse,
  targetsInput,
  targetsResponse,
} from "../../../shared/schemas";
import { systemCtx } from "../../context";
import { ctxOf, orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { isoDate } from "../../lib/time";
import { providerDashboard } from "./dashboard.service";
import { keptCouncilDashboard } from "./dashboard-kept";
import { metricsFor } from "./metrics.service";
import { getPublicPageSetting, publicWorkforce, setPublicPage } from "./public.service";
import { latestNationalHeadlines } from "./refresh";
import { findTargets } from "./targets.repo";
import { setTargets } from "./targets.service";

export function metricsRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/admin/hub-figures",
      response: hubFiguresResponse,
      tag: "Workforce intelligence",
      scope: "hub_admin",
      summary:
        "The whole hub's headline figures (every organisation's workplaces, protected like any aggregate across employers) as the daily job last computed them, with the date they are as at and when they were computed; null before the job's first run",
    },
    async (c) => c.json({ national: await latestNationalHeadlines(ctxOf(c).deps) }),
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/metrics",
      response: metricsResponse,
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

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/dashboard",
      response: dashboardResponse,
      tag: "Workforce intelligence",
      scope: "org",
      permission: "metrics.view",
      summary:
        "The dashboard as at `at` (default today): for a council, headline figures for the providers it commissions against the previous quarter and its targets, by provider and by service type, with quarterly trends (provider=<id> for one provider); for a provider, its figures against its comparison group with its rank, and its data quality",
      query: dashboardQuery,
    },
    async (c, { query }) => {
      const ctx = orgCtxOf(c);
      const at = query.at ?? isoDate(ctx.deps.now());
      return c.json(
        ctx.org.kind === "council"
          ? await keptCouncilDashboard(ctx, at, query.provider)
          : await providerDashboard(ctx, at),
      );
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/targets",
      response: targetsResponse,
      orgKinds: ["council"],
      tag: "Workforce intelligence",
      scope: "org",
      permission: "metrics.view",
      summary: "The council's targets for its headline figures",
    },
    async (c) => c.json({ targets: await findTargets(orgCtxOf(c).db, orgCtxOf(c).org.id) }),
  );

  r.define(
    {
      method: "put",
      path: "/api/orgs/:orgId/targets",
      response: targetsResponse,
      orgKinds: ["council"],
      tag: "Workforce intelligence",
      scope: "org",
      permission: "metrics.manage",
      summary:
        "Set or remove (null) targets for headline figures, in the figure's unit: rates as fractions, money in pounds",
      body: targetsInput,
    },
    async (c, { body }) => c.json({ targets: await setTargets(orgCtxOf(c), body.targets) }),
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/public-page",
      response: publicPageResponse,
      orgKinds: ["council"],
      tag: "Workforce intelligence",
      scope: "org",
      permission: "metrics.view",
      summary: "Whether the council's public workforce page is on",
    },
    async (c) => c.json(await getPublicPageSetting(orgCtxOf(c))),
  );

  r.define(
    {
      method: "put",
      path: "/api/orgs/:orgId/public-page",
      response: publicPageResponse,
      orgKinds: ["council"],
      tag: "Workforce intelligence",
      scope: "org",
      permission: "metrics.manage",
      summary: "Switch the council's public 'state of the workforce' page on or off",
      body: publicPageInput,
    },
    async (c, { body }) => c.json(await setPublicPage(orgCtxOf(c), body.enabled)),
  );

  r.define(
    {
      method: "get",
      path: "/api/public/workforce/:slug",
      response: publicWorkforceResponse,
      tag: "Workforce intelligence",
      scope: "public",
      summary:
        "A council's public 'state of the workforce' figures, when it has switched the page on: counts rounded to the nearest 5, nothing resting on fewer than 3 employers or 10 workers",
    },
    async (c) => c.json(await publicWorkforce(systemCtx(c.var.deps), c.req.param("slug") ?? "")),
  );
}
