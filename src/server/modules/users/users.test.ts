import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  Client,
  lastEmailTo,
  makeOrg,
  makeSystem,
  makeUser,
  PASSWORD,
  signedIn,
  testHub,
  uniq,
} from "../../../../test/harness";
import { auditLog, staffRecords, workplaces } from "../../db/schema";

const hub = await testHub();

const auditFor = (entityId: string) =>
  hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);

describe("invitations", () => {
  it("an admin invites someone, who accepts by the emailed link, sets a password and is signed in with the role", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    const email = `new-${uniq()}@example.test`;
    const invited = await admin.post(`/api/orgs/${provider.id}/invitations`, { email, role: "provider_editor" });
    expect(invited.status).toBe(201);

    const mail = await lastEmailTo(hub, email);
    expect(mail?.subject).toContain(provider.name);
    const token = mail?.token as string;

    const guest = new Client(hub);
    const described = await guest.get(`/api/auth/invitations?token=${token}`);
    expect(described.json).toMatchObject({
      email,
      role: "provider_editor",
      hasAccount: false,
      organisation: { id: provider.id },
    });

    const missing = await guest.post("/api/auth/invitations/accept", { token });
    expect(missing.status).toBe(400);
    expect(missing.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["name", "password"]);

    const accepted = await guest.post("/api/auth/invitations/accept", {
      token,
      name: "New Editor",
      password: "a long enough password",
    });
    expect(accepted.json).toMatchObject({ ok: true, orgId: provider.id, signedIn: true });
    const me = await guest.get("/api/auth/me");
    expect(me.json.memberships).toEqual([expect.objectContaining({ id: provider.id, role: "provider_editor" })]);

    const again = await new Client(hub).post("/api/auth/invitations/accept", {
      token,
      name: "X",
      password: "a long enough password",
    });
    expect(again.json.error.code).toBe("link_used");

    const members = await admin.get(`/api/orgs/${provider.id}/users`);
    expect(members.json.members.map((m: { user: { email: string } }) => m.user.email)).toContain(email);
    expect(members.json.invitations).toEqual([]);
  });

  it("someone who already has an account joins a second organisation and can switch between them", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const other = await makeOrg(hub, "provider");
    const otherAdmin = await makeUser(hub, other, "provider_admin");
    const admin = await signedIn(hub, otherAdmin.email);
    await admin.post(`/api/orgs/${other.id}/invitations`, { email: providerAdmin.email, role: "provider_viewer" });
    const { token } = (await lastEmailTo(hub, providerAdmin.email)) ?? {};
    const guest = new Client(hub);
    expect((await guest.get(`/api/auth/invitations?token=${token}`)).json.hasAccount).toBe(true);
    const accepted = await guest.post("/api/auth/invitations/accept", { token });
    expect(accepted.json.signedIn).toBe(false);

    const person = await signedIn(hub, providerAdmin.email, PASSWORD);
    const me = await person.get("/api/auth/me");
    expect(me.json.memberships.map((m: { id: string }) => m.id).sort()).toEqual([provider.id, other.id].sort());
    expect((await person.get(`/api/orgs/${other.id}`)).json.role).toBe("provider_viewer");
    expect((await person.get(`/api/orgs/${provider.id}`)).json.role).toBe("provider_admin");
  });

  it("refuses a role the organisation's kind cannot give, and a duplicate member", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    const wrong = await admin.post(`/api/orgs/${provider.id}/invitations`, {
      email: `z-${uniq()}@example.test`,
      role: "commissioner",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.code).toBe("role_not_allowed");
    const dup = await admin.post(`/api/orgs/${provider.id}/invitations`, {
      email: providerAdmin.email,
      role: "provider_viewer",
    });
    expect(dup.status).toBe(409);
  });

  it("a withdrawn invitation no longer works", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    const email = `w-${uniq()}@example.test`;
    const { json } = await admin.post(`/api/orgs/${provider.id}/invitations`, { email, role: "provider_viewer" });
    const { token } = (await lastEmailTo(hub, email)) ?? {};
    expect((await admin.delete(`/api/orgs/${provider.id}/invitations/${json.invitation.id}`)).status).toBe(200);
    const res = await new Client(hub).get(`/api/auth/invitations?token=${token}`);
    expect(res.json.error.code).toBe("link_invalid");
  });

  it("a council invites a provider, which is commissioned and whose first admin is invited", async () => {
    const { council, councilAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, councilAdmin.email);
    const adminEmail = `boss-${uniq()}@example.test`;
    const res = await admin.post(`/api/orgs/${council.id}/providers`, {
      name: `Sunny Care ${uniq()}`,
      adminEmail,
      commissionedFrom: "2026-04-01",
    });
    expect(res.status).toBe(201);
    const providers = await admin.get(`/api/orgs/${council.id}/providers`);
    const added = providers.json.providers.find((p: { id: string }) => p.id === res.json.provider.id);
    expect(added).toMatchObject({ kind: "provider", commissioning: { from: "2026-04-01", to: null } });
    // Staff in post are counted without agency workers, as on the home page.
    const [place] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: res.json.provider.id, localRef: "W1", name: "Home", mainService: 2 })
      .returning();
    const person = {
      orgId: res.json.provider.id,
      workplaceId: place.id,
      displayId: "P",
      mainJobRole: 8,
      startDate: "2020-01-01",
    };
    await hub.deps.db.insert(staffRecords).values([
      { ...person, localRef: "A", contractType: 1 },
      { ...person, localRef: "B", contractType: 4 },
    ]);
    const counted = (await admin.get(`/api/orgs/${council.id}/providers`)).json.providers.find(
      (p: { id: string }) => p.id === res.json.provider.id,
    );
    expect(counted).toMatchObject({ workplaces: 1, staffInPost: 1 });
    const mail = await lastEmailTo(hub, adminEmail);
    const guest = new Client(hub);
    await guest.post("/api/auth/invitations/accept", {
      token: mail?.token,
      name: "Provider Boss",
      password: "a long enough password",
    });
    expect((await guest.get(`/api/orgs/${res.json.provider.id}`)).json.role).toBe("provider_admin");
  });
});

describe("managing members, with the audit trail", () => {
  it("records create, update and delete with before and after", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    const member = await makeUser(hub, provider, "provider_viewer");
    const membershipId = member.membershipId as string;

    const changed = await admin.patch(`/api/orgs/${provider.id}/members/${membershipId}`, { role: "provider_editor" });
    expect(changed.json.role).toBe("provider_editor");
    expect((await admin.delete(`/api/orgs/${provider.id}/members/${membershipId}`)).status).toBe(200);

    const entries = await auditFor(membershipId);
    expect(entries.map((e) => e.action)).toEqual(["create", "update", "delete"]);
    const [create, update, del] = entries;
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ role: "provider_viewer", orgId: provider.id });
    expect(update.before).toMatchObject({ role: "provider_viewer" });
    expect(update.after).toMatchObject({ role: "provider_editor" });
    expect(update.userId).toBe(providerAdmin.id);
    expect(update.orgId).toBe(provider.id);
    expect(del.before).toMatchObject({ role: "provider_editor" });
    expect(del.after).toBeNull();

    const trail = await admin.get(`/api/orgs/${provider.id}/audit`);
    expect(
      trail.json.entries
        .filter((e: { entityId: string }) => e.entityId === membershipId)
        .map((e: { action: string }) => e.action),
    ).toEqual(["delete", "update", "create"]);
  });

  it("keeps at least one admin", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const admin = await signedIn(hub, providerAdmin.email);
    const res = await admin.patch(`/api/orgs/${provider.id}/members/${providerAdmin.membershipId}`, {
      role: "provider_viewer",
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("last_admin");
    expect((await admin.delete(`/api/orgs/${provider.id}/members/${providerAdmin.membershipId}`)).status).toBe(409);
  });

  it("an editor can see members but not manage them", async () => {
    const { provider } = await makeSystem(hub);
    const editor = await makeUser(hub, provider, "provider_editor");
    const client = await signedIn(hub, editor.email);
    expect((await client.get(`/api/orgs/${provider.id}/users`)).status).toBe(200);
    expect(
      (
        await client.post(`/api/orgs/${provider.id}/invitations`, {
          email: `q-${uniq()}@example.test`,
          role: "provider_viewer",
        })
      ).status,
    ).toBe(403);
  });

  it("a membership of another organisation cannot be changed through this one's URL", async () => {
    const a = await makeSystem(hub);
    const b = await makeSystem(hub);
    const admin = await signedIn(hub, a.providerAdmin.email);
    const res = await admin.patch(`/api/orgs/${a.provider.id}/members/${b.providerAdmin.membershipId}`, {
      role: "provider_viewer",
    });
    expect(res.status).toBe(404);
    const [row] = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, b.providerAdmin.membershipId as string), eq(auditLog.action, "update")));
    expect(row).toBeUndefined();
  });
});
