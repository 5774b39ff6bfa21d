import type { CensusProblemView, CensusResponse } from "../../../shared/schemas/social-work-census";
import { CENSUS_AGGREGATE_ITEMS } from "../../../shared/sw-census";
import type { ProducedCensus } from "./census.service";

// What the census page gets: the aggregate items with their words, the problems and the counts.
// The worker rows (SWE numbers, dates of birth) leave only in the downloads. Each problem names
// the worker and links to the page to correct it, for someone who may see the worker (the files
// carry no names, so this is the only way from a row to a person).

type Problem = ProducedCensus["census"]["problems"][number];

/** Who a problem is about, as the page shows it: the worker's name and page, or null when not to be shown. */
function workerOf(p: ProducedCensus, problem: Problem, orgId: string, mayName: boolean): CensusProblemView["worker"] {
  const id = problem.staffRecordId ?? problem.assignmentId;
  const name = id ? p.names.get(id) : undefined;
  if (!mayName || !id || !name) return null;
  return problem.staffRecordId
    ? {
        name,
        staffRecordId: problem.staffRecordId,
        href: `/orgs/${orgId}/social-work/workers/${problem.staffRecordId}`,
      }
    : { name, staffRecordId: null, href: `/orgs/${orgId}/social-work/agency` };
}

/** The census for the page; `mayName`: whether the user may see every worker the problems are about. */
export function presentCensus(p: ProducedCensus, orgId: string, mayName: boolean): CensusResponse {
  const c = p.census;
  return {
    year: c.year,
    start: c.start,
    end: c.end,
    ended: p.ended,
    aggregate: c.aggregate,
    items: CENSUS_AGGREGATE_ITEMS.map((i) => ({ ...i, value: c.aggregate[i.key] })),
    problems: c.problems.map(({ staffRecordId: _s, assignmentId: _a, ...problem }, i) => ({
      ...problem,
      worker: workerOf(p, c.problems[i], orgId, mayName),
    })),
    counts: c.counts,
    lastEndedYear: p.lastEndedYear,
  };
}
