import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Framework } from "../../../shared/career/framework";
import { HEADLINE_NAMES } from "../../../shared/metrics";
import type { Ctx, OrgCtx } from "../../context";
import { workplaces } from "../../db/schema";
import { sha256 } from "../../lib/crypto";
import { badRequest, notFound } from "../../lib/errors";
import { commissionedProviderIds } from "../orgs/orgs.repo";
import { listPayFloors } from "../reference/reference.repo";
import { returnStatusFigures } from "../returns/returns.service";
import { careerFigures } from "./career-figures";
import { protect } from "./disclosure";
import { type Distributions, distributionsFor } from "./distributions";
import { type Cell, cellKey, coreFiguresGrid, type Figures, type Grid, type GroupBy, noCoreFigures, uniqueCells } from "./engine";
import { summariesOf } from "./summaries";
import { noWorkforceFigures, workforceFiguresGrid } from "./workforce";

/**
 * What a figure is about, seen from the organisation asking: its own employer (all its
 * workplaces), one of its workplaces, for a council the providers it commissions at the date
 * together with its own services, or for a provider its comparison group: other employers with
 * workplaces of its main service type in the same council areas.
 */
export type Scope = { kind: "employer" } | { kind: "workplace"; ref: string } | { kind: "council" } | { kind: "comparison" } | { kind: "provider"; id: string };

export function parseScope(ctx: OrgCtx, text: string | undefined): Scope {
  const value = text ?? (ctx.org.kind === "council" ? "council" : "employer");
  if (value === "employer") return { kind: "employer" };
  if (value === "council") {
    if (ctx.org.kind !== "council") throw badRequest("validation", "scope=council is for councils: use scope=employer or scope=workplace:<reference>.");
    return { kind: "council" };
  }
  if (value === "comparison") return { kind: "comparison" };
  if (value.startsWith("provider:")) {
    if (ctx.org.kind !== "council") throw badRequest("validation", "scope=provider:<id> is for councils, about a provider they commission.");
    return { kind: "provider", id: value.slice("provider:".length) };
  }
  if (value.startsWith("workplace:") && value.length > "workplace:".length) return { kind: "workplace", ref: value.slice("workplace:".length) };
  throw badRequest("validation", `scope "${value}" is not recognised: use employer, comparison, council (councils) or workplace:<your workplace reference or id>.`);
}

export async function workplacesOf(ctx: OrgCtx, scope: Scope, at: string): Promise<string[]> {
  if (scope.kind === "provider") {
    // A council sees a provider's aggregates only while it commissions it.
    const commissioned = (await commissionedProviderIds(ctx.db, ctx.org.id, at)).some((p) => p.id === scope.id);
    if (!commissioned) throw notFound("provider");
    return (await ctx.db.select({ id: workplaces.id }).from(workplaces).where(eq(workplaces.orgId, scope.id))).map((r) => r.id);
  }
  if (scope.kind === "workplace") {
    const isId = /^[0-9a-f-]{36}$/i.test(scope.ref);
    const rows = await ctx.db
      .select({ id: workplaces.id })
      .from(workplaces)
      .where(and(eq(workplaces.orgId, ctx.org.id), isId ? or(eq(workplaces.id, scope.ref), eq(workplaces.localRef, scope.ref)) : eq(workplaces.localRef, scope.ref)));
    if (!rows.length) throw notFound("workplace");
    return rows.map((r) => r.id);
  }
  if (scope.kind === "comparison") return comparisonGroup(ctx);
  const orgIds = [ctx.org.id];
  if (scope.kind === "council") orgIds.push(...(await commissionedProviderIds(ctx.db, ctx.org.id, at)).map((p) => p.id));
  return (await ctx.db.select({ id: workplaces.id }).from(workplaces).where(inArray(workplaces.orgId, orgIds))).map((r) => r.id);
}

/**
 * The comparison group: other employers' workplaces with the asking organisation's main service
 * type (the one most of its workplaces provide) in the council areas of its workplaces. Its own
 * workplaces are left out, so its figures and the group's cannot be subtracted to reveal anyone.
 */
async function comparisonGroup(ctx: OrgCtx): Promise<string[]> {
  const own = await ctx.db.select({ mainService: workplaces.mainService, councilId: workplaces.councilId }).from(workplaces).where(eq(workplaces.orgId, ctx.org.id));
  const councils = [...new Set(own.map((w) => w.councilId).filter((c): c is string => c !== null))];
  if (!councils.length) return [];
  const tally = new Map<number, number>();
  for (const w of own) tally.set(w.mainService, (tally.get(w.mainService) ?? 0) + 1);
  const main = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  return (
    await ctx.db
      .select({ id: workplaces.id })
      .from(workplaces)
      .where(and(eq(workplaces.mainService, main), inArray(workplaces.councilId, councils), ne(workplaces.orgId, ctx.org.id)))
  ).map((r) => r.id);
}

/** The figures named in `names` (all when empty) for a scope as at a date. */
export async function metricsFor(ctx: OrgCtx, scopeText: string | undefined, at: string, names: string[] = []) {
  const scope = parseScope(ctx, scopeText);
  const ids = await workplacesOf(ctx, scope, at);
  const returns = await returnStatusFigures(ctx.db, ids, at, scope.kind === "council" ? ctx.org.id : null);
  const computed = { ...((await figuresBy(ctx, ids, at, "all")).get("all") as Figures), ...returns };
  return { scope, at, figures: pick((await protectForScope(ctx, scope, ids))(computed), names) };
}

/**
 * Disclosure control for a scope's figures as the asking organisation reads them: a provider's
 * comparison group needs enough employers and workers; a council reading its providers'
 * aggregates gets no small special category cells; an employer's own figures are its own.
 */
export async function protectForScope(ctx: OrgCtx, scope: Scope, ids: string[]): Promise<(f: Figures) => Figures> {
  if (scope.kind === "employer" || scope.kind === "workplace") return (f) => f;
  const employers = await employersOf(ctx, ids);
  return (f) => protect(f, { employers, workers: f.filled_posts.value ?? 0 }, { needsGroupSize: scope.kind === "comparison" });
}

/** The named figures (all when none are named); an unknown name is a clear error. */
export function pick(figures: Figures, names: string[]): Figures {
  // Own properties only: `in` would take __proto__, constructor or toString for figures.
  const unknown = names.filter((n) => !Object.hasOwn(figures, n));
  if (unknown.length) throw badRequest("validation", `${unknown.join(", ")}: not a figure the hub computes yet. Available: ${Object.keys(figures).join(", ")}.`);
  return names.length ? Object.fromEntries(names.map((n) => [n, figures[n]])) : figures;
}

/**
 * Every figure per group of the given workplaces ("all" always present), unprotected: callers
 * apply disclosure control for their reader before anything leaves the server.
 */
export async function figuresBy(ctx: OrgCtx, ids: string[], at: string, groupBy: GroupBy): Promise<Map<string, Figures>> {
  const cell = { at, by: groupBy };
  return (await figuresGrid(ctx, ids, [cell])).get(cellKey(cell)) as Map<string, Figures>;
}

/**
 * Every figure for every cell (date and grouping) of the given workplaces, unprotected: callers
 * apply disclosure control for their reader before anything leaves the server. A cell grouped
 * "all" always has its "all" figures, even with no records.
 */
export async function figuresGrid(ctx: Ctx, ids: string[], cells: Cell[]): Promise<Grid> {
  return (await figuresOver(ctx, ids)).grid(cells);
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
  return {
    async grid(cells: Cell[]): Promise<Grid> {
      const nameOf = (c: Cell) => `figures|${cellKey(c)}|${floorsKey}`;
      const byName = new Map(uniqueCells(cells).map((c) => [nameOf(c), c]));
      const read = await summaries.read<Record<string, Figures>>([...byName.keys()], async (missing) => {
        const todo = missing.map((n) => byName.get(n) as Cell);
        const core = await coreFiguresGrid(ctx.db, ids, todo);
        const people = await workforceFiguresGrid(ctx.db, ids, todo, floors);
        const out = new Map<string, Record<string, Figures>>();
        for (const cell of todo) {
          const k = cellKey(cell);
          const c = core.get(k) ?? new Map<string, Figures>();
          const p = people.get(k) ?? new Map<string, Figures>();
          const keys = new Set([...(cell.by === "all" ? ["all"] : []), ...c.keys(), ...p.keys()]);
          out.set(nameOf(cell), Object.fromEntries([...keys].map((g) => [g, { ...(c.get(g) ?? noCoreFigures()), ...(p.get(g) ?? noWorkforceFigures(cell.at, floors)) }])));
        }
        return out;
      });
      return new Map([...byName].map(([name, cell]) => [cellKey(cell), new Map(Object.entries(read.get(name) ?? {}))]));
    },
    /** A dashboard's distributions (age, pay, leavers). */
    async distributions(at: string): Promise<Distributions> {
      const name = `distributions|${at}|${floorsKey}`;
      return (await summaries.read([name], async () => new Map([[name, await distributionsFor(ctx.db, ids, at, floors)]]))).get(name) as Distributions;
    },
    /** A dashboard's career framework figures (the framework is an input). */
    async careers(at: string, framework: Framework): Promise<CareerFigures> {
      const name = `careers|${at}|${sha256(JSON.stringify(framework)).slice(0, 16)}`;
      return (await summaries.read([name], async () => new Map([[name, await careerFigures(ctx.db, ids, at, framework)]]))).get(name) as CareerFigures;
    },
  };
}

type CareerFigures = Awaited<ReturnType<typeof careerFigures>>;

/** How many employers own these workplaces (one array parameter: a national scope has 42,000). */
async function employersOf(ctx: Ctx, ids: string[]) {
  if (!ids.length) return 0;
  const result = await ctx.db.execute(sql`select count(distinct org_id)::int as n from workplaces where id = any(${`{${ids.join(",")}}`}::uuid[])`);
  return (result.rows[0] as { n: number }).n;
}

/**
 * The headline figures for the whole hub (every workplace of every organisation) as at a date:
 * the national picture, protected like any aggregate across employers.
 */
export async function nationalHeadlines(ctx: Ctx, at: string): Promise<Figures> {
  const ids = (await ctx.db.select({ id: workplaces.id }).from(workplaces)).map((r) => r.id);
  const figures = (await figuresGrid(ctx, ids, [{ at, by: "all" }])).get(cellKey({ at, by: "all" }))?.get("all") as Figures;
  return pick(protect(figures, { employers: await employersOf(ctx, ids), workers: figures.filled_posts.value ?? 0 }, { needsGroupSize: false }), HEADLINE_NAMES);
}
