import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type OrgHome, orgQueries } from "../queries/orgs";

/** The organisation route (`/orgs/$orgId`): every organisation page is its child and takes the id from it. */
export const orgRoute = getRouteApi("/orgs/$orgId");
// Annotated: the route tree's type includes the pages that call this, so inference would go round in a circle.
export const useOrgId = (): string => orgRoute.useParams().orgId;

/** The organisation in the address, as the signed-in person sees it (their role and permissions). */
export const useOrg = (orgId: string) => useQuery(orgQueries.home(orgId));

/** The organisation of the page being shown, and its id. */
export function useCurrentOrg(): { orgId: string; org: UseQueryResult<OrgHome> } {
  const orgId = useOrgId();
  return { orgId, org: useOrg(orgId) };
}

/** The organisation's workplaces as select options (by id, or by reference for ASC-WDS rows). */
export function useWorkplaceOptions(orgId: string, by: "id" | "localRef" = "id", emptyLabel = "Choose a workplace") {
  const places = useQuery(orgQueries.workplaces(orgId));
  return [
    { value: "", label: emptyLabel },
    ...(places.data?.workplaces ?? []).map((w) => ({ value: w[by], label: w.name })),
  ];
}

// Re-exported so pages keep one import for "the organisation".
export type { OrgHome } from "../queries/orgs";
