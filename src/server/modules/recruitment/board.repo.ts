import { and, eq, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { jobAlerts, postcodeDistricts } from "../../db/schema";
import { openAdvertSql } from "./adverts.repo";

// The public job board's queries (issue 17 item 2). Every query is scoped to one council's
// board, and only adverts that are published with a closing date not yet passed ever leave.

/** Miles per degree of latitude; a degree of longitude is this times cos(latitude). */
const MILES_PER_DEGREE = 69.05;
/** Weeks in a year and the hours of a week assumed for annual pay with no hours (37.5). */
const WEEKS_A_YEAR = 52.143;
const DEFAULT_WEEK = 37.5;

export interface BoardFilter {
  councilId: string;
  /** Today, YYYY-MM-DD: adverts closing before it are gone. */
  today: string;
  q?: string;
  /** A framework role: adverts mapped to it, or with one of its ASC-WDS job roles. */
  roleKey?: string;
  jobRoles?: number[];
  payMinPence?: number;
  hours?: "full_time" | "part_time" | "zero_hours";
  contract?: string;
  noExperience?: boolean;
  driving?: boolean;
  sponsorship?: boolean;
  near?: { lat: number; lng: number; radius: number };
  /** Job alerts: published after this moment, up to the second. */
  publishedAfter?: Date;
  publishedUpTo?: Date;
  fullTimeHours: number;
}

export interface BoardRow {
  id: string;
  title: string;
  summary: string;
  employer_name: string;
  town: string | null;
  place: string | null;
  outward: string | null;
  pay_unit: "hour" | "year";
  pay_min_pence: number;
  pay_max_pence: number | null;
  hours_per_week: number | null;
  contract_type: "permanent" | "temporary" | "bank" | "other";
  zero_hours: boolean;
  no_experience_needed: boolean;
  driving_required: boolean;
  visa_sponsorship: boolean;
  closing_date: string;
  published_at: string | Date;
  distance: number | null;
  total: number;
}

/** ILIKE's own characters typed in a search are matched as themselves. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The pay an advert starts at, in pence an hour (annual pay over its hours a week). */
const hourlyPence = sql`(case when a.pay_unit = 'hour' then a.pay_min_pence::float8
  else a.pay_min_pence / (${WEEKS_A_YEAR} * coalesce(nullif(a.hours_per_week, 0), ${DEFAULT_WEEK})) end)`;

function conditions(f: BoardFilter): SQL[] {
  const where: SQL[] = [sql`a.council_id = ${f.councilId}`, openAdvertSql("a", f.today)];
  if (f.q) {
    const p = likePattern(f.q);
    where.push(sql`(a.title ilike ${p} or a.summary ilike ${p})`);
  }
  if (f.roleKey !== undefined || f.jobRoles) {
    const roles = `{${(f.jobRoles ?? []).join(",")}}`;
    where.push(
      f.roleKey !== undefined
        ? sql`(a.framework_role_key = ${f.roleKey} or a.job_role = any(${roles}::int[]))`
        : sql`a.job_role = any(${roles}::int[])`,
    );
  }
  if (f.payMinPence !== undefined) where.push(sql`${hourlyPence} >= ${f.payMinPence}`);
  if (f.hours === "zero_hours") where.push(sql`(a.zero_hours or a.hours_per_week is null)`);
  if (f.hours === "full_time") where.push(sql`(not a.zero_hours and a.hours_per_week >= ${f.fullTimeHours})`);
  if (f.hours === "part_time") where.push(sql`(not a.zero_hours and a.hours_per_week < ${f.fullTimeHours})`);
  if (f.contract) where.push(sql`a.contract_type = ${f.contract}`);
  if (f.noExperience) where.push(sql`a.no_experience_needed`);
  if (f.driving !== undefined) where.push(sql`a.driving_required = ${f.driving}`);
  if (f.sponsorship) where.push(sql`a.visa_sponsorship`);
  if (f.publishedAfter) where.push(sql`a.published_at > ${f.publishedAfter.toISOString()}::timestamptz`);
  if (f.publishedUpTo) where.push(sql`a.published_at <= ${f.publishedUpTo.toISOString()}::timestamptz`);
  if (f.near) {
    // A box round the point first (the place index narrows it), then the exact distance.
    const { lat, lng, radius } = f.near;
    const dLat = radius / MILES_PER_DEGREE;
    const dLng = radius / (MILES_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    where.push(sql`a.lat between ${lat - dLat} and ${lat + dLat} and a.lng between ${lng - dLng} and ${lng + dLng}`);
    where.push(sql`${distanceFrom(f.near)} <= ${radius}`);
  }
  return where;
}

/** Haversine miles from a point to the advert's place (the district's centre). */
const distanceFrom = ({ lat, lng }: { lat: number; lng: number }) =>
  sql`(2 * 3958.8 * asin(least(1, sqrt(power(sin(radians(a.lat - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(a.lat)) * power(sin(radians(a.lng - ${lng}) / 2), 2)))))`;

/** One page of a board's live adverts matching the filter, nearest first near a place, else newest, with the total. */
export async function searchAdverts(db: Exec, f: BoardFilter, page: { limit: number; offset: number }) {
  const distance = f.near ? distanceFrom(f.near) : sql`null::float8`;
  const order = f.near ? sql`distance asc, a.published_at desc, a.id` : sql`a.published_at desc, a.id`;
  const result = await db.execute(sql`
    select a.id, a.title, a.summary, o.name as employer_name, w.town, d.place, a.outward,
      a.pay_unit, a.pay_min_pence, a.pay_max_pence, a.hours_per_week, a.contract_type, a.zero_hours,
      a.no_experience_needed, a.driving_required, a.visa_sponsorship, a.closing_date::text as closing_date,
      a.published_at, ${distance} as distance, count(*) over ()::int as total
    from job_adverts a
      join organisations o on o.id = a.org_id
      join workplaces w on w.id = a.workplace_id
      left join postcode_districts d on d.outward = a.outward
    where ${sql.join(conditions(f), sql` and `)}
    order by ${order}
    limit ${page.limit} offset ${page.offset}`);
  return result.rows as unknown as BoardRow[];
}

/** How many of a board's live adverts have each ASC-WDS job role and each framework role key. */
export async function countLiveAdverts(db: Exec, councilId: string, today: string) {
  const result = await db.execute(sql`
    select job_role, framework_role_key, count(*)::int as n from job_adverts
    where council_id = ${councilId} and ${openAdvertSql("job_adverts", today)}
    group by job_role, framework_role_key`);
  return result.rows as { job_role: number; framework_role_key: string | null; n: number }[];
}

export interface AdvertPageRow {
  id: string;
  org_id: string;
  council_id: string;
  council_name: string;
  council_slug: string;
  employer_name: string;
  workplace_name: string;
  town: string | null;
  address1: string | null;
  place: string | null;
  reference: string;
  title: string;
  framework_role_key: string | null;
  job_role: number;
  summary: string;
  description: string;
  pay_unit: "hour" | "year";
  pay_min_pence: number;
  pay_max_pence: number | null;
  pay_age_band: string;
  hours_per_week: number | null;
  contract_type: "permanent" | "temporary" | "bank" | "other";
  zero_hours: boolean;
  shift_pattern: string;
  driving_required: boolean;
  visa_sponsorship: boolean;
  no_experience_needed: boolean;
  offers: string;
  values: string[];
  closing_date: string;
  published_at: string | Date;
  postcode: string | null;
  outward: string | null;
}

const ADVERT_PAGE_COLUMNS = sql`a.id, a.org_id, a.council_id, c.name as council_name, c.slug as council_slug,
  o.name as employer_name, w.name as workplace_name, w.town, w.address1, d.place, a.reference, a.title,
  a.framework_role_key, a.job_role, a.summary, a.description, a.pay_unit, a.pay_min_pence, a.pay_max_pence,
  a.pay_age_band, a.hours_per_week, a.contract_type, a.zero_hours, a.shift_pattern, a.driving_required,
  a.visa_sponsorship, a.no_experience_needed, a.offers, a.values, a.closing_date::text as closing_date,
  a.published_at, a.postcode, a.outward
  from job_adverts a
    join organisations o on o.id = a.org_id
    join organisations c on c.id = a.council_id
    join workplaces w on w.id = a.workplace_id
    left join postcode_districts d on d.outward = a.outward`;

/** A live advert with its employer, workplace and board; undefined when closed, past its closing date or unknown. */
export async function findLiveAdvert(db: Exec, id: string, today: string) {
  const result = await db.execute(sql`select ${ADVERT_PAGE_COLUMNS}
    where a.id = ${id} and ${openAdvertSql("a", today)}`);
  return result.rows[0] as unknown as AdvertPageRow | undefined;
}

/** A board's live adverts, newest first, with everything the feed gives of each. */
export async function listLiveAdverts(db: Exec, councilId: string, today: string, limit: number) {
  const result = await db.execute(sql`select ${ADVERT_PAGE_COLUMNS}
    where a.council_id = ${councilId} and ${openAdvertSql("a", today)}
    order by a.published_at desc, a.id limit ${limit}`);
  return result.rows as unknown as AdvertPageRow[];
}

/**
 * Counts one page view of a live advert on a day: one statement, which takes the employer from
 * the advert itself, so a closed or unknown advert counts nothing. No one's details are kept.
 */
export async function countAdvertView(db: Exec, id: string, today: string) {
  await db.execute(sql`
    insert into advert_view_days (advert_id, org_id, day, views)
    select id, org_id, ${today}::date, 1 from job_adverts
    where id = ${id} and ${openAdvertSql("job_adverts", today)}
    on conflict (advert_id, day) do update set views = advert_view_days.views + 1`);
}

export const findDistrict = async (db: Exec, outward: string) =>
  (await db.select().from(postcodeDistricts).where(eq(postcodeDistricts.outward, outward)))[0];

// Job alerts.

export type JobAlertRow = typeof jobAlerts.$inferSelect;

export const findAlertByTokenHash = async (db: Exec, tokenHash: string) =>
  (await db.select().from(jobAlerts).where(eq(jobAlerts.tokenHash, tokenHash)))[0];

/** An alert for the same address and search on the same board (criteria compared as JSON). */
export const findSameAlert = async (db: Exec, councilId: string, email: string, criteria: Record<string, string>) =>
  (
    await db
      .select()
      .from(jobAlerts)
      .where(
        and(
          eq(jobAlerts.councilId, councilId),
          sql`lower(${jobAlerts.email}) = lower(${email})`,
          sql`${jobAlerts.criteria} = ${JSON.stringify(criteria)}::jsonb`,
        ),
      )
  )[0];

/** Alerts to an address not yet confirmed, asked for since a moment (on any board, for any search). */
export const countPendingAlertsTo = async (db: Exec, email: string, since: Date) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobAlerts)
      .where(
        and(
          sql`lower(${jobAlerts.email}) = lower(${email})`,
          isNull(jobAlerts.confirmedAt),
          sql`${jobAlerts.createdAt} > ${since.toISOString()}::timestamptz`,
        ),
      )
  )[0]?.n ?? 0;

export const insertAlert = async (db: Exec, values: typeof jobAlerts.$inferInsert) =>
  (await db.insert(jobAlerts).values(values).returning())[0];

export const updateAlert = async (db: Exec, id: string, set: Partial<typeof jobAlerts.$inferInsert>) =>
  db.update(jobAlerts).set(set).where(eq(jobAlerts.id, id));

export const deleteAlert = async (db: Exec, id: string) => db.delete(jobAlerts).where(eq(jobAlerts.id, id));

/** Confirmed alerts last sent (or confirmed) before a moment. */
export const listAlertsDue = (db: Exec, before: Date) =>
  db
    .select()
    .from(jobAlerts)
    .where(
      and(
        sql`${jobAlerts.confirmedAt} is not null`,
        sql`coalesce(${jobAlerts.lastSentAt}, ${jobAlerts.confirmedAt}) <= ${before.toISOString()}::timestamptz`,
      ),
    );

/** Alerts never confirmed whose link has expired: removed, with the address they hold. */
export const deleteUnconfirmedAlerts = async (db: Exec, createdBefore: Date) =>
  (
    await db
      .delete(jobAlerts)
      .where(and(isNull(jobAlerts.confirmedAt), lt(jobAlerts.createdAt, createdBefore)))
      .returning({ id: jobAlerts.id })
  ).length;

export const findCouncilBoard = async (db: Exec, slug: string) => {
  const result = await db.execute(
    sql`select id, name, slug from organisations where slug = ${slug} and kind = 'council'`,
  );
  return result.rows[0] as { id: string; name: string; slug: string } | undefined;
};

export const findCouncilById = async (db: Exec, id: string) => {
  const result = await db.execute(sql`select id, name, slug from organisations where id = ${id} and kind = 'council'`);
  return result.rows[0] as { id: string; name: string; slug: string } | undefined;
};

/** Every council with its live adverts (a council with none still has a board). */
export async function listBoards(db: Exec, today: string) {
  const result = await db.execute(sql`
    select o.name, o.slug, count(a.id)::int as live from organisations o
      left join job_adverts a on a.council_id = o.id and ${openAdvertSql("a", today)}
    where o.kind = 'council'
    group by o.id, o.name, o.slug
    order by o.name`);
  return result.rows as { name: string; slug: string; live: number }[];
}
