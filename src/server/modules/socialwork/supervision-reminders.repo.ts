import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { memberships, organisations, swSupervisionReminders, swTeams } from "../../db/schema";

// What the supervision reminder job reads and writes (issue 20 item 4): every council's current
// social work teams with their managers, the members' roles (a digest goes only to someone who may
// still see the team), and the reminders sent. The workers and their supervisions come from
// supervision.repo.ts through supervision.service.ts's statusesOfTeams.

/** Every current (not archived) social work team of any council, with its manager and council. */
export const currentTeams = (db: Exec) =>
  db
    .select({
      id: swTeams.id,
      orgId: swTeams.orgId,
      orgName: organisations.name,
      managerUserId: swTeams.managerUserId,
    })
    .from(swTeams)
    .innerJoin(organisations, eq(organisations.id, swTeams.orgId))
    .where(isNull(swTeams.archivedAt))
    .orderBy(asc(swTeams.orgId), asc(swTeams.name));

/** The roles some users hold in an organisation, by user id (no entry: not a member). */
export async function rolesIn(db: Exec, orgId: string, userIds: readonly string[]) {
  if (!userIds.length) return new Map<string, string>();
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, [...userIds])));
  return new Map(rows.map((r) => [r.userId, r.role]));
}

export type ReminderRow = typeof swSupervisionReminders.$inferInsert & { audience: "worker" | "manager" };

/**
 * Records reminders as sent and returns those that were not already, as "staffRecordId|dueOn|audience".
 * Claiming before queueing the email (in the same transaction) means two runs at once cannot both
 * send one: the unique key lets only one insert through.
 */
export async function claimReminders(db: Exec, rows: readonly ReminderRow[]) {
  if (!rows.length) return new Set<string>();
  const claimed = await db
    .insert(swSupervisionReminders)
    .values([...rows])
    .onConflictDoNothing()
    .returning({
      staffRecordId: swSupervisionReminders.staffRecordId,
      dueOn: swSupervisionReminders.dueOn,
      audience: swSupervisionReminders.audience,
    });
  return new Set(claimed.map((r) => `${r.staffRecordId}|${r.dueOn}|${r.audience}`));
}
