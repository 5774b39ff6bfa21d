import { and, eq, inArray, or } from "drizzle-orm";
import type { OrgCtx } from "../../context";
import { workplaces } from "../../db/schema";
import { badRequest, notFound } from "../../lib/errors";
import { commissionedProviderIds } from "../orgs/orgs.repo";
import { listPayFloors } from "../reference/reference.repo";
import { coreFigures, type Figures } from "./engine";
import { workforceFigures } from "./workforce";

/**
 * What a figure is about, seen from the organisation asking: its own employer (all its
 * workplaces), one of its workplaces, or, for a council, the providers it commissions at the date
 * together with its own services. Other scopes (service type, the whole hub) come with the
 * disclosure rules that protect other employers.
 */
export type Scope = { kind: "employer" } | { kind: "workplace"; ref: string } | { kind: "council" };

export function parseScope(ctx: OrgCtx, text: string | undefined): Scope {
  const value = text ?? (ctx.org.kind === "council" ? "council" : "employer");
  if (value === "employer") return { kind: "employer" };
  if (value === "council") {
    if (ctx.org.kind !== "council") throw badRequest("validation", "scope=council is for councils: use scope=employer or scope=workplace:<reference>.");
    return { kind: "council" };
  }
  if (value.startsWith("workplace:") && value.length > "workplace:".length) return { kind: "workplace", ref: value.slice("workplace:".length) };
  throw badRequest("validation", `scope "${value}" is not recognised: use employer, council (councils) or workplace:<your workplace reference or id>.`);
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
  const orgIds = [ctx.org.id];
  if (scope.kind === "council") orgIds.push(...(await commissionedProviderIds(ctx.db, ctx.org.id, at)).map((p) => p.id));
  return (await ctx.db.select({ id: workplaces.id }).from(workplaces).where(inArray(workplaces.orgId, orgIds))).map((r) => r.id);
}

/** The figures named in `names` (all when empty) for a scope as at a date. */
export async function metricsFor(ctx: OrgCtx, scopeText: string | undefined, at: string, names: string[] = []) {
  const scope = parseScope(ctx, scopeText);
  const ids = await workplacesOf(ctx, scope, at);
  const figures: Figures = { ...(await coreFigures(ctx.db, ids, at)), ...(await workforceFigures(ctx.db, ids, at, await listPayFloors(ctx.db))) };
  const unknown = names.filter((n) => !(n in figures));
  if (unknown.length) throw badRequest("validation", `${unknown.join(", ")}: not a figure the hub computes yet. Available: ${Object.keys(figures).join(", ")}.`);
  const chosen = names.length ? Object.fromEntries(names.map((n) => [n, figures[n]])) : figures;
  return { scope, at, figures: chosen };
}
