import {
  fieldsFor,
  isPriceFloorYear,
  PRICE_FLOOR_YEARS,
  type PriceFloorCareType,
  PriceFloorInputError,
  type PriceFloorResult,
  priceFloor,
} from "../shared/price-floor";
import { type Format, parse, UsageError } from "./args";

// `hub price-floor`: the minimum price floor from the command line (issue 19 item 4). The
// calculator is pure (shared/price-floor.ts); with --org <council> it starts from that council's
// saved assumptions, which the caller reads from the database.

export const PRICE_FLOOR_USAGE = `  price-floor --year <2024-25|2025-26|2026-27> [--care-type home_care|care_home] [--wage 12.21]
          [--visit-minutes 30] [--travel-minutes 9] [--miles 2.5] [--running-costs 7.92] [--surplus 0.96]
          [--org <council>] [--format json|text]
                                            The minimum price floor per contact hour (home care) or per bed per week
                                            (care home), as { total, lines: [{ name, amount }] } with lines that add up
                                            to the total; defaults calibrated to the Homecare Association's headlines,
                                            or the council's saved assumptions with --org (docs/price-floor.md)`;

const FLAGS = {
  wage: "wage",
  "visit-minutes": "visitMinutes",
  "travel-minutes": "travelMinutesPerVisit",
  miles: "milesPerVisit",
  "running-costs": "runningCostsPerHour",
  surplus: "surplusPerHour",
} as const;

export function parsePriceFloorArgs(argv: string[]) {
  const { values, format } = parse(argv, {
    year: { type: "string" },
    "care-type": { type: "string" },
    org: { type: "string" },
    wage: { type: "string" },
    "visit-minutes": { type: "string" },
    "travel-minutes": { type: "string" },
    miles: { type: "string" },
    "running-costs": { type: "string" },
    surplus: { type: "string" },
  });
  const year = values.year;
  if (!year) throw new UsageError(`--year is required: one of ${PRICE_FLOOR_YEARS.join(", ")}`);
  if (!isPriceFloorYear(year))
    throw new UsageError(`--year must be one of ${PRICE_FLOOR_YEARS.join(", ")}, not "${year}"`);
  const careType = (values["care-type"] ?? "home_care") as PriceFloorCareType;
  if (careType !== "home_care" && careType !== "care_home")
    throw new UsageError(`--care-type must be home_care or care_home, not "${careType}"`);
  const overrides: Record<string, number> = {};
  const fields = fieldsFor(careType);
  for (const [flag, key] of Object.entries(FLAGS)) {
    const raw = values[flag as keyof typeof FLAGS];
    if (raw === undefined) continue;
    if (!fields[key]) throw new UsageError(`--${flag} is for home care only`);
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, not "${raw}"`);
    overrides[key] = n;
  }
  return { year, careType, overrides, org: values.org, format };
}

/** The floor from the council's saved assumptions (if any) and the flags; bad values are usage errors naming the flag. */
export function priceFloorOutput(
  args: ReturnType<typeof parsePriceFloorArgs>,
  saved: Record<string, number> | null,
  councilName?: string,
): { format: Format; data: Record<string, unknown>; text: string } {
  let r: PriceFloorResult;
  try {
    r = priceFloor(args.year, args.careType, { ...(saved ?? {}), ...args.overrides });
  } catch (e) {
    if (e instanceof PriceFloorInputError) {
      const flag = Object.entries(FLAGS).find(([, k]) => k === e.issues[0]?.field)?.[0];
      throw new UsageError(flag ? `--${flag}: ${e.issues[0].message}` : e.message);
    }
    throw e;
  }
  const data = {
    year: r.year,
    careType: r.careType,
    unit: r.unit,
    total: r.total,
    lines: r.lines.map((l) => ({ key: l.key, name: l.name, amount: l.amount, basis: l.basis })),
    loadedPaidHours: r.loadedPaidHours,
    assumptions: r.assumptions,
    source: saved ? "council" : "defaults",
  };
  const per = r.unit === "hour" ? "per contact hour" : "per bed per week";
  const width = Math.max(...r.lines.map((l) => l.name.length), 5);
  const pounds = (n: number) => `£${n.toFixed(2)}`.padStart(10);
  const text = [
    `Minimum price floor ${args.year}, ${args.careType === "home_care" ? "home care" : "care home"}, ${per}${councilName ? ` (${councilName}'s assumptions)` : ""}`,
    ...r.lines.map((l) => `  ${l.name.padEnd(width)} ${pounds(l.amount)}  ${l.basis}`),
    `  ${"Total".padEnd(width)} ${pounds(r.total)}`,
    `1p more on the wage adds £${(0.01 * r.wageSensitivity).toFixed(4)} (${r.loadedPaidHours.toFixed(4)} on-cost-loaded paid hours ${per}).`,
  ].join("\n");
  return { format: args.format, data, text };
}
