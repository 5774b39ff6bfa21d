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

/** The time of day in the UK, "3:05pm" (midday and midnight in words). */
function ukTime(d: Date): string {
  const parts = londonTime.formatToParts(d);
  const hour = Number(parts.find((p) => p.type === "hour")?.value);
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  return minute === "00" && hour === 12
    ? "midday"
    : minute === "00" && hour === 0
      ? "midnight"
      : `${hour % 12 === 0 ? 12 : hour % 12}:${minute}${hour < 12 ? "am" : "pm"}`;
}

/** A moment in the GOV.UK style, in UK time: "4 December 2026 at 3:05pm" (midday and midnight in words). */
export function longDateTime(value: string | Date | null | undefined): string {
  if (!value) return "";
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${longDate(d)} at ${ukTime(d)}`;
}

/**
 * From one moment to another, the day said once when both fall on the same UK day:
 * "16 December 2026, 10:00am to 3:00pm"; otherwise both in full. Without an end, the start.
 */
export function longDateTimeRange(start: string | Date, end: string | Date | null | undefined): string {
  if (!end) return longDateTime(start);
  const s = start instanceof Date ? start : new Date(start);
  const e = end instanceof Date ? end : new Date(end);
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return `${longDateTime(start)} to ${longDateTime(end)}`;
  return longDate(s) === longDate(e)
    ? `${longDate(s)}, ${ukTime(s)} to ${ukTime(e)}`
    : `${longDateTime(s)} to ${longDateTime(e)}`;
}

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The day and 24-hour time ("09:30") in the UK of an instant: what a form's date and time boxes hold. */
export function londonWallTime(value: string | Date): { day: string; time: string } {
  const parts = londonParts.formatToParts(value instanceof Date ? value : new Date(value));
  const get = (t: string) => parts.find((x) => x.type === t)?.value ?? "";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** The instant (ISO, UTC) of a wall-clock time in the UK on a day ("2026-07-01", "09:30"), in summer time or not. */
export function londonInstant(day: string, time: string): string {
  const [y, m, d] = day.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const guess = Date.UTC(y, m - 1, d, h, mi);
  const wall = londonWallTime(new Date(guess));
  const [wy, wm, wd] = wall.day.split("-").map(Number);
  const [wh, wmi] = wall.time.split(":").map(Number);
  return new Date(guess - (Date.UTC(wy, wm - 1, wd, wh, wmi) - guess)).toISOString();
}
