import { z } from "zod";
import { CENSUS_AGGREGATE_ITEMS, type CensusAggregate } from "../sw-census";

// The DfE children's social work workforce census (issue 20 item 10): the summary the page shows
// (aggregate items, problems and counts). The files themselves are CSV and XLSX downloads.

const rate = z.number().nullable();
export const censusAggregate = z.object(
  Object.fromEntries(CENSUS_AGGREGATE_ITEMS.map((i) => [i.key, rate])) as Record<keyof CensusAggregate, typeof rate>,
);

export const censusProblem = z.object({
  row: z.number().int(),
  reference: z.string(),
  /** Who to correct, for someone who may see the worker: their name and page (an agency worker's: the agency page). */
  worker: z.object({ name: z.string(), staffRecordId: z.string().nullable(), href: z.string() }).nullable(),
  field: z.string(),
  severity: z.enum(["error", "warning"]),
  problem: z.string(),
  fix: z.string(),
});
export type CensusProblemView = z.infer<typeof censusProblem>;

export const censusResponse = z.object({
  year: z.number().int(),
  start: z.string(),
  end: z.string(),
  /** Whether the census year has ended (30 September has passed). */
  ended: z.boolean(),
  aggregate: censusAggregate,
  items: z.array(
    z.object({ key: z.string(), label: z.string(), definition: z.string(), value: z.number().nullable() }),
  ),
  problems: z.array(censusProblem),
  counts: z.object({
    employees: z.number().int(),
    agency: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
  /** The last census year that has ended (the page's default). */
  lastEndedYear: z.number().int(),
});
export type CensusResponse = z.infer<typeof censusResponse>;
