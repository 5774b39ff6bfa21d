// Shared training's catalogue (issue 18 items 1 and 2): courses, sessions and their places, the
// offerer's changes, and the public list of courses. Response types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type {
  CancelledSessionResponse,
  CatalogueOptionsResponse,
  CourseResponse,
  CoursesResponse,
  CreateCourseInput,
  CreateSessionInput,
  PublicCoursesResponse,
  SessionResponse,
  SessionsResponse,
  UpdateCourseInput,
  UpdateSessionInput,
} from "../../shared/schemas/training-catalogue";
import { TRAINING_DELIVERY, TRAINING_FUNDING } from "../../shared/training";
import { api } from "../lib/api";

export type {
  CatalogueOptionsResponse,
  CourseView,
  PublicCoursesResponse,
  SessionView,
} from "../../shared/schemas/training-catalogue";

/** The catalogue's filters in the address (values the API would refuse are dropped). */
export const catalogueSearch = z.object({
  q: z.string().max(100).optional().catch(undefined),
  category: z.coerce.number().int().optional().catch(undefined),
  delivery: z.enum(TRAINING_DELIVERY).optional().catch(undefined),
  funding: z.enum(TRAINING_FUNDING).optional().catch(undefined),
  gives: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional()
    .catch(undefined),
});
export type CatalogueSearch = z.infer<typeof catalogueSearch>;

/** The public list's address: /courses?council=<slug>&gives=<item key>. */
export const publicCoursesSearch = z.object({
  council: z.string().max(100).optional().catch(undefined),
  gives: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional()
    .catch(undefined),
});

const base = (orgId: string) => `/api/orgs/${orgId}/training`;
const qs = (filter: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
  return q.size ? `?${q}` : "";
};

export const catalogueKeys = {
  all: (orgId: string) => ["training-catalogue", orgId] as const,
  courses: (orgId: string) => ["training-catalogue", orgId, "courses"] as const,
  course: (orgId: string, id: string) => ["training-catalogue", orgId, "courses", id] as const,
  sessions: (orgId: string) => ["training-catalogue", orgId, "sessions"] as const,
  session: (orgId: string, id: string) => ["training-catalogue", orgId, "sessions", id] as const,
};

export const catalogueQueries = {
  courses: (orgId: string, filter: CatalogueSearch) =>
    queryOptions({
      queryKey: [...catalogueKeys.courses(orgId), filter] as const,
      queryFn: () => api<CoursesResponse>("GET", `${base(orgId)}/courses${qs(filter)}`),
    }),
  course: (orgId: string, id: string) =>
    queryOptions({
      queryKey: catalogueKeys.course(orgId, id),
      queryFn: () => api<CourseResponse>("GET", `${base(orgId)}/courses/${id}`),
    }),
  sessions: (orgId: string) =>
    queryOptions({
      queryKey: catalogueKeys.sessions(orgId),
      queryFn: () => api<SessionsResponse>("GET", `${base(orgId)}/sessions`),
    }),
  session: (orgId: string, id: string) =>
    queryOptions({
      queryKey: catalogueKeys.session(orgId, id),
      queryFn: () => api<SessionResponse>("GET", `${base(orgId)}/sessions/${id}`),
    }),
  options: (orgId: string) =>
    queryOptions({
      queryKey: ["training-catalogue", orgId, "options"] as const,
      queryFn: () => api<CatalogueOptionsResponse>("GET", `${base(orgId)}/catalogue-options`),
      staleTime: 5 * 60_000,
    }),
  public: (council: string, gives?: string) =>
    queryOptions({
      queryKey: ["public-courses", council, gives ?? null] as const,
      queryFn: () => api<PublicCoursesResponse>("GET", `/api/public/courses${qs({ council, gives })}`),
    }),
};

export const catalogueApi = {
  createCourse: (orgId: string, body: CreateCourseInput) => api<CourseResponse>("POST", `${base(orgId)}/courses`, body),
  updateCourse: (orgId: string, id: string, body: UpdateCourseInput) =>
    api<CourseResponse>("PATCH", `${base(orgId)}/courses/${id}`, body),
  withdrawCourse: (orgId: string, id: string) => api<CourseResponse>("POST", `${base(orgId)}/courses/${id}/withdraw`),
  createSession: (orgId: string, courseId: string, body: CreateSessionInput) =>
    api<SessionResponse>("POST", `${base(orgId)}/courses/${courseId}/sessions`, body),
  updateSession: (orgId: string, id: string, body: UpdateSessionInput) =>
    api<SessionResponse>("PATCH", `${base(orgId)}/sessions/${id}`, body),
  cancelSession: (orgId: string, id: string, reason: string) =>
    api<CancelledSessionResponse>("POST", `${base(orgId)}/sessions/${id}/cancel`, { reason }),
};
