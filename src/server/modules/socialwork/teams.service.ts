import { can } from "../../../shared/permissions";
import type { TeamInput, TeamsQuery } from "../../../shared/schemas/social-work-service";
import { SW_SERVICE_LABELS, SW_SERVICES, type SwService } from "../../../shared/social-work";
import { REGISTRATION_ALERTS } from "../../../shared/sw-registration";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { seesWholeService, visibleTeamIds } from "./access";
import { addPosts, emptyPosts, establishmentHistory, postsByTeam } from "./establishment.service";
import { alertsOf } from "./registration.service";
import { presentTeam } from "./teams.presenter";
import * as repo from "./teams.repo";
import { presentWorkerSummary } from "./workers.presenter";
import { alertsOfTeams, listWorkerRows } from "./workers.service";

// The social work service's teams (issue 20 item 1): the list (a team manager's shows only the
// teams they manage), a team's page with its posts, history and workers, and the service lead's
// create, edit and archive. A team's manager must be a member with sw_manager or sw_lead; a
// team's service is fixed once it has workers (their records are at that service's workplace).

const invalid = (path: string, message: string) => badRequest("validation", message, [{ path, message }]);
const today = (ctx: OrgCtx) => isoDate(ctx.deps.now());

async function present(ctx: OrgCtx, teams: repo.TeamRow[], at: string) {
  const ids = teams.map((t) => t.id);
  const posts = await postsByTeam(ctx, ids, at);
  const workers = await listWorkerRows(ctx, ids, {});
  const day = today(ctx);
  return teams.map((t) => {
    const own = workers.filter((w) => w.profile.teamId === t.id);
    return presentTeam(t, {
      posts: posts.get(t.id)?.totals ?? emptyPosts(),
      workers: own.length,
      alerts: own.filter((w) => alertsOf(w.profile, w, day).length).length,
    });
  });
}

export async function listTeams(ctx: OrgCtx, query: TeamsQuery) {
  const at = query.at ?? today(ctx);
  const whole = seesWholeService(ctx);
  const teams = await repo.listTeams(
    ctx.db,
    ctx.org.id,
    whole ? null : await visibleTeamIds(ctx),
    whole && query.archived === "true",
  );
  return {
    at,
    teams: await present(ctx, teams, at),
    managerOptions: whole ? await repo.managerOptions(ctx.db, ctx.org.id) : [],
  };
}

/** A team the user may see (the service lead: archived ones too), or 404. */
async function visibleTeam(ctx: OrgCtx, id: string) {
  const team = await repo.findTeam(ctx.db, ctx.org.id, id);
  if (!team) throw notFound("team");
  if (!seesWholeService(ctx) && !(await visibleTeamIds(ctx)).includes(id)) throw notFound("team");
  return team;
}

export async function getTeam(ctx: OrgCtx, id: string, at = today(ctx)) {
  const team = await visibleTeam(ctx, id);
  const [view] = await present(ctx, [team], at);
  const posts = (await postsByTeam(ctx, [id], at)).get(id) ?? { rows: [], totals: emptyPosts() };
  const day = today(ctx);
  return {
    at,
    team: view,
    establishment: { teamId: id, teamName: team.name, service: team.service as SwService, ...posts },
    history: await establishmentHistory(ctx, id),
    workers: (await listWorkerRows(ctx, [id], {})).map((w) => presentWorkerSummary(w, day)),
  };
}

async function checkTeam(ctx: OrgCtx, input: ReturnType<typeof columns>, self?: repo.TeamRow) {
  const same = await repo.findTeamByName(ctx.db, ctx.org.id, input.name);
  if (same && same.id !== self?.id)
    throw conflict(
      "team_name_taken",
      `The service already has a team called ${input.name}: give this team its own name.`,
    );
  if (input.managerUserId) {
    const options = await repo.managerOptions(ctx.db, ctx.org.id);
    if (!options.some((o) => o.id === input.managerUserId))
      throw invalid(
        "managerUserId",
        "Choose a team manager who is a member of your council with the team manager or service lead role",
      );
  }
  const place = await repo.serviceWorkplace(ctx.db, ctx.org.id, input.service);
  if (!place)
    throw invalid(
      "service",
      `Your council has no ${SW_SERVICE_LABELS[input.service].toLowerCase()} workplace: ask the hub's administrator to set one up first`,
    );
  if (self && self.service !== input.service) {
    const workers = await listWorkerRows(ctx, [self.id], { leavers: true });
    if (workers.length)
      throw invalid(
        "service",
        `${self.name} has workers, whose records are at the ${self.service} workplace: its service cannot change. Make a new team instead`,
      );
  }
  return place;
}

const columns = (input: TeamInput) => ({
  name: input.name,
  service: input.service as SwService,
  serviceArea: input.serviceArea ?? "",
  managerUserId: input.managerUserId ?? null,
  caseloadThreshold: input.caseloadThreshold ?? null,
});

export async function createTeam(ctx: OrgCtx, input: TeamInput) {
  return inTransaction(ctx, async (tx) => {
    const values = columns(input);
    const place = await checkTeam(tx, values);
    const team = await repo.insertTeam(tx.db, { ...values, orgId: tx.org.id, workplaceId: place.id });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "create",
      entityType: "sw_team",
      entityId: team.id,
      after: values,
    });
    return getTeamView(tx, team.id);
  });
}

export async function updateTeam(ctx: OrgCtx, id: string, input: TeamInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await visibleTeam(tx, id);
    const values = columns(input);
    const place = await checkTeam(tx, values, before);
    await repo.updateTeam(tx.db, tx.org.id, id, { ...values, workplaceId: place.id, updatedAt: tx.deps.now() });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "sw_team",
      entityId: id,
      before: {
        name: before.name,
        service: before.service,
        serviceArea: before.serviceArea,
        managerUserId: before.managerUserId,
        caseloadThreshold: before.caseloadThreshold,
      },
      after: values,
    });
    return getTeamView(tx, id);
  });
}

export async function archiveTeam(ctx: OrgCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const team = await visibleTeam(tx, id);
    if (team.archivedAt) throw conflict("already_archived", `${team.name} is already archived.`);
    const current = await listWorkerRows(tx, [id], {});
    if (current.length)
      throw conflict(
        "team_has_workers",
        `${team.name} still has ${current.length} worker${current.length === 1 ? "" : "s"} in post: move them to another team or record them as leavers first.`,
      );
    await repo.updateTeam(tx.db, tx.org.id, id, { archivedAt: tx.deps.now(), updatedAt: tx.deps.now() });
    await recordAudit(tx, { orgId: tx.org.id, action: "archive", entityType: "sw_team", entityId: id });
    return getTeamView(tx, id);
  });
}

async function getTeamView(ctx: OrgCtx, id: string) {
  const team = await repo.findTeam(ctx.db, ctx.org.id, id);
  if (!team) throw notFound("team");
  return (await present(ctx, [team], today(ctx)))[0];
}

/** Below this, a count of people shown to someone who sees figures only is withheld. */
export const SMALL_COUNT = 5;

/**
 * The service at a glance on a date (the overview; socialwork.figures): per service, its teams,
 * workers in post, posts and how many workers have each kind of alert. Aggregates only, over the
 * whole service; for someone without socialwork.view, counts from 1 to 4 are withheld (null).
 */
export async function serviceOverview(ctx: OrgCtx, at = today(ctx)) {
  const teams = await repo.listTeams(ctx.db, ctx.org.id, null, false);
  const ids = teams.map((t) => t.id);
  const posts = await postsByTeam(ctx, ids, at);
  const alerts = await alertsOfTeams(ctx, ids);
  const detail = can(ctx.role, "socialwork.view", ctx.actor.isHubAdmin);
  const shown = (n: number) => (detail || n === 0 || n >= SMALL_COUNT ? n : null);
  const services = SW_SERVICES.filter((s) => teams.some((t) => t.service === s)).map((service) => {
    const own = teams.filter((t) => t.service === service);
    const people = alerts.filter((a) => a.service === service);
    const attention: Record<string, number | null> = {};
    for (const kind of REGISTRATION_ALERTS)
      attention[kind] = shown(people.filter((p) => p.alerts.some((a) => a.kind === kind)).length);
    return {
      service,
      label: SW_SERVICE_LABELS[service],
      teams: own.length,
      workers: people.length,
      posts: own.reduce((a, t) => addPosts(a, posts.get(t.id)?.totals ?? emptyPosts()), emptyPosts()),
      attention,
    };
  });
  return { at, services };
}
