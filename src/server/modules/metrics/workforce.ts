import { type SQL, sql } from "drizzle-orm";
import { CARE_PROVIDING_ROLES } from "../../../shared/ascwds/codes";
import { COMPLETENESS_SQL } from "../returns/completeness";
import { type FigureDef, noData, rate, round2 } from "./figure-types";

// Pay, people, qualification and data-quality figures of docs/metrics.md, over the workforce in
// post at D (everyone except agency workers): aggregates the database works out in the engine's
// staff scan (counts, shares, medians), and each figure's definition over them.

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

/** hourly_pay (metrics.md): the hourly rate, or an annual salary over contracted hours × 52.143 weeks. */
export function hourlyPay(w: {
  payInterval: number | null;
  payRate: number | null;
  contractedHours: number | null;
}): number | null {
  if (w.payRate === null) return null;
  if (w.payInterval === 3) return w.payRate;
  if (w.payInterval === 1 && w.contractedHours && w.contractedHours > 0)
    return w.payRate / (w.contractedHours * WEEKS_PER_YEAR);
  return null;
}

/** ONS ethnic groups of the ASC-WDS codes (asc-wds.md: 31–34 White … 47 and 98 Other; 99 or missing unknown). */
export const ETHNIC_GROUPS = ["white", "mixed", "asian", "black", "other", "unknown"] as const;
const ETHNIC_SQL: Record<(typeof ETHNIC_GROUPS)[number], string> = {
  white: "s.ethnicity between 31 and 34",
  mixed: "s.ethnicity between 35 and 38",
  asian: "s.ethnicity between 39 and 43",
  black: "s.ethnicity between 44 and 46",
  other: "s.ethnicity is not null and s.ethnicity <> 99 and s.ethnicity not between 31 and 46",
  unknown: "(s.ethnicity is null or s.ethnicity = 99)",
};
/** EU member states (the 27 since 2020), by ISO 3166-1 numeric code, as ASC-WDS records nationality. */
const EU = [
  40, 56, 100, 191, 196, 203, 208, 233, 246, 250, 276, 300, 348, 372, 380, 428, 440, 442, 470, 528, 616, 620, 642, 703,
  705, 724, 752,
];
export const NATIONALITY_GROUPS = ["british", "eu", "non_eu", "unknown"] as const;
/** British (826), EU, non-EU; "don't know" (998), "other, unspecified" (999, neither EU nor non-EU can be told) and missing are unknown. */
const NATIONALITY_SQL: Record<(typeof NATIONALITY_GROUPS)[number], string> = {
  british: "s.nationality = 826",
  eu: `s.nationality in (${EU.join(", ")})`,
  non_eu: `s.nationality not in (826, 998, 999, ${EU.join(", ")})`,
  unknown: "(s.nationality is null or s.nationality in (998, 999))",
};

export const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Whether the hub's records of workplace `w` have begun by the cell's date `c.d` (its
 * records_from): before it, who left and what was vacant are not held, so the workplace counts in
 * no figure, and a scope with nothing begun reads "no data", not 0.
 */
export const BEGUN = sql.raw("(w.records_from is null or w.records_from <= c.d)");

/** The SQL of hourly_pay over a staff record `s` (as `hourlyPay`, in the same floating point arithmetic). */
export const HOURLY_PAY_SQL = `(case when s.pay_rate is null then null when s.pay_interval = 3 then s.pay_rate::float8
  when s.pay_interval = 1 and s.contracted_hours > 0 then s.pay_rate::float8 / (s.contracted_hours::float8 * ${WEEKS_PER_YEAR}::float8) end)`;
/** The same pattern as LONDON, for a workplace `w` in SQL. */
export const LONDON_SQL = "(coalesce(w.postcode, '') ~* '^(E|EC|N|NW|SE|SW|W|WC)[0-9]')";

const list = (roles: Iterable<number>) => [...roles].join(", ");
/** In post at D and not an agency worker: the workforce these figures are about. */
const WF = "s.start_date <= s.d and (s.end_date is null or s.end_date > s.d) and s.contract_type <> 4";
const PAID = `${WF} and s.pay is not null`;
/** Workers the Real Living Wage is for: care-providing, aged 18 or over (a worker whose age is not known is counted). */
const RLW_POPULATION = `${PAID} and s.main_job_role in (${list(CARE_PROVIDING)}) and (s.age is null or s.age >= 18)`;
/**
 * The statutory minimum for a record in the scan (staff record `s`, cell `c`): the apprentice rate
 * for an apprentice when there is one, else the band for their age (99 when it is not known), from
 * the cell's table of rates by age (`c.nlw`, 0 to 120: no band starts below 0 or ends at 120 or
 * above).
 */
export const STATUTORY_FLOOR_SQL = `(case when s.apprentice = 1 and c.appr is not null then c.appr
  else (c.nlw ->> least(greatest(coalesce(extract(year from age(c.d, s.date_of_birth))::int, 99), 0), 120))::float8 end)`;
/** Known: answered with a real value (not blank, not "don't know"). */
const known = (c: string) => `(${c} is not null and ${c} <> 999)`;
const BENCHMARK = `${WF} and s.main_job_role in (${list(QUALIFICATION_BENCHMARK_ROLES)}) and (s.social_care_qual = 2 or (s.social_care_qual = 1 and ${known("s.social_care_qual_level")}))`;

/** Aggregates over the staff scan (one row per record and cell, with `s.age`, `s.pay` and the cell's pay floors). */
export const WORKFORCE_COLUMNS: Record<string, string> = {
  wf_n: `count(*) filter (where ${WF})`,
  ...Object.fromEntries(
    Object.entries(PAY_ROLES).flatMap(([key, role]) => {
      const of = `${PAID} and s.main_job_role = ${role}`;
      return [
        [`pay_n.${key}`, `count(*) filter (where ${of})`],
        // The mean in decimal, rounded to the penny by the database: a sum of floating point numbers
        // depends on the order it is added in, which a plan (parallel or not) does not fix.
        [`pay_mean.${key}`, `round(avg(s.pay::numeric) filter (where ${of}), 2)`],
        // The two middle values (the same one when n is odd): their mean is the median, worked
        // out as before, where percentile_cont would round differently.
        [`pay_lo.${key}`, `percentile_disc(0.5) within group (order by s.pay) filter (where ${of})`],
        [`pay_hi.${key}`, `percentile_disc(0.5) within group (order by s.pay desc) filter (where ${of})`],
      ];
    }),
  ),
  rlw_n: `count(*) filter (where ${RLW_POPULATION})`,
  rlw_below: `count(*) filter (where ${RLW_POPULATION} and s.pay < (case when s.london then s.rlw_london else s.rlw_uk end))`,
  // The statutory minimum depends on age (or apprenticeship): workers with neither known are not assessed.
  nlw_n: `count(*) filter (where ${PAID} and (s.age is not null or s.apprentice = 1))`,
  nlw_below: `count(*) filter (where ${PAID} and (s.age is not null or s.apprentice = 1) and floor(s.pay * 100 + 0.5) / 100 < s.pay_floor)`,
  "gender.female": `count(*) filter (where ${WF} and s.gender = 2)`,
  "gender.male": `count(*) filter (where ${WF} and s.gender = 1)`,
  "gender.other": `count(*) filter (where ${WF} and s.gender = 4)`,
  "gender.unknown": `count(*) filter (where ${WF} and (s.gender is null or s.gender = 3))`,
  ...Object.fromEntries(
    Object.entries(ETHNIC_SQL).map(([g, p]) => [`ethnicity.${g}`, `count(*) filter (where ${WF} and ${p})`]),
  ),
  ...Object.fromEntries(
    Object.entries(NATIONALITY_SQL).map(([g, p]) => [`nationality.${g}`, `count(*) filter (where ${WF} and ${p})`]),
  ),
  experience_n: `count(*) filter (where ${WF} and ${known("s.sector_start_year")})`,
  experience_21y: `count(*) filter (where ${WF} and ${known("s.sector_start_year")} and s.sector_start_year <= extract(year from s.d) - 21)`,
  in_role_n: `count(*) filter (where ${WF} and s.contract_type in (1, 2) and s.main_job_start_date is not null)`,
  in_role_12m: `count(*) filter (where ${WF} and s.contract_type in (1, 2) and s.main_job_start_date <= s.d12)`,
  qual_answered: `count(*) filter (where ${WF} and s.social_care_qual in (1, 2))`,
  qual_none: `count(*) filter (where ${WF} and s.social_care_qual = 2)`,
  qual_benchmark: `count(*) filter (where ${BENCHMARK})`,
  qual_l2_plus: `count(*) filter (where ${BENCHMARK} and s.social_care_qual = 1 and s.social_care_qual_level >= 2)`,
  care_cert_n: `count(*) filter (where ${WF} and s.main_job_role in (${list(CARE_PROVIDING)}) and s.care_certificate is not null)`,
  care_cert_done: `count(*) filter (where ${WF} and s.main_job_role in (${list(CARE_PROVIDING)}) and s.care_certificate = 1)`,
  apprentices: `count(*) filter (where ${WF} and s.apprentice = 1)`,
  // Data quality: the same definitions as a return's completeness score (returns/completeness.ts).
  ...Object.fromEntries(
    Object.entries(COMPLETENESS_SQL).flatMap(([field, f]) => {
      const population = f.appliesTo ? `${WF} and ${f.appliesTo}` : WF;
      return [
        [`completeness_n.${field}`, `count(*) filter (where ${population})`],
        [`completeness_has.${field}`, `count(*) filter (where ${population} and (${f.has}))`],
      ];
    }),
  ),
};

const share = rate;
/** The median of a role's hourly pay: the mean of the two middle values, to the penny. */
const medianOf = (key: string): FigureDef => {
  return (r) => {
    const [n, lo, hi] = [r(`pay_n.${key}`), r(`pay_lo.${key}`), r(`pay_hi.${key}`)];
    return n > 0 ? { value: round2((lo + hi) / 2), n } : noData();
  };
};
/** The mean of a role's hourly pay, to the penny (worked out in decimal by the database). */
const meanOf = (key: string): FigureDef => {
  return (r) => {
    const [n, mean] = [r(`pay_n.${key}`), r(`pay_mean.${key}`)];
    return n > 0 ? { value: mean, n } : noData();
  };
};
const completenessOf = (field: string): FigureDef => {
  return (r) => {
    const [has, n, all] = [r(`completeness_has.${field}`), r(`completeness_n.${field}`), r("wf_n")];
    return n > 0 ? { value: has / n, n: all } : noData();
  };
};

/** The workforce figures over the aggregates above, and `tr_items` and `tr_valid` (training compliance). */
export const WORKFORCE_FIGURES: Record<string, FigureDef> = {
  ...Object.fromEntries(
    Object.keys(PAY_ROLES).flatMap((key) => [
      [`pay_median_hourly.${key}`, medianOf(key)],
      [`pay_mean_hourly.${key}`, meanOf(key)],
    ]),
  ),
  // No value before the first Real Living Wage in the table.
  below_rlw_share: (r, cell) => {
    const [below, n] = [r("rlw_below"), r("rlw_n")];
    return cell.rlwKnown ? share(below, n) : noData();
  },
  // Counts with nobody behind them read "no data", not 0 (nobody's pay known, nobody in post).
  below_nlw_count: (r) => {
    const [below, n] = [r("nlw_below"), r("nlw_n")];
    return n > 0 ? { value: below, n } : noData();
  },
  "gender_share.female": (r) => share(r("gender.female"), r("wf_n")),
  "gender_share.male": (r) => share(r("gender.male"), r("wf_n")),
  "gender_share.other": (r) => share(r("gender.other"), r("wf_n")),
  "gender_share.unknown": (r) => share(r("gender.unknown"), r("wf_n")),
  ...Object.fromEntries(
    ETHNIC_GROUPS.map((g) => [`ethnicity_share.${g}`, ((r) => share(r(`ethnicity.${g}`), r("wf_n"))) as FigureDef]),
  ),
  ethnicity_unknown_share: (r) => share(r("ethnicity.unknown"), r("wf_n")),
  ...Object.fromEntries(
    NATIONALITY_GROUPS.map((g) => [
      `nationality_share.${g}`,
      ((r) => share(r(`nationality.${g}`), r("wf_n"))) as FigureDef,
    ]),
  ),
  experience_21y_plus_share: (r) => share(r("experience_21y"), r("experience_n")),
  in_role_12m_share: (r) => share(r("in_role_12m"), r("in_role_n")),
  no_relevant_qual_share: (r) => share(r("qual_none"), r("qual_answered")),
  qual_l2_plus_share: (r) => share(r("qual_l2_plus"), r("qual_benchmark")),
  care_certificate_completed_share: (r) => share(r("care_cert_done"), r("care_cert_n")),
  apprentices_in_post: (r) => {
    const [apprentices, n] = [r("apprentices"), r("wf_n")];
    return n > 0 ? { value: apprentices, n } : noData();
  },
  training_compliance: (r) => share(r("tr_valid"), r("tr_items")),
  // Data quality (the same definition as a return's completeness score): the mean over the fields
  // that apply to anyone.
  completeness_score: (r) => {
    const values = Object.keys(COMPLETENESS_SQL).flatMap((field) => {
      const [has, n] = [r(`completeness_has.${field}`), r(`completeness_n.${field}`)];
      return n > 0 ? [has / n] : [];
    });
    const all = r("wf_n");
    return values.length ? { value: values.reduce((a, b) => a + b, 0) / values.length, n: all } : noData();
  },
  ...Object.fromEntries(Object.keys(COMPLETENESS_SQL).map((field) => [`completeness.${field}`, completenessOf(field)])),
};

/**
 * training_compliance (metrics.md): of the training items the workforce's employers require for
 * each person's main job role, the share held valid at D (completed on or before D, or with no
 * completion date recorded, and not expired by D). A training record's expiry is its own date,
 * else its completion plus the months it is valid for. Given the cells `c` and the group key `g`
 * over these workplaces; training records are read only here, each once, whatever the cells.
 */
export function trainingQuery(c: SQL, g: SQL, ids: string) {
  return sql`with ${c},
    required as materialized (select ws.org_id, (r.item ->> 'category')::int as category,
        case when jsonb_typeof(r.item -> 'roles') = 'array' then array(select jsonb_array_elements_text(r.item -> 'roles')::int) end as roles
      from workforce_settings ws cross join lateral jsonb_array_elements(ws.required_training) as r(item)
      where ws.org_id in (select org_id from workplaces where id = any(${ids}::uuid[]))),
    -- When each person held each category valid: a training record holds it from its completion
    -- (or always, when undated) until its expiry (or for ever); one expiring before it is completed never.
    held as (select t.staff_record_id as id, t.category, range_agg(daterange(t.completed_on, t.expiry, '[)')) as valid
      from (select t.staff_record_id, t.category, t.completed_on, coalesce(t.expires_on, (t.completed_on + make_interval(months => t.validity_months))::date) as expiry
            -- From each person's own training records (by index), not a pass over everyone's.
            from staff_records s cross join lateral (select * from training_records t where t.staff_record_id = s.id offset 0) t
            where s.workplace_id = any(${ids}::uuid[]) and s.contract_type <> 4) t
      where t.completed_on is null or t.expiry is null or t.expiry > t.completed_on
      group by 1, 2),
    s as (select s.id, s.org_id, s.main_job_role, c.d, c.by, ${g} as g
      from staff_records s join workplaces w on w.id = s.workplace_id cross join c
      where s.workplace_id = any(${ids}::uuid[]) and w.id = any(${ids}::uuid[]) and ${BEGUN} and s.start_date <= c.d and (s.end_date is null or s.end_date > c.d) and s.contract_type <> 4)
    select s.d::text as at, s.by, s.g, count(*)::int as tr_items, count(*) filter (where h.valid @> s.d)::int as tr_valid
    from s join required q on q.org_id = s.org_id and (q.roles is null or s.main_job_role = any(q.roles))
      left join held h on h.id = s.id and h.category = q.category
    group by 1, 2, 3`;
}
