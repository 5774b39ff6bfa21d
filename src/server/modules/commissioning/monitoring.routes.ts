import type { Context } from "hono";
import {
  capacityTrackerQuery,
  capacityTrackerResponse,
  confirmMonitoringInput,
  councilMonitoringResponse,
  monitoringPeriodQuery,
  monitoringReturnResponse,
  monitoringReturnsResponse,
} from "../../../shared/schemas/commissioning-monitoring";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { capacityTracker } from "./capacity-tracker";
import { presentCouncilMonitoring, presentListedReturn, presentReturn } from "./monitoring.presenter";
import * as monitoring from "./monitoring.service";
import { capacityCsv, councilCsv, returnCsv, returnXlsx } from "./monitoring-export";

// Enter once: the contract-monitoring return and the Capacity Tracker fields (issue 19 item 5).

const tag = "Commissioning";
const provider = { tag, scope: "org", orgKinds: ["provider"] } as const;
const council = { tag, scope: "org", orgKinds: ["council"], permission: "commissioning.view" } as const;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const one = "/api/orgs/:orgId/monitoring-returns/:councilId/:period";
const councilId = (c: Context<AppEnv>) => idParam(c, "councilId", "monitoring return");
const period = (c: Context<AppEnv>) => c.req.param("period") ?? "";

function file(c: Context<AppEnv>, name: string, type: string, body: string | Uint8Array) {
  c.header("content-type", type);
  c.header("content-disposition", `attachment; filename="${name}"`);
  return c.body(typeof body === "string" ? body : new Uint8Array(body));
}

export function monitoringRoutes(r: Router) {
  r.define(
    {
      ...provider,
      permission: "commissioning.view",
      method: "get",
      path: "/api/orgs/:orgId/monitoring-returns",
      response: monitoringReturnsResponse,
      summary:
        "The contract-monitoring returns the provider owes or has confirmed: per council it holds a contract with, the latest ended quarter and each quarter a council's return period asks for",
    },
    async (c) => c.json({ returns: (await monitoring.listMonitoringReturns(orgCtxOf(c))).map(presentListedReturn) }),
  );
  r.define(
    {
      ...provider,
      permission: "commissioning.view",
      method: "get",
      path: one,
      response: monitoringReturnResponse,
      summary:
        "One quarter's contract-monitoring return to a council: the hub's figures as at the quarter end, pre-filled (or as confirmed), with the contracts whose units the provider declares",
    },
    async (c) =>
      c.json({
        return: presentReturn(await monitoring.getMonitoringReturn(orgCtxOf(c), councilId(c), period(c))),
      }),
  );
  r.define(
    {
      ...provider,
      permission: "commissioning.respond",
      method: "post",
      path: `${one}/confirm`,
      body: confirmMonitoringInput,
      response: monitoringReturnResponse,
      summary:
        "Confirm the return: the figures are stored as shown with the declarations (travel time paid, units delivered per contract); declared units go to the contract's deliveries unless the council recorded its own. Once per quarter (409 after)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const done = await monitoring.confirmOwnReturn(ctx, councilId(c), period(c), body);
      return c.json({ return: presentReturn(done) }, 201);
    },
  );
  r.define(
    {
      ...provider,
      permission: "commissioning.view",
      method: "get",
      path: `${one}/monitoring-return.csv`,
      produces: "text/csv",
      summary: "The contract-monitoring return as a CSV file",
    },
    async (c) => {
      const ret = await monitoring.getMonitoringReturn(orgCtxOf(c), councilId(c), period(c));
      return file(c, `monitoring-return-${ret.period}.csv`, "text/csv; charset=utf-8", returnCsv(ret));
    },
  );
  r.define(
    {
      ...provider,
      permission: "commissioning.view",
      method: "get",
      path: `${one}/monitoring-return.xlsx`,
      produces: XLSX,
      summary: "The contract-monitoring return as an XLSX workbook",
    },
    async (c) => {
      const ret = await monitoring.getMonitoringReturn(orgCtxOf(c), councilId(c), period(c));
      return file(c, `monitoring-return-${ret.period}.xlsx`, XLSX, await returnXlsx(ret));
    },
  );

  r.define(
    {
      ...council,
      method: "get",
      path: "/api/orgs/:orgId/commissioning/monitoring-returns",
      query: monitoringPeriodQuery,
      response: councilMonitoringResponse,
      summary:
        "A quarter's contract-monitoring returns (period=2026-Q1, default the latest ended): each provider holding one of the council's contracts, whether it confirmed and when, its figures and declarations",
    },
    async (c, { query }) =>
      c.json(presentCouncilMonitoring(await monitoring.councilMonitoringReturns(orgCtxOf(c), query.period))),
  );
  r.define(
    {
      ...council,
      method: "get",
      path: "/api/orgs/:orgId/commissioning/monitoring-returns.csv",
      query: monitoringPeriodQuery,
      produces: "text/csv",
      summary: "A quarter's contract-monitoring returns as a CSV file, one line per provider",
    },
    async (c, { query }) => {
      const m = await monitoring.councilMonitoringReturns(orgCtxOf(c), query.period);
      return file(c, `monitoring-returns-${m.period}.csv`, "text/csv; charset=utf-8", councilCsv(m));
    },
  );

  r.define(
    {
      ...provider,
      permission: "commissioning.view",
      method: "get",
      path: "/api/orgs/:orgId/capacity-tracker",
      query: capacityTrackerQuery,
      response: capacityTrackerResponse,
      summary:
        "The NHS Capacity Tracker's workforce fields from the hub as at a date (at=, default today), per workplace and in total: directly employed, bank and agency headcount and vacancies by staff type, and sickness",
    },
    async (c, { query }) => c.json(await capacityTracker(orgCtxOf(c), query.at)),
  );
  r.define(
    {
      ...provider,
      permission: "commissioning.view",
      method: "get",
      path: "/api/orgs/:orgId/capacity-tracker.csv",
      query: capacityTrackerQuery,
      produces: "text/csv",
      summary: "The Capacity Tracker's workforce fields as a CSV file, one line per workplace and a total",
    },
    async (c, { query }) => {
      const t = await capacityTracker(orgCtxOf(c), query.at);
      return file(c, `capacity-tracker-${t.at}.csv`, "text/csv; charset=utf-8", capacityCsv(t));
    },
  );
}
