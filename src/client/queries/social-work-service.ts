// The social work service (issue 20 item 1): teams, posts, workers, settings, the overview and a
// worker's own records. Response types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import type {
  AddWorkerInput,
  EstablishmentResponse,
  LeaverInput,
  MySocialWorkResponse,
  OverviewResponse,
  ProfileInput,
  SetEstablishmentInput,
  SettingsInput,
  SettingsResponse,
  TeamDetailResponse,
  TeamInput,
  TeamResponse,
  TeamsResponse,
  WorkerResponse,
  WorkersQuery,
  WorkersResponse,
} from "../../shared/schemas/social-work-service";
import { api } from "../lib/api";

export type {
  AlertView,
  EstablishmentRow,
  PostsView,
  TeamView,
  WorkerDetail,
  WorkerSummary,
} from "../../shared/schemas/social-work-service";

const base = (orgId: string) => `/api/orgs/${orgId}/social-work`;
const qs = (filter: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
  return q.size ? `?${q}` : "";
};

export const swServiceKeys = {
  all: (orgId: string) => ["social-work-service", orgId] as const,
  me: ["social-work-service", "me"] as const,
};

export const swServiceQueries = {
  overview: (orgId: string) =>
    queryOptions({
      queryKey: [...swServiceKeys.all(orgId), "overview"],
      queryFn: () => api<OverviewResponse>("GET", `${base(orgId)}/overview`),
    }),
  teams: (orgId: string) =>
    queryOptions({
      queryKey: [...swServiceKeys.all(orgId), "teams"],
      queryFn: () => api<TeamsResponse>("GET", `${base(orgId)}/teams`),
    }),
  team: (orgId: string, teamId: string) =>
    queryOptions({
      queryKey: [...swServiceKeys.all(orgId), "team", teamId],
      queryFn: () => api<TeamDetailResponse>("GET", `${base(orgId)}/teams/${teamId}`),
    }),
  establishment: (orgId: string) =>
    queryOptions({
      queryKey: [...swServiceKeys.all(orgId), "establishment"],
      queryFn: () => api<EstablishmentResponse>("GET", `${base(orgId)}/establishment`),
    }),
  workers: (orgId: string, filter: WorkersQuery) =>
    queryOptions({
      queryKey: [...swServiceKeys.all(orgId), "workers", filter],
      queryFn: () => api<WorkersResponse>("GET", `${base(orgId)}/workers${qs(filter)}`),
    }),
  worker: (orgId: string, staffId: string) =>
    queryOptions({
      queryKey: [...swServiceKeys.all(orgId), "worker", staffId],
      queryFn: () => api<WorkerResponse>("GET", `${base(orgId)}/workers/${staffId}`),
    }),
  settings: (orgId: string) =>
    queryOptions({
      queryKey: [...swServiceKeys.all(orgId), "settings"],
      queryFn: () => api<SettingsResponse>("GET", `${base(orgId)}/settings`),
    }),
  me: () =>
    queryOptions({
      queryKey: swServiceKeys.me,
      queryFn: () => api<MySocialWorkResponse>("GET", "/api/me/social-work"),
    }),
};

export const swServiceMutations = {
  createTeam: (orgId: string, body: TeamInput) => api<TeamResponse>("POST", `${base(orgId)}/teams`, body),
  updateTeam: (orgId: string, teamId: string, body: TeamInput) =>
    api<TeamResponse>("PUT", `${base(orgId)}/teams/${teamId}`, body),
  archiveTeam: (orgId: string, teamId: string) => api<TeamResponse>("POST", `${base(orgId)}/teams/${teamId}/archive`),
  setEstablishment: (orgId: string, teamId: string, body: SetEstablishmentInput) =>
    api<TeamDetailResponse>("PUT", `${base(orgId)}/teams/${teamId}/establishment`, body),
  addWorker: (orgId: string, body: AddWorkerInput) => api<WorkerResponse>("POST", `${base(orgId)}/workers`, body),
  updateProfile: (orgId: string, staffId: string, body: ProfileInput) =>
    api<WorkerResponse>("PATCH", `${base(orgId)}/workers/${staffId}`, body),
  recordLeaver: (orgId: string, staffId: string, body: LeaverInput) =>
    api<WorkerResponse>("POST", `${base(orgId)}/workers/${staffId}/leave`, body),
  saveSettings: (orgId: string, body: SettingsInput) => api<SettingsResponse>("PUT", `${base(orgId)}/settings`, body),
};
