import { z } from "zod";
import { workersQuery } from "../../../shared/schemas/social-work-service";

// The workers list's filters in the address (`?teamId=…&role=social_worker&routeIn=frontline&page=2`), so a filtered
// list can be linked and survives a reload. The API's own rules for each filter; a value they
// refuse (a stale or edited link) is dropped rather than shown as an error, as the staff list does.

export const swWorkersSearch = z.object({
  service: workersQuery.shape.service.catch(undefined),
  teamId: workersQuery.shape.teamId.catch(undefined),
  role: workersQuery.shape.role.catch(undefined),
  routeIn: workersQuery.shape.routeIn.catch(undefined),
  attention: workersQuery.shape.attention.catch(undefined),
  leavers: workersQuery.shape.leavers.catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type SwWorkersSearch = z.infer<typeof swWorkersSearch>;

/** Rows a page of the list shows: the API sends every worker the user may see, in one answer. */
export const WORKERS_PAGE_SIZE = 50;

/** The page `page` of `rows` (the last one when `page` is past the end) and how many pages there are. */
export function pageOf<T>(rows: T[], page: number | undefined, size = WORKERS_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page ?? 1), pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages };
}
