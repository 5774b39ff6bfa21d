import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeSystem, makeUser, signedIn, testHub } from "../../../../test/harness";
import { recordAudit } from "./audit.service";
import { MASK, MASK_CHANGED } from "./mask";

const hub = await testHub();

describe("audit trail", () => {
  it("is append-only: the database refuses to change or remove entries", async () => {
    await makeSystem(hub);
    await expect(hub.deps.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(hub.deps.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const [row] = (await hub.deps.db.execute(sql`select count(*)::int as n from audit_log where action = 'tampered'`))
      .rows as { n: number }[];
    expect(row.n).toBe(0);
  });

  it("masks identifiers and special category data, while showing that they changed", async () => {
    const { provider } = await makeSystem(hub);
    await recordAudit(hub.ctx, {
      orgId: provider.id,
      action: "update",
      entityType: "staff_record",
      entityId: "masking-test",
      before: { displayId: "A Worker", niNumber: "QQ123456C", dateOfBirth: "1980-01-01", ethnicity: 31, disabled: 0 },
      after: { displayId: "A Worker", niNumber: "QQ123456C", dateOfBirth: "1981-02-02", ethnicity: 99, disabled: null },
    });
    const [row] = (await hub.deps.db.execute(sql`select before, after from audit_log where entity_id = 'masking-test'`))
      .rows as { before: any; after: any }[];
    expect(row.before).toEqual({
      displayId: "A Worker",
      niNumber: MASK,
      dateOfBirth: MASK,
      ethnicity: MASK,
      disabled: MASK,
    });
    expect(row.after).toEqual({
      displayId: "A Worker",
      niNumber: MASK,
      dateOfBirth: MASK_CHANGED,
      ethnicity: MASK_CHANGED,
      disabled: null,
    });
    expect(JSON.stringify(row)).not.toMatch(/QQ123456C|1980-01-01|1981-02-02/);
  });

  it("an organisation admin sees only their organisation's trail; the hub admin sees everything", async () => {
    const a = await makeSystem(hub);
    const b = await makeSystem(hub);
    const adminA = await signedIn(hub, a.providerAdmin.email);
    const trail = await adminA.get(`/api/orgs/${a.provider.id}/audit`);
    expect(trail.status).toBe(200);
    const orgIds = new Set(trail.json.entries.map((e: { organisation: { id: string } }) => e.organisation.id));
    expect([...orgIds]).toEqual([a.provider.id]);
    expect((await adminA.get(`/api/orgs/${b.provider.id}/audit`)).status).toBe(404);
    expect((await adminA.get("/api/admin/audit")).status).toBe(403);

    const root = await makeUser(hub, null, undefined, { isHubAdmin: true });
    const rootClient = await signedIn(hub, root.email);
    const all = await rootClient.get("/api/admin/audit");
    const allOrgs = new Set(all.json.entries.map((e: { organisation: { id: string } | null }) => e.organisation?.id));
    expect(allOrgs.has(a.provider.id) || allOrgs.has(b.provider.id)).toBe(true);
    expect((await rootClient.get(`/api/orgs/${b.provider.id}/audit`)).status).toBe(200);
  });

  it("a viewer cannot read the trail", async () => {
    const { provider } = await makeSystem(hub);
    const viewer = await makeUser(hub, provider, "provider_viewer");
    expect((await (await signedIn(hub, viewer.email)).get(`/api/orgs/${provider.id}/audit`)).status).toBe(403);
  });
});
