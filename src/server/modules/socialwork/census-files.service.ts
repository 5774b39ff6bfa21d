import { csvText } from "../../../shared/csv";
import {
  aggregateRows,
  CENSUS_AGGREGATE_COLUMNS,
  CENSUS_WORKER_COLUMNS,
  type Census,
  workerRows,
} from "../../../shared/sw-census";
import type { OrgCtx } from "../../context";
import { AppError } from "../../lib/errors";
import { workbookOf } from "../ascwds/xlsx";
import { produceCensus } from "./census.service";

// The census as files (issue 20 item 10): workers.csv (one row per employment or agency
// assignment in post at some time in the year), aggregate.csv (the aggregate items, named as the
// DfE's published indicator columns) and census.xlsx with both as sheets. COLLECT's own format is
// UNCONFIRMED: these are plain files to check and key against its specification. Never produced
// while the census has errors (422 with the problems). Text that looks like a formula is defused.

export const CENSUS_FILES = ["workers.csv", "aggregate.csv", "census.xlsx"] as const;
export type CensusFileName = (typeof CENSUS_FILES)[number];
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The error a census with errors answers a download with: every error, as issues naming the row and field. */
export function censusBlocked(census: Census) {
  const errors = census.problems.filter((p) => p.severity === "error");
  return new AppError(
    422,
    "census_has_errors",
    `The ${census.year} census has ${errors.length} error${errors.length === 1 ? "" : "s"} to correct before it can be downloaded. Correct them in the records named, then download again.`,
    errors.map((p) => ({
      path: `workers.csv row ${p.row} (${p.reference}): ${p.field}`,
      message: `${p.problem} ${p.fix}`,
    })),
  );
}

/** One of the census's files, from a census already produced. */
export async function censusFileOf(
  census: Census,
  file: CensusFileName,
): Promise<{ type: string; body: string | Uint8Array }> {
  const workers = { header: CENSUS_WORKER_COLUMNS.map((c) => c.header), rows: workerRows(census.workers) };
  const aggregate = { header: [...CENSUS_AGGREGATE_COLUMNS], rows: aggregateRows(census.aggregate) };
  if (file === "workers.csv")
    return { type: "text/csv; charset=utf-8", body: `\ufeff${csvText(workers.header, workers.rows)}` };
  if (file === "aggregate.csv")
    return { type: "text/csv; charset=utf-8", body: `\ufeff${csvText(aggregate.header, aggregate.rows)}` };
  return {
    type: XLSX_TYPE,
    body: await workbookOf([
      { name: `Workers ${census.year}`, ...workers },
      { name: `Aggregate ${census.year}`, ...aggregate },
    ]),
  };
}

/** A census file for download: produced from the records now, refused (422) while there are errors. */
export async function censusFile(ctx: OrgCtx, year: number, file: CensusFileName) {
  const { census } = await produceCensus(ctx, year);
  if (census.counts.errors) throw censusBlocked(census);
  return { name: `${ctx.org.slug}-csww-census-${year}-${file}`, ...(await censusFileOf(census, file)) };
}
