import { type CsvRow, CsvSyntaxError, csvRows, decode, looksBinary } from "./csv";
import { detectFile, FILE_LABELS, type FileKind } from "./headers";
import { type Problem, ProblemList } from "./problems";
import { undefuseRow } from "./row-reader";
import { readStaffRow, type StaffIn } from "./staff-file";
import { readTrainingRow, type TrainingIn } from "./training-file";
import { readWorkplaceRow, type WorkplaceIn } from "./workplace-file";

export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  rows: 250_000,
  files: 3,
};

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Rows split into cells, header first, from CSV text (read as they are needed) or from a sheet
 * of an XLSX workbook.
 */
export interface SheetInput {
  name: string;
  rows: Iterable<CsvRow>;
  encoding: string;
}

export interface UploadContext {
  asAt: string;
  allowExampleNi: boolean;
  /** The organisation's existing workplace and staff references, for files that refer to them. */
  existingWorkplaces: Set<string>;
  existingStaff: Set<string>; // `${workplaceRef}\u0000${staffRef}`
  /** CQC location IDs held by other organisations' workplaces: a location belongs to one provider. */
  locationsElsewhere?: Set<string>;
}

export interface ParsedUpload {
  files: { name: string; kind: FileKind | null; rows: number; encoding: string }[];
  workplaces: WorkplaceIn[];
  staff: StaffIn[];
  training: TrainingIn[];
  hasWorkplaceFile: boolean;
  hasStaffFile: boolean;
  hasTrainingFile: boolean;
  problems: Problem[];
  errors: number;
  warnings: number;
}

export const staffKey = (workplaceRef: string, staffRef: string) => `${workplaceRef}\u0000${staffRef}`;

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
      problems.fileError(f.name, "upload", "not_csv", `${f.name} is not a CSV text file. Upload the ASC-WDS CSV files, or an Excel workbook (.xlsx) with one sheet per file.`);
      continue;
    }
    const { text, encoding } = decode(f.bytes);
    sheets.push({ name: f.name, rows: csvRows(text), encoding });
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
  const seenKinds = new Map<FileKind, string>();
  const pending: { sheet: SheetInput; kind: FileKind; index: Map<string, number>; header: string[]; rows: Iterator<CsvRow>; file: ParsedUpload["files"][number] }[] = [];

  /**
   * Reads a sheet's next row; a CSV syntax error becomes a problem and ends the sheet. A NUL
   * character (which PostgreSQL cannot store) is a problem on its cell, and taken out so that no
   * other message quotes it.
   */
  const nextRow = (sheet: SheetInput, rows: Iterator<CsvRow>, header?: string[]): CsvRow | null => {
    try {
      const next = rows.next();
      if (next.done) return null;
      const row = next.value;
      for (let i = 0; i < row.cells.length; i++) {
        if (!row.cells[i].includes("\u0000")) continue;
        row.cells[i] = row.cells[i].replaceAll("\u0000", "");
        const column = header?.[i]?.trim() || `column ${i + 1}`;
        problems.add({
          file: sheet.name,
          line: row.line,
          column: header?.[i]?.trim() || null,
          code: "upload.cell.nul",
          severity: "error",
          message: `${column} on line ${row.line} contains a NUL character (U+0000), which the hub cannot store. Retype that cell, or save the file again as "CSV UTF-8", and upload it again.`,
        });
      }
      return row;
    } catch (e) {
      if (!(e instanceof CsvSyntaxError)) throw e;
      problems.add({ file: sheet.name, line: e.line, column: null, code: "upload.file.csv_syntax", severity: "error", message: `${sheet.name} could not be read: ${e.message}.` });
      return null;
    }
  };
  const remaining = (sheet: SheetInput, rows: Iterator<CsvRow>) => {
    let n = 0;
    while (nextRow(sheet, rows)) n++;
    return n;
  };

  for (const sheet of sheets) {
    const rows = sheet.rows[Symbol.iterator]();
    const header = nextRow(sheet, rows);
    if (!header) {
      if (!problems.items.some((p) => p.file === sheet.name))
        problems.fileError(sheet.name, "upload", "empty", `${sheet.name} is empty: it needs the header row and at least one row of data.`);
      out.files.push({ name: sheet.name, kind: null, rows: 0, encoding: sheet.encoding });
      continue;
    }
    const found = detectFile(header.cells);
    if ("reason" in found) {
      problems.add({ file: sheet.name, line: 1, column: null, code: "upload.file.unrecognised", severity: "error", message: `${sheet.name} was not recognised: ${found.reason}` });
      out.files.push({ name: sheet.name, kind: null, rows: remaining(sheet, rows), encoding: sheet.encoding });
      continue;
    }
    const { kind, index } = found.detected;
    const file = { name: sheet.name, kind, rows: 0, encoding: sheet.encoding };
    out.files.push(file);
    if (seenKinds.has(kind)) {
      file.rows = remaining(sheet, rows);
      problems.fileError(sheet.name, kind, "duplicate_file", `${sheet.name} is a second ${FILE_LABELS[kind]} (the first is ${seenKinds.get(kind)}): upload one of each.`);
      continue;
    }
    seenKinds.set(kind, sheet.name);
    pending.push({ sheet, kind, index, header: header.cells, rows, file });
  }

  /**
   * A sheet's data rows, counted as they are read. Past the row limit they are only counted,
   * for the message, and not checked.
   */
  function* dataRows(p: (typeof pending)[number]): Generator<CsvRow> {
    for (let row = nextRow(p.sheet, p.rows, p.header); row; row = nextRow(p.sheet, p.rows, p.header)) {
      p.file.rows++;
      if (p.file.rows <= LIMITS.rows) yield undefuseRow(row);
    }
    if (p.file.rows > LIMITS.rows)
      problems.fileError(
        p.sheet.name,
        p.kind,
        "too_many_rows",
        `${p.sheet.name} has ${p.file.rows.toLocaleString("en-GB")} rows: at most ${LIMITS.rows.toLocaleString("en-GB")} can be uploaded at once. Split it by workplace.`,
      );
  }

  // Workplaces first: the staff and training files refer to them.
  const order: FileKind[] = ["workplace", "staff", "training"];
  pending.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const workplaceRefs = new Map<string, number>();
  const staffRefs = new Map<string, number>();
  const staffRowsSeen = new Set<string>(); // rows that failed validation still count as present for the training check

  for (const p of pending) {
    const { sheet, kind, index } = p;
    if (kind === "workplace") {
      out.hasWorkplaceFile = true;
      for (const row of dataRows(p)) {
        const ref = (row.cells[index.get("LOCALESTID") as number] ?? "").trim();
        if (ref && workplaceRefs.has(ref)) {
          problems.add({
            file: sheet.name,
            line: row.line,
            column: "LOCALESTID",
            code: "workplace.LOCALESTID.duplicate",
            severity: "error",
            workplace: ref,
            message: `LOCALESTID "${ref}" is also on line ${workplaceRefs.get(ref)}: each workplace must appear once.`,
          });
          continue;
        }
        if (ref) workplaceRefs.set(ref, row.line);
        const w = readWorkplaceRow(sheet.name, row, index, problems);
        if (w) out.workplaces.push(w);
      }
      const locations = new Map<string, string>();
      for (const w of out.workplaces) {
        const loc = w.values.cqcLocationId;
        if (!loc) continue;
        if (locations.has(loc))
          problems.add({
            file: sheet.name,
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
            file: sheet.name,
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
    } else if (kind === "staff") {
      out.hasStaffFile = true;
      const ctxStaff = { asAt: ctx.asAt, allowExampleNi: ctx.allowExampleNi };
      const niSeen = new Map<string, number>();
      const moving = new Map<string, number>();
      for (const row of dataRows(p)) {
        const wp = (row.cells[index.get("LOCALESTID") as number] ?? "").trim();
        const ref = (row.cells[index.get("UNIQUEWORKERID") as number] ?? "").trim();
        const key = staffKey(wp, ref);
        if (wp && ref && staffRefs.has(key)) {
          problems.add({
            file: sheet.name,
            line: row.line,
            column: "UNIQUEWORKERID",
            code: "staff.UNIQUEWORKERID.duplicate",
            severity: "error",
            workplace: wp,
            staff: ref,
            message: `UNIQUEWORKERID "${ref}" at workplace "${wp}" is also on line ${staffRefs.get(key)}: each staff record must appear once per workplace.`,
          });
          continue;
        }
        if (wp && ref) {
          staffRefs.set(key, row.line);
          staffRowsSeen.add(key);
        }
        if (wp && !workplaceRefs.has(wp) && !ctx.existingWorkplaces.has(wp)) {
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
          continue;
        }
        const s = readStaffRow(sheet.name, row, index, problems, ctxStaff);
        if (!s) continue;
        if (s.transferTo && !checkTransfer(s, { file: sheet.name, line: row.line }, workplaceRefs, staffRefs, moving, ctx, problems)) continue;
        // Moved by an earlier upload of the same file: the record is at its new workplace now.
        if (s.transferTo && !ctx.existingStaff.has(key)) {
          s.workplaceRef = s.transferTo;
          s.transferTo = null;
          staffRowsSeen.add(staffKey(s.workplaceRef, ref));
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
      }
      // TOTALPERMTEMP against the permanent and temporary staff records in the file.
      if (out.hasWorkplaceFile) {
        const employed = new Map<string, number>();
        for (const s of out.staff) if (s.values.contractType === 1 || s.values.contractType === 2) employed.set(s.workplaceRef, (employed.get(s.workplaceRef) ?? 0) + 1);
        for (const w of out.workplaces) {
          const n = employed.get(w.localRef) ?? 0;
          if (w.values.declaredStaffTotal !== null && w.values.declaredStaffTotal !== n) {
            problems.add({
              file: seenKinds.get("workplace") as string,
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
    } else {
      out.hasTrainingFile = true;
      for (const row of dataRows(p)) {
        const wp = (row.cells[index.get("LOCALESTID") as number] ?? "").trim();
        const ref = (row.cells[index.get("UNIQUEWORKERID") as number] ?? "").trim();
        const key = staffKey(wp, ref);
        if (wp && ref && !staffRowsSeen.has(key) && !ctx.existingStaff.has(key)) {
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
          continue;
        }
        const t = readTrainingRow(sheet.name, row, index, problems, ctx.asAt);
        if (t) out.training.push(t);
      }
    }
  }
  if (!pending.length && !problems.errors)
    problems.fileError("(upload)", "upload", "no_files", "No ASC-WDS files were found in the upload: add the workplace, staff or training file.");
  out.errors = problems.errors;
  out.warnings = problems.warnings;
  return out;
}

/**
 * TRANSFERSTAFFRECORD: the workplace must exist, the record must exist at LOCALESTID (or have
 * been moved already), and nobody current, or moving, may hold the reference there. Returns false
 * when the row cannot be used.
 */
function checkTransfer(
  s: StaffIn,
  at: { file: string; line: number },
  workplaceRefs: Map<string, number>,
  staffRefs: Map<string, number>,
  moving: Map<string, number>,
  ctx: UploadContext,
  problems: ProblemList,
) {
  const to = s.transferTo as string;
  const ref = s.newLocalRef ?? s.localRef;
  const problem = (code: string, message: string) => {
    problems.add({ ...at, column: "TRANSFERSTAFFRECORD", code: `staff.TRANSFERSTAFFRECORD.${code}`, severity: "error", workplace: s.workplaceRef, staff: s.localRef, message });
    return false;
  };
  if (!workplaceRefs.has(to) && !ctx.existingWorkplaces.has(to))
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
  if (here && (there || staffRefs.has(staffKey(to, ref))))
    return problem("clash", `Workplace "${to}" already has a staff record "${ref}": give the moving record a new reference in CHGUNIQUEWRKID, or change the other one.`);
  const other = moving.get(staffKey(to, ref));
  if (other) return problem("duplicate", `Line ${other} also moves a staff record "${ref}" to workplace "${to}": references must stay unique at a workplace.`);
  moving.set(staffKey(to, ref), at.line);
  return true;
}
