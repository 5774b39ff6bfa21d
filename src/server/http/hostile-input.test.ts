import { describe, expect, it } from "vitest";
import { makeSystem, signedIn, testHub } from "../../../test/harness";
import { jsonTextProblem, MAX_JSON_DEPTH } from "./hostile-input";

const hub = await testHub();

describe("NUL characters (PostgreSQL cannot store them)", () => {
  it("finds a NUL escape or raw NUL in JSON text, but not an escaped backslash before u0000", () => {
    expect(jsonTextProblem('{"name":"a\\u0000b"}')).toContain("NUL");
    expect(jsonTextProblem('{"a\\u0000":1}')).toContain("NUL");
    expect(jsonTextProblem('{"name":"a\u0000b"}')).toContain("NUL");
    expect(jsonTextProblem('{"name":"a\\\\u0000b"}')).toBeNull(); // the text \u0000, not a NUL
    expect(jsonTextProblem('{"name":"a\\"\\\\\\u0000"}')).toContain("NUL");
    expect(jsonTextProblem('{"name":"[[[[","x":[1,{"y":2}]}')).toBeNull(); // brackets inside strings do not count
    expect(jsonTextProblem(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`)).toBeNull();
    expect(jsonTextProblem(`${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`)).toContain("nested");
  });

  it("answers 400 with a message, not 500, for a NUL in the JSON body, the query string or the path", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    const body = await admin.request("POST", `/api/orgs/${provider.id}/api-tokens`, {
      name: "Rota\u0000system",
      scope: "read",
    });
    expect(body.status).toBe(400);
    expect(body.json.error).toMatchObject({ code: "invalid_json" });
    expect(body.json.error.message).toContain("NUL");
    const query = await admin.get(`/api/orgs/${provider.id}/staff?q=ab%00cd`);
    expect(query.status).toBe(400);
    expect(query.json.error).toMatchObject({ code: "nul_character" });
    expect(query.json.error.message).toContain("query string");
    const path = await admin.get(`/api/public/workforce/some%00slug`);
    expect(path.status).toBe(400);
    expect(path.json.error.message).toContain("address");
    // The same requests without the NUL are fine.
    expect((await admin.get(`/api/orgs/${provider.id}/staff?q=abcd`)).status).toBe(200);
    expect(
      (await admin.request("POST", `/api/orgs/${provider.id}/api-tokens`, { name: "Rota system", scope: "read" }))
        .status,
    ).toBe(201);
  });

  it("refuses JSON nested deeper than any form needs, with a 400 and a message", async () => {
    const deep = `{"email":${"[".repeat(10_000)}${"]".repeat(10_000)},"password":"x"}`;
    const res = await hub.app.request("/api/auth/sign-in", {
      method: "POST",
      body: deep,
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.77" },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("nested");
  });
});

describe("Cache-Control on API answers", () => {
  it("is no-store on every API answer that does not say otherwise, errors included; the public roadmap poster stays cacheable", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    for (const path of [
      `/api/orgs/${provider.id}/staff`,
      `/api/orgs/${provider.id}`,
      "/api/auth/me",
      "/api/health",
      `/api/orgs/${provider.id}/nothing-here`,
    ]) {
      const res = await admin.get(path);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
    const anonymous = await hub.app.request(`/api/orgs/${provider.id}/staff`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    const poster = await hub.app.request("/api/public/careers/poster.pdf");
    expect(poster.status).toBe(200);
    expect(poster.headers.get("cache-control")).toBe("public, max-age=3600");
    expect((await hub.app.request("/api/docs")).status).toBe(200);
  });
});
