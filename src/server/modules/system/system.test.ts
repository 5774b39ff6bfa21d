import { describe, expect, it } from "vitest";
import { Client, testHub, uniq } from "../../../../test/harness";
import { createOrganisation } from "../orgs/orgs.service";

const hub = await testHub();

describe("system endpoints", () => {
  it("reports health with a database check", async () => {
    const res = await new Client(hub).get("/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "ok", database: "ok" });
  });

  it("says, before anyone signs in, when the hub holds the demonstration system", async () => {
    await createOrganisation(hub.ctx, { kind: "council", name: `Demo council ${uniq()}`, isDemo: true });
    const res = await new Client(hub).get("/api/hub");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ demo: true });
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

  it("describes every operation's success answer: a JSON schema, or the file type it sends", async () => {
    const doc = (await new Client(hub).get("/api/openapi.json")).json;
    const operations = Object.entries(
      doc.paths as Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
      >,
    ).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method} ${path}`, op })));
    expect(operations.length).toBe(hub.router.specs.length);
    const undescribed = operations.filter(({ op }) => {
      const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
      return !success.some(([, r]) =>
        Object.values(r.content ?? {}).some((c) => c.schema && Object.keys(c.schema).length > 0),
      );
    });
    expect(
      undescribed.map((o) => o.route),
      "operations without a success schema",
    ).toEqual([]);
    const json = operations.filter(({ op }) => op.responses["2XX"].content?.["application/json"]);
    expect(json.length).toBeGreaterThan(60);
    // A real schema, not an empty one: the organisation's page names its fields.
    const home = doc.paths["/api/orgs/{orgId}"].get.responses["2XX"].content["application/json"].schema;
    expect(home.required).toEqual(expect.arrayContaining(["id", "kind", "role", "permissions", "summary"]));
    const poster = doc.paths["/api/public/careers/poster.pdf"].get.responses["2XX"].content;
    expect(Object.keys(poster)).toEqual(["application/pdf"]);
    const report = doc.paths["/api/orgs/{orgId}/imports/{importId}/report"].get.responses["2XX"].content;
    expect(Object.keys(report)).toEqual([
      "text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
  });

  it("shows the kinds of organisation each organisation route serves", async () => {
    const doc = (await new Client(hub).get("/api/openapi.json")).json;
    const periods = doc.paths["/api/orgs/{orgId}/return-periods"].get;
    expect(periods["x-org-kinds"]).toEqual(["council"]);
    expect(periods.description).toContain("For councils only");
    expect(doc.paths["/api/orgs/{orgId}/returns/{periodId}/submit"].post["x-org-kinds"]).toEqual([
      "provider",
      "training_partner",
      "nhs_partner",
    ]);
    expect(doc.paths["/api/orgs/{orgId}/staff"].get["x-org-kinds"]).toEqual([
      "council",
      "provider",
      "training_partner",
      "nhs_partner",
    ]);
    expect(doc.paths["/api/health"].get["x-org-kinds"]).toBeUndefined();
  });

  it("answers an unknown API address with a JSON 404 and the one error shape", async () => {
    const res = await new Client(hub).get("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: "not_found" });
  });
});
