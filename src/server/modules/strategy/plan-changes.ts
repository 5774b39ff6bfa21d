import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import type { StrategyRow } from "./strategy.repo";
import * as repo from "./strategy.repo";

// ADR 0018: an approved plan is changed only as a recorded change. Before writing to an approved
// strategy's plan rows, the service records who, why, before and after in strategy_changes, and
// names the change for the rest of its transaction; the database's trigger refuses the write
// otherwise. A draft is changed freely (the audit trail keeps it).

export interface PlanChange {
  reason?: string;
  entityType: "strategy" | "pillar" | "action";
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Must run inside the transaction that makes the change. */
export async function recordPlanChange(tx: OrgCtx, strategy: StrategyRow, change: PlanChange) {
  if (strategy.status !== "approved") return null;
  if (!change.reason?.trim())
    throw badRequest(
      "reason_needed",
      "This plan has been approved: say why it is being changed. The change is kept with your name and the reason.",
      [{ path: "reason", message: "Enter the reason for the change" }],
    );
  const row = await repo.insertChange(tx.db, {
    strategyId: strategy.id,
    councilId: strategy.councilId,
    changedBy: tx.actor.userId,
    reason: change.reason.trim(),
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
  await repo.openPlanFor(tx.db, row.id);
  return row;
}
