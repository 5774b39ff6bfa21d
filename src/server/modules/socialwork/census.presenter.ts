import type { CensusResponse } from "../../../shared/schemas/social-work-census";
import { CENSUS_AGGREGATE_ITEMS } from "../../../shared/sw-census";
import type { ProducedCensus } from "./census.service";

// What the census page gets: the aggregate items with their words, the problems and the counts.
// The worker rows (SWE numbers, dates of birth) leave only in the downloads.

export function presentCensus(p: ProducedCensus): CensusResponse {
  const c = p.census;
  return {
    year: c.year,
    start: c.start,
    end: c.end,
    ended: p.ended,
    aggregate: c.aggregate,
    items: CENSUS_AGGREGATE_ITEMS.map((i) => ({ ...i, value: c.aggregate[i.key] })),
    problems: c.problems,
    counts: c.counts,
    lastEndedYear: p.lastEndedYear,
  };
}
