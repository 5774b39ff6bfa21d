// The training file of an upload: each record belongs to a staff record, in the staff file or stored.
import type { ProblemList } from "./problems";
import { type OpenSheet, readDataRows } from "./sheet-rows";
import { trainingRowReader } from "./training-file";
import { type ParsedUpload, staffKey, type UploadContext, type UploadRefs } from "./upload-context";

export function readTrainingSheet(p: OpenSheet, ctx: UploadContext, problems: ProblemList, out: ParsedUpload, refs: UploadRefs) {
  const { sheet, index } = p;
  out.hasTrainingFile = true;
  const readRow = trainingRowReader(sheet.name, index, problems, ctx.asAt);
  const wpAt = index.get("LOCALESTID") as number;
  const refAt = index.get("UNIQUEWORKERID") as number;
  readDataRows(p, problems, (row) => {
    const wp = (row.cells[wpAt] ?? "").trim();
    const ref = (row.cells[refAt] ?? "").trim();
    if (wp && ref) {
      const key = staffKey(wp, ref);
      // Staff rows that failed their checks still count as present.
      if (!refs.staff.has(key) && !refs.moved.has(key) && !ctx.existingStaff.has(key)) {
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
