// The GOV.UK date input (day, month and year boxes): what is typed, read into an ISO day
// (YYYY-MM-DD, what the API takes), with the pattern's error messages and the boxes to highlight.

export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export type DatePart = keyof DateParts;

export const DATE_PARTS: DatePart[] = ["day", "month", "year"];

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
  const day = input.day.trim();
  const month = input.month.trim();
  const year = input.year.trim();
  const lower = what.charAt(0).toLowerCase() + what.slice(1);
  if (!day && !month && !year) return { ok: false, message: `Enter the ${lower}`, parts: [...DATE_PARTS] };
  const missing = DATE_PARTS.filter((p) => !input[p].trim());
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
