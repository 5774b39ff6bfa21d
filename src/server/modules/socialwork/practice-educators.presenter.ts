import type { PePaymentView } from "../../../shared/schemas/social-work-routes-in";
import { pePaymentOverdueFrom, pePaymentStatus } from "../../../shared/sw-routes-in";
import type { PaymentListRow } from "./practice-educators.repo";

// What leaves the server of a practice educator's payment: the student and PE by name, the
// amount, when it falls due and becomes overdue, and its status on the day (sw-routes-in.ts).

export const presentPayment = (row: PaymentListRow, today: string): PePaymentView => ({
  id: row.p.id,
  traineeId: row.p.traineeId,
  traineeName: row.traineeName,
  practiceEducatorStaffId: row.p.practiceEducatorStaffId,
  practiceEducatorName: row.practiceEducatorName,
  amount: row.p.amount,
  dueOn: row.p.dueOn,
  overdueFrom: pePaymentOverdueFrom(row.p.dueOn),
  paidOn: row.p.paidOn,
  status: pePaymentStatus(row.p, today),
});

const ORDER = { overdue: 0, due: 1, not_due: 2, paid: 3 } as const;

/** Overdue first, then due, not yet due and paid; within each, the earliest due first. */
export const byUrgency = (a: PePaymentView, b: PePaymentView) =>
  ORDER[a.status] - ORDER[b.status] || a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id);
