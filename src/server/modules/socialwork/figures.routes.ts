import {
  swFiguresQuery,
  swFiguresResponse,
  swSeriesQuery,
  swSeriesResponse,
} from "../../../shared/schemas/social-work-figures";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { presentFigures } from "./figures.presenter";
import { socialWorkFigures } from "./figures.service";
import { presentSeriesResponse, seriesCsv } from "./figures-series.presenter";
import { socialWorkSeries } from "./figures-series.service";

// The social work service (issue 20): the social work dashboard's figures with disclosure control
// (item 11). socialwork.figures: aggregates only (council admin, workforce lead, analyst, the
// service lead and team managers alike), never an individual's record.

const FIGURES = {
  tag: "Social work: figures",
  scope: "org",
  permission: "socialwork.figures",
  orgKinds: ["council"],
} as const;

export function socialWorkFigureRoutes(r: Router) {
  r.define(
    {
      ...FIGURES,
      method: "get",
      path: "/api/orgs/:orgId/social-work/figures",
      query: swFiguresQuery,
      response: swFiguresResponse,
      summary:
        "The social work service's headline figures at a date (default today; service=adults or children) per service and per team: vacancy and agency rates, turnover, stability, average caseload, supervision up to date, ASYE reviews on time, NQSW retention, grow your own. A team's figure on fewer than 5 is withheld, and another with it so it cannot be worked out from the service's",
    },
    async (c, { query }) => c.json(presentFigures(await socialWorkFigures(orgCtxOf(c), query))),
  );
  r.define(
    {
      ...FIGURES,
      method: "get",
      path: "/api/orgs/:orgId/social-work/figures/series",
      query: swSeriesQuery,
      response: swSeriesResponse,
      summary:
        "The social work figures month by month (months=12 or 36): each month's last day, the current month's today, per service and per team, withheld as the headline figures are",
    },
    async (c, { query }) => c.json(presentSeriesResponse(await socialWorkSeries(orgCtxOf(c), query))),
  );
  r.define(
    {
      ...FIGURES,
      method: "get",
      path: "/api/orgs/:orgId/social-work/figures/series.csv",
      query: swSeriesQuery,
      produces: "text/csv",
      summary:
        "The monthly series as a CSV file: one line per month, service or team, and figure, with its base and why a value is withheld",
    },
    async (c, { query }) => {
      const series = await socialWorkSeries(orgCtxOf(c), query);
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="social-work-figures-${series.months}-months.csv"`);
      return c.body(seriesCsv(series));
    },
  );
}
