import { systemCtx } from "../../boot";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { myCareer, publicRoadmap } from "./careers.service";

export function careersRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/public/careers",
      tag: "Careers",
      scope: "public",
      summary: "The career framework (pathways, roles, requirements, routes) for the public roadmap; with council=<slug>, local open vacancies for each role",
    },
    async (c) => c.json(await publicRoadmap(systemCtx(c.var.deps), c.req.query("council") || undefined)),
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/my-career",
      tag: "Careers",
      scope: "org",
      permission: "self.view",
      summary: "Your place in the career framework and, for each role you could move to, what your records show you have and what you still need",
    },
    async (c) => c.json(await myCareer(orgCtxOf(c))),
  );
}
