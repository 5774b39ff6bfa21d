import { type RowReader, STATUSES, sharedStatus, upperCase } from "./row-reader";
import type { StaffColumns } from "./staff-columns";
import type { StaffDraft } from "./staff-record";

/** The record's references, its STATUS, a move to another workplace and the name it is known by. */
export function readStaffIdentity(r: RowReader, c: StaffColumns, s: StaffDraft) {
  const workplaceRef = r.text(c.LOCALESTID, 50, "the workplace's reference (as in the workplace file)");
  if (workplaceRef) r.workplaceRef = workplaceRef;
  s.workplaceRef = workplaceRef;
  s.localRef = r.text(c.UNIQUEWORKERID, 50, "your reference for this staff record");
  if (s.localRef) r.staffRef = s.localRef;
  if (c.CHGUNIQUEWRKID.at >= 0) s.newLocalRef = r.text(c.CHGUNIQUEWRKID, 50);
  // Moving to the workplace it is at already is not a move.
  const moveTo = c.TRANSFERSTAFFRECORD.at >= 0 ? r.text(c.TRANSFERSTAFFRECORD, 50) : null;
  const transferTo = moveTo && moveTo !== workplaceRef ? moveTo : null;
  s.transferTo = transferTo;
  const status = upperCase(r.raw(c.STATUS));
  s.status = sharedStatus(status);
  if (!STATUSES.has(status))
    r.error(
      c.STATUS,
      "invalid",
      `STATUS "${r.raw(c.STATUS)}" is not recognised: use NEW, UPDATE, UNCHECKED, NOCHANGE or DELETE.`,
    );
  if (transferTo && (status === "NEW" || status === "DELETE"))
    r.error(
      c.TRANSFERSTAFFRECORD,
      "status",
      `TRANSFERSTAFFRECORD moves a staff record that exists already, but STATUS is ${status}: use UPDATE (or UNCHECKED) to move it, or leave TRANSFERSTAFFRECORD blank.`,
    );
  s.values.displayId = r.text(c.DISPLAYID, 50, "the person's name or an ID you know them by");
}
