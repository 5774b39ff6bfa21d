import { SW_SERVICES, type SwService } from "../../../shared/social-work";
import { monthEnd, SW_FIGURES, type SwFigure, type SwFigureName, seriesDates } from "../../../shared/sw-figures";
import { inPostOn, leftDuring } from "../../../shared/sw-in-post";
import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import * as repo from "./figures.repo";
import { type Facts, loadFacts, protectedAt } from "./figures.service";
import { mayShowFlowCounts } from "./flow-disclosure";

// The social work figures month by month (issue 20 item 11): 12 or 36 points, each a month's last
// day (the current month's at today), each protected exactly as the headline figures at that date
// are (figures.service.ts `protectedAt`), so the series, its CSV and the dashboard never disagree
// about what is withheld. Also the board report's monthly starters, leavers and agency in post.

export const SERIES_MONTHS = [12, 36] as const;
type Series = Record<SwFigureName, SwFigure[]>;

const emptySeries = (): Series => Object.fromEntries(SW_FIGURES.map((f) => [f, []])) as unknown as Series;

/** Every figure at each date, per service and per team. */
export function seriesOf(facts: Facts, dates: string[], services: readonly SwService[]) {
  const serviceSeries = new Map(services.map((s) => [s, emptySeries()]));
  const teams = facts.teams.filter((t) => services.includes(t.service));
  const teamSeries = new Map(teams.map((t) => [t.id, emptySeries()]));
  for (const at of dates) {
    const p = protectedAt(facts, at);
    for (const s of services)
      for (const f of SW_FIGURES)
        serviceSeries.get(s)?.[f].push(p.services[s]?.[f] ?? { value: null, n: 0, reason: "no_data" });
    for (const t of teams) for (const f of SW_FIGURES) teamSeries.get(t.id)?.[f].push(p.teams[t.id][f] as SwFigure);
  }
  return {
    services: services.map((s) => ({ service: s, series: serviceSeries.get(s) as Series })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, service: t.service, series: teamSeries.get(t.id) as Series })),
  };
}

/** The monthly series (GET …/social-work/figures/series). */
export async function socialWorkSeries(ctx: OrgCtx, query: { months: number; service?: SwService }) {
  if (!(SERIES_MONTHS as readonly number[]).includes(query.months))
    throw badRequest("invalid_months", `months must be 12 or 36, not ${query.months}.`);
  const at = isoDate(ctx.deps.now());
  const dates = seriesDates(at, query.months);
  const facts = await loadFacts(ctx, at);
  const services = SW_SERVICES.filter((s) =>
    query.service ? s === query.service : facts.teams.some((t) => t.service === s),
  );
  return { at, months: query.months, dates, ...seriesOf(facts, dates, services) };
}

/** A month's starters, leavers and agency workers in post at its end, for a service; null counts when withheld. */
export interface FlowMonth {
  month: string;
  starters: number | null;
  leavers: number | null;
  agencyInPost: number | null;
  /** Set when the month is withheld: the service had fewer than MIN_FLOW_BASE in post. */
  reason?: "small_base";
}

/**
 * Each month's starters (employments starting in it), leavers (ending in it: the end date is the
 * first day out of post, as everywhere in the figures) and agency assignments running at its
 * last day, per service, for the months ending `months` back to the one `to` falls in. A service
 * with fewer than MIN_FLOW_BASE staff in post at the month's end has that month withheld (one rule
 * with the monthly view: flow-disclosure.ts; the board report's readers read figures only).
 */
export async function monthlyFlows(ctx: OrgCtx, to: string, months: number) {
  const [teams, workers, agency] = await Promise.all([
    repo.teams(ctx.db, ctx.org.id),
    repo.workers(ctx.db, ctx.org.id, to),
    repo.agency(ctx.db, ctx.org.id, to),
  ]);
  const serviceOf = new Map(teams.map((t) => [t.id, t.service as SwService]));
  const ends = seriesDates(monthEnd(to), months);
  const services = SW_SERVICES.filter((s) => teams.some((t) => t.service === s));
  return services.map((service) => {
    const mine = workers.filter((w) => serviceOf.get(w.teamId) === service);
    const theirAgency = agency.filter((a) => serviceOf.get(a.teamId) === service);
    const rows: FlowMonth[] = ends.map((end) => {
      const first = `${end.slice(0, 8)}01`;
      const month = end.slice(0, 7);
      const inPost = mine.filter((w) => inPostOn(w, end)).length;
      if (!mayShowFlowCounts(inPost, false))
        return { month, starters: null, leavers: null, agencyInPost: null, reason: "small_base" };
      return {
        month,
        starters: mine.filter((w) => w.startDate >= first && w.startDate <= end).length,
        leavers: mine.filter((w) => leftDuring(w, first, end)).length,
        agencyInPost: theirAgency.filter((a) => inPostOn(a, end)).length,
      };
    });
    return { service, months: rows };
  });
}
