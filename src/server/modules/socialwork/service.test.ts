import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { auditLog, staffRecords, swAgencyAssignments, swStaff } from "../../db/schema";

// The social work service's routes (issue 20 item 1): teams, posts computed from hand-made
// workers and agency assignments, profiles with field errors, adding a worker and a leaver,
// settings with defaults, the overview and a worker's own page. The clock is 2026-06-15.

const hub = await testHub();
const area = await socialWorkArea(hub);
const base = `/api/orgs/${area.council.id}/social-work`;
const lead = await signedIn(hub, area.lead.email);
const put = (path: string, body: unknown) => lead.request("PUT", path, body);

describe("teams", () => {
  it("creates a team with a manager and refuses a manager without a social work role", async () => {
    const res = await lead.post(`${base}/teams`, {
      name: "Hospital Team",
      service: "adults",
      serviceArea: "Whiston",
      managerUserId: area.manager.id,
      caseloadThreshold: 15,
    });
    expect(res.status).toBe(201);
    expect(res.json.team).toMatchObject({
      name: "Hospital Team",
      service: "adults",
      serviceArea: "Whiston",
      manager: { id: area.manager.id },
      caseloadThreshold: 15,
      posts: { funded: 0, filled: 0, vacant: 0, agencyCover: 0 },
    });
    const bad = await lead.post(`${base}/teams`, {
      name: "Another",
      service: "adults",
      managerUserId: area.analyst.id,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("managerUserId");
    const dup = await lead.post(`${base}/teams`, { name: "hospital team", service: "adults" });
    expect(dup.status).toBe(409);
    const list = await lead.get(`${base}/teams`);
    expect(list.json.teams.map((t: { name: string }) => t.name)).toContain("Hospital Team");
    expect(list.json.managerOptions.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([area.manager.id, area.lead.id]),
    );
  });

  it("archives a team only when nobody is in post", async () => {
    const team = (await lead.post(`${base}/teams`, { name: "Short-lived", service: "children" })).json.team;
    const res = await lead.post(`${base}/teams/${team.id}/archive`, {});
    expect(res.status).toBe(200);
    expect(res.json.team.archivedAt).not.toBeNull();
    const list = await lead.get(`${base}/teams`);
    expect(list.json.teams.map((t: { id: string }) => t.id)).not.toContain(team.id);
    await area.addWorker({ team: area.teams.childrenB });
    const busy = await lead.post(`${base}/teams/${area.teams.childrenB.id}/archive`, {});
    expect(busy.status).toBe(409);
  });
});

describe("the establishment", () => {
  it("counts funded, filled, vacant and agency-covered posts from the records on the date", async () => {
    const team = (await lead.post(`${base}/teams`, { name: "Posts Team", service: "children" })).json.team;
    const t = { id: team.id, service: "children" as const, workplaceId: area.childrenPlace.id };
    // Funded: 3 from April 2025, 4 from April 2026 (history kept).
    for (const [fte, from] of [
      [3, "2025-04-01"],
      [4, "2026-04-01"],
    ] as const) {
      const res = await put(`${base}/teams/${team.id}/establishment`, {
        role: "social_worker",
        fundedFte: fte,
        effectiveFrom: from,
      });
      expect(res.status).toBe(200);
    }
    await put(`${base}/teams/${team.id}/establishment`, {
      role: "team_manager",
      fundedFte: 1,
      effectiveFrom: "2025-01-01",
    });
    // Filled: a full-timer, a 18.5-hour part-timer (0.5), a 40-hour worker (capped at 1), a leaver, a starter to come.
    await area.addWorker({ team: t, contractedHours: 37 });
    await area.addWorker({ team: t, contractedHours: 18.5 });
    await area.addWorker({ team: t, role: "team_manager", contractedHours: 40 });
    await area.addWorker({ team: t, endDate: "2026-03-31" });
    await area.addWorker({ team: t, startDate: "2026-09-01" });
    // Agency: one covering a vacancy (37h), one part-time (18.5h), one not covering (project), one ended.
    const agency = (weeklyHours: number, extra: Partial<typeof swAgencyAssignments.$inferInsert> = {}) =>
      hub.deps.db.insert(swAgencyAssignments).values({
        orgId: area.council.id,
        teamId: team.id,
        role: "social_worker",
        workerName: "Agency",
        agencyName: "Agency Ltd",
        startDate: "2026-01-01",
        hourlyRate: 40,
        weeklyHours,
        ...extra,
      });
    await agency(37);
    await agency(18.5);
    await agency(37, { coversVacancy: false });
    await agency(37, { endDate: "2026-05-31" });

    const res = await lead.get(`${base}/teams/${team.id}`);
    expect(res.status).toBe(200);
    expect(res.json.establishment.rows).toEqual([
      { role: "social_worker", roleLabel: "Social worker", funded: 4, filled: 1.5, vacant: 2.5, agencyCover: 1.5 },
      { role: "team_manager", roleLabel: "Team manager", funded: 1, filled: 1, vacant: 0, agencyCover: 0 },
    ]);
    expect(res.json.establishment.totals).toEqual({ funded: 5, filled: 2.5, vacant: 2.5, agencyCover: 1.5 });
    expect(res.json.history).toHaveLength(3);

    // A year before: the 2025 funding, the leaver still in post, the agency workers not yet.
    const then = await lead.get(`${base}/establishment?at=2025-06-15&service=children`);
    const row = then.json.teams.find((x: { teamId: string }) => x.teamId === team.id);
    expect(row.rows[0]).toMatchObject({ role: "social_worker", funded: 3, filled: 2.5, vacant: 0.5, agencyCover: 0 });
    expect(then.json.services.map((s: { service: string }) => s.service)).toEqual(["children"]);

    const bad = await put(`${base}/teams/${team.id}/establishment`, {
      role: "wizard",
      fundedFte: -1,
      effectiveFrom: "2026-02-30",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "effectiveFrom",
      "fundedFte",
      "role",
    ]);
  });
});

describe("workers", () => {
  it("edits a profile, refusing bad values field by field and changing nothing", async () => {
    const w = await area.addWorker({ team: area.teams.childrenA, sweNumber: "SW555001" });
    const bad = await lead.patch(`${base}/workers/${w.id}`, {
      pcfLevel: "wizard",
      sweNumber: "12345",
      peStage: 3,
      specialisms: ["juggling"],
      amhpApprovedUntil: "2026-13-01",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path.split(".")[0]).sort()).toEqual([
      "amhpApprovedUntil",
      "pcfLevel",
      "peStage",
      "specialisms",
      "sweNumber",
    ]);
    const wrongService = await lead.patch(`${base}/workers/${w.id}`, { teamId: area.teams.adults.id });
    expect(wrongService.status).toBe(400);
    expect(wrongService.json.error.issues[0].path).toBe("teamId");
    const [unchanged] = await hub.deps.db.select().from(swStaff).where(eq(swStaff.staffRecordId, w.id));
    expect(unchanged).toMatchObject({ pcfLevel: null, sweNumber: "SW555001", teamId: area.teams.childrenA.id });

    const ok = await lead.patch(`${base}/workers/${w.id}`, {
      role: "senior_social_worker",
      pcfLevel: "experienced",
      grade: "Grade 9",
      specialisms: ["child_protection", "court"],
      sweRenewalDate: "2026-07-01",
      amhpApprovedUntil: "2026-08-01",
      teamId: area.teams.childrenB.id,
    });
    expect(ok.status).toBe(200);
    expect(ok.json.worker).toMatchObject({
      role: "senior_social_worker",
      teamId: area.teams.childrenB.id,
      profile: { pcfLevel: "experienced", grade: "Grade 9", specialisms: ["child_protection", "court"] },
    });
    expect(ok.json.worker.alerts.map((a: { kind: string }) => a.kind)).toEqual(["registration_at_risk", "amhp_ending"]);
    const [record] = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.id, w.id));
    expect(record.mainJobRole).toBe(6);
    // The audit trail says the profile changed but never carries the SWE number.
    const audit = await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, w.id));
    expect(JSON.stringify(audit)).not.toContain("SW555001");

    const attention = await lead.get(`${base}/workers?attention=true`);
    expect(attention.json.workers.map((x: { id: string }) => x.id)).toContain(w.id);
    expect(attention.json.workers.every((x: { alerts: unknown[] }) => x.alerts.length > 0)).toBe(true);
    const byRole = await lead.get(`${base}/workers?role=senior_social_worker`);
    expect(byRole.json.workers.map((x: { id: string }) => x.id)).toEqual([w.id]);
  });

  it("adds a worker (staff record at the service's workplace and profile) and records them leaving", async () => {
    const res = await lead.post(`${base}/workers`, {
      name: "Amara Okafor",
      teamId: area.teams.adults.id,
      role: "social_worker",
      startDate: "2026-05-01",
      contractedHours: 30,
      dateOfBirth: "1995-03-02",
      gender: 2,
      ethnicity: 31,
      sweNumber: "sw900100",
      routeIn: "apprentice",
    });
    expect(res.status).toBe(201);
    const id = res.json.worker.id;
    expect(res.json.worker).toMatchObject({ name: "Amara Okafor", service: "adults", fte: 0.81 });
    expect(res.json.worker.profile).toMatchObject({ sweNumber: "SW900100", routeIn: "apprentice" });
    const [record] = await hub.deps.db.select().from(staffRecords).where(eq(staffRecords.id, id));
    expect(record).toMatchObject({ workplaceId: area.adultsPlace.id, orgId: area.council.id, mainJobRole: 6 });
    const audit = await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(JSON.stringify(audit)).not.toContain("1995-03-02");

    const badAdd = await lead.post(`${base}/workers`, { name: "", teamId: area.other.team.id, role: "x" });
    expect(badAdd.status).toBe(400);
    const foreignTeam = await lead.post(`${base}/workers`, {
      name: "Someone",
      teamId: area.other.team.id,
      role: "social_worker",
      startDate: "2026-05-01",
      contractedHours: 37,
    });
    expect(foreignTeam.status).toBe(400);
    expect(foreignTeam.json.error.issues[0].path).toBe("teamId");

    const early = await lead.post(`${base}/workers/${id}/leave`, { leavingDate: "2026-04-01", reason: 1 });
    expect(early.status).toBe(400);
    const left = await lead.post(`${base}/workers/${id}/leave`, { leavingDate: "2026-06-10", reason: 1 });
    expect(left.status).toBe(200);
    expect(left.json.worker).toMatchObject({ endDate: "2026-06-10", leavingReason: 1 });
    const current = await lead.get(`${base}/workers?service=adults`);
    expect(current.json.workers.map((x: { id: string }) => x.id)).not.toContain(id);
    const withLeavers = await lead.get(`${base}/workers?service=adults&leavers=true`);
    expect(withLeavers.json.workers.map((x: { id: string }) => x.id)).toContain(id);
  });
});

describe("settings", () => {
  it("gives the defaults until saved, then the council's own", async () => {
    const first = await lead.get(`${base}/settings`);
    expect(first.json.settings).toMatchObject({
      isDefault: true,
      caseloadThresholdChildren: 18,
      pePaymentPerStudent: 500,
    });
    const values = {
      caseloadThresholdAdults: 22,
      caseloadThresholdChildren: 16,
      asyeProtectionShare: 0.75,
      pePaymentPerStudent: 600,
      esgDailyRate: 20,
      esgSkillsDayRate: 10,
    };
    const saved = await put(`${base}/settings`, values);
    expect(saved.status).toBe(200);
    expect(saved.json.settings).toMatchObject({ ...values, isDefault: false });
    const bad = await put(`${base}/settings`, { ...values, asyeProtectionShare: 1.5, caseloadThresholdAdults: 0 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "asyeProtectionShare",
      "caseloadThresholdAdults",
    ]);
    expect((await lead.get(`${base}/settings`)).json.settings.asyeProtectionShare).toBe(0.75);
  });
});

describe("the overview and a worker's own page", () => {
  it("sums posts per service", async () => {
    const res = await lead.get(`${base}/overview`);
    expect(res.status).toBe(200);
    const children = res.json.services.find((s: { service: string }) => s.service === "children");
    expect(children.posts.funded).toBeGreaterThanOrEqual(5);
    expect(children.workers).toBeGreaterThan(0);
  });

  it("shows a worker their own records, and a plain empty list to someone without any", async () => {
    const me = await (await import("../../../../test/harness")).makeUser(hub, null);
    await area.addWorker({ team: area.teams.childrenA, userId: me.id, sweNumber: "SW424242" });
    const client = await signedIn(hub, me.email);
    const res = await client.get("/api/me/social-work");
    expect(res.status).toBe(200);
    expect(res.json.records).toHaveLength(1);
    expect(res.json.records[0]).toMatchObject({
      employer: { id: area.council.id },
      teamName: "Assessment",
      profile: { sweNumber: "SW424242" },
    });
    const nobody = await signedIn(hub, area.analyst.email);
    expect((await nobody.get("/api/me/social-work")).json.records).toEqual([]);
  });
});
