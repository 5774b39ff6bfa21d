import type { SupervisionView, WorkerSupervisionResponse } from "../../../shared/schemas/social-work-supervision";
import { SUPERVISION_TYPE_LABELS, type SupervisionType } from "../../../shared/social-work";
import type { SupervisionRow } from "./supervision.repo";
import type { SupervisionStatus } from "./supervision.service";

// What leaves about supervisions: who recorded one stays in; whether the reader may change it does.

export function presentSupervision(row: SupervisionRow, minMinutes: number, canChange: boolean): SupervisionView {
  return {
    id: row.id,
    staffRecordId: row.staffRecordId,
    heldOn: row.heldOn,
    supervisorStaffId: row.supervisorStaffId,
    supervisorName: row.supervisorName ?? null,
    type: row.type,
    typeLabel: SUPERVISION_TYPE_LABELS[row.type as SupervisionType] ?? row.type,
    minutes: row.minutes,
    short: row.minutes !== null && row.minutes < minMinutes,
    actions: row.actions,
    canChange,
  };
}

export function presentWorkerSupervision(
  x: { status: SupervisionStatus | null; supervisions: SupervisionRow[]; minMinutes: number },
  canChange: (row: SupervisionRow) => boolean,
): WorkerSupervisionResponse {
  return {
    status: x.status,
    supervisions: x.supervisions.map((s) => presentSupervision(s, x.minMinutes, canChange(s))),
  };
}
