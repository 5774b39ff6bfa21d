import { SW_SERVICES, type SwService } from "../../../shared/social-work";
import { type AsyeTimeline, nqswRetention, reviewsOnTime } from "../../../shared/sw-asye";
import {
  baseTeamParts,
  type Parts,
  type ProtectedFigures,
  protectAll,
  type SwFigureName,
  type WorkerFacts,
} from "../../../shared/sw-figures";
import { leftBy } from "../../../shared/sw-in-post";
import { growYourOwnShare } from "../../../shared/sw-routes-in";
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
  const [asyes, reviews] = await Promise.all([repo.asyes(ctx.db, ctx.org.id), repo.asyeReviews(ctx.db, ctx.org.id)]);
  const reviewsOf = new Map<string, typeof reviews>();
  for (const r of reviews) reviewsOf.set(r.asyeId, [...(reviewsOf.get(r.asyeId) ?? []), r]);
  const held = new Map<string, string[]>();
  for (const s of supervisions) held.set(s.staffRecordId, [...(held.get(s.staffRecordId) ?? []), s.heldOn]);
  const asyeOf = new Map(asyes.map((a) => [a.staffRecordId, { ...a, reviews: reviewsOf.get(a.id) ?? [] }]));
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

type Asye = NonNullable<ReturnType<Facts["asyeOf"]["get"]>>;

/**
 * An ASYE as it stood at D, for part C1's rules: only reviews held by D, and an outcome after D
 * not yet known (the year still open then).
 */
function asyeAt(a: Asye, at: string): AsyeTimeline {
  const decided = a.outcomeOn !== null && a.outcomeOn <= at;
  return {
    startDate: a.startDate,
    extendedTo: a.extendedTo,
    status: decided || !a.outcomeOn ? a.status : "in_progress",
    outcomeOn: decided ? a.outcomeOn : null,
    reviews: a.reviews.filter((r) => r.heldOn <= at),
  };
}

/** Each team's parts of every figure at D (null: a figure whose rule has not landed yet). */
export function teamParts(facts: Facts, at: string): Map<string, Partial<Record<SwFigureName, Parts | null>>> {
  const ids = facts.teams.map((t) => t.id);
  const base = baseTeamParts(facts, ids, at);
  const out = new Map<string, Partial<Record<SwFigureName, Parts | null>>>();
  for (const id of ids) {
    const workers = facts.workers.filter((w) => w.teamId === id);
    // The team's ASYEs begun by D (the worker's team now: a staff record's team is its profile's).
    const asyes = workers.flatMap((worker) => {
      const asye = facts.asyeOf.get(worker.id);
      return asye && asye.startDate <= at ? [{ asye, worker }] : [];
    });
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
      asye_reviews_on_time: share(
        reviewsOnTime(
          asyes.map((x) => asyeAt(x.asye, at)),
          at,
        ),
      ),
      nqsw_retention_12m: share(
        nqswRetention(
          asyes.map((x) => ({
            startDate: x.asye.startDate,
            leftOn: leftBy(x.worker, at) ? x.worker.endDate : null,
          })),
          12,
          at,
        ),
      ),
      grow_your_own_share: ((g) => ({ num: g.grownOwn, den: g.registeredInPost, base: g.registeredInPost }))(
        growYourOwnShare(workers, at),
      ),
    });
  }
  return out;
}

const share = (s: { count: number; of: number }): Parts => ({ num: s.count, den: s.of, base: s.of });

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
