import { SW_ROLE_KEYS, SW_ROLES, type SwRoleInfo, swRoleLabel } from "./social-work";
import { isRegisteredSocialWorkRole, percentOneDp, socialWorkFte } from "./sw-dfe-rates";
import { fteOf } from "./sw-fte";
import { inPostDuring, inPostOn, leftDuring } from "./sw-in-post";

// The DfE children's social work workforce (CSWW) census (issue 20 item 10): who is counted, each
// worker's row, the aggregate items and the checks before download, as pure functions of the
// records (the census service reads them; shared/sw-census.test.ts tests every item by hand).
// Facts: reference/social-work.md §5, reference-data.md §5.2 and §6. The formulas reproduce the
// DfE's published national figures; COLLECT's own item names and code lists are UNCONFIRMED, so
// the files use plain names and words (checked against COLLECT's specification before loading).

/** Working days in a census year (absence rate's denominator): about 253 reproduces the DfE's rates (UNCONFIRMED). */
export const CENSUS_WORKING_DAYS = 253;
/** Ages the census accepts at 30 September. */
export const CENSUS_AGE_RANGE = [20, 75] as const;
/** A Social Work England number: "SW" and 4 to 7 digits (the exact length is UNCONFIRMED). */
export const SWE_NUMBER_PATTERN = /^SW\d{4,7}$/;

/** The census year `year` runs 1 October of the year before to 30 September; stock is taken at 30 September. */
export const censusYearBounds = (year: number) => ({ start: `${year - 1}-10-01`, end: `${year}-09-30` });

/** The last census year that has ended by `today` (the 2026 census ends on 30 September 2026). */
export const lastEndedCensusYear = (today: string) => {
  const y = Number(today.slice(0, 4));
  return today >= `${y}-10-01` ? y : y - 1;
};

/** Broad ethnic groups (the DfE's publication groups) from ASC-WDS ethnicity codes (31–47, 98, 99). */
export const CENSUS_ETHNIC_GROUPS = {
  white: "White",
  mixed: "Mixed or multiple ethnic groups",
  asian: "Asian or Asian British",
  black: "Black, African, Caribbean or Black British",
  other: "Other ethnic group",
  not_known: "Not known",
} as const;
export type CensusEthnicGroup = keyof typeof CENSUS_ETHNIC_GROUPS;

export function ethnicGroupOf(code: number | null | undefined): CensusEthnicGroup {
  if (code === null || code === undefined) return "not_known";
  if (code >= 31 && code <= 34) return "white";
  if (code >= 35 && code <= 38) return "mixed";
  if (code >= 39 && code <= 43) return "asian";
  if (code >= 44 && code <= 46) return "black";
  if (code === 47 || code === 98) return "other";
  return "not_known";
}

/** Reasons for leaving in plain census categories, from the ASC-WDS leaving reason (1–9). */
export const CENSUS_LEAVING_REASONS = {
  other_social_care_employer: "Moved to another social care or social work employer",
  health: "Moved to the health sector",
  outside_social_care: "Left for work outside social care and health",
  other_role_same_council: "Moved to another role in the council",
  resigned: "Resigned (destination not known)",
  retired: "Retired",
  dismissed: "Dismissed or employment ended by the council",
  other: "Other reason",
  not_known: "Not known",
} as const;
export type CensusLeavingReason = keyof typeof CENSUS_LEAVING_REASONS;
const REASON_BY_ASCWDS: Record<number, CensusLeavingReason> = {
  1: "other_social_care_employer",
  2: "health",
  3: "outside_social_care",
  4: "other_role_same_council",
  5: "resigned",
  6: "retired",
  7: "dismissed",
  8: "other",
  9: "not_known",
};
/** The census category of an ASC-WDS leaving reason, or null when none (or an unknown code) was given. */
export const leavingReasonOf = (code: number | null | undefined): CensusLeavingReason | null =>
  code === null || code === undefined ? null : (REASON_BY_ASCWDS[code] ?? null);

/** Sex as the census records it, from the ASC-WDS gender code; null when missing or not known. */
export function sexOf(code: number | null | undefined): "Male" | "Female" | "Other" | null {
  if (code === 1) return "Male";
  if (code === 2) return "Female";
  if (code === 4) return "Other";
  return null;
}

/** Whole years of age on `day`. */
export function ageOn(dateOfBirth: string, day: string) {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number);
  const [y, m, d] = day.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The last 3 characters of an SWE number: all a problem's message may show of it. */
export const sweTail = (swe: string) => swe.slice(-3);
const normaliseSwe = (swe: string | null | undefined) => (swe ?? "").trim().toUpperCase().replace(/\s+/g, "");

const roleInfo = (role: string): SwRoleInfo | undefined => (SW_ROLES as Record<string, SwRoleInfo>)[role];
/** A role's seniority: its place in SW_ROLES (ordered by seniority). */
const seniority = (role: string) => SW_ROLE_KEYS.indexOf(role as never);

/** A directly employed worker's staff record with its social work profile (children's service). */
export interface CensusEmployee {
  staffRecordId: string;
  localRef: string;
  teamId: string;
  teamName: string;
  role: string;
  sweNumber: string | null;
  dateOfBirth: string | null;
  gender: number | null;
  ethnicity: number | null;
  startDate: string;
  endDate: string | null;
  leavingReason: number | null;
  contractedHours: number | null;
  daysSick: number | null;
  /** Open cases in the September caseload (sw_caseloads for 1 September); null when none recorded. */
  septemberCases: number | null;
}

/** An agency social worker's assignment with a children's team. */
export interface CensusAgencyAssignment {
  id: string;
  workerName: string;
  agencyName: string;
  teamName: string;
  role: string;
  sweNumber: string | null;
  startDate: string;
  endDate: string | null;
  hourlyRate: number | null;
  weeklyHours: number;
  coversVacancy: boolean;
}

/** An establishment row (funded FTE of a role in a team from a date). */
export interface CensusPost {
  teamId: string;
  role: string;
  fundedFte: number;
  effectiveFrom: string;
}

export interface CensusInput {
  year: number;
  employees: CensusEmployee[];
  agency: CensusAgencyAssignment[];
  establishment: CensusPost[];
}

export type CensusSeverity = "error" | "warning";
export interface CensusProblem {
  /** The row in workers.csv (the header is row 1). */
  row: number;
  /** The worker's local reference (an agency worker's name and agency). */
  reference: string;
  /** Whose record to correct: the staff record's id, or the agency assignment's (the page links to it). */
  staffRecordId: string | null;
  assignmentId: string | null;
  field: string;
  severity: CensusSeverity;
  problem: string;
  fix: string;
}

/** One row of workers.csv: an employee's record or an agency assignment in post at some time in the year. */
export interface CensusWorkerRow {
  row: number;
  reference: string;
  agency: boolean;
  sweNumber: string | null;
  dateOfBirth: string | null;
  ageAt30Sep: number | null;
  sex: string | null;
  ethnicGroup: string | null;
  role: string;
  team: string;
  startDate: string;
  /** The leaving date when it falls in the year. */
  leavingDate: string | null;
  leavingReason: string | null;
  fte: number | null;
  daysSick: number | null;
  /** Open cases at 30 September (the September caseload), for those in post then. */
  casesAt30Sep: number | null;
  starter: boolean;
  leaver: boolean;
  inPostAt30Sep: boolean;
  /** Counted in the headcount at 30 September (false for the second record of one person). */
  countedInHeadcount: boolean;
  coversVacancy: boolean | null;
}

/** The aggregate items, named as the DfE's published indicator columns. Rates in per cent; null when undefined. */
export interface CensusAggregate {
  inpost_fte: number;
  inpost_headcount: number;
  starters_fte: number;
  starters_headcount: number;
  leavers_fte: number;
  leavers_headcount: number;
  turnover_rate_fte: number | null;
  turnover_rate_headcount: number | null;
  agency_fte: number;
  agency_headcount: number;
  agency_rate_fte: number | null;
  agency_rate_headcount: number | null;
  agency_cover_fte: number;
  agency_cover_rate_fte: number | null;
  funded_fte: number;
  vacancy_fte: number;
  vacancy_rate_fte: number | null;
  vacancy_agency_cover_rate_fte: number | null;
  case_holders_fte: number;
  cases: number;
  caseload_fte: number | null;
  working_days_lost: number;
  absence_rate_fte: number | null;
}

/** What each aggregate item is, in words (the page's table and aggregate.csv's description column). */
export const CENSUS_AGGREGATE_ITEMS: { key: keyof CensusAggregate; label: string; definition: string }[] = [
  {
    key: "inpost_fte",
    label: "Social workers in post, FTE",
    definition: "FTE of directly employed social workers in post at 30 September (duplicates not removed)",
  },
  {
    key: "inpost_headcount",
    label: "Social workers in post, headcount",
    definition: "People in post at 30 September, one per SWE number",
  },
  {
    key: "starters_fte",
    label: "Starters, FTE",
    definition: "FTE of records starting between 1 October and 30 September",
  },
  {
    key: "starters_headcount",
    label: "Starters, headcount",
    definition: "People starting in the year, one per SWE number",
  },
  {
    key: "leavers_fte",
    label: "Leavers, FTE",
    definition: "FTE of records ending between 1 October and 30 September (30 September included)",
  },
  {
    key: "leavers_headcount",
    label: "Leavers, headcount",
    definition: "People leaving in the year, one per SWE number",
  },
  {
    key: "turnover_rate_fte",
    label: "Turnover rate (FTE), %",
    definition: "Leavers FTE ÷ in post FTE at 30 September × 100",
  },
  {
    key: "turnover_rate_headcount",
    label: "Turnover rate (headcount), %",
    definition: "Leavers headcount ÷ in post headcount × 100",
  },
  {
    key: "agency_fte",
    label: "Agency workers, FTE",
    definition:
      "FTE (weekly hours ÷ 37, at most 1) of agency social workers in children's teams at 30 September (not de-duplicated)",
  },
  {
    key: "agency_headcount",
    label: "Agency workers, headcount",
    definition: "Agency assignments in post at 30 September (not de-duplicated)",
  },
  {
    key: "agency_rate_fte",
    label: "Agency rate (FTE), %",
    definition: "Agency FTE ÷ (agency FTE + in post FTE) × 100",
  },
  {
    key: "agency_rate_headcount",
    label: "Agency rate (headcount), %",
    definition: "Agency headcount ÷ (agency headcount + in post headcount) × 100",
  },
  {
    key: "agency_cover_fte",
    label: "Agency workers covering vacancies, FTE",
    definition: "Agency FTE at 30 September whose assignment covers a vacancy",
  },
  {
    key: "agency_cover_rate_fte",
    label: "Agency workers covering vacancies, % of agency FTE",
    definition: "Agency covering vacancies FTE ÷ agency FTE × 100",
  },
  {
    key: "funded_fte",
    label: "Funded posts, FTE",
    definition: "Establishment of social work roles in children's teams as it stood at 30 September",
  },
  {
    key: "vacancy_fte",
    label: "Vacancies, FTE",
    definition:
      "For each team and role, funded FTE − FTE in post at 30 September (not below 0), added up; posts covered by agency workers are still vacancies",
  },
  {
    key: "vacancy_rate_fte",
    label: "Vacancy rate (FTE), %",
    definition: "Vacancies FTE ÷ (vacancies FTE + in post FTE) × 100",
  },
  {
    key: "vacancy_agency_cover_rate_fte",
    label: "Vacancies covered by agency workers, %",
    definition: "Agency covering vacancies FTE ÷ vacancies FTE × 100",
  },
  {
    key: "case_holders_fte",
    label: "Case-holding social workers, FTE",
    definition: "FTE of social workers in post at 30 September holding one or more cases in their September caseload",
  },
  {
    key: "cases",
    label: "Cases held",
    definition: "Open cases in the September caseloads of social workers in post at 30 September",
  },
  {
    key: "caseload_fte",
    label: "Average caseload (cases per case-holder FTE)",
    definition: "Cases held ÷ case-holding FTE",
  },
  {
    key: "working_days_lost",
    label: "Working days lost to sickness",
    definition: "Days sick recorded for the year on the records of social workers in post at 30 September",
  },
  {
    key: "absence_rate_fte",
    label: "Sickness absence rate, %",
    definition: `Working days lost ÷ (in post FTE × ${CENSUS_WORKING_DAYS} working days) × 100`,
  },
];

export interface Census {
  year: number;
  start: string;
  end: string;
  workers: CensusWorkerRow[];
  aggregate: CensusAggregate;
  problems: CensusProblem[];
  counts: { employees: number; agency: number; errors: number; warnings: number };
}

const round = (n: number, dp: number) => {
  const f = 10 ** dp;
  return Math.round((n + Number.EPSILON) * f) / f;
};
/** A rate in per cent to one decimal place, rounded as the figures round theirs (percentOneDp). */
const rate = (num: number, den: number) => (den > 0 ? percentOneDp(num / den) : null);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** A leaver in the census year: an end date from 1 October to 30 September (someone leaving on 30 September is one, not in post). */
const leftInYear = (endDate: string | null, y: { start: string; end: string }) =>
  leftDuring({ endDate }, y.start, y.end);
/** On the census's list for the year: in post on some day of it, or a leaver in it (whose end date may be 1 October). */
const countedInYear = (w: { startDate: string; endDate: string | null }, y: { start: string; end: string }) =>
  inPostDuring(w, y.start, y.end) || leftInYear(w.endDate, y);

/** The census for `year` from the records: rows, aggregate items and problems. Pure. */
export function buildCensus(input: CensusInput): Census {
  const y = censusYearBounds(input.year);
  const day = y.end;
  const problems: CensusProblem[] = [];
  const employees = input.employees
    .filter((e) => isRegisteredSocialWorkRole(e.role) && countedInYear(e, y))
    .sort((a, b) => a.localRef.localeCompare(b.localRef) || a.startDate.localeCompare(b.startDate));
  const agency = input.agency
    .filter((a) => isRegisteredSocialWorkRole(a.role) && countedInYear(a, y))
    .sort(
      (a, b) =>
        a.workerName.localeCompare(b.workerName) || a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id),
    );

  // One person, two records: among records with one SWE number in post at 30 September, only the
  // most senior role's is counted in the headcount.
  const counted = new Set<string>();
  const bySwe = new Map<string, CensusEmployee[]>();
  for (const e of employees) {
    const swe = normaliseSwe(e.sweNumber);
    if (!swe) continue;
    bySwe.set(swe, [...(bySwe.get(swe) ?? []), e]);
  }
  const inPost = employees.filter((e) => inPostOn(e, day));
  for (const e of inPost) {
    const swe = normaliseSwe(e.sweNumber);
    const same = swe ? (bySwe.get(swe) ?? []).filter((o) => inPostOn(o, day)) : [e];
    const top = [...same].sort(
      (a, b) => seniority(b.role) - seniority(a.role) || a.localRef.localeCompare(b.localRef),
    )[0];
    if (top === e) counted.add(e.staffRecordId);
  }

  const workers: CensusWorkerRow[] = [];
  const add = (p: Omit<CensusProblem, "row">, row: number) => problems.push({ row, ...p });

  employees.forEach((e, i) => {
    const row = i + 2;
    const reference = e.localRef;
    const swe = normaliseSwe(e.sweNumber);
    // The census does not guess: missing hours are an error to fix before download, and the row's
    // FTE is left empty (the aggregates count them as full time, as every other count does).
    const hoursKnown = e.contractedHours !== null;
    const fte = fteOf(e.contractedHours);
    const age = e.dateOfBirth ? ageOn(e.dateOfBirth, day) : null;
    const sex = sexOf(e.gender);
    const group = ethnicGroupOf(e.ethnicity);
    const starter = e.startDate >= y.start && e.startDate <= y.end;
    const leaver = leftInYear(e.endDate, y);
    const here = inPostOn(e, day);
    const reason = leaver ? leavingReasonOf(e.leavingReason) : null;
    const p = (field: string, severity: CensusSeverity, problem: string, fix: string) =>
      add({ reference, staffRecordId: e.staffRecordId, assignmentId: null, field, severity, problem, fix }, row);

    if (!swe)
      p(
        "SWE number",
        "error",
        "The SWE number is missing.",
        "Add the worker's Social Work England registration number to their social work profile.",
      );
    else if (!SWE_NUMBER_PATTERN.test(swe))
      p(
        "SWE number",
        "error",
        `The SWE number ending ${sweTail(swe)} is not a Social Work England number (SW followed by 4 to 7 digits).`,
        "Correct it on the worker's social work profile from the Social Work England register.",
      );
    if (!e.dateOfBirth)
      p(
        "Date of birth",
        "error",
        "The date of birth is missing.",
        "Add the worker's date of birth to their staff record.",
      );
    else if (age !== null && (age < CENSUS_AGE_RANGE[0] || age > CENSUS_AGE_RANGE[1]))
      p(
        "Date of birth",
        "error",
        `The date of birth makes them ${age} on 30 September ${input.year}, outside ${CENSUS_AGE_RANGE[0]} to ${CENSUS_AGE_RANGE[1]}.`,
        "Check the date of birth on the staff record and correct it.",
      );
    if (!sex)
      p(
        "Sex",
        "error",
        "Sex is missing or not known.",
        "Record the worker's sex (male, female or other) on their staff record.",
      );
    if (group === "not_known")
      p(
        "Ethnicity",
        "warning",
        "Ethnicity is not known.",
        "Ask the worker and record their ethnicity on the staff record, or leave it if they prefer not to say.",
      );
    if (leaver && !reason)
      p(
        "Reason for leaving",
        "error",
        `They left on ${e.endDate} with no reason for leaving recorded.`,
        'Record the reason for leaving on the staff record ("Reason not known" if nobody knows).',
      );
    if (!hoursKnown)
      p(
        "Contracted hours",
        "error",
        "Contracted weekly hours are missing, so their FTE cannot be worked out.",
        "Record the contracted weekly hours on the staff record.",
      );
    else if (fte === 0)
      p(
        "Contracted hours",
        "error",
        "Contracted weekly hours are 0, so their FTE is 0.",
        "Record the hours in the worker's contract on the staff record.",
      );
    if (e.daysSick !== null && e.daysSick > CENSUS_WORKING_DAYS)
      p(
        "Days sick",
        "error",
        `${e.daysSick} days sick is more than the ${CENSUS_WORKING_DAYS} working days in the year.`,
        "Correct the days sick on the staff record to the working days lost in the year.",
      );
    if (here && roleInfo(e.role)?.caseHolding && e.septemberCases === null)
      p(
        "Cases at 30 September",
        "warning",
        `No caseload is recorded for September ${input.year}, so they count as holding no cases.`,
        "Record their September caseload (Caseloads), or leave it if they held no cases.",
      );
    if (swe) {
      const earlier = (bySwe.get(swe) ?? []).filter(
        (o) =>
          o !== e &&
          employees.indexOf(o) < i &&
          o.startDate <= (e.endDate ?? "9999-12-31") &&
          e.startDate <= (o.endDate ?? "9999-12-31"),
      );
      if (earlier.length)
        p(
          "SWE number",
          "warning",
          `Shares the SWE number ending ${sweTail(swe)} with ${earlier.map((o) => o.localRef).join(", ")}, and both were in post at once. The person is counted once in the headcount, in the more senior role.`,
          "If these are two people, correct the SWE number on one of them; if one person holds two posts, nothing needs doing.",
        );
    }

    workers.push({
      row,
      reference,
      agency: false,
      sweNumber: swe || null,
      dateOfBirth: e.dateOfBirth,
      ageAt30Sep: age,
      sex,
      ethnicGroup: CENSUS_ETHNIC_GROUPS[group],
      role: swRoleLabel(e.role),
      team: e.teamName,
      startDate: e.startDate,
      leavingDate: leaver ? e.endDate : null,
      leavingReason: reason ? CENSUS_LEAVING_REASONS[reason] : null,
      fte: hoursKnown ? round(fte, 2) : null,
      daysSick: e.daysSick,
      casesAt30Sep: here ? (e.septemberCases ?? 0) : null,
      starter,
      leaver,
      inPostAt30Sep: here,
      countedInHeadcount: counted.has(e.staffRecordId),
      coversVacancy: null,
    });
  });

  agency.forEach((a, i) => {
    const row = employees.length + i + 2;
    const reference = `${a.workerName} (agency: ${a.agencyName})`;
    const swe = normaliseSwe(a.sweNumber);
    const p = (field: string, problem: string, fix: string) =>
      add({ reference, staffRecordId: null, assignmentId: a.id, field, severity: "error", problem, fix }, row);
    if (!swe)
      p(
        "SWE number",
        "The agency worker's SWE number is missing.",
        "Add their Social Work England number to the agency assignment.",
      );
    else if (!SWE_NUMBER_PATTERN.test(swe))
      p(
        "SWE number",
        `The SWE number ending ${sweTail(swe)} is not a Social Work England number (SW followed by 4 to 7 digits).`,
        "Correct it on the agency assignment from the Social Work England register.",
      );
    if (a.hourlyRate === null || !(a.hourlyRate > 0))
      p(
        "Hourly rate",
        "The hourly rate paid for the agency worker is missing.",
        "Record the hourly rate on the agency assignment.",
      );
    const here = inPostOn(a, day);
    const leaver = leftInYear(a.endDate, y);
    workers.push({
      row,
      reference,
      agency: true,
      sweNumber: swe || null,
      dateOfBirth: null,
      ageAt30Sep: null,
      sex: null,
      ethnicGroup: null,
      role: swRoleLabel(a.role),
      team: a.teamName,
      startDate: a.startDate,
      leavingDate: leaver ? a.endDate : null,
      leavingReason: null,
      fte: round(fteOf(a.weeklyHours), 2),
      daysSick: null,
      casesAt30Sep: null,
      starter: a.startDate >= y.start && a.startDate <= y.end,
      leaver,
      inPostAt30Sep: here,
      countedInHeadcount: here,
      coversVacancy: a.coversVacancy,
    });
  });

  // Aggregates from unrounded FTE.
  const fte = (e: CensusEmployee) => fteOf(e.contractedHours);
  const persons = (list: CensusEmployee[]) =>
    new Set(list.map((e) => normaliseSwe(e.sweNumber) || `record:${e.staffRecordId}`)).size;
  const starters = employees.filter((e) => e.startDate >= y.start && e.startDate <= y.end);
  const leavers = employees.filter((e) => leftInYear(e.endDate, y));
  // In post, funded, vacant and agency FTE by the one rule the figures use too (sw-dfe-rates.ts):
  // the establishment at 30 September, an ASYE filling a social worker's post, social work roles only.
  const {
    inPost: inPostFte,
    funded: fundedFte,
    vacant: vacancyFte,
    agency: agencyFte,
  } = socialWorkFte(employees, input.establishment, agency, day);
  const inPostHeadcount = counted.size;
  const leaversFte = sum(leavers.map(fte));
  const leaversHeadcount = persons(leavers);
  const agencyIn = agency.filter((a) => inPostOn(a, day));
  const agencyCoverFte = sum(agencyIn.filter((a) => a.coversVacancy).map((a) => fteOf(a.weeklyHours)));

  const holders = inPost.filter((e) => (e.septemberCases ?? 0) > 0);
  const holdersFte = sum(holders.map(fte));
  const cases = sum(inPost.map((e) => e.septemberCases ?? 0));
  const daysLost = sum(inPost.map((e) => e.daysSick ?? 0));

  const aggregate: CensusAggregate = {
    inpost_fte: round(inPostFte, 1),
    inpost_headcount: inPostHeadcount,
    starters_fte: round(sum(starters.map(fte)), 1),
    starters_headcount: persons(starters),
    leavers_fte: round(leaversFte, 1),
    leavers_headcount: leaversHeadcount,
    turnover_rate_fte: rate(leaversFte, inPostFte),
    turnover_rate_headcount: rate(leaversHeadcount, inPostHeadcount),
    agency_fte: round(agencyFte, 1),
    agency_headcount: agencyIn.length,
    agency_rate_fte: rate(agencyFte, agencyFte + inPostFte),
    agency_rate_headcount: rate(agencyIn.length, agencyIn.length + inPostHeadcount),
    agency_cover_fte: round(agencyCoverFte, 1),
    agency_cover_rate_fte: rate(agencyCoverFte, agencyFte),
    funded_fte: round(fundedFte, 1),
    vacancy_fte: round(vacancyFte, 1),
    vacancy_rate_fte: rate(vacancyFte, vacancyFte + inPostFte),
    vacancy_agency_cover_rate_fte: rate(agencyCoverFte, vacancyFte),
    case_holders_fte: round(holdersFte, 1),
    cases,
    caseload_fte: holdersFte > 0 ? round(cases / holdersFte, 1) : null,
    working_days_lost: round(daysLost, 1),
    absence_rate_fte: rate(daysLost, inPostFte * CENSUS_WORKING_DAYS),
  };

  problems.sort((a, b) => a.row - b.row);
  const errors = problems.filter((p) => p.severity === "error").length;
  return {
    year: input.year,
    start: y.start,
    end: y.end,
    workers,
    aggregate,
    problems,
    counts: { employees: employees.length, agency: agency.length, errors, warnings: problems.length - errors },
  };
}

/** workers.csv's columns, in order, with what each holds (the page's help lists them). */
export const CENSUS_WORKER_COLUMNS: {
  header: string;
  help: string;
  value: (w: CensusWorkerRow) => string | number | null;
}[] = [
  {
    header: "Local reference",
    help: "The staff record's reference (an agency worker's name and agency)",
    value: (w) => w.reference,
  },
  {
    header: "Agency worker",
    help: "Yes for an agency assignment, No for a directly employed worker",
    value: (w) => (w.agency ? "Yes" : "No"),
  },
  {
    header: "SWE number",
    help: "Social Work England registration number (the census's identifier)",
    value: (w) => w.sweNumber,
  },
  { header: "Date of birth", help: "As YYYY-MM-DD (blank for agency workers)", value: (w) => w.dateOfBirth },
  { header: "Age at 30 September", help: "Whole years on the census day", value: (w) => w.ageAt30Sep },
  { header: "Sex", help: "Male, Female or Other", value: (w) => w.sex },
  {
    header: "Ethnic group",
    help: "Broad group from the ASC-WDS ethnicity: White; Mixed or multiple ethnic groups; Asian or Asian British; Black, African, Caribbean or Black British; Other ethnic group; Not known",
    value: (w) => w.ethnicGroup,
  },
  { header: "Role", help: "The worker's social work role", value: (w) => w.role },
  { header: "Team", help: "The children's team", value: (w) => w.team },
  { header: "Start date", help: "Start of the employment or assignment", value: (w) => w.startDate },
  { header: "Leaving date", help: "When they left, if in the census year", value: (w) => w.leavingDate },
  {
    header: "Reason for leaving",
    help: "The ASC-WDS reason in census words (see the list)",
    value: (w) => w.leavingReason,
  },
  { header: "FTE", help: "Contracted weekly hours ÷ 37, at most 1, to 2 decimal places", value: (w) => w.fte },
  { header: "Days sick", help: "Working days lost to sickness in the year", value: (w) => w.daysSick },
  {
    header: "Cases at 30 September",
    help: "Open cases in the September caseload, for those in post on 30 September",
    value: (w) => w.casesAt30Sep,
  },
  { header: "Starter", help: "Started in the census year", value: (w) => (w.starter ? "Yes" : "No") },
  { header: "Leaver", help: "Left in the census year", value: (w) => (w.leaver ? "Yes" : "No") },
  {
    header: "In post at 30 September",
    help: "Yes when in post on the census day (someone leaving on 30 September is not)",
    value: (w) => (w.inPostAt30Sep ? "Yes" : "No"),
  },
  {
    header: "Counted in headcount",
    help: "No for the less senior of two records of one person",
    value: (w) => (w.countedInHeadcount ? "Yes" : "No"),
  },
  {
    header: "Covers a vacancy",
    help: "For agency workers: whether the assignment covers a vacant post",
    value: (w) => (w.coversVacancy === null ? null : w.coversVacancy ? "Yes" : "No"),
  },
];

/** aggregate.csv's columns. */
export const CENSUS_AGGREGATE_COLUMNS = ["Item", "Description", "Value", "Definition"] as const;

/** The aggregate items as rows of aggregate.csv. */
export const aggregateRows = (a: CensusAggregate) =>
  CENSUS_AGGREGATE_ITEMS.map((i) => [i.key, i.label, a[i.key], i.definition] as (string | number | null)[]);

/** The worker rows as rows of workers.csv. */
export const workerRows = (workers: CensusWorkerRow[]) =>
  workers.map((w) => CENSUS_WORKER_COLUMNS.map((c) => c.value(w)));
