import { can } from "../../../shared/permissions";
import type { StartersLeaversQuery } from "../../../shared/schemas/social-work-agency";
import { SW_SERVICE_LABELS, SW_SERVICES, type SwService } from "../../../shared/social-work";
import {
  addMonths,
  costBetween,
  monthBounds,
  monthlyView,
  monthsEnding,
  type ViewAgency,
} from "../../../shared/sw-agency-rules";
import { inPostOn } from "../../../shared/sw-in-post";
import type { OrgCtx } from "../../context";
import { forbidden } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { seesWholeService, visibleTeamIds } from "./access";
import * as repo from "./agency-assignments.repo";
import { costsBehind, MIN_AGENCY_WORKERS, mayShowAgencyCost } from "./agency-cost-disclosure";
import { MIN_FLOW_BASE, mayShowFlowCounts } from "./flow-disclosure";

// The monthly starters, leavers and agency in post view the board report tabulates, and the
// agency spend (issue 20 item 8). Aggregates: anyone with socialwork.figures reads them per
// service. Per team only for those who may see the assignments (socialwork.view: the lead every
// team, a team manager their own). Whether an agency cost may be shown to the reader is one rule
// (agency-cost-disclosure.ts): fewer than MIN_AGENCY_WORKERS workers behind it, one of them not the
// reader's to see (readers of figures only; a team manager, for other teams' workers), withholds it.
// The counts follow the board report's rule (flow-disclosure.ts): with fewer than MIN_FLOW_BASE
// staff in post at the month's end they are withheld from a reader who does not see the records.

const today = (ctx: OrgCtx) => isoDate(ctx.deps.now());
const readsRecords = (ctx: OrgCtx) => can(ctx.role, "socialwork.view", ctx.actor.isHubAdmin);
const round = (n: number) => Math.round(n * 100) / 100;

/** The teams whose agency workers' pay the reader may see (null: every team's). */
async function payVisibleTeams(ctx: OrgCtx): Promise<Set<string> | null> {
  if (seesWholeService(ctx)) return null;
  return new Set(readsRecords(ctx) ? await visibleTeamIds(ctx) : []);
}

/** The last month shown by default: the last whole month before today's. */
export const lastWholeMonth = (day: string) => addMonths(`${day.slice(0, 7)}-01`, -1).slice(0, 7);

async function sources(ctx: OrgCtx, by: "service" | "team") {
  const allTeams = await repo.listTeams(ctx.db, ctx.org.id);
  const teamIds = by === "team" ? await visibleTeamIds(ctx) : allTeams.map((t) => t.id);
  const teams = allTeams.filter((t) => teamIds.includes(t.id));
  const [staff, assignments] = await Promise.all([
    repo.listStaffDates(ctx.db, ctx.org.id, teamIds),
    repo.listAssignments(ctx.db, ctx.org.id, teamIds),
  ]);
  return { teams, staff, assignments };
}

export async function startersLeavers(ctx: OrgCtx, query: StartersLeaversQuery) {
  const by = query.by ?? "service";
  if (by === "team" && !readsRecords(ctx))
    throw forbidden(
      "Team rows are for the social work service's leads and team managers: ask for the view by service instead.",
    );
  const months = monthsEnding(query.to ?? lastWholeMonth(today(ctx)), query.months ?? 12);
  const { teams, staff, assignments } = await sources(ctx, by);
  const groups =
    by === "service"
      ? SW_SERVICES.map((s) => ({ key: s, label: SW_SERVICE_LABELS[s], service: s }))
      : teams.map((t) => ({ key: t.id, label: t.name, service: t.service as SwService }));
  const groupOf = (x: { teamId: string; service: string }) => (by === "service" ? x.service : x.teamId);
  const agency: (ViewAgency & { id: string; teamId: string })[] = assignments.map((x) => ({
    ...x.a,
    group: groupOf({ teamId: x.a.teamId, service: x.service }),
  }));
  const rows = monthlyView(
    months,
    groups.map((g) => g.key),
    staff.map((s) => ({ group: groupOf(s), startDate: s.startDate, endDate: s.endDate })),
    agency,
  );
  const seen = await payVisibleTeams(ctx);
  // Who sees the records behind a row: the lead every group; by team, the rows are only the
  // reader's own teams. By service, a team manager's rows hold other teams' staff too.
  const seesRecords = seen === null || by === "team";
  let withheld = 0;
  let countsWithheld = 0;
  const out = rows.map((row) => {
    const inPost = staff.filter((s) => groupOf(s) === row.group && inPostOn(s, monthBounds(row.month).to)).length;
    if (mayShowFlowCounts(inPost, seesRecords)) return withCost(row);
    countsWithheld += 1;
    return { ...withCost(row), starters: null, leavers: null, agencyHeadcount: null, agencyFte: null };
  });
  function withCost(r: (typeof rows)[number]) {
    if (seen === null || r.agencyCost === 0) return r;
    const { from, to } = monthBounds(r.month);
    const behind = costsBehind(
      agency.filter((a) => a.group === r.group),
      from,
      to,
    );
    if (mayShowAgencyCost(behind, seen)) return r;
    withheld += 1;
    return { ...r, agencyCost: null };
  }
  return {
    by,
    months,
    groups,
    rows: out,
    note: withheld
      ? `An agency cost is withheld in ${withheld} ${withheld === 1 ? "month" : "months"}: fewer than ${MIN_AGENCY_WORKERS} agency workers were behind it, so it would show a person's pay.`
      : null,
    countsNote: countsWithheld
      ? `Starters, leavers and agency workers in post are withheld where the ${by} had fewer than ${MIN_FLOW_BASE} staff in post at the month's end, so the counts could point at a person.`
      : null,
  };
}

/**
 * Agency spend: the year to today against the year before, by calendar month (the last 24, this
 * month to today), by service, and by team for those who may see the assignments. For readers of
 * figures only, an amount with fewer than MIN_AGENCY_WORKERS agency workers behind it is withheld
 * (null), as in the monthly view, and so is any total it would let one work out.
 */
export async function agencySpend(ctx: OrgCtx) {
  const now = today(ctx);
  const lastFrom = addMonths(now, -12);
  const last = { from: isoDate(new Date(Date.parse(`${lastFrom}T00:00:00Z`) + 86_400_000)), to: now };
  const previous = {
    from: isoDate(new Date(Date.parse(`${addMonths(now, -24)}T00:00:00Z`) + 86_400_000)),
    to: lastFrom,
  };
  const allTeams = await repo.listTeams(ctx.db, ctx.org.id);
  const assignments = await repo.listAssignments(
    ctx.db,
    ctx.org.id,
    allTeams.map((t) => t.id),
    { from: previous.from, to: now },
  );
  const seen = await payVisibleTeams(ctx);
  const sum = (xs: typeof assignments, from: string, to: string) => {
    const behind = costsBehind(
      xs.map((x) => x.a),
      from,
      to,
    );
    if (!mayShowAgencyCost(behind, seen)) return null;
    return round(behind.reduce((n, a) => n + costBetween(a, from, to), 0));
  };
  /** A total shown only when none of its parts is withheld (else the total less the rest gives it away). */
  const totalOf = (parts: (number | null)[], whole: number | null) =>
    whole === null || parts.some((p) => p === null) ? null : whole;
  const ofService = (s: SwService) => assignments.filter((x) => x.service === s);
  const line = (key: string, label: string, service: SwService, xs: typeof assignments) => ({
    key,
    label,
    service,
    last: sum(xs, last.from, last.to),
    previous: sum(xs, previous.from, previous.to),
  });
  const byMonth = monthsEnding(now.slice(0, 7), 24).map((month) => {
    const b = monthBounds(month);
    const to = b.to < now ? b.to : now;
    const adults = sum(ofService("adults"), b.from, to);
    const children = sum(ofService("children"), b.from, to);
    const total = adults === null || children === null ? null : round(adults + children);
    return { month, adults, children, total };
  });
  const byService = SW_SERVICES.map((s) => line(s, SW_SERVICE_LABELS[s], s, ofService(s)));
  const visible = readsRecords(ctx) ? await visibleTeamIds(ctx) : null;
  const lastTotal = totalOf(
    byService.map((l) => l.last),
    sum(assignments, last.from, last.to),
  );
  const previousTotal = totalOf(
    byService.map((l) => l.previous),
    sum(assignments, previous.from, previous.to),
  );
  return {
    last: { ...last, total: lastTotal },
    previous: { ...previous, total: previousTotal },
    change:
      lastTotal !== null && previousTotal
        ? Math.round(((lastTotal - previousTotal) / previousTotal) * 1000) / 1000
        : null,
    byMonth,
    byService,
    byTeam: visible
      ? allTeams
          .filter((t) => visible.includes(t.id))
          .map((t) =>
            line(
              t.id,
              t.name,
              t.service as SwService,
              assignments.filter((x) => x.a.teamId === t.id),
            ),
          )
      : null,
  };
}
