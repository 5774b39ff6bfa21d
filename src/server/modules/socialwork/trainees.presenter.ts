import type { PePaymentView, TraineeDetail, TraineeSummary } from "../../../shared/schemas/social-work-routes-in";
import { TRAINEE_ROUTE_LABELS, type TraineeRoute, type TraineeStatus } from "../../../shared/social-work";
import {
  commitmentOf,
  type EsgRates,
  esgDue,
  REPAYMENT_TERMS,
  type RepaymentTerms,
} from "../../../shared/sw-routes-in";
import type { TraineeListRow } from "./trainees.repo";

// What leaves the server of a trainee: the summary a list shows (with the ESG the placement
// earns at the council's rates) and the detail page's whole record (the worker they became,
// their commitment to stay and any repayment owed, and the practice educators' payments).

export const presentTraineeSummary = (row: TraineeListRow, rates: EsgRates): TraineeSummary => ({
  id: row.t.id,
  route: row.t.route as TraineeRoute,
  routeLabel: TRAINEE_ROUTE_LABELS[row.t.route as TraineeRoute] ?? row.t.route,
  name: row.t.name,
  teamId: row.t.teamId,
  teamName: row.teamName,
  university: row.t.university,
  programme: row.t.programme,
  cohort: row.t.cohort,
  startDate: row.t.startDate,
  endDate: row.t.endDate,
  placementDays: row.t.placementDays,
  status: row.t.status as TraineeStatus,
  qualifiedOn: row.t.qualifiedOn,
  practiceEducatorName: row.practiceEducatorName,
  joined: row.t.staffRecordId !== null,
  cost: row.t.cost,
  esgAmount: row.t.esgAmount,
  esgDue: esgDue(row.t, rates),
});

/** A trainee's commitment to stay (sw-routes-in.ts commitmentOf), from the worker they became. */
export const commitmentOfRow = (row: TraineeListRow) =>
  commitmentOf({
    cost: row.t.cost,
    commitmentMonths: row.t.commitmentMonths,
    repaymentTerms: row.t.repaymentTerms,
    status: row.t.status,
    joinedOn: row.t.staffRecordId ? row.joinedStart : null,
    leftOn: row.t.staffRecordId ? row.joinedEnd : null,
  });

export const presentTraineeDetail = (
  row: TraineeListRow,
  rates: EsgRates,
  payments: PePaymentView[],
): TraineeDetail => ({
  ...presentTraineeSummary(row, rates),
  skillsDays: row.t.skillsDays,
  practiceEducatorStaffId: row.t.practiceEducatorStaffId,
  esgClaimedOn: row.t.esgClaimedOn,
  commitmentMonths: row.t.commitmentMonths,
  repaymentTerms: (REPAYMENT_TERMS as readonly string[]).includes(row.t.repaymentTerms)
    ? (row.t.repaymentTerms as RepaymentTerms)
    : "none",
  staffRecordId: row.t.staffRecordId,
  joinedWorker:
    row.t.staffRecordId && row.joinedName && row.joinedStart
      ? { staffRecordId: row.t.staffRecordId, name: row.joinedName, startDate: row.joinedStart, endDate: row.joinedEnd }
      : null,
  commitment: commitmentOfRow(row),
  payments,
});
