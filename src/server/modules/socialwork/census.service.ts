import { buildCensus, type Census, censusYearBounds, lastEndedCensusYear } from "../../../shared/sw-census";
import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import * as repo from "./census.repo";

// The DfE children's social work workforce census for a year (issue 20 item 10): the council's
// records read (census.repo.ts) and put through the one rule (shared/sw-census.ts). The page, the
// downloads (census-files.service.ts), the CLI (`hub census`) and the benchmark all come here.

/** The earliest census year the hub produces (individual-level returns began in 2017). */
export const FIRST_CENSUS_YEAR = 2017;

/** A census year from a path or a flag: a whole year from 2017 to the one in progress, or a clear error. */
export function censusYearParam(value: string | undefined, today: string) {
  const latest = lastEndedCensusYear(today) + 1;
  const year = /^\d{4}$/.test(value ?? "") ? Number(value) : Number.NaN;
  if (!(year >= FIRST_CENSUS_YEAR && year <= latest))
    throw badRequest(
      "bad_census_year",
      `Give the census year as a year from ${FIRST_CENSUS_YEAR} to ${latest}, like ${latest - 1} (the census year ending 30 September ${latest - 1}).`,
      [{ path: "year", message: `Give a year from ${FIRST_CENSUS_YEAR} to ${latest}` }],
    );
  return year;
}

export interface ProducedCensus {
  census: Census;
  /** Who each problem is about, by staff record or agency assignment id: for the page, never the files. */
  names: Map<string, string>;
  /** Whether 30 September of the year has passed. */
  ended: boolean;
  lastEndedYear: number;
}

/** The census for `year` from the council's records, with its problems. */
export async function produceCensus(ctx: OrgCtx, year: number): Promise<ProducedCensus> {
  const bounds = censusYearBounds(year);
  const today = isoDate(ctx.deps.now());
  const [employees, agency, establishment] = await Promise.all([
    repo.censusEmployees(ctx.db, ctx.org.id, { ...bounds, september: `${year}-09-01` }),
    repo.censusAgency(ctx.db, ctx.org.id, bounds),
    repo.censusEstablishment(ctx.db, ctx.org.id, bounds.end),
  ]);
  return {
    census: buildCensus({ year, employees, agency, establishment }),
    names: new Map([
      ...employees.map((e) => [e.staffRecordId, e.name] as const),
      ...agency.map((a) => [a.id, a.workerName] as const),
    ]),
    ended: today > bounds.end,
    lastEndedYear: lastEndedCensusYear(today),
  };
}
