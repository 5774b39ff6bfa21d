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

/** Today in the UK as YYYY-MM-DD (what a date input starts from and what "today" means to people). */
export const todayIso = (now = new Date()): string => londonDay.format(now);

/** A month for people: "April 2026", from "2026-04" or a day in it. Anything else as it is. */
export function longMonth(value: string | null | undefined): string {
  if (!value) return "";
  const m = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(value);
  const month = m && MONTHS[Number(m[2]) - 1];
  return m && month ? `${month} ${m[1]}` : value;
}

const londonTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment in the GOV.UK style, in UK time: "4 December 2026 at 3:05pm" (midday and midnight in words). */
export function longDateTime(value: string | Date | null | undefined): string {
  if (!value) return "";
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const parts = londonTime.formatToParts(d);
  const hour = Number(parts.find((p) => p.type === "hour")?.value);
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  const time =
    minute === "00" && hour === 12
      ? "midday"
      : minute === "00" && hour === 0
        ? "midnight"
        : `${hour % 12 === 0 ? 12 : hour % 12}:${minute}${hour < 12 ? "am" : "pm"}`;
  return `${longDate(d)} at ${time}`;
}
