import { eq, inArray, lt, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { figureSummaries } from "../../db/schema";
import { sha256 } from "../../lib/crypto";

// Summaries (ADR 0009): figures the engine has worked out, kept so the next reader does not pay
// for them again. Exact by construction: a summary is the engine's own output, keyed by what it
// was computed over (the workplaces, the date, the kind of figure and its inputs), and used only
// while the data versions of the organisations in scope are the ones it was computed from.

/**
 * Bump when a figure's definition or a summary's shape changes: every summary made before is
 * then ignored (and overwritten when asked for again).
 */
export const SUMMARY_FORMAT = 4;

/** How long an unused summary is kept; the refresh job deletes older ones. */
export const SUMMARY_DAYS = 35;

/** What the figures over these workplaces rest on: each owning organisation's data version. */
export async function fingerprintOf(db: Exec, workplaceIds: string[]): Promise<string> {
  if (!workplaceIds.length) return "none";
  const result = await db.execute(sql`
    select coalesce(string_agg(w.org_id::text || ':' || coalesce(v.version, 0), ',' order by w.org_id), '') as f
    from (select distinct org_id from workplaces where id = any(${`{${workplaceIds.join(",")}}`}::uuid[])) w
    left join org_data_versions v on v.org_id = w.org_id`);
  return sha256((result.rows[0] as { f: string }).f);
}

/** A key for the set of workplaces (order does not matter). */
export const scopeKeyOf = (workplaceIds: string[]) => sha256([...workplaceIds].sort().join(","));

export interface Summaries {
  /**
   * The values named `names`: those summarised under the current fingerprint are read, the rest
   * are computed together by `compute` (given only the missing names) and stored.
   */
  read<T>(names: string[], compute: (missing: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>>;
  /** The values named `names` already summarised under the current fingerprint; nothing is computed. */
  peek<T>(names: string[]): Promise<Map<string, T>>;
}

/**
 * The summaries of one set of workplaces, its fingerprint read once for every kind of figure
 * read through it. The fingerprint is read before anything is computed, so a write racing with
 * the computation leaves a summary that is already out of date, never one that looks current
 * and is not.
 */
export async function summariesOf(db: Exec, workplaceIds: string[]): Promise<Summaries> {
  const scope = scopeKeyOf(workplaceIds);
  const fingerprint = await fingerprintOf(db, workplaceIds);
  const keyOf = (name: string) => sha256(`${SUMMARY_FORMAT}|${scope}|${name}`);
  async function peek<T>(names: string[]) {
    const keys = new Map(names.map((n) => [keyOf(n), n]));
    const found = keys.size
      ? await db
          .select({ key: figureSummaries.key, fingerprint: figureSummaries.fingerprint, value: figureSummaries.value })
          .from(figureSummaries)
          .where(inArray(figureSummaries.key, [...keys.keys()]))
      : [];
    const out = new Map<string, T>();
    for (const row of found) if (row.fingerprint === fingerprint) out.set(keys.get(row.key) as string, row.value as T);
    return out;
  }
  return {
    peek,
    async read<T>(names: string[], compute: (missing: string[]) => Promise<Map<string, T>>) {
      const out = await peek<T>(names);
      const missing = names.filter((n) => !out.has(n));
      if (!missing.length) return out;
      const computed = await compute(missing);
      const rows = missing
        .filter((n) => computed.has(n))
        .map((n) => ({ key: keyOf(n), fingerprint, value: computed.get(n) as T }));
      if (rows.length)
        await db
          .insert(figureSummaries)
          .values(rows)
          .onConflictDoUpdate({
            target: figureSummaries.key,
            set: { fingerprint: sql`excluded.fingerprint`, value: sql`excluded.value`, computedAt: sql`now()` },
          });
      for (const n of missing) if (computed.has(n)) out.set(n, computed.get(n) as T);
      return out;
    },
  };
}

/** Deletes summaries not computed for SUMMARY_DAYS days (they are made again when asked for). */
export async function pruneSummaries(db: Exec, now: Date) {
  const before = new Date(now.getTime() - SUMMARY_DAYS * 86_400_000);
  await db.delete(figureSummaries).where(lt(figureSummaries.computedAt, before));
}

/**
 * The latest value of a figure set the refresh job computes on a schedule (the whole hub's
 * headlines, ADR 0009): kept under its own key with the time it was computed, so a page shows
 * it at once, saying how old it is, rather than recomputing the country on a reader's request.
 */
export async function saveLatest<T>(db: Exec, name: string, value: T) {
  await db
    .insert(figureSummaries)
    .values({ key: `latest|${name}`, fingerprint: "latest", value })
    .onConflictDoUpdate({ target: figureSummaries.key, set: { value: sql`excluded.value`, computedAt: sql`now()` } });
}

export async function readLatest<T>(db: Exec, name: string): Promise<{ value: T; computedAt: Date } | null> {
  const [row] = await db
    .select({ value: figureSummaries.value, computedAt: figureSummaries.computedAt })
    .from(figureSummaries)
    .where(eq(figureSummaries.key, `latest|${name}`));
  return row ? { value: row.value as T, computedAt: row.computedAt } : null;
}
