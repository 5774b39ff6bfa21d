import type {
  EstablishmentQuery,
  EstablishmentRow,
  PostsView,
  SetEstablishmentInput,
  TeamEstablishment,
} from "../../../shared/schemas/social-work-service";
import {
  SW_ROLE_KEYS,
  SW_SERVICE_LABELS,
  SW_SERVICES,
  type SwRole,
  type SwService,
  swRoleLabel,
} from "../../../shared/social-work";
import { fteOf } from "../../../shared/sw-fte";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { seesWholeService, visibleTeamIds } from "./access";
import * as repo from "./establishment.repo";
import * as teamsRepo from "./teams.repo";

// The establishment (issue 20 item 1): for each team and role on a date, the funded posts (the
// latest sw_establishment row effective on it), the filled posts (the FTE of staff in post on it:
// shared/sw-fte.ts and sw-in-post.ts), the vacant posts (funded − filled, not below 0), and how much
// of that is covered by agency workers (the FTE of assignments in post on it covering a vacancy).

const round = (n: number) => Math.round(n * 100) / 100;

export const emptyPosts = (): PostsView => ({ funded: 0, filled: 0, vacant: 0, agencyCover: 0 });
export const addPosts = (a: PostsView, b: PostsView): PostsView => ({
  funded: round(a.funded + b.funded),
  filled: round(a.filled + b.filled),
  vacant: round(a.vacant + b.vacant),
  agencyCover: round(a.agencyCover + b.agencyCover),
});

/** Posts by team and role on `at`, for the teams given. */
export async function postsByTeam(ctx: OrgCtx, teamIds: string[], at: string) {
  const [funded, staff, agency] = await Promise.all([
    repo.fundedRows(ctx.db, ctx.org.id, teamIds, at),
    repo.inPost(ctx.db, ctx.org.id, teamIds, at),
    repo.agencyCover(ctx.db, ctx.org.id, teamIds, at),
  ]);
  const byTeam = new Map<string, Map<string, PostsView>>();
  const cell = (teamId: string, role: string) => {
    const roles = byTeam.get(teamId) ?? new Map<string, PostsView>();
    byTeam.set(teamId, roles);
    const c = roles.get(role) ?? emptyPosts();
    roles.set(role, c);
    return c;
  };
  // Rows come oldest first: the last one seen is the one in effect.
  for (const f of funded) cell(f.teamId, f.role).funded = Number(f.fundedFte);
  for (const s of staff) {
    const c = cell(s.teamId, s.role);
    c.filled = round(c.filled + fteOf(s.contractedHours));
  }
  for (const a of agency) {
    const c = cell(a.teamId, a.role);
    c.agencyCover = round(c.agencyCover + fteOf(Number(a.weeklyHours)));
  }
  const result = new Map<string, { rows: EstablishmentRow[]; totals: PostsView }>();
  for (const teamId of teamIds) {
    const roles = byTeam.get(teamId) ?? new Map();
    const rows: EstablishmentRow[] = [];
    for (const role of SW_ROLE_KEYS) {
      const c = roles.get(role);
      if (!c) continue;
      const vacant = round(Math.max(c.funded - c.filled, 0));
      rows.push({ role, roleLabel: swRoleLabel(role), ...c, vacant });
    }
    result.set(teamId, { rows, totals: rows.reduce(addPosts, emptyPosts()) });
  }
  return result;
}

/** The establishment of the teams the user may see on a date, with each service's totals. */
export async function getEstablishment(ctx: OrgCtx, query: EstablishmentQuery) {
  const at = query.at ?? isoDate(ctx.deps.now());
  const teams = (await teamsRepo.listTeams(ctx.db, ctx.org.id, await visibleTeamIds(ctx), false)).filter(
    (t) => !query.service || t.service === query.service,
  );
  const posts = await postsByTeam(
    ctx,
    teams.map((t) => t.id),
    at,
  );
  const teamRows: TeamEstablishment[] = teams.map((t) => ({
    teamId: t.id,
    teamName: t.name,
    service: t.service as SwService,
    ...(posts.get(t.id) ?? { rows: [], totals: emptyPosts() }),
  }));
  const services = SW_SERVICES.filter((s) => teamRows.some((t) => t.service === s)).map((service) => ({
    service,
    label: SW_SERVICE_LABELS[service],
    totals: teamRows.filter((t) => t.service === service).reduce((a, t) => addPosts(a, t.totals), emptyPosts()),
  }));
  return { at, services, teams: teamRows };
}

/** Sets a role's funded posts in a team from a date; earlier rows stay as history. */
export async function setEstablishment(ctx: OrgCtx, teamId: string, input: SetEstablishmentInput) {
  return inTransaction(ctx, async (tx) => {
    const team = await teamsRepo.findTeam(tx.db, tx.org.id, teamId);
    if (!team || (!seesWholeService(tx) && !(await visibleTeamIds(tx)).includes(teamId))) throw notFound("team");
    if (team.archivedAt)
      throw badRequest("team_archived", `${team.name} is archived: its posts cannot be changed.`, [
        { path: "teamId", message: "Choose a team that is not archived" },
      ]);
    const before = await repo.findRow(tx.db, teamId, input.role, input.effectiveFrom);
    const row = await repo.upsertRow(tx.db, {
      orgId: tx.org.id,
      teamId,
      role: input.role as SwRole,
      fundedFte: input.fundedFte,
      effectiveFrom: input.effectiveFrom,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: before ? "update" : "create",
      entityType: "sw_establishment",
      entityId: row.id,
      before: before
        ? { role: before.role, fundedFte: before.fundedFte, effectiveFrom: before.effectiveFrom }
        : undefined,
      after: { teamId, role: input.role, fundedFte: input.fundedFte, effectiveFrom: input.effectiveFrom },
    });
    return row;
  });
}

export const establishmentHistory = async (ctx: OrgCtx, teamId: string) =>
  (await repo.history(ctx.db, ctx.org.id, teamId)).map((h) => ({
    role: h.role as SwRole,
    fundedFte: Number(h.fundedFte),
    effectiveFrom: h.effectiveFrom,
  }));
