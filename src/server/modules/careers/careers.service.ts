import type { Framework } from "../../../shared/career/framework";
import { vacancyJobRoles } from "../../../shared/career/requirements";
import type { Ctx, OrgCtx } from "../../context";
import { notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { ttlCache } from "../../lib/ttl-cache";
import { EASY_READ_PATHWAYS, EASY_READ_ROLES } from "../frameworks/easy-read";
import { frameworkForOrg, frameworkInForce } from "../frameworks/frameworks.service";
import { nextSteps, type PersonRecord } from "../frameworks/gap";
import { providersOf } from "../orgs/commissioning";
import { findOrgBySlug } from "../orgs/orgs.repo";
import { findOwnStaffRecord } from "../staff/staff.repo";
import * as repo from "./careers.repo";
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
  return repo.findPublicRoadmapVersion(ctx.db, councilSlug ?? "");
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
    const orgIds = [org.id, ...(await providersOf(ctx.db, org.id, today))];
    const byJobRole = await repo.countOpenVacanciesByJobRole(ctx.db, orgIds, today);
    // A vacancy counts for every role its job role maps to, and for the entry roles whose people can
    // take it (a care worker post is open to people new to care and to established care workers alike).
    for (const r of framework.roles)
      vacancies[r.key] = vacancyJobRoles(framework, r).reduce((s, j) => s + (byJobRole.get(j) ?? 0), 0);
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
    roles: f.roles.map((r) => ({
      ...r,
      easyRead: r.easyRead?.length ? r.easyRead : (EASY_READ_ROLES[r.key] ?? [r.summary]),
    })),
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
  const qualifications = await repo.listQualificationCodes(ctx.db, ctx.org.id, record.id);
  const training = await repo.listTrainingExpiries(ctx.db, ctx.org.id, record.id);
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
    qualifications,
    training,
  };
  const framework = await frameworkForOrg(ctx);
  const steps = nextSteps(framework, person, isoDate(ctx.deps.now()));
  const roles = new Map(framework.roles.map((r) => [r.key, r]));
  return {
    name: record.displayId,
    current: steps.current,
    next: steps.next.map((n) => ({
      role: {
        key: n.route.to,
        title: roles.get(n.route.to)?.title ?? n.route.to,
        summary: roles.get(n.route.to)?.summary ?? "",
      },
      how: n.route.how,
      via: n.route.via,
      typicalMonths: n.route.typicalMonths ?? null,
      gap: n.gap,
    })),
  };
}
