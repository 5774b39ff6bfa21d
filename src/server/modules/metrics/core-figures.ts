import { count, type Figure, type FigureDef, mean, noData, rate } from "./figure-types";

// The core figures of docs/metrics.md (posts, flows, vacancies, agency, people) as aggregates over
// the staff scan and the engine's other queries, and each figure's definition over them. Flow
// figures cover the 12 months (D − 12 months, D]; "in post at D" is start ≤ D and no end or end > D.

/** A standard working week, for FTE (metrics.md: default 37.5 hours; an employer may set its own). */
export const STANDARD_WEEKLY_HOURS = 37.5;
/**
 * One record's FTE: contracted hours for employed staff on fixed hours; average hours for
 * zero-hours, bank, agency and other staff; unknown hours count as 0. Divided by the employer's
 * standard week (`s.week`, from its workforce settings) or the default.
 */
const FTE = `(case when s.zero_hours = 1 or s.contract_type not in (1, 2) then coalesce(s.average_hours, 0) else coalesce(s.contracted_hours, 0) end / coalesce(s.week, ${STANDARD_WEEKLY_HOURS}))`;

/** In post at the cell's date D (`s.d`) or a year before it (`s.d12`). */
export const IN_POST = "(s.start_date <= s.d and (s.end_date is null or s.end_date > s.d))";
const IN_POST_12M_AGO = "(s.start_date <= s.d12 and (s.end_date is null or s.end_date > s.d12))";
/** Contract types (ASC-WDS EMPLSTATUS): employed = permanent or temporary; agency (4) counted apart. */
const EMPLOYED = "s.contract_type in (1, 2)";
const AGENCY = "s.contract_type = 4";
const WORKFORCE = `${IN_POST} and s.contract_type <> 4`;
const LEFT_IN_12M = `${EMPLOYED} and s.end_date > s.d12 and s.end_date <= s.d`;
const STARTED_IN_12M = `${EMPLOYED} and s.start_date > s.d12 and s.start_date <= s.d`;

const APPRENTICESHIP_STARTED =
  "exists (select 1 from apprenticeships a where a.staff_record_id = s.id and a.start_on > s.d12 and a.start_on <= s.d)";
/** A record with an apprenticeship that ended (as `what` says) in the 12 months: people, not programmes. */
const apprenticeshipEnded = (what: string) =>
  `exists (select 1 from apprenticeships a where a.staff_record_id = s.id and ${what} and a.end_on > s.d12 and a.end_on <= s.d)`;

/** Aggregates over the staff scan (one row per record and cell, `s.age` at D), by column name. */
export const CORE_COLUMNS: Record<string, string> = {
  // Every record that can count at D (the scan's rows: started by D, not gone a year before it).
  records: "count(*)",
  filled_posts: `count(*) filter (where ${WORKFORCE})`,
  employed: `count(*) filter (where ${IN_POST} and ${EMPLOYED})`,
  employed_12m_ago: `count(*) filter (where ${IN_POST_12M_AGO} and ${EMPLOYED})`,
  leavers: `count(*) filter (where ${LEFT_IN_12M})`,
  starters: `count(*) filter (where ${STARTED_IN_12M})`,
  // Real starts (the hub's apprenticeships, issue 18) where the employer records them for the
  // person; else the ASC-WDS apprentice flag on an employment started in the 12 months, so
  // uploaded-only data gives the same answer as before and nobody counts twice.
  apprentice_starts: `count(*) filter (where ${APPRENTICESHIP_STARTED} or (${STARTED_IN_12M} and s.apprentice = 1 and not exists (select 1 from apprenticeships a where a.staff_record_id = s.id)))`,
  appr_completed: `count(*) filter (where ${apprenticeshipEnded("a.status = 'completed'")})`,
  appr_achieved: `count(*) filter (where ${apprenticeshipEnded("a.status = 'completed' and a.result = 'achieved'")})`,
  appr_ended: `count(*) filter (where ${apprenticeshipEnded("a.status in ('completed', 'withdrawn')")})`,
  filled_fte: `coalesce(sum(${FTE}) filter (where ${WORKFORCE}), 0)`,
  employed_fte: `coalesce(sum(${FTE}) filter (where ${IN_POST} and ${EMPLOYED}), 0)`,
  agency_fte: `coalesce(sum(${FTE}) filter (where ${IN_POST} and ${AGENCY}), 0)`,
  leavers_fte: `coalesce(sum(${FTE}) filter (where ${LEFT_IN_12M}), 0)`,
  agency: `count(*) filter (where ${IN_POST} and ${AGENCY})`,
  permanent: `count(*) filter (where ${IN_POST} and s.contract_type = 1)`,
  zero_hours: `count(*) filter (where ${WORKFORCE} and s.zero_hours = 1)`,
  zero_hours_known: `count(*) filter (where ${WORKFORCE} and s.zero_hours in (1, 2))`,
  sick_mean: `avg(s.days_sick) filter (where ${IN_POST} and ${EMPLOYED})`,
  sick_n: `count(s.days_sick) filter (where ${IN_POST} and ${EMPLOYED})`,
  age_known: `count(s.age) filter (where ${WORKFORCE})`,
  age_55: `count(*) filter (where ${WORKFORCE} and s.age >= 55)`,
  age_under_30: `count(*) filter (where ${WORKFORCE} and s.age < 30)`,
  age_under_25: `count(*) filter (where ${WORKFORCE} and s.age < 25)`,
  age_mean: `avg(s.age) filter (where ${WORKFORCE})`,
  // Stability: employed a year ago and employed by the same employer now (the same record, or
  // another record of the same person at the same employer: `s.person_now`, a window the scan
  // adds only when this column is asked for).
  stable: `count(*) filter (where ${IN_POST_12M_AGO} and ${EMPLOYED} and (${IN_POST} or s.person_now))`,
};

/** A figure resting partly on declared counts says so. */
const mark = (declared: number, f: Figure): Figure => (declared > 0 && f.value !== null ? { ...f, declared: true } : f);
/**
 * A count with nothing recorded behind it at D (before the records begin, say) has no data: it
 * reads "no data", not 0. `held` is how many records of any kind it could rest on.
 */
const countOf = (n: number, held: number): Figure => (held > 0 ? count(n) : noData());

/**
 * The core figures over their aggregates: the staff scan's columns above, and `open` (vacancy
 * records), `dec_vacancies` and `dec_leavers` (declared counts), `before` and `retained` (system
 * retention), `spend` and `months` (agency spend) from the engine's other queries.
 */
export const CORE_FIGURES: Record<string, FigureDef> = {
  filled_posts: (r) => countOf(r("filled_posts"), r("records")),
  filled_posts_fte: (r) => {
    const [fte, filled, records] = [r("filled_fte"), r("filled_posts"), r("records")];
    return records > 0 ? { value: Math.round(fte * 100) / 100, n: filled } : noData();
  },
  employed_headcount: (r) => countOf(r("employed"), r("records")),
  vacancies: (r) => {
    const [open, declared, records] = [r("open"), r("dec_vacancies"), r("records")];
    return mark(declared, countOf(open + declared, records + open + declared));
  },
  vacancy_rate: (r) => {
    const [open, declared, employed] = [r("open"), r("dec_vacancies"), r("employed")];
    return mark(declared, rate(open + declared, employed + open + declared));
  },
  // Vacancy records carry no hours: each counts as one full-time post.
  vacancy_rate_fte: (r) => {
    const [open, declared, fte] = [r("open"), r("dec_vacancies"), r("employed_fte")];
    return mark(declared, rate(open + declared, fte + open + declared));
  },
  leavers_12m: (r) => {
    const [leavers, declared, records] = [r("leavers"), r("dec_leavers"), r("records")];
    return mark(declared, countOf(leavers + declared, records + declared));
  },
  turnover_rate: (r) => {
    const [leavers, declared, employed] = [r("leavers"), r("dec_leavers"), r("employed")];
    return mark(declared, rate(leavers + declared, employed));
  },
  // Declared leavers carry no hours: the FTE rate rests on records only.
  turnover_rate_fte: (r) => rate(r("leavers_fte"), r("employed_fte")),
  turnover_rate_avg: (r) => {
    const [leavers, declared, employed, before] = [
      r("leavers"),
      r("dec_leavers"),
      r("employed"),
      r("employed_12m_ago"),
    ];
    return mark(declared, rate(leavers + declared, (before + employed) / 2));
  },
  starter_rate: (r) => rate(r("starters"), r("employed")),
  stability_index: (r) => rate(r("stable"), r("employed_12m_ago")),
  system_retention: (r) => rate(r("retained"), r("before")),
  agency_rate: (r) => {
    const [agency, employed] = [r("agency"), r("employed")];
    return rate(agency, agency + employed);
  },
  agency_rate_fte: (r) => {
    const [agency, employed] = [r("agency_fte"), r("employed_fte")];
    return rate(agency, agency + employed);
  },
  apprenticeship_starts_12m: (r) => countOf(r("apprentice_starts"), r("records")),
  apprenticeship_completions_12m: (r) => countOf(r("appr_completed"), r("records")),
  apprenticeship_achievement_rate: (r) => rate(r("appr_achieved"), r("appr_ended")),
  agency_spend: (r) => {
    const [spend, months] = [r("spend"), r("months")];
    return months > 0 ? { value: spend, n: months } : noData();
  },
  permanent_share: (r) => rate(r("permanent"), r("filled_posts")),
  zero_hours_share: (r) => rate(r("zero_hours"), r("zero_hours_known")),
  sickness_days_mean: (r) => mean(r("sick_mean"), r("sick_n")),
  age_55_plus_share: (r) => rate(r("age_55"), r("age_known")),
  age_under_30_share: (r) => rate(r("age_under_30"), r("age_known")),
  age_under_25_share: (r) => rate(r("age_under_25"), r("age_known")),
  age_mean: (r) => mean(r("age_mean"), r("age_known")),
};
