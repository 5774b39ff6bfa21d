import { addMonths } from "./apprenticeship-rules";
import { GROW_YOUR_OWN_ROUTES, type RouteIn, SW_ROLES, type SwRoleInfo } from "./social-work";
import { inPostOn } from "./sw-in-post";

// Routes into social work and practice educators (issue 20 items 2 and 7): the Education Support
// Grant a placement earns, what a sponsored trainee repays when they leave early, when a practice
// educator's payment falls due and becomes overdue, the academic year, grow-your-own retention
// and the grow-your-own share. Pure functions shared by the server and the pages, tested case by
// case in sw-routes-in.test.ts. Facts: shared/reference/social-work.md §2 (placements, ESG, PEs)
// and §6 (training routes).

/** Money in pounds, rounded to the penny. */
export const roundPence = (pounds: number) => Math.round(pounds * 100) / 100;

// ---- Placements and the Education Support Grant ------------------------------------------------

/**
 * The usual placement pattern (social-work.md §2.1): 200 days of practice learning, of which up
 * to 30 are skills days, a 70-day first placement and a 100-day final one.
 */
export const PLACEMENT_DAYS = { first: 70, final: 100, skillsMax: 30, total: 200 } as const;

export interface EsgRates {
  /** Pounds per placement day (default £20: the flat rate since 2014; current rate UNCONFIRMED). */
  esgDailyRate: number;
  /** Pounds per skills day (default £10 since 2014; current rate UNCONFIRMED). */
  esgSkillsDayRate: number;
}
export const DEFAULT_ESG_RATES: EsgRates = { esgDailyRate: 20, esgSkillsDayRate: 10 };

/** The words the pages use about the rates: the 2014 rates stand, but no current document confirms them. */
export const ESG_RATES_NOTE =
  "The Education Support Grant has paid £20 a placement day and £10 a skills day since 2014; the current rates are UNCONFIRMED, so check them with the university and change them in the service's settings.";

/** The ESG a placement earns: placement days × the daily rate + skills days × the skills-day rate. */
export function esgDue(days: { placementDays: number | null; skillsDays: number | null }, rates: EsgRates): number {
  return roundPence((days.placementDays ?? 0) * rates.esgDailyRate + (days.skillsDays ?? 0) * rates.esgSkillsDayRate);
}

// ---- The commitment to stay and its repayment ----------------------------------------------------

/**
 * What a council-backed trainee agreed to repay if they leave before the commitment ends (kept as
 * the key in sw_trainees.repayment_terms):
 * - pro_rata: the cost × the months of the commitment not served ÷ the months committed;
 * - full: the whole cost, however much of the commitment was served;
 * - none: nothing.
 */
export const REPAYMENT_TERMS = ["pro_rata", "full", "none"] as const;
export type RepaymentTerms = (typeof REPAYMENT_TERMS)[number];
export const REPAYMENT_TERMS_LABELS: Record<RepaymentTerms, string> = {
  pro_rata: "Repay the cost in proportion to the months of the commitment not served",
  full: "Repay the whole cost if they leave before the commitment ends",
  none: "Nothing to repay",
};

/** Whole calendar months from one day to another (1 March to 31 March is 0; to 1 April is 1). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
}

export interface CommitmentInput {
  cost: number | null;
  commitmentMonths: number | null;
  repaymentTerms: string;
  status: string;
  /** The day they joined the council as a qualified worker (their staff record's start), if they did. */
  joinedOn: string | null;
  /** The day that employment ended, if it has. */
  leftOn: string | null;
}

export type CommitmentState =
  /** No commitment (no months, no cost, or terms of none). */
  | "no_commitment"
  /** Still training, or qualified and not yet joined: nothing is owed yet. */
  | "not_started"
  /** Serving the commitment now. */
  | "serving"
  /** Served it in full: nothing owed. */
  | "served"
  /** Left (or withdrew, or never joined) before it ended: `owed` is due. */
  | "owed";

export interface Commitment {
  state: CommitmentState;
  monthsServed: number;
  /** The day the commitment ends (joined + months), when they joined. */
  endsOn: string | null;
  /** What they repay, in pounds (0 unless `owed`). */
  owed: number;
}

/**
 * The repayment owed when a sponsored trainee leaves before their commitment ends. The commitment
 * runs from the day they join the council as a qualified worker; months served are whole calendar
 * months to the day they left. A trainee who withdrew from training served none of it, so owes by
 * the terms as if they left on day one; one who qualified but has not joined owes nothing yet
 * (`not_started`: the council may still employ them). Rounded to the penny.
 */
export function commitmentOf(t: CommitmentInput): Commitment {
  const terms = (REPAYMENT_TERMS as readonly string[]).includes(t.repaymentTerms)
    ? (t.repaymentTerms as RepaymentTerms)
    : "none";
  const months = t.commitmentMonths ?? 0;
  const cost = t.cost ?? 0;
  if (months <= 0 || cost <= 0 || terms === "none")
    return { state: "no_commitment", monthsServed: 0, endsOn: null, owed: 0 };
  const owedFor = (served: number) =>
    terms === "full" ? roundPence(cost) : roundPence((cost * (months - served)) / months);
  if (t.status === "withdrawn") return { state: "owed", monthsServed: 0, endsOn: null, owed: owedFor(0) };
  if (!t.joinedOn) return { state: "not_started", monthsServed: 0, endsOn: null, owed: 0 };
  const endsOn = addMonths(t.joinedOn, months);
  if (!t.leftOn) return { state: "serving", monthsServed: 0, endsOn, owed: 0 };
  const served = Math.min(months, wholeMonthsBetween(t.joinedOn, t.leftOn));
  if (served >= months) return { state: "served", monthsServed: months, endsOn, owed: 0 };
  return { state: "owed", monthsServed: served, endsOn, owed: owedFor(served) };
}

// ---- Practice educators' payments ----------------------------------------------------------------

/** Days after its due date an unpaid payment becomes overdue. */
export const PE_PAYMENT_GRACE_DAYS = 30;

export type PePaymentStatus = "not_due" | "due" | "overdue" | "paid";
export const PE_PAYMENT_STATUS_LABELS: Record<PePaymentStatus, string> = {
  not_due: "Not due yet",
  due: "Due",
  overdue: "Overdue",
  paid: "Paid",
};

const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The day an unpaid payment becomes overdue: 30 days after it fell due. */
export const pePaymentOverdueFrom = (dueOn: string) => plusDays(dueOn, PE_PAYMENT_GRACE_DAYS);

/**
 * A practice educator's payment (one per student supported) falls due the day the placement ends;
 * unpaid 30 days after that it is overdue.
 */
export function pePaymentStatus(p: { dueOn: string; paidOn: string | null }, today: string): PePaymentStatus {
  if (p.paidOn) return "paid";
  if (today < p.dueOn) return "not_due";
  return today >= pePaymentOverdueFrom(p.dueOn) ? "overdue" : "due";
}

// ---- Academic years ------------------------------------------------------------------------------

/** The academic year (1 September to 31 August) a day falls in, written "2026/27". */
export function academicYearOf(day: string): string {
  const y = Number(day.slice(0, 4));
  const start = day.slice(5) >= "09-01" ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The first and last days of the academic year a day falls in. */
export function academicYearBounds(day: string): { from: string; to: string } {
  const start = Number(academicYearOf(day).slice(0, 4));
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** Whether a placement (start to end, or open) overlaps the academic year a day falls in. */
export function inAcademicYearOf(p: { startDate: string; endDate: string | null }, day: string): boolean {
  const { from, to } = academicYearBounds(day);
  return p.startDate <= to && (p.endDate === null || p.endDate >= from);
}

// ---- Grow your own -------------------------------------------------------------------------------

export interface Retention {
  years: 1 | 2 | 3;
  /** Those who joined at least this many years before the day (the only ones who can count). */
  eligible: number;
  /** Of those, the ones still in post this many years after joining. */
  stayed: number;
  /** stayed ÷ eligible, or null when none are eligible. */
  rate: number | null;
}

/**
 * Grow-your-own retention: of the trainees who joined the council, those still in post 1, 2 and
 * 3 years after joining, counting only those who joined long enough ago for it to be known. Still
 * in post N years on means in post on the N-year anniversary (sw-in-post.ts: no end date, or a later one).
 */
export function retentionOf(joiners: { joinedOn: string; leftOn: string | null }[], today: string): Retention[] {
  return ([1, 2, 3] as const).map((years) => {
    const eligible = joiners.filter((j) => addMonths(j.joinedOn, 12 * years) <= today);
    const stayed = eligible.filter((j) =>
      inPostOn({ startDate: j.joinedOn, endDate: j.leftOn }, addMonths(j.joinedOn, 12 * years)),
    );
    return {
      years,
      eligible: eligible.length,
      stayed: stayed.length,
      rate: eligible.length ? stayed.length / eligible.length : null,
    };
  });
}

export interface GrowYourOwnShare {
  on: string;
  /** The denominator: registered social workers (roles with socialWorker) in post on the day. */
  registeredInPost: number;
  /** The numerator: those whose route in is one of GROW_YOUR_OWN_ROUTES. */
  grownOwn: number;
  /** Those whose route in is not known (in the denominator, not the numerator). */
  routeUnknown: number;
  share: number | null;
}

/**
 * The grow-your-own share (the seed's "65% of qualified staff came through grow your own"): of the
 * registered social workers in post on a day (every role SW_ROLES marks socialWorker, managers
 * included; occupational therapists and unregistered assistants not), counted by head, the share
 * whose route in is a grow-your-own route. Workers whose route is not known stay in the
 * denominator. In post on a day as everywhere (sw-in-post.ts).
 */
export function growYourOwnShare(
  workers: { role: string; routeIn: string; startDate: string; endDate: string | null }[],
  on: string,
): GrowYourOwnShare {
  const roles = SW_ROLES as Record<string, SwRoleInfo>;
  const inPost = workers.filter((w) => roles[w.role]?.socialWorker && inPostOn(w, on));
  const grownOwn = inPost.filter((w) => GROW_YOUR_OWN_ROUTES.includes(w.routeIn as RouteIn)).length;
  return {
    on,
    registeredInPost: inPost.length,
    grownOwn,
    routeUnknown: inPost.filter((w) => w.routeIn === "unknown").length,
    share: inPost.length ? grownOwn / inPost.length : null,
  };
}

/** A trainee's cohort: the one recorded, else the academic year they started in. */
export const cohortOf = (t: { cohort: string; startDate: string }) => t.cohort.trim() || academicYearOf(t.startDate);
