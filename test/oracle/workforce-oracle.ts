// The figures engine as it was before it moved into SQL (issue 14), kept verbatim as an independent
// computation: engine-parity.test.ts checks the SQL engine gives the same figures on varied data.
import { sql } from "drizzle-orm";
import type { Exec } from "../../src/server/db/client";
import { ageOn, monthsBefore } from "../../src/server/lib/time";
import { pauser } from "../../src/server/lib/yield";
import { applicableRlw, type PayFloor, statutoryMinimum } from "../../src/server/modules/reference/pay-floors";
import { completeness } from "../../src/server/modules/returns/completeness";
import { CARE_PROVIDING_ROLES } from "../../src/shared/ascwds/codes";
import { type Cell, cellKey, type Figure, type Figures, type Grid, type GroupBy, uniqueCells } from "./core-oracle";

// Pay, people, qualification and data-quality figures of docs/metrics.md, over the workforce in
// post at D (everyone except agency workers), read as one JSON value and computed here.

/** Care-providing main job roles (metrics.md). */
const CARE_PROVIDING = new Set<number>(CARE_PROVIDING_ROLES);
/** ASC-WDS's own, narrower list for its qualification benchmark (asc-wds.md §4.1). */
export const QUALIFICATION_BENCHMARK_ROLES = new Set([7, 8, 9, 10, 11, 23, 38]);
/** Headline roles for pay: `pay_median_hourly.<key>`. */
export const PAY_ROLES: Record<string, number> = {
  care_worker: 8,
  senior_care_worker: 7,
  registered_manager: 4,
  support_worker: 52,
};
export const WEEKS_PER_YEAR = 52.143;
/**
 * London postcode areas. An approximation: outer London boroughs whose postcodes start with other
 * letters (BR, CR, EN, HA, IG, KT, RM, SM, TW, UB) are not yet recognised as London.
 */
export const LONDON = /^(E|EC|N|NW|SE|SW|W|WC)\d/i;

interface Worker {
  role: number;
  contract: number;
  payInterval: number | null;
  payRate: number | null;
  contractedHours: number | null;
  averageHours: number | null;
  zeroHours: number | null;
  age: number | null;
  dob: string | null;
  apprentice: number | null;
  gender: number | null;
  ethnicity: number | null;
  nationality: number | null;
  sectorStart: number | null;
  mainJobStart: string | null;
  scq: number | null;
  scqLevel: number | null;
  otherQual: number | null;
  otherQualLevel: number | null;
  careCert: number | null;
  daysSick: number | null;
  recruitment: number | null;
  postcode: string | null;
  /** The record's dates, its employer and its workplace's main service, to place it in cells. */
  start: string;
  end: string | null;
  org: string;
  service: number;
  /** Training records (category, completed, expires), read only where the employer requires training. */
  training: { c: number; from: string | null; to: string | null }[] | null;
}

/** Each employer's mandatory training by job role (its workforce settings). */
export type RequiredTraining = Map<string, { category: number; roles: number[] | null }[]>;

/** hourly_pay (metrics.md): the hourly rate, or an annual salary over contracted hours × 52.143 weeks. */
export function hourlyPay(w: Pick<Worker, "payInterval" | "payRate" | "contractedHours">): number | null {
  if (w.payRate === null) return null;
  if (w.payInterval === 3) return w.payRate;
  if (w.payInterval === 1 && w.contractedHours && w.contractedHours > 0)
    return w.payRate / (w.contractedHours * WEEKS_PER_YEAR);
  return null;
}

/** ONS ethnic groups of the ASC-WDS codes (asc-wds.md: 31–34 White … 47 and 98 Other; 99 or missing unknown). */
export const ETHNIC_GROUPS = ["white", "mixed", "asian", "black", "other", "unknown"] as const;
type EthnicGroup = (typeof ETHNIC_GROUPS)[number];
export function ethnicGroup(code: number | null): EthnicGroup {
  if (code === null || code === 99) return "unknown";
  if (code >= 31 && code <= 34) return "white";
  if (code >= 35 && code <= 38) return "mixed";
  if (code >= 39 && code <= 43) return "asian";
  if (code >= 44 && code <= 46) return "black";
  return "other";
}
/** EU member states (the 27 since 2020), by ISO 3166-1 numeric code, as ASC-WDS records nationality. */
const EU = new Set([
  40, 56, 100, 191, 196, 203, 208, 233, 246, 250, 276, 300, 348, 372, 380, 428, 440, 442, 470, 528, 616, 620, 642, 703,
  705, 724, 752,
]);
export const NATIONALITY_GROUPS = ["british", "eu", "non_eu", "unknown"] as const;
type NationalityGroup = (typeof NATIONALITY_GROUPS)[number];
/** British (826), EU, non-EU; "don't know" (998), "other, unspecified" (999, neither EU nor non-EU can be told) and missing are unknown. */
export function nationalityGroup(code: number | null): NationalityGroup {
  if (code === null || code === 998 || code === 999) return "unknown";
  if (code === 826) return "british";
  return EU.has(code) ? "eu" : "non_eu";
}

const share = (num: number, den: number): Figure =>
  den > 0 ? { value: num / den, n: den } : { value: null, reason: "no_data", n: 0 };
const stat = (values: number[], f: (v: number[]) => number): Figure =>
  values.length ? { value: f(values), n: values.length } : { value: null, reason: "no_data", n: 0 };
export const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const round2 = (n: number) => Math.round(n * 100) / 100;

export async function workforceFigures(
  db: Exec,
  workplaceIds: string[],
  at: string,
  floors: PayFloor[],
): Promise<Figures> {
  return (
    (await workforceFiguresGrid(db, workplaceIds, [{ at, by: "all" }], floors))
      .get(cellKey({ at, by: "all" }))
      ?.get("all") ?? noWorkforceFigures(at, floors)
  );
}

/** The workforce figures of a group with nobody in post. */
export const noWorkforceFigures = (at: string, floors: PayFloor[]) => figuresOf([], at, "", floors);

const WORKPLACES_PER_READ = 2000;

/** The workforce (not agency) of some workplaces in post at any time between the first and last date. */
async function workersOf(db: Exec, workplaceIds: string[], dates: string[]): Promise<Worker[]> {
  const ids = `{${workplaceIds.join(",")}}`;
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_object(
      'role', s.main_job_role, 'contract', s.contract_type, 'payInterval', s.pay_interval, 'payRate', s.pay_rate,
      'contractedHours', s.contracted_hours, 'averageHours', s.average_hours, 'zeroHours', s.zero_hours,
      'dob', s.date_of_birth, 'apprentice', s.apprentice,
      'gender', s.gender, 'ethnicity', s.ethnicity, 'nationality', s.nationality, 'sectorStart', s.sector_start_year,
      'mainJobStart', s.main_job_start_date, 'scq', s.social_care_qual, 'scqLevel', s.social_care_qual_level,
      'otherQual', s.other_qual, 'otherQualLevel', s.other_qual_level, 'careCert', s.care_certificate,
      'daysSick', s.days_sick, 'recruitment', s.recruitment_source, 'postcode', w.postcode,
      'start', s.start_date, 'end', s.end_date, 'org', s.org_id, 'service', w.main_service,
      -- A training record's expiry: its own date, else its completion plus the months it is valid for.
      'training', case when jsonb_array_length(ws.required_training) > 0 then (
        select json_agg(json_build_object('c', t.category, 'from', t.completed_on,
          'to', coalesce(t.expires_on, (t.completed_on + make_interval(months => t.validity_months))::date)))
        from training_records t where t.staff_record_id = s.id) end))::text, '[]') as rows
    from staff_records s join workplaces w on w.id = s.workplace_id left join workforce_settings ws on ws.org_id = s.org_id
    where s.workplace_id = any(${ids}::uuid[]) and s.contract_type <> 4
      and s.start_date <= ${dates.at(-1) ?? "1900-01-01"}::date and (s.end_date is null or s.end_date > ${dates[0] ?? "1900-01-01"}::date)`);
  return JSON.parse((result.rows[0] as { rows: string }).rows) as Worker[];
}

const groupKey = (w: Worker, by: GroupBy) => (by === "all" ? "all" : by === "employer" ? w.org : String(w.service));

/**
 * The workforce figures for every cell: the records in post at any of the cells' dates are read
 * once (as JSON, a slice of workplaces at a time) and placed in each cell here (age worked out
 * at each date).
 */
export async function workforceFiguresGrid(
  db: Exec,
  workplaceIds: string[],
  asked: Cell[],
  floors: PayFloor[],
): Promise<Grid> {
  const cells = uniqueCells(asked);
  const dates = cells.map((c) => c.at).sort();
  const required = await requiredTrainingOf(db, workplaceIds);
  // A large council's grid is seconds of work: pause now and then so other requests keep moving.
  const pause = pauser();
  // Read in slices of workplaces: one JSON value for a whole country would pass the largest
  // string a JavaScript engine can hold.
  const records: Worker[] = [];
  for (let i = 0; i < workplaceIds.length; i += WORKPLACES_PER_READ) {
    for (const r of await workersOf(db, workplaceIds.slice(i, i + WORKPLACES_PER_READ), dates)) records.push(r);
    await pause();
  }
  const grid: Grid = new Map();

  for (const cell of cells) {
    const groups = new Map<string, Worker[]>();
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if ((i & 4095) === 0) await pause();
      if (r.start > cell.at || (r.end !== null && r.end <= cell.at)) continue;
      const w = { ...r, age: r.dob ? ageOn(cell.at, r.dob) : null };
      const key = groupKey(w, cell.by);
      const list = groups.get(key);
      if (list) list.push(w);
      else groups.set(key, [w]);
    }
    const d12 = monthsBefore(cell.at, 12);
    const figures = new Map<string, Figures>();
    for (const [g, workforce] of groups) {
      figures.set(g, figuresOf(workforce, cell.at, d12, floors, required));
      await pause();
    }
    grid.set(cellKey(cell), figures);
  }
  return grid;
}

/** The mandatory training of the employers owning these workplaces (those that have set any). */
async function requiredTrainingOf(db: Exec, workplaceIds: string[]): Promise<RequiredTraining> {
  const result = await db.execute(sql`
    select ws.org_id as org, ws.required_training as required from workforce_settings ws
    where jsonb_array_length(ws.required_training) > 0
      and ws.org_id in (select org_id from workplaces where id = any(${`{${workplaceIds.join(",")}}`}::uuid[]))`);
  return new Map(
    (result.rows as { org: string; required: { category: number; roles: number[] | null }[] }[]).map((r) => [
      r.org,
      r.required,
    ]),
  );
}

/**
 * training_compliance (metrics.md): of the training items the workforce's employers require for
 * each person's main job role, the share held valid at D (completed on or before D, or with no
 * completion date recorded, and not expired by D).
 */
export function trainingCompliance(
  workforce: Pick<Worker, "org" | "role" | "training">[],
  at: string,
  required: RequiredTraining,
): Figure {
  let items = 0;
  let valid = 0;
  for (const w of workforce) {
    for (const r of required.get(w.org) ?? []) {
      if (r.roles !== null && !r.roles.includes(w.role)) continue;
      items++;
      if (
        (w.training ?? []).some(
          (t) => t.c === r.category && (t.from === null || t.from <= at) && (t.to === null || t.to > at),
        )
      )
        valid++;
    }
  }
  return share(valid, items);
}

function figuresOf(
  workforce: Worker[],
  at: string,
  d12: string,
  floors: PayFloor[],
  required: RequiredTraining = new Map(),
): Figures {
  const out: Figures = {};

  // Pay.
  const paid = workforce
    .map((w) => ({ w, pay: hourlyPay(w) }))
    .filter((p): p is { w: Worker; pay: number } => p.pay !== null);
  for (const [key, role] of Object.entries(PAY_ROLES)) {
    const pays = paid.filter((p) => p.w.role === role).map((p) => p.pay);
    out[`pay_median_hourly.${key}`] = stat(pays, (v) => round2(median(v)));
    out[`pay_mean_hourly.${key}`] = stat(pays, (v) => round2(mean(v)));
  }
  // The Real Living Wage is for workers aged 18 and over; a worker whose age is not known is counted.
  const rlwUk = applicableRlw(floors, at, false);
  const rlwLondon = applicableRlw(floors, at, true);
  const rlwPopulation = paid.filter((p) => CARE_PROVIDING.has(p.w.role) && (p.w.age === null || p.w.age >= 18));
  const below = rlwPopulation.filter((p) => {
    const rlw = LONDON.test(p.w.postcode ?? "") ? rlwLondon : rlwUk;
    return rlw !== null && p.pay < rlw.hourlyRate;
  });
  out.below_rlw_share = applicableRlw(floors, at, false)
    ? share(below.length, rlwPopulation.length)
    : { value: null, reason: "no_data", n: 0 };
  // The statutory minimum depends on age (or apprenticeship): workers with neither known are not assessed.
  const assessed = paid.filter((p) => p.w.age !== null || p.w.apprentice === 1);
  // The floor depends only on the age and apprenticeship: looked up once for each.
  const floorFor = new Map<string, ReturnType<typeof statutoryMinimum>>();
  const minimum = (age: number, apprentice: boolean) => {
    const key = `${age}|${apprentice}`;
    if (!floorFor.has(key)) floorFor.set(key, statutoryMinimum(floors, at, age, apprentice));
    return floorFor.get(key) ?? null;
  };
  const underpaid = assessed.filter((p) => {
    const floor = minimum(p.w.age ?? 99, p.w.apprentice === 1);
    return floor !== null && round2(p.pay) < floor.hourlyRate;
  });
  out.below_nlw_count = assessed.length
    ? { value: underpaid.length, n: assessed.length }
    : { value: null, reason: "no_data", n: 0 };

  // People.
  const n = workforce.length;
  const count = (f: (w: Worker) => boolean) => workforce.filter(f).length;
  out["gender_share.female"] = share(
    count((w) => w.gender === 2),
    n,
  );
  out["gender_share.male"] = share(
    count((w) => w.gender === 1),
    n,
  );
  out["gender_share.other"] = share(
    count((w) => w.gender === 4),
    n,
  );
  out["gender_share.unknown"] = share(
    count((w) => w.gender === null || w.gender === 3),
    n,
  );
  const ethnic = new Map<EthnicGroup, number>(ETHNIC_GROUPS.map((g) => [g, 0]));
  const nations = new Map<NationalityGroup, number>(NATIONALITY_GROUPS.map((g) => [g, 0]));
  for (const w of workforce) {
    const e = ethnicGroup(w.ethnicity);
    ethnic.set(e, (ethnic.get(e) ?? 0) + 1);
    const g = nationalityGroup(w.nationality);
    nations.set(g, (nations.get(g) ?? 0) + 1);
  }
  for (const [g, c] of ethnic) out[`ethnicity_share.${g}`] = share(c, n);
  out.ethnicity_unknown_share = share(ethnic.get("unknown") ?? 0, n);
  for (const [g, c] of nations) out[`nationality_share.${g}`] = share(c, n);
  const year = Number(at.slice(0, 4));
  const experienceKnown = workforce.filter((w) => w.sectorStart !== null && w.sectorStart !== 999);
  out.experience_21y_plus_share = share(
    experienceKnown.filter((w) => (w.sectorStart as number) <= year - 21).length,
    experienceKnown.length,
  );
  const roleKnown = workforce.filter((w) => (w.contract === 1 || w.contract === 2) && w.mainJobStart !== null);
  out.in_role_12m_share = share(roleKnown.filter((w) => (w.mainJobStart as string) <= d12).length, roleKnown.length);

  // Qualifications.
  const answered = workforce.filter((w) => w.scq === 1 || w.scq === 2);
  out.no_relevant_qual_share = share(answered.filter((w) => w.scq === 2).length, answered.length);
  const benchmark = workforce.filter(
    (w) =>
      QUALIFICATION_BENCHMARK_ROLES.has(w.role) &&
      (w.scq === 2 || (w.scq === 1 && w.scqLevel !== null && w.scqLevel !== 999)),
  );
  out.qual_l2_plus_share = share(
    benchmark.filter((w) => w.scq === 1 && (w.scqLevel as number) >= 2).length,
    benchmark.length,
  );
  const careCert = workforce.filter((w) => CARE_PROVIDING.has(w.role) && w.careCert !== null);
  out.care_certificate_completed_share = share(careCert.filter((w) => w.careCert === 1).length, careCert.length);
  out.apprentices_in_post = n
    ? { value: count((w) => w.apprentice === 1), n }
    : { value: null, reason: "no_data", n: 0 };
  out.training_compliance = trainingCompliance(workforce, at, required);

  // Data quality (the same definition as a return's completeness score).
  const c = completeness(
    workforce.map((w) => ({
      contractType: w.contract,
      gender: w.gender,
      dateOfBirth: w.dob,
      nationality: w.nationality,
      mainJobRole: w.role,
      mainJobStartDate: w.mainJobStart,
      recruitmentSource: w.recruitment,
      zeroHours: w.zeroHours,
      contractedHours: w.contractedHours,
      averageHours: w.averageHours,
      payInterval: w.payInterval,
      payRate: w.payRate,
      daysSick: w.daysSick,
      careCertificate: w.careCert,
      socialCareQual: w.scq,
      socialCareQualLevel: w.scqLevel,
      otherQual: w.otherQual,
      otherQualLevel: w.otherQualLevel,
    })),
  );
  out.completeness_score = c.score === null ? { value: null, reason: "no_data", n: 0 } : { value: c.score, n };
  for (const [field, value] of Object.entries(c.byField))
    out[`completeness.${field}`] = value === null ? { value: null, reason: "no_data", n: 0 } : { value, n };
  return out;
}
