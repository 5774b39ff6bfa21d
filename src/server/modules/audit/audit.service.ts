import type { Ctx } from "../../context";
import { findAudit, insertAudit, insertAuditBatch } from "./audit.repo";
import { maskBeforeAfter } from "./mask";

export interface AuditEntry {
  orgId: string | null;
  action: "create" | "update" | "delete" | string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Record one write. Call it inside the same transaction as the write it describes. */
export async function recordAudit(ctx: Ctx, entry: AuditEntry) {
  const { before, after } = maskBeforeAfter(entry.before, entry.after);
  await insertAudit(ctx.db, {
    userId: ctx.actor.userId,
    orgId: entry.orgId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before,
    after,
    requestId: ctx.actor.requestId ?? null,
  });
}

export const AUDIT_PAGE = 50;

export function listAudit(ctx: Ctx, orgId: string | null, beforeId?: number) {
  return findAudit(ctx.db, { orgId, beforeId, limit: AUDIT_PAGE });
}

/** Many entries at once (bulk uploads), in batches, inside the caller's transaction. */
export async function recordAuditBatch(ctx: Ctx, entries: AuditEntry[]) {
  const rows = entries.map((entry) => {
    const { before, after } = maskBeforeAfter(entry.before, entry.after);
    return {
      userId: ctx.actor.userId,
      orgId: entry.orgId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before,
      after,
      requestId: ctx.actor.requestId ?? null,
    };
  });
  await insertAuditBatch(ctx.db, rows);
}
