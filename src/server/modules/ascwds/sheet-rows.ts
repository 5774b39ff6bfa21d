// Reading a sheet's rows: a CSV syntax error or a NUL character becomes a problem, and past the
// row limit rows are only counted.
import { type CsvRow, CsvSyntaxError } from "./csv";
import { detectFile, FILE_LABELS, type FileKind } from "./headers";
import type { ProblemList } from "./problems";
import { undefuseRow } from "./row-reader";
import { LIMITS, type ParsedUpload, type SheetInput } from "./upload-context";

/** A sheet recognised by its header, its data rows still to read. */
export interface OpenSheet {
  sheet: SheetInput;
  kind: FileKind;
  index: Map<string, number>;
  header: string[];
  rows: Iterator<CsvRow>;
  file: ParsedUpload["files"][number];
}

/**
 * Reads a sheet's next row; a CSV syntax error becomes a problem and ends the sheet. A NUL
 * character (which PostgreSQL cannot store) is a problem on its cell, and taken out so that no
 * other message quotes it.
 */
export function nextRow(
  sheet: SheetInput,
  rows: Iterator<CsvRow>,
  problems: ProblemList,
  header?: string[],
): CsvRow | null {
  try {
    const next = rows.next();
    if (next.done) return null;
    const row = next.value;
    if (!sheet.noNul) takeOutNul(sheet, row, problems, header);
    return row;
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    problems.add({
      file: sheet.name,
      line: e.line,
      column: null,
      code: "upload.file.csv_syntax",
      severity: "error",
      message: `${sheet.name} could not be read: ${e.message}.`,
    });
    return null;
  }
}

function takeOutNul(sheet: SheetInput, row: CsvRow, problems: ProblemList, header?: string[]) {
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
}

/** Counts the rows left in a sheet that is not read. */
function countRemaining(sheet: SheetInput, rows: Iterator<CsvRow>, problems: ProblemList) {
  let n = 0;
  while (nextRow(sheet, rows, problems)) n++;
  return n;
}

/**
 * Recognises each sheet by its header row. Sheets that are empty, unrecognised or a second file
 * of a kind are reported (and their rows counted) here; the others are returned to be read.
 */
export function openSheets(sheets: SheetInput[], problems: ProblemList, out: ParsedUpload): OpenSheet[] {
  const seenKinds = new Map<FileKind, string>();
  const open: OpenSheet[] = [];
  for (const sheet of sheets) {
    const rows = sheet.rows[Symbol.iterator]();
    const header = nextRow(sheet, rows, problems);
    if (!header) {
      if (!problems.items.some((p) => p.file === sheet.name))
        problems.fileError(
          sheet.name,
          "upload",
          "empty",
          `${sheet.name} is empty: it needs the header row and at least one row of data.`,
        );
      out.files.push({ name: sheet.name, kind: null, rows: 0, encoding: sheet.encoding });
      continue;
    }
    const found = detectFile(header.cells);
    if ("reason" in found) {
      problems.add({
        file: sheet.name,
        line: 1,
        column: null,
        code: "upload.file.unrecognised",
        severity: "error",
        message: `${sheet.name} was not recognised: ${found.reason}`,
      });
      out.files.push({
        name: sheet.name,
        kind: null,
        rows: countRemaining(sheet, rows, problems),
        encoding: sheet.encoding,
      });
      continue;
    }
    const { kind, index } = found.detected;
    const file = { name: sheet.name, kind, rows: 0, encoding: sheet.encoding };
    out.files.push(file);
    if (seenKinds.has(kind)) {
      file.rows = countRemaining(sheet, rows, problems);
      problems.fileError(
        sheet.name,
        kind,
        "duplicate_file",
        `${sheet.name} is a second ${FILE_LABELS[kind]} (the first is ${seenKinds.get(kind)}): upload one of each.`,
      );
      continue;
    }
    seenKinds.set(kind, sheet.name);
    open.push({ sheet, kind, index, header: header.cells, rows, file });
  }
  return open;
}

/**
 * Hands each of a sheet's data rows to `read`, counting them. Past the row limit they are only
 * counted, for the message, and not checked.
 */
export function readDataRows(p: OpenSheet, problems: ProblemList, read: (row: CsvRow) => void) {
  for (
    let row = nextRow(p.sheet, p.rows, problems, p.header);
    row;
    row = nextRow(p.sheet, p.rows, problems, p.header)
  ) {
    p.file.rows++;
    if (p.file.rows <= LIMITS.rows) read(undefuseRow(row));
  }
  if (p.file.rows > LIMITS.rows)
    problems.fileError(
      p.sheet.name,
      p.kind,
      "too_many_rows",
      `${p.sheet.name} has ${p.file.rows.toLocaleString("en-GB")} rows: at most ${LIMITS.rows.toLocaleString("en-GB")} can be uploaded at once. Split it by workplace.`,
    );
}
