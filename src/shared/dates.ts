// Dates as people read them, one format everywhere ("4 December 2026"): pages, emails, reports.
// Isomorphic and independent of the reader's locale and time zone: ISO days (YYYY-MM-DD) are
// calendar dates, not instants, so they are never shifted by a time zone.

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const londonDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * "2026-12-04" → "4 December 2026". A timestamp ("2026-06-30T23:30:00Z", or a Date) is the day it
 * was in the UK (1 July 2026 there). Anything else is returned as it is.
 */
export function longDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  const instant = value instanceof Date ? value : value.length > 10 ? new Date(value) : null;
  const iso = instant && !Number.isNaN(instant.getTime()) ? londonDay.format(instant) : String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
