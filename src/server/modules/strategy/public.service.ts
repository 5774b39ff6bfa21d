import { HEADLINES } from "../../../shared/metrics";
import { ROLE_LABELS, type Role } from "../../../shared/permissions";
import type {
  PublicHalfYear,
  PublicOwner,
  PublicStatusCounts,
  PublicStrategyResponse,
  StrategyPublicSettingResponse,
} from "../../../shared/schemas/strategy-public";
import {
  lastEndedQuarter,
  type Phase,
  previousQuarter,
  quarterBounds,
  UPDATE_STATUSES,
  type UpdateStatus,
} from "../../../shared/strategy";
import { type Ctx, inTransaction, type OrgCtx, systemActor } from "../../context";
import { notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { cellKey, type Figures } from "../metrics/engine";
import { figuresGrid, pick, protectForScope, workplacesOf } from "../metrics/metrics.service";
import { PUBLIC_FIGURES, ROUND_TO, roundForPublic } from "../metrics/public.service";
import { findOrgBySlug } from "../orgs/orgs.repo";
import { currentOf, loadPlan } from "./plan.service";
import { councilRolesOf, findStrategyPublicPage, saveStrategyPublicPage } from "./public.repo";
import type { StrategyRow, UpdateRow } from "./strategy.repo";
import * as repo from "./strategy.repo";

// A council's strategy progress for the public (issue 16 item 6), off until the council switches
// it on. Progress is published every six months, for the council year's halves (April to
// September, October to March): each action's status in a half-year's last quarter (an action
// once complete stays complete). Read by anyone, so its figures are protected as the public
// workforce page's are (a comparison group's rules, then rounded) and only the figures that page
// may show are given (no special category or data quality figure, no spend). Owners appear as a
// group or a role, never a person; the register of risks is not shown.

/** The quarters a half-year ends with: to 31 March (Q1) and to 30 September (Q3). */
const endsHalfYear = (quarter: string) => quarter.endsWith("Q1") || quarter.endsWith("Q3");
const halfYearBefore = (quarter: string) => previousQuarter(previousQuarter(quarter));

export function halfYearOf(quarter: string): PublicHalfYear {
  const year = Number(quarter.slice(0, 4));
  const label = quarter.endsWith("Q3") ? `April to September ${year}` : `October ${year - 1} to March ${year}`;
  return { quarter, label, end: quarterBounds(quarter).end };
}

/** The latest half-year that has ended by `today`. */
export function lastEndedHalfYear(today: string): string {
  let q: string = lastEndedQuarter(today);
  while (!endsHalfYear(q)) q = previousQuarter(q);
  return q;
}

const ROLE_PHRASES: Partial<Record<Role, string>> = {
  council_admin: "The council",
  steering_member: "A member of the strategy group",
};
const ownerFor = (
  action: { ownerUserId: string | null; ownerGroupId: string | null },
  groups: Map<string, string>,
  roles: Map<string, string>,
): PublicOwner | null => {
  if (action.ownerGroupId) return { kind: "group", label: groups.get(action.ownerGroupId) ?? "A strategy group" };
  if (!action.ownerUserId) return null;
  const role = roles.get(action.ownerUserId) as Role | undefined;
  return { kind: "role", label: (role && (ROLE_PHRASES[role] ?? ROLE_LABELS[role])) ?? "The council" };
};

async function settingOf(ctx: Ctx, councilId: string) {
  return (await findStrategyPublicPage(ctx.db, councilId))?.enabled ?? false;
}
const approvedOf = (rows: StrategyRow[]) => {
  const current = currentOf(rows);
  return current?.status === "approved" ? current : null;
};

export async function getStrategyPublicSetting(ctx: OrgCtx): Promise<StrategyPublicSettingResponse> {
  return {
    enabled: await settingOf(ctx, ctx.org.id),
    slug: ctx.org.slug,
    hasApprovedStrategy: approvedOf(await repo.listStrategies(ctx.db, ctx.org.id)) !== null,
  };
}

export async function setStrategyPublic(ctx: OrgCtx, enabled: boolean): Promise<StrategyPublicSettingResponse> {
  return inTransaction(ctx, async (tx) => {
    const before = await settingOf(tx, ctx.org.id);
    await saveStrategyPublicPage(tx.db, {
      councilId: ctx.org.id,
      enabled,
      updatedBy: ctx.actor.userId,
      updatedAt: tx.deps.now(),
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "strategy_public_page",
      entityId: ctx.org.id,
      before: { enabled: before },
      after: { enabled },
    });
    return {
      enabled,
      slug: ctx.org.slug,
      hasApprovedStrategy: approvedOf(await repo.listStrategies(tx.db, ctx.org.id)) !== null,
    };
  });
}

/** The published progress of a council that has switched it on; "not found" otherwise, whether or not the council exists. */
export async function publicStrategy(ctx: Ctx, slug: string): Promise<PublicStrategyResponse> {
  const council = await findOrgBySlug(ctx.db, slug);
  if (council?.kind !== "council" || !(await settingOf(ctx, council.id))) throw notFound("page");
  const asCouncil: OrgCtx = {
    ...ctx,
    actor: systemActor,
    org: { id: council.id, kind: "council", name: council.name, slug: council.slug, isDemo: council.isDemo },
    role: null,
  };
  const strategy = approvedOf(await repo.listStrategies(ctx.db, council.id));
  if (!strategy) throw notFound("page");
  const plan = await loadPlan(asCouncil, strategy);
  const updates = await repo.listUpdates(ctx.db, council.id, strategy.id);

  // The latest half-year with any update for its last quarter, and the half-year before it.
  const reported = new Set(updates.map((u) => u.quarter));
  const earliest = updates[0]?.quarter;
  let latestQuarter: string | null = earliest ? lastEndedHalfYear(isoDate(ctx.deps.now())) : null;
  while (latestQuarter && !reported.has(latestQuarter))
    latestQuarter = earliest && latestQuarter > earliest ? halfYearBefore(latestQuarter) : null;
  const latest = latestQuarter ? halfYearOf(latestQuarter) : null;
  const previous = latestQuarter ? halfYearOf(halfYearBefore(latestQuarter)) : null;

  const byAction = new Map<string, UpdateRow[]>();
  for (const u of updates) byAction.set(u.actionId, [...(byAction.get(u.actionId) ?? []), u]);
  /** An action's status in a quarter: its update then, or complete if it was completed before. */
  const statusIn = (actionId: string, quarter: string): UpdateStatus | null => {
    const rows = byAction.get(actionId) ?? [];
    const now = rows.find((u) => u.quarter === quarter);
    if (now) return now.status as UpdateStatus;
    return rows.some((u) => u.quarter < quarter && u.status === "complete") ? "complete" : null;
  };
  const countsIn = (actionIds: string[], quarter: string): PublicStatusCounts => {
    const counts: PublicStatusCounts = {
      ...(Object.fromEntries(UPDATE_STATUSES.map((s) => [s, 0])) as Record<UpdateStatus, number>),
      noUpdate: 0,
      actions: actionIds.length,
    };
    for (const id of actionIds) {
      const s = statusIn(id, quarter);
      if (s) counts[s]++;
      else counts.noUpdate++;
    }
    return counts;
  };

  const roles = await councilRolesOf(
    ctx.db,
    council.id,
    plan.actions.flatMap((a) => (a.ownerUserId ? [a.ownerUserId] : [])),
  );
  const pillars = plan.pillars.map(({ pillar, actions }) => {
    const ids = actions.map(({ action }) => action.id);
    const completed = latestQuarter
      ? actions.flatMap(({ action }) => {
          const done = (byAction.get(action.id) ?? []).find(
            (u) => u.status === "complete" && u.quarter <= (latestQuarter as string),
          );
          if (!done) return [];
          return [
            {
              ref: plan.refOf.get(action.id) ?? "",
              title: action.title,
              phase: action.phase as Phase,
              owner: ownerFor(action, plan.groupNames, roles),
              quarter: done.quarter,
            },
          ];
        })
      : [];
    return {
      ref: `${pillar.kind === "recommendation" ? "R" : "E"}${pillar.number}`,
      kind: pillar.kind as "recommendation" | "enabler",
      title: pillar.title,
      aims: pillar.aims,
      progress: {
        latest: latest ? countsIn(ids, latest.quarter) : null,
        previous: previous ? countsIn(ids, previous.quarter) : null,
      },
      completed,
    };
  });

  return {
    council: { name: council.name, slug: council.slug, isDemo: council.isDemo },
    strategy: {
      title: strategy.title,
      periodStart: strategy.periodStart,
      periodEnd: strategy.periodEnd,
      vision: strategy.vision,
      approval:
        strategy.approvalBoard && strategy.approvedOn
          ? { board: strategy.approvalBoard, approvedOn: strategy.approvedOn }
          : null,
    },
    latest,
    previous,
    roundedTo: ROUND_TO,
    pillars,
    measures: await publicMeasures(asCouncil, plan, latest, previous),
  };
}

/**
 * The actions' linked measures that a public page may show, each once per target, with the figure
 * at the end of each half-year: over the council's services and the providers it commissioned at
 * the latest half-year's end (like with like), protected as a comparison group and rounded.
 */
async function publicMeasures(
  ctx: OrgCtx,
  plan: Awaited<ReturnType<typeof loadPlan>>,
  latest: PublicHalfYear | null,
  previous: PublicHalfYear | null,
): Promise<PublicStrategyResponse["measures"]> {
  const shown = new Map<string, PublicStrategyResponse["measures"][number]>();
  for (const [actionId, measures] of plan.measuresOf)
    for (const m of measures) {
      const headline = HEADLINES.find((h) => h.name === m.metric);
      if (!headline || !PUBLIC_FIGURES.includes(m.metric)) continue;
      const key = `${m.metric}|${m.target}|${m.direction}|${m.byDate}`;
      const entry = shown.get(key) ?? {
        metric: m.metric,
        label: headline.label,
        kind: headline.kind,
        target: m.target,
        direction: m.direction as "higher" | "lower",
        byDate: m.byDate,
        latest: null,
        previous: null,
        actions: [],
      };
      entry.actions.push(plan.refOf.get(actionId) ?? "");
      shown.set(key, entry);
    }
  const out = [...shown.values()].sort((a, b) => PUBLIC_FIGURES.indexOf(a.metric) - PUBLIC_FIGURES.indexOf(b.metric));
  for (const m of out) m.actions.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  if (!out.length || !latest || !previous) return out;

  const dates = [latest.end, previous.end];
  const names = [...new Set(["filled_posts", ...out.map((m) => m.metric)])];
  const ids = await workplacesOf(ctx, { kind: "council" }, latest.end);
  const grid = await figuresGrid(
    ctx,
    ids,
    dates.map((at) => ({ at, by: "all" as const })),
    names,
  );
  const guard = await protectForScope(ctx, { kind: "comparison" }, ids, dates);
  const figuresAt = (at: string) =>
    roundForPublic(pick(guard(grid.get(cellKey({ at, by: "all" }))?.get("all") as Figures, at), names));
  const [now, before] = dates.map(figuresAt);
  return out.map((m) => ({ ...m, latest: now[m.metric] ?? null, previous: before[m.metric] ?? null }));
}
