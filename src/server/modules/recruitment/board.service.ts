import type { Framework } from "../../../shared/career/framework";
import { vacancyJobRoles } from "../../../shared/career/requirements";
import { outwardCode } from "../../../shared/postcode";
import type { PayAgeBand } from "../../../shared/recruitment";
import {
  DEFAULT_RADIUS,
  FULL_TIME_HOURS,
  JOBS_PAGE_SIZE,
  type JobAdvertResponse,
  type JobBoardsResponse,
  type JobCountsResponse,
  type JobSearchQuery,
  type JobSearchResponse,
  POSTCODE_MESSAGE,
} from "../../../shared/schemas/jobs";
import type { Ctx } from "../../context";
import { sha256 } from "../../lib/crypto";
import { AppError, badRequest, notFound } from "../../lib/errors";
import { addHours, isoDate } from "../../lib/time";
import * as authRepo from "../auth/auth.repo";
import { frameworkInForce } from "../frameworks/frameworks.service";
import { applicableRlw, type PayFloor } from "../reference/pay-floors";
import { listPayFloors } from "../reference/reference.repo";
import { hourlyPence, legalFloor, pounds } from "./advert-rules";
import { jobsFeedXml } from "./board.feed";
import { goneJobPageHtml, jobPageHtml } from "./board.page";
import { presentAdvert, presentListItem } from "./board.presenter";
import * as repo from "./board.repo";

// The public job board (issue 17 item 2): a council's live adverts, searched and filtered, and
// each advert's page. Anyone may read it; a closed or past-closing advert is gone (Google's rule:
// expired jobs come down), and another council's adverts are never on this board.

const ADVERT_GONE = "We could not find that job. It may have closed or been filled: search the board for others.";

export async function councilBoard(ctx: Ctx, slug: string) {
  const council = await repo.findCouncilBoard(ctx.db, slug);
  if (!council) throw notFound("council's job board");
  return council;
}

/** The ASC-WDS job roles a role filter stands for: a code as itself, a framework role as its job roles. */
function roleFilter(framework: Framework | null, role: string | undefined) {
  if (!role) return {};
  if (/^[0-9]+$/.test(role)) return { jobRoles: [Number(role)] };
  const found = framework?.roles.find((r) => r.key === role);
  if (!framework || !found)
    throw badRequest("validation", "Choose a role from the list", [
      { path: "role", message: "Choose a role from the list" },
    ]);
  return { roleKey: found.key, jobRoles: vacancyJobRoles(framework, found) };
}

/** The district a postcode (or an outward code typed alone) is in; 400 naming the field when the hub does not know it. */
async function placeOfPostcode(ctx: Ctx, postcode: string) {
  const outward = outwardCode(postcode);
  const district = outward ? await repo.findDistrict(ctx.db, outward) : undefined;
  if (!district) throw badRequest("validation", POSTCODE_MESSAGE, [{ path: "postcode", message: POSTCODE_MESSAGE }]);
  return district;
}

/** The filter a board search (or a job alert's criteria) stands for. */
export async function boardFilter(
  ctx: Ctx,
  councilId: string,
  query: Omit<JobSearchQuery, "council" | "page">,
): Promise<{ filter: repo.BoardFilter; origin: JobSearchResponse["origin"] }> {
  const needsFramework = query.role !== undefined && !/^[0-9]+$/.test(query.role);
  const framework = needsFramework ? (await frameworkInForce(ctx, councilId)).framework : null;
  const roles = roleFilter(framework, query.role);
  let near: repo.BoardFilter["near"];
  let origin: JobSearchResponse["origin"] = null;
  if (query.postcode) {
    const district = await placeOfPostcode(ctx, query.postcode);
    const radius = query.radius ?? DEFAULT_RADIUS;
    near = { lat: district.lat, lng: district.lng, radius };
    origin = { outward: district.outward, place: district.place, radius };
  }
  return {
    filter: {
      councilId,
      today: isoDate(ctx.deps.now()),
      q: query.q || undefined,
      ...roles,
      payMinPence: query.payMin === undefined ? undefined : Math.round(query.payMin * 100),
      hours: query.hours,
      contract: query.contract,
      noExperience: query.noExperience,
      driving: query.driving,
      sponsorship: query.sponsorship,
      near,
      fullTimeHours: FULL_TIME_HOURS,
    },
    origin,
  };
}

export async function searchJobs(ctx: Ctx, query: JobSearchQuery): Promise<JobSearchResponse> {
  const council = await councilBoard(ctx, query.council);
  const { filter, origin } = await boardFilter(ctx, council.id, query);
  const rows = await repo.searchAdverts(ctx.db, filter, {
    limit: JOBS_PAGE_SIZE,
    offset: (query.page - 1) * JOBS_PAGE_SIZE,
  });
  // Past the last page the rows (and their count) are empty: count again for the total.
  const total =
    rows[0]?.total ??
    (query.page > 1 ? ((await repo.searchAdverts(ctx.db, filter, { limit: 1, offset: 0 }))[0]?.total ?? 0) : 0);
  return {
    council: { name: council.name, slug: council.slug },
    origin,
    total,
    page: query.page,
    pageSize: JOBS_PAGE_SIZE,
    pages: Math.ceil(total / JOBS_PAGE_SIZE),
    jobs: rows.map(presentListItem),
  };
}

/** The councils' boards with their live adverts. */
export async function listJobBoards(ctx: Ctx): Promise<JobBoardsResponse> {
  return { boards: await repo.listBoards(ctx.db, isoDate(ctx.deps.now())) };
}

/** Live adverts on a council's board for each role of its career framework (for the roadmap's links). */
export async function countJobsByRole(ctx: Ctx, councilSlug: string): Promise<JobCountsResponse> {
  const council = await councilBoard(ctx, councilSlug);
  const today = isoDate(ctx.deps.now());
  const [rows, { framework }] = await Promise.all([
    repo.countLiveAdverts(ctx.db, council.id, today),
    frameworkInForce(ctx, council.id),
  ]);
  const roles = framework.roles.map((role) => {
    const jobRoles = new Set(vacancyJobRoles(framework, role));
    const count = rows
      .filter((r) => r.framework_role_key === role.key || jobRoles.has(r.job_role))
      .reduce((s, r) => s + r.n, 0);
    return { key: role.key, title: role.title, count };
  });
  return { council: { name: council.name, slug: council.slug }, roles, total: rows.reduce((s, r) => s + r.n, 0) };
}

/**
 * The advert's pay against the legal minimum for its age band and the Real Living Wage, in force
 * today: the floor and the hourly rate come from advert-rules.ts, the rules publishing checks.
 */
function payAgainstFloors(row: repo.AdvertPageRow, floors: PayFloor[], today: string) {
  const band = row.pay_age_band as PayAgeBand;
  const nlw = legalFloor(floors, band, today);
  const rlw = applicableRlw(floors, today, false);
  const hourly = hourlyPence({
    payUnit: row.pay_unit,
    payMinPence: row.pay_min_pence,
    hoursPerWeek: row.hours_per_week,
    zeroHours: row.zero_hours,
  });
  const pence = hourly === null ? null : Math.round(hourly);
  const comparison: string[] = [];
  const against = (floor: PayFloor | null, name: string) => {
    if (!floor || pence === null) return;
    const diff = pence - Math.round(floor.hourlyRate * 100);
    comparison.push(
      diff === 0
        ? `Pays the ${name} (${pounds(pence)} an hour)`
        : `Pays ${pounds(Math.abs(diff))} an hour ${diff > 0 ? "above" : "below"} the ${name}`,
    );
  };
  const nlwName = band === "21_plus" ? "National Living Wage" : "National Minimum Wage for this age band";
  against(nlw, nlwName);
  against(rlw, "Real Living Wage");
  const view = (f: PayFloor | null, label: string) =>
    f ? { hourlyRate: f.hourlyRate, rateYear: f.rateYear, label } : null;
  return {
    hourlyPence: pence,
    nationalLivingWage: view(nlw, nlwName),
    realLivingWage: view(rlw, "Real Living Wage"),
    comparison,
  };
}

/** Where a framework role leads: its routes onwards, with the roles they reach. */
function progressionOf(framework: Framework, roleKey: string | null) {
  if (!roleKey) return [];
  const titles = new Map(framework.roles.map((r) => [r.key, r.title]));
  return framework.routes
    .filter((rt) => rt.from === roleKey && titles.has(rt.to))
    .map((rt) => ({
      to: { key: rt.to, title: titles.get(rt.to) ?? rt.to },
      how: rt.how,
      typicalMonths: rt.typicalMonths ?? null,
    }));
}

/** The framework role an advert is for: the one it was mapped to, else the only role with its job role. */
function frameworkRoleOf(framework: Framework, row: repo.AdvertPageRow) {
  const mapped = row.framework_role_key ? framework.roles.find((r) => r.key === row.framework_role_key) : undefined;
  if (mapped) return mapped;
  const byJobRole = framework.roles.filter((r) => r.jobRoles.includes(row.job_role));
  return byJobRole.length === 1 ? byJobRole[0] : undefined;
}

/** A live advert's page data; 404 when it is closed, past its closing date or unknown. */
export async function jobAdvert(ctx: Ctx, id: string): Promise<JobAdvertResponse> {
  const today = isoDate(ctx.deps.now());
  const row = await repo.findLiveAdvert(ctx.db, id, today);
  if (!row) throw new AppError(404, "not_found", ADVERT_GONE);
  const [{ framework }, floors] = await Promise.all([frameworkInForce(ctx, row.council_id), listPayFloors(ctx.db)]);
  const role = frameworkRoleOf(framework, row);
  return presentAdvert(row, {
    framework: role ? { key: role.key, title: role.title } : null,
    pay: payAgainstFloors(row, floors, today),
    progression: progressionOf(framework, role?.key ?? null),
  });
}

/**
 * Counts a view once a day per client address and advert: reloading a page (or a script asking
 * again and again) must not swell the funnel's views. Only a hash of the address, advert and day
 * is kept, in the throttle table the sign-in clean-up empties after a day.
 */
async function countViewOnce(ctx: Ctx, id: string, clientAddress: string) {
  const now = ctx.deps.now();
  const today = isoDate(now);
  const key = sha256(`advert-view:${clientAddress}:${id}:${today}`);
  if ((await authRepo.countAttemptsSince(ctx.db, key, addHours(now, -24))) > 0) return;
  await authRepo.insertAttempt(ctx.db, key, now);
  await repo.countAdvertView(ctx.db, id, today);
}

/** A live advert's page for a visitor: the page data, and a page view counted (no one's details kept). */
export async function viewJobAdvert(ctx: Ctx, id: string, clientAddress: string): Promise<JobAdvertResponse> {
  const [advert] = await Promise.all([jobAdvert(ctx, id), countViewOnce(ctx, id, clientAddress)]);
  return advert;
}

/** The most adverts one feed holds (newest first). */
export const FEED_LIMIT = 20_000;

/** A council's live adverts as an RSS 2.0 feed. */
export async function jobsFeed(ctx: Ctx, councilSlug: string): Promise<string> {
  const council = await councilBoard(ctx, councilSlug);
  const rows = await repo.listLiveAdverts(ctx.db, council.id, isoDate(ctx.deps.now()), FEED_LIMIT);
  return jobsFeedXml(council, rows, ctx.deps.env.PUBLIC_URL.replace(/\/$/, ""), ctx.deps.now());
}

/** The HTML of a job's page: the shell with its JSON-LD, or, for a closed or unknown job, a 404 not to be indexed. */
export async function jobPage(ctx: Ctx, id: string, shell: string): Promise<{ status: 200 | 404; html: string }> {
  try {
    const advert = await jobAdvert(ctx, id);
    const url = `${ctx.deps.env.PUBLIC_URL.replace(/\/$/, "")}/jobs/${advert.id}`;
    return { status: 200, html: jobPageHtml(shell, advert, url) };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return { status: 404, html: goneJobPageHtml(shell) };
    throw err;
  }
}
