// Progression's rules (issue 20 item 6; social-work.md §4): which step of the council's scheme
// comes next for a worker, whether they are eligible for it on a date (and every reason not),
// and when their annual development review is due. Pure: the services read the rows and pass
// them in, so the page, the API and the demo all give the same answer.

import { longDate } from "./dates";
import { type PcfLevel, SW_ROLE_KEYS, SW_ROLES, type SwService } from "./social-work";

/** A step of the scheme, as far as the rules need it. */
export interface ProgressionStepRule {
  id: string;
  service: string | null;
  fromGrade: string;
  toGrade: string;
  automatic: boolean;
  minMonthsInGrade: number | null;
  position: number;
  archived: boolean;
}

/** The last development review, as far as the rules need it. */
export interface ReviewRule {
  heldOn: string;
  readyForProgression: boolean;
}

/** A review counts for progression (and the worker is not due one) for 12 months. */
export const REVIEW_VALID_MONTHS = 12;
/** A review falls "due" this many days before its 12 months end; after that it is "overdue". */
export const REVIEW_DUE_SOON_DAYS = 30;

/** The same day `months` later (the month's last day when that day does not exist). */
export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dom = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(dom, last));
  return d.toISOString().slice(0, 10);
}

/** Whole months from `from` to `to` (a month counts once its same day is reached). */
export function wholeMonths(from: string, to: string): number {
  if (to < from) return 0;
  let months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
}

/** The live steps that apply to a service (its own and those for both), in the scheme's order. */
export function stepsFor<S extends ProgressionStepRule>(steps: S[], service: string): S[] {
  return steps
    .filter((s) => !s.archived && (s.service === null || s.service === service))
    .sort((a, b) => a.position - b.position || a.fromGrade.localeCompare(b.fromGrade));
}

/** The step from the worker's grade in their service, or null (no grade, or the top of the scheme). */
export function nextStep<S extends ProgressionStepRule>(steps: S[], service: string, grade: string | null): S | null {
  if (!grade) return null;
  const norm = (g: string) => g.trim().toLowerCase();
  return stepsFor(steps, service).find((s) => norm(s.fromGrade) === norm(grade)) ?? null;
}

export interface EligibilityInput {
  step: Pick<ProgressionStepRule, "automatic" | "minMonthsInGrade" | "fromGrade">;
  /** The day asked about (YYYY-MM-DD). */
  on: string;
  /** The worker's grade now. */
  grade: string | null;
  /** Since when they have held it: the last approved step's decision, else their start in the role. */
  gradeSince: string;
  /** The ASYE's status (sw_asye), or null when they have none. */
  asyeStatus: string | null;
  /** Their latest development review on or before `on`, or null. */
  lastReview: ReviewRule | null;
}

export interface Eligibility {
  eligible: boolean;
  /** Every criterion not met, in plain English. */
  reasons: string[];
  monthsInGrade: number;
  /** When the months in grade are (or were) met; null when the step sets none. */
  monthsMetOn: string | null;
}

/**
 * Whether a worker may progress on a step on a date. Every step needs the worker to hold its
 * "from" grade and the step's minimum months in it. An automatic step (NQSW to social worker)
 * needs the ASYE passed and nothing else. A panel step also needs a development review in the
 * last 12 months that marked them ready for progression (councils discuss progression in the
 * annual review: social-work.md §4).
 */
export function eligibility(x: EligibilityInput): Eligibility {
  const reasons: string[] = [];
  const norm = (g: string | null) => (g ?? "").trim().toLowerCase();
  if (norm(x.grade) !== norm(x.step.fromGrade))
    reasons.push(
      x.grade
        ? `Their grade is ${x.grade}, not ${x.step.fromGrade}, the grade this step starts from.`
        : `They have no grade recorded; this step starts from ${x.step.fromGrade}.`,
    );
  const monthsInGrade = wholeMonths(x.gradeSince, x.on);
  const min = x.step.minMonthsInGrade;
  const monthsMetOn = min ? addMonths(x.gradeSince, min) : null;
  if (min && monthsInGrade < min)
    reasons.push(`${monthsInGrade} of the ${min} months in grade needed (met on ${longDate(monthsMetOn)}).`);
  if (x.step.automatic) {
    if (x.asyeStatus !== "passed")
      reasons.push(
        x.asyeStatus
          ? "Their ASYE is not passed yet: this step follows passing it."
          : "They have no ASYE recorded: this step follows passing it.",
      );
  } else {
    const review = x.lastReview && x.lastReview.heldOn <= x.on ? x.lastReview : null;
    if (!review || addMonths(review.heldOn, REVIEW_VALID_MONTHS) <= x.on)
      reasons.push("No development review in the last 12 months.");
    else if (!review.readyForProgression)
      reasons.push(
        `Their last development review (${longDate(review.heldOn)}) did not mark them ready for progression.`,
      );
  }
  return { eligible: reasons.length === 0, reasons, monthsInGrade, monthsMetOn };
}

export type ReviewStatus = "never" | "overdue" | "due" | "up_to_date";

/** When the next development review is due, and whether it is: none yet, overdue, due within 30 days, up to date. */
export function reviewDue(lastHeldOn: string | null, on: string): { status: ReviewStatus; dueOn: string | null } {
  if (!lastHeldOn) return { status: "never", dueOn: null };
  const dueOn = addMonths(lastHeldOn, REVIEW_VALID_MONTHS);
  if (dueOn <= on) return { status: "overdue", dueOn };
  const soon = new Date(`${on}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + REVIEW_DUE_SOON_DAYS);
  return { status: dueOn <= soon.toISOString().slice(0, 10) ? "due" : "up_to_date", dueOn };
}

/** The case's next statuses: a case is prepared, submitted to a panel, then decided once. */
export const CASE_DECISIONS = ["approved", "deferred", "declined"] as const;
export type CaseDecision = (typeof CASE_DECISIONS)[number];

/** The PCF level each role of the progression ladder works at (reference-data.md §3.2). */
const ROLE_PCF: Record<string, PcfLevel> = {
  asye_social_worker: "asye",
  social_worker: "social_worker",
  senior_social_worker: "experienced",
  advanced_practitioner: "advanced",
  principal_social_worker: "strategic",
  service_manager: "strategic",
};

/**
 * What approving a step changes on the worker's profile: the grade always; the role (and its PCF
 * level) when the step names the career framework role it moves to and one of the service's roles
 * is that framework role (SW_ROLES' frameworkRole), else the role is left as it is.
 */
export function profileAfterStep(
  step: { toGrade: string; toFrameworkRole: string | null },
  service: SwService,
  current: { role: string; pcfLevel: string | null },
): { grade: string; role: string; pcfLevel: string | null } {
  const role = step.toFrameworkRole
    ? SW_ROLE_KEYS.find(
        (k) => (SW_ROLES[k].frameworkRole as Partial<Record<SwService, string>>)[service] === step.toFrameworkRole,
      )
    : undefined;
  if (!role) return { grade: step.toGrade, role: current.role, pcfLevel: current.pcfLevel };
  return { grade: step.toGrade, role, pcfLevel: ROLE_PCF[role] ?? current.pcfLevel };
}
