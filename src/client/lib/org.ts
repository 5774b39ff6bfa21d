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

export interface WorkplaceSummary {
  id: string;
  name: string;
  localRef: string;
}

/** The organisation's workplaces as select options (by id, or by reference for ASC-WDS rows). */
export function useWorkplaceOptions(orgId: string, by: "id" | "localRef" = "id", emptyLabel = "Choose a workplace") {
  const places = useQuery({ queryKey: ["workplaces", orgId], queryFn: () => api<{ workplaces: WorkplaceSummary[] }>("GET", `/api/orgs/${orgId}/workplaces`) });
  return [{ value: "", label: emptyLabel }, ...(places.data?.workplaces ?? []).map((w) => ({ value: w[by], label: w.name }))];
}
