import { and, eq, sql } from "drizzle-orm";
import type { Framework } from "../../../shared/career/framework";
import type { Ctx, OrgCtx } from "../../context";
import { staffQualifications, trainingRecords } from "../../db/schema";
import { notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { ttlCache } from "../../lib/ttl-cache";
import { commissionedProviderIds, findOrgBySlug } from "../orgs/orgs.repo";
import { findOwnStaffRecord } from "../staff/staff.repo";
import { EASY_READ_PATHWAYS, EASY_READ_ROLES } from "./easy-read";
import { frameworkForOrg, frameworkInForce } from "./frameworks.service";
import { nextSteps, type PersonRecord } from "./gap";
import { type RolePay, rolePay } from "./role-pay";

/**
 * The public roadmap: the framework, and for a council the local vacancies open today for each
 * role (vacancy records of the providers it commissions and its own, by main job role) and each
 * role's typical local pay (`role-pay.ts`: protected and rounded for the public).
 */
/** How long the public roadmap (framework, local vacancies and pay) is kept at most. */
export const PUBLIC_ROADMAP_SECONDS = 60;
const keptRoadmaps = ttlCache<Awaited<ReturnType<typeof publicRoadmap>>>(PUBLIC_ROADMAP_SECONDS * 1000);

/**
 * The public roadmap, the same for everyone: kept while nothing it rests on changes (at most a
 * minute), so a crowd on the public page costs one computation and a new vacancy still shows at once.
 */
export async function keptPublicRoadmap(ctx: Ctx, councilSlug?: string) {
  const key = `${councilSlug ?? ""}|${await publicRoadmapVersion(ctx, councilSlug)}`;
  return keptRoadmaps(key, () => publicRoadmap(ctx, councilSlug));
}

/**
 * What the public roadmap rests on, in one cheap query: every organisation's data version, the
 * council's published framework and the commissioning links. While it is unchanged, a roadmap
 * worked out a moment ago is still right.
 */
async function publicRoadmapVersion(ctx: Ctx, councilSlug?: string): Promise<string> {
  const result = await ctx.db.execute(sql`
    select (select coalesce(sum(version), 0) from org_data_versions)::text || ':' ||
      (select coalesce(max(f.version), 0) from career_frameworks f join organisations o on o.id = f.council_id
        where o.slug = ${councilSlug ?? ""} and f.status = 'published')::text || ':' ||
      (select count(*) || '.' || count(to_date) from commissioning)::text as v`);
  return (result.rows[0] as { v: string }).v;
}

export async function publicRoadmap(ctx: Ctx, councilSlug?: string) {
  const org = councilSlug ? await findOrgBySlug(ctx.db, councilSlug) : null;
  if (councilSlug && org?.kind !== "council") throw notFound("council");
  const { framework: inForce, version } = await frameworkInForce(ctx, org?.id ?? null);
  const framework = withEasyRead(inForce);
  const vacancies: Record<string, number> = Object.fromEntries(framework.roles.map((r) => [r.key, 0]));
  let council: { name: string; slug: string } | null = null;
  let pay: Record<string, RolePay | null> = {};
  if (org) {
    council = { name: org.name, slug: org.slug };
    const today = isoDate(ctx.deps.now());
    const orgIds = [org.id, ...(await commissionedProviderIds(ctx.db, org.id, today)).map((p) => p.id)];
    const open = await ctx.db.execute(sql`
      select job_role, count(*)::int as n from vacancies
      where org_id = any(${`{${orgIds.join(",")}}`}::uuid[]) and opened_on <= ${today}::date and (closed_on is null or closed_on > ${today}::date)
      group by job_role`);
    const byJobRole = new Map((open.rows as { job_role: number; n: number }[]).map((r) => [r.job_role, r.n]));
    // A vacancy counts for every role its job role maps to (a care worker post is open to new and established care workers alike).
    for (const r of framework.roles) vacancies[r.key] = r.jobRoles.reduce((s, j) => s + (byJobRole.get(j) ?? 0), 0);
    pay = await rolePay(ctx, orgIds, framework, today);
  }
  return { framework, version, council, vacancies, pay };
}

/**
 * A framework with easy read text for every role and pathway: a council's own words where it has
 * written them, else the shipped framework's for the same role, else the role's summary.
 */
export function withEasyRead(f: Framework): Framework {
  return {
    ...f,
    pathways: f.pathways.map((p) => ({ ...p, easyRead: p.easyRead ?? EASY_READ_PATHWAYS[p.key] ?? p.description })),
    roles: f.roles.map((r) => ({ ...r, easyRead: r.easyRead?.length ? r.easyRead : (EASY_READ_ROLES[r.key] ?? [r.summary]) })),
  };
}

/** The signed-in person's current staff record here (404 when they have none). */
export async function ownStaffRecord(ctx: OrgCtx) {
  const record = ctx.actor.userId ? await findOwnStaffRecord(ctx.db, ctx.org.id, ctx.actor.userId) : undefined;
  if (!record) throw notFound("staff record");
  return record;
}

/** A staff member's own place in the framework and next steps, from their current staff record. */
export async function myCareer(ctx: OrgCtx) {
  const record = await ownStaffRecord(ctx);
  const qualifications = await ctx.db
    .select({ code: staffQualifications.qualificationCode })
    .from(staffQualifications)
    .where(and(eq(staffQualifications.orgId, ctx.org.id), eq(staffQualifications.staffRecordId, record.id)));
  // A record's expiry: its own date, else its completion plus its months of validity (as training_compliance reads it).
  const training = await ctx.db
    .select({
      category: trainingRecords.category,
      expiresOn: sql<
        string | null
      >`coalesce(${trainingRecords.expiresOn}, (${trainingRecords.completedOn} + make_interval(months => ${trainingRecords.validityMonths}))::date)::text`,
    })
    .from(trainingRecords)
    .where(and(eq(trainingRecords.orgId, ctx.org.id), eq(trainingRecords.staffRecordId, record.id)));
  const person: PersonRecord = {
    mainJobRole: record.mainJobRole,
    cwpCategory: record.cwpCategory,
    careCertificate: record.careCertificate,
    level2CareCertificate: record.level2CareCertificate,
    socialCareQual: record.socialCareQual,
    socialCareQualLevel: record.socialCareQualLevel,
    amhp: record.amhp,
    delegatedHealthcare: record.delegatedHealthcare,
    apprentice: record.apprentice,
    sectorStartYear: record.sectorStartYear,
    mainJobStartDate: record.mainJobStartDate,
    qualifications: qualifications.map((q) => q.code),
    training,
  };
  const framework = await frameworkForOrg(ctx);
  const steps = nextSteps(framework, person, isoDate(ctx.deps.now()));
  const roles = new Map(framework.roles.map((r) => [r.key, r]));
  return {
    name: record.displayId,
    current: steps.current,
    next: steps.next.map((n) => ({
      role: { key: n.route.to, title: roles.get(n.route.to)?.title ?? n.route.to, summary: roles.get(n.route.to)?.summary ?? "" },
      how: n.route.how,
      via: n.route.via,
      typicalMonths: n.route.typicalMonths ?? null,
      gap: n.gap,
    })),
  };
}
