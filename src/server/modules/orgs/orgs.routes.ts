import { z } from "zod";
import { permissionsFor } from "../../../shared/permissions";
import { auditResponse, orgHomeResponse, providersResponse } from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { presentAuditEntry } from "../audit/audit.presenter";
import { listAudit } from "../audit/audit.service";
import { presentProvider } from "./orgs.presenter";
import * as orgs from "./orgs.service";

export const auditPageQuery = z.object({
  before: z.coerce.number().int().positive("before must be an entry id").optional(),
});

export function orgRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId",
      response: orgHomeResponse,
      tag: "Organisations",
      scope: "org",
      permission: "org.view",
      summary: "The organisation, your role in it and its headline counts",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const permissions = permissionsFor(ctx.role, ctx.actor.isHubAdmin);
      // Personal accounts and trainers see the organisation's name, not its figures.
      const seesFigures = permissions.includes("workplaces.view") || permissions.includes("providers.view");
      const summary = seesFigures ? await orgs.orgSummary(ctx) : null;
      return c.json({ ...ctx.org, role: ctx.role, permissions, summary });
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/providers",
      response: providersResponse,
      orgKinds: ["council"],
      tag: "Organisations",
      scope: "org",
      permission: "providers.view",
      summary: "Providers this council commissions",
    },
    async (c) => c.json({ providers: (await orgs.listCommissionedProviders(orgCtxOf(c))).map(presentProvider) }),
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/audit",
      response: auditResponse,
      tag: "Audit",
      scope: "org",
      permission: "audit.view",
      summary: "The organisation's audit trail, newest first",
      query: auditPageQuery,
    },
    async (c, { query }) => {
      const ctx = orgCtxOf(c);
      const rows = await listAudit(ctx, ctx.org.id, query.before);
      return c.json({ entries: rows.map(presentAuditEntry) });
    },
  );
}
