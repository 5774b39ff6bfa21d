import type { Context } from "hono";
import {
  deliveryInput,
  deliveryResponse,
  providerQppResponse,
  qppScheduleResponse,
  qppSchemeInput,
  qppSchemeResponse,
  qppSchemesResponse,
} from "../../../shared/schemas/commissioning-qpp";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { presentProviderEntitlements, presentSchedule, presentScheme } from "./qpp.presenter";
import * as qpp from "./qpp.service";
import { scheduleCsv, scheduleXlsx } from "./qpp-export";

// The Quality Premium Payment: schemes, entitlements, schedules (issue 19).

const tag = "Commissioning: Quality Premium Payment";
const COUNCIL = ["council"] as const;
const view = { tag, scope: "org", permission: "commissioning.view", orgKinds: COUNCIL } as const;
const manage = { tag, scope: "org", permission: "commissioning.manage", orgKinds: COUNCIL } as const;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BASE = "/api/orgs/:orgId/commissioning/qpp/schemes";

function attachment(c: Context<AppEnv>, name: string, type: string, body: string | Uint8Array) {
  c.header("content-type", type);
  c.header("content-disposition", `attachment; filename="${name}"`);
  return c.body(body as never);
}

const schemeId = (c: Context<AppEnv>) => idParam(c, "schemeId", "scheme");
const period = (c: Context<AppEnv>) => qpp.periodParam(c.req.param("period"));

async function schemeAnswer(c: Context<AppEnv>, id: string) {
  const x = await qpp.getScheme(orgCtxOf(c), id);
  return { scheme: presentScheme(x.scheme, x.standards), periods: x.periods, library: x.library };
}

export function qppRoutes(r: Router) {
  r.define(
    {
      ...view,
      method: "get",
      path: BASE,
      response: qppSchemesResponse,
      summary: "The council's Quality Premium schemes, with its standards library (for a new scheme)",
    },
    async (c) => {
      const x = await qpp.listSchemes(orgCtxOf(c));
      return c.json({ schemes: x.schemes.map((s) => presentScheme(s.scheme, s.standards)), library: x.library });
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: BASE,
      body: qppSchemeInput,
      response: qppSchemeResponse,
      summary:
        "Create a scheme: qualifying standards with weights, method (all met, weighted, tiered), basis (per unit delivered or per contract), rate, budget cap and periods",
    },
    async (c, { body }) => c.json(await schemeAnswer(c, await qpp.createScheme(orgCtxOf(c), body)), 201),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${BASE}/:schemeId`,
      response: qppSchemeResponse,
      summary: "A scheme, with the ended periods it covers (newest first) and which have approved schedules",
    },
    async (c) => c.json(await schemeAnswer(c, schemeId(c))),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: `${BASE}/:schemeId`,
      body: qppSchemeInput,
      response: qppSchemeResponse,
      summary: "Change a scheme (approved schedules keep the lines they were approved with)",
    },
    async (c, { body }) => c.json(await schemeAnswer(c, await qpp.updateScheme(orgCtxOf(c), schemeId(c), body))),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${BASE}/:schemeId/schedules/:period`,
      response: qppScheduleResponse,
      summary:
        "A scheme's payment schedule for a period: computed live from compliance while a draft, frozen once approved; each line with its working and the budget cap's scaling",
    },
    async (c) => {
      const x = await qpp.getSchedule(orgCtxOf(c), schemeId(c), period(c));
      return c.json({
        schedule: presentSchedule(x.scheme, period(c), x.schedule, x.ended),
        scheme: presentScheme(x.scheme, x.standards),
      });
    },
  );
  r.define(
    {
      ...manage,
      method: "post",
      path: `${BASE}/:schemeId/schedules/:period/approve`,
      response: qppScheduleResponse,
      summary: "Approve a schedule for an ended period: its lines are frozen and it can be downloaded for finance",
    },
    async (c) => {
      const x = await qpp.approveSchedule(orgCtxOf(c), schemeId(c), period(c));
      return c.json({
        schedule: presentSchedule(x.scheme, period(c), x.schedule, x.ended),
        scheme: presentScheme(x.scheme, x.standards),
      });
    },
  );
  for (const format of ["csv", "xlsx"] as const)
    r.define(
      {
        ...view,
        method: "get",
        path: `${BASE}/:schemeId/schedules/:period/schedule.${format}`,
        produces: format === "csv" ? "text/csv" : XLSX,
        summary: `An approved schedule as ${format.toUpperCase()} for finance: provider, contract reference, period, standards met, units, amount before cap, amount payable, and a total row (409 while a draft)`,
      },
      async (c) => {
        const ctx = orgCtxOf(c);
        const x = await qpp.scheduleForExport(ctx, schemeId(c), period(c));
        const name = `${ctx.org.slug}-quality-premium-${x.period}`;
        if (format === "xlsx") return attachment(c, `${name}.xlsx`, XLSX, await scheduleXlsx(x));
        return attachment(c, `${name}.csv`, "text/csv; charset=utf-8", scheduleCsv(x));
      },
    );
  r.define(
    {
      ...manage,
      method: "put",
      path: "/api/orgs/:orgId/commissioning/contracts/:contractId/deliveries/:period",
      body: deliveryInput,
      response: deliveryResponse,
      summary:
        "Record the units a contract delivered in a period (contact hours, bed weeks), for per-unit Quality Premium Payments; overrides a provider-declared figure",
    },
    async (c, { body }) => {
      const p = period(c);
      const row = await qpp.recordDelivery(orgCtxOf(c), idParam(c, "contractId", "contract"), p, body);
      return c.json({
        delivery: { contractId: row.contractId, period: row.period, units: row.units, source: row.source },
      });
    },
  );
  r.define(
    {
      tag,
      scope: "org",
      permission: "commissioning.view",
      orgKinds: ["provider"],
      method: "get",
      path: "/api/orgs/:orgId/quality-premium",
      response: providerQppResponse,
      summary:
        "The provider's own Quality Premium entitlement: its lines per scheme and period (provisional while a draft, or approved), with each standard met or not",
    },
    async (c) => c.json(presentProviderEntitlements(await qpp.providerEntitlements(orgCtxOf(c)))),
  );
}
