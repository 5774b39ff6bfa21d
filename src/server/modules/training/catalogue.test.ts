import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import { course, session, trainingArea } from "../../../../test/training-fixtures";
import { auditLog, trainingCourses } from "../../db/schema";
import { commissionProvider } from "../orgs/orgs.service";

const hub = await testHub();

const newCourse = (extra: Record<string, unknown> = {}) => ({
  title: "Moving and handling people",
  summary: "Safe moving and handling, with hoists and slide sheets.",
  category: 13,
  hours: 6,
  delivery: "classroom",
  refreshMonths: 12,
  costPence: 0,
  funding: "free_commissioned",
  ...extra,
});

describe("the training catalogue's courses", () => {
  it("a training partner offers a course; the council and its commissioned providers see it, with places", async () => {
    const area = await trainingArea(hub);
    const partner = await area.partnerClient();
    const base = `/api/orgs/${area.partner.id}/training/courses`;
    const created = await partner.post(base, newCourse({ frameworkItem: "care_certificate" }));
    expect(created.status).toBe(201);
    expect(created.json.course).toMatchObject({
      councilId: area.councilId,
      offeredBy: { id: area.partner.id, name: area.partner.name },
      category: { code: 13, label: expect.any(String) },
      frameworkItem: { key: "care_certificate", title: expect.stringContaining("Care Certificate") },
      yours: true,
      status: "published",
    });
    const id = created.json.course.id;

    const provider = await area.providerClient();
    const seen = await provider.get(`/api/orgs/${area.provider.id}/training/courses`);
    expect(seen.status).toBe(200);
    expect(seen.json.courses.map((c: { id: string }) => c.id)).toContain(id);
    const council = await area.councilClient();
    const councilSeen = await council.get(`/api/orgs/${area.councilId}/training/courses?gives=care_certificate`);
    expect(councilSeen.json.courses.map((c: { id: string }) => c.id)).toEqual([id]);

    const audit = await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("a provider sees its commissioning council's catalogue and not another council's", async () => {
    const area = await trainingArea(hub);
    const other = await trainingArea(hub);
    const ours = await course(hub, area, { title: "Ours" });
    const theirs = await course(hub, other, { title: "Theirs" });
    const provider = await area.providerClient();
    const list = await provider.get(`/api/orgs/${area.provider.id}/training/courses`);
    const ids = list.json.courses.map((c: { id: string }) => c.id);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
    expect((await provider.get(`/api/orgs/${area.provider.id}/training/courses/${theirs.id}`)).status).toBe(404);
    const theirSession = await session(hub, theirs);
    const ourSession = await session(hub, ours);
    const sessions = await provider.get(`/api/orgs/${area.provider.id}/training/sessions`);
    expect(sessions.json.sessions.map((s: { id: string }) => s.id)).toContain(ourSession.id);
    expect(sessions.json.sessions.map((s: { id: string }) => s.id)).not.toContain(theirSession.id);
    expect((await provider.get(`/api/orgs/${area.provider.id}/training/sessions/${theirSession.id}`)).status).toBe(404);
  });

  it("filters by text, category, delivery and funding", async () => {
    const area = await trainingArea(hub);
    const a = await course(hub, area, { title: "Dementia awareness", category: 5, delivery: "online" });
    const b = await course(hub, area, {
      title: "Emergency first aid at work",
      category: 8,
      funding: "charged",
      costPence: 9500,
    });
    const client = await area.councilClient();
    const q = async (s: string) =>
      (await client.get(`/api/orgs/${area.councilId}/training/courses?${s}`)).json.courses.map(
        (c: { id: string }) => c.id,
      );
    expect(await q("q=dementia")).toEqual([a.id]);
    expect(await q("category=8")).toEqual([b.id]);
    expect(await q("delivery=online")).toEqual([a.id]);
    expect(await q("funding=charged")).toEqual([b.id]);
    const bad = await client.get(`/api/orgs/${area.councilId}/training/courses?delivery=carrier-pigeon`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/classroom, online or blended/);
  });

  it("refuses a category outside ASC-WDS, an item not in the framework, LDSS fields without LDSS funding, naming the field", async () => {
    const area = await trainingArea(hub);
    const partner = await area.partnerClient();
    const base = `/api/orgs/${area.partner.id}/training/courses`;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ category: 3 }, "category", /not an ASC-WDS training category/],
      [{ category: 999 }, "category", /not an ASC-WDS training category/],
      [{ frameworkItem: "jedi_knight" }, "frameworkItem", /not an item of the council's career framework/],
      [{ ldssKind: "course", ldssPence: 5000 }, "ldssKind", /only for courses it funds/],
      [{ ldssPence: 5000 }, "ldssPence", /only for courses it funds/],
      [{ funding: "ldss" }, "ldssKind", /Say how the Learning and Development Support Scheme pays/],
      [{ funding: "ldss", ldssKind: "qualification" }, "ldssPence", /Enter the amount/],
      [{ hours: 0 }, "hours", /more than 0/],
      [{ costPence: -1 }, "costPence", /0 or more/],
      [{ audience: "everyone" }, "audience", /staff or pre_employment/],
    ];
    for (const [change, path, message] of cases) {
      const res = await partner.post(base, newCourse(change));
      expect({ change, status: res.status }).toEqual({ change, status: 400 });
      expect(res.json.error.message).toMatch(message);
      expect(res.json.error.issues?.[0]?.path).toBe(path);
    }
    const ok = await partner.post(base, newCourse({ funding: "ldss", ldssKind: "ommt", ldssPence: 5000 }));
    expect(ok.status).toBe(201);
    // The same rules on an edit.
    const edit = await partner.patch(`${base}/${ok.json.course.id}`, { funding: "charged" });
    expect(edit.status).toBe(400);
    expect(edit.json.error.issues[0].path).toBe("ldssKind");
  });

  it("an offerer edits and withdraws only its own courses; a provider cannot offer", async () => {
    const area = await trainingArea(hub);
    const hubCourse = await course(hub, area, { offeredBy: area.councilId, title: "Council's own" });
    const partnerCourse = await course(hub, area);
    const partner = await area.partnerClient();
    const pbase = `/api/orgs/${area.partner.id}/training/courses`;
    const refused = await partner.patch(`${pbase}/${hubCourse.id}`, { title: "Taken over" });
    expect(refused.status).toBe(403);
    expect((await partner.post(`${pbase}/${hubCourse.id}/withdraw`)).status).toBe(403);
    const [unchanged] = await hub.deps.db.select().from(trainingCourses).where(eq(trainingCourses.id, hubCourse.id));
    expect(unchanged.title).toBe("Council's own");

    // Another area's partner cannot even see it.
    const other = await trainingArea(hub);
    const stranger = await other.partnerClient();
    expect(
      (await stranger.patch(`/api/orgs/${other.partner.id}/training/courses/${partnerCourse.id}`, { title: "x x x" }))
        .status,
    ).toBe(404);

    const edited = await partner.patch(`${pbase}/${partnerCourse.id}`, {
      title: "Safeguarding adults (level 2)",
      hours: 7,
    });
    expect(edited.json.course).toMatchObject({ title: "Safeguarding adults (level 2)", hours: 7 });
    const withdrawn = await partner.post(`${pbase}/${partnerCourse.id}/withdraw`);
    expect(withdrawn.json.course.status).toBe("withdrawn");
    // Withdrawn: gone from the provider's catalogue, still the partner's to see.
    const provider = await area.providerClient();
    const list = await provider.get(`/api/orgs/${area.provider.id}/training/courses`);
    expect(list.json.courses.map((c: { id: string }) => c.id)).not.toContain(partnerCourse.id);
    expect((await partner.get(`${pbase}/${partnerCourse.id}`)).json.course.status).toBe("withdrawn");

    const asProvider = await provider.post(`/api/orgs/${area.provider.id}/training/courses`, newCourse());
    expect(asProvider.status).toBe(403);
    const actions = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, partnerCourse.id)))
      .orderBy(asc(auditLog.id));
    expect(actions.map((a) => a.action)).toEqual(["update", "withdraw"]);
  });

  it("a partner commissioned by two councils says which catalogue a course joins", async () => {
    const area = await trainingArea(hub);
    const second = await makeOrg(hub, "council");
    await commissionProvider(hub.ctx, { councilId: second.id, providerId: area.partner.id, fromDate: "2020-01-01" });
    const partner = await area.partnerClient();
    const base = `/api/orgs/${area.partner.id}/training/courses`;
    const res = await partner.post(base, newCourse());
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toBe("councilId");
    const stranger = await makeOrg(hub, "council");
    expect((await partner.post(base, newCourse({ councilId: stranger.id }))).status).toBe(400);
    const ok = await partner.post(base, newCourse({ councilId: second.id }));
    expect(ok.json.course.councilId).toBe(second.id);
  });

  it("a trainer sees the catalogue but cannot offer", async () => {
    const area = await trainingArea(hub);
    const c = await course(hub, area);
    const trainer = await area.trainerClient();
    const list = await trainer.get(`/api/orgs/${area.partner.id}/training/courses`);
    expect(list.json.courses.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await trainer.post(`/api/orgs/${area.partner.id}/training/courses`, newCourse())).status).toBe(403);
    const admin = await makeUser(hub, area.partner, "provider_admin");
    expect(
      (await (await signedIn(hub, admin.email)).get(`/api/orgs/${area.partner.id}/training/catalogue-options`)).status,
    ).toBe(200);
  });
});
