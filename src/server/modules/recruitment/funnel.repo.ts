import { sql } from "drizzle-orm";
import type { Source } from "../../../shared/recruitment";
import type { Exec } from "../../db/client";
import type { FunnelApplication, FunnelViews } from "./funnel";

// The funnel's reads (docs/metrics.md, "The recruitment funnel"): the applications made in a
// period on a council's board, or to one employer, with the stages their events reached and the
// staff record each hire became; and the advert views by day. The rules are in funnel.ts.

/** Whose funnel: every employer on a council's board, or one employer's own adverts. */
export type FunnelScope = { councilId: string } | { orgId: string };

const scopeOf = (scope: FunnelScope, table: "a" | "ad") =>
  "councilId" in scope
    ? sql`${sql.raw(table)}.council_id = ${scope.councilId}`
    : sql`${sql.raw(table)}.org_id = ${scope.orgId}`;

/** Applications made from `from` to `to` (both included, by the London day they were made). */
export async function listFunnelApplications(
  db: Exec,
  scope: FunnelScope,
  from: string,
  to: string,
): Promise<FunnelApplication[]> {
  const rows = (
    await db.execute(sql`
      select a.org_id, o.name as org_name, ad.job_role, a.source, a.campaign_id, c.name as campaign_name,
        to_char((a.submitted_at at time zone 'Europe/London')::date, 'YYYY-MM-DD') as submitted_on, a.stage,
        coalesce(array(select distinct e.to_stage from application_events e where e.application_id = a.id), '{}') as reached,
        to_char(coalesce(a.started_on, sr.start_date,
          (select min(e.at at time zone 'Europe/London')::date from application_events e
            where e.application_id = a.id and e.to_stage = 'started')), 'YYYY-MM-DD') as started_on,
        to_char(sr.start_date, 'YYYY-MM-DD') as staff_start, to_char(sr.end_date, 'YYYY-MM-DD') as staff_end
      from applications a
      join job_adverts ad on ad.id = a.advert_id
      join organisations o on o.id = a.org_id
      left join recruitment_campaigns c on c.id = a.campaign_id and c.council_id = a.council_id
      left join staff_records sr on sr.id = a.staff_record_id and sr.org_id = a.org_id
      where ${scopeOf(scope, "a")}
        and (a.submitted_at at time zone 'Europe/London')::date between ${from}::date and ${to}::date`)
  ).rows as Record<string, unknown>[];
  return rows.map((r) => ({
    orgId: r.org_id as string,
    orgName: r.org_name as string,
    jobRole: Number(r.job_role),
    source: r.source as Source,
    campaignId: (r.campaign_id as string | null) ?? null,
    campaignName: (r.campaign_name as string | null) ?? null,
    submittedOn: r.submitted_on as string,
    stage: r.stage as string,
    reached: pgArray(r.reached),
    startedOn: (r.started_on as string | null) ?? null,
    staffStart: (r.staff_start as string | null) ?? null,
    staffEnd: (r.staff_end as string | null) ?? null,
  }));
}

/** A text[] as the driver gives it: an array (node-postgres, PGlite) or its literal. */
function pgArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === "string")
    return v
      .replace(/^\{|\}$/g, "")
      .split(",")
      .filter(Boolean);
  return [];
}

/** Views of the scope's adverts from `from` to `to`, by employer and role. */
export async function listFunnelViews(db: Exec, scope: FunnelScope, from: string, to: string): Promise<FunnelViews[]> {
  const rows = (
    await db.execute(sql`
      select ad.org_id, o.name as org_name, ad.job_role, sum(v.views)::int as views
      from advert_view_days v
      join job_adverts ad on ad.id = v.advert_id and ad.org_id = v.org_id
      join organisations o on o.id = ad.org_id
      where ${scopeOf(scope, "ad")} and v.day between ${from}::date and ${to}::date
      group by ad.org_id, o.name, ad.job_role`)
  ).rows as Record<string, unknown>[];
  return rows.map((r) => ({
    orgId: r.org_id as string,
    orgName: r.org_name as string,
    jobRole: Number(r.job_role),
    views: Number(r.views),
  }));
}
