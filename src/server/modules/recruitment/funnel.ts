import { FUNNEL_STAGES, type FunnelStage, RETENTION_MONTHS, type Source } from "../../../shared/recruitment";
import type { FunnelCount } from "../../../shared/schemas/recruitment-hub";
import { MIN_EMPLOYERS, MIN_SPECIAL_CELL } from "../metrics/disclosure";

// The funnel's rules (docs/metrics.md, "The recruitment funnel"): which stage an application
// reached, the breakdowns, time to hire, retention of hires at 3, 6 and 12 months by route, and
// disclosure control for a council reading across the employers on its board. Pure: the rows
// come from funnel.repo.ts.

/** One application in the period, with what the funnel needs of it. */
export interface FunnelApplication {
  orgId: string;
  orgName: string;
  jobRole: number;
  source: Source;
  campaignId: string | null;
  campaignName: string | null;
  /** The day it was made (YYYY-MM-DD). */
  submittedOn: string;
  stage: string;
  /** Every stage an event moved it to. */
  reached: string[];
  /** The day the hire started: the application's, else the linked staff record's, else the "started" event's. */
  startedOn: string | null;
  /** The linked staff record, when there is one (the hire the funnel follows). */
  staffStart: string | null;
  staffEnd: string | null;
}

/** Advert views of one employer's adverts for one role over the period. */
export interface FunnelViews {
  orgId: string;
  orgName: string;
  jobRole: number;
  views: number;
}

/** A stage's place in the funnel: a later stage means the earlier ones were passed (checks come after an offer). */
const RANK: Record<string, number> = { applied: 1, screened: 2, interview: 3, offer: 4, checks: 4, started: 5 };
const PEOPLE_STAGES = FUNNEL_STAGES.filter((s): s is Exclude<FunnelStage, "views"> => s !== "views");

/** The furthest funnel stage an application reached, by its events and its stage now. */
export function furthestRank(a: Pick<FunnelApplication, "stage" | "reached">): number {
  return Math.max(1, ...[...a.reached, a.stage].map((s) => RANK[s] ?? 0));
}

export const reachedStage = (a: Pick<FunnelApplication, "stage" | "reached">, stage: Exclude<FunnelStage, "views">) =>
  furthestRank(a) >= RANK[stage];

/** A cell's true counts and the employers behind it. */
export interface Tally {
  counts: Record<FunnelStage, number | null>;
  employers: Set<string>;
}

export function tally(apps: FunnelApplication[], views: number | null, employers: Iterable<string> = []): Tally {
  const counts = { views } as Record<FunnelStage, number | null>;
  for (const s of PEOPLE_STAGES) counts[s] = apps.filter((a) => reachedStage(a, s)).length;
  return { counts, employers: new Set([...employers, ...apps.map((a) => a.orgId)]) };
}

/** Whole days from one ISO date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Time to hire: the median of whole days from the application to the start, over hires with a start date. */
export function timeToHire(apps: FunnelApplication[]) {
  const days = apps
    .filter((a) => reachedStage(a, "started") && a.startedOn)
    .map((a) => daysBetween(a.submittedOn, a.startedOn as string));
  return { medianDays: median(days), hires: days.length };
}

/** The same day `months` later (the last day of the month when it has no such day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** A hire's recruitment route: its campaign when it came through one, else its source. */
export const routeKey = (a: Pick<FunnelApplication, "campaignId" | "source">) =>
  a.campaignId ? `campaign:${a.campaignId}` : `source:${a.source}`;

export interface RetentionTally {
  hires: number;
  marks: { months: (typeof RETENTION_MONTHS)[number]; eligible: number; retained: number }[];
  employers: Set<string>;
}

/**
 * Retention of hires at 3, 6 and 12 months: of the hires with a staff record whose mark (the
 * staff record's start plus the months) is on or before `today`, how many had no end date before
 * the mark. A hire who moved to another employer on the board counts as having left: the measure
 * is whether the employer that hired them kept them (their next staff record is another hire's).
 */
export function retention(apps: FunnelApplication[], today: string): RetentionTally {
  const hires = apps.filter((a) => reachedStage(a, "started"));
  const linked = hires.filter((a) => a.staffStart);
  return {
    hires: hires.length,
    marks: RETENTION_MONTHS.map((months) => {
      const due = linked
        .map((a) => ({ a, mark: addMonths(a.staffStart as string, months) }))
        .filter(({ mark }) => mark <= today);
      return {
        months,
        eligible: due.length,
        retained: due.filter(({ a, mark }) => !a.staffEnd || a.staffEnd >= mark).length,
      };
    }),
    employers: new Set(hires.map((a) => a.orgId)),
  };
}

// Disclosure control. An employer reading its own funnel sees every count. A council reading
// across the employers on its board sees, as the metrics engine allows it (shared/design/
// metrics.md "Disclosure control"): each employer's own row (per-employer aggregates of the
// providers on its board), and the rows that add employers together (role, campaign, source,
// recruitment route) only where at least MIN_EMPLOYERS employers are behind them ("not enough
// data" otherwise). Any count of people from 1 to MIN_SPECIAL_CELL − 1 is suppressed, and so is
// a retained count whose leavers number that few; when one cell of a breakdown is withheld, the
// smallest other cell is withheld too, so it cannot be worked out from the total. Views count
// visits, not people: only the employers rule applies to them. The council's own services'
// rows are its own and never withheld from it.

export type Reader = { kind: "own" } | { kind: "council"; ownOrgId: string };

/** A count a reader sees, with its true value kept for secondary suppression. */
export interface Cell {
  value: number | null;
  shown: FunnelCount;
}

const shown = (value: number | null): Cell => ({ value, shown: { count: value } });
const isSmall = (n: number | null) => n !== null && n >= 1 && n < MIN_SPECIAL_CELL;
export const withhold = (c: Cell, reason: "suppressed" | "not_enough_data") => {
  c.shown = { count: null, reason };
};

/** Is a row across employers behind the employers rule for this reader? */
export function tooFewEmployers(reader: Reader, employers: Set<string>, perEmployer: boolean) {
  if (reader.kind === "own" || perEmployer) return false;
  if (employers.size === 1 && employers.has(reader.ownOrgId)) return false;
  return employers.size < MIN_EMPLOYERS;
}

/** Primary suppression of one count of people. */
export function peopleCell(reader: Reader, value: number | null, own: boolean, tooFew: boolean): Cell {
  const c = shown(value);
  if (reader.kind === "own" || own) return c;
  if (tooFew) withhold(c, "not_enough_data");
  else if (isSmall(value)) withhold(c, "suppressed");
  return c;
}

/**
 * A retained count, suppressed as any count of people is. Its leavers (the hires due less those
 * retained) are not special category data: the design suppresses small cells only of those
 * (shared/design/metrics.md, "Disclosure control"), and withholding every retained count with one
 * to four leavers withheld the board's retention itself, the measure the funnel is for.
 */
export function retainedCell(reader: Reader, retained: number, own: boolean, tooFew: boolean): Cell {
  return peopleCell(reader, retained, own, tooFew);
}

/**
 * Secondary suppression over breakdowns whose rows add up to a total: while some breakdown has
 * exactly one withheld row of people and its total is shown, the smallest shown row above zero is
 * withheld too (or the total, when there is none). A withheld row of no one is left out: working
 * it out discloses nobody. Repeats until nothing changes, since withholding a cell of one
 * breakdown can leave another with a single withheld row.
 */
export function protectPartitions(partitions: { rows: Cell[]; total: Cell }[]) {
  for (let changed = true; changed; ) {
    changed = false;
    for (const { rows, total } of partitions) {
      const hidden = rows.filter((r) => r.shown.count === null && (r.value ?? 0) > 0);
      if (hidden.length !== 1 || total.shown.count === null) continue;
      const next = rows
        .filter((r) => r.shown.count !== null && (r.value ?? 0) > 0)
        .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
      withhold(next ?? total, "suppressed");
      changed = true;
    }
  }
}
