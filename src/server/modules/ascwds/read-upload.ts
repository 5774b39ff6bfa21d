// Reading an upload: its files recognised by their headers, then read in the order they refer to
// each other (workplaces, staff, training), each row checked and turned into a record.
import { csvRows, decode, looksBinary } from "./csv";
import type { FileKind } from "./headers";
import { ProblemList } from "./problems";
import { openSheets } from "./sheet-rows";
import {
  LIMITS,
  type ParsedUpload,
  type SheetInput,
  type UploadContext,
  type UploadFile,
  type UploadRefs,
} from "./upload-context";
import { readStaffSheet } from "./upload-staff";
import { readTrainingSheet } from "./upload-training";
import { checkDeclaredStaffTotals, readWorkplaceSheet } from "./upload-workplaces";

export {
  LIMITS,
  type ParsedUpload,
  type SheetInput,
  staffKey,
  type UploadContext,
  type UploadFile,
} from "./upload-context";

/** Turns uploaded CSV files into sheets, refusing what is not a readable CSV with a clear message. */
export function csvSheets(files: UploadFile[], problems: ProblemList): SheetInput[] {
  const sheets: SheetInput[] = [];
  for (const f of files) {
    if (f.bytes.length > LIMITS.fileBytes) {
      problems.fileError(
        f.name,
        "upload",
        "too_large",
        `${f.name} is ${(f.bytes.length / 1048576).toFixed(1)} MB: files can be at most ${LIMITS.fileBytes / 1048576} MB. Split the staff file by workplace.`,
      );
      continue;
    }
    if (looksBinary(f.bytes)) {
      problems.fileError(
        f.name,
        "upload",
        "not_csv",
        `${f.name} is not a CSV text file. Upload the ASC-WDS CSV files, or an Excel workbook (.xlsx) with one sheet per file.`,
      );
      continue;
    }
    const { text, encoding } = decode(f.bytes);
    sheets.push({ name: f.name, rows: csvRows(text), encoding, noNul: !text.includes("\u0000") });
  }
  return sheets;
}

/** Validates the sheets of an upload: every row, then the rules that join the files together. */
export function readUpload(sheets: SheetInput[], ctx: UploadContext, problems = new ProblemList()): ParsedUpload {
  const out: ParsedUpload = {
    files: [],
    workplaces: [],
    staff: [],
    training: [],
    hasWorkplaceFile: false,
    hasStaffFile: false,
    hasTrainingFile: false,
    problems: problems.items,
    errors: 0,
    warnings: 0,
  };
  const open = openSheets(sheets, problems, out);
  // Workplaces first: the staff and training files refer to them.
  const order: FileKind[] = ["workplace", "staff", "training"];
  open.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const refs: UploadRefs = { workplaces: new Map(), staff: new Map(), moved: new Set() };
  for (const p of open) {
    if (p.kind === "workplace") readWorkplaceSheet(p, ctx, problems, out, refs);
    else if (p.kind === "staff") {
      readStaffSheet(p, ctx, problems, out, refs);
      if (out.hasWorkplaceFile) checkDeclaredStaffTotals(open[0].sheet.name, problems, out);
    } else readTrainingSheet(p, ctx, problems, out, refs);
  }
  if (!open.length && !problems.errors)
    problems.fileError(
      "(upload)",
      "upload",
      "no_files",
      "No ASC-WDS files were found in the upload: add the workplace, staff or training file.",
    );
  out.errors = problems.errors;
  out.warnings = problems.warnings;
  return out;
}
