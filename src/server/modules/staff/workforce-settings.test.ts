import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeSystem, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { auditLog, staffRecords, trainingRecords, workplaces } from "../../db/schema";

const hub = await testHub();
const D = "2026-06-30";

describe("workforce settings: the standard week and mandatory training", () => {
  it("an employer sets them, the change is audited, and its figures follow at once", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const [w] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: provider.id, localRef: `W${uniq()}`, name: "Home", mainService: 2 })
      .returning();
    const [person] = await hub.deps.db
      .insert(staffRecords)
      .values({
        orgId: provider.id,
        workplaceId: w.id,
        localRef: "a",
        displayId: "a",
        contractType: 1,
        mainJobRole: 8,
        startDate: "2020-01-01",
        zeroHours: 2,
        contractedHours: 35,
      })
      .returning();
    await hub.deps.db
      .insert(trainingRecords)
      .values({ orgId: provider.id, staffRecordId: person.id, category: 20, completedOn: "2026-01-01" });
    const p = await signedIn(hub, providerAdmin.email);
    const figures = async () =>
      (await p.get(`/api/orgs/${provider.id}/metrics?at=${D}&metrics=filled_posts_fte,training_compliance`)).json
        .figures;

    const before = await p.get(`/api/orgs/${provider.id}/workforce-settings`);
    expect(before.json).toMatchObject({ standardWeeklyHours: null, defaultWeeklyHours: 37.5, requiredTraining: [] });
    expect((await figures()).training_compliance).toEqual({ value: null, reason: "no_data", n: 0 });
    expect((await figures()).filled_posts_fte.value).toBe(0.93); // 35 / 37.5, to two places

    const saved = await p.request("PUT", `/api/orgs/${provider.id}/workforce-settings`, {
      standardWeeklyHours: 35,
      requiredTraining: [
        { category: 20, roles: null },
        { category: 6, roles: [8] },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.json.standardWeeklyHours).toBe(35);
    // Read after the write: the summaries made before it are not used.
    const after = await figures();
    expect(after.filled_posts_fte.value).toBe(1);
    expect(after.training_compliance).toEqual({ value: 1 / 2, n: 2 }); // safeguarding held, fire safety not
    const [audit] = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, provider.id), eq(auditLog.entityType, "workforce_settings")));
    expect(audit.action).toBe("update");
    expect(audit.after).toMatchObject({ standardWeeklyHours: 35 });
  });

  it("bad settings are refused with the field and what is wrong, and nothing is saved", async () => {
    const { provider, providerAdmin } = await makeSystem(hub);
    const p = await signedIn(hub, providerAdmin.email);
    const put = (body: unknown) => p.request("PUT", `/api/orgs/${provider.id}/workforce-settings`, body);
    const week = await put({ standardWeeklyHours: 70, requiredTraining: [] });
    expect(week.status).toBe(400);
    expect(JSON.stringify(week.json.error)).toContain("at most 60 hours");
    const bad = await put({
      standardWeeklyHours: null,
      requiredTraining: [
        { category: 3, roles: null },
        { category: 20, roles: [8, 999] },
        { category: 20, roles: null },
      ],
    });
    expect(bad.status).toBe(400);
    const paths = (bad.json.error.issues as { path: string; message: string }[]).map((i) => i.path);
    expect(paths).toEqual(["requiredTraining.0.category", "requiredTraining.1.roles", "requiredTraining.2.category"]);
    const messages = JSON.stringify(bad.json.error.issues);
    expect(messages).toContain("3 is not an ASC-WDS training category");
    expect(messages).toContain("999: not an ASC-WDS main job role");
    expect(messages).toContain("listed twice");
    expect((await p.get(`/api/orgs/${provider.id}/workforce-settings`)).json.requiredTraining).toEqual([]);
  });

  it("a viewer may read them but not change them", async () => {
    const { provider } = await makeSystem(hub);
    const viewer = await makeUser(hub, provider, "provider_viewer");
    const v = await signedIn(hub, viewer.email);
    expect((await v.get(`/api/orgs/${provider.id}/workforce-settings`)).status).toBe(200);
    expect(
      (
        await v.request("PUT", `/api/orgs/${provider.id}/workforce-settings`, {
          standardWeeklyHours: 35,
          requiredTraining: [],
        })
      ).status,
    ).toBe(403);
  });
});
