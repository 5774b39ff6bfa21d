import { z } from "zod";
import {
  auditResponse,
  createOrgInput,
  failedJobsResponse,
  organisationResponse,
  organisationsResponse,
} from "../../../shared/schemas";
import { inTransaction } from "../../context";
import { ctxOf } from "../../http/guards";
import type { Router } from "../../http/route";
import { listFailedJobs } from "../../jobs/worker";
import { presentAuditEntry } from "../audit/audit.presenter";
import { listAudit } from "../audit/audit.service";
import { presentOrg } from "../orgs/orgs.presenter";
import { auditPageQuery } from "../orgs/orgs.routes";
import * as orgs from "../orgs/orgs.service";
import { presentFailedJob } from "./jobs.presenter";

const createOrgWithCouncil = createOrgInput.extend({
  councilId: z.uuid("councilId must be the id of a council").optional(),
});

/** Installation-wide administration: the hub admin only. */
export function adminRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/admin/organisations",
      response: organisationsResponse,
      tag: "Administration",
      scope: "hub_admin",
      summary: "Every organisation in the hub",
    },
    async (c) => c.json({ organisations: (await orgs.listOrganisations(ctxOf(c))).map(presentOrg) }),
  );

  r.define(
    {
      method: "post",
      path: "/api/admin/organisations",
      response: organisationResponse,
      tag: "Administration",
      scope: "hub_admin",
      summary: "Create an organisation (optionally commissioned by a council)",
      body: createOrgWithCouncil,
    },
    async (c, { body }) => {
      const org = await inTransaction(ctxOf(c), async (tx) => {
        const created = await orgs.createOrganisation(tx, body);
        if (body.councilId)
          await orgs.commissionProvider(tx, {
            councilId: body.councilId,
            providerId: created.id,
            fromDate: tx.deps.now().toISOString().slice(0, 10),
          });
        return created;
      });
      return c.json({ organisation: presentOrg(org) }, 201);
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/admin/jobs/failed",
      response: failedJobsResponse,
      tag: "Administration",
      scope: "hub_admin",
      summary: "Background jobs that failed for good, newest first, with the reason",
    },
    async (c) => c.json({ jobs: (await listFailedJobs(ctxOf(c).db)).map((r) => presentFailedJob(r.job, r.orgName)) }),
  );

  r.define(
    {
      method: "get",
      path: "/api/admin/audit",
      response: auditResponse,
      tag: "Audit",
      scope: "hub_admin",
      summary: "The whole installation's audit trail",
      query: auditPageQuery,
    },
    async (c, { query }) => c.json({ entries: (await listAudit(ctxOf(c), null, query.before)).map(presentAuditEntry) }),
  );
}
