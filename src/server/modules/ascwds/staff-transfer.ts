// Moving a staff record to another workplace (TRANSFERSTAFFRECORD) within an upload.
import type { ProblemList } from "./problems";
import type { StaffIn } from "./staff-record";
import { staffKey, staffLine, type UploadContext, type UploadRefs } from "./upload-context";

/**
 * TRANSFERSTAFFRECORD: the workplace must exist, the record must exist at LOCALESTID (or have
 * been moved already), and nobody current, or moving, may hold the reference there. Returns false
 * when the row cannot be used.
 */
export function checkTransfer(
  s: StaffIn,
  at: { file: string; line: number },
  refs: UploadRefs,
  moving: Map<string, number>,
  ctx: UploadContext,
  problems: ProblemList,
) {
  const to = s.transferTo as string;
  const ref = s.newLocalRef ?? s.localRef;
  const problem = (code: string, message: string) => {
    problems.add({
      ...at,
      column: "TRANSFERSTAFFRECORD",
      code: `staff.TRANSFERSTAFFRECORD.${code}`,
      severity: "error",
      workplace: s.workplaceRef,
      staff: s.localRef,
      message,
    });
    return false;
  };
  if (!refs.workplaces.has(to) && !ctx.existingWorkplaces.has(to))
    return problem(
      "unknown_workplace",
      `TRANSFERSTAFFRECORD "${to}" is not a workplace in this upload's workplace file or in your organisation: give the LOCALESTID of the workplace the person moves to.`,
    );
  const here = ctx.existingStaff.has(staffKey(s.workplaceRef, s.localRef));
  const there = ctx.existingStaff.has(staffKey(to, ref));
  if (!here && !there)
    return problem(
      "no_record",
      `There is no current staff record "${s.localRef}" at workplace "${s.workplaceRef}" to move: add the record first (STATUS NEW, without TRANSFERSTAFFRECORD), or check both references.`,
    );
  if (here && (there || staffLine(refs, to, ref) !== undefined))
    return problem(
      "clash",
      `Workplace "${to}" already has a staff record "${ref}": give the moving record a new reference in CHGUNIQUEWRKID, or change the other one.`,
    );
  const other = moving.get(staffKey(to, ref));
  if (other)
    return problem(
      "duplicate",
      `Line ${other} also moves a staff record "${ref}" to workplace "${to}": references must stay unique at a workplace.`,
    );
  moving.set(staffKey(to, ref), at.line);
  return true;
}
