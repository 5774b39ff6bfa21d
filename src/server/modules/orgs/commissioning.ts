import type { Exec } from "../../db/client";
import { notFound } from "../../lib/errors";
import { commissions } from "./commissioning.repo";

export { commissions, commissionsOn, councilsOf, providersOf } from "./commissioning.repo";

/**
 * Throws not found (`what`, as the caller names the thing asked for) unless the council
 * commissions the provider on `at`: to a council, a provider it does not commission on that date
 * is not there, and to a provider, neither is such a council's return.
 */
export async function assertCommissions(
  db: Exec,
  councilId: string,
  providerId: string,
  at: string,
  what = "organisation",
) {
  if (!(await commissions(db, councilId, providerId, at))) throw notFound(what);
}
