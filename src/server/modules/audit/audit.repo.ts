import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { bulkInsert } from "../../db/bulk";
import type { Exec } from "../../db/client";
import { auditLog, organisations, users } from "../../db/schema";

export type AuditInsert = typeof auditLog.$inferInsert;

export const insertAudit = (db: Exec, entry: AuditInsert) => db.insert(auditLog).values(entry);

/** Many entries at once (COPY where the database offers it). */
export const insertAuditBatch = (db: Exec, entries: AuditInsert[]) => bulkInsert(db, auditLog, entries);

/** A page of the trail, newest first; `orgId` null means the whole installation (hub admin only). */
export async function findAudit(db: Exec, opts: { orgId: string | null; beforeId?: number; limit: number }) {
  const where: SQL[] = [];
  if (opts.orgId) where.push(eq(auditLog.orgId, opts.orgId));
  if (opts.beforeId) where.push(lt(auditLog.id, opts.beforeId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      orgId: auditLog.orgId,
      orgName: organisations.name,
      userId: auditLog.userId,
      userEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(organisations, eq(organisations.id, auditLog.orgId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(opts.limit);
}
