import { sql } from "drizzle-orm";
import type { Exec } from "../../db/client";

/**
 * Everything a council's dashboard rests on, as one short text: every organisation's data version
 * (moved on by any write to workforce records, vacancies, agency use or workforce settings), the
 * council's commissioning links, the published frameworks, targets, pay floors and comparators,
 * the organisations, and the council's return periods and what has been submitted to them (what
 * needs attention lists providers late with a return). While it is unchanged, a dashboard worked out a moment ago is still
 * exactly right. One query over small tables.
 */
export async function councilFiguresVersion(db: Exec, councilId: string): Promise<string> {
  const stamp = (table: string) =>
    sql.raw(`(select count(*) || '.' || coalesce(max(updated_at)::text, '') from ${table})`);
  const result = await db.execute(sql`
    select concat_ws('|',
      (select coalesce(sum(version), 0) from org_data_versions),
      (select count(*) || '.' || coalesce(md5(string_agg(provider_id::text || from_date::text || coalesce(to_date::text, ''), ',' order by id)), '')
        from commissioning where council_id = ${councilId}),
      ${stamp("career_frameworks")}, ${stamp("metric_targets")}, ${stamp("pay_floors")}, ${stamp("comparators")},
      (select count(*) from organisations),
      (select count(*) || '.' || coalesce(max(due_date)::text, '') from return_periods where council_id = ${councilId}),
      (select count(*) from return_submissions s join return_periods p on p.id = s.period_id
        where p.council_id = ${councilId})) as v`);
  return (result.rows[0] as { v: string }).v;
}
