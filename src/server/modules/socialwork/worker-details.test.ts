import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { staffRecords, swStaff } from "../../db/schema";

// A worker's details as the lead adds and edits them (fix round, part J): a date of birth giving
// an age of 18 to 80 on the start date, contracted hours above 0 and at most 48, an SWE number in
// Social Work England's form (stored normalised) and held by nobody else in the council's service;
// a leaving date up to 6 months ahead. The clock is 2026-06-15.

const hub = await testHub();
const area = await socialWorkArea(hub);
const base = `/api/orgs/${area.council.id}/social-work`;
const lead = await signedIn(hub, area.lead.email);

type Issue = { path: string; message: string };
const issues = (res: { json: { error: { issues?: Issue[] } } }) =>
  Object.fromEntries((res.json.error.issues ?? []).map((i) => [i.path, i.message]));
const newWorker = (over: Record<string, unknown> = {}) => ({
  name: "Jo Bloggs",
  teamId: area.teams.childrenA.id,
  role: "social_worker",
  startDate: "2026-05-01",
  contractedHours: 37,
  dateOfBirth: "1990-01-01",
  ...over,
});
const TAKEN = "This Social Work England number is already recorded for another worker";

describe("adding a worker", () => {
  it("refuses a date of birth making them under 18 or over 80 on the start date, naming the field", async () => {
    for (const dateOfBirth of ["2030-01-01", "2020-01-01", "2008-05-02", "1945-01-01"]) {
      const res = await lead.post(`${base}/workers`, newWorker({ dateOfBirth }));
      expect(res.status, dateOfBirth).toBe(400);
      expect(issues(res).dateOfBirth).toMatch(/aged 18 to 80 on the day they start/);
    }
    // 18 on the start date exactly, and 80 the day before their 81st birthday, are fine.
    expect((await lead.post(`${base}/workers`, newWorker({ dateOfBirth: "2008-05-01", name: "A" }))).status).toBe(201);
    expect((await lead.post(`${base}/workers`, newWorker({ dateOfBirth: "1945-05-02", name: "B" }))).status).toBe(201);
  });

  it("refuses 0 contracted hours and more than 48", async () => {
    for (const contractedHours of [0, 48.5, 60]) {
      const res = await lead.post(`${base}/workers`, newWorker({ contractedHours }));
      expect(res.status, String(contractedHours)).toBe(400);
      expect(issues(res).contractedHours).toBeTruthy();
    }
    expect((await lead.post(`${base}/workers`, newWorker({ contractedHours: 48, name: "C" }))).status).toBe(201);
  });

  it("takes an SWE number in Social Work England's form, stored normalised, and refuses a short one", async () => {
    const short = await lead.post(`${base}/workers`, newWorker({ sweNumber: "SW123" }));
    expect(short.status).toBe(400);
    expect(issues(short).sweNumber).toMatch(/SW followed by/);
    const spaced = await lead.post(`${base}/workers`, newWorker({ sweNumber: " sw 777 001 ", name: "D" }));
    expect(spaced.status).toBe(201);
    expect(spaced.json.worker.profile.sweNumber).toBe("SW777001");
  });

  it("refuses an SWE number another worker of the council holds, without naming them, and saves nothing", async () => {
    await area.addWorker({ team: area.teams.adults, name: "Hidden Person", sweNumber: "SW777100" });
    const before = (await hub.deps.db.select().from(staffRecords)).length;
    const res = await lead.post(`${base}/workers`, newWorker({ sweNumber: "sw777100" }));
    expect(res.status).toBe(400);
    expect(issues(res).sweNumber).toBe(TAKEN);
    expect(JSON.stringify(res.json)).not.toContain("Hidden Person");
    expect((await hub.deps.db.select().from(staffRecords)).length).toBe(before);
    // Another council's worker with the same number is no obstacle.
    await area.addWorker({ team: area.other.team, sweNumber: "SW777200" }, area.other.council.id);
    expect((await lead.post(`${base}/workers`, newWorker({ sweNumber: "SW777200", name: "E" }))).status).toBe(201);
  });
});

describe("editing a profile", () => {
  it("checks the SWE number's form and that nobody else holds it", async () => {
    await area.addWorker({ team: area.teams.childrenB, sweNumber: "SW778001" });
    const w = await area.addWorker({ team: area.teams.childrenA, sweNumber: "SW778002" });
    const short = await lead.patch(`${base}/workers/${w.id}`, { sweNumber: "SW123" });
    expect(short.status).toBe(400);
    const taken = await lead.patch(`${base}/workers/${w.id}`, { sweNumber: "SW 778001" });
    expect(taken.status).toBe(400);
    expect(issues(taken).sweNumber).toBe(TAKEN);
    // Their own number, as they hold it, is not someone else's.
    expect((await lead.patch(`${base}/workers/${w.id}`, { sweNumber: "sw778002" })).status).toBe(200);
    const [profile] = await hub.deps.db.select().from(swStaff).where(eq(swStaff.staffRecordId, w.id));
    expect(profile.sweNumber).toBe("SW778002");
  });
});

describe("recording a leaver", () => {
  it("takes a leaving date up to 6 months ahead (in post until then) and refuses one further", async () => {
    const w = await area.addWorker({ team: area.teams.childrenA, name: "Resigning Worker" });
    const far = await lead.post(`${base}/workers/${w.id}/leave`, { leavingDate: "2026-12-16", reason: 5 });
    expect(far.status).toBe(400);
    expect(issues(far).leavingDate).toBe("Enter a leaving date no later than 15 December 2026, 6 months from today");
    const ahead = await lead.post(`${base}/workers/${w.id}/leave`, { leavingDate: "2026-09-30", reason: 5 });
    expect(ahead.status).toBe(200);
    expect(ahead.json.worker.endDate).toBe("2026-09-30");
    const team = await lead.get(`${base}/workers?teamId=${area.teams.childrenA.id}`);
    expect(team.json.workers.map((x: { id: string }) => x.id)).toContain(w.id);
  });
});
