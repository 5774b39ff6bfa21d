// The training file of an upload: each record belongs to a staff record, in the staff file or stored.
import type { ProblemList } from "./problems";
import { type OpenSheet, readDataRows } from "./sheet-rows";
import { trainingRowReader } from "./training-file";
import { type ParsedUpload, staffKey, staffLine, type UploadContext, type UploadRefs } from "./upload-context";

export function readTrainingSheet(
  p: OpenSheet,
  ctx: UploadContext,
  problems: ProblemList,
  out: ParsedUpload,
  refs: UploadRefs,
) {
  const { sheet, index } = p;
  out.hasTrainingFile = true;
  const readRow = trainingRowReader(sheet.name, index, problems, ctx.asAt);
  const wpAt = index.get("LOCALESTID") as number;
  const refAt = index.get("UNIQUEWORKERID") as number;
  readDataRows(p, problems, (row) => {
    const wp = (row.cells[wpAt] ?? "").trim();
    const ref = (row.cells[refAt] ?? "").trim();
    if (wp && ref) {
      // Staff rows that failed their checks still count as present.
      if (
        staffLine(refs, wp, ref) === undefined &&
        !refs.moved.has(staffKey(wp, ref)) &&
        !ctx.existingStaff.has(staffKey(wp, ref))
      ) {
        problems.add({
          file: sheet.name,
          line: row.line,
          column: "UNIQUEWORKERID",
          code: "training.UNIQUEWORKERID.unknown_staff",
          severity: "error",
          workplace: wp,
          staff: ref,
          message: `There is no staff record "${ref}" at workplace "${wp}" in the staff file or in your organisation: training must belong to a staff record. Check both references.`,
        });
        return;
      }
    }
    const t = readRow(row);
    if (t) out.training.push(t);
  });
}
