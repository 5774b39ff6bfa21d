import { queryOptions, useQuery } from "@tanstack/react-query";
import type { OrgKind, Permission, Role } from "../../shared/permissions";
import { api } from "./api";

export interface OrgHome {
  id: string;
  kind: OrgKind;
  name: string;
  slug: string;
  isDemo: boolean;
  role: Role | null;
  permissions: Permission[];
  summary: { workplaces: number; staffInPost: number; system: { providers: number; workplaces: number; staffInPost: number } | null } | null;
}

export const orgQuery = (orgId: string) => queryOptions({ queryKey: ["org", orgId], queryFn: () => api<OrgHome>("GET", `/api/orgs/${orgId}`) });
export const useOrg = (orgId: string) => useQuery(orgQuery(orgId));
