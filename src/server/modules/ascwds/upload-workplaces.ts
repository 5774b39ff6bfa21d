// The workplace file of an upload: each workplace once, each CQC location with one workplace,
// and, once the staff file is read, the staff totals it declares.
import type { ProblemList } from "./problems";
import { type OpenSheet, readDataRows } from "./sheet-rows";
import type { ParsedUpload, UploadContext, UploadRefs } from "./upload-context";
import { workplaceRowReader } from "./workplace-file";

export function readWorkplaceSheet(
  p: OpenSheet,
  ctx: UploadContext,
  problems: ProblemList,
  out: ParsedUpload,
  refs: UploadRefs,
) {
  const { sheet, index } = p;
  out.hasWorkplaceFile = true;
  const readRow = workplaceRowReader(sheet.name, index, problems);
  const at = index.get("LOCALESTID") as number;
  readDataRows(p, problems, (row) => {
    const ref = (row.cells[at] ?? "").trim();
    const first = ref ? refs.workplaces.get(ref) : undefined;
    if (first !== undefined) {
      problems.add({
        file: sheet.name,
        line: row.line,
        column: "LOCALESTID",
        code: "workplace.LOCALESTID.duplicate",
        severity: "error",
        workplace: ref,
        message: `LOCALESTID "${ref}" is also on line ${first}: each workplace must appear once.`,
      });
      return;
    }
    if (ref) refs.workplaces.set(ref, row.line);
    const w = readRow(row);
    if (w) out.workplaces.push(w);
  });
  checkLocations(sheet.name, ctx, problems, out);
}

/** Each CQC location belongs to one workplace, here and in the hub. */
function checkLocations(file: string, ctx: UploadContext, problems: ProblemList, out: ParsedUpload) {
  const locations = new Map<string, string>();
  for (const w of out.workplaces) {
    const loc = w.values.cqcLocationId;
    if (!loc) continue;
    if (locations.has(loc))
      problems.add({
        file,
        line: w.line,
        column: "LOCATIONID",
        code: "workplace.LOCATIONID.duplicate",
        severity: "error",
        workplace: w.localRef,
        message: `LOCATIONID ${loc} is also given for workplace ${locations.get(loc)}: each CQC location belongs to one workplace.`,
      });
    else locations.set(loc, w.localRef);
    if (ctx.locationsElsewhere?.has(loc))
      problems.add({
        file,
        line: w.line,
        column: "LOCATIONID",
        code: "workplace.LOCATIONID.other_organisation",
        // A warning: when a home changes hands the old provider's record may lag behind, and
        // one provider must not be able to block another by claiming its location.
        severity: "warning",
        workplace: w.localRef,
        message: `LOCATIONID ${loc} is also given for a workplace of another organisation in the hub: check it against the CQC register. If the location has changed hands, tell your council's workforce hub team so the old record can be closed.`,
      });
  }
}

/** TOTALPERMTEMP against the permanent and temporary staff records in the staff file. */
export function checkDeclaredStaffTotals(workplaceFile: string, problems: ProblemList, out: ParsedUpload) {
  const employed = new Map<string, number>();
  for (const s of out.staff)
    if (s.values.contractType === 1 || s.values.contractType === 2)
      employed.set(s.workplaceRef, (employed.get(s.workplaceRef) ?? 0) + 1);
  for (const w of out.workplaces) {
    const n = employed.get(w.localRef) ?? 0;
    if (w.values.declaredStaffTotal !== null && w.values.declaredStaffTotal !== n) {
      problems.add({
        file: workplaceFile,
        line: w.line,
        column: "TOTALPERMTEMP",
        code: "workplace.TOTALPERMTEMP.mismatch",
        severity: "warning",
        workplace: w.localRef,
        message: `TOTALPERMTEMP is ${w.values.declaredStaffTotal} but the staff file has ${n} permanent or temporary staff records for this workplace: check both.`,
      });
    }
  }
}
