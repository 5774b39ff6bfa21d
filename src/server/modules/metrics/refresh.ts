import { and, eq, inArray, sql } from "drizzle-orm";
import { type Ctx, type Deps, systemActor } from "../../context";
import { organisations } from "../../db/schema";
import { errorFields } from "../../lib/logger";
import { isoDate } from "../../lib/time";
import { councilsOf } from "../orgs/commissioning";
import { councilDashboard } from "./dashboard.service";
import type { Figures } from "./engine";
import { nationalHeadlines } from "./metrics.service";
import { pruneSummaries, readLatest, saveLatest } from "./summaries";

// The job that keeps summaries warm (ADR 0009). A worker task, run every tick: it compares each
// organisation's data version with what it saw last time, and computes the dashboards of the
// councils whose figures changed (a council's own write, or one of the providers it
// commissions), as at today. Every council once a day, when the date moves on. The national
// headlines, which read the whole country, once a day.

interface Seen {
  day: string;
  versions: Map<string, number>;
}
const seenBy = new WeakMap<Deps, Seen>();

export async function refreshSummaries(deps: Deps, force = false) {
  const today = isoDate(deps.now());
  const rows = (await deps.db.execute(sql`select org_id, version from org_data_versions`)).rows as {
    org_id: string;
    version: number;
  }[];
  const versions = new Map(rows.map((r) => [r.org_id, Number(r.version)]));
  const seen = seenBy.get(deps);
  const everything = force || !seen || seen.day !== today;
  const changed = everything
    ? []
    : [...versions].filter(([org, v]) => seen.versions.get(org) !== v).map(([org]) => org);
  seenBy.set(deps, { day: today, versions });
  if (!everything && !changed.length) return { councils: 0 };

  const councils = await councilsToRefresh(deps, everything ? null : changed, today);
  const ctx = { db: deps.db, deps, actor: systemActor, log: deps.log };
  for (const council of councils) {
    try {
      await councilDashboard(
        {
          ...ctx,
          org: { id: council.id, kind: "council", name: council.name, slug: council.slug, isDemo: council.isDemo },
          role: null,
        },
        today,
      );
    } catch (err) {
      // One council's failure must not stop the others'; its dashboard is computed when read instead.
      deps.log.error("summary refresh failed", { orgId: council.id, ...errorFields(err) });
    }
  }
  // The whole country once a day (when the process starts, and when the date moves on).
  if (everything) {
    await refreshNationalHeadlines(ctx, today);
    await pruneSummaries(deps.db, deps.now());
  }
  return { councils: councils.length };
}

const NATIONAL = "national_headlines";

/** Works out the whole hub's headline figures as at a date and keeps them as the latest. */
export async function refreshNationalHeadlines(ctx: Ctx, at: string) {
  const figures = await nationalHeadlines(ctx, at);
  await saveLatest(ctx.db, NATIONAL, { at, figures });
  return figures;
}

/** The whole hub's headline figures as the daily job last computed them, with when; null before its first run. */
export async function latestNationalHeadlines(deps: Pick<Deps, "db">) {
  const latest = await readLatest<{ at: string; figures: Figures }>(deps.db, NATIONAL);
  return latest ? { ...latest.value, computedAt: latest.computedAt } : null;
}

/**
 * The councils whose dashboards rest on these organisations' records (every council when
 * `orgIds` is null): councils among them, and the councils commissioning the others.
 */
async function councilsToRefresh(deps: Deps, orgIds: string[] | null, today: string) {
  const isCouncil = eq(organisations.kind, "council");
  if (orgIds === null) return deps.db.select().from(organisations).where(isCouncil);
  const ids = [...orgIds, ...(await councilsOf(deps.db, orgIds, today))];
  return deps.db
    .select()
    .from(organisations)
    .where(and(isCouncil, inArray(organisations.id, ids)));
}
