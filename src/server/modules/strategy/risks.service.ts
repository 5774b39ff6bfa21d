import type { HeatMapView, RiskInput, RisksResponse, UpdateRiskInput } from "../../../shared/schemas/strategy";
import { riskInput } from "../../../shared/schemas/strategy";
import { RISK_STATUSES_BY_KIND, type RiskKind, type RiskStatus } from "../../../shared/strategy";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { recordAudit } from "../audit/audit.service";
import { strategyOf } from "./plan.service";
import { presentRisk } from "./strategy.presenter";
import type { RiskRow } from "./strategy.repo";
import * as repo from "./strategy.repo";

// The register of risks, issues and assumptions: scored likelihood × impact, with every change
// kept (who, when, before, after) in strategy_risk_history.

/** Open risks and issues per likelihood × impact cell, all 25 cells. */
export function heatMap(risks: Pick<RiskRow, "kind" | "status" | "likelihood" | "impact">[]): HeatMapView {
  const cells: HeatMapView = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--)
    for (let impact = 1; impact <= 5; impact++)
      cells.push({
        likelihood,
        impact,
        count: risks.filter(
          (r) => r.kind !== "assumption" && r.status === "open" && r.likelihood === likelihood && r.impact === impact,
        ).length,
      });
  return cells;
}

/** What a history entry keeps of an entry. */
export const riskSnapshot = (r: RiskRow) => ({
  kind: r.kind,
  ref: r.ref,
  title: r.title,
  description: r.description,
  likelihood: r.likelihood,
  impact: r.impact,
  score: r.likelihood * r.impact,
  ownerUserId: r.ownerUserId,
  ownerName: r.ownerName,
  mitigations: r.mitigations,
  reviewOn: r.reviewOn,
  status: r.status,
});
export type RiskSnapshot = ReturnType<typeof riskSnapshot>;

export async function listRisks(ctx: OrgCtx, strategyId: string): Promise<RisksResponse> {
  const strategy = await strategyOf(ctx, strategyId);
  const rows = await repo.listRisks(ctx.db, ctx.org.id, strategy.id);
  const names = await repo.userNames(
    ctx.db,
    rows.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : [])),
  );
  const order = (r: RiskRow) => (r.status === "open" || r.status === "holding" ? 0 : 1);
  const risks = [...rows].sort(
    (a, b) => order(a) - order(b) || b.likelihood * b.impact - a.likelihood * a.impact || a.ref.localeCompare(b.ref),
  );
  return { risks: risks.map((r) => presentRisk(r, names)), heatMap: heatMap(rows) };
}

function checkStatus(kind: RiskKind, status: RiskStatus) {
  if (!RISK_STATUSES_BY_KIND[kind].includes(status)) {
    const message = kind === "assumption" ? "An assumption is holding or failed" : `A ${kind} is open or closed`;
    throw badRequest("validation", message, [{ path: "status", message }]);
  }
}

async function checkOwner(ctx: OrgCtx, userId: string | null | undefined) {
  if (!userId) return;
  if (!(await repo.orgsOfUser(ctx.db, userId)).some((m) => m.orgId === ctx.org.id))
    throw badRequest("validation", "Choose an owner from the council or the strategy's groups", [
      { path: "ownerUserId", message: "Choose an owner from the council or the strategy's groups" },
    ]);
}

const PREFIX: Record<RiskKind, string> = { risk: "R", issue: "I", assumption: "A" };

export async function addRisk(ctx: OrgCtx, strategyId: string, raw: RiskInput) {
  const input = riskInput.parse(raw);
  const status = input.status ?? RISK_STATUSES_BY_KIND[input.kind][0];
  checkStatus(input.kind, status);
  return inTransaction(ctx, async (tx) => {
    const strategy = await strategyOf(tx, strategyId);
    await checkOwner(tx, input.ownerUserId);
    const ref =
      input.ref ?? `${PREFIX[input.kind]}${(await repo.countRisksOfKind(tx.db, strategy.id, input.kind)) + 1}`;
    const row = await repo.insertRisk(tx.db, {
      ...input,
      ref,
      status,
      strategyId: strategy.id,
      councilId: ctx.org.id,
      createdAt: tx.deps.now(),
      updatedAt: tx.deps.now(),
    });
    await repo.insertRiskHistory(tx.db, {
      riskId: row.id,
      councilId: ctx.org.id,
      changedBy: tx.actor.userId,
      changedAt: tx.deps.now(),
      before: null,
      after: riskSnapshot(row),
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "strategy_risk",
      entityId: row.id,
      after: riskSnapshot(row),
    });
    const names = await repo.userNames(tx.db, row.ownerUserId ? [row.ownerUserId] : []);
    return presentRisk(row, names);
  });
}

export async function changeRisk(ctx: OrgCtx, strategyId: string, riskId: string, input: UpdateRiskInput) {
  return inTransaction(ctx, async (tx) => {
    const strategy = await strategyOf(tx, strategyId);
    const risk = await repo.findRisk(tx.db, ctx.org.id, strategy.id, riskId);
    if (!risk) throw notFound("risk");
    if (input.status) checkStatus(risk.kind as RiskKind, input.status);
    await checkOwner(tx, input.ownerUserId);
    const row = await repo.updateRiskRow(tx.db, risk.id, { ...input, updatedAt: tx.deps.now() });
    await repo.insertRiskHistory(tx.db, {
      riskId: row.id,
      councilId: ctx.org.id,
      changedBy: tx.actor.userId,
      changedAt: tx.deps.now(),
      before: riskSnapshot(risk),
      after: riskSnapshot(row),
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "strategy_risk",
      entityId: row.id,
      before: riskSnapshot(risk),
      after: riskSnapshot(row),
    });
    const names = await repo.userNames(tx.db, row.ownerUserId ? [row.ownerUserId] : []);
    return presentRisk(row, names);
  });
}

/** The fields that differ between two snapshots (every field of the first), in alphabetical order. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = Object.keys(a).sort();
  if (!before) return keys;
  const b = before as Record<string, unknown>;
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export async function riskHistory(ctx: OrgCtx, strategyId: string, riskId: string) {
  const strategy = await strategyOf(ctx, strategyId);
  const risk = await repo.findRisk(ctx.db, ctx.org.id, strategy.id, riskId);
  if (!risk) throw notFound("risk");
  const rows = await repo.listRiskHistory(ctx.db, ctx.org.id, [risk.id]);
  return {
    history: rows.map(({ entry, byName }) => ({
      at: entry.changedAt.toISOString(),
      by: entry.changedBy ? { id: entry.changedBy, name: byName ?? "" } : null,
      before: entry.before,
      after: entry.after,
      changed: changedFields(entry.before, entry.after),
    })),
  };
}
