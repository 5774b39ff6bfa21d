import { html, raw } from "hono/html";
import { healthResponse, hubResponse, openApiResponse } from "../../../shared/schemas";
import type { Router } from "../../http/route";
import { errorFields } from "../../lib/logger";
import { renderApiDocs } from "./api-docs.html";
import { openApiDocument } from "./openapi";
import { holdsDemo, pingDatabase } from "./system.repo";

export const VERSION = "0.1.0";
/** How long the health check waits for the database before answering that it is busy. */
export const HEALTH_WAIT_MS = 500;

export function systemRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/health",
      response: healthResponse,
      tag: "System",
      scope: "public",
      summary: "Whether the hub and its database answer",
    },
    async (c) => {
      const started = performance.now();
      // The database may be busy with a long statement (a large upload being applied): the hub is
      // alive and says so within a second, rather than waiting with everyone else.
      const ping = pingDatabase(c.var.deps.db).then(
        () => "ok" as const,
        (err) => {
          c.var.log.error("health check failed", errorFields(err));
          return "unreachable" as const;
        },
      );
      const database = await Promise.race([
        ping,
        new Promise<"busy">((resolve) => setTimeout(() => resolve("busy"), HEALTH_WAIT_MS).unref()),
      ]);
      const body = {
        status: database === "unreachable" ? ("error" as const) : ("ok" as const),
        database,
        ms: Math.round(performance.now() - started),
        version: VERSION,
      };
      return c.json(body, database === "unreachable" ? 503 : 200);
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/hub",
      response: hubResponse,
      tag: "System",
      scope: "public",
      summary:
        "What this hub is: whether it holds the demonstration system (the sign-in page then says where its sign-ins are)",
    },
    async (c) => c.json({ demo: await holdsDemo(c.var.deps.db) }),
  );

  r.define(
    {
      method: "get",
      path: "/api/openapi.json",
      response: openApiResponse,
      tag: "System",
      scope: "public",
      summary: "This document",
    },
    (c) => c.json(openApiDocument(r.specs, VERSION)),
  );

  r.define(
    {
      method: "get",
      path: "/api/docs",
      tag: "System",
      scope: "public",
      summary: "A readable page of the API",
      produces: "text/html",
    },
    (c) => c.html(html`${raw(renderApiDocs(openApiDocument(r.specs, VERSION)))}`),
  );
}
