import { sql } from "drizzle-orm";
import { CARE_PROVIDING_ROLES, LEAVING_REASONS } from "../../../shared/ascwds/codes";
import { FLOW_LABELS, type FlowDestination } from "../../../shared/metrics";
import type { Exec } from "../../db/client";
import { applicableRlw, type PayFloor, statutoryMinimum } from "../reference/pay-floors";
import { hourlyPay, LONDON } from "./workforce";

// The distributions behind a dashboard's charts, as at D, for a set of workplaces: counts only,
// never a record. Definitions follow docs/metrics.md: the workforce is everyone in post except
// agency workers; leavers are employed (permanent or temporary) records ending in (D − 12m, D].

/** Age bands as ASC-WDS reports them. */
export const AGE_BANDS = [
  "Under 20",
  "20 to 24",
  "25 to 29",
  "30 to 34",
  "35 to 39",
  "40 to 44",
  "45 to 49",
  "50 to 54",
  "55 to 59",
  "60 to 64",
  "65 and over",
];
/** Width of a pay band, in pounds an hour. */
export const PAY_BAND = 0.5;

export interface Distributions {
  /** Workforce with a date of birth, by age band and gender (female, male, other or not known). */
  agePyramid: { band: string; female: number; male: number; other: number }[];
  /** Care-providing workers aged 18 or over (or age not known) with hourly pay known, in bands of PAY_BAND. */
  pay: { from: number; to: number | null; count: number }[];
  /** The lines to draw on the pay chart: the Real Living Wage (UK, and London when any workplace is in London) and the National Living Wage, applicable at D. */
  payLines: { label: string; hourlyRate: number }[];
  /** Leavers in the 12 months by ASC-WDS reason. */
  leaversByReason: { reason: number; label: string; count: number }[];
  /** Where leavers went: kept in the local system (a later record of the same person at another employer in scope), or by their recorded destination. */
  leaversFlow: { destination: FlowDestination; count: number }[];
}

const FLOW_BY_REASON: Record<number, FlowDestination> = {
  1: "social_care_elsewhere",
  2: "health",
  3: "other_sector",
  4: "same_employer_other_role",
  6: "retired",
};

export async function distributionsFor(
  db: Exec,
  workplaceIds: string[],
  at: string,
  floors: PayFloor[],
): Promise<Distributions> {
  const ids = `{${workplaceIds.join(",")}}`;
  const inPost = sql`s.start_date <= ${at}::date and (s.end_date is null or s.end_date > ${at}::date)`;
  const ages = await db.execute(sql`
    select least(greatest((extract(year from age(${at}::date, s.date_of_birth))::int - 15) / 5, 0), 10) as band,
      case s.gender when 2 then 'female' when 1 then 'male' else 'other' end as gender, count(*)::int as n
    from staff_records s where s.workplace_id = any(${ids}::uuid[]) and s.contract_type <> 4 and s.date_of_birth is not null and ${inPost}
    group by 1, 2`);
  const agePyramid = AGE_BANDS.map((band) => ({ band, female: 0, male: 0, other: 0 }));
  for (const r of ages.rows as { band: number; gender: "female" | "male" | "other"; n: number }[])
    agePyramid[r.band][r.gender] += r.n;

  const paid = await db.execute(sql`
    select s.pay_interval as "payInterval", s.pay_rate::float8 as "payRate", s.contracted_hours::float8 as "contractedHours", w.postcode,
      extract(year from age(${at}::date, s.date_of_birth))::int as age
    from staff_records s join workplaces w on w.id = s.workplace_id
    where s.workplace_id = any(${ids}::uuid[]) and s.contract_type <> 4 and s.main_job_role = any(${`{${CARE_PROVIDING_ROLES.join(",")}}`}::int[]) and ${inPost}`);
  const rows = paid.rows as {
    payInterval: number | null;
    payRate: number | null;
    contractedHours: number | null;
    postcode: string | null;
    age: number | null;
  }[];
  const pays = rows.filter((r) => r.age === null || r.age >= 18).flatMap((r) => hourlyPay(r) ?? []);
  const payLines: Distributions["payLines"] = [];
  const nlw = statutoryMinimum(floors, at, 21);
  if (nlw) payLines.push({ label: `National Living Wage (${nlw.rateYear})`, hourlyRate: nlw.hourlyRate });
  const rlw = applicableRlw(floors, at, false);
  if (rlw) payLines.push({ label: `Real Living Wage (${rlw.rateYear})`, hourlyRate: rlw.hourlyRate });
  const london = applicableRlw(floors, at, true);
  if (london && rows.some((r) => LONDON.test(r.postcode ?? "")))
    payLines.push({ label: `London Living Wage (${london.rateYear})`, hourlyRate: london.hourlyRate });

  const leavers = await db.execute(sql`
    select s.leaving_reason as reason,
      (s.person_key is not null and exists (
        select 1 from staff_records o where o.person_key = s.person_key and o.org_id <> s.org_id and o.workplace_id = any(${ids}::uuid[])
          and o.start_date >= s.end_date - 31 and o.start_date <= ${at}::date)) as local,
      count(*)::int as n
    from staff_records s
    where s.workplace_id = any(${ids}::uuid[]) and s.contract_type in (1, 2)
      and s.end_date > (${at}::date - interval '12 months') and s.end_date <= ${at}::date
    group by 1, 2`);
  const byReason = new Map<number, number>();
  const flow = new Map<FlowDestination, number>();
  for (const r of leavers.rows as { reason: number | null; local: boolean; n: number }[]) {
    const reason = r.reason ?? 9;
    byReason.set(reason, (byReason.get(reason) ?? 0) + r.n);
    // Someone found working for another provider in the area stayed in the local system, whatever reason was recorded.
    const destination = r.local ? "another_local_provider" : (FLOW_BY_REASON[reason] ?? "not_known");
    flow.set(destination, (flow.get(destination) ?? 0) + r.n);
  }
  return {
    agePyramid,
    pay: bands(pays),
    payLines,
    leaversByReason: Object.entries(LEAVING_REASONS).map(([code, label]) => ({
      reason: Number(code),
      label,
      count: byReason.get(Number(code)) ?? 0,
    })),
    leaversFlow: (Object.keys(FLOW_LABELS) as FlowDestination[]).map((destination) => ({
      destination,
      count: flow.get(destination) ?? 0,
    })),
  };
}

/** At most this many pay bands. */
export const MAX_PAY_BANDS = 40;

/**
 * Pay in bands of PAY_BAND, from the band of the lowest pay up to the band above the 98th
 * percentile (at most MAX_PAY_BANDS): a few managers' salaries do not stretch the chart into
 * empty bands. Pay above the last band is counted in it, which is then open-ended (`to` null).
 * Empty when nobody's pay is known.
 */
export function bands(pays: number[]): { from: number; to: number | null; count: number }[] {
  if (!pays.length) return [];
  // Whole pence first, so that £12.50 falls in the band from £12.50, not the one below it.
  const pence = pays.map((p) => Math.round(p * 100)).sort((x, y) => x - y);
  const width = Math.round(PAY_BAND * 100);
  const band = (p: number) => Math.floor(p / width);
  const lo = band(pence[0]);
  const top = band(pence[pence.length - 1]);
  const hi = Math.min(top, band(pence[Math.floor(0.98 * (pence.length - 1))]) + 1, lo + MAX_PAY_BANDS - 1);
  const counts = new Array(hi - lo + 1).fill(0);
  for (const p of pence) counts[Math.min(band(p), hi) - lo]++;
  return counts.map((count, i) => ({
    from: ((lo + i) * width) / 100,
    to: lo + i === hi && top > hi ? null : ((lo + i + 1) * width) / 100,
    count,
  }));
}
