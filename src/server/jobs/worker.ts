import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Deps } from "../context";
import { jobs } from "../db/schema";
import { errorFields } from "../lib/logger";

export type JobHandler = (deps: Deps, job: typeof jobs.$inferSelect, progress: (pct: number) => Promise<void>) => Promise<unknown>;

/** Queues a job for the worker loop. */
export async function enqueueJob(deps: Deps, kind: string, payload: Record<string, unknown>, orgId?: string) {
  const [row] = await deps.db.insert(jobs).values({ kind, payload, orgId, runAt: deps.now() }).returning({ id: jobs.id });
  return row.id;
}

/**
 * Claims the next due job. `FOR UPDATE SKIP LOCKED` lets several processes share one Postgres;
 * PGlite has one connection, where it is simply a lock.
 */
async function claim(deps: Deps) {
  return deps.db.transaction(async (tx) => {
    const [next] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.status, "queued"), lte(jobs.runAt, deps.now())))
      .orderBy(asc(jobs.runAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return null;
    const [claimed] = await tx
      .update(jobs)
      .set({ status: "running", startedAt: deps.now(), attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, next.id))
      .returning();
    return claimed;
  });
}

export async function runOneJob(deps: Deps, handlers: Record<string, JobHandler>): Promise<boolean> {
  const job = await claim(deps);
  if (!job) return false;
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const result = await handler(deps, job, async (pct) => {
      await deps.db
        .update(jobs)
        .set({ progress: Math.round(pct) })
        .where(eq(jobs.id, job.id));
    });
    await deps.db
      .update(jobs)
      .set({ status: "done", progress: 100, result: (result ?? null) as never, finishedAt: deps.now() })
      .where(eq(jobs.id, job.id));
  } catch (err) {
    deps.log.error("job failed", { jobId: job.id, kind: job.kind, ...errorFields(err) });
    await deps.db
      .update(jobs)
      .set({ status: "failed", error: (err as Error).message?.slice(0, 500) ?? "failed", finishedAt: deps.now() })
      .where(eq(jobs.id, job.id));
  }
  return true;
}

/** The worker loop: runs due jobs and periodic tasks until stopped. */
export function startWorker(deps: Deps, handlers: Record<string, JobHandler>, periodic: (() => Promise<unknown>)[], intervalMs = 2000) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      while (!stopped && (await runOneJob(deps, handlers))) {}
      for (const task of periodic) if (!stopped) await task();
    } catch (err) {
      deps.log.error("worker tick failed", errorFields(err));
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 100);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
