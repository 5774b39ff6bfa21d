// The figures engine as it was before it moved into SQL (issue 14), kept verbatim as an independent
// computation: engine-parity.test.ts checks the SQL engine gives the same figures on varied data.
import { sql } from "drizzle-orm";
import type { Exec } from "../../src/server/db/client";

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
  /**
   * Part of the value is a count a provider declared in an ASC-WDS workplace file (vacancies or
   * leavers), used for workplaces with no records of their own (metrics.md).
   */
  declared?: true;
}
export type Figures = Record<string, Figure>;

const count = (n: number): Figure => ({ value: n, n });
const rate = (num: number, den: number): Figure =>
  den > 0 ? { value: num / den, n: den } : { value: null, reason: "no_data", n: 0 };
const mean = (value: number | null, n: number): Figure =>
  n > 0 && value !== null ? { value: Number(value), n } : { value: null, reason: "no_data", n: 0 };

/** A standard working week, for FTE (metrics.md: default 37.5 hours; an employer may set its own). */
export const STANDARD_WEEKLY_HOURS = 37.5;
/**
 * One record's FTE: contracted hours for employed staff on fixed hours; average hours for
 * zero-hours, bank, agency and other staff; unknown hours count as 0. Divided by the employer's
 * standard week (`s.week`, from its workforce settings) or the default.
 */
const FTE_SQL = `(case when s.zero_hours = 1 or s.contract_type not in (1, 2) then coalesce(s.average_hours, 0) else coalesce(s.contracted_hours, 0) end / coalesce(s.week, ${STANDARD_WEEKLY_HOURS}))`;

/** Contract types (ASC-WDS EMPLSTATUS): employed = permanent or temporary; agency counted apart. */
const EMPLOYED = "(1, 2)";
const AGENCY = 4;

/**
 * How figures are grouped: one set for all the workplaces, or one per employer or per main
 * service type of the workplace (the breakdowns of a council's dashboard).
 */
export type GroupBy = "all" | "employer" | "service";
/** One column of a grid of figures: a date and a grouping. A dashboard asks for many at once. */
export interface Cell {
  at: string;
  by: GroupBy;
}
/** Figures per cell (`cellKey`) and group key ("all", an employer's id, a service code). */
export type Grid = Map<string, Map<string, Figures>>;
export const cellKey = (c: Cell) => `${c.at}|${c.by}`;
/** The SQL for a row's group key, given the cell's grouping `c.by` and workplace `w`. */
const GROUP_KEY_SQL =
  "case c.by when 'all' then 'all' when 'employer' then w.org_id::text else w.main_service::text end";

/** Each cell once: a cell asked for twice would count every record twice. */
export const uniqueCells = (cells: Cell[]) => [...new Map(cells.map((c) => [cellKey(c), c])).values()];

/**
 * The core figures for the given workplaces as at `at` (YYYY-MM-DD). Flow figures cover the 12
 * months (D − 12 months, D]; "in post at D" is start ≤ D and no end or end > D.
 */
export async function coreFigures(db: Exec, workplaceIds: string[], at: string): Promise<Figures> {
  return (
    (await coreFiguresGrid(db, workplaceIds, [{ at, by: "all" }])).get(cellKey({ at, by: "all" }))?.get("all") ??
    noCoreFigures()
  );
}

/** The core figures of a group with no records at all. */
export const noCoreFigures = () =>
  figuresOf({}, { before: 0, retained: 0 }, 0, { spend: 0, months: 0 }, { vacancies: 0, leavers: 0 });

/** Vacancies and leavers declared for workplaces without records of their own. */
type Declared = { vacancies: number; leavers: number };

/**
 * The core figures for every cell (date and grouping) in four queries, each one pass over the
 * records crossed with the cells: a dashboard's dates and breakdowns cost one scan, not one each.
 */
export async function coreFiguresGrid(db: Exec, workplaceIds: string[], asked: Cell[]): Promise<Grid> {
  const cells = uniqueCells(asked);
  const ids = `{${workplaceIds.join(",")}}`;
  const dates = `{${cells.map((c) => c.at).join(",")}}`;
  const bys = `{${cells.map((c) => c.by).join(",")}}`;
  const g = sql.raw(GROUP_KEY_SQL);
  const cellsSql = sql`c as (select d, by, (d - interval '12 months')::date as d12 from unnest(${dates}::date[], ${bys}::text[]) as c(d, by))`;
  const inPost = (d: string) => sql.raw(`(s.start_date <= ${d} and (s.end_date is null or s.end_date > ${d}))`);
  const employed = sql.raw(`s.contract_type in ${EMPLOYED}`);
  const fte = sql.raw(FTE_SQL);
  const staff = await db.execute(sql`
    with ${cellsSql},
    s as (select s.*, c.d, c.d12, c.by, ${g} as g, extract(year from age(c.d, s.date_of_birth))::int as age, ws.standard_weekly_hours as week
          from staff_records s join workplaces w on w.id = s.workplace_id left join workforce_settings ws on ws.org_id = s.org_id cross join c
          where s.workplace_id = any(${ids}::uuid[])),
    -- Stability needs to know whether the same person is employed by the same employer at D on any
    -- of their records: a window over the person's records at that employer, not a join.
    t as (select s.*, s.person_key is not null and bool_or(${employed} and ${inPost("d")}) over (partition by s.d, s.by, s.org_id, s.person_key) as person_now from s)
    select d::text as at, by, g,
      count(*) filter (where s.start_date <= s.d and (s.end_date is null or s.end_date > s.d12))::int as records,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY})::int as filled_posts,
      count(*) filter (where ${inPost("d")} and ${employed})::int as employed,
      count(*) filter (where ${inPost("d12")} and ${employed})::int as employed_12m_ago,
      count(*) filter (where ${employed} and s.end_date > s.d12 and s.end_date <= s.d)::int as leavers,
      count(*) filter (where ${employed} and s.start_date > s.d12 and s.start_date <= s.d)::int as starters,
      count(*) filter (where ${employed} and s.apprentice = 1 and s.start_date > s.d12 and s.start_date <= s.d)::int as apprentice_starts,
      coalesce(sum(${fte}) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY}), 0)::float8 as filled_fte,
      coalesce(sum(${fte}) filter (where ${inPost("d")} and ${employed}), 0)::float8 as employed_fte,
      coalesce(sum(${fte}) filter (where ${inPost("d")} and s.contract_type = ${AGENCY}), 0)::float8 as agency_fte,
      coalesce(sum(${fte}) filter (where ${employed} and s.end_date > s.d12 and s.end_date <= s.d), 0)::float8 as leavers_fte,
      count(*) filter (where ${inPost("d")} and s.contract_type = ${AGENCY})::int as agency,
      count(*) filter (where ${inPost("d")} and s.contract_type = 1)::int as permanent,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.zero_hours = 1)::int as zero_hours,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.zero_hours in (1, 2))::int as zero_hours_known,
      avg(s.days_sick) filter (where ${inPost("d")} and ${employed})::float8 as sick_mean,
      count(s.days_sick) filter (where ${inPost("d")} and ${employed})::int as sick_n,
      count(s.age) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY})::int as age_known,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.age >= 55)::int as age_55,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.age < 30)::int as age_under_30,
      count(*) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY} and s.age < 25)::int as age_under_25,
      avg(s.age) filter (where ${inPost("d")} and s.contract_type <> ${AGENCY})::float8 as age_mean,
      -- Stability: employed a year ago and employed by the same employer now (the same record, or
      -- another record of the same person at the same employer).
      count(*) filter (where ${inPost("d12")} and ${employed} and (${inPost("d")} or s.person_now))::int as stable
    from t s group by d, by, g`);

  // System retention counts people, not employments: a person key links one person's records.
  // Within a group, a person is kept if they are employed in the same group a year later.
  const people = await db.execute(sql`
    with ${cellsSql},
    s as (select s.*, c.d, c.d12, c.by, ${g} as g, coalesce(s.person_key, s.id::text) as who
          from staff_records s join workplaces w on w.id = s.workplace_id cross join c
          where s.workplace_id = any(${ids}::uuid[]) and ${employed}),
    -- One row per person, cell and group: employed there a year ago, and now?
    who as (select d, by, g, who, bool_or(${inPost("d12")}) as before, bool_or(${inPost("d")}) as now from s group by d, by, g, who)
    select d::text as at, by, g, count(*) filter (where before)::int as before, count(*) filter (where before and now)::int as retained from who group by d, by, g`);

  const vac = await db.execute(sql`
    with ${cellsSql}
    select c.d::text as at, c.by, ${g} as g, count(*)::int as open from vacancies v join workplaces w on w.id = v.workplace_id cross join c
    where v.workplace_id = any(${ids}::uuid[]) and v.opened_on <= c.d and (v.closed_on is null or v.closed_on > c.d) group by 1, 2, 3`);

  const spend = await db.execute(sql`
    with ${cellsSql}
    select c.d::text as at, c.by, ${g} as g, coalesce(sum(a.spend), 0)::float8 as spend, count(a.spend)::int as months
    from agency_use a join workplaces w on w.id = a.workplace_id cross join c
    where a.workplace_id = any(${ids}::uuid[]) and a.month > c.d12 and a.month <= c.d group by 1, 2, 3`);

  // Declared counts (ASC-WDS workplace file): a workplace's latest declaration in the 12 months to
  // D stands in for its vacancies when it has no vacancy records at all, and for its leavers
  // when it has no record-level leavers in those 12 months.
  const declared = await db.execute(sql`
    with ${cellsSql},
    latest as (select distinct on (c.d, c.by, dc.workplace_id, dc.kind) c.d, c.d12, c.by, dc.workplace_id, dc.kind, dc.as_at
               from declared_counts dc cross join c
               where dc.workplace_id = any(${ids}::uuid[]) and dc.kind in ('vacancies', 'leavers') and dc.as_at <= c.d and dc.as_at > c.d12
               order by c.d, c.by, dc.workplace_id, dc.kind, dc.as_at desc)
    select c.d::text as at, c.by, ${g} as g,
      coalesce(sum(dc.count) filter (where c.kind = 'vacancies'), 0)::int as vacancies,
      coalesce(sum(dc.count) filter (where c.kind = 'leavers'), 0)::int as leavers
    from latest c join declared_counts dc on dc.workplace_id = c.workplace_id and dc.kind = c.kind and dc.as_at = c.as_at
      join workplaces w on w.id = c.workplace_id
    where (c.kind = 'vacancies' and not exists (select 1 from vacancies v where v.workplace_id = c.workplace_id))
       or (c.kind = 'leavers' and not exists (select 1 from staff_records s where s.workplace_id = c.workplace_id
             and ${employed} and s.end_date > c.d12 and s.end_date <= c.d))
    group by 1, 2, 3`);

  type Row = { at: string; by: GroupBy; g: string };
  const index = <T>(rows: unknown[]) => new Map((rows as (T & Row)[]).map((r) => [`${r.at}|${r.by}|${r.g}`, r]));
  const staffBy = index<Record<string, number | null>>(staff.rows);
  const peopleBy = index<{ before: number; retained: number }>(people.rows);
  const vacBy = index<{ open: number }>(vac.rows);
  const spendBy = index<{ spend: number; months: number }>(spend.rows);
  const declaredBy = index<Declared>(declared.rows);
  const grid: Grid = new Map(cells.map((c) => [cellKey(c), new Map<string, Figures>()]));
  for (const k of new Set([...staffBy.keys(), ...vacBy.keys(), ...spendBy.keys(), ...declaredBy.keys()])) {
    const [at, by, key] = k.split("|");
    grid
      .get(`${at}|${by}`)
      ?.set(
        key,
        figuresOf(
          staffBy.get(k) ?? {},
          peopleBy.get(k) ?? { before: 0, retained: 0 },
          Number(vacBy.get(k)?.open ?? 0),
          spendBy.get(k) ?? { spend: 0, months: 0 },
          declaredBy.get(k) ?? { vacancies: 0, leavers: 0 },
        ),
      );
  }
  return grid;
}

function figuresOf(
  r: Record<string, number | null>,
  pr: { before: number; retained: number },
  recordedVacancies: number,
  sp: { spend: number; months: number },
  dec: Declared,
): Figures {
  const n = (k: string) => Number(r[k] ?? 0);
  const employed = n("employed");
  const vacancies = recordedVacancies + Number(dec.vacancies);
  const leavers = n("leavers") + Number(dec.leavers);
  // A figure resting partly on declared counts says so.
  const mark =
    (declared: number) =>
    (f: Figure): Figure =>
      declared > 0 && f.value !== null ? { ...f, declared: true } : f;
  const v = mark(Number(dec.vacancies));
  const l = mark(Number(dec.leavers));
  // A count with nothing recorded behind it at D reads "no data", not 0.
  const records = n("records");
  const countOf = (k: number, held: number): Figure => (held > 0 ? count(k) : { value: null, reason: "no_data", n: 0 });
  return {
    filled_posts: countOf(n("filled_posts"), records),
    filled_posts_fte:
      records > 0
        ? { value: Math.round(n("filled_fte") * 100) / 100, n: n("filled_posts") }
        : { value: null, reason: "no_data", n: 0 },
    employed_headcount: countOf(employed, records),
    vacancies: v(countOf(vacancies, records + vacancies)),
    vacancy_rate: v(rate(vacancies, employed + vacancies)),
    // Vacancy records carry no hours: each counts as one full-time post.
    vacancy_rate_fte: v(rate(vacancies, n("employed_fte") + vacancies)),
    leavers_12m: l(countOf(leavers, records + Number(dec.leavers))),
    turnover_rate: l(rate(leavers, employed)),
    // Declared leavers carry no hours: the FTE rate rests on records only.
    turnover_rate_fte: rate(n("leavers_fte"), n("employed_fte")),
    turnover_rate_avg: l(rate(leavers, (n("employed_12m_ago") + employed) / 2)),
    starter_rate: rate(n("starters"), employed),
    stability_index: rate(n("stable"), n("employed_12m_ago")),
    system_retention: rate(Number(pr.retained), Number(pr.before)),
    agency_rate: rate(n("agency"), n("agency") + employed),
    agency_rate_fte: rate(n("agency_fte"), n("agency_fte") + n("employed_fte")),
    apprenticeship_starts_12m: countOf(n("apprentice_starts"), records),
    agency_spend:
      Number(sp.months) > 0
        ? { value: Number(sp.spend), n: Number(sp.months) }
        : { value: null, reason: "no_data", n: 0 },
    permanent_share: rate(n("permanent"), n("filled_posts")),
    zero_hours_share: rate(n("zero_hours"), n("zero_hours_known")),
    sickness_days_mean: mean(r.sick_mean ?? null, n("sick_n")),
    age_55_plus_share: rate(n("age_55"), n("age_known")),
    age_under_30_share: rate(n("age_under_30"), n("age_known")),
    age_under_25_share: rate(n("age_under_25"), n("age_known")),
    age_mean: mean(r.age_mean ?? null, n("age_known")),
  };
}
