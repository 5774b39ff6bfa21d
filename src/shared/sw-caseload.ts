import type { SwService } from "./social-work";

// Caseload rules for the council's social work service (issue 20 item 5): a team's threshold, a
// team's average per full-time case holder, and a newly qualified worker's protected caseload.
// Pure functions, shared by server, client and part C1 (ASYE), tested in sw-caseload.test.ts.

/** A worker's FTE: the one rule, in sw-fte.ts (re-exported for the demo's caseloads, which import it from here). */
export { fteOf } from "./sw-fte";

export interface CaseloadSettings {
  caseloadThresholdAdults: number;
  caseloadThresholdChildren: number;
  asyeProtectionShare: number;
}

/** Settings used when the council has saved none (as the sw_settings columns' defaults). */
export const DEFAULT_CASELOAD_SETTINGS: CaseloadSettings = {
  caseloadThresholdAdults: 20,
  caseloadThresholdChildren: 18,
  asyeProtectionShare: 0.8,
};

/** The most open cases per full-time case holder a team should average: its own, else its service's. */
export function caseloadThreshold(
  team: { service: SwService | string; caseloadThreshold: number | null },
  settings: CaseloadSettings = DEFAULT_CASELOAD_SETTINGS,
): number {
  if (team.caseloadThreshold !== null && team.caseloadThreshold !== undefined) return team.caseloadThreshold;
  return team.service === "adults" ? settings.caseloadThresholdAdults : settings.caseloadThresholdChildren;
}

/**
 * A newly qualified worker's protected caseload: the ASYE's own target when set, else the
 * council's protection share of the threshold, rounded down (0.8 × 18 = 14.4 → 14).
 */
export function protectedCaseloadTarget(input: {
  asyeTarget: number | null | undefined;
  threshold: number;
  share: number;
}): number {
  if (input.asyeTarget !== null && input.asyeTarget !== undefined) return input.asyeTarget;
  // A small epsilon so 0.7 × 20 (13.999…) counts as 14.
  return Math.floor(input.share * input.threshold + 1e-9);
}

/** Whether a month's open cases are within the protected target (at it counts as within). */
export const withinProtection = (openCases: number, target: number) => openCases <= target;

export interface CaseHolderMonth {
  openCases: number;
  /** The worker's full-time equivalent (sw-fte.ts). */
  fte: number;
}

/**
 * A team's average caseload per full-time case holder in a month: the open cases of its
 * case-holding workers divided by their FTE (the DfE census's caseload per FTE). Null with no FTE.
 */
export function teamAverageCaseload(rows: readonly CaseHolderMonth[]): number | null {
  const fte = rows.reduce((s, r) => s + r.fte, 0);
  if (fte <= 0) return null;
  const cases = rows.reduce((s, r) => s + r.openCases, 0);
  return Math.round((cases / fte) * 10) / 10;
}

/** Whether a team's average is above its threshold (at the threshold is not above). */
export const aboveThreshold = (average: number | null, threshold: number) => average !== null && average > threshold;

/** What is wrong with a worker's month, and on which of its fields (the open cases or the types). */
export interface CaseloadProblem {
  field: "openCases" | "byType";
  message: string;
}

/**
 * Why a worker's month does not add up, or null: open cases are a whole number of at least 0, each
 * type's count too, and when any type is given the types must add up to the open cases. A split
 * that does not add up is put on the types: they are the figures to correct (or clear), since the
 * open cases are what the person is usually changing.
 */
export function caseloadProblem(openCases: number, byType: Record<string, number>): CaseloadProblem | null {
  if (!Number.isInteger(openCases) || openCases < 0)
    return { field: "openCases", message: "Open cases must be a whole number, 0 or more" };
  const counts = Object.values(byType);
  if (counts.some((n) => !Number.isInteger(n) || n < 0))
    return { field: "byType", message: "Cases of each type must be whole numbers, 0 or more" };
  if (!counts.length) return null;
  const sum = counts.reduce((s, n) => s + n, 0);
  if (sum !== openCases)
    return {
      field: "byType",
      message: `the cases by type add up to ${sum}, not the ${openCases} open cases: correct the cases by type, or clear them`,
    };
  return null;
}

const sameSplit = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
};

/**
 * Whether a worker's saved split by case type is left over from an earlier total and should be
 * cleared rather than refused: the open cases were changed, the types were not touched, and they no
 * longer add up. The person correcting a total is looking at the total, not at a split entered
 * for the old one (often in a closed section); refusing made them find and redo a split they may not
 * have to hand. A split the person did change is theirs, so a mismatch there is refused instead.
 */
export function staleTypeSplit(
  saved: { openCases: number | null; byType: Record<string, number> },
  entered: { openCases: number; byType: Record<string, number> },
): boolean {
  if (saved.openCases === null || saved.openCases === entered.openCases) return false;
  if (!Object.keys(saved.byType).length || !sameSplit(saved.byType, entered.byType)) return false;
  return Object.values(entered.byType).reduce((s, n) => s + n, 0) !== entered.openCases;
}

/** The first day of the month a day falls in ("2026-06-15" → "2026-06-01"). */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
