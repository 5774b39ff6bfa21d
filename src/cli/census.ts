import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../server/context";
import { AppError } from "../server/lib/errors";
import { isoDate } from "../server/lib/time";
import { censusYearParam, produceCensus } from "../server/modules/socialwork/census.service";
import { CENSUS_FILES, censusFileOf } from "../server/modules/socialwork/census-files.service";
import { csvText } from "../shared/csv";
import type { OrgKind } from "../shared/permissions";
import { type Format, parse, required, UsageError } from "./args";

// `hub census`: the DfE children's social work workforce census from the command line (issue 20
// item 10), as the census page gives it: the problems printed and written to problems.csv; the
// census files (workers.csv, aggregate.csv, census.xlsx) written only when there are no errors,
// as the page's downloads are. Exit code 1 when there are errors.

export const CENSUS_USAGE = `  census --org <council> --year <YYYY> --out <dir> [--format json|text]
                                            The children's social work workforce census for the year ending 30
                                            September YYYY: prints its problems and writes problems.csv, and when
                                            there are no errors workers.csv, aggregate.csv and census.xlsx, to <dir>.
                                            Exit code 1 when there are errors (nothing else is written)`;

export function parseCensusArgs(argv: string[]) {
  const { values, format } = parse(argv, {
    org: { type: "string" },
    year: { type: "string" },
    out: { type: "string" },
  });
  return {
    org: required(values.org, "--org"),
    year: required(values.year, "--year"),
    out: required(values.out, "--out"),
    format: format as Format,
  };
}

export const PROBLEM_COLUMNS = ["Row", "Reference", "Field", "Severity", "Problem", "How to fix"];

export async function censusOutput(
  ctx: Ctx,
  org: { id: string; kind: string; name: string; slug: string; isDemo: boolean },
  args: ReturnType<typeof parseCensusArgs>,
) {
  let year: number;
  try {
    year = censusYearParam(args.year, isoDate(ctx.deps.now()));
  } catch (e) {
    if (e instanceof AppError) throw new UsageError(`--year: ${e.message}`);
    throw e;
  }
  const orgCtx = { ...ctx, org: { ...org, kind: org.kind as OrgKind }, role: null };
  const { census } = await produceCensus(orgCtx, year);
  mkdirSync(args.out, { recursive: true });
  const prefix = `${org.slug}-csww-census-${year}`;
  const written: string[] = [];
  const write = (name: string, body: string | Uint8Array) => {
    const path = join(args.out, `${prefix}-${name}`);
    writeFileSync(path, body);
    written.push(path);
  };
  write(
    "problems.csv",
    `\ufeff${csvText(
      PROBLEM_COLUMNS,
      census.problems.map((p) => [p.row, p.reference, p.field, p.severity, p.problem, p.fix]),
    )}`,
  );
  const { errors, warnings } = census.counts;
  if (!errors) for (const file of CENSUS_FILES) write(file, (await censusFileOf(census, file)).body);
  const text = [
    `${org.name}: children's social work workforce census ${year} (${census.start} to ${census.end}): ${census.counts.employees} employee records and ${census.counts.agency} agency assignments.`,
    `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.`,
    ...census.problems
      .slice(0, 200)
      .map((p) => `  ${p.severity.toUpperCase()} row ${p.row} ${p.reference}, ${p.field}: ${p.problem} ${p.fix}`),
    ...(census.problems.length > 200 ? [`  … and ${census.problems.length - 200} more (all in problems.csv)`] : []),
    errors
      ? "The census files were not written: correct the errors, then run this again."
      : `In post at 30 September: ${census.aggregate.inpost_fte} FTE (${census.aggregate.inpost_headcount} people); agency ${census.aggregate.agency_fte} FTE; vacancies ${census.aggregate.vacancy_fte} FTE.`,
    `Wrote: ${written.join(", ")}`,
  ];
  return {
    format: args.format,
    data: {
      council: org.name,
      year,
      start: census.start,
      end: census.end,
      counts: census.counts,
      aggregate: census.aggregate,
      problems: census.problems,
      files: written,
    },
    text: text.join("\n"),
    exitCode: errors ? 1 : 0,
  };
}
