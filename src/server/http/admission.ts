import type { MiddlewareHandler } from "hono";
import { AppError } from "../lib/errors";
import type { AppEnv } from "./types";

/**
 * Admission control: how many requests the hub works on at once, and how it says no when it has
 * too many. Past its capacity a server that takes every request makes every one of them slow, the
 * health check and sign-in included, until they all time out. Here requests queue in lanes with a
 * limit each; a request that would wait too long, or find the queue full, gets a quick 503 with
 * Retry-After, and the health check and sign-in have lanes of their own that page reads cannot
 * fill. See ADR 0013.
 */
export interface LaneLimits {
  /** Requests worked on at once. */
  concurrent: number;
  /** Requests waiting; one more is refused at once. */
  queue: number;
  /** The longest a request may wait for its turn before it is refused. */
  waitMs: number;
}

export class Lane {
  private active = 0;
  private waiting: { admit: () => void; refuse: () => void; timer: NodeJS.Timeout }[] = [];
  shed = 0;
  constructor(
    readonly name: string,
    private limits: LaneLimits,
  ) {}

  /** Resolves when the request may go on (call the returned release when done); rejects when refused. */
  enter(): Promise<() => void> {
    const release = () => {
      this.active--;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.admit();
      }
    };
    if (this.active < this.limits.concurrent) {
      this.active++;
      return Promise.resolve(release);
    }
    if (this.waiting.length >= this.limits.queue) {
      this.shed++;
      return Promise.reject(busy());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        admit: () => {
          this.active++;
          resolve(release);
        },
        refuse: () => {
          this.shed++;
          reject(busy());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          entry.refuse();
        }, this.limits.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  get load() {
    return { active: this.active, waiting: this.waiting.length, shed: this.shed };
  }
}

const busy = () => new AppError(503, "busy", "The hub is busy right now. Wait a few seconds and try again.");

export interface AdmissionLimits {
  api: LaneLimits;
  auth: LaneLimits;
  /**
   * When the event loop runs this late, new requests are refused at once: the thread is already
   * doing more than it can, and each request admitted would make the health check and every
   * request already admitted later still.
   */
  maxLagMs: number;
}

/** How late the event loop runs: a timer that should fire every 100 ms notes how late it fired. */
function lagMonitor(everyMs = 100) {
  let lag = 0;
  let expected = performance.now() + everyMs;
  const timer = setInterval(() => {
    const now = performance.now();
    // The newest reading counts most, but one late tick does not close the doors on its own.
    lag = 0.5 * lag + 0.5 * Math.max(0, now - expected);
    expected = now + everyMs;
  }, everyMs);
  timer.unref();
  return () => lag;
}

export const DEFAULT_ADMISSION: AdmissionLimits = {
  // Enough at once to keep both the database and the event loop busy, few enough that each
  // request gets its share; a queue that drains in about the wait.
  api: { concurrent: 4, queue: 32, waitMs: 2000 },
  // Sign-in, sign-out, resets: password hashing is slow by design, so it has a lane of its own.
  auth: { concurrent: 4, queue: 50, waitMs: 5000 },
  maxLagMs: 1000,
};

/** The lanes, by path: the health check is never queued; the web client's files are served from memory. */
export function admission(limits: AdmissionLimits = DEFAULT_ADMISSION) {
  const lanes = { api: new Lane("api", limits.api), auth: new Lane("auth", limits.auth) };
  const lag = lagMonitor();
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const path = c.req.path;
    if (!path.startsWith("/api/") || path === "/api/health") return next();
    // Signing in, out and resetting (writes under /api/auth) go in their own lane; reading who
    // is signed in (GET /api/auth/me, on every page) is an ordinary request.
    const lane = c.req.method !== "GET" && path.startsWith("/api/auth/") ? lanes.auth : lanes.api;
    let release: () => void;
    try {
      if (lag() > limits.maxLagMs) {
        lane.shed++;
        throw busy();
      }
      release = await lane.enter();
    } catch (err) {
      c.header("retry-after", "5");
      throw err;
    }
    try {
      await next();
    } finally {
      release();
    }
  };
  return { middleware, lanes };
}
