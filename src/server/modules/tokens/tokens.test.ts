import { readFileSync } from "node:fs";
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import { apiTokens, staffRecords } from "../../db/schema";

const hub = await testHub();
const FIX = new URL("../../../../test/fixtures/ascwds/", import.meta.url).pathname;

/** The fixture CSV's rows as JSON objects keyed by column name, as an HR system would send them. */
function recordsOf(file: string) {
  const [header, ...rows] = readFileSync(FIX + file, "utf8")
    .trim()
    .split(/\r?\n/);
  const cols = header.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i], v])));
}

async function setup() {
  const org = await makeOrg(hub, "provider");
  const admin = await makeUser(hub, org, "provider_admin");
  const client = await signedIn(hub, admin.email);
  const write = (await client.post(`/api/orgs/${org.id}/api-tokens`, { name: "Rota system", scope: "write" })).json;
  const read = (await client.post(`/api/orgs/${org.id}/api-tokens`, { name: "BI reader", scope: "read" })).json;
  const bearer = (secret: string) => new Client(hub, { authorization: `Bearer ${secret}` });
  return { org, admin, client, write, read, bearer };
}

describe("API tokens for HR and rostering systems", () => {
  it("shows the secret once and stores only its hash", async () => {
    const { org, client, write } = await setup();
    expect(write.secret).toMatch(/^hub_[\w-]{30,}$/);
    expect(write.token).toMatchObject({ name: "Rota system", scope: "write", prefix: write.secret.slice(0, 12) });
    const list = await client.get(`/api/orgs/${org.id}/api-tokens`);
    expect(JSON.stringify(list.json)).not.toContain(write.secret);
    const stored = JSON.stringify(await hub.deps.db.select().from(apiTokens).where(eq(apiTokens.orgId, org.id)));
    expect(stored).not.toContain(write.secret);
  });

  it("a write token creates workplaces and staff from JSON, all or nothing, and a retried request with the same Idempotency-Key is not applied twice", async () => {
    const { org, admin, write, bearer } = await setup();
    const api = bearer(write.secret);
    const places = await api.post(`/api/orgs/${org.id}/records/workplaces`, {
      asAt: "2026-06-30",
      records: recordsOf("valid-workplace.csv"),
    });
    expect(places.status).toBe(200);
    expect(places.json.applied).toMatchObject({ workplacesNew: 2 });

    const body = { asAt: "2026-06-30", records: recordsOf("valid-staff.csv") };
    const first = await api.post(`/api/orgs/${org.id}/records/staff`, body, { "idempotency-key": "batch-42" });
    expect(first.json.applied).toMatchObject({ staffNew: 4 });
    const retry = await api.post(`/api/orgs/${org.id}/records/staff`, body, { "idempotency-key": "batch-42" });
    expect(retry.headers.get("idempotent-replay")).toBe("true");
    expect(retry.json).toEqual(first.json);
    const reused = await api.post(
      `/api/orgs/${org.id}/records/staff`,
      { ...body, asAt: "2026-06-29" },
      { "idempotency-key": "batch-42" },
    );
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe("idempotency_key_reused");
    expect(
      (await hub.deps.db.select({ n: count() }).from(staffRecords).where(eq(staffRecords.orgId, org.id)))[0].n,
    ).toBe(4);

    // A misspelt column is refused, not ignored.
    const misspelt = await api.post(`/api/orgs/${org.id}/records/staff`, {
      records: [{ ...body.records[0], UNIQUEWORKERID: "NEW0", GENDR: "2" }],
    });
    expect(misspelt.status).toBe(400);
    expect(misspelt.json.error).toMatchObject({ code: "unknown_columns", issues: [{ path: "GENDR" }] });

    const bad = await api.post(`/api/orgs/${org.id}/records/staff`, {
      records: [{ ...body.records[0], UNIQUEWORKERID: "NEW1", GENDER: "9" }],
    });
    expect(bad.status).toBe(422);
    expect(bad.json.problems[0]).toMatchObject({ column: "GENDER", code: "staff.GENDER.code", record: 1 });
    expect(
      (await hub.deps.db.select({ n: count() }).from(staffRecords).where(eq(staffRecords.orgId, org.id)))[0].n,
    ).toBe(4);

    // The audit trail names the person who created the token.
    // One entry per workplace lists the records an upload created.
    const [created] = await hub.deps.db
      .select({ id: staffRecords.id })
      .from(staffRecords)
      .where(and(eq(staffRecords.orgId, org.id), eq(staffRecords.localRef, body.records[0].UNIQUEWORKERID)));
    const [entry] = (
      await hub.deps.db.execute(
        sql`select user_id from audit_log where org_id = ${org.id} and entity_type = 'staff_record' and action = 'create' and after->'staffRecordIds' @> ${JSON.stringify([created.id])}::jsonb`,
      )
    ).rows as { user_id: string }[];
    expect(entry.user_id).toBe(admin.id);
  });

  it("a read token can read but not write; no token reaches another organisation, user management or the admin area", async () => {
    const { org, read, write, bearer } = await setup();
    const reader = bearer(read.secret);
    expect((await reader.get(`/api/orgs/${org.id}/staff`)).status).toBe(200);
    expect(
      (await reader.post(`/api/orgs/${org.id}/records/staff`, { records: recordsOf("valid-staff.csv") })).status,
    ).toBe(403);
    const writer = bearer(write.secret);
    expect((await writer.get(`/api/orgs/${org.id}/users`)).status).toBe(403);
    expect((await writer.get(`/api/orgs/${org.id}/audit`)).status).toBe(403);
    expect((await writer.get("/api/admin/organisations")).status).toBe(403);
    const other = await makeOrg(hub, "provider");
    expect((await writer.get(`/api/orgs/${other.id}/staff`)).status).toBe(404);
  });

  it("a revoked token stops working at once", async () => {
    const { org, client, write, bearer } = await setup();
    expect((await client.delete(`/api/orgs/${org.id}/api-tokens/${write.token.id}`)).status).toBe(200);
    const res = await bearer(write.secret).get(`/api/orgs/${org.id}/staff`);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("invalid_token");
  });
});

describe("a token acts with at most its creator's current permissions", () => {
  /** An organisation with two admins; the second creates the tokens, the first manages them. */
  async function withCreator() {
    const org = await makeOrg(hub, "provider");
    const admin = await makeUser(hub, org, "provider_admin");
    const creator = await makeUser(hub, org, "provider_admin");
    const adminClient = await signedIn(hub, admin.email);
    const creatorClient = await signedIn(hub, creator.email);
    const write = (await creatorClient.post(`/api/orgs/${org.id}/api-tokens`, { name: "Rota system", scope: "write" }))
      .json;
    const read = (await creatorClient.post(`/api/orgs/${org.id}/api-tokens`, { name: "BI reader", scope: "read" }))
      .json;
    const bearer = (secret: string) => new Client(hub, { authorization: `Bearer ${secret}` });
    return { org, creator, adminClient, write, read, bearer };
  }
  const staffBody = () => ({ asAt: "2026-06-30", records: recordsOf("valid-staff.csv") });

  it("stops working when its creator leaves the organisation", async () => {
    const { org, creator, adminClient, write, read, bearer } = await withCreator();
    expect((await bearer(write.secret).get(`/api/orgs/${org.id}/staff`)).status).toBe(200);
    expect((await adminClient.delete(`/api/orgs/${org.id}/members/${creator.membershipId}`)).status).toBe(200);
    for (const secret of [write.secret, read.secret]) {
      const res = await bearer(secret).get(`/api/orgs/${org.id}/staff`);
      expect(res.status).toBe(401);
      expect(res.json.error).toMatchObject({
        code: "invalid_token",
        message: expect.stringContaining("no longer belongs to the organisation"),
      });
    }
    const list = (await adminClient.get(`/api/orgs/${org.id}/api-tokens`)).json.tokens;
    expect(list.map((t: { status: string }) => t.status)).toEqual(["creator_left", "creator_left"]);
  });

  it("a write token whose creator is demoted to viewer can read but no longer write; as a staff member, not even read", async () => {
    const { org, creator, adminClient, write, bearer } = await withCreator();
    const api = bearer(write.secret);
    await adminClient.patch(`/api/orgs/${org.id}/members/${creator.membershipId}`, { role: "provider_viewer" });
    expect((await api.get(`/api/orgs/${org.id}/staff`)).status).toBe(200);
    const refused = await api.post(`/api/orgs/${org.id}/records/staff`, staffBody());
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/no longer has that permission/);
    expect(
      (await hub.deps.db.select({ n: count() }).from(staffRecords).where(eq(staffRecords.orgId, org.id)))[0].n,
    ).toBe(0);
    const [listed] = (await adminClient.get(`/api/orgs/${org.id}/api-tokens`)).json.tokens.filter(
      (t: { id: string }) => t.id === write.token.id,
    );
    expect(listed.status).toBe("limited");

    await adminClient.patch(`/api/orgs/${org.id}/members/${creator.membershipId}`, { role: "staff_member" });
    expect((await api.get(`/api/orgs/${org.id}/staff`)).status).toBe(403);

    // Given the permission back, the token works again: it follows the creator's role as it is now.
    await adminClient.patch(`/api/orgs/${org.id}/members/${creator.membershipId}`, { role: "provider_editor" });
    expect((await api.post(`/api/orgs/${org.id}/records/staff`, staffBody())).status).not.toBe(403);
  });

  it("the list shows who created each token and when it was last used, written at most once a minute", async () => {
    const { org, creator, adminClient, read, bearer } = await withCreator();
    const listed = async () =>
      (await adminClient.get(`/api/orgs/${org.id}/api-tokens`)).json.tokens.find(
        (t: { id: string }) => t.id === read.token.id,
      );
    expect(await listed()).toMatchObject({
      createdBy: { id: creator.id, name: creator.name, email: creator.email },
      lastUsedAt: null,
      status: "active",
    });
    expect(read.token.createdBy).toMatchObject({ id: creator.id });

    const start = hub.clock.now;
    try {
      await bearer(read.secret).get(`/api/orgs/${org.id}/staff`);
      expect((await listed()).lastUsedAt).toBe(start.toISOString());
      hub.clock.now = new Date(start.getTime() + 30_000);
      await bearer(read.secret).get(`/api/orgs/${org.id}/staff`);
      expect((await listed()).lastUsedAt).toBe(start.toISOString()); // within the minute: not written again
      hub.clock.now = new Date(start.getTime() + 90_000);
      await bearer(read.secret).get(`/api/orgs/${org.id}/staff`);
      expect((await listed()).lastUsedAt).toBe(hub.clock.now.toISOString());
    } finally {
      hub.clock.now = start;
    }
  });
});
