import { sql } from "drizzle-orm";
import type { Framework } from "../../../shared/career/framework";
import type { Exec } from "../../db/client";
import { currentRole, type PersonRecord } from "../careers/gap";

// Career framework figures (issue 5) from the same records as the rest of the engine: how the
// workforce in post at D spreads across the framework's roles, and the share of employed staff
// who moved up a route in the 12 months to D.
//
// "Moved up": someone employed at D whose previous employment in the same scope (the same
// person key) ended in the 12 months, in a role from which the framework's routes lead, directly
// or step by step, to their role now. A change of role inside one employment is not counted yet:
// staff records keep only the current role (the audit trail's history is not read here).

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

type Row = { person_key: string | null; main_job_role: number; cwp_category: number | null; contract_type: number; prev_role: number | null; prev_cwp: number | null };
const asPerson = (role: number, cwp: number | null) => ({ mainJobRole: role, cwpCategory: cwp }) as PersonRecord;

export async function careerFigures(db: Exec, workplaceIds: string[], at: string, f: Framework): Promise<CareerFigures> {
  const ids = `{${workplaceIds.join(",")}}`;
  const result = await db.execute(sql`
    with s as (select * from staff_records where workplace_id = any(${ids}::uuid[]))
    select now.person_key, now.main_job_role, now.cwp_category, now.contract_type, prev.main_job_role as prev_role, prev.cwp_category as prev_cwp
    from s now
    left join lateral (
      -- Straight from the table, so the person key index finds the earlier employment.
      select p.main_job_role, p.cwp_category from staff_records p
      where now.person_key is not null and p.person_key = now.person_key and p.id <> now.id and p.workplace_id = any(${ids}::uuid[])
        and p.end_date > (${at}::date - interval '12 months') and p.end_date <= ${at}::date and p.end_date <= now.start_date
      order by p.end_date desc limit 1) prev on true
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
    if (role && r.prev_role !== null) {
      const before = currentRole(f, asPerson(r.prev_role, r.prev_cwp));
      if (before && before.key !== role.key && reachable(f, before.key).has(role.key)) movedUp++;
    }
  }
  return {
    roles: f.roles.map((r) => ({ key: r.key, title: r.title, pathway: r.pathway, count: counts.get(r.key) ?? 0 })),
    unmapped,
    movedUp: { value: employed ? movedUp / employed : null, n: employed, count: movedUp },
  };
}
