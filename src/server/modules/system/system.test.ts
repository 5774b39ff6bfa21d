import { describe, expect, it } from "vitest";
import { Client, testHub } from "../../../../test/harness";

const hub = await testHub();

describe("system endpoints", () => {
  it("reports health with a database check", async () => {
    const res = await new Client(hub).get("/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "ok", database: "ok" });
  });

  it("publishes an OpenAPI 3.1 document with every route and its input schema", async () => {
    const doc = (await new Client(hub).get("/api/openapi.json")).json;
    expect(doc.openapi).toBe("3.1.0");
    for (const spec of hub.router.specs) {
      const op = doc.paths[spec.path.replace(/:(\w+)/g, "{$1}")]?.[spec.method];
      expect(op, `${spec.method} ${spec.path}`).toBeDefined();
      if (spec.body) expect(op.requestBody.content["application/json"].schema.type).toBe("object");
      if (spec.permission) expect(op["x-permission"]).toBe(spec.permission);
      if (spec.idempotent) expect(op.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    }
    const upload = doc.paths["/api/orgs/{orgId}/imports"].post;
    expect(Object.keys(upload.requestBody.content["multipart/form-data"].schema.properties)).toEqual(["files", "asAt"]);
    expect(upload.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    const signIn = doc.paths["/api/auth/sign-in"].post.requestBody.content["application/json"].schema;
    expect(signIn.required).toEqual(expect.arrayContaining(["email", "password"]));
    const html = await new Client(hub).get("/api/docs");
    expect(html.text).toContain("<h1>Care Workforce Hub API</h1>");
    expect(html.text).toContain("/api/orgs/{orgId}/invitations");
  });

  it("answers an unknown API address with a JSON 404 and the one error shape", async () => {
    const res = await new Client(hub).get("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: "not_found" });
  });
});
