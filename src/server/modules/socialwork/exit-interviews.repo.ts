import { and, asc, desc, eq, gte, isNotNull, isNull, lte } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { exitInterviews, organisations, staffRecords, swStaff, swTeams, workplaces } from "../../db/schema";

// Exit interviews' queries (issue 20 item 9): an employer's leavers with their interview, the
// interview behind a link's hash, and answering or declining it once.

export type InterviewRow = typeof exitInterviews.$inferSelect;

/** The employer's leavers who left between `since` and `until`, with their interview (if offered), newest first. */
export function leavers(db: Exec, orgId: string, since: string, until: string) {
  return db
    .select({
      staffRecordId: staffRecords.id,
      name: staffRecords.displayId,
      leftOn: staffRecords.endDate,
      teamName: swTeams.name,
      workplaceName: workplaces.name,
      interview: exitInterviews,
    })
    .from(staffRecords)
    .innerJoin(workplaces, eq(workplaces.id, staffRecords.workplaceId))
    .leftJoin(swStaff, eq(swStaff.staffRecordId, staffRecords.id))
    .leftJoin(swTeams, eq(swTeams.id, swStaff.teamId))
    .leftJoin(exitInterviews, eq(exitInterviews.staffRecordId, staffRecords.id))
    .where(
      and(
        eq(staffRecords.orgId, orgId),
        isNotNull(staffRecords.endDate),
        gte(staffRecords.endDate, since),
        lte(staffRecords.endDate, until),
      ),
    )
    .orderBy(desc(staffRecords.endDate), asc(staffRecords.displayId));
}
export type LeaverRow = Awaited<ReturnType<typeof leavers>>[number];

/** One of the employer's staff records, with whether it has an interview. */
export async function leaver(db: Exec, orgId: string, staffRecordId: string) {
  const [row] = await db
    .select({
      id: staffRecords.id,
      name: staffRecords.displayId,
      leftOn: staffRecords.endDate,
      interviewId: exitInterviews.id,
    })
    .from(staffRecords)
    .leftJoin(exitInterviews, eq(exitInterviews.staffRecordId, staffRecords.id))
    .where(and(eq(staffRecords.orgId, orgId), eq(staffRecords.id, staffRecordId)));
  return row;
}

/** Records an offer; undefined when the leaver already has one (two offers at once: one wins). */
export async function insertInterview(db: Exec, values: typeof exitInterviews.$inferInsert) {
  const [row] = await db.insert(exitInterviews).values(values).onConflictDoNothing().returning();
  return row;
}

/** The interview behind a link (locked when answering), with the employer's name. */
export async function byTokenHash(db: Exec, tokenHash: string, lock = false) {
  const q = db
    .select({ interview: exitInterviews, employerName: organisations.name })
    .from(exitInterviews)
    .innerJoin(organisations, eq(organisations.id, exitInterviews.orgId))
    .where(eq(exitInterviews.tokenHash, tokenHash));
  const [row] = lock ? await q.for("update", { of: exitInterviews }) : await q;
  return row;
}

/** Answers or declines an interview still open; false when it was not (answered at the same moment). */
export async function closeInterview(db: Exec, id: string, values: Partial<typeof exitInterviews.$inferInsert>) {
  const rows = await db
    .update(exitInterviews)
    .set(values)
    .where(and(eq(exitInterviews.id, id), isNull(exitInterviews.completedOn), isNull(exitInterviews.declinedOn)))
    .returning({ id: exitInterviews.id });
  return rows.length === 1;
}
