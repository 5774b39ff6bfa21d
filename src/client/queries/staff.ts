// Staff records, leavers and the employer's workforce settings. Response types live here, one
// place for the feature.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  type recordLeaverInput,
  type recordsInput,
  staffListQuery,
  type workforceSettingsInput,
} from "../../shared/schemas";
import { api, apiRequest } from "../lib/api";

export interface StaffRow {
  id: string;
  reference: string;
  name: string;
  role: { code: number; label: string };
  contract: { code: number; label: string };
  workplace: { id: string; name: string };
  startDate: string;
  endDate: string | null;
  leavingReason: string | null;
}
export interface StaffList {
  total: number;
  pageSize: number;
  staff: StaffRow[];
}
/** A problem the hub found in a record it was sent (the same rules as an uploaded file). */
export interface RecordProblem {
  column: string | null;
  message: string;
  severity: "error" | "warning";
}
export interface WorkforceSettings {
  standardWeeklyHours: number | null;
  defaultWeeklyHours: number;
  requiredTraining: { category: number; roles: number[] | null }[];
  updatedAt: string | null;
}
export type StaffListQuery = Partial<z.infer<typeof staffListQuery>>;

/**
 * The staff list's filters in the address (`?role=8&status=left&page=2`), so a filtered list can be
 * linked and survives a reload. The API's own rules for each filter; a value they refuse (a stale
 * or edited link) is dropped rather than shown as an error.
 */
export const staffSearch = z.object({
  q: staffListQuery.shape.q.catch(undefined),
  workplace: staffListQuery.shape.workplace.catch(undefined),
  role: staffListQuery.shape.role.catch(undefined),
  contract: staffListQuery.shape.contract.catch(undefined),
  status: staffListQuery.shape.status.optional().catch(undefined),
  page: staffListQuery.shape.page.optional().catch(undefined),
});
export type StaffSearch = z.infer<typeof staffSearch>;

export const staffKeys = {
  all: (orgId: string) => ["staff", orgId] as const,
  settings: (orgId: string) => ["workforce-settings", orgId] as const,
};

const queryString = (q: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(q).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])),
  ).toString();

export const staffQueries = {
  list: (orgId: string, query: StaffListQuery) =>
    queryOptions({
      queryKey: [...staffKeys.all(orgId), "list", query],
      queryFn: () => api<StaffList>("GET", `/api/orgs/${orgId}/staff?${queryString(query)}`),
    }),
  /** One record in the ASC-WDS staff file's columns, for the edit form. */
  record: (orgId: string, staffId: string) =>
    queryOptions({
      queryKey: [...staffKeys.all(orgId), "record", staffId],
      queryFn: () => api<{ record: Record<string, string> }>("GET", `/api/orgs/${orgId}/staff/${staffId}`),
    }),
  settings: (orgId: string) =>
    queryOptions({
      queryKey: staffKeys.settings(orgId),
      queryFn: () => api<WorkforceSettings>("GET", `/api/orgs/${orgId}/workforce-settings`),
    }),
};

export const staffApi = {
  recordLeaver: (orgId: string, staffId: string, body: z.input<typeof recordLeaverInput>) =>
    api<unknown>("POST", `/api/orgs/${orgId}/staff/${staffId}/leave`, body),
  /**
   * Records sent as JSON: answers 200, or 422 (not thrown, so the form can show them by field) with
   * the problems found by column and, as `error.issues`, the same errors worded for the form.
   */
  saveRecords: (orgId: string, body: z.input<typeof recordsInput>) =>
    apiRequest<{
      problems?: RecordProblem[];
      error?: { message: string; issues?: { path: string; message: string }[] };
    }>("POST", `/api/orgs/${orgId}/records/staff`, body),
  saveSettings: (orgId: string, body: z.input<typeof workforceSettingsInput>) =>
    api<WorkforceSettings>("PUT", `/api/orgs/${orgId}/workforce-settings`, body),
};
