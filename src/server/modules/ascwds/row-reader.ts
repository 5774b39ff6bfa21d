import { formulaMessage, startsLikeFormula, undefuseCell } from "../../../shared/text";
import type { CsvRow } from "./csv";
import type { FileKind } from "./headers";
import type { ProblemList, Severity } from "./problems";

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Columns people write in words (names, addresses, descriptions, notes), where a formula is refused. */
const FREE_TEXT = new Set([
  "ESTNAME",
  "ADDRESS1",
  "ADDRESS2",
  "ADDRESS3",
  "POSTTOWN",
  "OTHERTYPE",
  "SERVICEDESC",
  "OTHERUSERDESC",
  "CWPUSEDESC",
  "DISPLAYID",
  "MAINJRDESC",
  "TRAININGNAME",
  "NOTES",
]);
export const isFreeTextColumn = (column: string) => FREE_TEXT.has(column) || /^QUALACH\d+NOTES$/.test(column);

/** Each file's free-text columns and their positions, worked out once per header. */
const freeTextOf = new WeakMap<Map<string, number>, [string, number][]>();

/**
 * Takes off the apostrophe that files the hub writes put before text starting like a formula
 * (shared/text.ts `defuseCell`), remembering which cells had it: those were written as text on
 * purpose, so the formula check lets them through.
 */
export function undefuseRow(row: CsvRow): CsvRow {
  for (let i = 0; i < row.cells.length; i++) {
    const cell = row.cells[i];
    if (cell.charCodeAt(0) !== 39 /* ' */) continue;
    const value = undefuseCell(cell);
    if (value === cell) continue;
    row.cells[i] = value;
    row.escaped ??= new Set();
    row.escaped.add(i);
  }
  return row;
}

/** Reads one row's cells by column name and records problems with stable codes. */
export class RowReader {
  workplaceRef = "";
  staffRef = "";
  constructor(
    private file: string,
    private kind: FileKind,
    private row: CsvRow,
    private index: Map<string, number>,
    private problems: ProblemList,
  ) {
    let columns = freeTextOf.get(index);
    if (!columns) {
      columns = [...index].filter(([column]) => isFreeTextColumn(column));
      freeTextOf.set(index, columns);
    }
    // Spreadsheets run a cell starting with =, +, @ as a formula: refused in words people typed.
    for (const [column, i] of columns) if (!row.escaped?.has(i) && startsLikeFormula((row.cells[i] ?? "").trim())) this.error(column, "formula", formulaMessage(column));
  }

  get line() {
    return this.row.line;
  }

  /** The trimmed cell, or "" when blank or absent. */
  raw(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? "" : (this.row.cells[i] ?? "").trim();
  }

  problem(column: string, check: string, severity: Severity, message: string) {
    this.problems.add({
      file: this.file,
      line: this.row.line,
      column,
      code: `${this.kind}.${column}.${check}`,
      severity,
      message,
      ...(this.workplaceRef ? { workplace: this.workplaceRef } : {}),
      ...(this.staffRef ? { staff: this.staffRef } : {}),
    });
  }
  error(column: string, check: string, message: string) {
    this.problem(column, check, "error", message);
  }
  warn(column: string, check: string, message: string) {
    this.problem(column, check, "warning", message);
  }

  text(column: string, max: number, opts: { required?: boolean; what?: string } = {}): string | null {
    const v = this.raw(column);
    if (!v) {
      if (opts.required) this.error(column, "missing", `${column} is blank: enter ${opts.what ?? "a value"}.`);
      return null;
    }
    if (v.length > max) {
      this.error(column, "too_long", `${column} is ${v.length} characters long: it can be at most ${max}. Shorten it.`);
      return null;
    }
    return v;
  }

  /** An integer code from a set. Blank gives null (or an error when required). */
  code(column: string, allowed: Set<number> | ((n: number) => boolean), opts: { required?: boolean; what: string; severity?: Severity }): number | null {
    const v = this.raw(column);
    if (!v) {
      if (opts.required) this.error(column, "missing", `${column} is blank: enter ${opts.what}.`);
      return null;
    }
    const n = /^\d+$/.test(v) ? Number(v) : Number.NaN;
    const ok = Number.isInteger(n) && (typeof allowed === "function" ? allowed(n) : allowed.has(n));
    if (!ok) {
      this.problem(
        column,
        "code",
        opts.severity ?? "error",
        `${column} "${v}" is not one of the allowed codes: enter ${opts.what}.${opts.severity === "warning" ? " It will not be saved." : ""}`,
      );
      return null;
    }
    return n;
  }

  /** A number in a range, optionally in steps; `dontKnow` (999) gives null. */
  number(column: string, min: number, max: number, opts: { step?: number; dontKnow?: boolean; required?: boolean; what: string; unit?: string }): number | null {
    const v = this.raw(column);
    if (!v) {
      if (opts.required) this.error(column, "missing", `${column} is blank: enter ${opts.what}.`);
      return null;
    }
    if (opts.dontKnow && v === "999") return null;
    const n = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
    if (Number.isNaN(n)) {
      this.error(column, "format", `${column} "${v}" is not a number: enter ${opts.what}.`);
      return null;
    }
    if (n < min || n > max || (opts.step && Math.abs(n / opts.step - Math.round(n / opts.step)) > 1e-9)) {
      const range = `${opts.unit ?? ""}${min} to ${opts.unit ?? ""}${max}${opts.step ? ` in steps of ${opts.step}` : ""}`;
      this.error(column, "range", `${column} ${v} is outside the allowed range: enter ${opts.what} from ${range}${opts.dontKnow ? ", or 999 if you do not know" : ""}.`);
      return null;
    }
    return n;
  }

  /** A DD/MM/YYYY date as YYYY-MM-DD. A bad date is reported without quoting it when `sensitive`. */
  date(column: string, opts: { sensitive?: boolean; severity?: Severity } = {}): string | null {
    const v = this.raw(column);
    if (!v) return null;
    const m = DATE.exec(v);
    const iso = m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : null;
    if (!iso || !isRealDate(iso)) {
      const shown = opts.sensitive ? "" : ` "${v}"`;
      this.problem(column, "date_format", opts.severity ?? "error", `${column}${shown} is not a real date in the form DD/MM/YYYY, for example 01/04/2024.`);
      return null;
    }
    return iso;
  }

  year(column: string, opts: { min: number; max: number; what: string; dontKnow?: boolean }): number | null {
    const v = this.raw(column);
    if (!v) return null;
    if (opts.dontKnow && v === "999") return null;
    if (!/^\d{4}$/.test(v) || Number(v) < opts.min || Number(v) > opts.max) {
      this.error(
        column,
        "year",
        `${column} "${v}" is not a year from ${opts.min} to ${opts.max}: enter ${opts.what} as four digits${opts.dontKnow ? ", or 999 if you do not know" : ""}.`,
      );
      return null;
    }
    return Number(v);
  }

  /** A `;`-separated list, trimmed ("" for a blank cell gives []). */
  list(column: string): string[] {
    const v = this.raw(column);
    return v ? v.split(";").map((s) => s.trim()) : [];
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date as YYYY-MM-DD (no Date objects: this runs for every date cell). */
export function isRealDate(iso: string): boolean {
  if (iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") return false;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

export const toAscwdsDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "");

/** Whole years between two ISO dates. */
export function yearsBetween(from: string, to: string): number {
  // ISO dates compare as strings, so the month-day parts decide whether the birthday has passed.
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

export const STATUSES = new Set(["NEW", "UPDATE", "DELETE", "UNCHECKED", "NOCHANGE"]);
