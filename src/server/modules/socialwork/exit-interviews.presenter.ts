import type { LeaverView } from "../../../shared/schemas/exit-interviews";
import type { LeaverRow } from "./exit-interviews.repo";

// What an employer sees of its leavers' exit interviews: the status, and the comments only where
// the leaver agreed to share them (never the reasons of one person: those are only collated).

export function presentLeaver(r: LeaverRow, today: string): LeaverView {
  const i = r.interview;
  const status: LeaverView["status"] = !i
    ? "not_offered"
    : i.completedOn
      ? "answered"
      : i.declinedOn
        ? "declined"
        : i.expiresOn < today
          ? "expired"
          : "offered";
  return {
    staffRecordId: r.staffRecordId,
    name: r.name,
    group: r.teamName ?? r.workplaceName,
    leftOn: r.leftOn as string,
    status,
    offeredOn: i?.offeredOn ?? null,
    expiresOn: i?.expiresOn ?? null,
    sharedComments: i?.completedOn && i.shareWithEmployer && i.comments ? i.comments : null,
  };
}
