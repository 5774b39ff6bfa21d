import { and, type Column, gt, isNull, lte, or } from "drizzle-orm";

// In post on a day, in SQL: the twin of shared/sw-in-post.ts `inPostOn`, for every query of the
// social work service that means it. An end date is the first day no longer in post, so someone
// whose end date is the day is not in post on it (shared/design/metrics.md, "In post at D").

/** Rows in post on `day`: started on or before it, and no end date or one after it. */
export const inPostOnSql = (dates: { startDate: Column; endDate: Column }, day: string) =>
  and(lte(dates.startDate, day), or(isNull(dates.endDate), gt(dates.endDate, day)));
