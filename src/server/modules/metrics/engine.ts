import { sql } from "drizzle-orm";
import type { Exec } from "../../db/client";

// The metric engine: every figure of docs/metrics.md for a set of workplaces as at a date D,
// computed from the records in one pass per table. This first part covers the core rates and
// people figures from staff records, vacancies and agency use; pay, qualifications, data quality,
// disclosure control and summary tables come next (issue 4).

export type Reason = "no_data" | "not_enough_data" | "suppressed";
export interface Figure {
  value: number | null;
  /** Why there is no value. */
  reason?: Reason;
  /** How many records the figure rests on (its denominator, or its count). */
  n: number;
}
export type Figures = Record<string, Figure>;

const count = (n: number): Figure => ({ value: n, n });
const rate = (num: number, den: number): Figure => (den > 0 ? { value: num / den, n: den } : { value: null, reason: "no_data", n: 0 });
const mean = (value: number | null, n: number): Figure => (n > 0 && value !== null ? { value: Number(value), n } : { value: null, reason: "no_data", n: 0 });

/** Contract types (ASC-WDS EMPLSTATUS): employed = permanent or temporary; agency counted apart. */
const EMPLOYED = "(1, 2)";
const AGENCY = 4;

/**
 * The core figures for the given workplaces as at `at` (YYYY-MM-DD). Flow figures cover the 12
 * months (D − 12 months, D]; "in post at D" is start ≤ D and no end or end > D.
 */
export async function coreFigures(db: Exec, workplaceIds: string[], at: string): Promise<Figures> {
  const ids = `{${workplaceIds.join(",")}}`;
  const inPost = (d: string) => sql.raw(`(s.start_date <= ${d} and (s.end_date is null or s.end_date > ${d}))`);
  const staff = await db.execute(sql`
    with p as (select ${at}::date as d, (${at}::date - interval '12 months')::date as d12),
    s as (select s.*, p.d, p.d12, extract(year from age(p.d, s.date_of_birth))::int as age
          from staff_records s, p where s.workplace_id = any(${ids}::uuid[]))
    select
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY})::int as filled_posts,
      count(*) filter (where ${inPost("d")} and s.contract_type in ${sql.raw(EMPLOYED)})::int as employed,
      count(*) filter (where ${inPost("d12")} and s.contract_type in ${sql.raw(EMPLOYED)})::int as employed_12m_ago,
      count(*) filter (where s.contract_type in ${sql.raw(EMPLOYED)} and s.end_date > s.d12 and s.end_date <= s.d)::int as leavers,
      count(*) filter (where s.contract_type in ${sql.raw(EMPLOYED)} and s.start_date > s.d12 and s.start_date <= s.d)::int as starters,
      count(*) filter (where ${inPost("d")} and s.contract_type = ${AGENCY})::int as agency,
      count(*) filter (where ${inPost("d")} and s.contract_type = 1)::int as permanent,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.zero_hours = 1)::int as zero_hours,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.zero_hours in (1, 2))::int as zero_hours_known,
      avg(s.days_sick) filter (where ${inPost("d")} and s.contract_type in ${sql.raw(EMPLOYED)})::float8 as sick_mean,
      count(s.days_sick) filter (where ${inPost("d")} and s.contract_type in ${sql.raw(EMPLOYED)})::int as sick_n,
      count(s.age) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY})::int as age_known,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.age >= 55)::int as age_55,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.age < 30)::int as age_under_30,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.age < 25)::int as age_under_25,
      avg(s.age) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY})::float8 as age_mean,
      -- Stability: employed a year ago and employed by the same employer now (the same record, or
      -- another record of the same person at the same employer).
      count(*) filter (where ${inPost("d12")} and s.contract_type in ${sql.raw(EMPLOYED)} and (
        (${inPost("d")}) or (s.person_key is not null and exists (
          select 1 from s s2 where s2.person_key = s.person_key and s2.org_id = s.org_id and s2.contract_type in ${sql.raw(EMPLOYED)}
            and s2.start_date <= s.d and (s2.end_date is null or s2.end_date > s.d)))))::int as stable
    from s`);
  const r = staff.rows[0] as Record<string, number | null>;
  const n = (k: string) => Number(r[k] ?? 0);

  // System retention counts people, not employments: a person key links one person's records.
  const people = await db.execute(sql`
    with p as (select ${at}::date as d, (${at}::date - interval '12 months')::date as d12),
    s as (select s.*, coalesce(s.person_key, s.id::text) as who from staff_records s where s.workplace_id = any(${ids}::uuid[])),
    before as (select distinct who from s, p where s.contract_type in ${sql.raw(EMPLOYED)} and s.start_date <= p.d12 and (s.end_date is null or s.end_date > p.d12)),
    now as (select distinct who from s, p where s.contract_type in ${sql.raw(EMPLOYED)} and s.start_date <= p.d and (s.end_date is null or s.end_date > p.d))
    select (select count(*) from before)::int as before, (select count(*) from before join now using (who))::int as retained`);
  const pr = people.rows[0] as { before: number; retained: number };

  const vac = await db.execute(sql`
    select count(*)::int as open from vacancies v
    where v.workplace_id = any(${ids}::uuid[]) and v.opened_on <= ${at}::date and (v.closed_on is null or v.closed_on > ${at}::date)`);
  const vacancies = Number((vac.rows[0] as { open: number }).open);

  const spend = await db.execute(sql`
    select coalesce(sum(a.spend), 0)::float8 as spend, count(a.spend)::int as months from agency_use a
    where a.workplace_id = any(${ids}::uuid[]) and a.month > (${at}::date - interval '12 months') and a.month <= ${at}::date`);
  const sp = spend.rows[0] as { spend: number; months: number };

  const employed = n("employed");
  return {
    filled_posts: count(n("filled_posts")),
    employed_headcount: count(employed),
    vacancies: count(vacancies),
    vacancy_rate: rate(vacancies, employed + vacancies),
    leavers_12m: count(n("leavers")),
    turnover_rate: rate(n("leavers"), employed),
    turnover_rate_avg: rate(n("leavers"), (n("employed_12m_ago") + employed) / 2),
    starter_rate: rate(n("starters"), employed),
    stability_index: rate(n("stable"), n("employed_12m_ago")),
    system_retention: rate(pr.retained, pr.before),
    agency_rate: rate(n("agency"), n("agency") + employed),
    agency_spend: sp.months > 0 ? { value: sp.spend, n: sp.months } : { value: null, reason: "no_data", n: 0 },
    permanent_share: rate(n("permanent"), n("filled_posts")),
    zero_hours_share: rate(n("zero_hours"), n("zero_hours_known")),
    sickness_days_mean: mean(r.sick_mean, n("sick_n")),
    age_55_plus_share: rate(n("age_55"), n("age_known")),
    age_under_30_share: rate(n("age_under_30"), n("age_known")),
    age_under_25_share: rate(n("age_under_25"), n("age_known")),
    age_mean: mean(r.age_mean, n("age_known")),
  };
}
