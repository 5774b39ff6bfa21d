import { JOB_ROLES } from "../../../shared/ascwds/codes";
import {
  closeVacancyInput,
  openVacancyInput,
  vacanciesResponse,
  vacancyListQuery,
  vacancyResponse,
} from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import * as service from "./vacancies.service";

const present = (
  v: { id: string; workplaceId: string; jobRole: number; openedOn: string; closedOn: string | null },
  workplaceName?: string,
) => ({
  id: v.id,
  workplace: { id: v.workplaceId, name: workplaceName },
  role: { code: v.jobRole, label: JOB_ROLES[v.jobRole] ?? String(v.jobRole) },
  openedOn: v.openedOn,
  closedOn: v.closedOn,
});

export function vacancyRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/vacancies",
      response: vacanciesResponse,
      tag: "Vacancies",
      scope: "org",
      permission: "workplaces.view",
      summary: "Vacancies (open by default)",
      query: vacancyListQuery,
    },
    async (c, { query }) =>
      c.json({
        vacancies: (await service.listVacancies(orgCtxOf(c), query.status)).map((row) =>
          present(row.vacancy, row.workplaceName),
        ),
      }),
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/vacancies",
      response: vacanciesResponse,
      tag: "Vacancies",
      scope: "org",
      permission: "workplaces.edit",
      summary: "Open one or more vacant posts",
      body: openVacancyInput,
    },
    async (c, { body }) =>
      c.json({ vacancies: (await service.openVacancies(orgCtxOf(c), body)).map((v) => present(v)) }, 201),
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/vacancies/:vacancyId/close",
      response: vacancyResponse,
      tag: "Vacancies",
      scope: "org",
      permission: "workplaces.edit",
      summary: "Close a vacancy (filled or withdrawn)",
      body: closeVacancyInput,
    },
    async (c, { body }) => {
      const id = idParam(c, "vacancyId", "vacancy");
      return c.json({ vacancy: present(await service.closeVacancy(orgCtxOf(c), id, body.closedOn)) });
    },
  );
}
