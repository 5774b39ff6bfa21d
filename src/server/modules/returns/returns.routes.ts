import type { Context } from "hono";
import { COMMISSIONED_KINDS } from "../../../shared/permissions";
import {
  createReturnPeriodInput,
  providerReturnsResponse,
  returnPeriodDetailResponse,
  returnPeriodResponse,
  returnPeriodsResponse,
  submissionResponse,
} from "../../../shared/schemas";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import * as returns from "./returns.service";

const periodId = (c: Context<AppEnv>) => idParam(c, "periodId", "return period");
const presentPeriod = (p: {
  id: string;
  name: string;
  periodEnd: string;
  dueDate: string;
  contractMonitoring: boolean;
}) => ({
  id: p.id,
  name: p.name,
  periodEnd: p.periodEnd,
  dueDate: p.dueDate,
  contractMonitoring: p.contractMonitoring,
});
const iso = (d: Date | null) => d?.toISOString() ?? null;
const tally = (providers: { status: returns.ReturnStatus }[]) =>
  Object.fromEntries(
    (["not_started", "in_progress", "submitted", "late"] as const).map((s) => [
      s,
      providers.filter((p) => p.status === s).length,
    ]),
  );

export function returnRoutes(r: Router) {
  // The council's side.
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/return-periods",
      response: returnPeriodsResponse,
      orgKinds: ["council"],
      tag: "Returns",
      scope: "org",
      permission: "returns.view",
      summary: "A council's return periods, with how many providers are in each status",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const periods = await returns.listPeriods(ctx);
      return c.json({
        periods: periods.map(({ period, providers }) => ({
          ...presentPeriod(period),
          providers: providers.length,
          byStatus: tally(providers),
        })),
      });
    },
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/return-periods",
      response: returnPeriodResponse,
      orgKinds: ["council"],
      tag: "Returns",
      scope: "org",
      permission: "returns.manage",
      summary: "Set a return period with its due date",
      body: createReturnPeriodInput,
    },
    async (c, { body }) => c.json({ period: presentPeriod(await returns.createPeriod(orgCtxOf(c), body)) }, 201),
  );
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/return-periods/:periodId",
      response: returnPeriodDetailResponse,
      orgKinds: ["council"],
      tag: "Returns",
      scope: "org",
      permission: "returns.view",
      summary: "Who has and has not submitted for a period",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const { period, providers } = await returns.getCouncilPeriod(ctx, periodId(c));
      return c.json({
        period: presentPeriod(period),
        byStatus: tally(providers),
        providers: providers.map((p) => ({ ...p, submittedAt: iso(p.submittedAt) })),
      });
    },
  );

  // The provider's side.
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/returns",
      response: providerReturnsResponse,
      orgKinds: COMMISSIONED_KINDS,
      tag: "Returns",
      scope: "org",
      permission: "returns.view",
      summary: "The returns the councils commissioning this provider ask for, with its status in each",
    },
    async (c) =>
      c.json({
        returns: (await returns.providerReturns(orgCtxOf(c))).map((x) => ({
          period: presentPeriod(x.period),
          council: x.council,
          councilId: x.period.councilId,
          status: x.status,
          submittedAt: iso(x.submittedAt),
          completeness: x.completeness,
        })),
      }),
  );
  r.define(
    {
      method: "post",
      path: "/api/orgs/:orgId/returns/:periodId/submit",
      response: submissionResponse,
      orgKinds: COMMISSIONED_KINDS,
      tag: "Returns",
      scope: "org",
      permission: "returns.submit",
      summary: "Submit the return: an immutable snapshot of the data as at the period end",
    },
    async (c) => {
      const s = await returns.submitReturn(orgCtxOf(c), periodId(c));
      return c.json(
        { submission: { id: s.id, submittedAt: iso(s.submittedAt), status: s.status, completeness: s.completeness } },
        201,
      );
    },
  );
}
