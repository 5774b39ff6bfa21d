import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lt, lte, notInArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Deps } from "../context";
import type { Exec } from "../db/client";
import { jobs, organisations } from "../db/schema";
import { AppError } from "../lib/errors";
import { errorFields } from "../lib/logger";

// The job queue (docs/adr/0012-jobs-leases-lanes.md). A job's kind declares its payload (a zod
// schema, checked when it is queued and again when it runs), its lane, how many attempts it gets
// and how long a worker may hold it without renewing its lease. A worker that dies leaves a
// lease that runs out; any worker then takes the job back, to run again after a backoff or, with
// its attempts used up, to fail it with a reason the user and the hub admin can read.

/** user: uploads, claimed on their own; periodic: reminders, email, clean-up, summaries. */
export type Lane = "user" | "periodic";
export const LANES: readonly Lane[] = ["user", "periodic"];

export type JobRow = typeof jobs.$inferSelect;

export interface JobType<P> {
  kind: string;
  lane: Lane;
  payload: z.ZodType<P>;
  maxAttempts: number;
  /** How long a worker holds a running job without renewing it. */
  leaseMs: number;
  /** The wait before the second attempt; doubled for each one after. */
  backoffMs: number;
  /** Periodic kinds: the wait after a run before the next. */
  everyMs?: number;
}

/** Declares a kind of job: the only way to queue one is with its type, so payloads are checked. */
export function jobType<P>(spec: {
  kind: string;
  payload: z.ZodType<P>;
  lane?: Lane;
  maxAttempts?: number;
  leaseMs?: number;
  backoffMs?: number;
  everyMs?: number;
}): JobType<P> {
  return { lane: "user", maxAttempts: 3, leaseMs: 60_000, backoffMs: 15_000, ...spec };
}

/** What a running job's code can do: report progress (which also renews the lease). */
export interface RunningJob {
  id: string;
  attempt: number;
  progress(pct: number): Promise<void>;
}

export interface JobHandler<P = any> {
  type: JobType<P>;
  run(deps: Deps, payload: P, job: RunningJob): Promise<unknown>;
  /**
   * Called once, when the job has failed for good: attempts used up (the worker died each time,
   * or the work kept failing), an error retrying cannot mend, or a stored payload that does not
   * parse (then `payload` is null).
   */
  onFailed?(deps: Deps, payload: P | null, reason: string, job: JobRow): Promise<void>;
  /** Whether an error is worth another attempt; by default all but the user's own mistakes (4xx other than 409). */
  retryable?(err: unknown): boolean;
}

export const handleJob = <P>(type: JobType<P>, h: Omit<JobHandler<P>, "type">): JobHandler<P> => ({ type, ...h });

export class JobPayloadError extends Error {
  constructor(kind: string, error: z.ZodError) {
    super(
      `The payload of a ${kind} job is not valid: ${error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")}`,
    );
    this.name = "JobPayloadError";
  }
}

/** Queues a job, refusing a payload its type does not accept. Pass a transaction to queue it with the change it belongs to. */
export async function enqueueJob<P>(
  ctx: { db: Exec; deps: Pick<Deps, "now"> },
  type: JobType<P>,
  payload: P,
  opts: { orgId?: string | null; runAt?: Date } = {},
): Promise<string> {
  const parsed = type.payload.safeParse(payload);
  if (!parsed.success) throw new JobPayloadError(type.kind, parsed.error);
  const [row] = await ctx.db
    .insert(jobs)
    .values({
      kind: type.kind,
      lane: type.lane,
      payload: parsed.data as Record<string, unknown>,
      orgId: opts.orgId ?? null,
      maxAttempts: type.maxAttempts,
      runAt: opts.runAt ?? ctx.deps.now(),
    })
    .returning({ id: jobs.id });
  return row.id;
}

/** Jobs this process is running now: it never takes back its own, whatever their lease says (PGlite cannot renew a lease during a long transaction). */
const running = new Set<string>();

const later = (deps: Deps, ms: number) => new Date(deps.now().getTime() + ms);
const backoff = (type: JobType<unknown>, attempt: number) =>
  Math.min(type.backoffMs * 2 ** Math.max(0, attempt - 1), 15 * 60_000);
const defaultRetryable = (err: unknown) =>
  !(err instanceof AppError && err.status >= 400 && err.status < 500 && err.status !== 409);

/** Words for the user: our own errors say what happened; anything else is ours, with the job as reference. */
function reasonOf(err: unknown, jobId: string) {
  if (err instanceof AppError) return err.message;
  if (err instanceof JobPayloadError) return `its details were not valid (reference ${jobId.slice(0, 8)})`;
  return `something went wrong on our side (reference ${jobId.slice(0, 8)})`;
}

function byKind(handlers: readonly JobHandler[]) {
  return new Map(handlers.map((h) => [h.type.kind, h]));
}

async function failForGood(deps: Deps, handler: JobHandler | undefined, job: JobRow, payload: unknown, reason: string) {
  try {
    await handler?.onFailed?.(deps, payload, reason, job);
  } catch (err) {
    deps.log.error("job failure handler failed", { jobId: job.id, kind: job.kind, ...errorFields(err) });
  }
}

/**
 * Takes back running jobs whose lease has run out (their worker died): queued again after a
 * backoff, or failed when their attempts are used up. Only kinds this worker knows, never the
 * jobs this process is running.
 */
export async function reclaimExpired(deps: Deps, handlers: readonly JobHandler[], lane?: Lane) {
  const known = byKind(handlers);
  if (!known.size) return 0;
  const now = deps.now();
  const taken = await deps.db.transaction(async (tx) => {
    const expired = await tx
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.status, "running"),
          lane ? eq(jobs.lane, lane) : undefined,
          inArray(jobs.kind, [...known.keys()]),
          or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, now)),
          running.size ? notInArray(jobs.id, [...running]) : undefined,
        ),
      )
      .limit(20)
      .for("update", { skipLocked: true });
    const out: { job: JobRow; failed: boolean }[] = [];
    for (const job of expired) {
      const type = (known.get(job.kind) as JobHandler).type;
      const failed = job.attempts >= job.maxAttempts;
      const reason = failed
        ? `the hub stopped while it was running, ${job.attempts} time${job.attempts === 1 ? "" : "s"}`
        : "interrupted: the hub stopped while it was running; it will be tried again";
      const [row] = await tx
        .update(jobs)
        .set(
          failed
            ? { status: "failed", error: reason, lockedBy: null, leaseUntil: null, finishedAt: now }
            : {
                status: "queued",
                error: reason,
                lockedBy: null,
                leaseUntil: null,
                runAt: later(deps, backoff(type, job.attempts)),
              },
        )
        .where(eq(jobs.id, job.id))
        .returning();
      out.push({ job: row, failed });
    }
    return out;
  });
  for (const { job, failed } of taken) {
    deps.log.warn("job lease expired", { jobId: job.id, kind: job.kind, attempts: job.attempts, failed });
    if (failed) {
      const handler = known.get(job.kind);
      const parsed = handler?.type.payload.safeParse(job.payload);
      await failForGood(deps, handler, job, parsed?.success ? parsed.data : null, job.error ?? "failed");
    }
  }
  return taken.length;
}

/** Claims the next due job of these kinds (one lane, or any): `FOR UPDATE SKIP LOCKED` lets several processes share one Postgres. */
async function claim(deps: Deps, known: Map<string, JobHandler>, opts: { lane?: Lane; id?: string }) {
  const token = randomUUID();
  return deps.db.transaction(async (tx) => {
    const [next] = await tx
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.status, "queued"),
          inArray(jobs.kind, [...known.keys()]),
          opts.id ? eq(jobs.id, opts.id) : lte(jobs.runAt, deps.now()),
          opts.lane ? eq(jobs.lane, opts.lane) : undefined,
        ),
      )
      .orderBy(asc(jobs.runAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return null;
    const lease = (known.get(next.kind) as JobHandler).type.leaseMs;
    const [claimed] = await tx
      .update(jobs)
      .set({
        status: "running",
        startedAt: deps.now(),
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: token,
        leaseUntil: later(deps, lease),
      })
      .where(eq(jobs.id, next.id))
      .returning();
    return claimed;
  });
}

/** Sets a running job's fields, if this worker still holds it (its lease may have been taken back). */
async function ifHeld(deps: Deps, job: JobRow, values: Partial<typeof jobs.$inferInsert>) {
  const rows = await deps.db
    .update(jobs)
    .set(values)
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, job.lockedBy as string)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** rethrow: the caller (a request) answers with the error; once: no further attempt after a failure. */
interface ExecuteOptions {
  rethrow?: boolean;
  once?: boolean;
}

async function execute(deps: Deps, handler: JobHandler | undefined, job: JobRow, opts: ExecuteOptions = {}) {
  const log = deps.log.child({ jobId: job.id, kind: job.kind });
  if (!handler) return; // claim only takes kinds it knows
  const type = handler.type;
  const parsed = type.payload.safeParse(job.payload);
  if (!parsed.success) {
    // A stored payload that does not parse will not parse next time either.
    const err = new JobPayloadError(job.kind, parsed.error);
    log.error("job payload not valid", errorFields(err));
    const reason = reasonOf(err, job.id);
    if (
      await ifHeld(deps, job, {
        status: "failed",
        error: reason,
        lockedBy: null,
        leaseUntil: null,
        finishedAt: deps.now(),
      })
    )
      await failForGood(deps, handler, job, null, reason);
    if (opts.rethrow) throw err;
    return;
  }
  running.add(job.id);
  const renew = () => ifHeld(deps, job, { leaseUntil: later(deps, type.leaseMs) });
  const heartbeat = setInterval(() => {
    renew().then(
      (held) => {
        if (!held) log.warn("job lease lost while running");
      },
      (err) => log.warn("job lease not renewed", errorFields(err)),
    );
  }, type.leaseMs / 3);
  heartbeat.unref?.();
  try {
    const progress = async (pct: number) => {
      await ifHeld(deps, job, { progress: Math.round(pct), leaseUntil: later(deps, type.leaseMs) });
    };
    const result = await handler.run(deps, parsed.data, { id: job.id, attempt: job.attempts, progress });
    const done = type.everyMs
      ? // A periodic job keeps one row: queued again for its next run.
        {
          status: "queued",
          attempts: 0,
          error: null,
          result: (result ?? null) as never,
          runAt: later(deps, type.everyMs),
          finishedAt: deps.now(),
        }
      : { status: "done", progress: 100, result: (result ?? null) as never, finishedAt: deps.now() };
    if (!(await ifHeld(deps, job, { ...done, lockedBy: null, leaseUntil: null })))
      log.warn("job finished after its lease was taken back");
  } catch (err) {
    const reason = reasonOf(err, job.id);
    const again = !opts.once && (handler.retryable ?? defaultRetryable)(err) && job.attempts < job.maxAttempts;
    log.error("job failed", { attempt: job.attempts, of: job.maxAttempts, willRetry: again, ...errorFields(err) });
    const values = again
      ? { status: "queued", error: reason, runAt: later(deps, backoff(type, job.attempts)) }
      : { status: "failed", error: reason, finishedAt: deps.now() };
    if ((await ifHeld(deps, job, { ...values, lockedBy: null, leaseUntil: null })) && !again)
      await failForGood(deps, handler, job, parsed.data, reason);
    if (opts.rethrow) throw err;
  } finally {
    clearInterval(heartbeat);
    running.delete(job.id);
  }
}

/** Takes back expired jobs, then runs the next due job of these kinds (in one lane, or any); false when there was none. */
export async function runOneJob(
  deps: Deps,
  handlers: readonly JobHandler[],
  opts: { lane?: Lane } = {},
): Promise<boolean> {
  const known = byKind(handlers);
  await reclaimExpired(deps, handlers, opts.lane);
  const job = await claim(deps, known, opts);
  if (!job) return false;
  await execute(deps, known.get(job.kind), job);
  return true;
}

/**
 * Runs one queued job now, whatever its run_at, holding its lease like any worker (an upload
 * checked while the browser waits: if the process dies, the lease runs out and a worker takes it
 * back). False if a worker has it already.
 */
export async function runJobNow(
  deps: Deps,
  handlers: readonly JobHandler[],
  id: string,
  opts: ExecuteOptions = {},
): Promise<boolean> {
  const known = byKind(handlers);
  const job = await claim(deps, known, { id });
  if (!job) return false;
  await execute(deps, known.get(job.kind), job, opts);
  return true;
}

/** A job's state for a page that polls it, and whether a worker is on it right now (running, lease current). */
export async function findJob(db: Exec, id: string | null, now: Date) {
  if (!id) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  if (!job) return null;
  return { ...job, alive: job.status === "running" && job.leaseUntil !== null && job.leaseUntil > now };
}

/** Cancels a job nobody is running (queued, or running with its lease run out); false if a worker holds it. */
export async function cancelJob(db: Exec, id: string, now: Date, reason: string) {
  const rows = await db
    .update(jobs)
    .set({ status: "cancelled", error: reason, lockedBy: null, leaseUntil: null, finishedAt: now })
    .where(
      and(
        eq(jobs.id, id),
        or(
          eq(jobs.status, "queued"),
          and(eq(jobs.status, "running"), or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, now))),
        ),
      ),
    )
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Jobs that failed for good, newest first, with their organisation's name, for the hub admin. */
export async function listFailedJobs(db: Exec, limit = 100) {
  const rows = await db
    .select({ job: jobs, orgName: organisations.name })
    .from(jobs)
    .leftJoin(organisations, eq(organisations.id, jobs.orgId))
    .where(eq(jobs.status, "failed"))
    .orderBy(desc(jobs.finishedAt))
    .limit(limit);
  return rows;
}

/** Finished jobs are kept this long (failed ones longer, for the hub admin), then deleted. */
export const JOBS_KEPT_DAYS = { finished: 30, failed: 90 };

/** Deletes jobs finished (done or cancelled) or failed long enough ago; periodic rows are never finished. */
export async function pruneFinishedJobs(deps: Pick<Deps, "db" | "now">) {
  const before = (days: number) => new Date(deps.now().getTime() - days * 86_400_000);
  const rows = await deps.db
    .delete(jobs)
    .where(
      or(
        and(inArray(jobs.status, ["done", "cancelled"]), lt(jobs.finishedAt, before(JOBS_KEPT_DAYS.finished))),
        and(eq(jobs.status, "failed"), lt(jobs.finishedAt, before(JOBS_KEPT_DAYS.failed))),
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

/** Makes sure every periodic kind has its one live row (a unique index keeps it to one across processes). */
export async function schedulePeriodic(deps: Deps, handlers: readonly JobHandler[]) {
  for (const h of handlers) {
    if (h.type.lane !== "periodic") continue;
    await deps.db.execute(sql`
      insert into jobs (kind, lane, payload, max_attempts, run_at)
      values (${h.type.kind}, 'periodic', '{}'::jsonb, ${h.type.maxAttempts}, ${deps.now()})
      on conflict (kind) where lane = 'periodic' and status in ('queued', 'running') do nothing`);
  }
}

/**
 * The worker: one loop per lane, each claiming only its own lane's jobs, so a slow periodic job
 * (a council's dashboards after a large upload) never delays an upload's check or commit.
 */
export function startWorker(
  deps: Deps,
  handlers: readonly JobHandler[],
  opts: { intervalMs?: number; scheduleEveryMs?: number } = {},
) {
  const intervalMs = opts.intervalMs ?? 2000;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  let scheduledAt = 0;
  const loop = async (lane: Lane) => {
    await sleep(100);
    while (!stopped) {
      try {
        if (lane === "periodic" && Date.now() - scheduledAt >= (opts.scheduleEveryMs ?? 30_000)) {
          await schedulePeriodic(deps, handlers);
          scheduledAt = Date.now();
        }
        while (!stopped && (await runOneJob(deps, handlers, { lane }))) {}
      } catch (err) {
        deps.log.error("worker tick failed", { lane, ...errorFields(err) });
      }
      if (!stopped) await sleep(intervalMs);
    }
  };
  const loops = LANES.filter((lane) => handlers.some((h) => h.type.lane === lane)).map(loop);
  return async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    // A job still running keeps its lease; if the process ends first, another worker takes it back.
    await Promise.race([Promise.all(loops), new Promise((r) => setTimeout(r, 50))]);
  };
}
