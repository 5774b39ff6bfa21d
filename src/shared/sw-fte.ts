// Full-time equivalents in the council's social work service: the one rule every count of posts,
// caseloads, figures, the census and the agency views use (issue 20 review). Pure, tested in
// sw-fte.test.ts.

/** The weekly hours of a full-time post in a council (NJC "Green Book" standard week). */
export const SW_FULL_TIME_HOURS = 37;

/**
 * A person's full-time equivalent from contracted (or an agency worker's weekly) hours: hours ÷ 37,
 * at most 1 (DfE counts no one as more than one post), never below 0, unrounded (callers round their
 * totals). Hours not recorded count as full time: nearly every council social work post is, and
 * counting them as 0 would show their post as vacant and inflate their team's caseload per FTE. The
 * census, which must not guess, reports missing hours as a problem of its own (sw-census.ts).
 */
export function fteOf(hours: number | null | undefined): number {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return 1;
  return Math.min(1, Math.max(0, hours) / SW_FULL_TIME_HOURS);
}
