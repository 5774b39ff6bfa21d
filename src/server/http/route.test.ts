import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../lib/errors";
import { Router } from "./route";
import type { AppEnv } from "./types";

// The router checks answers against their response schema when asked to (the app asks in tests):
// a presenter that drifts from the schema the OpenAPI document shows fails a test, not a client.

const answer = z.object({ id: z.string(), count: z.number(), tags: z.array(z.object({ name: z.string() })) });

function appAnswering(body: unknown, checkResponses = true) {
  const app = new Hono<AppEnv>();
  app.onError((err, c) =>
    err instanceof AppError
      ? c.json({ error: { code: err.code, message: err.message } }, err.status)
      : c.json({ error: { code: "internal" } }, 500),
  );
  const router = new Router(app, { checkResponses });
  // The compiler would refuse these handlers' answers; the cast stands for a presenter typed loosely (any, unknown).
  router.define(
    { method: "get", path: "/api/thing", tag: "Test", scope: "public", summary: "A thing", response: answer },
    (c) => c.json(body as z.input<typeof answer>),
  );
  return app;
}

describe("response schemas", () => {
  it("lets an answer that matches its schema through unchanged", async () => {
    const res = await appAnswering({ id: "a", count: 2, tags: [{ name: "x" }] }).request("/api/thing");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: "a", count: 2, tags: [{ name: "x" }] });
  });

  it("fails an answer of the wrong shape, naming the route and the field", async () => {
    const res = await appAnswering({ id: "a", count: "2", tags: [] }).request("/api/thing");
    expect(res.status).toBe(500);
    const { error } = await res.json();
    expect(error.code).toBe("response_schema");
    expect(error.message).toContain("GET /api/thing answered outside its response schema");
    expect(error.message).toContain("count");
  });

  it("fails an answer carrying fields the schema does not declare, at any depth", async () => {
    const res = await appAnswering({
      id: "a",
      count: 2,
      tags: [{ name: "x", secret: "s" }],
      passwordHash: "h",
    }).request("/api/thing");
    expect(res.status).toBe(500);
    const { error } = await res.json();
    expect(error.message).toContain(".tags[0].secret");
    expect(error.message).toContain(".passwordHash");
  });

  it("does not check outside tests", async () => {
    const res = await appAnswering({ id: "a", count: "2" }, false).request("/api/thing");
    expect(res.status).toBe(200);
  });

  it("refuses a route that declares neither a response schema nor what it produces", () => {
    const router = new Router(new Hono<AppEnv>());
    expect(() =>
      router.define({ method: "get", path: "/api/nothing", tag: "Test", scope: "public", summary: "Nothing" }, (c) =>
        c.body(null),
      ),
    ).toThrow("declare either a response schema or what it produces");
  });
});
