import { TRAINING_CATEGORIES, TRAINING_CATEGORY_LABELS } from "../../../shared/ascwds/codes";
import type { CourseListQuery } from "../../../shared/schemas/training-catalogue";
import { availability, type SessionPlaces } from "../../../shared/training-places";
import type { Ctx, OrgCtx } from "../../context";
import { notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { providersOf } from "../orgs/commissioning";
import * as repo from "./catalogue.repo";
import { catalogueCouncils, frameworkItems, getCourse, listCourses } from "./catalogue.service";
import { loadSessionsPlaces } from "./places.repo";
import { getSession, listUpcomingSessions } from "./sessions.service";

// Reading the catalogue: courses and sessions with what the presenter needs to show them (names,
// framework item titles, places), gathered in a handful of queries whatever the catalogue's size.

export type SessionWithCourse = { session: repo.SessionRow; courseTitle: string };
export type CatalogueBundle = {
  courses: repo.CourseRow[];
  sessions: SessionWithCourse[];
  places: Map<string, SessionPlaces>;
  names: Map<string, string>;
  items: Map<string, Map<string, string>>;
  viewerOrgId: string;
  now: Date;
};

async function bundle(ctx: OrgCtx, courses: repo.CourseRow[], sessions: SessionWithCourse[]): Promise<CatalogueBundle> {
  const places = await loadSessionsPlaces(
    ctx.db,
    sessions.map((s) => s.session.id),
  );
  const orgIds = [
    ...courses.map((c) => c.offeredBy),
    ...sessions.map((s) => s.session.offeredBy),
    // Quota holders' names, for the offerer's view.
    ...sessions
      .filter((s) => s.session.offeredBy === ctx.org.id)
      .flatMap((s) => [...(places.get(s.session.id)?.quotas.keys() ?? [])]),
  ];
  return {
    courses,
    sessions,
    places,
    names: await repo.orgNames(ctx.db, orgIds),
    items: await frameworkItems(ctx, [...new Set(courses.map((c) => c.councilId))]),
    viewerOrgId: ctx.org.id,
    now: ctx.deps.now(),
  };
}

/** The catalogue's courses matching the filter, with their upcoming sessions' places. */
export async function readCatalogue(ctx: OrgCtx, filter: CourseListQuery) {
  const courses = await listCourses(ctx, filter);
  const sessions = await listUpcomingSessions(
    ctx,
    courses.map((c) => c.id),
  );
  return bundle(ctx, courses, sessions);
}

/** One course with its sessions to come. */
export async function readCourse(ctx: OrgCtx, courseId: string) {
  const course = await getCourse(ctx, courseId);
  return bundle(ctx, [course], await listUpcomingSessions(ctx, [course.id]));
}

/** Sessions to come across the catalogue. */
export async function readUpcomingSessions(ctx: OrgCtx) {
  return bundle(ctx, [], await listUpcomingSessions(ctx));
}

export async function readSession(ctx: OrgCtx, sessionId: string) {
  const { session, course } = await getSession(ctx, sessionId);
  return bundle(ctx, [], [{ session, courseTitle: course.title }]);
}

/** What an offerer's forms choose from: councils, categories, framework items, providers for quotas, trainers. */
export async function readCatalogueOptions(ctx: OrgCtx) {
  const councils = await catalogueCouncils(ctx);
  const names = await repo.orgNames(ctx.db, councils);
  const items = await frameworkItems(ctx, councils);
  const day = isoDate(ctx.deps.now());
  const providers = [];
  for (const councilId of councils) {
    const list = await repo.listProviders(ctx.db, await providersOf(ctx.db, councilId, day));
    const staff = await repo.staffInPost(
      ctx.db,
      list.map((p) => p.id),
      day,
    );
    // Providers' staff numbers are the council's to see, not a training partner's.
    const council = ctx.org.kind === "council";
    for (const p of list) providers.push({ ...p, councilId, staff: council ? (staff.get(p.id) ?? 0) : null });
  }
  return {
    councils: councils.map((id) => ({ id, name: names.get(id) ?? "" })),
    categories: [...TRAINING_CATEGORIES].map((code) => ({
      code,
      label: TRAINING_CATEGORY_LABELS[code] ?? `Category ${code}`,
    })),
    frameworkItems: [...items].flatMap(([councilId, m]) => [...m].map(([key, title]) => ({ key, title, councilId }))),
    providers,
    trainers: (await repo.listMembers(ctx.db, ctx.org.id)).map((m) => ({ userId: m.userId, name: m.name })),
  };
}

/**
 * The public list: a council's published staff courses and their sessions to come with free
 * places in total. No quotas, no bookings, nothing about anyone.
 */
export async function publicCourses(ctx: Ctx, slug: string, gives?: string) {
  const council = await repo.findCouncilBySlug(ctx.db, slug);
  if (!council) throw notFound("council");
  const now = ctx.deps.now();
  const rows = await repo.listPublicCourses(ctx.db, council.id, gives);
  const sessions = await repo.listSessions(ctx.db, {
    councilIds: [council.id],
    courseIds: rows.map((r) => r.course.id),
    from: now,
  });
  const places = await loadSessionsPlaces(
    ctx.db,
    sessions.map((s) => s.session.id),
  );
  const items = (await frameworkItems(ctx, [council.id])).get(council.id) ?? new Map<string, string>();
  return {
    council: { name: council.name, slug: council.slug },
    courses: rows.map(({ course: c, offeredBy }) => ({
      id: c.id,
      title: c.title,
      summary: c.summary,
      offeredBy,
      category: TRAINING_CATEGORY_LABELS[c.category] ?? "",
      frameworkItem: c.frameworkItem
        ? { key: c.frameworkItem, title: items.get(c.frameworkItem) ?? c.frameworkItem }
        : null,
      level: c.level,
      hours: c.hours,
      delivery: c.delivery as "classroom" | "online" | "blended",
      prerequisites: c.prerequisites,
      refreshMonths: c.refreshMonths,
      costPence: c.costPence,
      funding: c.funding as "free_commissioned" | "ldss" | "levy" | "charged",
      sessions: sessions
        .filter((s) => s.session.courseId === c.id)
        .map(({ session: s }) => ({
          id: s.id,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          place: s.venue || "Online",
          // Free places in total, whoever may book them: the public sees no quotas.
          freePlaces: places.has(s.id)
            ? availability(places.get(s.id) as SessionPlaces, "", now).freeTotal
            : s.capacity,
        })),
    })),
    givesKeys: await repo.listGivenItems(ctx.db, council.id),
  };
}
