// Careers: the public roadmap, a staff member's next steps and plan, a council's framework and a
// provider's job titles. Response types live here, one place for the feature.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { Framework } from "../../shared/career/framework";
import type { goalInput, goalUpdateInput, jobTitleInput, planShareInput } from "../../shared/schemas";
import { api } from "../lib/api";

export interface RolePay {
  medianHourly: number;
  fullTimeYear: number;
  people: number;
}
export interface Roadmap {
  framework: Framework;
  council: { name: string; slug: string } | null;
  vacancies: Record<string, number>;
  pay: Record<string, RolePay | null>;
}
export interface MyCareer {
  name: string;
  current: { key: string; title: string } | null;
  next: {
    role: { key: string; title: string; summary: string };
    how: string;
    typicalMonths: number | null;
    gap: {
      requirements: {
        need: "required" | "recommended";
        note?: string;
        met: boolean;
        options: { key: string; title: string; held: boolean }[];
      }[];
      experience: { months: number; in: "sector" | "role"; have: number | null; met: boolean } | null;
      ready: boolean;
    };
  }[];
}
export interface FrameworkList {
  kind: "council" | "provider";
  draft?: { id: string; updatedAt: string; roles: number } | null;
  versions?: {
    id: string;
    version: number;
    publishedAt: string;
    endorsedCount: number;
    providers: { id: string; name: string; endorsedAt: string | null }[];
    notYet: string[];
  }[];
  frameworks?: {
    id: string;
    version: number;
    council: string;
    /** Where the council's version is on the public roadmap: /careers?council=<slug>. */
    councilSlug: string;
    title: string;
    publishedAt: string;
    endorsedAt: string | null;
  }[];
}
export interface Goal {
  id: string;
  title: string;
  roleKey: string | null;
  dueOn: string | null;
  doneOn: string | null;
}
export interface JobTitle {
  id: string;
  title: string;
  roleKey: string;
}

export const careerKeys = {
  frameworks: (orgId: string) => ["frameworks", orgId] as const,
  draft: (orgId: string) => ["framework-draft", orgId] as const,
  jobTitles: (orgId: string) => ["job-titles", orgId] as const,
  plan: (orgId: string) => ["my-plan", orgId] as const,
};

export const careerQueries = {
  /** The public roadmap for a council (by its slug), or the national one. */
  roadmap: (council?: string) =>
    queryOptions({
      queryKey: ["careers", council ?? ""],
      queryFn: () =>
        api<Roadmap>("GET", `/api/public/careers${council ? `?council=${encodeURIComponent(council)}` : ""}`),
      retry: false,
    }),
  myCareer: (orgId: string) =>
    queryOptions({
      queryKey: ["my-career", orgId],
      queryFn: () => api<MyCareer>("GET", `/api/orgs/${orgId}/my-career`),
      retry: false,
    }),
  plan: (orgId: string) =>
    queryOptions({
      queryKey: careerKeys.plan(orgId),
      queryFn: () => api<{ shared: boolean; goals: Goal[] }>("GET", `/api/orgs/${orgId}/my-career/plan`),
    }),
  sharedPlans: (orgId: string) =>
    queryOptions({
      queryKey: ["career-plans", orgId],
      queryFn: () =>
        api<{ plans: { id: string; displayId: string; goals: Goal[] }[] }>("GET", `/api/orgs/${orgId}/career-plans`),
    }),
  frameworks: (orgId: string) =>
    queryOptions({
      queryKey: careerKeys.frameworks(orgId),
      queryFn: () => api<FrameworkList>("GET", `/api/orgs/${orgId}/frameworks`),
    }),
  draft: (orgId: string) =>
    queryOptions({
      queryKey: careerKeys.draft(orgId),
      queryFn: () => api<{ id: string | null; document: Framework }>("GET", `/api/orgs/${orgId}/frameworks/draft`),
    }),
  jobTitles: (orgId: string) =>
    queryOptions({
      queryKey: careerKeys.jobTitles(orgId),
      queryFn: () => api<{ jobTitles: JobTitle[] }>("GET", `/api/orgs/${orgId}/job-titles`),
    }),
};

export const careerApi = {
  saveDraft: (orgId: string, document: Framework) =>
    api<unknown>("PUT", `/api/orgs/${orgId}/frameworks/draft`, { document }),
  publish: (orgId: string) => api<{ version: number }>("POST", `/api/orgs/${orgId}/frameworks/draft/publish`),
  endorse: (orgId: string, frameworkId: string) =>
    api<unknown>("POST", `/api/orgs/${orgId}/frameworks/${frameworkId}/endorse`),
  addJobTitle: (orgId: string, body: z.input<typeof jobTitleInput>) =>
    api<unknown>("POST", `/api/orgs/${orgId}/job-titles`, body),
  removeJobTitle: (orgId: string, id: string) => api<unknown>("DELETE", `/api/orgs/${orgId}/job-titles/${id}`),
  addGoal: (orgId: string, body: z.input<typeof goalInput>) =>
    api<unknown>("POST", `/api/orgs/${orgId}/my-career/goals`, body),
  updateGoal: (orgId: string, id: string, body: z.input<typeof goalUpdateInput>) =>
    api<unknown>("PATCH", `/api/orgs/${orgId}/my-career/goals/${id}`, body),
  sharePlan: (orgId: string, body: z.input<typeof planShareInput>) =>
    api<unknown>("PUT", `/api/orgs/${orgId}/my-career/plan`, body),
};
