// The GOV.UK date input (day, month and year boxes): what is typed, read into an ISO day
// (YYYY-MM-DD, what the API takes), with the pattern's error messages and the boxes to highlight.
// A month (agency use is recorded by month) has only the month and year boxes, read as YYYY-MM.
import { z } from "zod";

export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export type DatePart = keyof DateParts;

export const DATE_PARTS: DatePart[] = ["day", "month", "year"];
/** The boxes of a month: month and year. */
export const MONTH_PARTS: DatePart[] = ["month", "year"];

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** The boxes filled from an ISO day (empty boxes for none). */
export function datePartsOf(iso: string | null | undefined): DateParts {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] } : { day: "", month: "", year: "" };
}

/** The boxes filled from a month ("2026-04", or a day in it). */
export function monthPartsOf(month: string | null | undefined): DateParts {
  const m = month ? /^(\d{4})-(\d{2})(-\d{2})?$/.exec(month) : null;
  return { day: "", month: m ? String(Number(m[2])) : "", year: m ? m[1] : "" };
}

/** The boxes filled from a date as the ASC-WDS files write it (D/M/YYYY or DD/MM/YYYY; an ISO day too). */
export function datePartsOfDmy(text: string | null | undefined): DateParts {
  const m = text ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim()) : null;
  return m ? { day: String(Number(m[1])), month: String(Number(m[2])), year: m[3] } : datePartsOf(text?.trim());
}

/** An ISO day as the ASC-WDS files write it: "2026-09-01" → "01/09/2026". */
export const dmyOf = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** True when nothing is typed in any box (an optional date left out). */
export const isBlankDate = (input: DateParts): boolean => DATE_PARTS.every((p) => !input[p].trim());

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string; parts: DatePart[] };

/** A month typed as a number (4, 04) or a name ("Apr", "april"), as GOV.UK asks services to accept. */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const name = text.toLowerCase();
  const i = name.length >= 3 ? MONTH_NAMES.findIndex((m) => m.startsWith(name)) : -1;
  return i >= 0 ? i + 1 : null;
}

const list = (names: string[]) =>
  names.length === 1 ? `a ${names[0]}` : `a ${names.slice(0, -1).join(", a ")} and a ${names.at(-1)}`;

/**
 * Reads a date input. `what` names the date as its question does ("Leaving date"). The messages are
 * the GOV.UK pattern's: "Enter the leaving date" when every box is empty, "Leaving date must include
 * a month" when one is, "Year must include 4 numbers", and "Leaving date must be a real date".
 */
export function parseDateParts(input: DateParts, what: string): ParsedDate {
  return parseParts(input, what, DATE_PARTS);
}

/**
 * Reads a month input (month and year boxes) as YYYY-MM, with the same messages: "Enter the month",
 * "Month must include a year", "Year must include 4 numbers", "Month must be a real date".
 */
export function parseMonthParts(input: DateParts, what: string): ParsedDate {
  const parsed = parseParts({ ...input, day: "1" }, what, MONTH_PARTS);
  return parsed.ok ? { ok: true, iso: parsed.iso.slice(0, 7) } : parsed;
}

function parseParts(input: DateParts, what: string, shown: DatePart[]): ParsedDate {
  const day = input.day.trim();
  const month = input.month.trim();
  const year = input.year.trim();
  const lower = what.charAt(0).toLowerCase() + what.slice(1);
  if (shown.every((p) => !input[p].trim())) return { ok: false, message: `Enter the ${lower}`, parts: [...shown] };
  const missing = shown.filter((p) => !input[p].trim());
  if (missing.length) return { ok: false, message: `${what} must include ${list(missing)}`, parts: missing };
  if (!/^\d{4}$/.test(year)) return { ok: false, message: "Year must include 4 numbers", parts: ["year"] };
  const m = monthNumber(month);
  const d = /^\d{1,2}$/.test(day) ? Number(day) : null;
  const monthOk = m !== null && m >= 1 && m <= 12;
  const daysInMonth = monthOk ? new Date(Date.UTC(Number(year), m, 0)).getUTCDate() : 31;
  const dayOk = d !== null && d >= 1 && d <= daysInMonth;
  if (!monthOk || !dayOk) {
    const parts: DatePart[] = [];
    if (!dayOk) parts.push("day");
    if (!monthOk) parts.push("month");
    return { ok: false, message: `${what} must be a real date`, parts };
  }
  return { ok: true, iso: `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

const partsSchema = z.object({ day: z.string(), month: z.string(), year: z.string() });

/**
 * A form field of date boxes for a schema: what is typed ({ day, month, year }) in, the ISO day out,
 * refused with the pattern's message. With `optional`, empty boxes give null. `month` reads YYYY-MM.
 * Swap it for the ISO field of a shared request schema (`schema.extend({ leavingDate: … })`): the
 * form's output is then what the API takes.
 */
export function dateFromParts(
  what: string,
  options: { optional: true; month?: boolean },
): z.ZodType<string | null, DateParts>;
export function dateFromParts(
  what: string,
  options?: { optional?: false; month?: boolean },
): z.ZodType<string, DateParts>;
export function dateFromParts(
  what: string,
  { optional = false, month = false } = {},
): z.ZodType<string | null, DateParts> {
  return partsSchema.transform((value, ctx): string | null => {
    if (optional && isBlankDate(value)) return null;
    const parsed = month ? parseMonthParts(value, what) : parseDateParts(value, what);
    if (parsed.ok) return parsed.iso;
    ctx.addIssue({ code: "custom", message: parsed.message, input: value });
    return z.NEVER;
  });
}
