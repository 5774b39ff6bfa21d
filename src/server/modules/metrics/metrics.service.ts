import { and, countDistinct, eq, inArray, ne, or } from "drizzle-orm";
import type { OrgCtx } from "../../context";
import { workplaces } from "../../db/schema";
import { badRequest, notFound } from "../../lib/errors";
import { commissionedProviderIds } from "../orgs/orgs.repo";
import { listPayFloors } from "../reference/reference.repo";
import { protect } from "./disclosure";
import { coreFigures, type Figures } from "./engine";
import { workforceFigures } from "./workforce";

/**
 * What a figure is about, seen from the organisation asking: its own employer (all its
 * workplaces), one of its workplaces, for a council the providers it commissions at the date
 * together with its own services, or for a provider its comparison group: other employers with
 * workplaces of its main service type in the same council areas.
 */
export type Scope = { kind: "employer" } | { kind: "workplace"; ref: string } | { kind: "council" } | { kind: "comparison" };

export function parseScope(ctx: OrgCtx, text: string | undefined): Scope {
  const value = text ?? (ctx.org.kind === "council" ? "council" : "employer");
  if (value === "employer") return { kind: "employer" };
  if (value === "council") {
    if (ctx.org.kind !== "council") throw badRequest("validation", "scope=council is for councils: use scope=employer or scope=workplace:<reference>.");
    return { kind: "council" };
  }
  if (value === "comparison") return { kind: "comparison" };
  if (value.startsWith("workplace:") && value.length > "workplace:".length) return { kind: "workplace", ref: value.slice("workplace:".length) };
  throw badRequest("validation", `scope "${value}" is not recognised: use employer, comparison, council (councils) or workplace:<your workplace reference or id>.`);
}

async function workplacesOf(ctx: OrgCtx, scope: Scope, at: string): Promise<string[]> {
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
  const computed: Figures = { ...(await coreFigures(ctx.db, ids, at)), ...(await workforceFigures(ctx.db, ids, at, await listPayFloors(ctx.db))) };
  // Figures about other employers are protected before they leave the engine: a provider's
  // comparison group needs enough employers and workers; a council reading its providers'
  // aggregates gets no small special category cells.
  const outsider = scope.kind === "comparison" || scope.kind === "council";
  const figures = outsider
    ? protect(computed, { employers: await employersOf(ctx, ids), workers: computed.filled_posts.value ?? 0 }, { needsGroupSize: scope.kind === "comparison" })
    : computed;
  const unknown = names.filter((n) => !(n in figures));
  if (unknown.length) throw badRequest("validation", `${unknown.join(", ")}: not a figure the hub computes yet. Available: ${Object.keys(figures).join(", ")}.`);
  const chosen = names.length ? Object.fromEntries(names.map((n) => [n, figures[n]])) : figures;
  return { scope, at, figures: chosen };
}

const employersOf = async (ctx: OrgCtx, ids: string[]) =>
  ids.length
    ? Number(
        (
          await ctx.db
            .select({ n: countDistinct(workplaces.orgId) })
            .from(workplaces)
            .where(inArray(workplaces.id, ids))
        )[0].n,
      )
    : 0;
