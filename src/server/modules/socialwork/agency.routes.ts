import type { Context } from "hono";
import {
  agencyAssignmentInput,
  agencyAssignmentResponse,
  agencyAssignmentsResponse,
  agencyReturnResponse,
  agencySpendResponse,
  assignmentsQuery,
  endAssignmentInput,
  priceCapInput,
  priceCapsResponse,
  returnPeriodParam,
  startersLeaversQuery,
  startersLeaversResponse,
} from "../../../shared/schemas/social-work-agency";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { badRequest } from "../../lib/errors";
import * as assignments from "./agency-assignments.service";
import { returnCsv, returnXlsx } from "./agency-return.presenter";
import { agencyReturn } from "./agency-return.service";
import * as caps from "./price-caps.service";
import { startersLeaversCsv, startersLeaversXlsx } from "./starters-leavers.presenter";
import { agencySpend, startersLeavers } from "./starters-leavers.service";

// The social work service (issue 20): agency assignments, price caps, the DfE agency rules flagged, the monthly starters, leavers and agency view, the DfE agency return (item 8).

const tag = "Social work: agency";
const COUNCIL = ["council"] as const;
const view = { tag, scope: "org", permission: "socialwork.view", orgKinds: COUNCIL } as const;
const manage = { tag, scope: "org", permission: "socialwork.manage", orgKinds: COUNCIL } as const;
const figures = { tag, scope: "org", permission: "socialwork.figures", orgKinds: COUNCIL } as const;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BASE = "/api/orgs/:orgId/social-work/agency";

function attachment(c: Context<AppEnv>, name: string, type: string, body: string | Uint8Array) {
  c.header("content-type", type);
  c.header("content-disposition", `attachment; filename="${name}"`);
  return c.body(body as never);
}

const assignmentId = (c: Context<AppEnv>) => idParam(c, "assignmentId", "agency assignment");
function period(c: Context<AppEnv>) {
  const p = returnPeriodParam.safeParse(c.req.param("period"));
  if (!p.success)
    throw badRequest("validation", "Write the quarter like 2026-Q1", [
      { path: "period", message: "Write the quarter like 2026-Q1" },
    ]);
  return p.data;
}

export function socialWorkAgencyRoutes(r: Router) {
  r.define(
    {
      ...view,
      method: "get",
      path: `${BASE}/assignments`,
      query: assignmentsQuery,
      response: agencyAssignmentsResponse,
      summary:
        "Agency social workers' assignments in the teams one may see (current, ended or all), each with its DfE job type, the cap it is measured against and the DfE agency rules' flags as of today (children's only)",
    },
    async (c, { query }) => c.json(await assignments.listAssignments(orgCtxOf(c), query)),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${BASE}/assignments`,
      body: agencyAssignmentInput,
      response: agencyAssignmentResponse,
      summary:
        "Record an agency assignment: team, role, worker, SWE number, agency, dates, hourly rate (pay, employer's NI and holiday pay), agency fee, weekly hours, vacancy cover, project team, notice, PQE, ASYE, cooling off, reference, cap sign-off. One that would break a DfE agency rule is refused (422 listing each rule's flag) unless acknowledgedFlags is true",
    },
    async (c, { body }) => c.json({ assignment: await assignments.createAssignment(orgCtxOf(c), body) }, 201),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${BASE}/assignments/:assignmentId`,
      response: agencyAssignmentResponse,
      summary: "An agency assignment with its flags (404 outside the teams one may see)",
    },
    async (c) => c.json({ assignment: await assignments.getAssignment(orgCtxOf(c), assignmentId(c)) }),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${BASE}/assignments/:assignmentId`,
      body: agencyAssignmentInput,
      response: agencyAssignmentResponse,
      summary:
        "Change an agency assignment's details (422 listing the flags when it would break a DfE agency rule, unless acknowledgedFlags is true)",
    },
    async (c, { body }) =>
      c.json({ assignment: await assignments.updateAssignment(orgCtxOf(c), assignmentId(c), body) }),
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${BASE}/assignments/:assignmentId/end`,
      body: endAssignmentInput,
      response: agencyAssignmentResponse,
      summary: "End an agency assignment on a day (on or after its start)",
    },
    async (c, { body }) => c.json({ assignment: await assignments.endAssignment(orgCtxOf(c), assignmentId(c), body) }),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${BASE}/price-caps`,
      response: priceCapsResponse,
      summary:
        "The regional price caps per DfE job type, each from a day (agreed in the region; the real values are the council's to enter)",
    },
    async (c) => c.json(await caps.listPriceCaps(orgCtxOf(c))),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${BASE}/price-caps`,
      body: priceCapInput,
      response: priceCapsResponse,
      summary: "Set a job type's hourly cap from a day (replaces a cap from the same day)",
    },
    async (c, { body }) => c.json(await caps.setPriceCap(orgCtxOf(c), body)),
  );
  r.define(
    {
      ...manage,
      method: "delete",
      path: `${BASE}/price-caps/:capId`,
      response: priceCapsResponse,
      summary: "Remove a price cap entered in error",
    },
    async (c) => c.json(await caps.removePriceCap(orgCtxOf(c), idParam(c, "capId", "price cap"))),
  );
  r.define(
    {
      ...figures,
      method: "get",
      path: `${BASE}/spend`,
      response: agencySpendResponse,
      summary:
        "Agency spend: the year to today against the year before, by month, by service, and by team for those who may see the assignments; cost = weekly hours × (hourly rate + fee) × days in post ÷ 7",
    },
    async (c) => c.json(await agencySpend(orgCtxOf(c))),
  );
  r.define(
    {
      ...figures,
      method: "get",
      path: "/api/orgs/:orgId/social-work/starters-leavers",
      query: startersLeaversQuery,
      response: startersLeaversResponse,
      summary:
        "The monthly starters, leavers and agency workers in post (headcount and FTE at month end) with agency cost, per service or per team (team rows for leads and team managers), for 1 to 36 months",
    },
    async (c, { query }) => c.json(await startersLeavers(orgCtxOf(c), query)),
  );
  for (const format of ["csv", "xlsx"] as const)
    r.define(
      {
        ...figures,
        method: "get",
        path: `/api/orgs/:orgId/social-work/starters-leavers.${format}`,
        query: startersLeaversQuery,
        produces: format === "csv" ? "text/csv" : XLSX,
        summary: `The monthly starters, leavers and agency in post view as ${format.toUpperCase()}`,
      },
      async (c, { query }) => {
        const ctx = orgCtxOf(c);
        const v = await startersLeavers(ctx, query);
        const name = `${ctx.org.slug}-social-work-starters-leavers-agency`;
        if (format === "xlsx") return attachment(c, `${name}.xlsx`, XLSX, await startersLeaversXlsx(v));
        return attachment(c, `${name}.csv`, "text/csv; charset=utf-8", startersLeaversCsv(v));
      },
    );
  r.define(
    {
      ...manage,
      method: "get",
      path: `${BASE}/return/:period`,
      response: agencyReturnResponse,
      summary:
        "The DfE agency return for a quarter (children's): assignment rows with their problems, compliance with each rule, cap breaches and who signed them off, agencies flagged, monthly cost",
    },
    async (c) => c.json(await agencyReturn(orgCtxOf(c), period(c))),
  );
  for (const format of ["csv", "xlsx"] as const)
    r.define(
      {
        ...manage,
        method: "get",
        path: `${BASE}/return/:period/return.${format}`,
        produces: format === "csv" ? "text/csv" : XLSX,
        summary:
          format === "csv"
            ? "The DfE agency return's assignment rows as CSV: job type, hourly rate, start, end, SWE number, project team"
            : "The DfE agency return as XLSX: the assignment rows and the council-level part (compliance, cap breaches, agencies flagged, monthly cost)",
      },
      async (c) => {
        const ctx = orgCtxOf(c);
        const x = await agencyReturn(ctx, period(c));
        const name = `${ctx.org.slug}-dfe-agency-return-${x.period}`;
        if (format === "xlsx") return attachment(c, `${name}.xlsx`, XLSX, await returnXlsx(x));
        return attachment(c, `${name}.csv`, "text/csv; charset=utf-8", returnCsv(x));
      },
    );
}
