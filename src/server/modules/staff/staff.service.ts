import { LEAVING_DESTINATIONS } from "../../../shared/ascwds/codes";
import { longDate } from "../../../shared/dates";
import { inTransaction, type OrgCtx } from "../../context";
import { badRequest, conflict, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./staff.repo";

export const listStaff = (ctx: OrgCtx, filter: repo.StaffFilter) => repo.findStaff(ctx.db, ctx.org.id, filter);
export const listWorkplaces = (ctx: OrgCtx) => repo.listWorkplaces(ctx.db, ctx.org.id);

/**
 * Records that someone has left: the record is kept, with the date, reason and where they went.
 * `latest`: the latest leaving date allowed (today unless a caller takes dates ahead, as the social
 * work service does for a resignation with notice; the record stays in post until then).
 */
export async function recordLeaver(
  ctx: OrgCtx,
  id: string,
  input: { leavingDate: string; reason: number },
  latest?: { date: string; message: string },
) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findStaffRecord(tx.db, tx.org.id, id);
    if (!before) throw notFound("staff record");
    if (before.endDate)
      throw conflict(
        "already_left",
        `${before.displayId} is already recorded as leaving on ${longDate(before.endDate)}.`,
      );
    if (input.leavingDate < before.startDate)
      throw badRequest(
        "validation",
        `The leaving date must be on or after the day they started, ${longDate(before.startDate)}.`,
        [{ path: "leavingDate", message: `Enter a date on or after ${longDate(before.startDate)}, when they started` }],
      );
    if (latest && input.leavingDate > latest.date)
      throw badRequest("validation", latest.message, [{ path: "leavingDate", message: latest.message }]);
    if (!latest && input.leavingDate > isoDate(tx.deps.now()))
      throw badRequest(
        "validation",
        "The leaving date cannot be in the future: record the leaver on or after the day they go.",
        [{ path: "leavingDate", message: "Enter today or an earlier date" }],
      );
    const after = {
      endDate: input.leavingDate,
      leavingReason: input.reason,
      leavingDestination: LEAVING_DESTINATIONS[input.reason] ?? null,
    };
    await repo.markLeaver(tx.db, tx.org.id, id, { ...after, updatedAt: tx.deps.now() });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "staff_record",
      entityId: id,
      before: { endDate: null, leavingReason: null },
      after,
    });
    return { ...before, ...after };
  });
}
