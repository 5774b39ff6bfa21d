import { agencyListQuery, agencyUseInput, agencyUseListResponse, agencyUseResponse } from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import * as service from "./agency.service";

const present = (
  u: { id: string; workplaceId: string; month: string; hours: number | null; spend: number | null; roles: number[] },
  workplaceName?: string,
) => ({
  id: u.id,
  workplace: { id: u.workplaceId, name: workplaceName },
  month: u.month.slice(0, 7),
  hours: u.hours,
  spend: u.spend,
  roles: u.roles,
});

export function agencyRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/agency-use",
      response: agencyUseListResponse,
      tag: "Agency use",
      scope: "org",
      permission: "workplaces.view",
      summary: "Agency hours and spend by workplace and month",
      query: agencyListQuery,
    },
    async (c, { query }) =>
      c.json({
        agencyUse: (await service.listAgencyUse(orgCtxOf(c), query.year)).map((row) =>
          present(row.use, row.workplaceName),
        ),
      }),
  );
  r.define(
    {
      method: "put",
      path: "/api/orgs/:orgId/agency-use",
      response: agencyUseResponse,
      tag: "Agency use",
      scope: "org",
      permission: "workplaces.edit",
      summary: "Record a workplace's agency hours and spend for a month (replaces that month's figures)",
      body: agencyUseInput,
    },
    async (c, { body }) => c.json({ agencyUse: present(await service.recordAgencyUse(orgCtxOf(c), body)) }),
  );
}
