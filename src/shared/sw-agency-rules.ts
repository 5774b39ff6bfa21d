import { longDate } from "./dates";
import { AGENCY_ROLE_TYPE_LABELS, type AgencyRoleType, SW_ROLES, type SwRoleInfo, type SwService } from "./social-work";
import { fteOf } from "./sw-fte";
import { inPostOn, leftDuring } from "./sw-in-post";
import { plural } from "./text";

// The DfE agency rules for child and family social workers, the agency cost of an assignment and
// the monthly starters, leavers and agency view (issue 20 item 8). Pure: the server and the pages
// share them. Facts: shared/reference/social-work.md §1.2 (rules) and §1.3 (the quarterly return).
// The rules cover children's services only; adults' assignments get no flags. An assignment's end
// date is its first day out of post, as for every record (sw-in-post.ts): one ending on D is not
// in post on D, costs nothing that day and was not "running" on it.

/** New agency assignments starting on or after this day follow the rules (social-work.md §1.1). */
export const AGENCY_RULES_FROM = "2024-10-31";
/** From this day every assignment, legacy ones included, must comply; the regional caps apply from it. */
export const AGENCY_RULES_ALL_FROM = "2025-10-01";
export const MIN_PQE_YEARS = 3;
export const MIN_NOTICE_WEEKS = 4;
export const COOLING_OFF_MONTHS = 3;

const GUIDANCE = "DfE statutory guidance, Child and family social workers: agency rules";
export const AGENCY_RULES = {
  pqe: { label: "At least 3 years' post-qualifying experience", source: `${GUIDANCE} (minimum experience)` },
  price_cap: { label: "Within the regional price cap", source: `${GUIDANCE} (price caps agreed in the region)` },
  notice: { label: "Notice period of at least 4 weeks", source: `${GUIDANCE} (notice periods)` },
  cooling_off: {
    label: "3 months' cooling off after a substantive role in the region",
    source: `${GUIDANCE} (cooling-off period)`,
  },
  reference: { label: "Practice-based reference received", source: `${GUIDANCE} (references)` },
  project_team: {
    label: "Project team: every worker approved, costs shown per worker",
    source: `${GUIDANCE} (project teams and packaged models)`,
  },
} as const;
export type AgencyRule = keyof typeof AGENCY_RULES;
export const AGENCY_RULE_KEYS = Object.keys(AGENCY_RULES) as AgencyRule[];

/** "breach": the guidance does not allow it; "report": allowed, but must be reported; "check": to confirm. */
export type AgencyFlagLevel = "breach" | "report" | "check";
export interface AgencyFlag {
  rule: AgencyRule;
  level: AgencyFlagLevel;
  text: string;
  source: string;
}

export interface AgencyFacts {
  service: SwService;
  role: string;
  startDate: string;
  endDate: string | null;
  hourlyRate: number;
  noticeWeeks: number | null;
  pqeYears: number | null;
  asyeCompleted: boolean | null;
  leftSubstantiveOn: string | null;
  referenceReceived: boolean;
  projectTeam: boolean;
  capBreachSignedOffBy: string | null;
}

export interface PriceCap {
  roleType: string;
  hourlyCap: number;
  fromDate: string;
}

/** The DfE job type a role maps to (null: not one of the five, e.g. a service manager). */
export const agencyRoleTypeOf = (role: string): AgencyRoleType | null =>
  (SW_ROLES as Record<string, SwRoleInfo>)[role]?.agencyRoleType ?? null;

/** A day `months` calendar months after `day`, clamped to the month's end (30 Nov + 3 = 28 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The cap for a job type in force on a day: the latest from that day or before. */
export function capInForce(caps: readonly PriceCap[], roleType: string | null, on: string): PriceCap | null {
  if (!roleType) return null;
  let best: PriceCap | null = null;
  for (const c of caps)
    if (c.roleType === roleType && c.fromDate <= on && (!best || c.fromDate > best.fromDate)) best = c;
  return best;
}

/**
 * Whether the rules apply to an assignment on a day, and why not when they do not: children's
 * assignments starting on or after 31 October 2024, and, from 1 October 2025, every children's
 * assignment still running.
 */
export function rulesApply(a: Pick<AgencyFacts, "service" | "startDate" | "endDate">, on: string) {
  if (a.service !== "children")
    return {
      applies: false,
      why: "The DfE agency rules cover child and family social workers only: none apply to adults' services.",
    };
  if (a.startDate >= AGENCY_RULES_FROM) return { applies: true, why: "Started on or after 31 October 2024." };
  if (on >= AGENCY_RULES_ALL_FROM && inPostOn(a, AGENCY_RULES_ALL_FROM))
    return { applies: true, why: "Running on or after 1 October 2025, when every assignment must comply." };
  return {
    applies: false,
    why: "Started before 31 October 2024 and not running on 1 October 2025: the rules did not yet apply to it.",
  };
}

/**
 * The day whose cap an assignment is measured against: its start, or 1 October 2025 for one
 * that started earlier and was still running then (legacy contracts had to comply from that day);
 * null for one that ended before the caps applied.
 */
export function capDay(a: Pick<AgencyFacts, "startDate" | "endDate">): string | null {
  if (a.startDate >= AGENCY_RULES_ALL_FROM) return a.startDate;
  return inPostOn(a, AGENCY_RULES_ALL_FROM) ? AGENCY_RULES_ALL_FROM : null;
}

const pounds = (n: number) => `£${n.toFixed(2)}`;
/** "1 year's", "2.5 years'": a count with its possessive noun in the right number. */
const years = (n: number) => plural(n, "year's", "years'");
const weeks = (n: number) => plural(n, "week's", "weeks'");
const flag = (rule: AgencyRule, level: AgencyFlagLevel, text: string): AgencyFlag => ({
  rule,
  level,
  text,
  source: AGENCY_RULES[rule].source,
});

/** The flags the DfE agency rules raise on an assignment, as of a day (usually today). */
export function agencyFlags(a: AgencyFacts, caps: readonly PriceCap[], on: string): AgencyFlag[] {
  if (!rulesApply(a, on).applies) return [];
  const out: AgencyFlag[] = [];
  if (a.role === "asye_social_worker")
    out.push(
      flag(
        "pqe",
        "breach",
        "A newly qualified social worker (ASYE) cannot be engaged through an agency: 3 years' experience is needed.",
      ),
    );
  else if (a.asyeCompleted === false)
    out.push(flag("pqe", "breach", "ASYE not completed: an agency worker needs 3 years' post-qualifying experience."));
  else if (a.pqeYears === null)
    out.push(flag("pqe", "check", "Post-qualifying experience not recorded: record it to show at least 3 years."));
  else if (a.pqeYears < MIN_PQE_YEARS)
    out.push(
      flag(
        "pqe",
        "breach",
        `${years(a.pqeYears)} post-qualifying experience: fewer than the 3 years the rules require.`,
      ),
    );

  const roleType = agencyRoleTypeOf(a.role);
  const day = capDay(a);
  const cap = day ? capInForce(caps, roleType, day) : null;
  if (roleType && day && !cap)
    out.push(
      flag(
        "price_cap",
        "check",
        `No regional price cap recorded for ${AGENCY_ROLE_TYPE_LABELS[roleType].toLowerCase()} on ${longDate(day)}.`,
      ),
    );
  if (cap && a.hourlyRate > cap.hourlyCap) {
    const over = `${pounds(a.hourlyRate)} an hour is above the regional cap of ${pounds(cap.hourlyCap)}`;
    out.push(
      a.capBreachSignedOffBy
        ? flag(
            "price_cap",
            "report",
            `${over}: signed off by ${a.capBreachSignedOffBy}; report it to the region and DfE.`,
          )
        : flag("price_cap", "breach", `${over} and not signed off.`),
    );
  }

  if (a.noticeWeeks === null)
    out.push(flag("notice", "check", "Notice period not recorded: the rules expect at least 4 weeks."));
  else if (a.noticeWeeks < MIN_NOTICE_WEEKS)
    out.push(
      flag(
        "notice",
        "breach",
        `${weeks(a.noticeWeeks)} notice: fewer than 4 (unless the council's own staff in the role have less).`,
      ),
    );

  if (a.leftSubstantiveOn && a.startDate < addMonths(a.leftSubstantiveOn, COOLING_OFF_MONTHS))
    out.push(
      flag(
        "cooling_off",
        "breach",
        `Engaged within 3 months of leaving a substantive role in a council of the same region (left on ${longDate(a.leftSubstantiveOn)}; not before ${longDate(addMonths(a.leftSubstantiveOn, COOLING_OFF_MONTHS))}).`,
      ),
    );

  if (!a.referenceReceived)
    out.push(
      flag("reference", "breach", "No practice-based reference received: one is needed before engaging a worker."),
    );

  if (a.projectTeam)
    out.push(
      flag(
        "project_team",
        "check",
        "Part of a project team: the council must approve every worker in it and see each worker's cost separately.",
      ),
    );
  return out;
}

// Cost.

export interface CostFacts {
  startDate: string;
  endDate: string | null;
  weeklyHours: number;
  hourlyRate: number;
  agencyFee: number;
}

const DAY = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The days from `from` to `to` (both included) an assignment was in post: from its start up to the
 * day before its end date (the first day out of post, sw-in-post.ts), so one ending on D costs
 * nothing on D.
 */
export function daysInPost(a: Pick<CostFacts, "startDate" | "endDate">, from: string, to: string): number {
  const start = a.startDate > from ? a.startDate : from;
  const endMs = a.endDate && a.endDate <= to ? ms(a.endDate) : ms(to) + DAY;
  return Math.max(0, Math.round((endMs - ms(start)) / DAY));
}

/** What an assignment cost between two days: weekly hours × (hourly rate + fee) × days in post ÷ 7, in pounds. */
export function costBetween(a: CostFacts, from: string, to: string): number {
  return (a.weeklyHours * (a.hourlyRate + a.agencyFee) * daysInPost(a, from, to)) / 7;
}

/** A month's first and last days, from "2026-04". */
export function monthBounds(month: string) {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** What an assignment cost in a calendar month ("2026-04"). */
export const monthlyCost = (a: CostFacts, month: string) => {
  const b = monthBounds(month);
  return costBetween(a, b.from, b.to);
};

/** `count` months ending with `last` ("2026-10"), oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(addMonths(`${last}-01`, -i).slice(0, 7));
  return out;
}

// The monthly starters, leavers and agency in post view.

export interface ViewStaff {
  group: string;
  startDate: string;
  endDate: string | null;
}
export interface ViewAgency extends CostFacts {
  group: string;
}
export interface MonthRow {
  month: string;
  group: string;
  starters: number;
  leavers: number;
  agencyHeadcount: number;
  agencyFte: number;
  agencyCost: number;
}

/**
 * For each month and group (a service or a team): starters (staff records starting in the month),
 * leavers (an end date in it: their first day out of post), agency workers in post at the month's
 * end (sw-in-post.ts; headcount, and FTE by sw-fte.ts) and the agency cost in the month. FTE to two
 * places, cost to the penny.
 */
export function monthlyView(
  months: readonly string[],
  groups: readonly string[],
  staff: readonly ViewStaff[],
  agency: readonly ViewAgency[],
): MonthRow[] {
  const rows: MonthRow[] = [];
  for (const month of months) {
    const { from, to } = monthBounds(month);
    for (const group of groups) {
      const s = staff.filter((x) => x.group === group);
      const ag = agency.filter((x) => x.group === group);
      const inPost = ag.filter((x) => inPostOn(x, to));
      rows.push({
        month,
        group,
        starters: s.filter((x) => x.startDate >= from && x.startDate <= to).length,
        leavers: s.filter((x) => leftDuring(x, from, to)).length,
        agencyHeadcount: inPost.length,
        agencyFte: Math.round(inPost.reduce((n, x) => n + fteOf(x.weeklyHours), 0) * 100) / 100,
        agencyCost: Math.round(ag.reduce((n, x) => n + monthlyCost(x, month), 0) * 100) / 100,
      });
    }
  }
  return rows;
}

// The DfE agency return's row-level checks.

export interface ReturnRowFacts {
  role: string;
  sweNumber: string | null;
  hourlyRate: number | null;
  startDate: string;
  endDate: string | null;
}
export interface ReturnProblem {
  field: string;
  message: string;
}

/** What stops an assignment's row of the DfE return being right (all errors). */
export function returnRowProblems(r: ReturnRowFacts): ReturnProblem[] {
  const out: ReturnProblem[] = [];
  if (!agencyRoleTypeOf(r.role))
    out.push({
      field: "jobType",
      message: "The role is not one of DfE's five job types: change the assignment's role.",
    });
  if (!r.sweNumber?.trim())
    out.push({ field: "sweNumber", message: "Social Work England number missing: record it on the assignment." });
  if (r.hourlyRate === null || !(r.hourlyRate > 0))
    out.push({ field: "hourlyRate", message: "Hourly rate missing: record what the council pays an hour." });
  if (r.endDate && r.endDate < r.startDate)
    out.push({ field: "endDate", message: "The end date is before the start date: correct one of them." });
  return out;
}
