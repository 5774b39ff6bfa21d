import { addMonths } from "./apprenticeship-rules";
import { SW_ROLES, type SwRole } from "./social-work";
import { inPostOn } from "./sw-in-post";

// Supervision rules for the council's social work service (issue 20 item 4), pure and tested case by
// case in sw-supervision.test.ts. The frequency standard is LGA Employer Standard 5 (2020,
// social-work.md §3.1): every social worker at least monthly, for at least an hour and a half; a
// newly qualified social worker in their ASYE at least weekly for the first 6 weeks, fortnightly to
// 6 months and monthly after. Students on placement are supervised "as agreed with students and
// programme providers": they are not staff records here and are not counted.

/** The ASYE's three windows, in order. */
export const ASYE_WINDOWS = ["asye_first_6_weeks", "asye_to_6_months", "asye_after_6_months"] as const;
export type AsyeWindow = (typeof ASYE_WINDOWS)[number];
export const ASYE_WINDOW_LABELS: Record<AsyeWindow, string> = {
  asye_first_6_weeks: "ASYE: first 6 weeks",
  asye_to_6_months: "ASYE: 6 weeks to 6 months",
  asye_after_6_months: "ASYE: after 6 months",
};

/** What a standard row applies to: "all", an ASYE window or a role (SW_ROLES key). */
export type StandardTarget = "all" | AsyeWindow | SwRole;
export const STANDARD_TARGETS: readonly StandardTarget[] = [
  "all",
  ...ASYE_WINDOWS,
  ...(Object.keys(SW_ROLES) as SwRole[]),
];
export const standardTargetLabel = (t: string) =>
  t === "all"
    ? "Everyone (unless set below)"
    : ((ASYE_WINDOW_LABELS as Record<string, string>)[t] ??
      (SW_ROLES as Record<string, { label: string }>)[t]?.label ??
      t);

export const INTERVAL_UNITS = ["week", "month"] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

export interface Interval {
  every: number;
  unit: IntervalUnit;
  minMinutes: number;
}
export interface StandardRow extends Interval {
  appliesTo: string;
}

/** LGA Employer Standard 5: the defaults when the council has set none. */
export const DEFAULT_STANDARDS: Readonly<Record<"all" | AsyeWindow, Interval>> = {
  all: { every: 1, unit: "month", minMinutes: 90 },
  asye_first_6_weeks: { every: 1, unit: "week", minMinutes: 90 },
  asye_to_6_months: { every: 2, unit: "week", minMinutes: 90 },
  asye_after_6_months: { every: 1, unit: "month", minMinutes: 90 },
};

/** Days before the due date at which a supervision is "due soon". */
export const DUE_SOON_DAYS = 7;

export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A day plus an interval. */
export const addInterval = (day: string, i: Pick<Interval, "every" | "unit">) =>
  i.unit === "week" ? addDays(day, 7 * i.every) : addMonths(day, i.every);

export const intervalLabel = (i: Pick<Interval, "every" | "unit">) =>
  i.every === 1 ? (i.unit === "week" ? "Weekly" : "Monthly") : `Every ${i.every} ${i.unit}s`;

/** A worker's ASYE, as far as supervision needs it. */
export interface AsyeSpan {
  startDate: string;
  /** When extended, the new end of the year. */
  extendedTo?: string | null;
  /** When it ended with an outcome (passed, failed, withdrawn). */
  outcomeOn?: string | null;
}

/**
 * The stage whose standard applies to a worker on a day: an ASYE window while their ASYE runs
 * (from its start to 12 months, or its extension, and not after its outcome), else their role.
 */
export function supervisionStage(worker: { role: string; asye?: AsyeSpan | null }, day: string): AsyeWindow | string {
  const a = worker.asye;
  if (a && day >= a.startDate) {
    const end = a.extendedTo ?? addMonths(a.startDate, 12);
    const ended = (a.outcomeOn && day >= a.outcomeOn) || day >= end;
    if (!ended) {
      if (day < addDays(a.startDate, 42)) return "asye_first_6_weeks";
      if (day < addMonths(a.startDate, 6)) return "asye_to_6_months";
      return "asye_after_6_months";
    }
  }
  return worker.role;
}

/**
 * The interval in force for a stage: the council's row for an ASYE window or role, else (for a
 * role) the council's "all", else the default. A role's row beats "all".
 */
export function intervalFor(stage: string, rows: readonly StandardRow[]): Interval & { source: string } {
  const own = rows.find((r) => r.appliesTo === stage);
  if (own) return { every: own.every, unit: own.unit, minMinutes: own.minMinutes, source: stage };
  if ((ASYE_WINDOWS as readonly string[]).includes(stage))
    return { ...DEFAULT_STANDARDS[stage as AsyeWindow], source: stage };
  const all = rows.find((r) => r.appliesTo === "all");
  if (all) return { every: all.every, unit: all.unit, minMinutes: all.minMinutes, source: "all" };
  return { ...DEFAULT_STANDARDS.all, source: "all" };
}

/** Every target with the interval in force (the council's or the default): for the standards' page. */
export function effectiveStandards(rows: readonly StandardRow[]) {
  return STANDARD_TARGETS.map((t) => {
    const own = rows.find((r) => r.appliesTo === t);
    const i = intervalFor(t, rows);
    return { appliesTo: t, label: standardTargetLabel(t), ...i, set: Boolean(own) };
  });
}

export interface WorkerForSupervision {
  role: string;
  startDate: string;
  endDate?: string | null;
  asye?: AsyeSpan | null;
}

/**
 * When the next supervision is due on a day: the last held on or before it plus the interval in
 * force on that day; with none held, from the worker's start date (by the stage at the start).
 */
export function nextDue(
  worker: WorkerForSupervision,
  heldDates: readonly string[],
  rows: readonly StandardRow[],
  day: string,
) {
  let last: string | null = null;
  for (const d of heldDates) if (d <= day && (last === null || d > last)) last = d;
  const from = last ?? worker.startDate;
  return { lastHeld: last, dueOn: addInterval(from, intervalFor(supervisionStage(worker, from), rows)) };
}

export type SupervisionState = "overdue" | "due_soon" | "ok";
export const SUPERVISION_STATE_LABELS: Record<SupervisionState, string> = {
  overdue: "Overdue",
  due_soon: "Due soon",
  ok: "Up to date",
};

/** Overdue once the due date has passed; due soon within 7 days of it (the due date itself included). */
export function supervisionState(dueOn: string, day: string): SupervisionState {
  if (dueOn < day) return "overdue";
  if (dueOn <= addDays(day, DUE_SOON_DAYS)) return "due_soon";
  return "ok";
}

/**
 * A team's compliance on a day: the share of its workers in post that day who are not overdue
 * (null with nobody in post).
 */
export function teamCompliance(
  workers: readonly (WorkerForSupervision & { held: readonly string[] })[],
  rows: readonly StandardRow[],
  day: string,
): { inPost: number; notOverdue: number; share: number | null } {
  let n = 0;
  let ok = 0;
  for (const w of workers) {
    if (!inPostOn(w, day)) continue;
    n += 1;
    if (supervisionState(nextDue(w, w.held, rows, day).dueOn, day) !== "overdue") ok += 1;
  }
  return { inPost: n, notOverdue: ok, share: n ? ok / n : null };
}

/** The last day of each of the 12 months to a day (the last "month end" is the day itself). */
export function monthEnds(day: string, months = 12): string[] {
  const out: string[] = [day];
  let first = `${day.slice(0, 8)}01`;
  for (let i = 1; i < months; i += 1) {
    out.unshift(addDays(first, -1));
    first = `${addDays(first, -1).slice(0, 8)}01`;
  }
  return out;
}

/**
 * A team's compliance over the 12 months to a day: the average of its compliance at each month's
 * end (the current month's at the day), months with nobody in post left out.
 */
export function periodCompliance(
  workers: readonly (WorkerForSupervision & { held: readonly string[] })[],
  rows: readonly StandardRow[],
  day: string,
  months = 12,
): number | null {
  const shares = monthEnds(day, months)
    .map((d) => teamCompliance(workers, rows, d).share)
    .filter((s): s is number => s !== null);
  return shares.length ? shares.reduce((s, x) => s + x, 0) / shares.length : null;
}

/** A share as a whole percentage ("87%"), or "No one in post". */
export const percent = (share: number | null) => (share === null ? "No one in post" : `${Math.round(share * 100)}%`);
