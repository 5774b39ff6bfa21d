import { can } from "../../../shared/permissions";
import { inPostOn } from "../../../shared/sw-in-post";
import type { OrgCtx } from "../../context";
import { notFound } from "../../lib/errors";
import { staffForNaming, teamIds, workerTeam } from "./access.repo";

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

/**
 * Roles whose holders supervise and review across teams (senior practitioners, managers, the
 * principal social worker): a team manager may name them from any team of the service.
 */
export const SUPERVISING_ROLES: ReadonlySet<string> = new Set([
  "senior_social_worker",
  "advanced_practitioner",
  "team_manager",
  "service_manager",
  "principal_social_worker",
]);

/** Whether someone of the service (a supervisor choice) may be offered to the acting user. */
export const offerableSupervisor = (teams: readonly string[], s: { teamId: string; role: string }) =>
  teams.includes(s.teamId) || SUPERVISING_ROLES.has(s.role);

/**
 * Whether the acting user may name a staff record as a worker's supervisor or reviewer for a day.
 * Its name is read back, so naming must not reveal anyone the user could not already choose: the
 * service lead names any worker of the service; a team manager a worker of a team they manage or
 * a senior role anywhere in the service (the supervision page's choices); anyone their own staff
 * record. The person must have been in post that day. Callers give one answer for every refusal,
 * so an id out of reach cannot be told from one that does not exist.
 */
export async function mayName(ctx: OrgCtx, staffRecordId: string, day: string): Promise<boolean> {
  const staff = await staffForNaming(ctx.db, ctx.org.id, staffRecordId);
  if (!staff || !inPostOn(staff, day)) return false;
  if (staff.userId !== null && staff.userId === ctx.actor.userId) return true;
  if (staff.teamId === null || staff.role === null) return false;
  if (seesWholeService(ctx)) return true;
  return offerableSupervisor(await visibleTeamIds(ctx), { teamId: staff.teamId, role: staff.role });
}
