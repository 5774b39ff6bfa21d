import type { Context } from "hono";
import { censusResponse } from "../../../shared/schemas/social-work-census";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { isoDate } from "../../lib/time";
import { seesWholeService } from "./access";
import { presentCensus } from "./census.presenter";
import { censusYearParam, produceCensus } from "./census.service";
import { CENSUS_FILES, censusFile, XLSX_TYPE } from "./census-files.service";

// The social work service (issue 20): the DfE children's social work workforce census: checked, then downloaded (item 10).
// Only the service lead (socialwork.manage): the files hold every worker's SWE number and date of birth.

const tag = "Social work: census";
const lead = { tag, scope: "org", permission: "socialwork.manage", orgKinds: ["council"] } as const;
const BASE = "/api/orgs/:orgId/social-work/census/:year";

const yearOf = (c: Context<AppEnv>) => {
  const ctx = orgCtxOf(c);
  return censusYearParam(c.req.param("year"), isoDate(ctx.deps.now()));
};

export function censusRoutes(r: Router) {
  r.define(
    {
      ...lead,
      method: "get",
      path: BASE,
      response: censusResponse,
      summary:
        "The children's social work workforce census for a year (1 October to 30 September): the aggregate items, the problems to correct (errors block the download, warnings do not) and counts",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      // The census is the service lead's, who sees every team: the problems may name the workers.
      return c.json(presentCensus(await produceCensus(ctx, yearOf(c)), ctx.org.id, seesWholeService(ctx)));
    },
  );
  for (const file of CENSUS_FILES)
    r.define(
      {
        ...lead,
        method: "get",
        path: `${BASE}/${file}`,
        produces: file.endsWith(".csv") ? "text/csv" : XLSX_TYPE,
        summary:
          file === "workers.csv"
            ? "The census's worker rows as CSV: one per employment or agency assignment in post at some time in the year (422 with the errors while there are any)"
            : file === "aggregate.csv"
              ? "The census's aggregate items as CSV: item, description, value, definition (422 with the errors while there are any)"
              : "The census as an Excel workbook with the workers and aggregate sheets (422 with the errors while there are any)",
      },
      async (c) => {
        const f = await censusFile(orgCtxOf(c), yearOf(c), file);
        c.header("content-type", f.type);
        c.header("content-disposition", `attachment; filename="${f.name}"`);
        return c.body(f.body as never);
      },
    );
}
