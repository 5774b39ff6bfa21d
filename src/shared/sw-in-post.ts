// Who is in post when, in the council's social work service: the one rule every figure, list and
// count uses (issue 20 review). As in the care figures (shared/design/metrics.md, "In post at D"),
// an end date is the first day no longer in post: someone whose end date is D is not in post on D
// (and is a leaver on D). Pure, tested in sw-in-post.test.ts; the SQL twin is
// server/modules/socialwork/in-post.repo.ts.

export interface Dated {
  startDate: string;
  endDate?: string | null;
}

/** In post on `day`: started on or before it, and no end date or one after it. */
export const inPostOn = (w: Dated, day: string) =>
  w.startDate <= day && (w.endDate === null || w.endDate === undefined || w.endDate > day);

/** In post on at least one day from `from` to `to` (both included): a month's or a year's people. */
export const inPostDuring = (w: Dated, from: string, to: string) =>
  w.startDate <= to && (w.endDate === null || w.endDate === undefined || w.endDate > from);

/**
 * A leaver in a period: their end date (first day out of post) falls from `from` to `to`, both
 * included, so a month's leavers are those whose end date is in it and someone leaving on its last
 * day is one. Not "in post": a flow, used for the monthly views and the census year.
 */
export const leftDuring = (w: Pick<Dated, "endDate">, from: string, to: string) =>
  w.endDate !== null && w.endDate !== undefined && w.endDate >= from && w.endDate <= to;

/** Gone by `day`: an end date on or before it (the complement of in post for someone who has started). */
export const leftBy = (w: Pick<Dated, "endDate">, day: string) =>
  w.endDate !== null && w.endDate !== undefined && w.endDate <= day;
