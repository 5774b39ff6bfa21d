import { z } from "zod";
import { ORG_KINDS } from "../../../shared/permissions";
import { kindsText } from "../../http/guards";
import type { RouteSpec } from "../../http/route";

const ERROR = {
  description: "An error: { error: { code, message, issues? } }",
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              issues: {
                type: "array",
                items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
              },
            },
          },
        },
      },
    },
  },
};

const SCOPE_TEXT: Record<RouteSpec["scope"], string> = {
  public: "No sign-in needed.",
  user: "Any signed-in user.",
  hub_admin: "The hub administrator only.",
  org: "A member of the organisation",
};

function formSchema(form: NonNullable<RouteSpec["form"]>) {
  const properties: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(form)) {
    const one = f.file ? { type: "string", contentMediaType: "application/octet-stream" } : { type: "string" };
    properties[name] = f.many
      ? { type: "array", items: one, description: f.description }
      : { ...one, description: f.description };
  }
  return { type: "object", properties };
}

/** The OpenAPI 3.1 document, generated from the routes' own zod schemas. */
export function openApiDocument(specs: RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const s of specs) {
    const path = s.path.replace(/:(\w+)/g, "{$1}");
    const parameters: unknown[] = [...s.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: m[1].endsWith("Id") ? { type: "string", format: "uuid" } : { type: "string" },
    }));
    if (s.query) {
      const q = z.toJSONSchema(s.query, { io: "input", unrepresentable: "any" }) as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema });
      }
    }
    if (s.idempotent)
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description:
          "Any unique string up to 200 characters. A retry with the same key and request gets the first response again instead of repeating the write.",
        schema: { type: "string", maxLength: 200 },
      });
    const kinds = s.orgKinds
      ? ` For ${kindsText(s.orgKinds)} only; other kinds of organisation get 403 wrong_org_kind.`
      : "";
    const access =
      s.scope === "org"
        ? `${SCOPE_TEXT.org} whose role has the permission \`${s.permission}\`.${kinds}`
        : SCOPE_TEXT[s.scope];
    paths[path] ??= {};
    paths[path][s.method] = {
      summary: s.summary,
      description: `Access: ${access}${s.method !== "get" && s.scope !== "public" ? " Cookie-authenticated writes send the session's token in the X-CSRF-Token header." : ""}`,
      tags: [s.tag],
      operationId: `${s.method}${path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ""))}`,
      ...(parameters.length ? { parameters } : {}),
      ...(s.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: z.toJSONSchema(s.body, { io: "input", unrepresentable: "any" }) },
              },
            },
          }
        : {}),
      ...(s.form
        ? { requestBody: { required: true, content: { "multipart/form-data": { schema: formSchema(s.form) } } } }
        : {}),
      ...(s.scope !== "public"
        ? { security: s.scope === "org" ? [{ session: [] }, { token: [] }] : [{ session: [] }] }
        : {}),
      ...(s.permission ? { "x-permission": s.permission } : {}),
      ...(s.scope === "org" ? { "x-org-kinds": [...(s.orgKinds ?? ORG_KINDS)] } : {}),
      responses: {
        // 200, or 201 when something is created (202 while the job worker does it).
        "2XX": {
          description: "Success",
          content: s.response
            ? { "application/json": { schema: z.toJSONSchema(s.response, { io: "output", unrepresentable: "any" }) } }
            : Object.fromEntries(
                [s.produces ?? []]
                  .flat()
                  .map((type) => [
                    type,
                    { schema: type.startsWith("text/") ? { type: "string" } : { type: "string", format: "binary" } },
                  ]),
              ),
        },
        "400": ERROR,
        ...(s.scope !== "public" ? { "401": ERROR, "403": ERROR } : {}),
        ...(s.scope === "org" ? { "404": ERROR } : {}),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Care Workforce Hub API",
      version,
      description:
        "The hub's JSON API. Organisation-scoped routes live under /api/orgs/{orgId}; the organisation is resolved from the URL and your membership. Errors always have the shape { error: { code, message, issues? } }.",
    },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "hub_session" },
        token: {
          type: "http",
          scheme: "bearer",
          description: "An organisation's API token (hub_…), read or write scope, for organisation routes only",
        },
      },
    },
    paths,
  };
}
