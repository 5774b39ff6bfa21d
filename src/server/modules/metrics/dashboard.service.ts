import { SERVICES } from "../../../shared/ascwds/codes";
import { HEADLINE_NAMES, HEADLINES } from "../../../shared/metrics";
import { can } from "../../../shared/permissions";
import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { addDays, isoDate } from "../../lib/time";
import { frameworkForOrg } from "../frameworks/frameworks.service";
import { overdueReturns, providerReturns } from "../returns/returns.service";
import {
  figuresNeedingAttention,
  lateReturnItems,
  ownDataItems,
  ownReturnItems,
  providersNeedingAttention,
} from "./attention";
import { ownCommissioningAttention } from "./commissioning-attention";
import { comparisonDates } from "./dates";
import { MIN_EMPLOYERS, MIN_WORKERS } from "./disclosure";
import { type Cell, cellKey, type Figures } from "./engine";
import {
  councilDisclosure,
  figuresGrid,
  figuresOver,
  pick,
  protectForScope,
  type Scope,
  workplacesOf,
} from "./metrics.service";
import { orgNames } from "./scope.repo";
import { findTargets } from "./targets.repo";

// A dashboard is a set of figures from the one engine, each already protected for its reader.

/** The headline figures, and the count of pay below the legal minimum that what needs attention reads. */
const ATTENTION_NAMES = [...HEADLINE_NAMES, "below_nlw_count"];

const addDaysIso = (day: string, n: number) => isoDate(addDays(new Date(`${day}T00:00:00Z`), n));

/** A council's figures per provider or per service type, each protected as a council reads them. */
async function breakdown(
  ctx: OrgCtx,
  groups: Map<string, Figures>,
  by: "employer" | "service",
  guard: (key: string, f: Figures) => Figures,
) {
  const labels = new Map<string, string>();
  if (by === "employer" && groups.size) {
    for (const [id, name] of await orgNames(ctx.db, [...groups.keys()])) labels.set(id, name);
  } else for (const key of groups.keys()) labels.set(key, SERVICES[Number(key)] ?? `Service ${key}`);
  const rows = [...groups]
    .map(([key, figures]) => ({
      key,
      label: labels.get(key) ?? key,
      // Per-employer aggregates are the council's to see (metrics.md); small special category cells are not.
      figures: pick(guard(key, figures), ATTENTION_NAMES),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return rows;
}

/**
 * A council's dashboard as at a date: headline figures for the providers it commissions and its
 * own services, against the previous quarter, with targets, breakdowns by provider and service
 * type, and quarterly trends. With `provider`, the same for one commissioned provider (drill-down).
 * The providers are those commissioned at the as-at date throughout, so the trend compares like
 * with like. Every date and breakdown comes from one grid: one pass over the records.
 */
export async function councilDashboard(ctx: OrgCtx, at: string, provider?: string) {
  if (ctx.org.kind !== "council")
    throw badRequest(
      "validation",
      "This dashboard is for councils: a provider's is at the same address without provider=.",
    );
  const scope: Scope = provider ? { kind: "provider", id: provider } : { kind: "council" };
  const ids = await workplacesOf(ctx, scope, at);
  const { previousAt, quarters } = comparisonDates(at);
  const cells: Cell[] = [at, previousAt, ...quarters].map((d) => ({ at: d, by: "all" as const }));
  if (!provider) cells.push({ at, by: "employer" }, { at, by: "service" });
  const figures = await figuresOver(ctx, ids);
  // Every date and breakdown shows the headline figures only: nothing else is computed.
  // The breakdown by provider also counts pay below the legal minimum, for what needs attention.
  const grid = await figures.grid(cells, ATTENTION_NAMES);
  // Every date shown, and each breakdown, withholds what the same rule withholds on every other path.
  const view = await councilDisclosure(ctx, [at, previousAt, ...quarters]);
  const guard = (f: Figures, d: string) => (provider ? view.provider(provider, f, d) : view.total(f, d, at));
  const total = (d: string) =>
    pick(guard(grid.get(cellKey({ at: d, by: "all" }))?.get("all") as Figures, d), HEADLINE_NAMES);
  // The provider exists: workplacesOf found it commissioned.
  const name = provider ? ((await orgNames(ctx.db, [provider])).get(provider) ?? "") : ctx.org.name;
  const targets = await findTargets(ctx.db, ctx.org.id);
  const byProvider = provider
    ? []
    : await breakdown(ctx, grid.get(cellKey({ at, by: "employer" })) ?? new Map(), "employer", (key, f) =>
        view.provider(key, f, at),
      );
  const now = total(at);
  const previous = total(previousAt);
  const providerRows = provider
    ? [{ key: provider, label: name, figures: guard(grid.get(cellKey({ at, by: "all" }))?.get("all") as Figures, at) }]
    : byProvider;
  return {
    kind: "council" as const,
    at,
    previousAt,
    scope: { kind: scope.kind, id: provider ?? ctx.org.id, name },
    now,
    previous,
    targets,
    attention: [
      ...(provider ? [] : lateReturnItems(await overdueReturns(ctx))),
      ...providersNeedingAttention(providerRows),
      ...figuresNeedingAttention({ now, previous, previousAt, targets }),
    ],
    byProvider: byProvider.map((r) => ({ ...r, figures: pick(r.figures, HEADLINE_NAMES) })),
    byService: (provider
      ? []
      : await breakdown(ctx, grid.get(cellKey({ at, by: "service" })) ?? new Map(), "service", (key, f) =>
          view.service(key, f, at),
        )
    ).map((r) => ({ ...r, figures: pick(r.figures, HEADLINE_NAMES) })),
    trend: quarters.map((d) => ({ at: d, figures: total(d) })),
    // Counts by age and gender, pay band and leaving reason: aggregates, and none special category.
    distributions: await figures.distributions(at),
    careers: await figures.careers(at, await frameworkForOrg(ctx)),
  };
}

/**
 * A provider's own figures against its comparison group (protected: at least 3 other employers
 * and 10 workers) with its rank among the group's employers for each figure that has a better
 * direction; and its data quality (completeness by field, pay below the legal minimum).
 */
export async function providerDashboard(ctx: OrgCtx, at: string) {
  const { previousAt, quarters } = comparisonDates(at);
  const ownIds = await workplacesOf(ctx, { kind: "employer" }, at);
  const ownFigures = await figuresOver(ctx, ownIds);
  // Every figure at the date (the data quality panel reads completeness and pay below the legal
  // minimum); the headlines at the other dates.
  const own = new Map([
    ...(await ownFigures.grid([{ at, by: "all" }])),
    ...(await ownFigures.grid(
      [previousAt, ...quarters].filter((d) => d !== at).map((d) => ({ at: d, by: "all" as const })),
      HEADLINE_NAMES,
    )),
  ]);
  const mine = (d: string) => own.get(cellKey({ at: d, by: "all" }))?.get("all") as Figures;
  const groupIds = await workplacesOf(ctx, { kind: "comparison" }, at);
  const groupGrid = await figuresGrid(
    ctx,
    groupIds,
    [
      { at, by: "all" },
      { at, by: "employer" },
    ],
    HEADLINE_NAMES,
  );
  const guard = await protectForScope(ctx, { kind: "comparison" }, groupIds, [at]);
  const group = pick(guard(groupGrid.get(cellKey({ at, by: "all" }))?.get("all") as Figures, at), HEADLINE_NAMES);
  const now = mine(at);
  const previous = pick(mine(previousAt), HEADLINE_NAMES);
  const today = isoDate(ctx.deps.now());
  return {
    kind: "provider" as const,
    at,
    previousAt,
    now: pick(now, HEADLINE_NAMES),
    previous,
    comparison: group,
    rank: ranks(now, group, groupGrid.get(cellKey({ at, by: "employer" })) ?? new Map()),
    quality: {
      completeness: Object.fromEntries(Object.entries(now).filter(([k]) => k.startsWith("completeness"))),
      belowNlw: now.below_nlw_count,
    },
    attention: [
      ...ownReturnItems(await providerReturns(ctx), today, addDaysIso(today, 28)),
      ...ownDataItems(now),
      // Its own contracts' standards not met (issue 19), for those who may see its contracts.
      ...(can(ctx.role, "commissioning.view", ctx.actor.isHubAdmin)
        ? await ownCommissioningAttention(ctx.db, ctx.org.id, today)
        : []),
      ...figuresNeedingAttention({ now, previous, previousAt }),
    ],
    trend: quarters.map((d) => ({ at: d, figures: pick(mine(d), HEADLINE_NAMES) })),
    distributions: await ownFigures.distributions(at),
    careers: await ownFigures.careers(at, await frameworkForOrg(ctx)),
  };
}

/**
 * The provider's place among the comparison group's employers (1 = best), for each headline
 * with a direction. Only the position leaves the server, never another employer's figure, and
 * only when the group itself may be shown.
 */
function ranks(own: Figures, group: Figures, perEmployer: Map<string, Figures>) {
  const out: Record<string, { rank: number; of: number } | null> = {};
  const shown = group.filled_posts.value !== null && (group.filled_posts.value ?? 0) >= MIN_WORKERS;
  for (const h of HEADLINES) {
    const mine = own[h.name]?.value ?? null;
    const others = [...perEmployer.values()]
      .map((f) => f[h.name]?.value ?? null)
      .filter((v): v is number => v !== null);
    // Ranked among employers with the figure known; fewer than the disclosure minimum gives no rank.
    if (!shown || !h.better || mine === null || others.length < MIN_EMPLOYERS) {
      out[h.name] = null;
      continue;
    }
    const better = others.filter((v) => (h.better === "higher" ? v > mine : v < mine)).length;
    out[h.name] = { rank: better + 1, of: others.length + 1 };
  }
  return out;
}
