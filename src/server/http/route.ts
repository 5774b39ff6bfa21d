import { isDeepStrictEqual } from "node:util";
import type { Context, Hono, TypedResponse } from "hono";
import { z } from "zod";
import type { OrgKind, Permission } from "../../shared/permissions";
import { AppError, badRequest } from "../lib/errors";
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
  /** The kinds of organisation an org route serves (default: every kind); other kinds get 403 wrong_org_kind. */
  orgKinds?: readonly OrgKind[];
  body?: z.ZodType;
  query?: z.ZodType;
  /**
   * The success answer's JSON (a schema from src/shared/schemas): the handler's c.json(...) must
   * have its type (checked by the compiler), and in tests every answer is checked against it.
   */
  response?: z.ZodType;
  /** Responds with something other than JSON (a file, a page): its content type(s), instead of a response schema. */
  produces?: string | readonly string[];
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

/** What a handler answers: with a response schema, JSON of that schema's type (c.json(...) carries its type). */
type Reply<S extends RouteSpec> = S["response"] extends z.ZodType
  ? Response & TypedResponse<z.input<S["response"]>>
  : Response;

export interface RouterOptions {
  /** Check every JSON success answer against the route's response schema (tests: a presenter that drifts fails). */
  checkResponses?: boolean;
}

/** Registers routes on the app and keeps their specs for the OpenAPI document and the tenancy harness. */
export class Router {
  readonly specs: RouteSpec[] = [];
  constructor(
    readonly app: Hono<AppEnv>,
    readonly options: RouterOptions = {},
  ) {}

  define<const S extends RouteSpec>(
    spec: S,
    handler: (c: Context<AppEnv>, input: Input<S>) => Reply<S> | Promise<Reply<S>>,
  ) {
    if (spec.scope === "org" && !spec.permission)
      throw new Error(`${spec.method} ${spec.path}: org routes need a permission`);
    if (spec.scope === "org" && !spec.path.startsWith("/api/orgs/:orgId"))
      throw new Error(`${spec.path}: org routes live under /api/orgs/:orgId`);
    if (spec.orgKinds && spec.scope !== "org")
      throw new Error(`${spec.method} ${spec.path}: only org routes serve kinds of organisation`);
    if (!spec.response === !spec.produces)
      throw new Error(`${spec.method} ${spec.path}: declare either a response schema or what it produces`);
    this.specs.push(spec);
    const guard =
      spec.scope === "org"
        ? requireOrg(spec.permission as Permission, spec.orgKinds)
        : spec.scope === "hub_admin"
          ? requireHubAdmin
          : spec.scope === "user"
            ? requireUser
            : undefined;
    const check = this.options.checkResponses && spec.response;
    const run = async (c: Context<AppEnv>) => {
      const input = {
        body: spec.body ? parse(spec.body, await readJson(c), "body") : undefined,
        query: spec.query ? parse(spec.query, c.req.query(), "query") : undefined,
      } as Input<S>;
      const res = await handler(c, input);
      if (check) await checkResponse(spec, check, res);
      return res;
    };
    // The size limit comes first: an oversized body is refused before sign-in is even checked.
    const limit = limitBody(spec.maxBody ?? BODY_LIMITS.json, spec.form ? "The upload" : "The request");
    if (guard) this.app.on(spec.method.toUpperCase(), spec.path, limit, guard, run);
    else this.app.on(spec.method.toUpperCase(), spec.path, limit, run);
  }
}

/**
 * A JSON success answer must parse with the route's schema and hold nothing the schema does not
 * declare (parsing drops undeclared fields, so the parsed answer would differ). Used in tests.
 */
async function checkResponse(spec: RouteSpec, schema: z.ZodType, res: Response) {
  if (!res.ok || !res.headers.get("content-type")?.includes("application/json")) return;
  const body = await res.clone().json();
  const where = `${spec.method.toUpperCase()} ${spec.path} answered outside its response schema`;
  const result = schema.safeParse(body);
  if (!result.success) throw new AppError(500, "response_schema", `${where}: ${z.prettifyError(result.error)}`);
  if (!isDeepStrictEqual(result.data, body))
    throw new AppError(
      500,
      "response_schema",
      `${where}: it holds fields the schema does not declare (${undeclared(body, result.data).join(", ")})`,
    );
}

/** The paths of fields in `sent` that `declared` lacks. */
function undeclared(sent: unknown, declared: unknown, path = ""): string[] {
  if (Array.isArray(sent) && Array.isArray(declared))
    return sent.flatMap((v, i) => undeclared(v, declared[i], `${path}[${i}]`)).slice(0, 5);
  if (sent && typeof sent === "object" && declared && typeof declared === "object") {
    return Object.entries(sent).flatMap(([k, v]) =>
      k in declared ? undeclared(v, (declared as Record<string, unknown>)[k], `${path}.${k}`) : [`${path}.${k}`],
    );
  }
  return [];
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text().catch(() => {
    throw badRequest(
      "invalid_json",
      "The request body could not be read. Send it again as JSON (Content-Type: application/json).",
    );
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
