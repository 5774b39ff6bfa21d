import { longDate } from "../../../shared/dates";
import { HEADLINE_NAMES, HEADLINES, ragOf } from "../../../shared/metrics";
import { can } from "../../../shared/permissions";
import type { BoardReportData, ReportActionView, ReportRiskView, StatusCounts } from "../../../shared/schemas/strategy";
import {
  previousQuarter,
  QUARTER_PATTERN,
  quarterBounds,
  quarterLabel,
  UPDATE_STATUSES,
  type UpdateStatus,
} from "../../../shared/strategy";
import type { OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { quarterEnds, TREND_QUARTERS } from "../metrics/dates";
import { cellKey, type Figures } from "../metrics/engine";
import { figuresOver, protectForScope, workplacesOf } from "../metrics/metrics.service";
import { findTargets } from "../metrics/targets.repo";
import { meetingsOf } from "./governance.service";
import { currentStrategy, loadPlan } from "./plan.service";
import { changedFields, heatMap, type RiskSnapshot } from "./risks.service";
import { presentChange, presentForumEntry, presentRisk, presentStrategy } from "./strategy.presenter";
import type { RiskRow, UpdateRow } from "./strategy.repo";
import * as repo from "./strategy.repo";
import { suggestStatus } from "./suggest";
import { readingsAt } from "./updates.service";

// Everything a quarterly board report needs, for the council's current strategy (the latest
// approved): progress by recommendation, exceptions, completions, the headline figures from the
// engine at the quarter end and the one before, the register as it stood, the groups' meetings,
// the forum's log and the changes to the approved plan. The board report (strategy-report) and
// the screens read it; nothing here writes.

const emptyCounts = (): StatusCounts => Object.fromEntries(UPDATE_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** The first instant after a day (UTC), for comparing timestamps with a quarter's days. */
const after = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
const startOf = (day: string) => new Date(`${day}T00:00:00Z`);

export async function boardReportData(ctx: OrgCtx, quarter: string): Promise<BoardReportData> {
  if (!QUARTER_PATTERN.test(quarter))
    throw badRequest("validation", "Give the quarter as a year and quarter, for example 2026-Q3.");
  const strategy = await currentStrategy(ctx);
  if (!strategy) throw notFound("strategy");
  const { start, end } = quarterBounds(quarter);
  const previous = previousQuarter(quarter);
  const previousEnd = quarterBounds(previous).end;
  const plan = await loadPlan(ctx, strategy);

  // Progress: each action's update this quarter and the one before.
  const updates = await repo.listUpdates(ctx.db, ctx.org.id, strategy.id, [quarter, previous]);
  const now = new Map<string, UpdateRow>();
  const before = new Map<string, UpdateRow>();
  for (const u of updates) (u.quarter === quarter ? now : before).set(u.actionId, u);
  const readings = await readingsAt(ctx, plan, end);
  const ownerName = (a: (typeof plan.actions)[number]) =>
    a.ownerUserId
      ? (plan.userNames.get(a.ownerUserId) ?? "")
      : a.ownerGroupId
        ? (plan.groupNames.get(a.ownerGroupId) ?? "")
        : "";
  const reportAction = (a: (typeof plan.actions)[number]): ReportActionView => {
    const u = now.get(a.id);
    const r = readings.get(a.id) ?? [];
    return {
      id: a.id,
      ref: plan.refOf.get(a.id) ?? "",
      title: a.title,
      phase: a.phase as ReportActionView["phase"],
      owner: ownerName(a),
      dueOn: a.dueOn,
      status: (u?.status as UpdateStatus | undefined) ?? null,
      previousStatus: (before.get(a.id)?.status as UpdateStatus | undefined) ?? null,
      narrative: u?.narrative ?? "",
      evidence: u?.evidence ?? [],
      updatedOn: u?.reportedOn ?? null,
      measures: r,
      suggestion: suggestStatus(r),
    };
  };
  const totals = { ...emptyCounts(), noUpdate: 0, actions: 0 };
  const pillars = plan.pillars.map(({ pillar, actions }) => {
    const counts = emptyCounts();
    let noUpdate = 0;
    const rows = actions.map(({ action }) => reportAction(action));
    for (const row of rows) {
      if (row.status) counts[row.status]++;
      else noUpdate++;
    }
    for (const s of UPDATE_STATUSES) totals[s] += counts[s];
    totals.noUpdate += noUpdate;
    totals.actions += rows.length;
    return {
      id: pillar.id,
      ref: `${pillar.kind === "recommendation" ? "R" : "E"}${pillar.number}`,
      kind: pillar.kind as "recommendation" | "enabler",
      title: pillar.title,
      aims: pillar.aims,
      counts,
      noUpdate,
      actions: rows,
    };
  });
  const all = pillars.flatMap((p) => p.actions);

  // The headline figures: one grid of the quarter ends of the trend (the dashboard's convention:
  // the providers commissioned at the quarter end throughout, so like is compared with like).
  const ids = await workplacesOf(ctx, { kind: "council" }, end);
  const dates = quarterEnds(end, TREND_QUARTERS);
  const grid = await (await figuresOver(ctx, ids)).grid(
    dates.map((d) => ({ at: d, by: "all" as const })),
    HEADLINE_NAMES,
  );
  // As the council reads its figures (disclosure control as on its dashboard); anyone else who
  // reads the strategy (a board member, a provider's manager in a strategy group) as the public
  // does, as the measures' readings are: nothing resting on fewer than 3 employers or 10 workers,
  // so a small system's figure cannot give a provider's away.
  const protect = can(ctx.role, "metrics.view", ctx.actor.isHubAdmin)
    ? await protectForScope(ctx, { kind: "council" }, ids, dates, end)
    : await protectForScope(ctx, { kind: "comparison" }, ids, dates);
  const shown = new Map<string, Figures>();
  const at = (d: string): Figures => {
    const cell = grid.get(cellKey({ at: d, by: "all" }))?.get("all") as Figures | undefined;
    if (!cell) return {} as Figures;
    if (!shown.has(d)) shown.set(d, protect(cell, d));
    return shown.get(d) as Figures;
  };
  const targets = await findTargets(ctx.db, ctx.org.id);
  const source = `Care Workforce Hub figures engine (docs/metrics.md): ${ctx.org.name}'s services and the providers it commissioned on ${longDate(end)}, as at ${longDate(end)} and ${longDate(previousEnd)}`;
  const figures = HEADLINES.map((h) => {
    const value = at(end)[h.name]?.value ?? null;
    const target = targets[h.name] ?? null;
    return {
      metric: h.name,
      label: h.label,
      kind: h.kind,
      better: h.better ?? null,
      value,
      previous: at(previousEnd)[h.name]?.value ?? null,
      target,
      rag: ragOf(value, target, h.better),
      source,
    };
  });
  const trend = dates.map((d) => ({
    at: d,
    values: Object.fromEntries(HEADLINE_NAMES.map((n) => [n, at(d)[n]?.value ?? null])),
  }));

  // The register as it stood at the quarter's end and at its start, from its history.
  const risks = await repo.listRisks(ctx.db, ctx.org.id, strategy.id);
  const history = await repo.listRiskHistory(
    ctx.db,
    ctx.org.id,
    risks.map((r) => r.id),
    undefined,
    after(end),
  );
  const stateAt = (riskId: string, instant: Date) => {
    let state: RiskSnapshot | null = null;
    for (const { entry } of history)
      if (entry.riskId === riskId && entry.changedAt < instant) state = entry.after as RiskSnapshot;
    return state;
  };
  const names = await repo.userNames(
    ctx.db,
    risks.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : [])),
  );
  const asAt = (r: RiskRow, s: RiskSnapshot): RiskRow => ({
    ...r,
    title: s.title,
    description: s.description,
    likelihood: s.likelihood,
    impact: s.impact,
    ownerUserId: s.ownerUserId,
    ownerName: s.ownerName,
    mitigations: s.mitigations,
    reviewOn: s.reviewOn,
    status: s.status,
  });
  const states = risks.flatMap((r) => {
    const s = stateAt(r.id, after(end));
    if (!s) return [];
    const was = stateAt(r.id, startOf(start));
    const row = asAt(r, s);
    const view: ReportRiskView = {
      ...presentRisk(row, names),
      previousScore: was ? was.likelihood * was.impact : null,
    };
    return [{ row, view, was, now: s }];
  });
  const open = states.filter((x) => x.row.kind !== "assumption" && x.row.status === "open");
  const changed = states.flatMap(({ row, was, now: s }) => {
    const touched = history.some(({ entry }) => entry.riskId === row.id && entry.changedAt >= startOf(start));
    if (!touched) return [];
    return [
      {
        risk: presentRisk(row, names),
        isNew: was === null,
        before: was
          ? {
              likelihood: was.likelihood,
              impact: was.impact,
              score: was.likelihood * was.impact,
              status: was.status as ReportRiskView["status"],
            }
          : null,
        fields: changedFields(was, s).filter((f) => f !== "score"),
      },
    ];
  });

  // Governance in the quarter.
  const groups = await repo.listGroups(ctx.db, ctx.org.id, strategy.id);
  const meetingRows = await repo.listMeetings(
    ctx.db,
    ctx.org.id,
    groups.map((g) => g.id),
    start,
    end,
  );
  const forum = (await repo.listForumEntries(ctx.db, ctx.org.id, strategy.id)).filter(
    (f) => f.raisedOn <= end && (f.raisedOn >= start || f.status !== "done"),
  );
  const planChanges = await repo.listChanges(ctx.db, ctx.org.id, strategy.id, startOf(start), after(end));

  return {
    council: { id: ctx.org.id, name: ctx.org.name },
    strategy: presentStrategy(strategy, plan.changes),
    quarter,
    quarterLabel: quarterLabel(quarter),
    quarterStart: start,
    quarterEnd: end,
    previousQuarter: previous,
    previousQuarterEnd: previousEnd,
    pillars,
    totals,
    exceptions: all.filter((a) => a.status === "at_risk" || a.status === "off_track"),
    completed: all.filter((a) => a.status === "complete" && a.previousStatus !== "complete"),
    figures,
    trend,
    risks: {
      top: open
        .map((x) => x.view)
        .sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref))
        .slice(0, 10),
      assumptions: states.filter((x) => x.row.kind === "assumption").map((x) => x.view),
      changed,
      heatMap: heatMap(states.map((x) => x.row)),
    },
    meetings: await meetingsOf(ctx, strategy.id, groups, meetingRows),
    forum: forum.map(presentForumEntry),
    planChanges: planChanges.map((r) => presentChange(r.change, r.byName)),
  };
}
