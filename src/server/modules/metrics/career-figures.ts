import { sql } from "drizzle-orm";
import type { Framework } from "../../../shared/career/framework";
import type { Exec } from "../../db/client";
import { currentRole } from "../frameworks/gap";

// Career framework figures (issue 5) from the same records as the rest of the engine: how the
// workforce in post at D spreads across the framework's roles, and the share of employed staff
// who moved up a route in the 12 months to D.
//
// "Moved up": someone employed at D who, in the 12 months to D, went from one framework role to
// another that the framework's routes lead to, directly or step by step: either a new employment
// in the same scope (the same person key) after one that ended in the 12 months, or a change of
// role inside one employment (from the role before its first change in the 12 months to the role
// after its last, as `staff_role_changes` keeps them).

export interface CareerFigures {
  roles: { key: string; title: string; pathway: string; count: number }[];
  /** In post at D with a job role the framework does not cover. */
  unmapped: number;
  movedUp: { value: number | null; n: number; count: number };
}

/** Roles reachable from a role by following routes forward. */
function reachable(f: Framework, from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length) {
    const at = todo.pop() as string;
    for (const rt of f.routes)
      if (rt.from === at && !seen.has(rt.to)) {
        seen.add(rt.to);
        todo.push(rt.to);
      }
  }
  return seen;
}

type Row = {
  person_key: string | null;
  main_job_role: number;
  cwp_category: number | null;
  contract_type: number;
  prev_role: number | null;
  prev_cwp: number | null;
  first_role: number | null;
  first_cwp: number | null;
  last_role: number | null;
  last_cwp: number | null;
};
const asPerson = (role: number, cwp: number | null) => ({ mainJobRole: role, cwpCategory: cwp });

export async function careerFigures(
  db: Exec,
  workplaceIds: string[],
  at: string,
  f: Framework,
): Promise<CareerFigures> {
  const ids = `{${workplaceIds.join(",")}}`;
  const result = await db.execute(sql`
    with s as (select * from staff_records where workplace_id = any(${ids}::uuid[]))
    select now.person_key, now.main_job_role, now.cwp_category, now.contract_type, prev.main_job_role as prev_role, prev.cwp_category as prev_cwp,
      ch.first_role, ch.first_cwp, ch.last_role, ch.last_cwp
    from s now
    left join lateral (
      -- Straight from the table, so the person key index finds the earlier employment.
      select p.main_job_role, p.cwp_category from staff_records p
      where now.person_key is not null and p.person_key = now.person_key and p.id <> now.id and p.workplace_id = any(${ids}::uuid[])
        and p.end_date > (${at}::date - interval '12 months') and p.end_date <= ${at}::date and p.end_date <= now.start_date
      order by p.end_date desc limit 1) prev on true
    left join lateral (
      -- The role before the first change in the 12 months, and after the last.
      select (array_agg(c.from_role order by c.changed_on, c.id))[1] as first_role, (array_agg(c.from_cwp order by c.changed_on, c.id))[1] as first_cwp,
        (array_agg(c.to_role order by c.changed_on desc, c.id desc))[1] as last_role, (array_agg(c.to_cwp order by c.changed_on desc, c.id desc))[1] as last_cwp
      from staff_role_changes c
      where c.staff_record_id = now.id and c.changed_on > (${at}::date - interval '12 months') and c.changed_on <= ${at}::date) ch on true
    where now.contract_type <> 4 and now.start_date <= ${at}::date and (now.end_date is null or now.end_date > ${at}::date)`);
  const counts = new Map<string, number>();
  let unmapped = 0;
  let employed = 0;
  let movedUp = 0;
  for (const r of result.rows as Row[]) {
    const role = currentRole(f, asPerson(r.main_job_role, r.cwp_category));
    if (role) counts.set(role.key, (counts.get(role.key) ?? 0) + 1);
    else unmapped++;
    if (r.contract_type !== 1 && r.contract_type !== 2) continue;
    employed++;
    const up = (from: number | null, fromCwp: number | null, to: { key: string } | null) => {
      const before = from === null ? null : currentRole(f, asPerson(from, fromCwp));
      return Boolean(to && before && before.key !== to.key && reachable(f, before.key).has(to.key));
    };
    const within = r.last_role === null ? null : currentRole(f, asPerson(r.last_role, r.last_cwp));
    if (up(r.prev_role, r.prev_cwp, role) || up(r.first_role, r.first_cwp, within)) movedUp++;
  }
  return {
    roles: f.roles.map((r) => ({ key: r.key, title: r.title, pathway: r.pathway, count: counts.get(r.key) ?? 0 })),
    unmapped,
    movedUp: { value: employed ? movedUp / employed : null, n: employed, count: movedUp },
  };
}
