import { useQuery } from "@tanstack/react-query";
import { authQueries, type Me } from "../queries/auth";

export type { Me, Membership } from "../queries/auth";

export const useMe = () => useQuery(authQueries.me());

/** Where a signed-in person lands: their first organisation, or the admin page for the hub admin. */
export function homePath(me: Me): string {
  const first = me.memberships?.[0];
  if (first) return `/orgs/${first.id}`;
  if (me.user?.isHubAdmin) return "/admin/organisations";
  return "/no-organisation";
}
