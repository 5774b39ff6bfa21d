import { eq } from "drizzle-orm";
import { type Deps, systemActor } from "../../context";
import { organisations } from "../../db/schema";
import { errorFields } from "../../lib/logger";
import { isoDate } from "../../lib/time";
import { councilDashboard } from "./dashboard.service";
import { nationalHeadlines } from "./metrics.service";
import { pruneSummaries } from "./summaries";

// The job that keeps summaries warm (ADR 0009): every council's dashboard as at today and the
// national headline figures are worked out ahead of their readers. Only what changed since is
// computed (summaries are checked against the data versions), so a quiet run is cheap.

/** How often the worker refreshes at most. */
export const REFRESH_EVERY_MS = 10 * 60_000;
let lastRun = 0;

export async function refreshSummaries(deps: Deps, force = false) {
  if (!force && Date.now() - lastRun < REFRESH_EVERY_MS) return { councils: 0 };
  lastRun = Date.now();
  const ctx = { db: deps.db, deps, actor: systemActor, log: deps.log };
  const today = isoDate(deps.now());
  const councils = await deps.db.select().from(organisations).where(eq(organisations.kind, "council"));
  for (const council of councils) {
    try {
      await councilDashboard({ ...ctx, org: { id: council.id, kind: "council", name: council.name, slug: council.slug, isDemo: council.isDemo }, role: null }, today);
    } catch (err) {
      // One council's failure must not stop the others' refresh; it is computed when read instead.
      deps.log.error("summary refresh failed", { orgId: council.id, ...errorFields(err) });
    }
  }
  await nationalHeadlines(ctx, today);
  await pruneSummaries(deps.db, deps.now());
  return { councils: councils.length };
}
