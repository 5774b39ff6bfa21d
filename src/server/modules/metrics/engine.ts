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
 * How figures are grouped: one set for all the workplaces, or one per employer or per main
 * service type of the workplace (the breakdowns of a council's dashboard), from the same queries.
 */
export type GroupBy = "all" | "employer" | "service";
export const GROUP_KEY: Record<GroupBy, string> = { all: "'all'", employer: "w.org_id::text", service: "w.main_service::text" };

/**
 * The core figures for the given workplaces as at `at` (YYYY-MM-DD). Flow figures cover the 12
 * months (D − 12 months, D]; "in post at D" is start ≤ D and no end or end > D.
 */
export async function coreFigures(db: Exec, workplaceIds: string[], at: string): Promise<Figures> {
  return (await coreFiguresBy(db, workplaceIds, at, "all")).get("all") ?? noCoreFigures();
}

/** The core figures of a group with no records at all. */
export const noCoreFigures = () => figuresOf({}, { before: 0, retained: 0 }, 0, { spend: 0, months: 0 });

/** The core figures per group (only groups with any records appear). */
export async function coreFiguresBy(db: Exec, workplaceIds: string[], at: string, groupBy: GroupBy): Promise<Map<string, Figures>> {
  const ids = `{${workplaceIds.join(",")}}`;
  const g = sql.raw(GROUP_KEY[groupBy]);
  const inPost = (d: string) => sql.raw(`(s.start_date <= ${d} and (s.end_date is null or s.end_date > ${d}))`);
  const staff = await db.execute(sql`
    with p as (select ${at}::date as d, (${at}::date - interval '12 months')::date as d12),
    s as (select s.*, ${g} as g, p.d, p.d12, extract(year from age(p.d, s.date_of_birth))::int as age
          from staff_records s join workplaces w on w.id = s.workplace_id, p where s.workplace_id = any(${ids}::uuid[]))
    select g,
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
    from s group by g`);

  // System retention counts people, not employments: a person key links one person's records.
  // Within a group, a person is kept if they are employed in the same group a year later.
  const people = await db.execute(sql`
    with p as (select ${at}::date as d, (${at}::date - interval '12 months')::date as d12),
    s as (select s.*, ${g} as g, coalesce(s.person_key, s.id::text) as who from staff_records s join workplaces w on w.id = s.workplace_id
          where s.workplace_id = any(${ids}::uuid[]) and s.contract_type in ${sql.raw(EMPLOYED)}),
    before as (select distinct g, who from s, p where s.start_date <= p.d12 and (s.end_date is null or s.end_date > p.d12)),
    now as (select distinct g, who from s, p where s.start_date <= p.d and (s.end_date is null or s.end_date > p.d))
    select b.g, count(*)::int as before, count(n.who)::int as retained from before b left join now n on n.g = b.g and n.who = b.who group by b.g`);

  const vac = await db.execute(sql`
    select ${g} as g, count(*)::int as open from vacancies v join workplaces w on w.id = v.workplace_id
    where v.workplace_id = any(${ids}::uuid[]) and v.opened_on <= ${at}::date and (v.closed_on is null or v.closed_on > ${at}::date) group by 1`);

  const spend = await db.execute(sql`
    select ${g} as g, coalesce(sum(a.spend), 0)::float8 as spend, count(a.spend)::int as months from agency_use a join workplaces w on w.id = a.workplace_id
    where a.workplace_id = any(${ids}::uuid[]) and a.month > (${at}::date - interval '12 months') and a.month <= ${at}::date group by 1`);

  const byKey = <T>(rows: unknown[]) => new Map((rows as (T & { g: string })[]).map((r) => [r.g, r]));
  const staffBy = byKey<Record<string, number | null>>(staff.rows);
  const peopleBy = byKey<{ before: number; retained: number }>(people.rows);
  const vacBy = byKey<{ open: number }>(vac.rows);
  const spendBy = byKey<{ spend: number; months: number }>(spend.rows);
  const keys = new Set([...staffBy.keys(), ...vacBy.keys(), ...spendBy.keys()]);
  return new Map(
    [...keys].map((k) => [
      k,
      figuresOf(staffBy.get(k) ?? {}, peopleBy.get(k) ?? { before: 0, retained: 0 }, Number(vacBy.get(k)?.open ?? 0), spendBy.get(k) ?? { spend: 0, months: 0 }),
    ]),
  );
}

function figuresOf(r: Record<string, number | null>, pr: { before: number; retained: number }, vacancies: number, sp: { spend: number; months: number }): Figures {
  const n = (k: string) => Number(r[k] ?? 0);
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
    system_retention: rate(Number(pr.retained), Number(pr.before)),
    agency_rate: rate(n("agency"), n("agency") + employed),
    agency_spend: Number(sp.months) > 0 ? { value: Number(sp.spend), n: Number(sp.months) } : { value: null, reason: "no_data", n: 0 },
    permanent_share: rate(n("permanent"), n("filled_posts")),
    zero_hours_share: rate(n("zero_hours"), n("zero_hours_known")),
    sickness_days_mean: mean(r.sick_mean ?? null, n("sick_n")),
    age_55_plus_share: rate(n("age_55"), n("age_known")),
    age_under_30_share: rate(n("age_under_30"), n("age_known")),
    age_under_25_share: rate(n("age_under_25"), n("age_known")),
    age_mean: mean(r.age_mean ?? null, n("age_known")),
  };
}
