import { eq, inArray } from "drizzle-orm";
import { SERVICES } from "../../../shared/ascwds/codes";
import { HEADLINE_NAMES, HEADLINES } from "../../../shared/metrics";
import type { OrgCtx } from "../../context";
import { organisations } from "../../db/schema";
import { badRequest } from "../../lib/errors";
import { MIN_EMPLOYERS, MIN_WORKERS, protect, protectBreakdown } from "./disclosure";
import type { Figures } from "./engine";
import { figuresBy, metricsFor, pick, workplacesOf } from "./metrics.service";
import { findTargets } from "./targets.repo";

// A dashboard is a set of figures from the one engine, each already protected for its reader.

/** How many quarter ends the trend covers (two years). */
export const TREND_QUARTERS = 8;

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** The same day three months earlier (the last day of the month when that day does not exist). */
export function monthsBefore(at: string, months: number): string {
  const d = new Date(`${at}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return iso(d);
}
/** The last `count` quarter ends (31 Mar, 30 Jun, 30 Sep, 31 Dec) on or before `at`, oldest first. */
export function quarterEnds(at: string, count: number): string[] {
  const d = new Date(`${at}T00:00:00Z`);
  let year = d.getUTCFullYear();
  let q = Math.floor(d.getUTCMonth() / 3); // the quarter containing `at`, 0-based
  const endOf = (y: number, quarter: number) => iso(new Date(Date.UTC(y, quarter * 3 + 3, 0)));
  if (endOf(year, q) > at) q -= 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (q < 0) {
      q += 4;
      year -= 1;
    }
    out.unshift(endOf(year, q));
    q -= 1;
  }
  return out;
}

async function trend(ctx: OrgCtx, scope: string, at: string) {
  const points = [];
  for (const end of quarterEnds(at, TREND_QUARTERS)) points.push({ at: end, figures: (await metricsFor(ctx, scope, end, HEADLINE_NAMES)).figures });
  return points;
}

/** A council's figures per provider or per service type, each protected as a council reads them. */
async function breakdown(ctx: OrgCtx, ids: string[], at: string, by: "employer" | "service") {
  const groups = await figuresBy(ctx, ids, at, by);
  const labels = new Map<string, string>();
  if (by === "employer") {
    const orgs = await ctx.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, [...groups.keys()]));
    for (const o of orgs) labels.set(o.id, o.name);
  } else for (const key of groups.keys()) labels.set(key, SERVICES[Number(key)] ?? `Service ${key}`);
  const rows = [...groups]
    .map(([key, figures]) => ({
      key,
      label: labels.get(key) ?? key,
      // Per-employer aggregates are the council's to see (metrics.md); small special category cells are not.
      figures: pick(protect(figures, { employers: 1, workers: figures.filled_posts.value ?? 0 }, { needsGroupSize: false }), HEADLINE_NAMES),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return protectBreakdown(rows);
}

/**
 * A council's dashboard as at a date: headline figures for the providers it commissions and its
 * own services, against the previous quarter, with targets, breakdowns by provider and service
 * type, and quarterly trends. With `provider`, the same for one commissioned provider (drill-down).
 */
export async function councilDashboard(ctx: OrgCtx, at: string, provider?: string) {
  if (ctx.org.kind !== "council") throw badRequest("validation", "This dashboard is for councils: a provider's is at the same address without provider=.");
  const scope = provider ? `provider:${provider}` : "council";
  const previousAt = monthsBefore(at, 3);
  const now = await metricsFor(ctx, scope, at, HEADLINE_NAMES);
  const previous = await metricsFor(ctx, scope, previousAt, HEADLINE_NAMES);
  const targets = await findTargets(ctx.db, ctx.org.id);
  const ids = provider ? [] : await workplacesOf(ctx, { kind: "council" }, at);
  const name = provider ? (await ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, provider)))[0]?.name : ctx.org.name;
  return {
    kind: "council" as const,
    at,
    previousAt,
    scope: { kind: provider ? "provider" : "council", id: provider ?? ctx.org.id, name },
    now: now.figures,
    previous: previous.figures,
    targets,
    byProvider: provider ? [] : await breakdown(ctx, ids, at, "employer"),
    byService: provider ? [] : await breakdown(ctx, ids, at, "service"),
    trend: await trend(ctx, scope, at),
  };
}

/**
 * A provider's own figures against its comparison group (protected: at least 3 other employers
 * and 10 workers) with its rank among the group's employers for each figure that has a better
 * direction; and its data quality (completeness by field, pay below the legal minimum).
 */
export async function providerDashboard(ctx: OrgCtx, at: string) {
  const previousAt = monthsBefore(at, 3);
  const own = await metricsFor(ctx, "employer", at);
  const previous = await metricsFor(ctx, "employer", previousAt, HEADLINE_NAMES);
  const group = await metricsFor(ctx, "comparison", at, HEADLINE_NAMES);
  const groupIds = await workplacesOf(ctx, { kind: "comparison" }, at);
  return {
    kind: "provider" as const,
    at,
    previousAt,
    now: pick(own.figures, HEADLINE_NAMES),
    previous: previous.figures,
    comparison: group.figures,
    rank: await ranks(ctx, groupIds, own.figures, group.figures, at),
    quality: {
      completeness: Object.fromEntries(Object.entries(own.figures).filter(([k]) => k.startsWith("completeness"))),
      belowNlw: own.figures.below_nlw_count,
    },
    trend: await trend(ctx, "employer", at),
  };
}

/**
 * The provider's place among the comparison group's employers (1 = best), for each headline
 * with a direction. Only the position leaves the server, never another employer's figure, and
 * only when the group itself may be shown.
 */
async function ranks(ctx: OrgCtx, groupIds: string[], own: Figures, group: Figures, at: string) {
  const out: Record<string, { rank: number; of: number } | null> = {};
  const shown = group.filled_posts.value !== null;
  const perEmployer = shown ? await figuresBy(ctx, groupIds, at, "employer") : new Map<string, Figures>();
  for (const h of HEADLINES) {
    const mine = own[h.name]?.value ?? null;
    if (!shown || !h.better || mine === null) {
      out[h.name] = null;
      continue;
    }
    const others = [...perEmployer.values()].map((f) => f[h.name]?.value ?? null).filter((v): v is number => v !== null);
    // Ranked among employers with the figure known; fewer than the disclosure minimum gives no rank.
    if (others.length < MIN_EMPLOYERS || (group.filled_posts.value ?? 0) < MIN_WORKERS) {
      out[h.name] = null;
      continue;
    }
    const better = others.filter((v) => (h.better === "higher" ? v > mine : v < mine)).length;
    out[h.name] = { rank: better + 1, of: others.length + 1 };
  }
  return out;
}
