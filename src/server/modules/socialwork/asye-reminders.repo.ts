import { and, asc, eq, inArray } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  memberships,
  organisations,
  staffRecords,
  swAsye,
  swAsyeReminders,
  swAsyeReviews,
  swStaff,
  swTeams,
  users,
} from "../../db/schema";

// What the ASYE reminder job reads and writes (issue 20 item 3): the running ASYEs of every council
// with their reviews and team managers, the reminders already sent, and the service leads' emails.

/** Every running ASYE (any council), with its worker, team, team manager and council. */
export const openAsyes = (db: Exec) =>
  db
    .select({
      id: swAsye.id,
      orgId: swAsye.orgId,
      orgName: organisations.name,
      startDate: swAsye.startDate,
      extendedTo: swAsye.extendedTo,
      status: swAsye.status,
      outcomeOn: swAsye.outcomeOn,
      workerName: staffRecords.displayId,
      leftOn: staffRecords.endDate,
      teamName: swTeams.name,
      managerUserId: swTeams.managerUserId,
    })
    .from(swAsye)
    .innerJoin(organisations, eq(organisations.id, swAsye.orgId))
    .innerJoin(staffRecords, eq(staffRecords.id, swAsye.staffRecordId))
    .innerJoin(swStaff, eq(swStaff.staffRecordId, swAsye.staffRecordId))
    .innerJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .where(inArray(swAsye.status, ["in_progress", "extended"]))
    .orderBy(asc(swAsye.orgId), asc(swAsye.startDate), asc(swAsye.id));

export const reviewsOf = (db: Exec, asyeIds: string[]) =>
  asyeIds.length
    ? db
        .select({
          asyeId: swAsyeReviews.asyeId,
          stage: swAsyeReviews.stage,
          heldOn: swAsyeReviews.heldOn,
          progress: swAsyeReviews.progress,
        })
        .from(swAsyeReviews)
        .where(inArray(swAsyeReviews.asyeId, asyeIds))
    : Promise.resolve([]);

/** The reminders already sent for these ASYEs, as "asyeId|stage|dueOn". */
export async function sentReminders(db: Exec, asyeIds: string[]) {
  if (!asyeIds.length) return new Set<string>();
  const rows = await db
    .select({ asyeId: swAsyeReminders.asyeId, stage: swAsyeReminders.stage, dueOn: swAsyeReminders.dueOn })
    .from(swAsyeReminders)
    .where(inArray(swAsyeReminders.asyeId, asyeIds));
  return new Set(rows.map((r) => `${r.asyeId}|${r.stage}|${r.dueOn}`));
}

export const insertReminders = async (db: Exec, rows: (typeof swAsyeReminders.$inferInsert)[]) => {
  if (rows.length) await db.insert(swAsyeReminders).values(rows).onConflictDoNothing();
};

/** Email addresses of users by id. */
export async function emailsOf(db: Exec, userIds: string[]) {
  if (!userIds.length) return new Map<string, string>();
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r.email]));
}

/** The council's service leads (sw_lead), who hear of teams without a manager. */
export const leadUserIds = async (db: Exec, orgId: string) =>
  (
    await db
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "sw_lead")))
      .orderBy(asc(memberships.userId))
  ).map((r) => r.id);
