import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeUser, signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import { swAgencyAssignments, swStaff } from "../../db/schema";

// The establishment, the caseload form and the agency list use the one in-post rule
// (shared/sw-in-post.ts, in SQL in-post.repo.ts): an end date is the first day out of post, so
// someone whose end date is the day is not in post on it. The test clock is 2026-06-15.

const hub = await testHub();
const area = await socialWorkArea(hub);
const lead = await signedIn(hub, area.lead.email);
const base = `/api/orgs/${area.council.id}/social-work`;

describe("the establishment on a day", () => {
  it("does not fill a post with a worker, or cover it with an agency worker, whose end date is the day", async () => {
    const team = (await lead.post(`${base}/teams`, { name: "Boundary Team", service: "children" })).json.team;
    const t = { id: team.id, service: "children" as const, workplaceId: area.childrenPlace.id };
    await lead.request("PUT", `${base}/teams/${team.id}/establishment`, {
      role: "social_worker",
      fundedFte: 4,
      effectiveFrom: "2025-01-01",
    });
    await area.addWorker({ team: t, endDate: "2026-06-15" }); // leaves today: not in post
    await area.addWorker({ team: t, endDate: "2026-06-16", contractedHours: 18.5 }); // last day today: 0.5
    const agency = (endDate: string) =>
      hub.deps.db.insert(swAgencyAssignments).values({
        orgId: area.council.id,
        teamId: team.id,
        role: "social_worker",
        workerName: "Agency",
        agencyName: "Agency Ltd",
        startDate: "2026-01-01",
        endDate,
        hourlyRate: 40,
        weeklyHours: 37,
      });
    await agency("2026-06-15");
    await agency("2026-06-16");

    const res = await lead.get(`${base}/establishment?at=2026-06-15&service=children`);
    const row = res.json.teams.find((x: { teamId: string }) => x.teamId === team.id);
    expect(row.rows).toEqual([
      { role: "social_worker", roleLabel: "Social worker", funded: 4, filled: 0.5, vacant: 3.5, agencyCover: 1 },
    ]);
    // The day before, both workers and both assignments were in post.
    const before = await lead.get(`${base}/establishment?at=2026-06-14&service=children`);
    expect(before.json.teams.find((x: { teamId: string }) => x.teamId === team.id).rows[0]).toMatchObject({
      filled: 1.5,
      agencyCover: 2,
    });
  });
});

describe("the caseload form for a month", () => {
  it("lists case holders in post on some day of the month, not one whose end date is its first day", async () => {
    const team = (await lead.post(`${base}/teams`, { name: "Caseload Boundary", service: "adults" })).json.team;
    const t = { id: team.id, service: "adults" as const, workplaceId: area.adultsPlace.id };
    await area.addWorker({ team: t, name: "Gone on the first", endDate: "2026-06-01" });
    await area.addWorker({ team: t, name: "Last day the first", endDate: "2026-06-02" });
    await area.addWorker({ team: t, name: "No hours", contractedHours: 0 });
    const res = await lead.get(`${base}/teams/${team.id}/caseloads?month=2026-06`);
    expect(res.status).toBe(200);
    expect(res.json.workers.map((w: { name: string; fte: number }) => [w.name, w.fte])).toEqual([
      ["Last day the first", 1],
      ["No hours", 0],
    ]);
  });
});

describe("the agency assignments list", () => {
  it("lists an assignment whose end date is today as ended, and one ending tomorrow as current", async () => {
    const made = async (endDate: string) =>
      (
        await hub.deps.db
          .insert(swAgencyAssignments)
          .values({
            orgId: area.council.id,
            teamId: area.teams.childrenB.id,
            role: "social_worker",
            workerName: `Ends ${endDate}`,
            agencyName: "Agency Ltd",
            startDate: "2026-01-01",
            endDate,
            hourlyRate: 40,
            weeklyHours: 37,
          })
          .returning()
      )[0].id;
    const today = await made("2026-06-15");
    const tomorrow = await made("2026-06-16");
    const ids = async (status: string) =>
      (await lead.get(`${base}/agency/assignments?status=${status}`)).json.assignments.map((a: { id: string }) => a.id);
    const [current, ended] = [await ids("current"), await ids("ended")];
    expect(current).toContain(tomorrow);
    expect(current).not.toContain(today);
    expect(ended).toContain(today);
    expect(ended).not.toContain(tomorrow);
  });
});

// The pick lists and alerts: someone whose end date is today (2026-06-15) has left, so is offered
// nowhere and has nothing needing attention; someone whose end date is tomorrow is still in post.
describe("the lists that offer people in post today", () => {
  const team = area.teams.childrenB;
  const pair = async (label: string, extra: { role?: "social_worker" | "senior_social_worker"; peStage?: 1 | 2 }) => {
    const gone = `${label} gone today`;
    const stays = `${label} last day today`;
    await area.addWorker({ team, name: gone, endDate: "2026-06-15", ...extra });
    await area.addWorker({ team, name: stays, endDate: "2026-06-16", ...extra });
    return { gone, stays };
  };
  const names = (xs: { name: string }[]) => xs.map((x) => x.name);

  it("the supervision page's supervisors", async () => {
    const p = await pair("Supervisor", {});
    const res = await lead.get(`${base}/supervision`);
    expect(res.status).toBe(200);
    expect(names(res.json.supervisors)).toContain(p.stays);
    expect(names(res.json.supervisors)).not.toContain(p.gone);
  });

  it("the ASYE form's workers and assessors", async () => {
    const p = await pair("Assessor", { role: "senior_social_worker" });
    const res = await lead.get(`${base}/asye-options`);
    expect(res.status).toBe(200);
    for (const list of [res.json.workers, res.json.assessors]) {
      expect(names(list)).toContain(p.stays);
      expect(names(list)).not.toContain(p.gone);
    }
  });

  it("the trainee form's practice educators", async () => {
    const p = await pair("Trainee PE", { peStage: 1 });
    const res = await lead.get(`${base}/trainee-options`);
    expect(res.status).toBe(200);
    expect(names(res.json.practiceEducators)).toContain(p.stays);
    expect(names(res.json.practiceEducators)).not.toContain(p.gone);
  });

  it("the practice educators list (one with no payments is listed only while in post)", async () => {
    const p = await pair("Listed PE", { peStage: 2 });
    const res = await lead.get(`${base}/practice-educators`);
    expect(res.status).toBe(200);
    const listed = res.json.practiceEducators as { name: string; inPost: boolean }[];
    expect(listed.find((x) => x.name === p.stays)?.inPost).toBe(true);
    expect(names(listed)).not.toContain(p.gone);
  });

  it("a worker's own registration alerts stop on their end date", async () => {
    const alerts = async (endDate: string) => {
      const user = await makeUser(hub, null);
      const w = await area.addWorker({ team, name: `Own alerts ${endDate}`, endDate, userId: user.id });
      await hub.deps.db
        .update(swStaff)
        .set({ sweRenewalDate: "2026-07-01", cpdRecordedOn: null })
        .where(eq(swStaff.staffRecordId, w.id));
      const res = await (await signedIn(hub, user.email)).get("/api/me/social-work/alerts");
      expect(res.status).toBe(200);
      return (res.json.items as { kind: string }[]).map((i) => i.kind);
    };
    expect(await alerts("2026-06-16")).toContain("registration_at_risk");
    expect(await alerts("2026-06-15")).toEqual([]);
  });
});
