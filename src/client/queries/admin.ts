// Hub administration: every organisation, the whole hub's audit trail and figures, failed jobs and
// corrections to the reference figures. Response types live here, one place for the feature.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { OrgKind } from "../../shared/permissions";
import type { comparatorUpdate, createOrgInput, payFloorUpdate } from "../../shared/schemas";
import { api } from "../lib/api";
import type { Figures } from "../lib/figures";
import type { AuditEntry } from "./orgs";

export interface AdminOrg {
  id: string;
  kind: OrgKind;
  name: string;
  slug: string;
  isDemo: boolean;
}
export interface FailedJob {
  id: string;
  kind: string;
  lane: string;
  orgId: string | null;
  orgName: string | null;
  reason: string;
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  failedAt: string | null;
}

export const adminKeys = { orgs: ["admin-orgs"] as const };

export const adminQueries = {
  orgs: () =>
    queryOptions({
      queryKey: adminKeys.orgs,
      queryFn: () => api<{ organisations: AdminOrg[] }>("GET", "/api/admin/organisations"),
    }),
  audit: () =>
    queryOptions({
      queryKey: ["admin-audit"],
      queryFn: () => api<{ entries: AuditEntry[] }>("GET", "/api/admin/audit"),
    }),
  hubFigures: () =>
    queryOptions({
      queryKey: ["hub-figures"],
      queryFn: () =>
        api<{ national: { at: string; computedAt: string; figures: Figures } | null }>("GET", "/api/admin/hub-figures"),
    }),
  failedJobs: () =>
    queryOptions({
      queryKey: ["failed-jobs"],
      queryFn: () => api<{ jobs: FailedJob[] }>("GET", "/api/admin/jobs/failed"),
    }),
};

export const adminApi = {
  createOrg: (body: z.input<typeof createOrgInput>) => api<unknown>("POST", "/api/admin/organisations", body),
  correctPayFloor: (id: string, body: z.input<typeof payFloorUpdate>) =>
    api<unknown>("PATCH", `/api/admin/reference/pay-floors/${id}`, body),
  correctComparator: (id: string, body: z.input<typeof comparatorUpdate>) =>
    api<unknown>("PATCH", `/api/admin/reference/comparators/${id}`, body),
};
