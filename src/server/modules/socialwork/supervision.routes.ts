import { removedResponse } from "../../../shared/schemas/common";
import {
  caseloadMonthQuery,
  caseloadsOverviewResponse,
  monthParam,
  saveCaseloadsInput,
  savedCaseloadsResponse,
  saveStandardsInput,
  standardsResponse,
  supervisionInput,
  supervisionOverviewResponse,
  supervisionPatch,
  supervisionView,
  teamCaseloadResponse,
  workerCaseloadsResponse,
  workerSupervisionResponse,
} from "../../../shared/schemas/social-work-supervision";
import { ctxOf, orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { badRequest } from "../../lib/errors";
import { presentCaseloadsOverview, presentTeamCaseloads, presentWorkerCaseloads } from "./caseloads.presenter";
import * as caseloads from "./caseloads.service";
import { presentSupervision, presentWorkerSupervision } from "./supervision.presenter";
import * as supervision from "./supervision.service";
import { presentStandards } from "./supervision-standards.presenter";
import * as standards from "./supervision-standards.service";

// The social work service (issue 20): supervisions against the frequency standards, overdue lists,
// team compliance, and monthly caseloads (items 4, 5).

const tag = "Social work: supervision and caseloads";
const org = { tag, scope: "org", orgKinds: ["council"] } as const;
const view = { ...org, permission: "socialwork.view" } as const;
const supervise = { ...org, permission: "socialwork.supervise" } as const;
const manage = { ...org, permission: "socialwork.manage" } as const;

function monthOf(value: string | undefined) {
  const parsed = monthParam.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Enter the month as YYYY-MM, like 2026-06";
    throw badRequest("bad_month", message, [{ path: "month", message }]);
  }
  return parsed.data;
}

export function supervisionRoutes(r: Router) {
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/social-work/supervision",
      response: supervisionOverviewResponse,
      summary:
        "Supervision today across the teams one sees: workers overdue (last held, due on, days overdue), due within 7 days, and each team's compliance now and over 12 months (the average of month-end shares not overdue)",
    },
    async (c) => c.json(await supervision.supervisionOverview(orgCtxOf(c))),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/social-work/workers/:staffId/supervision",
      response: workerSupervisionResponse,
      summary: "A worker's supervision status (stage, interval, next due) and the supervisions recorded, latest first",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const x = await supervision.workerSupervision(ctx, idParam(c, "staffId", "social worker"));
      return c.json(presentWorkerSupervision(x, (s) => supervision.mayChange(ctx, s.recordedBy)));
    },
  );
  r.define(
    {
      ...supervise,
      method: "post",
      path: "/api/orgs/:orgId/social-work/supervisions",
      body: supervisionInput,
      response: supervisionView,
      summary:
        "Record a supervision held with a worker of a team one sees (not in the future, not before they started)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const row = await supervision.recordSupervision(ctx, body);
      const [saved] = (await supervision.workerSupervision(ctx, row.staffRecordId)).supervisions.filter(
        (s) => s.id === row.id,
      );
      return c.json(presentSupervision(saved, 90, true), 201);
    },
  );
  r.define(
    {
      ...supervise,
      method: "patch",
      path: "/api/orgs/:orgId/social-work/supervisions/:id",
      body: supervisionPatch,
      response: supervisionView,
      summary: "Change a supervision one recorded (the service lead may change any)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const row = await supervision.changeSupervision(ctx, idParam(c, "id", "supervision"), body);
      const [saved] = (await supervision.workerSupervision(ctx, row.staffRecordId)).supervisions.filter(
        (s) => s.id === row.id,
      );
      return c.json(presentSupervision(saved, 90, true));
    },
  );
  r.define(
    {
      ...supervise,
      method: "delete",
      path: "/api/orgs/:orgId/social-work/supervisions/:id",
      response: removedResponse,
      summary: "Delete a supervision one recorded (the service lead may delete any)",
    },
    async (c) => {
      const id = idParam(c, "id", "supervision");
      await supervision.removeSupervision(orgCtxOf(c), id);
      return c.json({ removed: id });
    },
  );
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/social-work/supervision-standards",
      response: standardsResponse,
      summary:
        "The supervision frequency standard: for everyone, each ASYE window and each role, the interval in force (the council's own, else LGA Employer Standard 5)",
    },
    async (c) => c.json(presentStandards(await standards.getStandards(orgCtxOf(c)))),
  );
  r.define(
    {
      ...manage,
      method: "put",
      path: "/api/orgs/:orgId/social-work/supervision-standards",
      body: saveStandardsInput,
      response: standardsResponse,
      summary:
        "Set the council's standard: the rows given replace its own (a role's row beats everyone's; groups left out follow everyone's, ASYE windows the default)",
    },
    async (c, { body }) => c.json(presentStandards(await standards.saveStandards(orgCtxOf(c), body))),
  );

  // Caseloads.
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/social-work/caseloads",
      query: caseloadMonthQuery,
      response: caseloadsOverviewResponse,
      summary:
        "A month's caseloads (month=YYYY-MM, default this month): each team's open cases per full-time case holder against its threshold, and newly qualified workers above their protected caseload",
    },
    async (c, { query }) =>
      c.json(presentCaseloadsOverview(await caseloads.caseloadsOverview(orgCtxOf(c), query.month))),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/social-work/teams/:teamId/caseloads",
      query: caseloadMonthQuery,
      response: teamCaseloadResponse,
      summary:
        "A team's month for the caseload form: each case-holding worker in post, what is entered, their protection",
    },
    async (c, { query }) =>
      c.json(
        presentTeamCaseloads(await caseloads.teamCaseloads(orgCtxOf(c), idParam(c, "teamId", "team"), query.month)),
      ),
  );
  r.define(
    {
      ...supervise,
      method: "put",
      path: "/api/orgs/:orgId/social-work/teams/:teamId/caseloads/:month",
      body: saveCaseloadsInput,
      response: savedCaseloadsResponse,
      summary:
        "Enter a team's month (YYYY-MM): each worker's open cases and, optionally, by case type (which must add up). All or nothing: any wrong entry saves none and names the worker",
    },
    async (c, { body }) => {
      const month = monthOf(c.req.param("month"));
      return c.json(await caseloads.saveTeamCaseloads(orgCtxOf(c), idParam(c, "teamId", "team"), month, body));
    },
  );
  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/social-work/workers/:staffId/caseloads",
      response: workerCaseloadsResponse,
      summary: "A worker's caseload by month, latest first, with their protected target in their ASYE",
    },
    async (c) =>
      c.json(
        presentWorkerCaseloads(await caseloads.workerCaseloads(orgCtxOf(c), idParam(c, "staffId", "social worker"))),
      ),
  );

  // A worker's own, through their personal account.
  r.define(
    {
      tag,
      scope: "user",
      method: "get",
      path: "/api/me/social-work/supervision",
      response: workerSupervisionResponse,
      summary: "My supervision status and supervisions (my social work staff record)",
    },
    async (c) => c.json(presentWorkerSupervision(await supervision.mySupervision(ctxOf(c)), () => false)),
  );
  r.define(
    {
      tag,
      scope: "user",
      method: "get",
      path: "/api/me/social-work/caseloads",
      response: workerCaseloadsResponse,
      summary: "My caseload by month",
    },
    async (c) => c.json(await caseloads.myCaseloads(ctxOf(c))),
  );
}
