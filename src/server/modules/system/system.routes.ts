import { sql } from "drizzle-orm";
import { html, raw } from "hono/html";
import type { Router } from "../../http/route";
import { errorFields } from "../../lib/logger";
import { renderApiDocs } from "./api-docs.html";
import { openApiDocument } from "./openapi";

export const VERSION = "0.1.0";

export function systemRoutes(r: Router) {
  r.define({ method: "get", path: "/api/health", tag: "System", scope: "public", summary: "Whether the hub and its database answer" }, async (c) => {
    const started = performance.now();
    try {
      await c.var.deps.db.execute(sql`select 1`);
      return c.json({ status: "ok", database: "ok", ms: Math.round(performance.now() - started), version: VERSION });
    } catch (err) {
      c.var.log.error("health check failed", errorFields(err));
      return c.json({ status: "error", database: "unreachable", version: VERSION }, 503);
    }
  });

  r.define({ method: "get", path: "/api/openapi.json", tag: "System", scope: "public", summary: "This document" }, (c) => c.json(openApiDocument(r.specs, VERSION)));

  r.define({ method: "get", path: "/api/docs", tag: "System", scope: "public", summary: "A readable page of the API", produces: "text/html" }, (c) =>
    c.html(html`${raw(renderApiDocs(openApiDocument(r.specs, VERSION)))}`),
  );
}
