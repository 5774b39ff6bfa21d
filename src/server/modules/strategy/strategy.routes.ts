import type { Context } from "hono";
import {
  actionInput,
  actionResponse,
  actionUpdatesResponse,
  approveStrategyInput,
  boardReportDataResponse,
  changesResponse,
  createStrategyInput,
  forumEntryInput,
  forumEntryResponse,
  forumResponse,
  groupInput,
  groupMemberInput,
  groupResponse,
  groupsResponse,
  meetingInput,
  meetingResponse,
  meetingsResponse,
  pillarInput,
  pillarResponse,
  progressUpdateInput,
  progressUpdateResponse,
  quarterQuery,
  quarterUpdatesResponse,
  quarterValue,
  riskHistoryResponse,
  riskInput,
  riskResponse,
  risksResponse,
  strategiesResponse,
  strategyPlanResponse,
  strategyResponse,
  updateActionInput,
  updateForumEntryInput,
  updatePillarInput,
  updateRiskInput,
  updateStrategyInput,
} from "../../../shared/schemas/strategy";
import { lastEndedQuarter } from "../../../shared/strategy";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { boardReportData } from "./board.service";
import * as governance from "./governance.service";
import * as plan from "./plan.service";
import * as risks from "./risks.service";
import * as updates from "./updates.service";

// A council's workforce strategy (issue 16). Councils only; strategy.view reads (the council's
// staff, board members, strategy group members from providers and partners), strategy.update
// records progress (only on actions one owns, unless one also has strategy.manage), and
// strategy.manage edits. A group member from a provider reaches these routes through the council
// role steering_member that joining a group gives (governance.service.ts).

const base = "/api/orgs/:orgId/strategies";
const council = ["council"] as const;
const tag = "Strategy";
const sid = (c: Context<AppEnv>) => idParam(c, "strategyId", "strategy");
const quarterParam = (c: Context<AppEnv>) => {
  const q = quarterValue.safeParse(c.req.param("quarter"));
  if (!q.success) throw notFound("quarter");
  return q.data;
};

export function strategyRoutes(r: Router) {
  // The plan.
  r.define(
    {
      method: "get",
      path: base,
      response: strategiesResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "The council's workforce strategies, and which one is current",
    },
    async (c) => c.json(await plan.listStrategies(orgCtxOf(c))),
  );
  r.define(
    {
      method: "post",
      path: base,
      body: createStrategyInput,
      response: strategyResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Start a workforce strategy (a draft)",
    },
    async (c, { body }) => c.json({ strategy: await plan.createStrategy(orgCtxOf(c), body) }, 201),
  );
  r.define(
    {
      method: "get",
      path: `${base}/:strategyId`,
      response: strategyPlanResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "A strategy's plan: recommendations and enablers, their actions, owners, measures and latest progress",
    },
    async (c) => c.json(await plan.getPlan(orgCtxOf(c), sid(c))),
  );
  r.define(
    {
      method: "patch",
      path: `${base}/:strategyId`,
      body: updateStrategyInput,
      response: strategyResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Change a strategy's title, period or vision (with a reason once approved)",
    },
    async (c, { body }) => c.json({ strategy: await plan.updateStrategy(orgCtxOf(c), sid(c), body) }),
  );
  r.define(
    {
      method: "post",
      path: `${base}/:strategyId/approve`,
      body: approveStrategyInput,
      response: strategyResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Record the board's approval: from then on the plan changes only as recorded changes",
    },
    async (c, { body }) => c.json({ strategy: await plan.approveStrategy(orgCtxOf(c), sid(c), body) }),
  );
  r.define(
    {
      method: "get",
      path: `${base}/:strategyId/changes`,
      response: changesResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "The changes recorded to the plan since it was approved: who, why, before and after",
    },
    async (c) => c.json(await plan.listChanges(orgCtxOf(c), sid(c))),
  );
  r.define(
    {
      method: "post",
      path: `${base}/:strategyId/pillars`,
      body: pillarInput,
      response: pillarResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Add a recommendation or enabler",
    },
    async (c, { body }) => c.json({ pillar: await plan.addPillar(orgCtxOf(c), sid(c), body) }, 201),
  );
  r.define(
    {
      method: "patch",
      path: `${base}/:strategyId/pillars/:pillarId`,
      body: updatePillarInput,
      response: pillarResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Change a recommendation or enabler",
    },
    async (c, { body }) =>
      c.json({
        pillar: await plan.changePillar(orgCtxOf(c), sid(c), idParam(c, "pillarId", "recommendation or enabler"), body),
      }),
  );
  r.define(
    {
      method: "post",
      path: `${base}/:strategyId/actions`,
      body: actionInput,
      response: actionResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Add an action with its owner, dates, inputs, outputs, outcomes and linked measures",
    },
    async (c, { body }) => c.json({ action: await plan.addAction(orgCtxOf(c), sid(c), body) }, 201),
  );
  r.define(
    {
      method: "patch",
      path: `${base}/:strategyId/actions/:actionId`,
      body: updateActionInput,
      response: actionResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Change an action (measures given replace its measures)",
    },
    async (c, { body }) =>
      c.json({ action: await plan.changeAction(orgCtxOf(c), sid(c), idParam(c, "actionId", "action"), body) }),
  );

  // Progress.
  r.define(
    {
      method: "get",
      path: `${base}/:strategyId/updates`,
      query: quarterQuery,
      response: quarterUpdatesResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary:
        "Every action's update for a quarter (default: the last ended), its measures at the quarter end and the status they suggest",
    },
    async (c, { query }) => {
      const ctx = orgCtxOf(c);
      return c.json(
        await updates.quarterUpdates(ctx, sid(c), query.quarter ?? lastEndedQuarter(isoDate(ctx.deps.now()))),
      );
    },
  );
  r.define(
    {
      method: "get",
      path: `${base}/:strategyId/actions/:actionId/updates`,
      response: actionUpdatesResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "An action's updates, latest first",
    },
    async (c) => c.json(await updates.actionUpdates(orgCtxOf(c), sid(c), idParam(c, "actionId", "action"))),
  );
  r.define(
    {
      method: "put",
      path: `${base}/:strategyId/actions/:actionId/updates/:quarter`,
      body: progressUpdateInput,
      response: progressUpdateResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.update",
      summary:
        "Record an action's progress for a quarter (its owner, a member of its owning group, or the council's strategy editors)",
    },
    async (c, { body }) =>
      c.json({
        update: await updates.recordUpdate(
          orgCtxOf(c),
          sid(c),
          idParam(c, "actionId", "action"),
          quarterParam(c),
          body,
        ),
      }),
  );

  // Risks, issues and assumptions.
  r.define(
    {
      method: "get",
      path: `${base}/:strategyId/risks`,
      response: risksResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "The register of risks, issues and assumptions, with the heat map of open risks and issues",
    },
    async (c) => c.json(await risks.listRisks(orgCtxOf(c), sid(c))),
  );
  r.define(
    {
      method: "post",
      path: `${base}/:strategyId/risks`,
      body: riskInput,
      response: riskResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Add a risk, issue or assumption to the register",
    },
    async (c, { body }) => c.json({ risk: await risks.addRisk(orgCtxOf(c), sid(c), body) }, 201),
  );
  r.define(
    {
      method: "patch",
      path: `${base}/:strategyId/risks/:riskId`,
      body: updateRiskInput,
      response: riskResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Change a register entry (its history keeps what it was)",
    },
    async (c, { body }) =>
      c.json({ risk: await risks.changeRisk(orgCtxOf(c), sid(c), idParam(c, "riskId", "risk"), body) }),
  );
  r.define(
    {
      method: "get",
      path: `${base}/:strategyId/risks/:riskId/history`,
      response: riskHistoryResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "Every change to a register entry: who, when, before and after",
    },
    async (c) => c.json(await risks.riskHistory(orgCtxOf(c), sid(c), idParam(c, "riskId", "risk"))),
  );

  // Governance.
  r.define(
    {
      method: "get",
      path: `${base}/:strategyId/groups`,
      response: groupsResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "The steering group, task-and-finish groups and forum, with their members",
    },
    async (c) => c.json(await governance.listGroups(orgCtxOf(c), sid(c))),
  );
  r.define(
    {
      method: "post",
      path: `${base}/:strategyId/groups`,
      body: groupInput,
      response: groupResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Set up a group",
    },
    async (c, { body }) => c.json({ group: await governance.addGroup(orgCtxOf(c), sid(c), body) }, 201),
  );
  r.define(
    {
      method: "post",
      path: `${base}/:strategyId/groups/:groupId/members`,
      body: groupMemberInput,
      response: groupResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Add someone from the council, or a provider or partner it commissions, to a group",
    },
    async (c, { body }) =>
      c.json({ group: await governance.addMember(orgCtxOf(c), sid(c), idParam(c, "groupId", "group"), body) }, 201),
  );
  r.define(
    {
      method: "delete",
      path: `${base}/:strategyId/groups/:groupId/members/:memberId`,
      response: groupResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Take someone out of a group (leaving the last group ends their access to the strategy)",
    },
    async (c) =>
      c.json({
        group: await governance.removeMember(
          orgCtxOf(c),
          sid(c),
          idParam(c, "groupId", "group"),
          idParam(c, "memberId", "group member"),
        ),
      }),
  );
  r.define(
    {
      method: "get",
      path: `${base}/:strategyId/meetings`,
      response: meetingsResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "The groups' meetings, latest first, with decisions and actions arising",
    },
    async (c) => c.json(await governance.listMeetings(orgCtxOf(c), sid(c))),
  );
  r.define(
    {
      method: "post",
      path: `${base}/:strategyId/groups/:groupId/meetings`,
      body: meetingInput,
      response: meetingResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Record a group's meeting: agenda, decisions and actions arising",
    },
    async (c, { body }) =>
      c.json({ meeting: await governance.addMeeting(orgCtxOf(c), sid(c), idParam(c, "groupId", "group"), body) }, 201),
  );
  r.define(
    {
      method: "get",
      path: `${base}/:strategyId/forum`,
      response: forumResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "The provider workforce forum's 'you said, we did' log",
    },
    async (c) => c.json(await governance.listForum(orgCtxOf(c), sid(c))),
  );
  r.define(
    {
      method: "post",
      path: `${base}/:strategyId/forum`,
      body: forumEntryInput,
      response: forumEntryResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Log what the forum said",
    },
    async (c, { body }) => c.json({ entry: await governance.addForumEntry(orgCtxOf(c), sid(c), body) }, 201),
  );
  r.define(
    {
      method: "patch",
      path: `${base}/:strategyId/forum/:entryId`,
      body: updateForumEntryInput,
      response: forumEntryResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Say what was done about what the forum said",
    },
    async (c, { body }) =>
      c.json({
        entry: await governance.changeForumEntry(orgCtxOf(c), sid(c), idParam(c, "entryId", "forum entry"), body),
      }),
  );

  // The quarterly board report's data.
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/strategy-board-data/:quarter",
      response: boardReportDataResponse,
      orgKinds: council,
      tag,
      scope: "org",
      permission: "strategy.view",
      summary: "Everything a quarterly board report holds, for the council's current strategy, as JSON",
    },
    async (c) => c.json(await boardReportData(orgCtxOf(c), quarterParam(c))),
  );
}
