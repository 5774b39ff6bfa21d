import { isoDate as iso, monthsBefore } from "../../lib/time";

// The dates figures are compared at, defined once: every page that says "a quarter ago" or shows
// a trend takes its dates from here, so the dashboard and the public page never disagree.

/** How many quarter ends a trend covers (two years). */
export const TREND_QUARTERS = 8;

/** "A quarter ago": the same day three months before `at` (the month's last day when it has fewer). */
export const quarterAgo = (at: string) => monthsBefore(at, 3);

/** The last `count` quarter ends (31 Mar, 30 Jun, 30 Sep, 31 Dec) on or before `at`, oldest first. */
export function quarterEnds(at: string, count: number): string[] {
  const d = new Date(`${at}T00:00:00Z`);
  let year = d.getUTCFullYear();
  let q = Math.floor(d.getUTCMonth() / 3); // the quarter containing `at`, 0-based
  const endOf = (y: number, quarter: number) => iso(new Date(Date.UTC(y, quarter * 3 + 3, 0)));
  if (endOf(year, q) > at) q -= 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (q < 0) {
      q += 4;
      year -= 1;
    }
    out.unshift(endOf(year, q));
    q -= 1;
  }
  return out;
}

/** The dates a dashboard or public page shows: the as-at date, a quarter ago, and the trend's quarter ends. */
export function comparisonDates(at: string) {
  return { previousAt: quarterAgo(at), quarters: quarterEnds(at, TREND_QUARTERS) };
}
