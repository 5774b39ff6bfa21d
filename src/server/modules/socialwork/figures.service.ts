import { GROW_YOUR_OWN_ROUTES, type RouteIn, SW_SERVICES, type SwService } from "../../../shared/social-work";
import {
  baseTeamParts,
  growYourOwnParts,
  type Parts,
  type ProtectedFigures,
  protectAll,
  type SwFigureName,
  type WorkerFacts,
} from "../../../shared/sw-figures";
import { type StandardRow, teamCompliance } from "../../../shared/sw-supervision";
import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import * as repo from "./figures.repo";

// The social work service's figures (issue 20 item 11): aggregates for the council's adults' and
// children's services and each of their teams, never a person. The facts are read once for the
// council (figures.repo.ts), each date's figures are worked out by the rules in
// shared/sw-figures.ts and the other parts' rules (supervision: sw-supervision.ts), and every
// date's figures are protected together (protectAll) before anything leaves: the same cells are
// withheld however a figure is reached (the dashboard, the series, its CSV, the board report).

export type Facts = Awaited<ReturnType<typeof loadFacts>>;

/** Everything the figures rest on, up to `until`. */
export async function loadFacts(ctx: OrgCtx, until: string) {
  const [teams, workers, establishment, agency, caseloads, supervisions, standards] = await Promise.all([
    repo.teams(ctx.db, ctx.org.id),
    repo.workers(ctx.db, ctx.org.id, until),
    repo.establishment(ctx.db, ctx.org.id, until),
    repo.agency(ctx.db, ctx.org.id, until),
    repo.caseloads(ctx.db, ctx.org.id, until),
    repo.supervisions(ctx.db, ctx.org.id, until),
    repo.supervisionStandards(ctx.db, ctx.org.id),
  ]);
  const asyes = await repo.asyes(ctx.db, ctx.org.id);
  const held = new Map<string, string[]>();
  for (const s of supervisions) held.set(s.staffRecordId, [...(held.get(s.staffRecordId) ?? []), s.heldOn]);
  const asyeOf = new Map(asyes.map((a) => [a.staffRecordId, a]));
  return {
    teams: teams.map((t) => ({ ...t, service: t.service as SwService })),
    workers: workers as WorkerFacts[],
    establishment,
    agency,
    caseloads,
    held,
    asyeOf,
    standards: standards as StandardRow[],
  };
}

const grown = (routeIn: string) => GROW_YOUR_OWN_ROUTES.includes(routeIn as RouteIn);

/** Each team's parts of every figure at D (null: a figure whose rule has not landed yet). */
export function teamParts(facts: Facts, at: string): Map<string, Partial<Record<SwFigureName, Parts | null>>> {
  const ids = facts.teams.map((t) => t.id);
  const base = baseTeamParts(facts, ids, at);
  const out = new Map<string, Partial<Record<SwFigureName, Parts | null>>>();
  for (const id of ids) {
    const workers = facts.workers.filter((w) => w.teamId === id);
    const supervision = teamCompliance(
      workers.map((w) => {
        const a = facts.asyeOf.get(w.id);
        return {
          role: w.role,
          startDate: w.startDate,
          endDate: w.endDate,
          asye: a ? { startDate: a.startDate, extendedTo: a.extendedTo, outcomeOn: a.outcomeOn } : null,
          held: facts.held.get(w.id) ?? [],
        };
      }),
      facts.standards,
      at,
    );
    out.set(id, {
      ...base.get(id),
      supervision_compliance: { num: supervision.notOverdue, den: supervision.inPost, base: supervision.inPost },
      asye_reviews_on_time: null,
      nqsw_retention_12m: null,
      grow_your_own_share: growYourOwnParts(workers, grown, at),
    });
  }
  return out;
}

/** Every figure at D for every team and service, protected together. */
export const protectedAt = (facts: Facts, at: string): ProtectedFigures =>
  protectAll(facts.teams, teamParts(facts, at));

const today = (ctx: OrgCtx) => isoDate(ctx.deps.now());

function dateOrRefuse(ctx: OrgCtx, at: string | undefined): string {
  const day = at ?? today(ctx);
  if (day > today(ctx))
    throw badRequest(
      "future_date",
      `at must be today or earlier: ${day} is in the future. Give a date such as ${today(ctx)}.`,
    );
  return day;
}

const servicesOf = (facts: Facts, service: SwService | undefined) =>
  SW_SERVICES.filter((s) => (service ? s === service : facts.teams.some((t) => t.service === s)));

/** The headline figures at a date per service and per team (GET …/social-work/figures). */
export async function socialWorkFigures(ctx: OrgCtx, query: { at?: string; service?: SwService }) {
  const at = dateOrRefuse(ctx, query.at);
  const facts = await loadFacts(ctx, at);
  const p = protectedAt(facts, at);
  const services = servicesOf(facts, query.service);
  return {
    at,
    services: services.map((s) => ({ service: s, figures: p.services[s] ?? {} })),
    teams: facts.teams
      .filter((t) => services.includes(t.service))
      .map((t) => ({ id: t.id, name: t.name, service: t.service, figures: p.teams[t.id] })),
  };
}
