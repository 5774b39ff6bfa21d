import type { PaymentPaidInput } from "../../../shared/schemas/social-work-routes-in";
import { inPostOn } from "../../../shared/sw-in-post";
import { academicYearOf, inAcademicYearOf } from "../../../shared/sw-routes-in";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { seesWholeService, visibleTeamIds } from "./access";
import { ownStaffRecordIds } from "./access.repo";
import { byUrgency, presentPayment } from "./practice-educators.presenter";
import * as repo from "./practice-educators.repo";
import { findRates, listTraineesWithPe, listWorkers, type TraineeRow } from "./trainees.repo";

// Practice educators (issue 20 item 7): each worker with a PE stage, the students they supported
// (this academic year and ever), and their payments, one per student, due when the placement ends
// and overdue unpaid 30 days after (shared/sw-routes-in.ts). A payment's row is made when a
// placement with a practice educator is recorded (or given one), so what is coming is seen before
// it falls due; its due date follows the placement's end while unpaid. A team manager sees the
// practice educators in the teams they manage; the service lead every one.

const today = (ctx: Ctx) => isoDate(ctx.deps.now());
const invalid = (path: string, message: string) => badRequest("validation", message, [{ path, message }]);

const auditPayment = (p: repo.PaymentRow) => ({
  traineeId: p.traineeId,
  practiceEducatorStaffId: p.practiceEducatorStaffId,
  amount: p.amount,
  dueOn: p.dueOn,
  paidOn: p.paidOn,
});

/**
 * Keeps a trainee's practice educator payments in step with the trainee (call inside the write's
 * transaction). With a practice educator and an end date: their payment exists, due on the end;
 * a changed practice educator takes over the unpaid payment (a correction or a handover before
 * anything was paid), while a paid one stays with whoever was paid. Without one: unpaid payments go.
 */
export async function syncPayments(ctx: OrgCtx, trainee: TraineeRow) {
  const rows = await repo.listPayments(ctx.db, ctx.org.id, { traineeId: trainee.id });
  const pe = trainee.practiceEducatorStaffId;
  if (!pe || !trainee.endDate) {
    const removed = await repo.deleteUnpaidPayments(ctx.db, ctx.org.id, trainee.id);
    for (const r of removed)
      await recordAudit(ctx, { orgId: ctx.org.id, action: "delete", entityType: "sw_pe_payment", entityId: r.id });
    return;
  }
  const current = rows.find((r) => r.p.practiceEducatorStaffId === pe);
  const unpaid = current ?? rows.find((r) => !r.p.paidOn);
  if (current?.p.paidOn) return;
  if (unpaid) {
    if (unpaid.p.practiceEducatorStaffId === pe && unpaid.p.dueOn === trainee.endDate) return;
    const after = await repo.updatePayment(ctx.db, ctx.org.id, unpaid.p.id, {
      practiceEducatorStaffId: pe,
      dueOn: trainee.endDate,
    });
    await recordAudit(ctx, {
      orgId: ctx.org.id,
      action: "update",
      entityType: "sw_pe_payment",
      entityId: after.id,
      before: auditPayment(unpaid.p),
      after: auditPayment(after),
    });
    return;
  }
  const { pePaymentPerStudent } = await findRates(ctx.db, ctx.org.id);
  const made = await repo.insertPayment(ctx.db, {
    orgId: ctx.org.id,
    traineeId: trainee.id,
    practiceEducatorStaffId: pe,
    amount: pePaymentPerStudent,
    dueOn: trainee.endDate,
  });
  await recordAudit(ctx, {
    orgId: ctx.org.id,
    action: "create",
    entityType: "sw_pe_payment",
    entityId: made.id,
    after: auditPayment(made),
  });
}

/** A trainee's payments (the practice educators the student had), for the trainee page. */
export async function traineePayments(ctx: OrgCtx, traineeId: string) {
  const rows = await repo.listPayments(ctx.db, ctx.org.id, { traineeId });
  return rows.map((r) => presentPayment(r, today(ctx)));
}

type Tally = { count: number; amount: number };
const tally = (): Tally => ({ count: 0, amount: 0 });

/** Every practice educator the user may see, with students supported and payments by status. */
export async function listPracticeEducators(ctx: OrgCtx) {
  const day = today(ctx);
  const whole = seesWholeService(ctx);
  const workers = await listWorkers(ctx.db, ctx.org.id, whole ? {} : { teamIds: await visibleTeamIds(ctx) });
  const byId = new Map(workers.map((w) => [w.staffRecordId, w]));
  const payments = (await repo.listPayments(ctx.db, ctx.org.id, whole ? {} : { practiceEducatorIds: [...byId.keys()] }))
    .filter((r) => byId.has(r.p.practiceEducatorStaffId))
    .map((r) => ({ row: r, view: presentPayment(r, day) }));
  const paidTo = new Set(payments.map((p) => p.row.p.practiceEducatorStaffId));
  const pes = workers.filter((w) => paidTo.has(w.staffRecordId) || (w.peStage !== null && inPostOn(w, day)));
  const placements = await listTraineesWithPe(
    ctx.db,
    ctx.org.id,
    pes.map((w) => w.staffRecordId),
  );
  const practiceEducators = pes.map((w) => {
    // A student supported: a placement naming them, or a payment to them (a PE since replaced).
    const students = new Map<string, { startDate: string; endDate: string | null }>();
    for (const t of placements.filter((t) => t.practiceEducatorStaffId === w.staffRecordId)) students.set(t.id, t);
    const own = payments.filter((p) => p.row.p.practiceEducatorStaffId === w.staffRecordId);
    for (const p of own) students.set(p.row.p.traineeId, { startDate: p.row.traineeStart, endDate: p.row.traineeEnd });
    const sums = { not_due: tally(), due: tally(), overdue: tally(), paid: tally() };
    for (const p of own) {
      sums[p.view.status].count += 1;
      sums[p.view.status].amount = Math.round((sums[p.view.status].amount + p.view.amount) * 100) / 100;
    }
    return {
      staffRecordId: w.staffRecordId,
      name: w.name,
      teamId: w.teamId,
      teamName: w.teamName,
      peStage: w.peStage,
      inPost: inPostOn(w, day),
      studentsThisYear: [...students.values()].filter((s) => inAcademicYearOf(s, day)).length,
      studentsEver: students.size,
      notDue: sums.not_due,
      due: sums.due,
      overdue: sums.overdue,
      paid: sums.paid,
    };
  });
  return {
    today: day,
    academicYear: academicYearOf(day),
    practiceEducators,
    payments: payments.map((p) => p.view).sort(byUrgency),
  };
}

/** Marks a payment paid on a day (or, with null, unpaid again after a mistake). */
export async function markPaymentPaid(ctx: OrgCtx, id: string, input: PaymentPaidInput) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findPayment(tx.db, tx.org.id, id);
    if (!row) throw notFound("payment");
    if (input.paidOn && input.paidOn > today(tx))
      throw invalid("paidOn", "The date paid cannot be in the future: enter the day it was paid");
    const after = await repo.updatePayment(tx.db, tx.org.id, id, { paidOn: input.paidOn });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "sw_pe_payment",
      entityId: id,
      before: auditPayment(row.p),
      after: auditPayment(after),
    });
    return presentPayment({ ...row, p: after }, today(tx));
  });
}

/** A worker's own payments as a practice educator, through their personal account. */
export async function myPracticeEducation(ctx: Ctx) {
  if (!ctx.actor.userId) return { payments: [] };
  const own = await ownStaffRecordIds(ctx.db, ctx.actor.userId);
  const rows = await repo.listPaymentsToStaff(ctx.db, own);
  return { payments: rows.map((r) => presentPayment(r, today(ctx))).sort(byUrgency) };
}
