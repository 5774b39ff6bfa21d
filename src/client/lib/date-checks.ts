// Date boxes in a form kept in plain state (not react-hook-form): every date read before anything
// is sent, each problem in the GOV.UK pattern's words, with the boxes to highlight and the box the
// error summary links to. Forms built with react-hook-form use DateField (components/forms.tsx).
import { type DatePart, type DateParts, isBlankDate, parseDateParts, parseMonthParts } from "../../shared/date-input";
import { ApiError } from "./api";

export interface DateToCheck {
  value: DateParts;
  /** The date as its question names it ("Leaving date"): the messages start with it. */
  what: string;
  /** Empty boxes give null rather than "Enter the …". */
  optional?: boolean;
  /** Month and year boxes, read as YYYY-MM. */
  month?: boolean;
}

/** What is wrong with the dates: an error for the summary (its issues keyed by the field) and the boxes at fault. */
export interface DateProblems {
  error: ApiError;
  parts: Record<string, DatePart[]>;
}

export type CheckedDates<K extends string> =
  | { ok: true; values: Record<K, string | null> }
  | { ok: false; problems: DateProblems };

/** Reads every date of a form: the ISO days (or months) when all are right, otherwise what is wrong. */
export function checkDates<K extends string>(dates: Record<K, DateToCheck>): CheckedDates<K> {
  const values = {} as Record<K, string | null>;
  const issues: { path: string; message: string }[] = [];
  const parts: Record<string, DatePart[]> = {};
  for (const key of Object.keys(dates) as K[]) {
    const { value, what, optional, month } = dates[key];
    if (optional && isBlankDate(value)) {
      values[key] = null;
      continue;
    }
    const read = month ? parseMonthParts(value, what) : parseDateParts(value, what);
    if (read.ok) values[key] = read.iso;
    else {
      issues.push({ path: key, message: read.message });
      parts[key] = read.parts;
    }
  }
  if (!issues.length) return { ok: true, values };
  return { ok: false, problems: { error: new ApiError(422, "validation", issues[0].message, issues), parts } };
}

/** The box an error summary links to for a date field: the first box at fault, or the first box. */
export const firstBox = (id: string, problems: DateProblems | null, key: string, first: DatePart = "day") =>
  `${id}-${problems?.parts[key]?.[0] ?? first}`;
