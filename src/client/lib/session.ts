import { queryOptions, useQuery } from "@tanstack/react-query";
import type { OrgKind, Permission, Role } from "../../shared/permissions";
import { api } from "./api";

export interface Membership {
  id: string;
  kind: OrgKind;
  name: string;
  slug: string;
  isDemo: boolean;
  role: Role;
  permissions: Permission[];
}
export interface Me {
  user: { id: string; email: string; name: string; isHubAdmin: boolean } | null;
  csrfToken?: string;
  memberships?: Membership[];
}

export const meQuery = queryOptions({ queryKey: ["me"], queryFn: () => api<Me>("GET", "/api/auth/me"), staleTime: 60_000 });
export const useMe = () => useQuery(meQuery);

/** Where a signed-in person lands: their first organisation, or the admin page for the hub admin. */
export function homePath(me: Me): string {
  const first = me.memberships?.[0];
  if (first) return `/orgs/${first.id}`;
  if (me.user?.isHubAdmin) return "/admin/organisations";
  return "/no-organisation";
}
