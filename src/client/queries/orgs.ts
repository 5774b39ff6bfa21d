// An organisation: its home, workplaces, members and invitations, the providers a council
// commissions, and its audit trail. Response types live here, one place for the feature.
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { OrgKind, Permission, Role } from "../../shared/permissions";
import type { changeRoleInput, inviteProviderInput, inviteUserInput } from "../../shared/schemas";
import { api } from "../lib/api";

export interface OrgHome {
  id: string;
  kind: OrgKind;
  name: string;
  slug: string;
  isDemo: boolean;
  role: Role | null;
  permissions: Permission[];
  summary: {
    workplaces: number;
    staffInPost: number;
    system: { providers: number; workplaces: number; staffInPost: number } | null;
  } | null;
}
export interface WorkplaceSummary {
  id: string;
  name: string;
  localRef: string;
}
export interface UsersResponse {
  members: {
    id: string;
    role: Role;
    since: string;
    user: { id: string; email: string; name: string; active: boolean };
  }[];
  invitations: { id: string; email: string; role: Role; sent: string; expires: string }[];
}
export interface Provider {
  id: string;
  name: string;
  commissioning: { from: string; to: string | null };
  workplaces: number;
  staffInPost: number;
}
export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  organisation: { id: string; name: string } | null;
  user: { id: string; email: string } | null;
}

export const orgKeys = {
  org: (orgId: string) => ["org", orgId] as const,
  users: (orgId: string) => ["users", orgId] as const,
  providers: (orgId: string) => ["providers", orgId] as const,
};

export const orgQueries = {
  home: (orgId: string) =>
    queryOptions({ queryKey: orgKeys.org(orgId), queryFn: () => api<OrgHome>("GET", `/api/orgs/${orgId}`) }),
  workplaces: (orgId: string) =>
    queryOptions({
      queryKey: ["workplaces", orgId],
      queryFn: () => api<{ workplaces: WorkplaceSummary[] }>("GET", `/api/orgs/${orgId}/workplaces`),
    }),
  users: (orgId: string) =>
    queryOptions({
      queryKey: orgKeys.users(orgId),
      queryFn: () => api<UsersResponse>("GET", `/api/orgs/${orgId}/users`),
    }),
  providers: (orgId: string) =>
    queryOptions({
      queryKey: orgKeys.providers(orgId),
      queryFn: () => api<{ providers: Provider[] }>("GET", `/api/orgs/${orgId}/providers`),
    }),
  audit: (orgId: string) =>
    queryOptions({
      queryKey: ["audit", orgId],
      queryFn: () => api<{ entries: AuditEntry[] }>("GET", `/api/orgs/${orgId}/audit`),
    }),
};

export const orgApi = {
  invite: (orgId: string, body: z.input<typeof inviteUserInput>) =>
    api<unknown>("POST", `/api/orgs/${orgId}/invitations`, body),
  withdrawInvitation: (orgId: string, id: string) => api<unknown>("DELETE", `/api/orgs/${orgId}/invitations/${id}`),
  removeMember: (orgId: string, id: string) => api<unknown>("DELETE", `/api/orgs/${orgId}/members/${id}`),
  changeRole: (orgId: string, id: string, body: z.input<typeof changeRoleInput>) =>
    api<unknown>("PATCH", `/api/orgs/${orgId}/members/${id}`, body),
  inviteProvider: (orgId: string, body: z.input<typeof inviteProviderInput>) =>
    api<unknown>("POST", `/api/orgs/${orgId}/providers`, body),
};
