import type { Context, Hono } from "hono";
import type { z } from "zod";
import type { Permission } from "../../shared/permissions";
import { badRequest } from "../lib/errors";
import { BODY_LIMITS, limitBody } from "./body-limit";
import { requireHubAdmin, requireOrg, requireUser } from "./guards";
import { jsonTextProblem } from "./hostile-input";
import type { AppEnv } from "./types";

/**
 * Who may call a route:
 * - public: anyone; user: any signed-in user; hub_admin: the installation's admin;
 * - org: a member of the organisation in the URL (`/api/orgs/:orgId/...`) whose role has `permission`.
 */
export type Scope = "public" | "user" | "org" | "hub_admin";
type Method = "get" | "post" | "patch" | "put" | "delete";

export interface RouteSpec {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  scope: Scope;
  permission?: Permission;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Responds with something other than JSON (a file, a redirect). */
  produces?: string;
  /** Takes a multipart form rather than JSON: its fields, for the OpenAPI document. */
  form?: Record<string, { description: string; file?: boolean; many?: boolean }>;
  /** Honours an Idempotency-Key header (see http/idempotency.ts). */
  idempotent?: boolean;
  /** The most the request body may hold, in bytes; default BODY_LIMITS.json. */
  maxBody?: number;
}

type Input<S extends RouteSpec> = {
  body: S["body"] extends z.ZodType ? z.output<S["body"]> : undefined;
  query: S["query"] extends z.ZodType ? z.output<S["query"]> : undefined;
};

/** Registers routes on the app and keeps their specs for the OpenAPI document and the tenancy harness. */
export class Router {
  readonly specs: RouteSpec[] = [];
  constructor(readonly app: Hono<AppEnv>) {}

  define<const S extends RouteSpec>(spec: S, handler: (c: Context<AppEnv>, input: Input<S>) => Response | Promise<Response>) {
    if (spec.scope === "org" && !spec.permission) throw new Error(`${spec.method} ${spec.path}: org routes need a permission`);
    if (spec.scope === "org" && !spec.path.startsWith("/api/orgs/:orgId")) throw new Error(`${spec.path}: org routes live under /api/orgs/:orgId`);
    this.specs.push(spec);
    const guard = spec.scope === "org" ? requireOrg(spec.permission as Permission) : spec.scope === "hub_admin" ? requireHubAdmin : spec.scope === "user" ? requireUser : undefined;
    const run = async (c: Context<AppEnv>) => {
      const input = {
        body: spec.body ? parse(spec.body, await readJson(c), "body") : undefined,
        query: spec.query ? parse(spec.query, c.req.query(), "query") : undefined,
      } as Input<S>;
      return handler(c, input);
    };
    // The size limit comes first: an oversized body is refused before sign-in is even checked.
    const limit = limitBody(spec.maxBody ?? BODY_LIMITS.json, spec.form ? "The upload" : "The request");
    if (guard) this.app.on(spec.method.toUpperCase(), spec.path, limit, guard, run);
    else this.app.on(spec.method.toUpperCase(), spec.path, limit, run);
  }
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text().catch(() => {
    throw badRequest("invalid_json", "The request body could not be read. Send it again as JSON (Content-Type: application/json).");
  });
  // Checked on the text, before parsing: a NUL would fail in PostgreSQL, deep nesting in the parser.
  const problem = jsonTextProblem(text);
  if (problem) throw badRequest("invalid_json", problem);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("invalid_json", "The request body must be JSON (Content-Type: application/json).");
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join(".") || where, message: i.message }));
  throw badRequest("validation", issues[0]?.message ?? "The request is not valid.", issues);
}
