// Supervision and caseloads of the council's social work service (issue 20 items 4, 5): query
// options and mutations. Types come from the shared schema.
import { queryOptions } from "@tanstack/react-query";
import type {
  CaseloadsOverviewResponse,
  SaveCaseloadsInput,
  SavedCaseloadsResponse,
  SaveStandardsInput,
  StandardsResponse,
  SupervisionInput,
  SupervisionOverviewResponse,
  SupervisionPatch,
  SupervisionView,
  TeamCaseloadResponse,
  WorkerCaseloadsResponse,
  WorkerSupervisionResponse,
} from "../../shared/schemas/social-work-supervision";
import { api } from "../lib/api";
import type { WorkerSource } from "../routes/social-work/worker-sections/source";

export type {
  CaseloadsOverviewResponse,
  StandardsResponse,
  SupervisionOverviewResponse,
  SupervisionView,
  TeamCaseloadResponse,
  WorkerCaseloadsResponse,
  WorkerSupervisionResponse,
};

const base = (orgId: string) => `/api/orgs/${orgId}/social-work`;

export const swSupervisionKeys = {
  all: (orgId: string) => ["orgs", orgId, "social-work", "supervision"] as const,
  mine: ["me", "social-work", "supervision"] as const,
};

const monthQuery = (month?: string) => (month ? `?month=${encodeURIComponent(month)}` : "");

export const swSupervisionQueries = {
  overview: (orgId: string) =>
    queryOptions({
      queryKey: [...swSupervisionKeys.all(orgId), "overview"] as const,
      queryFn: () => api<SupervisionOverviewResponse>("GET", `${base(orgId)}/supervision`),
    }),
  standards: (orgId: string) =>
    queryOptions({
      queryKey: [...swSupervisionKeys.all(orgId), "standards"] as const,
      queryFn: () => api<StandardsResponse>("GET", `${base(orgId)}/supervision-standards`),
    }),
  worker: (source: WorkerSource) =>
    queryOptions({
      queryKey:
        source.kind === "self"
          ? ([...swSupervisionKeys.mine, "supervision"] as const)
          : ([...swSupervisionKeys.all(source.orgId), "worker", source.staffId, "supervision"] as const),
      queryFn: () =>
        api<WorkerSupervisionResponse>(
          "GET",
          source.kind === "self"
            ? "/api/me/social-work/supervision"
            : `${base(source.orgId)}/workers/${source.staffId}/supervision`,
        ),
    }),
  workerCaseloads: (source: WorkerSource) =>
    queryOptions({
      queryKey:
        source.kind === "self"
          ? ([...swSupervisionKeys.mine, "caseloads"] as const)
          : ([...swSupervisionKeys.all(source.orgId), "worker", source.staffId, "caseloads"] as const),
      queryFn: () =>
        api<WorkerCaseloadsResponse>(
          "GET",
          source.kind === "self"
            ? "/api/me/social-work/caseloads"
            : `${base(source.orgId)}/workers/${source.staffId}/caseloads`,
        ),
    }),
  caseloads: (orgId: string, month?: string) =>
    queryOptions({
      queryKey: [...swSupervisionKeys.all(orgId), "caseloads", month ?? ""] as const,
      queryFn: () => api<CaseloadsOverviewResponse>("GET", `${base(orgId)}/caseloads${monthQuery(month)}`),
    }),
  teamCaseloads: (orgId: string, teamId: string, month?: string) =>
    queryOptions({
      queryKey: [...swSupervisionKeys.all(orgId), "team-caseloads", teamId, month ?? ""] as const,
      queryFn: () => api<TeamCaseloadResponse>("GET", `${base(orgId)}/teams/${teamId}/caseloads${monthQuery(month)}`),
    }),
};

export const recordSupervision = (orgId: string, input: SupervisionInput) =>
  api<SupervisionView>("POST", `${base(orgId)}/supervisions`, input);
export const changeSupervision = (orgId: string, id: string, patch: SupervisionPatch) =>
  api<SupervisionView>("PATCH", `${base(orgId)}/supervisions/${id}`, patch);
export const deleteSupervision = (orgId: string, id: string) =>
  api<{ removed: string }>("DELETE", `${base(orgId)}/supervisions/${id}`);
export const saveStandards = (orgId: string, input: SaveStandardsInput) =>
  api<StandardsResponse>("PUT", `${base(orgId)}/supervision-standards`, input);
export const saveTeamCaseloads = (orgId: string, teamId: string, month: string, input: SaveCaseloadsInput) =>
  api<SavedCaseloadsResponse>("PUT", `${base(orgId)}/teams/${teamId}/caseloads/${month}`, input);
