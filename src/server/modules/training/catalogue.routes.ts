import {
  cancelledSessionResponse,
  cancelSessionInput,
  catalogueOptionsResponse,
  courseListQuery,
  courseResponse,
  coursesResponse,
  createCourseInput,
  createSessionInput,
  publicCoursesQuery,
  publicCoursesResponse,
  sessionResponse,
  sessionsResponse,
  updateCourseInput,
  updateSessionInput,
} from "../../../shared/schemas/training-catalogue";
import { type OrgCtx, systemCtx } from "../../context";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { presentCatalogue, presentCourseDetail, presentSessions } from "./catalogue.presenter";
import * as courses from "./catalogue.service";
import * as read from "./catalogue-read.service";
import * as sessions from "./sessions.service";

// Shared training (issue 18 items 1 and 2): the catalogue of courses, sessions and their places, the public list of courses.

const base = "/api/orgs/:orgId/training";
const tag = "Training";
// Every kind of organisation sees the catalogue of its area (a council its own, others their commissioning councils').
const view = {
  tag,
  scope: "org",
  permission: "training.view",
  orgKinds: ["council", "provider", "training_partner", "nhs_partner"],
} as const;
// The council's hub team and training partners offer courses.
const offer = { tag, scope: "org", permission: "training.offer", orgKinds: ["council", "training_partner"] } as const;
const courseId = (c: Parameters<typeof idParam>[0]) => idParam(c, "courseId", "course");
const sessionId = (c: Parameters<typeof idParam>[0]) => idParam(c, "sessionId", "session");
const courseOf = async (ctx: OrgCtx, id: string) => presentCourseDetail(await read.readCourse(ctx, id));
const sessionOf = async (ctx: OrgCtx, id: string) => ({ session: presentSessions(await read.readSession(ctx, id))[0] });

/** How long browsers and proxies may keep the public list (free places change as people book). */
const PUBLIC_COURSES_SECONDS = 300;

export function trainingCatalogueRoutes(r: Router) {
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/courses`,
      response: coursesResponse,
      query: courseListQuery,
      summary:
        "The area's training catalogue, filtered by text, ASC-WDS category, delivery, funding or the framework item a course gives, with places you may book",
    },
    async (c, { query }) => c.json(presentCatalogue(await read.readCatalogue(orgCtxOf(c), query))),
  );
  r.define(
    {
      ...offer,
      method: "post",
      path: `${base}/courses`,
      response: courseResponse,
      body: createCourseInput,
      summary: "Offer a course in the council's catalogue",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const course = await courses.createCourse(ctx, body);
      return c.json(await courseOf(ctx, course.id), 201);
    },
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/courses/:courseId`,
      response: courseResponse,
      summary: "A course and its sessions to come, with places you may book",
    },
    async (c) => c.json(await courseOf(orgCtxOf(c), courseId(c))),
  );
  r.define(
    {
      ...offer,
      method: "patch",
      path: `${base}/courses/:courseId`,
      response: courseResponse,
      body: updateCourseInput,
      summary: "Change a course you offer",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = courseId(c);
      await courses.updateCourse(ctx, id, body);
      return c.json(await courseOf(ctx, id));
    },
  );
  r.define(
    {
      ...offer,
      method: "post",
      path: `${base}/courses/:courseId/withdraw`,
      response: courseResponse,
      summary: "Withdraw a course you offer from the catalogue",
    },
    async (c) => {
      const ctx = orgCtxOf(c);
      const id = courseId(c);
      await courses.withdrawCourse(ctx, id);
      return c.json(await courseOf(ctx, id));
    },
  );
  r.define(
    {
      ...offer,
      method: "post",
      path: `${base}/courses/:courseId/sessions`,
      response: sessionResponse,
      body: createSessionInput,
      summary: "Add a dated session to a course you offer, with how its places are shared between providers",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const s = await sessions.createSession(ctx, courseId(c), body);
      return c.json(await sessionOf(ctx, s.id), 201);
    },
  );
  r.define(
    {
      ...offer,
      method: "get",
      path: `${base}/catalogue-options`,
      response: catalogueOptionsResponse,
      summary: "What course and session forms choose from: councils, categories, framework items, providers, trainers",
    },
    async (c) => c.json(await read.readCatalogueOptions(orgCtxOf(c))),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/sessions`,
      response: sessionsResponse,
      summary: "Sessions to come across the catalogue, soonest first, with places you may book",
    },
    async (c) => c.json({ sessions: presentSessions(await read.readUpcomingSessions(orgCtxOf(c))) }),
  );
  r.define(
    {
      ...view,
      method: "get",
      path: `${base}/sessions/:sessionId`,
      response: sessionResponse,
      summary: "A session and its places",
    },
    async (c) => c.json(await sessionOf(orgCtxOf(c), sessionId(c))),
  );
  r.define(
    {
      ...offer,
      method: "patch",
      path: `${base}/sessions/:sessionId`,
      response: sessionResponse,
      body: updateSessionInput,
      summary: "Change a session you run (times, place, trainer, capacity, quotas, release time)",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = sessionId(c);
      await sessions.updateSession(ctx, id, body);
      return c.json(await sessionOf(ctx, id));
    },
  );
  r.define(
    {
      ...offer,
      method: "post",
      path: `${base}/sessions/:sessionId/cancel`,
      response: cancelledSessionResponse,
      body: cancelSessionInput,
      summary: "Cancel a session you run: its bookings are cancelled and the employers told by email",
    },
    async (c, { body }) => {
      const ctx = orgCtxOf(c);
      const id = sessionId(c);
      const { bookingsCancelled } = await sessions.cancelSession(ctx, id, body.reason);
      return c.json({ ...(await sessionOf(ctx, id)), bookingsCancelled });
    },
  );

  r.define(
    {
      tag,
      scope: "public",
      method: "get",
      path: "/api/public/courses",
      response: publicCoursesResponse,
      query: publicCoursesQuery,
      summary:
        "A council's published courses for the workforce and their sessions to come with free places (council=<slug>; gives=<framework item key> to filter)",
    },
    async (c, { query }) => {
      const list = await read.publicCourses(systemCtx(c.var.deps), query.council, query.gives);
      // Only a list is cached: a 404 for a council not yet on the hub must not stick in shared caches.
      c.header("cache-control", `public, max-age=${PUBLIC_COURSES_SECONDS}`);
      return c.json(list);
    },
  );
}
