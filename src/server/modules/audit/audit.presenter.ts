import type { findAudit } from "./audit.repo";

type Row = Awaited<ReturnType<typeof findAudit>>[number];

export function presentAuditEntry(row: Row) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    organisation: row.orgId ? { id: row.orgId, name: row.orgName } : null,
    user: row.userId ? { id: row.userId, email: row.userEmail } : null,
  };
}
