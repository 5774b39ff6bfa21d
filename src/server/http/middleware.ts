import { randomUUID } from "node:crypto";
import type { ErrorHandler, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Deps } from "../context";
import { AppError } from "../lib/errors";
import { errorFields } from "../lib/logger";
import { readSessionCookie } from "./cookies";
import type { AppEnv } from "./types";

type Vars = AppEnv["Variables"];

/**
 * Who a request's credentials name. The auth and tokens features answer (app.ts passes in
 * `sessionFromToken` and `tokenFromBearer`), so the middleware imports no feature.
 */
export interface Identify {
  session(
    deps: Deps,
    token: string,
  ): Promise<{ user: NonNullable<Vars["user"]>; session: NonNullable<Vars["session"]> } | null>;
  bearer(deps: Deps, token: string): Promise<Vars["apiToken"]>;
}

/** A request id (ours, or a proxy's if it looks sane) and one log line per request, without query strings. */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  const log = c.var.deps.log.child({ requestId });
  c.set("requestId", requestId);
  c.set("log", log);
  c.set("user", null);
  c.set("session", null);
  c.set("org", null);
  c.set("role", null);
  c.set("apiToken", null);
  const started = performance.now();
  await next();
  c.header("x-request-id", requestId);
  if (c.req.path.startsWith("/api/")) {
    log.info("request", {
      method: c.req.method,
      path: c.req.routePath ?? c.req.path, // the route pattern, so ids and tokens in paths stay out
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      userId: c.var.user?.id,
    });
  }
};

/**
 * API answers hold personal data (NI numbers, names, figures), so no browser or proxy may keep a
 * copy unless a route says it may (it sets its own Cache-Control, like the roadmap poster).
 */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has("cache-control")) c.header("cache-control", "no-store");
};

export const loadSession =
  (identify: Identify): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    // An API token (Authorization: Bearer hub_…) stands instead of a session: cookies are ignored.
    const bearer = /^Bearer\s+(hub_[\w-]+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    if (bearer) {
      const found = await identify.bearer(c.var.deps, bearer);
      if (!found)
        throw new AppError(
          401,
          "invalid_token",
          "This API token is not valid or has been revoked. Create a new one under Users › API tokens.",
        );
      c.set("apiToken", found);
      return next();
    }
    const token = readSessionCookie(c);
    if (token) {
      const found = await identify.session(c.var.deps, token);
      if (found) {
        c.set("user", found.user);
        c.set("session", found.session);
      }
    }
    await next();
  };

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site request forgery defence for cookie-authenticated writes:
 * 1. a cross-origin Origin header is refused;
 * 2. writes must be JSON, which a cross-site HTML form cannot send;
 * 3. with a session, the X-CSRF-Token header must match the session's token.
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!UNSAFE.has(c.req.method) || !c.req.path.startsWith("/api/")) return next();
  // A token in a header cannot be sent by another site, so token requests need no CSRF token.
  if (c.var.apiToken) return next();
  const origin = c.req.header("origin");
  if (origin && origin !== "null") {
    const allowed = new Set([new URL(c.req.url).origin, new URL(c.var.deps.env.PUBLIC_URL).origin]);
    const host = c.req.header("host");
    if (host) allowed.add(`http://${host}`).add(`https://${host}`);
    if (!allowed.has(origin)) throw new AppError(403, "csrf", "This request came from another site and was refused.");
  }
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/json") && !type.startsWith("multipart/form-data")) {
    throw new AppError(415, "unsupported_media_type", "Send the request as JSON (Content-Type: application/json).");
  }
  const session = c.var.session;
  if (session && c.req.header("x-csrf-token") !== session.csrfToken) {
    throw new AppError(
      403,
      "csrf",
      "Your session's security token is missing or out of date. Reload the page and try again.",
    );
  }
  return next();
};

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) {
    return c.json(
      { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } },
      err.status,
    );
  }
  if (err instanceof HTTPException) {
    return c.json(
      { error: { code: "http_error", message: err.message || "The request could not be handled." } },
      err.status,
    );
  }
  // Unexpected: log the name and message only (no stack, no SQL parameters), tell the user the request id.
  c.var.log?.error("unhandled error", errorFields(err));
  return c.json(
    {
      error: {
        code: "internal",
        message: `Something went wrong on our side. If it keeps happening, quote reference ${c.var.requestId}.`,
      },
    },
    500,
  );
};
