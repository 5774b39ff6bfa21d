import { TRAINING_CATEGORY_LABELS } from "../../../shared/ascwds/codes";
import type { CourseView, SessionView } from "../../../shared/schemas/training-catalogue";
import type { LdssKind, TrainingAudience, TrainingDelivery, TrainingFunding } from "../../../shared/training";
import { availability, type SessionPlaces } from "../../../shared/training-places";
import type { CourseRow, SessionRow } from "./catalogue.repo";

// What leaves the server about courses and sessions. Everyone in the catalogue sees places in
// total and those its own organisation may book; only the offerer sees the quotas it set for
// each provider and how many places are taken (bookings themselves are part A2's).

export type Names = ReadonlyMap<string, string>;
export type ItemTitles = ReadonlyMap<string, ReadonlyMap<string, string>>;

const EMPTY: SessionPlaces = { capacity: 0, allocation: "open", releaseAt: null, quotas: new Map(), taken: new Map() };
const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export function presentSession(
  s: SessionRow,
  courseTitle: string,
  places: SessionPlaces | undefined,
  viewerOrgId: string,
  names: Names,
  now: Date,
): SessionView {
  const p = places ?? { ...EMPTY, capacity: s.capacity };
  const a = availability(p, viewerOrgId, now);
  const cancelled = s.status === "cancelled";
  const yours = s.offeredBy === viewerOrgId;
  // The joining link is for the people on the session: the offerer and employers with places taken
  // on it see it; anyone else sees only that it is online, so nobody joins without a place.
  const seesLink = yours || (p.taken.get(viewerOrgId) ?? 0) > 0;
  return {
    id: s.id,
    courseId: s.courseId,
    courseTitle,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: s.venue || (s.link && !seesLink ? "Online" : ""),
    link: seesLink ? s.link : "",
    trainerName: s.trainerName,
    allocation: s.allocation as SessionView["allocation"],
    releaseAt: s.releaseAt?.toISOString() ?? null,
    cancelHours: s.cancelHours,
    status: s.status as SessionView["status"],
    cancelledReason: s.cancelledReason,
    places: {
      capacity: s.capacity,
      freeTotal: cancelled ? 0 : a.freeTotal,
      freeForYou: cancelled ? 0 : a.freeForOrg,
      heldForYou: cancelled ? 0 : a.heldForOrg,
      released: a.released,
    },
    offeredBy: { id: s.offeredBy, name: names.get(s.offeredBy) ?? "" },
    yours,
    offerer: yours
      ? {
          trainerUserId: s.trainerUserId,
          quotas: [...p.quotas]
            .map(([orgId, n]) => ({ orgId, name: names.get(orgId) ?? "", places: n, taken: p.taken.get(orgId) ?? 0 }))
            .sort((x, y) => x.name.localeCompare(y.name) || x.orgId.localeCompare(y.orgId)),
          taken: sum(p.taken),
        }
      : null,
  };
}

export function presentCourse(
  c: CourseRow,
  sessions: SessionView[],
  viewerOrgId: string,
  names: Names,
  items: ItemTitles,
): CourseView {
  const upcoming = sessions.filter((s) => s.courseId === c.id && s.status === "scheduled");
  const itemTitle = c.frameworkItem ? items.get(c.councilId)?.get(c.frameworkItem) : undefined;
  return {
    id: c.id,
    councilId: c.councilId,
    offeredBy: { id: c.offeredBy, name: names.get(c.offeredBy) ?? "" },
    title: c.title,
    summary: c.summary,
    category: { code: c.category, label: TRAINING_CATEGORY_LABELS[c.category] ?? `Category ${c.category}` },
    frameworkItem: c.frameworkItem ? { key: c.frameworkItem, title: itemTitle ?? c.frameworkItem } : null,
    qualificationCode: c.qualificationCode,
    level: c.level,
    hours: c.hours,
    delivery: c.delivery as TrainingDelivery,
    prerequisites: c.prerequisites,
    refreshMonths: c.refreshMonths,
    costPence: c.costPence,
    funding: c.funding as TrainingFunding,
    ldssKind: c.ldssKind as LdssKind | null,
    ldssPence: c.ldssPence,
    audience: c.audience as TrainingAudience,
    status: c.status as CourseView["status"],
    yours: c.offeredBy === viewerOrgId,
    upcomingSessions: upcoming.length,
    freeForYou: upcoming.reduce((n, s) => n + s.places.freeForYou, 0),
    nextSessionAt: upcoming[0]?.startsAt ?? null,
  };
}

type Bundle = {
  courses: CourseRow[];
  sessions: { session: SessionRow; courseTitle: string }[];
  places: ReadonlyMap<string, SessionPlaces>;
  names: Names;
  items: ItemTitles;
  viewerOrgId: string;
  now: Date;
};

export const presentSessions = (b: Bundle): SessionView[] =>
  b.sessions.map((s) =>
    presentSession(s.session, s.courseTitle, b.places.get(s.session.id), b.viewerOrgId, b.names, b.now),
  );

export function presentCatalogue(b: Bundle) {
  const sessions = presentSessions(b);
  return { courses: b.courses.map((c) => presentCourse(c, sessions, b.viewerOrgId, b.names, b.items)) };
}

export function presentCourseDetail(b: Bundle) {
  const sessions = presentSessions(b);
  return { course: presentCourse(b.courses[0], sessions, b.viewerOrgId, b.names, b.items), sessions };
}
