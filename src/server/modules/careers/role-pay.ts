import { inArray, sql } from "drizzle-orm";
import type { Framework } from "../../../shared/career/framework";
import type { Ctx } from "../../context";
import { workplaces } from "../../db/schema";
import { sha256 } from "../../lib/crypto";
import { currentRole } from "../frameworks/gap";
import { MIN_EMPLOYERS, MIN_WORKERS } from "../metrics/disclosure";
import { STANDARD_WEEKLY_HOURS } from "../metrics/engine";
import { round5 } from "../metrics/public.service";
import { summariesOf } from "../metrics/summaries";
import { hourlyPay, median, WEEKS_PER_YEAR } from "../metrics/workforce";

// Typical local pay for each framework role, for the public roadmap (issue 5): the median hourly
// pay of the workforce in post in that role at the council's commissioned providers. It is a
// figure about other employers for anyone to read, so it follows the rules for comparison
// groups (at least 3 employers and 10 people) and the public rounding: pay to the nearest 5p,
// the count of people to the nearest 5.

export interface RolePay {
  /** Median hourly pay, £, to the nearest 5p. */
  medianHourly: number;
  /** The median over a full-time year (the standard 37.5-hour week × 52.143 weeks), £, to the nearest £100. */
  fullTimeYear: number;
  /** How many people it rests on, to the nearest 5. */
  people: number;
}

type Row = {
  org: string;
  role: number;
  cwp: number | null;
  payInterval: number | null;
  payRate: number | null;
  contractedHours: number | null;
};

/** Works out each role's typical pay from the records (no disclosure control: see `rolePay`). */
export function payByRole(f: Framework, rows: Row[]): Record<string, RolePay | null> {
  const byRole = new Map<string, { pays: number[]; employers: Set<string> }>();
  for (const r of rows) {
    const pay = hourlyPay(r);
    const role = currentRole(f, { mainJobRole: r.role, cwpCategory: r.cwp });
    if (pay === null || !role) continue;
    const entry = byRole.get(role.key) ?? { pays: [], employers: new Set<string>() };
    entry.pays.push(pay);
    entry.employers.add(r.org);
    byRole.set(role.key, entry);
  }
  return Object.fromEntries(
    f.roles.map((role) => {
      const e = byRole.get(role.key);
      if (!e || e.employers.size < MIN_EMPLOYERS || e.pays.length < MIN_WORKERS) return [role.key, null];
      const m = median(e.pays);
      return [
        role.key,
        {
          medianHourly: Math.round(m * 20) / 20,
          fullTimeYear: Math.round((m * STANDARD_WEEKLY_HOURS * WEEKS_PER_YEAR) / 100) * 100,
          people: round5(e.pays.length),
        },
      ];
    }),
  );
}

/**
 * Typical pay per role at these organisations today, summarised with the rest of their figures
 * (ADR 0009) so the public page does not read every record on each visit.
 */
export async function rolePay(
  ctx: Ctx,
  orgIds: string[],
  f: Framework,
  today: string,
): Promise<Record<string, RolePay | null>> {
  const ids = (
    await ctx.db.select({ id: workplaces.id }).from(workplaces).where(inArray(workplaces.orgId, orgIds))
  ).map((w) => w.id);
  if (!ids.length) return Object.fromEntries(f.roles.map((r) => [r.key, null]));
  const name = `role-pay|${today}|${sha256(JSON.stringify(f)).slice(0, 16)}`;
  const summaries = await summariesOf(ctx.db, ids);
  const read = await summaries.read([name], async () => {
    const result = await ctx.db.execute(sql`
      select org_id as org, main_job_role as role, cwp_category as cwp, pay_interval as "payInterval", pay_rate::float8 as "payRate", contracted_hours::float8 as "contractedHours"
      from staff_records
      where workplace_id = any(${`{${ids.join(",")}}`}::uuid[]) and contract_type <> 4 and pay_rate is not null
        and start_date <= ${today}::date and (end_date is null or end_date > ${today}::date)`);
    return new Map([[name, payByRole(f, result.rows as Row[])]]);
  });
  return read.get(name) as Record<string, RolePay | null>;
}
