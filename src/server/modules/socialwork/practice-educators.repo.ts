import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Exec } from "../../db/client";
import { staffRecords, swPePayments, swTrainees } from "../../db/schema";

// Practice educators' payments (issue 20 item 7): one row per student a practice educator
// supported, made when a placement with a practice educator is recorded (trainees.service.ts),
// due on the placement's end. Every query is scoped by the council.

export type PaymentRow = typeof swPePayments.$inferSelect;

const pe = alias(staffRecords, "pe_record");

const columns = {
  p: swPePayments,
  traineeName: swTrainees.name,
  traineeTeamId: swTrainees.teamId,
  traineeStart: swTrainees.startDate,
  traineeEnd: swTrainees.endDate,
  practiceEducatorName: pe.displayId,
};
export type PaymentListRow = {
  p: PaymentRow;
  traineeName: string;
  traineeTeamId: string | null;
  traineeStart: string;
  traineeEnd: string | null;
  practiceEducatorName: string;
};

/** Payments: all the council's, a trainee's, or some practice educators'. */
export const listPayments = (
  db: Exec,
  orgId: string,
  by: { traineeId?: string; practiceEducatorIds?: string[] } = {},
): Promise<PaymentListRow[]> => {
  let where: SQL | undefined;
  if (by.traineeId) where = eq(swPePayments.traineeId, by.traineeId);
  else if (by.practiceEducatorIds)
    where = by.practiceEducatorIds.length
      ? inArray(swPePayments.practiceEducatorStaffId, by.practiceEducatorIds)
      : sql`false`;
  return db
    .select(columns)
    .from(swPePayments)
    .innerJoin(swTrainees, eq(swTrainees.id, swPePayments.traineeId))
    .innerJoin(pe, eq(pe.id, swPePayments.practiceEducatorStaffId))
    .where(and(eq(swPePayments.orgId, orgId), where))
    .orderBy(asc(swPePayments.dueOn), asc(swTrainees.name), asc(swPePayments.id));
};

/** Payments to a personal account's own staff records, whichever council employs them. */
export const listPaymentsToStaff = (db: Exec, staffRecordIds: string[]): Promise<PaymentListRow[]> =>
  staffRecordIds.length
    ? db
        .select(columns)
        .from(swPePayments)
        .innerJoin(swTrainees, eq(swTrainees.id, swPePayments.traineeId))
        .innerJoin(pe, eq(pe.id, swPePayments.practiceEducatorStaffId))
        .where(inArray(swPePayments.practiceEducatorStaffId, staffRecordIds))
        .orderBy(asc(swPePayments.dueOn), asc(swPePayments.id))
    : Promise.resolve([]);

export const findPayment = async (db: Exec, orgId: string, id: string): Promise<PaymentListRow | undefined> =>
  (
    await db
      .select(columns)
      .from(swPePayments)
      .innerJoin(swTrainees, eq(swTrainees.id, swPePayments.traineeId))
      .innerJoin(pe, eq(pe.id, swPePayments.practiceEducatorStaffId))
      .where(and(eq(swPePayments.orgId, orgId), eq(swPePayments.id, id)))
  )[0];

export const insertPayment = async (db: Exec, values: typeof swPePayments.$inferInsert) =>
  (await db.insert(swPePayments).values(values).returning())[0];

export const updatePayment = async (
  db: Exec,
  orgId: string,
  id: string,
  set: Partial<Pick<PaymentRow, "practiceEducatorStaffId" | "dueOn" | "paidOn">>,
) =>
  (
    await db
      .update(swPePayments)
      .set(set)
      .where(and(eq(swPePayments.orgId, orgId), eq(swPePayments.id, id)))
      .returning()
  )[0];

/** Removes a trainee's unpaid payments (its practice educator was taken off); paid ones stay. */
export const deleteUnpaidPayments = (db: Exec, orgId: string, traineeId: string) =>
  db
    .delete(swPePayments)
    .where(and(eq(swPePayments.orgId, orgId), eq(swPePayments.traineeId, traineeId), isNull(swPePayments.paidOn)))
    .returning({ id: swPePayments.id });
