import { addMonths } from "./apprenticeship-rules";
import { longDate } from "./dates";
import { ASYE_STAGES, type AsyeStage, type AsyeStatus } from "./social-work";
import { withinProtection } from "./sw-caseload";
import { inPostOn, leftBy } from "./sw-in-post";

// The Assessed and Supported Year in Employment (issue 20 item 3): when each review falls due, what
// state it is in on a day, what to remind a manager of, and the programme's quality figures. Pure
// functions shared by the server (lists, reminders, the quality view) and the pages, tested case by
// case in sw-asye.test.ts. Facts: reference-data.md §3.4 (reviews every 3 months, the final at 12;
// a 9-month review as a national requirement is UNCONFIRMED: many employers hold one).

/** Months after the start each stage falls due. */
export const ASYE_STAGE_MONTHS: Record<AsyeStage, number> = { "3_month": 3, "6_month": 6, "9_month": 9, final: 12 };

/**
 * A review held up to this many days after its due date still counts as on time. Our choice (no
 * national rule says): two weeks lets a review be booked around leave and the assessor's diary.
 */
export const ASYE_GRACE_DAYS = 14;
/** A review is "due" (and reminded) from this many days before its due date. */
export const ASYE_REMINDER_DAYS = 14;
/**
 * A 3, 6 or 9-month review may be held from this many days before its due date. Our choice (no
 * national rule says): the same two weeks as the grace after it and the reminder before it, room
 * to book around leave, while a review cannot be held months before the period it looks back on.
 */
export const ASYE_EARLY_DAYS = 14;
/**
 * The final assessment may be held from this many months after the start, i.e. in the year's last
 * month (after the end of month 11), once the portfolio covers the year. An extension moves the
 * final's due date (so whether it was on time), not this: the assessor may conclude once the
 * evidence is there, but never before the extension was decided (reviewTimingIssues).
 */
export const ASYE_FINAL_FROM_MONTHS = 11;

/** Progress recorded at a 3, 6 or 9-month review. */
export const ASYE_PROGRESS = ["on_track", "some_concerns", "not_on_track"] as const;
export type AsyeProgress = (typeof ASYE_PROGRESS)[number];
export const ASYE_PROGRESS_LABELS: Record<AsyeProgress, string> = {
  on_track: "On track",
  some_concerns: "Some concerns",
  not_on_track: "Not on track",
};
/** The final assessment's outcomes; "extend" moves the final assessment to a new date. */
export const ASYE_OUTCOMES = ["pass", "fail", "extend"] as const;
export type AsyeOutcome = (typeof ASYE_OUTCOMES)[number];
export const ASYE_OUTCOME_LABELS: Record<AsyeOutcome, string> = {
  pass: "Passed",
  fail: "Not passed",
  extend: "Extended",
};
export const ASYE_STATUS_LABELS: Record<AsyeStatus, string> = {
  in_progress: "In progress",
  passed: "Passed",
  failed: "Not passed",
  extended: "Extended",
  withdrawn: "Withdrawn",
};

/**
 * A stage's state on a day. `not_held`: the ASYE ended (passed, failed, withdrawn) without it.
 * `done_early`: held before its window opened (recorded before the window was enforced).
 */
export const ASYE_STAGE_STATES = [
  "done_on_time",
  "done_early",
  "done_late",
  "due",
  "overdue",
  "not_yet_due",
  "not_held",
] as const;
export type AsyeStageState = (typeof ASYE_STAGE_STATES)[number];
export const ASYE_STAGE_STATE_LABELS: Record<AsyeStageState, string> = {
  done_on_time: "Held on time",
  done_early: "Held too early",
  done_late: "Held late",
  due: "Due soon",
  overdue: "Overdue",
  not_yet_due: "Not yet due",
  not_held: "Not held",
};

const DAY = 86_400_000;
/** An ISO day plus (or less) whole days. */
export const addDaysTo = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Whether an ASYE is still running (reviews are due and reminded only then). */
export const isOpenAsye = (status: string) => status === "in_progress" || status === "extended";

/**
 * Each stage's due date: 3, 6, 9 and 12 calendar months after the start, clamped to the month's
 * end (31 August + 6 months = 28 February); an extension moves the final assessment to `extendedTo`.
 */
export function asyeDueDates(startDate: string, extendedTo: string | null = null): Record<AsyeStage, string> {
  return {
    "3_month": addMonths(startDate, 3),
    "6_month": addMonths(startDate, 6),
    "9_month": addMonths(startDate, 9),
    final: extendedTo ?? addMonths(startDate, 12),
  };
}

/** The first day a stage may be held: ASYE_EARLY_DAYS before a review's due date, the final from month 12. */
export function reviewWindowOpens(startDate: string, stage: AsyeStage): string {
  if (stage === "final") return addMonths(startDate, ASYE_FINAL_FROM_MONTHS);
  return addDaysTo(asyeDueDates(startDate)[stage], -ASYE_EARLY_DAYS);
}

/** "6-month review", "final assessment": a stage's name in a sentence. */
const stageName = (stage: AsyeStage) =>
  stage === "final" ? "final assessment" : `${ASYE_STAGE_MONTHS[stage]}-month review`;

export interface ReviewTimingIssue {
  path: "stage" | "heldOn";
  message: string;
}

/**
 * What is wrong with holding `r` given the other reviews recorded (`others`: every review but the
 * one being changed; a final that only extended the year, which `r` replaces, stays in it). Reviews
 * go in stage order (3, 6, 9 months, then the final): every earlier stage recorded first, none of
 * them held after this one, no later one held before it; and not before its window opens
 * (reviewWindowOpens). The due date named is the real one, an extension's for the final.
 */
export function reviewTimingIssues(
  a: { startDate: string; extendedTo: string | null; others: readonly { stage: string; heldOn: string }[] },
  r: { stage: AsyeStage; heldOn: string },
): ReviewTimingIssue[] {
  const at = ASYE_STAGES.indexOf(r.stage);
  const review = (stage: AsyeStage) => a.others.find((o) => o.stage === stage);
  const missing = ASYE_STAGES.slice(0, at).find((stage) => !review(stage));
  if (missing)
    return [
      {
        path: "stage",
        message: `Record the ${stageName(missing)} first: reviews are recorded in order (3, 6 and 9 months, then the final assessment)`,
      },
    ];
  const issues: ReviewTimingIssue[] = [];
  const opens = reviewWindowOpens(a.startDate, r.stage);
  if (r.heldOn < opens)
    issues.push({
      path: "heldOn",
      message: `The ${stageName(r.stage)} is due on ${longDate(asyeDueDates(a.startDate, a.extendedTo)[r.stage])}; it can be recorded from ${longDate(opens)}`,
    });
  const extension = r.stage === "final" ? review("final") : undefined;
  const earlier = [...ASYE_STAGES.slice(0, at).map(review), extension]
    .filter((o) => o !== undefined && o.heldOn > r.heldOn)
    .at(-1);
  if (earlier)
    issues.push({
      path: "heldOn",
      message:
        earlier === extension
          ? `The ASYE was extended at the final assessment on ${longDate(earlier.heldOn)}: the final cannot be held before that`
          : `The ${stageName(earlier.stage as AsyeStage)} was held on ${longDate(earlier.heldOn)}: this review cannot be held before it`,
    });
  const later = ASYE_STAGES.slice(at + 1)
    .map(review)
    .find((o) => o !== undefined && o.heldOn < r.heldOn);
  if (later)
    issues.push({
      path: "heldOn",
      message: `The ${stageName(later.stage as AsyeStage)} was held on ${longDate(later.heldOn)}: this review cannot be held after it`,
    });
  return issues;
}

/**
 * A stage's state on `today`: held before its window opened (`opensOn`) is early, no later than
 * due + the grace on time, after it late; not
 * held, it is overdue once the due date has passed, due within ASYE_REMINDER_DAYS before it, else
 * not yet due. A closed ASYE's stage never held is `not_held` (nobody is reminded of it).
 */
export function stageState(input: {
  due: string;
  heldOn: string | null;
  today: string;
  open?: boolean;
  /** The first day it may be held (reviewWindowOpens). */
  opensOn?: string;
}): AsyeStageState {
  if (input.heldOn && input.opensOn && input.heldOn < input.opensOn) return "done_early";
  if (input.heldOn) return input.heldOn <= addDaysTo(input.due, ASYE_GRACE_DAYS) ? "done_on_time" : "done_late";
  if (input.open === false) return "not_held";
  if (input.today > input.due) return "overdue";
  if (input.today >= addDaysTo(input.due, -ASYE_REMINDER_DAYS)) return "due";
  return "not_yet_due";
}

/** What the rules read of an ASYE. */
export interface AsyeTimeline {
  startDate: string;
  extendedTo: string | null;
  status: AsyeStatus | string;
  outcomeOn: string | null;
  /** Reviews recorded; a final with progress "extend" is an extension, not the final held. */
  reviews: readonly { stage: AsyeStage | string; heldOn: string; progress: string }[];
}

export interface AsyeStageView {
  stage: AsyeStage;
  due: string;
  heldOn: string | null;
  state: AsyeStageState;
}

/** When a stage counts as held: any review of it, except a final that only extended the year. */
const heldReview = (a: AsyeTimeline, stage: AsyeStage) =>
  a.reviews.find((r) => r.stage === stage && !(stage === "final" && r.progress === "extend"));

/** Every stage of an ASYE with its due date, when it was held and its state on `today`. */
export function asyeStages(a: AsyeTimeline, today: string): AsyeStageView[] {
  const due = asyeDueDates(a.startDate, a.extendedTo);
  const open = isOpenAsye(a.status);
  return ASYE_STAGES.map((stage) => {
    const heldOn = heldReview(a, stage)?.heldOn ?? null;
    const opensOn = reviewWindowOpens(a.startDate, stage);
    return { stage, due: due[stage], heldOn, state: stageState({ due: due[stage], heldOn, today, open, opensOn }) };
  });
}

/** The first stage not yet held, while the ASYE is open; null when all are held or it has ended. */
export function nextStage(a: AsyeTimeline, today: string): AsyeStageView | null {
  if (!isOpenAsye(a.status)) return null;
  return asyeStages(a, today).find((s) => s.heldOn === null) ?? null;
}

/**
 * What to remind a manager of on `today`: the open ASYE's stages not held that are overdue or due
 * within ASYE_REMINDER_DAYS, earliest first. Nothing once the worker has left (from their end date, `leftOn`).
 */
export function asyeReminders(a: AsyeTimeline & { leftOn?: string | null }, today: string): AsyeStageView[] {
  if (!isOpenAsye(a.status) || leftBy({ endDate: a.leftOn }, today)) return [];
  return asyeStages(a, today).filter((s) => s.state === "due" || s.state === "overdue");
}

// The programme's quality view (item 3): shares with what they count, so a page can say "9 of 12".

export interface Share {
  /** What met the measure. */
  count: number;
  /** What it was measured over. */
  of: number;
  /** count ÷ of, or null when there was nothing to measure. */
  share: number | null;
}
export const shareOf = (count: number, of: number): Share => ({ count, of, share: of ? count / of : null });

/**
 * Reviews held on time, of the reviews that were due: a stage counts once it is held, or, not held,
 * once its grace has passed (by `today` while the ASYE is open, by its outcome date once it ended);
 * a stage due after an ASYE ended does not count. A final that only extended the year counts
 * nothing: the final is due at the new date.
 */
export function reviewsOnTime(asyes: readonly AsyeTimeline[], today: string): Share {
  let count = 0;
  let of = 0;
  for (const a of asyes) {
    const until = isOpenAsye(a.status) ? today : (a.outcomeOn ?? today);
    for (const s of asyeStages(a, today)) {
      if (s.heldOn) {
        of++;
        if (s.state === "done_on_time") count++;
      } else if (addDaysTo(s.due, ASYE_GRACE_DAYS) < until) of++;
    }
  }
  return shareOf(count, of);
}

/** The last day of an ASYE's protected year to check caseloads over: its outcome, else its final's due date, at most today. */
export function protectionEnd(a: AsyeTimeline, today: string): string {
  const end = isOpenAsye(a.status) || !a.outcomeOn ? asyeDueDates(a.startDate, a.extendedTo).final : a.outcomeOn;
  return end < today ? end : today;
}

/**
 * Caseload within protection: of the ASYE worker-months with a recorded caseload (months from the
 * start's to protectionEnd's), the share whose open cases were at most the protected target
 * (sw-caseload.ts's withinProtection: at the target counts as within).
 */
export function caseloadWithinProtection(
  asyes: readonly (AsyeTimeline & { target: number; months: readonly { month: string; openCases: number }[] })[],
  today: string,
): Share {
  let count = 0;
  let of = 0;
  for (const a of asyes) {
    const from = `${a.startDate.slice(0, 7)}-01`;
    const to = `${protectionEnd(a, today).slice(0, 7)}-01`;
    for (const m of a.months) {
      if (m.month < from || m.month > to) continue;
      of++;
      if (withinProtection(m.openCases, a.target)) count++;
    }
  }
  return shareOf(count, of);
}

/** Pass rate: passed ÷ decided (passed or failed); withdrawn and still running are not decided. */
export function passRate(asyes: readonly { status: string }[]): Share {
  const passed = asyes.filter((a) => a.status === "passed").length;
  const failed = asyes.filter((a) => a.status === "failed").length;
  return shareOf(passed, passed + failed);
}

/**
 * NQSW retention after `months`: of those whose ASYE started at least `months` ago, the share still
 * in post on the day `months` after starting (no end date, or one after that anniversary: sw-in-post.ts).
 */
export function nqswRetention(
  people: readonly { startDate: string; leftOn: string | null }[],
  months: number,
  today: string,
): Share {
  const eligible = people.filter((p) => addMonths(p.startDate, months) <= today);
  const stayed = eligible.filter((p) =>
    inPostOn({ startDate: p.startDate, endDate: p.leftOn }, addMonths(p.startDate, months)),
  );
  return shareOf(stayed.length, eligible.length);
}

/** The financial year (April to March) a day falls in, "2025-26": ASYE grants are paid per financial year. */
export function grantYearOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

export interface GrantRow {
  service: string;
  year: string;
  started: number;
  grantClaimed: number;
  passed: number;
  withdrawn: number;
}

/** The grant's data: per service and financial year of the start, ASYEs started, grant claimed, passed, withdrawn. */
export function grantRows(
  asyes: readonly { service: string; startDate: string; status: string; grantClaimedOn: string | null }[],
): GrantRow[] {
  const rows = new Map<string, GrantRow>();
  for (const a of asyes) {
    const year = grantYearOf(a.startDate);
    const key = `${a.service}|${year}`;
    const row = rows.get(key) ?? { service: a.service, year, started: 0, grantClaimed: 0, passed: 0, withdrawn: 0 };
    row.started++;
    if (a.grantClaimedOn) row.grantClaimed++;
    if (a.status === "passed") row.passed++;
    if (a.status === "withdrawn") row.withdrawn++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((x, y) => x.service.localeCompare(y.service) || x.year.localeCompare(y.year));
}
