import { longDate } from "../../../shared/dates";
import { can } from "../../../shared/permissions";
import type { MeasureReading, ProgressUpdateInput, QuarterUpdatesResponse } from "../../../shared/schemas/strategy";
import { progressUpdateInput } from "../../../shared/schemas/strategy";
import {
  lastEndedQuarter,
  type MeasureDirection,
  pillarRef,
  quarterBounds,
  quarterLabel,
} from "../../../shared/strategy";
import { type Deps, inTransaction, type OrgCtx, systemActor } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { addDays, isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import { metricsFor, protectForScope } from "../metrics/metrics.service";
import { assertMayUpdate, viewerOf } from "./access";
import { type LoadedPlan, loadPlan, strategyOf } from "./plan.service";
import { metricLabel, ownerOf, presentUpdate } from "./strategy.presenter";
import * as repo from "./strategy.repo";
import { isOffTarget, suggestStatus } from "./suggest";

// Quarterly progress: owners' updates, the status the figures suggest, and chasing those overdue.

/**
 * Each linked measure's figure for the council's scope as at `at` (one call to the engine for
 * every metric the plan links to), against its target.
 */
export async function readingsAt(ctx: OrgCtx, plan: LoadedPlan, at: string): Promise<Map<string, MeasureReading[]>> {
  const measures = [...plan.measuresOf.values()].flat();
  const out = new Map<string, MeasureReading[]>();
  if (!measures.length) return out;
  const metrics = [...new Set(measures.map((m) => m.metric))];
  // Someone who reads the strategy but not the council's figures (a board member, a provider's
  // manager in a strategy group) reads each measure as the public does: nothing resting on fewer
  // than 3 employers or 10 workers, so a small system's figure cannot give a provider's away.
  const council = can(ctx.role, "metrics.view", ctx.actor.isHubAdmin);
  const read = await metricsFor(ctx, "council", at, council ? metrics : [...metrics, "filled_posts"]);
  // The workplaces the engine read are the ones to protect over: no second look-up.
  const figures = council
    ? read.figures
    : (await protectForScope(ctx, { kind: "comparison" }, read.workplaceIds, [at]))(read.figures, at);
  for (const m of measures) {
    const value = figures[m.metric]?.value ?? null;
    const direction = m.direction as MeasureDirection;
    const reading: MeasureReading = {
      metric: m.metric,
      label: metricLabel(m.metric),
      at,
      value,
      target: m.target,
      direction,
      byDate: m.byDate,
      offTarget: isOffTarget(value, m.target, direction),
    };
    out.set(m.actionId, [...(out.get(m.actionId) ?? []), reading]);
  }
  return out;
}

/** Every action's update for a quarter (null when none), with its measures at the quarter end and a suggested status. */
export async function quarterUpdates(
  ctx: OrgCtx,
  strategyId: string,
  quarter: string,
): Promise<QuarterUpdatesResponse> {
  const strategy = await strategyOf(ctx, strategyId);
  const plan = await loadPlan(ctx, strategy);
  const { end } = quarterBounds(quarter);
  const [updates, readings, viewer] = await Promise.all([
    repo.listUpdates(ctx.db, ctx.org.id, strategy.id, [quarter]),
    readingsAt(ctx, plan, end),
    viewerOf(ctx),
  ]);
  const byAction = new Map(updates.map((u) => [u.actionId, u]));
  const names = await repo.userNames(
    ctx.db,
    updates.flatMap((u) => (u.reportedBy ? [u.reportedBy] : [])),
  );
  return {
    quarter,
    quarterEnd: end,
    actions: plan.pillars.flatMap(({ actions }) =>
      actions.map(({ action }) => {
        const update = byAction.get(action.id);
        const r = readings.get(action.id) ?? [];
        return {
          actionId: action.id,
          ref: plan.refOf.get(action.id) ?? "",
          title: action.title,
          owner: ownerOf(action, plan.userNames, plan.groupNames),
          canUpdate: viewer.mayUpdate(action),
          update: update ? presentUpdate(update, names) : null,
          readings: r,
          suggestion: suggestStatus(r),
        };
      }),
    ),
  };
}

export async function actionUpdates(ctx: OrgCtx, strategyId: string, actionId: string) {
  const strategy = await strategyOf(ctx, strategyId);
  const action = await repo.findAction(ctx.db, ctx.org.id, strategy.id, actionId);
  if (!action) throw notFound("action");
  const rows = await repo.listActionUpdates(ctx.db, ctx.org.id, action.id);
  const names = await repo.userNames(
    ctx.db,
    rows.flatMap((u) => (u.reportedBy ? [u.reportedBy] : [])),
  );
  return { updates: rows.map((u) => presentUpdate(u, names)) };
}

/**
 * An owner's update on an action for a quarter (recorded again, it replaces the earlier one;
 * the audit trail keeps both). Only for a quarter that has begun.
 */
export async function recordUpdate(
  ctx: OrgCtx,
  strategyId: string,
  actionId: string,
  quarter: string,
  raw: ProgressUpdateInput,
) {
  const input = progressUpdateInput.parse(raw);
  const today = isoDate(ctx.deps.now());
  if (quarterBounds(quarter).start > today)
    throw badRequest(
      "validation",
      `${quarterLabel(quarter)} has not started yet: record progress for a quarter that has.`,
      [{ path: "quarter", message: "Choose a quarter that has started" }],
    );
  return inTransaction(ctx, async (tx) => {
    const strategy = await strategyOf(tx, strategyId);
    const action = await repo.findAction(tx.db, ctx.org.id, strategy.id, actionId);
    if (!action) throw notFound("action");
    await assertMayUpdate(tx, action);
    const before = await repo.findUpdate(tx.db, ctx.org.id, action.id, quarter);
    const row = await repo.upsertUpdate(tx.db, {
      actionId: action.id,
      strategyId: strategy.id,
      councilId: ctx.org.id,
      quarter,
      status: input.status,
      narrative: input.narrative,
      evidence: input.evidence,
      reportedOn: input.reportedOn,
      reportedBy: tx.actor.userId,
      updatedAt: tx.deps.now(),
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: before ? "update" : "create",
      entityType: "strategy_update",
      entityId: row.id,
      before: before ? { status: before.status, narrative: before.narrative, evidence: before.evidence } : null,
      after: { quarter, status: input.status, narrative: input.narrative, evidence: input.evidence },
    });
    const names = await repo.userNames(tx.db, tx.actor.userId ? [tx.actor.userId] : []);
    return presentUpdate(row, names);
  });
}

/** How long after a quarter ends its missing updates are chased. */
export const CHASE_AFTER_DAYS = 14;

/**
 * Emails the owners of actions of approved strategies that have no update for the last ended
 * quarter, once CHASE_AFTER_DAYS have passed since it ended: one email per person listing their
 * actions, each person and action chased once per quarter. Returns how many emails were queued.
 */
export async function chaseOverdueUpdates(deps: Deps): Promise<number> {
  const today = isoDate(deps.now());
  const quarter = lastEndedQuarter(today);
  const { start, end } = quarterBounds(quarter);
  const chaseFrom = isoDate(addDays(new Date(`${end}T00:00:00Z`), CHASE_AFTER_DAYS));
  if (today < chaseFrom) return 0;
  const owed = await repo.findUnchasedOwners(deps.db, quarter, start, end);
  const byPerson = new Map<string, typeof owed>();
  for (const row of owed)
    byPerson.set(`${row.userId}|${row.councilId}`, [...(byPerson.get(`${row.userId}|${row.councilId}`) ?? []), row]);
  let sent = 0;
  for (const rows of byPerson.values()) {
    const first = rows[0];
    await deps.db.transaction(async (tx) => {
      const ctx = { db: tx, deps, actor: systemActor, log: deps.log };
      const list = rows.map((r) => `- ${pillarRef(r.kind, r.pillarNumber)}.${r.number} ${oneLine(r.title)}`).join("\n");
      await queueEmail(ctx, {
        to: first.email,
        template: "strategy-update-overdue",
        subject: `Progress update overdue for ${quarterLabel(quarter)}: ${oneLine(first.strategyTitle)}`,
        body: `${oneLine(first.councilName)}'s steering group is waiting for your progress update for ${quarterLabel(quarter)}, which ended on ${longDate(end)}, on ${rows.length === 1 ? "this action" : `these ${rows.length} actions`}:\n\n${list}\n\nRecord the status, a short narrative and any evidence links here:\n${deps.env.PUBLIC_URL}/orgs/${first.councilId}/strategy`,
      });
      await repo.insertChases(
        tx,
        rows.map((r) => ({
          actionId: r.actionId,
          quarter,
          userId: r.userId,
          councilId: r.councilId,
          sentAt: deps.now(),
        })),
      );
    });
    sent++;
  }
  return sent;
}
