import { SW_ROLES, type SwRoleInfo, type SwService } from "./social-work";
import { percentOneDp, socialWorkFte } from "./sw-dfe-rates";
import { fteOf } from "./sw-fte";
import { inPostOn } from "./sw-in-post";

// The social work service's figures (issue 20 item 11): each figure's definition once, worked out
// from plain facts (the staff records' dates, the establishment, agency assignments, caseloads)
// as a numerator, a denominator and a base, and the disclosure control applied to teams and
// services. Pure functions shared by the server (figures.service.ts, the board report) and the
// page (labels, definitions); tested by hand in sw-figures.test.ts. Definitions: docs/metrics.md,
// "Social work service".

export const SW_FIGURES = [
  "vacancy_rate",
  "agency_rate",
  "turnover_rate",
  "stability_index",
  "caseload_average",
  "supervision_compliance",
  "asye_reviews_on_time",
  "nqsw_retention_12m",
  "grow_your_own_share",
] as const;
export type SwFigureName = (typeof SW_FIGURES)[number];

export interface SwFigureInfo {
  label: string;
  /** rate: a share shown as a percentage; number: a mean shown to one decimal. */
  kind: "rate" | "number";
  better: "higher" | "lower";
  /** What the base (the figure's `n`) counts. */
  base: string;
  definition: string;
}

/** A team's figure resting on fewer than this (people, or FTE for the FTE rates) is withheld. */
export const SW_MIN_BASE = 5;

export const SW_FIGURE_INFO: Record<SwFigureName, SwFigureInfo> = {
  vacancy_rate: {
    label: "Vacancy rate",
    kind: "rate",
    better: "lower",
    base: "social workers' FTE (vacant and in post)",
    definition:
      "Registered social workers only, by FTE, as the DfE children's social work workforce census counts them: vacant FTE ÷ (vacant FTE + FTE in post) at the date. Vacant FTE is, for each team and post, the funded FTE in force less the FTE of social workers in post in it, never below 0; a newly qualified social worker fills a social worker's post, and a post covered by an agency worker is still vacant. Family support workers and occupational therapists are not counted. For the children's service on 30 September this is the census's vacancy rate.",
  },
  agency_rate: {
    label: "Agency rate",
    kind: "rate",
    better: "lower",
    base: "social workers' FTE (agency and employed)",
    definition:
      "Registered social workers only, by FTE, as the DfE children's social work workforce census counts them: agency FTE ÷ (agency FTE + FTE of social workers in post) at the date. Agency FTE is the weekly hours ÷ 37 of every agency social worker's assignment running at the date, whether or not it covers a vacancy. Family support workers and occupational therapists are not counted. For the children's service on 30 September this is the census's agency rate.",
  },
  turnover_rate: {
    label: "Turnover",
    kind: "rate",
    better: "lower",
    base: "average headcount",
    definition:
      "Leavers in the 12 months to the date ÷ the average of the headcount in post 12 months before and at the date (the CIPD form, as the care figures' turnover). The DfE census's FTE form (FTE leavers ÷ FTE in post at 30 September) is in the census.",
  },
  stability_index: {
    label: "Stability",
    kind: "rate",
    better: "higher",
    base: "people in post 12 months before",
    definition:
      "Of the staff in post 12 months before the date, the share still in post at the date in the same employment.",
  },
  caseload_average: {
    label: "Average caseload",
    kind: "number",
    better: "lower",
    base: "case holders",
    definition:
      "Open cases ÷ FTE of case holders (staff in post in a case-holding role with a caseload recorded) in the latest month with caseloads recorded by the date (September for the census).",
  },
  supervision_compliance: {
    label: "Supervision up to date",
    kind: "rate",
    better: "higher",
    base: "people in post",
    definition:
      "Share of staff in post at the date whose next supervision is not overdue under the council's supervision standards (weekly, fortnightly, then monthly in the ASYE; monthly otherwise).",
  },
  asye_reviews_on_time: {
    label: "ASYE reviews on time",
    kind: "rate",
    better: "higher",
    base: "reviews due",
    definition:
      "Of the ASYE reviews (3, 6 and 9 months and the final assessment at 12) held by the date, or past their due date and 14 days' grace by it, in ASYEs begun by the date, the share held within 14 days of their due date.",
  },
  nqsw_retention_12m: {
    label: "NQSW retention at 12 months",
    kind: "rate",
    better: "higher",
    base: "newly qualified starters",
    definition:
      "Of the newly qualified social workers whose ASYE started at least 12 months before the date, the share still in post 12 months after starting.",
  },
  grow_your_own_share: {
    label: "Grow your own",
    kind: "rate",
    better: "higher",
    base: "qualified social workers in post",
    definition:
      "Share of the registered social workers in post at the date (managers included) who came in through a route the council grows: apprenticeship, sponsored master's, Step Up, Frontline, Think Ahead, a student placement with the council. Someone whose route in is not known still counts in the total.",
  },
};

/** Why a figure has no value: nothing behind it, a base under SW_MIN_BASE, or withheld to protect one that is. */
export type SwReason = "no_data" | "small_base" | "complement" | "not_available";
export const SW_REASON_TEXT: Record<SwReason, string> = {
  no_data: "No data",
  small_base: `Withheld: fewer than ${SW_MIN_BASE} behind it`,
  complement: "Withheld to protect a small team",
  not_available: "Not available yet",
};

export interface SwFigure {
  value: number | null;
  /** The base (what SW_FIGURE_INFO[].base counts); 0 when withheld. */
  n: number;
  reason?: SwReason;
}

/** What a figure is made of for one team; a service's is the sum of its teams' (every part adds up). */
export interface Parts {
  num: number;
  den: number;
  base: number;
}
export const ZERO: Parts = { num: 0, den: 0, base: 0 };
export const addParts = (a: Parts, b: Parts): Parts => ({
  num: a.num + b.num,
  den: a.den + b.den,
  base: a.base + b.base,
});
const EPS = 1e-9;

/** A figure from its parts: null (no data) with nothing in the denominator. */
export function figureOf(p: Parts | null): SwFigure {
  if (!p) return { value: null, n: 0, reason: "not_available" };
  if (p.den <= EPS) return { value: null, n: 0, reason: "no_data" };
  return { value: p.num / p.den, n: Math.round(p.base * 100) / 100 };
}

// ── The facts ──────────────────────────────────────────────────────────────────────────────────

export interface WorkerFacts {
  id: string;
  teamId: string;
  role: string;
  startDate: string;
  endDate: string | null;
  contractedHours: number | null;
  routeIn: string;
}
export interface EstablishmentFacts {
  teamId: string;
  role: string;
  fundedFte: number;
  effectiveFrom: string;
}
export interface AgencyFacts {
  teamId: string;
  role: string;
  startDate: string;
  endDate: string | null;
  weeklyHours: number;
}
export interface CaseloadFacts {
  staffRecordId: string;
  /** The month's first day. */
  month: string;
  openCases: number;
}

/** An ISO day plus whole months, clamped to the month's end. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The last day of the month a day falls in. */
export function monthEnd(day: string): string {
  const [y, m] = day.split("-").map(Number);
  return `${day.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

/** The dates of a monthly series: each month's last day, the last month's at `at` itself, oldest first. */
export function seriesDates(at: string, months: number): string[] {
  const out = [at];
  for (let i = 1; i < months; i += 1) out.unshift(monthEnd(addMonths(`${at.slice(0, 8)}01`, -i)));
  return out;
}

const roleInfo = (role: string) => (SW_ROLES as Record<string, SwRoleInfo>)[role];
const byTeam = <T extends { teamId: string }>(rows: readonly T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.teamId, [...(m.get(r.teamId) ?? []), r]);
  return m;
};

/** Vacancy for one team: the census's rate (sw-dfe-rates.ts), vacant ÷ (vacant + in post), social workers' FTE. */
export function vacancyParts(
  workers: readonly WorkerFacts[],
  establishment: readonly EstablishmentFacts[],
  at: string,
): Parts {
  const fte = socialWorkFte(workers, establishment, [], at);
  return { num: fte.vacant, den: fte.vacant + fte.inPost, base: fte.vacant + fte.inPost };
}

/** Agency for one team: the census's rate (sw-dfe-rates.ts), agency ÷ (agency + in post), social workers' FTE. */
export function agencyParts(workers: readonly WorkerFacts[], agency: readonly AgencyFacts[], at: string): Parts {
  const fte = socialWorkFte(workers, [], agency, at);
  return { num: fte.agency, den: fte.agency + fte.inPost, base: fte.agency + fte.inPost };
}

export function turnoverParts(workers: readonly WorkerFacts[], at: string): Parts {
  const before = addMonths(at, -12);
  // Leavers in (D − 12 months, D]: an end date in the 12 months up to and including D (not in post on D).
  const leavers = workers.filter((w) => w.endDate !== null && w.endDate > before && w.endDate <= at).length;
  const avg = (workers.filter((w) => inPostOn(w, before)).length + workers.filter((w) => inPostOn(w, at)).length) / 2;
  return { num: leavers, den: avg, base: avg };
}

export function stabilityParts(workers: readonly WorkerFacts[], at: string): Parts {
  const then = workers.filter((w) => inPostOn(w, addMonths(at, -12)));
  const still = then.filter((w) => inPostOn(w, at)).length;
  return { num: still, den: then.length, base: then.length };
}

/** The caseload month for D: the latest month by D with any caseload recorded (null: none). */
export function caseloadMonth(months: readonly string[], at: string): string | null {
  let best: string | null = null;
  for (const m of months) if (m <= at && (best === null || m > best)) best = m;
  return best;
}

export function caseloadParts(
  workers: readonly WorkerFacts[],
  caseloads: ReadonlyMap<string, number>,
  at: string,
): Parts {
  let cases = 0;
  let fte = 0;
  let holders = 0;
  for (const w of workers) {
    const open = caseloads.get(w.id);
    if (open === undefined || !roleInfo(w.role)?.caseHolding || !inPostOn(w, at)) continue;
    cases += open;
    fte += fteOf(w.contractedHours);
    holders += 1;
  }
  return { num: cases, den: fte, base: holders };
}

/** Each team's parts of the base-table figures at D, from the facts grouped by team. */
export function baseTeamParts(
  facts: {
    workers: readonly WorkerFacts[];
    establishment: readonly EstablishmentFacts[];
    agency: readonly AgencyFacts[];
    caseloads: readonly CaseloadFacts[];
  },
  teamIds: readonly string[],
  at: string,
): Map<string, Partial<Record<SwFigureName, Parts>>> {
  const workers = byTeam(facts.workers);
  const est = byTeam(facts.establishment);
  const agency = byTeam(facts.agency);
  const month = caseloadMonth([...new Set(facts.caseloads.map((c) => c.month))], at);
  const open = new Map(facts.caseloads.filter((c) => c.month === month).map((c) => [c.staffRecordId, c.openCases]));
  return new Map(
    teamIds.map((t) => {
      const w = workers.get(t) ?? [];
      return [
        t,
        {
          vacancy_rate: vacancyParts(w, est.get(t) ?? [], at),
          agency_rate: agencyParts(w, agency.get(t) ?? [], at),
          turnover_rate: turnoverParts(w, at),
          stability_index: stabilityParts(w, at),
          caseload_average: caseloadParts(w, open, at),
        },
      ];
    }),
  );
}

// ── Disclosure control ─────────────────────────────────────────────────────────────────────────

export interface ProtectedFigures {
  services: Partial<Record<SwService, Partial<Record<SwFigureName, SwFigure>>>>;
  teams: Record<string, Partial<Record<SwFigureName, SwFigure>>>;
}

/**
 * One figure for every team and its service, protected together. A team whose base is under
 * SW_MIN_BASE (but not 0) is withheld ("small_base"). Each service's parts are the sum of its
 * teams', so a service's figure less all its teams' shown figures but one gives that one away:
 * while a service is shown with exactly one of its teams withheld, the shown team with the
 * smallest base is withheld too ("complement"); with no such team (the others have no data), the
 * service itself is withheld. Values and bases of withheld cells are never given (n = 0).
 */
export function protectFigure(teams: readonly { id: string; service: SwService; parts: Parts | null }[]): {
  services: Map<SwService, SwFigure>;
  teams: Map<string, SwFigure>;
} {
  const teamOut = new Map<string, SwFigure>();
  const withheld = new Set<string>();
  for (const t of teams) {
    const f = figureOf(t.parts);
    if (t.parts && f.value !== null && t.parts.base > EPS && t.parts.base < SW_MIN_BASE - EPS) {
      teamOut.set(t.id, { value: null, n: 0, reason: "small_base" });
      withheld.add(t.id);
    } else teamOut.set(t.id, f);
  }
  const serviceOut = new Map<SwService, SwFigure>();
  const services = [...new Set(teams.map((t) => t.service))];
  for (const s of services) {
    const members = teams.filter((t) => t.service === s);
    const parts = members.some((t) => t.parts === null)
      ? null
      : members.reduce((a, t) => addParts(a, t.parts as Parts), ZERO);
    let service = figureOf(parts);
    if (parts && service.value !== null && parts.base < SW_MIN_BASE - EPS)
      service = { value: null, n: 0, reason: "small_base" };
    const hidden = members.filter((t) => withheld.has(t.id));
    if (service.value !== null && hidden.length === 1) {
      const shown = members.filter((t) => !withheld.has(t.id) && teamOut.get(t.id)?.value !== null);
      if (shown.length) {
        const smallest = shown.reduce((a, b) => ((b.parts as Parts).base < (a.parts as Parts).base ? b : a));
        teamOut.set(smallest.id, { value: null, n: 0, reason: "complement" });
        withheld.add(smallest.id);
      } else service = { value: null, n: 0, reason: "complement" };
    }
    serviceOut.set(s, service);
  }
  return { services: serviceOut, teams: teamOut };
}

/** Every figure protected for every team and service. */
export function protectAll(
  teams: readonly { id: string; service: SwService }[],
  parts: ReadonlyMap<string, Partial<Record<SwFigureName, Parts | null>>>,
): ProtectedFigures {
  const out: ProtectedFigures = { services: {}, teams: Object.fromEntries(teams.map((t) => [t.id, {}])) };
  for (const name of SW_FIGURES) {
    const p = protectFigure(teams.map((t) => ({ ...t, parts: parts.get(t.id)?.[name] ?? null })));
    for (const [s, f] of p.services) out.services[s] = { ...out.services[s], [name]: f };
    for (const [id, f] of p.teams) out.teams[id][name] = f;
  }
  return out;
}

/** A figure as people read it: a percentage to one decimal, a mean to one decimal, or why there is none. */
export function showSwFigure(name: SwFigureName, f: SwFigure | undefined): string {
  if (!f || f.value === null) return SW_REASON_TEXT[f?.reason ?? "no_data"];
  // A rate rounds as the census's do (percentOneDp), so the same share never shows two ways.
  return SW_FIGURE_INFO[name].kind === "rate" ? `${percentOneDp(f.value).toFixed(1)}%` : f.value.toFixed(1);
}
