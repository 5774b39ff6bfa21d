import { type SQL, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { applicableRlw, type PayFloor, statutoryMinimum } from "../reference/pay-floors";
import { CORE_COLUMNS, CORE_FIGURES } from "./core-figures";
import {
  type Cell,
  type CellInfo,
  cellKey,
  type FigureDef,
  type Figures,
  type Grid,
  type Row,
  uniqueCells,
} from "./figure-types";
import {
  BEGUN,
  HOURLY_PAY_SQL,
  LONDON_SQL,
  STATUTORY_FLOOR_SQL,
  trainingQuery,
  WORKFORCE_COLUMNS,
  WORKFORCE_FIGURES,
} from "./workforce";

// The figures engine: every figure of docs/metrics.md for a set of workplaces, for every cell (a
// date D and a grouping) a caller asks for at once, worked out by the database. One scan of the
// staff records crossed with the cells gives counts, sums, shares and medians per group (only
// the columns the asked-for figures read); vacancies, agency spend, declared counts, system
// retention and training compliance each have their own query, run only when a figure needs it.
// Each figure is then a line of arithmetic over its group's aggregates (core-figures.ts,
// workforce.ts).

export { STANDARD_WEEKLY_HOURS } from "./core-figures";
export {
  type Cell,
  cellKey,
  type Figure,
  type Figures,
  type Grid,
  type GroupBy,
  type Reason,
  uniqueCells,
} from "./figure-types";

/** Every figure the engine computes, by name, in the order they are listed. */
export const FIGURES: Record<string, FigureDef> = { ...CORE_FIGURES, ...WORKFORCE_FIGURES };
export const FIGURE_NAMES = Object.keys(FIGURES);

const SCAN_COLUMNS: Record<string, string> = { ...CORE_COLUMNS, ...WORKFORCE_COLUMNS };

/** The columns the named figures read: each figure is read once with a recorder. */
export function columnsOf(names: string[]): Set<string> {
  const used = new Set<string>();
  const record: Row = (column) => {
    used.add(column);
    return 0;
  };
  for (const name of names) FIGURES[name](record, { at: "2000-01-01", rlwKnown: true });
  return used;
}

/** The SQL for a row's group key, given the cell's grouping `c.by` and workplace `w`. */
const GROUP_KEY = "case c.by when 'all' then 'all' when 'employer' then w.org_id::text else w.main_service::text end";
const AGES = 120;
/** Age in whole years at the cell's date, as PostgreSQL's age() (and ageOn) count it. */
const AGE = "extract(year from age(c.d, s.date_of_birth))::int";

/** Each cell with the pay floors that apply at its date, as one JSON parameter. */
function cellsJson(cells: Cell[], floors: PayFloor[]) {
  return JSON.stringify(
    cells.map(({ at, by }) => {
      const apprentice = statutoryMinimum(floors, at, 0, true);
      return {
        d: at,
        by,
        rlw_uk: applicableRlw(floors, at, false)?.hourlyRate ?? null,
        rlw_london: applicableRlw(floors, at, true)?.hourlyRate ?? null,
        appr: apprentice?.band === "apprentice" ? apprentice.hourlyRate : null,
        nlw: Array.from({ length: AGES + 1 }, (_, age) => statutoryMinimum(floors, at, age)?.hourlyRate ?? null),
      };
    }),
  );
}

/**
 * The figures named (all by default) for every cell, unprotected: callers apply disclosure
 * control for their reader. A cell grouped "all" always has its "all" group; a breakdown has a
 * group for every employer or service type with any record in these workplaces.
 */
export async function computeGrid(
  db: Exec,
  workplaceIds: string[],
  asked: Cell[],
  floors: PayFloor[],
  names: string[] = FIGURE_NAMES,
): Promise<Grid> {
  const cells = uniqueCells(asked);
  const used = columnsOf(names);
  const rows = workplaceIds.length && cells.length ? await aggregates(db, workplaceIds, cells, floors, used) : [];
  const byKey = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const key = `${row.at}|${row.by}|${row.g}`;
    const values = byKey.get(key) ?? new Map<string, number>();
    for (const [column, value] of Object.entries(row))
      if (column !== "at" && column !== "by" && column !== "g") values.set(column, Number(value ?? 0));
    byKey.set(key, values);
  }
  const grid: Grid = new Map();
  for (const cell of cells) {
    const info: CellInfo = { at: cell.at, rlwKnown: applicableRlw(floors, cell.at, false) !== null };
    const groups = new Set(cell.by === "all" ? ["all"] : []);
    for (const key of byKey.keys())
      if (key.startsWith(`${cellKey(cell)}|`)) groups.add(key.slice(cellKey(cell).length + 1));
    const figures = new Map<string, Figures>();
    for (const g of groups) {
      const values = byKey.get(`${cellKey(cell)}|${g}`);
      const r: Row = (column) => values?.get(column) ?? 0;
      figures.set(g, Object.fromEntries(names.map((name) => [name, FIGURES[name](r, info)])));
    }
    grid.set(cellKey(cell), figures);
  }
  return grid;
}

/**
 * Whether a workplace's declared count (ASC-WDS workplace file) stands in at the cell `c` (with
 * `c.d` and `c.d12`): for vacancies when it has no vacancy records at all, for leavers when it has
 * no record-level leavers in the 12 months. One rule for the counts and for a breakdown's rows.
 */
const declaredStandsIn = (kind: string, workplace: string) =>
  sql.raw(`((${kind} = 'vacancies' and not exists (select 1 from vacancies v where v.workplace_id = ${workplace}))
    or (${kind} = 'leavers' and not exists (select 1 from staff_records s where s.workplace_id = ${workplace}
          and s.contract_type in (1, 2) and s.end_date > c.d12 and s.end_date <= c.d)))`);

type AggregateRow = { at: string; by: string; g: string } & Record<string, unknown>;

/** The aggregates the used columns need, one row per cell and group from each query run. */
async function aggregates(
  db: Exec,
  workplaceIds: string[],
  cells: Cell[],
  floors: PayFloor[],
  used: Set<string>,
): Promise<AggregateRow[]> {
  const ids = `{${workplaceIds.join(",")}}`;
  const g = sql.raw(GROUP_KEY);
  const c = sql`c as (select c.d, c.by, (c.d - interval '12 months')::date as d12, c.rlw_uk, c.rlw_london, c.appr, c.nlw
    from json_to_recordset(${cellsJson(cells, floors)}::json) as c(d date, by text, rlw_uk float8, rlw_london float8, appr float8, nlw jsonb))`;
  // The staff records that can count at a cell's date: started by D and not gone a year before it.
  // `offset 0` keeps the scan a subquery of its own, so that each row's age, pay and pay floor are
  // worked out once, not again in every aggregate that reads them (the planner drops the ones no
  // aggregate reads).
  const scan = sql`s as (select s.*, c.d, c.d12, c.by, c.rlw_uk, c.rlw_london, ${g} as g, ${sql.raw(AGE)} as age, ws.standard_weekly_hours as week,
      ${sql.raw(HOURLY_PAY_SQL)} as pay, ${sql.raw(LONDON_SQL)} as london, ${sql.raw(STATUTORY_FLOOR_SQL)} as pay_floor
    from staff_records s join workplaces w on w.id = s.workplace_id left join workforce_settings ws on ws.org_id = s.org_id cross join c
    where s.workplace_id = any(${ids}::uuid[]) and w.id = any(${ids}::uuid[]) and ${BEGUN} and s.start_date <= c.d and (s.end_date is null or s.end_date > c.d12) offset 0)`;
  // The queries are independent: on PostgreSQL they run at once on the pool's connections (the
  // embedded database takes them one after another).
  const pending: Promise<{ rows: unknown[] }>[] = [];
  const run = (query: SQL) => {
    pending.push(db.execute(query) as Promise<{ rows: unknown[] }>);
  };

  const columns = Object.keys(SCAN_COLUMNS).filter((name) => used.has(name));
  if (columns.length) {
    const select = sql.raw(columns.map((name) => `(${SCAN_COLUMNS[name]})::float8 as "${name}"`).join(",\n      "));
    // Stability needs to know whether the same person is employed by the same employer at D on
    // any of their records: a window over the person's records at that employer, not a join.
    const window = used.has("stable")
      ? sql`, t as (select s.*, s.person_key is not null and bool_or(s.contract_type in (1, 2) and s.start_date <= s.d and (s.end_date is null or s.end_date > s.d))
            over (partition by s.d, s.by, s.org_id, s.person_key) as person_now from s)`
      : sql``;
    run(
      sql`with ${c}, ${scan}${window} select s.d::text as at, s.by, s.g, ${select} from ${sql.raw(used.has("stable") ? "t" : "s")} s group by 1, 2, 3`,
    );
  }
  // A breakdown lists every employer or service type with anything here (a staff record, in post
  // or not; a vacancy open at D; agency spend or a declared count that counts in the 12 months),
  // whichever figures are asked for: the rows do not depend on the columns.
  if (cells.some((cell) => cell.by !== "all"))
    run(sql`with ${c},
      staffed as materialized (select distinct s.workplace_id from staff_records s where s.workplace_id = any(${ids}::uuid[]))
      select c.d::text as at, c.by, ${g} as g from workplaces w cross join c
      where c.by <> 'all' and w.id = any(${ids}::uuid[]) and ${BEGUN} and (
        w.id in (select workplace_id from staffed)
        or exists (select 1 from vacancies v where v.workplace_id = w.id and v.opened_on <= c.d and (v.closed_on is null or v.closed_on > c.d))
        or exists (select 1 from agency_use a where a.workplace_id = w.id and a.month > c.d12 and a.month <= c.d)
        or exists (select 1 from declared_counts dc where dc.workplace_id = w.id and dc.as_at <= c.d and dc.as_at > c.d12
             and ${declaredStandsIn("dc.kind", "w.id")}))
      group by 1, 2, 3`);
  if (used.has("before") || used.has("retained"))
    // System retention counts people, not employments: a person key links one person's records.
    // Within a group, a person is kept if they are employed in the same group a year later.
    run(sql`with ${c},
      s as (select c.d, c.d12, c.by, ${g} as g, coalesce(s.person_key, s.id::text) as who, s.start_date, s.end_date
            from staff_records s join workplaces w on w.id = s.workplace_id cross join c
            where s.workplace_id = any(${ids}::uuid[]) and w.id = any(${ids}::uuid[]) and ${BEGUN} and s.contract_type in (1, 2) and s.start_date <= c.d and (s.end_date is null or s.end_date > c.d12)),
      who as (select d, by, g, who, bool_or(s.start_date <= s.d12 and (s.end_date is null or s.end_date > s.d12)) as before,
                bool_or(s.start_date <= s.d and (s.end_date is null or s.end_date > s.d)) as now from s group by d, by, g, who)
      select d::text as at, by, g, count(*) filter (where before)::int as before, count(*) filter (where before and now)::int as retained from who group by 1, 2, 3`);
  if (used.has("open"))
    run(sql`with ${c}
      select c.d::text as at, c.by, ${g} as g, count(*)::int as open from vacancies v join workplaces w on w.id = v.workplace_id cross join c
      where v.workplace_id = any(${ids}::uuid[]) and w.id = any(${ids}::uuid[]) and ${BEGUN} and v.opened_on <= c.d and (v.closed_on is null or v.closed_on > c.d) group by 1, 2, 3`);
  if (used.has("spend") || used.has("months"))
    run(sql`with ${c}
      select c.d::text as at, c.by, ${g} as g, coalesce(sum(a.spend), 0)::float8 as spend, count(a.spend)::int as months
      from agency_use a join workplaces w on w.id = a.workplace_id cross join c
      where a.workplace_id = any(${ids}::uuid[]) and w.id = any(${ids}::uuid[]) and ${BEGUN} and a.month > c.d12 and a.month <= c.d group by 1, 2, 3`);
  if (used.has("dec_vacancies") || used.has("dec_leavers"))
    // Declared counts (ASC-WDS workplace file): a workplace's latest declaration in the 12 months to
    // D stands in for its vacancies when it has no vacancy records at all, and for its leavers
    // when it has no record-level leavers in those 12 months.
    run(sql`with ${c},
      latest as (select distinct on (c.d, c.by, dc.workplace_id, dc.kind) c.d, c.d12, c.by, dc.workplace_id, dc.kind, dc.as_at
                 from declared_counts dc cross join c
                 where dc.workplace_id = any(${ids}::uuid[]) and dc.kind in ('vacancies', 'leavers') and dc.as_at <= c.d and dc.as_at > c.d12
                 order by c.d, c.by, dc.workplace_id, dc.kind, dc.as_at desc)
      select c.d::text as at, c.by, ${g} as g,
        coalesce(sum(dc.count) filter (where c.kind = 'vacancies'), 0)::int as dec_vacancies,
        coalesce(sum(dc.count) filter (where c.kind = 'leavers'), 0)::int as dec_leavers
      from latest c join declared_counts dc on dc.workplace_id = c.workplace_id and dc.kind = c.kind and dc.as_at = c.as_at
        join workplaces w on w.id = c.workplace_id
      where ${declaredStandsIn("c.kind", "c.workplace_id")} and ${BEGUN}
      group by 1, 2, 3`);
  if (used.has("tr_items") || used.has("tr_valid")) run(trainingQuery(c, g, ids));
  return (await Promise.all(pending)).flatMap((result) => result.rows as AggregateRow[]);
}

/** Every figure named (all by default) for one set of workplaces as at one date. */
export async function figuresAt(
  db: Exec,
  workplaceIds: string[],
  at: string,
  floors: PayFloor[] = [],
  names: string[] = FIGURE_NAMES,
): Promise<Figures> {
  const cell: Cell = { at, by: "all" };
  return (await computeGrid(db, workplaceIds, [cell], floors, names)).get(cellKey(cell))?.get("all") as Figures;
}
