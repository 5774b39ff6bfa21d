import { can } from "../../../shared/permissions";
import type { OrgCtx } from "../../context";
import { notFound } from "../../lib/errors";
import { teamIds, workerTeam } from "./access.repo";

// Who may see which social work records: the one module every socialwork service asks (issue 20).
// The route's permission (socialwork.view or .supervise) says whether someone may see records at
// all; this says whose. The service lead (socialwork.manage) and the hub admin see every team; a
// team manager sees the teams they manage (sw_teams.manager_user_id); anyone else none. A worker
// sees their own records through their personal account (the /api/me routes), not through these.

/** Everyone with socialwork.manage (and the hub admin) sees the whole service. */
export const seesWholeService = (ctx: OrgCtx) => can(ctx.role, "socialwork.manage", ctx.actor.isHubAdmin);

/** The teams whose workers' records the acting user may see. */
export async function visibleTeamIds(ctx: OrgCtx): Promise<string[]> {
  if (seesWholeService(ctx)) return teamIds(ctx.db, ctx.org.id);
  if (!ctx.actor.userId || !can(ctx.role, "socialwork.view", ctx.actor.isHubAdmin)) return [];
  return teamIds(ctx.db, ctx.org.id, ctx.actor.userId);
}

/**
 * A worker of the council's social work service the acting user may see, or 404 (a worker in a
 * team one does not manage is not disclosed, as another organisation's records are not).
 */
export async function visibleWorker(ctx: OrgCtx, staffRecordId: string) {
  const worker = await workerTeam(ctx.db, ctx.org.id, staffRecordId);
  if (!worker) throw notFound("social worker");
  if (seesWholeService(ctx)) return worker;
  const teams = await visibleTeamIds(ctx);
  if (!teams.includes(worker.teamId)) throw notFound("social worker");
  return worker;
}

/** Whether the acting user may see a team's records (404 when not, as for a worker). */
export async function assertTeamVisible(ctx: OrgCtx, teamId: string) {
  const teams = await visibleTeamIds(ctx);
  if (!teams.includes(teamId)) throw notFound("team");
}
