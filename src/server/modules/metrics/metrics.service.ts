import type { Framework } from "../../../shared/career/framework";
import { HEADLINE_NAMES } from "../../../shared/metrics";
import type { Ctx, OrgCtx } from "../../context";
import { sha256 } from "../../lib/crypto";
import { badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { assertCommissions, providersOf } from "../orgs/commissioning";
import { listPayFloors } from "../reference/reference.repo";
import { returnStatusFigures } from "../returns/returns.service";
import { careerFigures } from "./career-figures";
import { figuresToProtect, isSpecial, type LinkedCell, protect, withholdLinked } from "./disclosure";
import { commissioningOf, workplacesOfOrgs } from "./disclosure.repo";
import { type Distributions, distributionsFor } from "./distributions";
import {
  type Cell,
  cellKey,
  computeGrid,
  FIGURE_NAMES,
  type Figure,
  type Figures,
  type Grid,
  type GroupBy,
  uniqueCells,
} from "./engine";
import {
  allWorkplaceIds,
  countEmployers,
  servicesOfOrg,
  workplaceIdsByRef,
  workplaceIdsOfOrgs,
  workplaceIdsOfService,
} from "./scope.repo";
import { summariesOf } from "./summaries";

/**
 * What a figure is about, seen from the organisation asking: its own employer (all its
 * workplaces), one of its workplaces, for a council the providers it commissions at the date
 * together with its own services, or for a provider its comparison group: other employers with
 * workplaces of its main service type in the same council areas.
 */
export type Scope =
  | { kind: "employer" }
  | { kind: "workplace"; ref: string }
  | { kind: "council" }
  | { kind: "comparison" }
  | { kind: "provider"; id: string };

export function parseScope(ctx: OrgCtx, text: string | undefined): Scope {
  const value = text ?? (ctx.org.kind === "council" ? "council" : "employer");
  if (value === "employer") return { kind: "employer" };
  if (value === "council") {
    if (ctx.org.kind !== "council")
      throw badRequest(
        "validation",
        "scope=council is for councils: use scope=employer or scope=workplace:<reference>.",
      );
    return { kind: "council" };
  }
  if (value === "comparison") {
    // A council's comparison group would be other employers' workplaces cut another way than its
    // breakdowns, from which a withheld provider's cell could be worked out by difference.
    if (ctx.org.kind === "council")
      throw badRequest(
        "validation",
        "scope=comparison is for providers: a council uses scope=council or scope=provider:<id>.",
      );
    return { kind: "comparison" };
  }
  if (value.startsWith("provider:")) {
    if (ctx.org.kind !== "council")
      throw badRequest("validation", "scope=provider:<id> is for councils, about a provider they commission.");
    return { kind: "provider", id: value.slice("provider:".length) };
  }
  if (value.startsWith("workplace:") && value.length > "workplace:".length)
    return { kind: "workplace", ref: value.slice("workplace:".length) };
  throw badRequest(
    "validation",
    `scope "${value}" is not recognised: use employer, comparison, council (councils) or workplace:<your workplace reference or id>.`,
  );
}

export async function workplacesOf(ctx: OrgCtx, scope: Scope, at: string): Promise<string[]> {
  if (scope.kind === "provider") {
    // A council sees a provider's aggregates only while it commissions it.
    await assertCommissions(ctx.db, ctx.org.id, scope.id, at, "provider");
    return workplaceIdsOfOrgs(ctx.db, [scope.id]);
  }
  if (scope.kind === "workplace") {
    const rows = await workplaceIdsByRef(ctx.db, ctx.org.id, scope.ref);
    if (!rows.length) throw notFound("workplace");
    return rows;
  }
  if (scope.kind === "comparison") return comparisonGroup(ctx);
  const orgIds = [ctx.org.id];
  if (scope.kind === "council") orgIds.push(...(await providersOf(ctx.db, ctx.org.id, at)));
  return workplaceIdsOfOrgs(ctx.db, orgIds);
}

/**
 * The comparison group: other employers' workplaces with the asking organisation's main service
 * type (the one most of its workplaces provide) in the council areas of its workplaces. Its own
 * workplaces are left out, so its figures and the group's cannot be subtracted to reveal anyone.
 */
async function comparisonGroup(ctx: OrgCtx): Promise<string[]> {
  const own = await servicesOfOrg(ctx.db, ctx.org.id);
  const councils = [...new Set(own.map((w) => w.councilId).filter((c): c is string => c !== null))];
  if (!councils.length) return [];
  const tally = new Map<number, number>();
  for (const w of own) tally.set(w.mainService, (tally.get(w.mainService) ?? 0) + 1);
  const main = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  return workplaceIdsOfService(ctx.db, main, councils, ctx.org.id);
}

/**
 * The figures named in `names` (all when empty) for a scope as at a date. Only what they need is
 * computed: with no special category figure named, a council's linked disclosure (which rests on
 * every provider's special category counts) cannot withhold any of them and is not worked out; with
 * one named, all of them are computed, so a family of shares is protected as a whole, as it is
 * when everything is asked for.
 */
export async function metricsFor(ctx: OrgCtx, scopeText: string | undefined, at: string, names: string[] = []) {
  const scope = parseScope(ctx, scopeText);
  const ids = await workplacesOf(ctx, scope, at);
  const returns = await returnStatusFigures(ctx.db, ids, at, scope.kind === "council" ? ctx.org.id : null);
  if (!names.length) {
    const computed = { ...((await figuresBy(ctx, ids, at, "all")).get("all") as Figures), ...returns };
    return { scope, at, workplaceIds: ids, figures: (await protectForScope(ctx, scope, ids, [at]))(computed, at) };
  }
  pick({ ...Object.fromEntries(FIGURE_NAMES.map((n) => [n, { value: null, n: 0 }])), ...returns }, names);
  const special = names.some(isSpecial);
  const needed = figuresToProtect(
    names.filter((n) => FIGURE_NAMES.includes(n)),
    FIGURE_NAMES,
  );
  const cell: Cell = { at, by: "all" };
  const figures = (await (await figuresOver(ctx, ids)).subset([cell], needed))
    .get(cellKey(cell))
    ?.get("all") as Figures;
  const computed = { ...figures, ...returns };
  const protectedFigures =
    special || scope.kind === "comparison" ? (await protectForScope(ctx, scope, ids, [at]))(computed, at) : computed;
  return { scope, at, workplaceIds: ids, figures: pick(protectedFigures, names) };
}

/**
 * Disclosure control for a scope's figures as the asking organisation reads them, at any of
 * `dates`: a provider's comparison group needs enough employers and workers; a council reading
 * its providers (`council`, as at `asAt`, or one `provider`) gets exactly what `councilDisclosure`
 * withholds; an employer's own figures are its own.
 */
export async function protectForScope(
  ctx: OrgCtx,
  scope: Scope,
  ids: string[],
  dates: string[],
  asAt?: string,
): Promise<(f: Figures, at: string) => Figures> {
  if (scope.kind === "employer" || scope.kind === "workplace") return (f) => f;
  if (scope.kind === "council" || scope.kind === "provider") {
    const view = await councilDisclosure(ctx, dates);
    return scope.kind === "council"
      ? (f, at) => view.total(f, at, asAt ?? at)
      : (f, at) => view.provider(scope.id, f, at);
  }
  const employers = await countEmployers(ctx.db, ids);
  return (f) => protect(f, { employers, workers: f.filled_posts.value ?? 0 }, { needsGroupSize: true });
}

/**
 * Everything a council can read about the providers it commissions as at each of `dates`, with
 * the special category counts disclosure control withholds (`withholdLinked`), so that the same
 * cell is withheld on every path (the dashboard, its breakdowns and drill-down, the metrics API
 * and CLI, the downloads built from them) and no sum or difference of what they show gives it
 * away. As at a date D the council can read: each provider it commissions at D (the breakdown,
 * the drill-down, scope=provider:<id>); each provider it commissions at a later date whose
 * dashboard shows D (a quarter before, or a trend point: within 27 months, taken as 3 years);
 * its breakdown by service type at D; and the total over the providers commissioned at D or at
 * any of those later dates (each dashboard's trend keeps its own date's providers throughout).
 * Its own workplaces are its own. Figures come from the engine (summarised, ADR 0009); only the
 * counts behind special category shares are used, so this holds however figures are computed.
 */
export async function councilDisclosure(ctx: OrgCtx, dates: string[]) {
  const links = await commissioningOf(ctx.db, ctx.org.id);
  const setAt = (d: string) =>
    [
      ...new Set([
        ctx.org.id,
        ...links.filter((l) => l.fromDate <= d && (l.toDate === null || l.toDate >= d)).map((l) => l.providerId),
      ]),
    ].sort();
  const dayAfter = (d: string) => isoDate(new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000));
  const plans = [...new Set(dates)].map((at) => {
    const until = `${Number(at.slice(0, 4)) + 3}${at.slice(4)}`;
    const changes = links
      .flatMap((l) => [l.fromDate, ...(l.toDate ? [dayAfter(l.toDate)] : [])])
      .filter((d) => d > at && d <= until);
    const sets = new Map([at, ...changes].map((d) => setAt(d)).map((s) => [s.join(","), s]));
    return { at, own: setAt(at), sets, readable: [...new Set([...sets.values()].flat())] };
  });
  const places = await workplacesOfOrgs(ctx.db, [...new Set(plans.flatMap((p) => p.readable))]);
  const idsOf = (orgs: string[]) => {
    const of = new Set(orgs);
    return places.filter((w) => of.has(w.orgId)).map((w) => w.id);
  };
  const atomsOf = (orgs: string[], service?: number) => {
    const of = new Set(orgs);
    return [
      ...new Set(
        places
          .filter((w) => of.has(w.orgId) && (service === undefined || w.mainService === service))
          .map((w) => `${w.orgId}|${w.mainService}`),
      ),
    ];
  };
  // What is withheld is summarised like the figures it rests on (ADR 0009): keyed by the
  // workplaces it reads and the commissioning links that decide its cells, and current while
  // their organisations' data versions are.
  const linksKey = sha256(JSON.stringify(links.map((l) => [l.providerId, l.fromDate, l.toDate]).sort())).slice(0, 16);
  const nameOf = (at: string) => `disclosure|${ctx.org.id}|${at}|${linksKey}`;
  const byReadable = new Map<string, typeof plans>();
  for (const p of plans) {
    const key = [...p.readable].sort().join(",");
    byReadable.set(key, [...(byReadable.get(key) ?? []), p]);
  }
  const withheld = new Map<string, Map<string, Set<string>>>();
  for (const group of byReadable.values()) {
    const summaries = await summariesOf(ctx.db, idsOf(group[0].readable));
    const read = await summaries.read<Record<string, string[]>>(
      group.map((p) => nameOf(p.at)),
      async (missing) => {
        const todo = group.filter((p) => missing.includes(nameOf(p.at)));
        return new Map(
          [...(await withheldAt(todo))].map(([at, cells]) => [
            nameOf(at),
            Object.fromEntries([...cells].map(([k, names]) => [k, [...names]])),
          ]),
        );
      },
    );
    for (const p of group)
      withheld.set(
        p.at,
        new Map(Object.entries(read.get(nameOf(p.at)) ?? {}).map(([k, names]) => [k, new Set(names)])),
      );
  }
  /** The rule's answer for each of these dates, from one grid per set of workplaces (usually one in all). */
  async function withheldAt(todo: typeof plans) {
    const asks = new Map<string, { ids: string[]; cells: Cell[] }>();
    const ask = (ids: string[], cell: Cell) => {
      const key = [...ids].sort().join(",");
      asks.set(key, { ids, cells: [...(asks.get(key)?.cells ?? []), cell] });
      return key;
    };
    const keys = todo.map((p) => ({
      byEmployer: ask(idsOf(p.readable), { at: p.at, by: "employer" }),
      byService: ask(idsOf(p.own), { at: p.at, by: "service" }),
    }));
    const grids = new Map<string, Grid>();
    for (const [key, { ids, cells }] of asks)
      grids.set(key, await figuresGrid(ctx, ids, cells, FIGURE_NAMES.filter(isSpecial)));
    const out = new Map<string, Map<string, Set<string>>>();
    todo.forEach((p, i) => {
      const rows =
        grids.get(keys[i].byEmployer)?.get(cellKey({ at: p.at, by: "employer" })) ?? new Map<string, Figures>();
      const services =
        grids.get(keys[i].byService)?.get(cellKey({ at: p.at, by: "service" })) ?? new Map<string, Figures>();
      const cells: LinkedCell[] = [
        ...p.readable.map((org) => ({
          key: `row:${org}`,
          kind: "row" as const,
          atoms: atomsOf([org]),
          figures: rows.get(org) ?? {},
          own: org === ctx.org.id,
        })),
        ...[...services].map(([code, figures]) => ({
          key: `service:${code}`,
          kind: "service" as const,
          atoms: atomsOf(p.own, Number(code)),
          figures,
        })),
        ...[...p.sets].map(([key, orgs]) => ({
          key: `total:${key}`,
          kind: key === p.own.join(",") ? ("total" as const) : ("other_total" as const),
          atoms: atomsOf(orgs),
          figures: sumOfCounts(orgs.map((o) => rows.get(o) ?? {})),
        })),
      ];
      out.set(p.at, withholdLinked(cells));
    });
    return out;
  }
  const apply = (f: Figures, at: string, key: string) => {
    const names = withheld.get(at)?.get(key);
    // A figure the rule has not looked at never leaves unprotected.
    if (!names) throw new Error(`disclosure: ${key} as at ${at} is not among the cells worked out`);
    if (!names.size) return f;
    return Object.fromEntries(
      Object.entries(f).map(([n, v]) => [
        n,
        names.has(n) ? ({ value: null, reason: "suppressed", n: 0 } as Figure) : v,
      ]),
    );
  };
  return {
    /** A commissioned provider's figures (or the council's own) as at `at`. */
    provider: (id: string, f: Figures, at: string) => apply(f, at, `row:${id}`),
    /** The figures of one service type's row of the breakdown as at `at`. */
    service: (code: string, f: Figures, at: string) => apply(f, at, `service:${code}`),
    /** The total as at `at` over the providers commissioned at `asAt` (a dashboard's date). */
    total: (f: Figures, at: string, asAt = at) => apply(f, at, `total:${setAt(asAt).join(",")}`),
  };
}

/** The special category counts of several rows added up (value × n are counts of people). */
function sumOfCounts(rows: Figures[]): Figures {
  const sums = new Map<string, { people: number; n: number }>();
  for (const figures of rows)
    for (const [name, f] of Object.entries(figures)) {
      if (!isSpecial(name) || f.value === null) continue;
      const s = sums.get(name) ?? { people: 0, n: 0 };
      sums.set(name, { people: s.people + Math.round(f.value * f.n), n: s.n + f.n });
    }
  return Object.fromEntries(
    [...sums].map(([name, s]) => [
      name,
      s.n ? { value: s.people / s.n, n: s.n } : { value: null, reason: "no_data" as const, n: 0 },
    ]),
  );
}

/** The named figures (all when none are named); an unknown name is a clear error. */
export function pick(figures: Figures, names: string[]): Figures {
  // Own properties only: `in` would take __proto__, constructor or toString for figures.
  const unknown = names.filter((n) => !Object.hasOwn(figures, n));
  if (unknown.length)
    throw badRequest(
      "validation",
      `${unknown.join(", ")}: not a figure the hub computes yet. Available: ${Object.keys(figures).join(", ")}.`,
    );
  return names.length ? Object.fromEntries(names.map((n) => [n, figures[n]])) : figures;
}

/**
 * Every figure per group of the given workplaces ("all" always present), unprotected: callers
 * apply disclosure control for their reader before anything leaves the server.
 */
export async function figuresBy(
  ctx: OrgCtx,
  ids: string[],
  at: string,
  groupBy: GroupBy,
): Promise<Map<string, Figures>> {
  const cell = { at, by: groupBy };
  return (await figuresGrid(ctx, ids, [cell])).get(cellKey(cell)) as Map<string, Figures>;
}

/**
 * Every figure for every cell (date and grouping) of the given workplaces, unprotected: callers
 * apply disclosure control for their reader before anything leaves the server. A cell grouped
 * "all" always has its "all" figures, even with no records.
 */
export async function figuresGrid(
  ctx: Ctx,
  ids: string[],
  cells: Cell[],
  names: string[] = FIGURE_NAMES,
): Promise<Grid> {
  return (await figuresOver(ctx, ids)).grid(cells, names);
}

/**
 * The figures of one set of workplaces (ADR 0009): what is already summarised for the same data
 * and inputs is read, the rest computed and summarised. The pay floors and the data versions
 * are read once, for the grid, the distributions and the career figures alike.
 */
export async function figuresOver(ctx: Ctx, ids: string[]) {
  const floors = await listPayFloors(ctx.db);
  // Pay floors are inputs too: a changed floor makes other summaries.
  const floorsKey = sha256(JSON.stringify(floors)).slice(0, 16);
  const summaries = await summariesOf(ctx.db, ids);
  /** A cell's summary, computed for a set of figures (all of them: "all"). */
  const nameOf = (c: Cell, names: string[]) =>
    `figures|${cellKey(c)}|${floorsKey}|${names === FIGURE_NAMES ? "all" : sha256([...names].sort().join(",")).slice(0, 16)}`;
  return {
    /**
     * The figures named (all by default, and whatever their disclosure control reads: see
     * `figuresToProtect`) for every cell, each cell summarised with the set of names it was
     * computed for.
     */
    async grid(cells: Cell[], wanted: string[] = FIGURE_NAMES): Promise<Grid> {
      const names = wanted === FIGURE_NAMES ? FIGURE_NAMES : figuresToProtect(wanted, FIGURE_NAMES);
      const byName = new Map(uniqueCells(cells).map((c) => [nameOf(c, names), c]));
      const read = await summaries.read<Record<string, Figures>>([...byName.keys()], async (missing) => {
        const todo = missing.map((n) => byName.get(n) as Cell);
        const computed = await computeGrid(ctx.db, ids, todo, floors, names);
        const out = new Map<string, Record<string, Figures>>();
        for (const cell of todo) out.set(nameOf(cell, names), Object.fromEntries(computed.get(cellKey(cell)) ?? []));
        return out;
      });
      return new Map([...byName].map(([name, cell]) => [cellKey(cell), new Map(Object.entries(read.get(name) ?? {}))]));
    },
    /**
     * Only the figures named, for cells nobody needs whole (the API's `metrics=`): read from a
     * summary of every figure when there is one, else computed alone (only the queries and
     * columns they need) and not summarised: any set of names could be asked for once.
     */
    async subset(cells: Cell[], names: string[]): Promise<Grid> {
      const byName = new Map(uniqueCells(cells).map((c) => [nameOf(c, FIGURE_NAMES), c]));
      const found = await summaries.peek<Record<string, Figures>>([...byName.keys()]);
      const todo = [...byName].filter(([name]) => !found.has(name)).map(([, cell]) => cell);
      const computed = todo.length ? await computeGrid(ctx.db, ids, todo, floors, names) : new Map();
      const only = (f: Figures) => Object.fromEntries(names.map((n) => [n, f[n]]));
      return new Map(
        [...byName].map(([name, cell]) => {
          const summarised = found.get(name);
          const groups = summarised
            ? new Map(Object.entries(summarised).map(([g, f]) => [g, only(f)]))
            : (computed.get(cellKey(cell)) ?? new Map());
          return [cellKey(cell), groups];
        }),
      );
    },
    /** A dashboard's distributions (age, pay, leavers). */
    async distributions(at: string): Promise<Distributions> {
      const name = `distributions|${at}|${floorsKey}`;
      return (
        await summaries.read([name], async () => new Map([[name, await distributionsFor(ctx.db, ids, at, floors)]]))
      ).get(name) as Distributions;
    },
    /** A dashboard's career framework figures (the framework is an input). */
    async careers(at: string, framework: Framework): Promise<CareerFigures> {
      const name = `careers|${at}|${sha256(JSON.stringify(framework)).slice(0, 16)}`;
      return (
        await summaries.read([name], async () => new Map([[name, await careerFigures(ctx.db, ids, at, framework)]]))
      ).get(name) as CareerFigures;
    },
  };
}

type CareerFigures = Awaited<ReturnType<typeof careerFigures>>;

/**
 * The headline figures for the whole hub (every workplace of every organisation) as at a date:
 * the national picture, protected like any aggregate across employers.
 */
export async function nationalHeadlines(ctx: Ctx, at: string): Promise<Figures> {
  const ids = await allWorkplaceIds(ctx.db);
  const figures = (await figuresGrid(ctx, ids, [{ at, by: "all" }], HEADLINE_NAMES))
    .get(cellKey({ at, by: "all" }))
    ?.get("all") as Figures;
  return pick(
    protect(
      figures,
      { employers: await countEmployers(ctx.db, ids), workers: figures.filled_posts.value ?? 0 },
      { needsGroupSize: false },
    ),
    HEADLINE_NAMES,
  );
}
