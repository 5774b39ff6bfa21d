import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";

// Supervision and caseloads through the API (issue 20 items 4, 5). The test clock is 2026-06-15.

const hub = await testHub();
const area = await socialWorkArea(hub);
const A = area.teams.childrenA;
const late = await area.addWorker({ team: A, name: "Late Lou" });
const fine = await area.addWorker({ team: A, name: "Fine Fay", contractedHours: 18.5 });
const manager = await area.addWorker({ team: A, name: "Mo Manager", role: "team_manager" });
const nqsw = await area.addWorker({ team: A, name: "New Nia", role: "asye_social_worker", startDate: "2026-01-05" });
const base = `/api/orgs/${area.council.id}/social-work`;
const m = await signedIn(hub, area.manager.email);
const lead = await signedIn(hub, area.lead.email);
const rec = (over: Record<string, unknown>) => ({
  staffRecordId: late.id,
  heldOn: "2026-06-10",
  supervisorStaffId: manager.id,
  type: "reflective",
  minutes: 90,
  actions: "Review case plans",
  ...over,
});

describe("recording supervision", () => {
  it("refuses bad values with field errors, and a future date", async () => {
    const bad = await m.post(`${base}/supervisions`, rec({ type: "chat", minutes: -5, heldOn: "10/06/2026" }));
    expect(bad.status).toBe(400);
    const paths = bad.json.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["type", "minutes", "heldOn"]));
    const future = await m.post(`${base}/supervisions`, rec({ heldOn: "2026-06-16" }));
    expect(future.status).toBe(400);
    expect(future.json.error.issues[0]).toMatchObject({ path: "heldOn" });
    expect(future.json.error.message).toContain("2026-06-15");
    const self = await m.post(`${base}/supervisions`, rec({ supervisorStaffId: late.id }));
    expect(self.json.error.issues[0].path).toBe("supervisorStaffId");
    const none = await lead.get(`${base}/workers/${late.id}/supervision`);
    expect(none.json.supervisions).toEqual([]);
  });

  it("the overdue list shrinks when a supervision is recorded", async () => {
    // Fine Fay was supervised on 1 June (due 1 July); the others never (due a month from their start).
    expect((await m.post(`${base}/supervisions`, rec({ staffRecordId: fine.id, heldOn: "2026-06-01" }))).status).toBe(
      201,
    );
    const before = await m.get(`${base}/supervision`);
    const names = before.json.overdue.map((o: { name: string }) => o.name);
    expect(names).toContain("Late Lou");
    expect(names).not.toContain("Fine Fay");
    const lou = before.json.overdue.find((o: { name: string }) => o.name === "Late Lou");
    expect(lou).toMatchObject({ lastHeld: null, dueOn: "2022-02-10", teamName: "Assessment" });
    expect(lou.daysOverdue).toBeGreaterThan(1500);
    const team = before.json.teams[0];
    expect(team).toMatchObject({ inPost: 4, overdue: 3, complianceNow: 0.25 });

    const made = await m.post(`${base}/supervisions`, rec({}));
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ heldOn: "2026-06-10", supervisorName: "Mo Manager", canChange: true });
    const after = await m.get(`${base}/supervision`);
    expect(after.json.overdue.map((o: { name: string }) => o.name)).not.toContain("Late Lou");
    expect(after.json.overdue.length).toBe(before.json.overdue.length - 1);
    expect(after.json.teams[0]).toMatchObject({ overdue: 2, complianceNow: 0.5 });
    // Recorded 10 June, due 10 July: neither overdue nor due soon.
    const w = await m.get(`${base}/workers/${late.id}/supervision`);
    expect(w.json.status).toMatchObject({ dueOn: "2026-07-10", state: "ok", interval: "Monthly" });

    // Edit and delete it (audited); deleting brings Lou back to the overdue list.
    const edited = await m.patch(`${base}/supervisions/${made.json.id}`, { heldOn: "2026-06-12", minutes: 45 });
    expect(edited.json).toMatchObject({ heldOn: "2026-06-12", minutes: 45, short: true });
    expect((await m.delete(`${base}/supervisions/${made.json.id}`)).status).toBe(200);
    const again = await m.get(`${base}/supervision`);
    expect(again.json.overdue.map((o: { name: string }) => o.name)).toContain("Late Lou");
  });

  it("an NQSW follows the ASYE windows; the council's standards change the interval", async () => {
    const w = await m.get(`${base}/workers/${nqsw.id}/supervision`);
    // No ASYE row: the role's interval (everyone's: monthly).
    expect(w.json.status.stage).toBe("asye_social_worker");
    const saved = await lead.request("PUT", `${base}/supervision-standards`, {
      standards: [
        { appliesTo: "all", every: 6, unit: "week", minMinutes: 60 },
        { appliesTo: "asye_social_worker", every: 2, unit: "week", minMinutes: 90 },
      ],
    });
    expect(saved.status).toBe(200);
    const all = saved.json.standards;
    expect(all.find((s: { appliesTo: string }) => s.appliesTo === "social_worker")).toMatchObject({
      every: 6,
      unit: "week",
      source: "all",
    });
    expect(all.find((s: { appliesTo: string }) => s.appliesTo === "asye_first_6_weeks")).toMatchObject({
      every: 1,
      unit: "week",
      set: false,
    });
    const w2 = await m.get(`${base}/workers/${nqsw.id}/supervision`);
    expect(w2.json.status).toMatchObject({ interval: "Every 2 weeks", dueOn: "2026-01-19" });
    const dup = await lead.request("PUT", `${base}/supervision-standards`, {
      standards: [
        { appliesTo: "all", every: 1, unit: "month", minMinutes: 90 },
        { appliesTo: "all", every: 2, unit: "month", minMinutes: 90 },
      ],
    });
    expect(dup.status).toBe(400);
    await lead.request("PUT", `${base}/supervision-standards`, { standards: [] });
  });
});

describe("caseloads", () => {
  it("a team's month is all or nothing, naming the worker whose types do not add up", async () => {
    const put = await m.request("PUT", `${base}/teams/${A.id}/caseloads/2026-05`, {
      entries: [
        { staffRecordId: late.id, openCases: 20, byType: { child_in_need: 12, child_protection: 8 } },
        { staffRecordId: fine.id, openCases: 9, byType: { child_in_need: 5, child_protection: 3 } },
      ],
    });
    expect(put.status).toBe(400);
    expect(put.json.error.message).toContain("Fine Fay");
    expect(put.json.error.issues[0]).toMatchObject({ path: "entries.1.byType" });
    const form = await m.get(`${base}/teams/${A.id}/caseloads?month=2026-05`);
    expect(form.json.workers.every((w: { openCases: number | null }) => w.openCases === null)).toBe(true);
    // The team manager (not case-holding) is not on the form; a type of the other service is refused.
    expect(form.json.workers.map((w: { name: string }) => w.name)).not.toContain("Mo Manager");
    const wrongType = await m.request("PUT", `${base}/teams/${A.id}/caseloads/2026-05`, {
      entries: [{ staffRecordId: late.id, openCases: 3, byType: { dols: 3 } }],
    });
    expect(wrongType.status).toBe(400);
    expect((await m.request("PUT", `${base}/teams/${A.id}/caseloads/2026-13`, { entries: [] })).status).toBe(400);
  });

  it("team averages per FTE from hand-made rows, exactly, with NQSWs above protection", async () => {
    const put = await m.request("PUT", `${base}/teams/${A.id}/caseloads/2026-05`, {
      entries: [
        { staffRecordId: late.id, openCases: 20, byType: { child_in_need: 12, child_protection: 8 } },
        { staffRecordId: fine.id, openCases: 9, byType: {} },
        { staffRecordId: nqsw.id, openCases: 16, byType: {} },
      ],
    });
    expect(put.status).toBe(200);
    // (20 + 9 + 16) / (1 + 0.5 + 1) = 18.0: at the children's threshold of 18, not above.
    const ov = await lead.get(`${base}/caseloads?month=2026-05`);
    const team = ov.json.teams.find((t: { teamId: string }) => t.teamId === A.id);
    expect(team).toMatchObject({ threshold: 18, caseHolders: 3, entered: 3, fte: 2.5, average: 18, above: false });
    // The NQSW's protection: floor(0.8 × 18) = 14; 16 is above it.
    expect(ov.json.nqswsAboveProtection).toEqual([
      { staffRecordId: nqsw.id, name: "New Nia", teamName: "Assessment", openCases: 16, protectedTarget: 14 },
    ]);
    // One more case tips the team above.
    await m.request("PUT", `${base}/teams/${A.id}/caseloads/2026-05`, {
      entries: [{ staffRecordId: fine.id, openCases: 10, byType: {} }],
    });
    const ov2 = await lead.get(`${base}/caseloads?month=2026-05`);
    expect(ov2.json.teams.find((t: { teamId: string }) => t.teamId === A.id)).toMatchObject({
      average: 18.4,
      above: true,
    });
    const worker = await lead.get(`${base}/workers/${nqsw.id}/caseloads`);
    expect(worker.json.months).toEqual([
      { month: "2026-05", openCases: 16, byType: {}, protectedTarget: 14, withinProtection: false },
    ]);
  });
});
