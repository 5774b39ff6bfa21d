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

/**
 * A column of a file with its position, resolved once from the header (-1 when the file has not
 * got it), so that reading a cell is an array access rather than a lookup by name.
 */
export interface Column {
  readonly name: string;
  readonly at: number;
}

/** The named columns, resolved against a file's header index, as one object keyed by name. */
export function columnsOf<Name extends string>(index: Map<string, number>, names: readonly Name[]): Record<Name, Column> {
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
      if (v && startsLikeFormula(v) && !row.escaped?.has(column.at)) this.error(column, "formula", formulaMessage(column.name));
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
      if (required !== undefined) this.error(column, "missing", `${column.name} is blank: enter ${required || "a value"}.`);
      return null;
    }
    if (v.length > max) {
      this.error(column, "too_long", `${column.name} is ${v.length} characters long: it can be at most ${max}. Shorten it.`);
      return null;
    }
    return v;
  }

  /** An integer code from a set, `what` saying which. Blank gives null (or an error when required). */
  code(column: Column, allowed: Set<number> | ((n: number) => boolean), what: string, opts?: { required?: boolean; severity?: Severity }): number | null {
    const v = this.raw(column);
    if (!v) {
      if (opts?.required) this.error(column, "missing", `${column.name} is blank: enter ${what}.`);
      return null;
    }
    const n = DIGITS.test(v) ? Number(v) : Number.NaN;
    const ok = Number.isInteger(n) && (typeof allowed === "function" ? allowed(n) : allowed.has(n));
    if (!ok) {
      const severity = opts?.severity ?? "error";
      this.problem(column, "code", severity, `${column.name} "${v}" is not one of the allowed codes: enter ${what}.${severity === "warning" ? " It will not be saved." : ""}`);
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
      this.error(column, "range", `${column.name} ${v} is outside the allowed range: enter ${opts.what} from ${range}${opts.dontKnow ? ", or 999 if you do not know" : ""}.`);
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
      this.problem(column, "date_format", opts?.severity ?? "error", `${column.name}${shown} is not a real date in the form DD/MM/YYYY, for example 01/04/2024.`);
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
      this.error(column, "year", `${column.name} "${v}" is not a year from ${min} to ${max}: enter ${what} as four digits${dontKnow ? ", or 999 if you do not know" : ""}.`);
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
  const m = DATE.exec(v);
  const iso = m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : null;
  return iso && isRealDate(iso) ? iso : null;
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
