// The staff file of an upload: each record once per workplace, at a workplace that exists, moved
// only where it can be, and an NI number repeated only with a warning.
import type { ProblemList } from "./problems";
import { type OpenSheet, readDataRows } from "./sheet-rows";
import { staffRowReader } from "./staff-file";
import { checkTransfer } from "./staff-transfer";
import {
  addStaffLine,
  type ParsedUpload,
  staffKey,
  staffLine,
  type UploadContext,
  type UploadRefs,
} from "./upload-context";

export function readStaffSheet(
  p: OpenSheet,
  ctx: UploadContext,
  problems: ProblemList,
  out: ParsedUpload,
  refs: UploadRefs,
) {
  const { sheet, index } = p;
  out.hasStaffFile = true;
  const readRow = staffRowReader(sheet.name, index, problems, { asAt: ctx.asAt, allowExampleNi: ctx.allowExampleNi });
  const niSeen = new Map<string, number>();
  const moving = new Map<string, number>();
  const wpAt = index.get("LOCALESTID") as number;
  const refAt = index.get("UNIQUEWORKERID") as number;
  readDataRows(p, problems, (row) => {
    const wp = (row.cells[wpAt] ?? "").trim();
    const ref = (row.cells[refAt] ?? "").trim();
    if (wp && ref) {
      const first = staffLine(refs, wp, ref);
      if (first !== undefined) {
        problems.add({
          file: sheet.name,
          line: row.line,
          column: "UNIQUEWORKERID",
          code: "staff.UNIQUEWORKERID.duplicate",
          severity: "error",
          workplace: wp,
          staff: ref,
          message: `UNIQUEWORKERID "${ref}" at workplace "${wp}" is also on line ${first}: each staff record must appear once per workplace.`,
        });
        return;
      }
      addStaffLine(refs, wp, ref, row.line);
    }
    if (wp && !refs.workplaces.has(wp) && !ctx.existingWorkplaces.has(wp)) {
      problems.add({
        file: sheet.name,
        line: row.line,
        column: "LOCALESTID",
        code: "staff.LOCALESTID.unknown_workplace",
        severity: "error",
        workplace: wp,
        staff: ref || undefined,
        message: `LOCALESTID "${wp}" is not a workplace in this upload's workplace file or in your organisation: check the reference, or add the workplace to the workplace file.`,
      });
      return;
    }
    const s = readRow(row);
    if (!s) return;
    if (s.transferTo) {
      if (!checkTransfer(s, { file: sheet.name, line: row.line }, refs, moving, ctx, problems)) return;
      // Moved by an earlier upload of the same file: the record is at its new workplace now.
      if (!ctx.existingStaff.has(staffKey(wp, ref))) {
        s.workplaceRef = s.transferTo;
        s.transferTo = null;
        refs.moved.add(staffKey(s.workplaceRef, ref));
      }
    }
    if (s.ni && s.ni !== "keep") {
      const first = niSeen.get(s.ni);
      if (first)
        problems.add({
          file: sheet.name,
          line: row.line,
          column: "NINUMBER",
          code: "staff.NINUMBER.repeated",
          severity: "warning",
          workplace: wp,
          staff: ref,
          message: `NINUMBER is the same as on line ${first}. That is right only if one person holds two jobs here; otherwise correct it.`,
        });
      else niSeen.set(s.ni, row.line);
    }
    out.staff.push(s);
  });
}
