import { formulaMessage, startsLikeFormula, undefuseCell } from "../../../shared/text";
import type { CsvRow } from "./csv";
import type { FileKind } from "./headers";
import type { ProblemList, Severity } from "./problems";

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

/**
 * A column of a file with its position, resolved once from the header (-1 when the file has not
 * got it), so that reading a cell is an array access rather than a lookup by name.
 */
export interface Column {
  readonly name: string;
  readonly at: number;
}

/** The named columns, resolved against a file's header index, as one object keyed by name. */
export function columnsOf<Name extends string>(
  index: Map<string, number>,
  names: readonly Name[],
): Record<Name, Column> {
  const columns = {} as Record<Name, Column>;
  for (const name of names) columns[name] = { name, at: index.get(name) ?? -1 };
  return columns;
}

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

const NO_ROW: CsvRow = { line: 0, cells: [] };
const NUMBER = /^-?\d+(\.\d+)?$/;
const DIGITS = /^\d+$/;
const YEAR = /^\d{4}$/;

/**
 * Reads the rows of one file, one at a time, by column, and records problems with stable codes.
 * One reader serves the whole file: `start` moves it to the next row and trims every cell once,
 * so each rule reads a cell as it is and nothing is allocated per row but what is kept.
 */
export class RowReader {
  workplaceRef = "";
  staffRef = "";
  private row = NO_ROW;
  private cells: string[] = [];
  private errorsAtStart = 0;
  /** Columns people write in words, where a formula is refused. */
  private readonly freeText: Column[];
  constructor(
    private readonly file: string,
    private readonly kind: FileKind,
    index: Map<string, number>,
    private readonly problems: ProblemList,
  ) {
    this.freeText = [...index].filter(([column]) => isFreeTextColumn(column)).map(([name, at]) => ({ name, at }));
  }

  /** Moves to the next row; its cells are trimmed in place, and words that start like a formula refused. */
  start(row: CsvRow): this {
    this.row = row;
    this.cells = row.cells;
    this.workplaceRef = "";
    this.staffRef = "";
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
    // Spreadsheets run a cell starting with =, +, @ as a formula: refused in words people typed.
    for (const column of this.freeText) {
      const v = this.raw(column);
      if (v && startsLikeFormula(v) && !row.escaped?.has(column.at))
        this.error(column, "formula", formulaMessage(column.name));
    }
    // A formula is reported, but does not by itself stop the row being read into a record.
    this.errorsAtStart = this.problems.errors;
    return this;
  }

  /** True when a rule has found an error in this row since `start` (the row gives no record). */
  get hasErrors() {
    return this.problems.errors > this.errorsAtStart;
  }

  get line() {
    return this.row.line;
  }

  /** The trimmed cell, or "" when blank or absent. */
  raw(column: Column): string {
    return column.at < 0 ? "" : (this.cells[column.at] ?? "");
  }

  problem(column: Column, check: string, severity: Severity, message: string) {
    this.problems.add({
      file: this.file,
      line: this.row.line,
      column: column.name,
      code: `${this.kind}.${column.name}.${check}`,
      severity,
      message,
      ...(this.workplaceRef ? { workplace: this.workplaceRef } : {}),
      ...(this.staffRef ? { staff: this.staffRef } : {}),
    });
  }
  error(column: Column, check: string, message: string) {
    this.problem(column, check, "error", message);
  }
  warn(column: Column, check: string, message: string) {
    this.problem(column, check, "warning", message);
  }

  /** Text of at most `max` characters; blank gives null, or an error asking for `required` when given. */
  text(column: Column, max: number, required?: string): string | null {
    const v = this.raw(column);
    if (!v) {
      if (required !== undefined)
        this.error(column, "missing", `${column.name} is blank: enter ${required || "a value"}.`);
      return null;
    }
    if (v.length > max) {
      this.error(
        column,
        "too_long",
        `${column.name} is ${v.length} characters long: it can be at most ${max}. Shorten it.`,
      );
      return null;
    }
    return v;
  }

  /** An integer code from a set, `what` saying which. Blank gives null (or an error when required). */
  code(
    column: Column,
    allowed: Set<number> | ((n: number) => boolean),
    what: string,
    opts?: { required?: boolean; severity?: Severity },
  ): number | null {
    const v = this.raw(column);
    if (!v) {
      if (opts?.required) this.error(column, "missing", `${column.name} is blank: enter ${what}.`);
      return null;
    }
    const n = DIGITS.test(v) ? Number(v) : Number.NaN;
    const ok = Number.isInteger(n) && (typeof allowed === "function" ? allowed(n) : allowed.has(n));
    if (!ok) {
      const severity = opts?.severity ?? "error";
      this.problem(
        column,
        "code",
        severity,
        `${column.name} "${v}" is not one of the allowed codes: enter ${what}.${severity === "warning" ? " It will not be saved." : ""}`,
      );
      return null;
    }
    return n;
  }

  /** A number in a range, optionally in steps; `dontKnow` (999) gives null. */
  number(column: Column, min: number, max: number, opts: NumberRule): number | null {
    const v = this.raw(column);
    if (!v) {
      if (opts.required) this.error(column, "missing", `${column.name} is blank: enter ${opts.what}.`);
      return null;
    }
    if (opts.dontKnow && v === "999") return null;
    const n = NUMBER.test(v) ? Number(v) : Number.NaN;
    if (Number.isNaN(n)) {
      this.error(column, "format", `${column.name} "${v}" is not a number: enter ${opts.what}.`);
      return null;
    }
    if (n < min || n > max || (opts.step && Math.abs(n / opts.step - Math.round(n / opts.step)) > 1e-9)) {
      const range = `${opts.unit ?? ""}${min} to ${opts.unit ?? ""}${max}${opts.step ? ` in steps of ${opts.step}` : ""}`;
      this.error(
        column,
        "range",
        `${column.name} ${v} is outside the allowed range: enter ${opts.what} from ${range}${opts.dontKnow ? ", or 999 if you do not know" : ""}.`,
      );
      return null;
    }
    return n;
  }

  /** A DD/MM/YYYY date as YYYY-MM-DD. A bad date is reported without quoting it when `sensitive`. */
  date(column: Column, opts?: { sensitive?: boolean; severity?: Severity }): string | null {
    const v = this.raw(column);
    if (!v) return null;
    const iso = isoDate(v);
    if (!iso) {
      const shown = opts?.sensitive ? "" : ` "${v}"`;
      this.problem(
        column,
        "date_format",
        opts?.severity ?? "error",
        `${column.name}${shown} is not a real date in the form DD/MM/YYYY, for example 01/04/2024.`,
      );
      return null;
    }
    return iso;
  }

  year(column: Column, min: number, max: number, what: string, dontKnow = false): number | null {
    const v = this.raw(column);
    if (!v) return null;
    if (dontKnow && v === "999") return null;
    const n = YEAR.test(v) ? Number(v) : Number.NaN;
    if (!(n >= min && n <= max)) {
      this.error(
        column,
        "year",
        `${column.name} "${v}" is not a year from ${min} to ${max}: enter ${what} as four digits${dontKnow ? ", or 999 if you do not know" : ""}.`,
      );
      return null;
    }
    return n;
  }

  /** A `;`-separated list, trimmed ("" for a blank cell gives []). */
  list(column: Column): string[] {
    const v = this.raw(column);
    return v ? v.split(";").map((s) => s.trim()) : [];
  }
}

/** How a number is checked: what it is (for messages), and its optional step, unit and "999". */
export interface NumberRule {
  what: string;
  step?: number;
  dontKnow?: boolean;
  required?: boolean;
  unit?: string;
}

/** A D/M/YYYY or DD/MM/YYYY date as YYYY-MM-DD, or null when it is not one or not a real date. */
export function isoDate(v: string): string | null {
  // Read from the characters, not a regular expression and slices: two date cells in every staff
  // row, and only the ISO text is kept. The same as /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.
  const n = v.length;
  if (n < 8 || n > 10) return null;
  const slash1 = v.charCodeAt(1) === 47 ? 1 : v.charCodeAt(2) === 47 ? 2 : -1;
  if (slash1 < 0) return null;
  const slash2 = n - 5;
  if (v.charCodeAt(slash2) !== 47 || slash2 - slash1 < 2 || slash2 - slash1 > 3) return null;
  for (let i = 0; i < n; i++) if (i !== slash1 && i !== slash2 && !isDigit(v.charCodeAt(i))) return null;
  const d = digitsAt(v, 0, slash1);
  const m = digitsAt(v, slash1 + 1, slash2);
  const y = digitsAt(v, slash2 + 1, n);
  if (!isRealYmd(y, m, d)) return null;
  const zero = 48;
  const m1 = v.charCodeAt(slash2 - 1);
  const m0 = slash2 - slash1 === 3 ? v.charCodeAt(slash1 + 1) : zero;
  const d1 = v.charCodeAt(slash1 - 1);
  const d0 = slash1 === 2 ? v.charCodeAt(0) : zero;
  return String.fromCharCode(
    v.charCodeAt(n - 4),
    v.charCodeAt(n - 3),
    v.charCodeAt(n - 2),
    v.charCodeAt(n - 1),
    45,
    m0,
    m1,
    45,
    d0,
    d1,
  );
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The number the ASCII digits from `from` to `to` make (checked to be digits by the caller). */
function digitsAt(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (v.charCodeAt(i) - 48);
  return n;
}

function isRealYmd(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date as YYYY-MM-DD (no Date objects: this runs for every date cell). */
export function isRealDate(iso: string): boolean {
  if (iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") return false;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  return isRealYmd(y, m, d);
}

const monthDay = (iso: string) => digitsAt(iso, 5, 7) * 100 + digitsAt(iso, 8, 10);

/** True when the text is YYYY-MM-DD in ASCII digits. */
function isIsoDigits(iso: string): boolean {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(iso.charCodeAt(i))) return false;
  return true;
}

export const toAscwdsDate = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "";

/** Whole years between two ISO dates. */
export function yearsBetween(from: string, to: string): number {
  // Two well-formed ISO dates, read from their digits without slicing (this runs for every staff row).
  if (isIsoDigits(from) && isIsoDigits(to)) {
    const years = digitsAt(to, 0, 4) - digitsAt(from, 0, 4);
    return monthDay(to) < monthDay(from) ? years - 1 : years;
  }
  // ISO dates compare as strings, so the month-day parts decide whether the birthday has passed.
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** `v.toUpperCase()`, without making a new string when there is nothing to change (the usual case). */
export function upperCase(v: string): string {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return v.toUpperCase();
  }
  return v;
}

export const STATUSES = new Set(["NEW", "UPDATE", "DELETE", "UNCHECKED", "NOCHANGE"]);
const STATUS_TEXTS = [...STATUSES];

/** The one copy of a STATUS the file gives, so that a record keeps no string of its own for it. */
export function sharedStatus(status: string): string {
  for (const text of STATUS_TEXTS) if (text === status) return text;
  return status;
}
