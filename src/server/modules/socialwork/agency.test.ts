import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedIn, testHub } from "../../../../test/harness";
import { socialWorkArea } from "../../../../test/social-work-fixtures";
import type { SwService } from "../../../shared/social-work";
import { auditLog, swAgencyAssignments } from "../../db/schema";

// Agency assignments, caps, the monthly view, spend and the DfE return through the API, on
// hand-made rows. The test clock is 2026-06-15: the view's last month by default is May 2026.

const hub = await testHub();
const area = await socialWorkArea(hub);
const lead = await signedIn(hub, area.lead.email);
const base = `/api/orgs/${area.council.id}/social-work`;

const body = (over: Record<string, unknown> = {}) => ({
  teamId: area.teams.childrenA.id,
  role: "social_worker",
  workerName: "Alex Agency",
  sweNumber: "SW200001",
  agencyName: "Locums Ltd",
  startDate: "2026-01-05",
  endDate: null,
  hourlyRate: 38,
  agencyFee: 4,
  weeklyHours: 37,
  noticeWeeks: 4,
  pqeYears: 5,
  asyeCompleted: true,
  referenceReceived: true,
  ...over,
});

await lead.request("PUT", `${base}/agency/price-caps`, {
  roleType: "social_worker",
  hourlyCap: 40,
  fromDate: "2025-10-01",
});

describe("assignments", () => {
  it("creates one, shows its job type and cap, and audits it without the SWE number or name", async () => {
    const res = await lead.post(`${base}/agency/assignments`, body());
    expect(res.status).toBe(201);
    const a = res.json.assignment;
    expect(a).toMatchObject({
      jobType: "social_worker",
      capInForce: 40,
      rulesApply: true,
      flags: [],
      weeklyCost: 37 * 42,
      sweNumber: "SW200001",
    });
    const [entry] = await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, a.id));
    expect(entry.action).toBe("create");
    expect(JSON.stringify(entry)).not.toContain("SW200001");
    expect(JSON.stringify(entry)).not.toContain("Alex Agency");
  });

  it("refuses one that breaks the rules until the flags are confirmed, listing each in plain English", async () => {
    const before = (await hub.deps.db.select().from(swAgencyAssignments)).length;
    // The tester's case: 1 year's PQE, £62.50 over a £40 cap, 1 week's notice, left a council on
    // 1 November (so not before 1 February), no reference.
    const breaking = body({
      workerName: "Five Flags",
      pqeYears: 1,
      hourlyRate: 62.5,
      noticeWeeks: 1,
      startDate: "2026-01-31",
      leftSubstantiveOn: "2025-11-01",
      referenceReceived: false,
    });
    const refused = await lead.post(`${base}/agency/assignments`, breaking);
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe("agency_rules_broken");
    expect(refused.json.error.message).toMatch(/would break 5 of the DfE agency rules/);
    expect(refused.json.error.issues).toEqual([
      { path: "pqeYears", message: "1 year's post-qualifying experience: fewer than the 3 years the rules require." },
      { path: "hourlyRate", message: "£62.50 an hour is above the regional cap of £40.00 and not signed off." },
      {
        path: "noticeWeeks",
        message: "1 week's notice: fewer than 4 (unless the council's own staff in the role have less).",
      },
      {
        path: "leftSubstantiveOn",
        message:
          "Engaged within 3 months of leaving a substantive role in a council of the same region (left on 1 November 2025; not before 1 February 2026).",
      },
      {
        path: "referenceReceived",
        message: "No practice-based reference received: one is needed before engaging a worker.",
      },
    ]);
    expect((await hub.deps.db.select().from(swAgencyAssignments)).length).toBe(before);
    // Confirmed: saved with its flags, and the audit says it was saved with them.
    const saved = await lead.post(`${base}/agency/assignments`, { ...breaking, acknowledgedFlags: true });
    expect(saved.status).toBe(201);
    expect(saved.json.assignment.flags.map((f: { rule: string }) => f.rule)).toEqual([
      "pqe",
      "price_cap",
      "notice",
      "cooling_off",
      "reference",
    ]);
    const [entry] = await hub.deps.db.select().from(auditLog).where(eq(auditLog.entityId, saved.json.assignment.id));
    expect(JSON.stringify(entry)).toContain("savedWithFlags");
    // A change that still breaks a rule needs the confirmation again.
    const put = await lead.request("PUT", `${base}/agency/assignments/${saved.json.assignment.id}`, breaking);
    expect(put.status).toBe(422);
  });

  it("flags the rules: above the cap not signed off, 2 weeks' notice, under 3 years", async () => {
    const res = await lead.post(
      `${base}/agency/assignments`,
      body({ workerName: "Bea", hourlyRate: 44, noticeWeeks: 2, pqeYears: 2, acknowledgedFlags: true }),
    );
    expect(res.status).toBe(201);
    expect(res.json.assignment.flags.map((f: { rule: string; level: string }) => `${f.rule}:${f.level}`)).toEqual([
      "pqe:breach",
      "price_cap:breach",
      "notice:breach",
    ]);
    // Signed off: the cap flag becomes one to report, naming who signed.
    const put = await lead.request(
      "PUT",
      `${base}/agency/assignments/${res.json.assignment.id}`,
      body({
        workerName: "Bea",
        hourlyRate: 44,
        noticeWeeks: 4,
        pqeYears: 3,
        capBreachSignedOffBy: "Director of Children's Services",
      }),
    );
    expect(put.status).toBe(200);
    expect(put.json.assignment.flags).toEqual([
      expect.objectContaining({
        rule: "price_cap",
        level: "report",
        text: expect.stringContaining("signed off by Director of Children's Services"),
      }),
    ]);
  });

  it("adults' assignments get no flags, and say why", async () => {
    const res = await lead.post(
      `${base}/agency/assignments`,
      body({ teamId: area.teams.adults.id, workerName: "Cy", noticeWeeks: 1, referenceReceived: false }),
    );
    expect(res.json.assignment).toMatchObject({ rulesApply: false, flags: [] });
    expect(res.json.assignment.rulesNote).toMatch(/adults/);
  });

  it("bad input gets field errors and saves nothing", async () => {
    const before = (await hub.deps.db.select().from(swAgencyAssignments)).length;
    const res = await lead.post(
      `${base}/agency/assignments`,
      body({ sweNumber: "12345", hourlyRate: -1, startDate: "2026-02-30", workerName: "" }),
    );
    expect(res.status).toBe(400);
    const paths = res.json.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(["hourlyRate", "startDate", "sweNumber", "workerName"]);
    const ends = await lead.post(
      `${base}/agency/assignments`,
      body({ startDate: "2026-03-01", endDate: "2026-02-01" }),
    );
    expect(ends.status).toBe(400);
    expect(ends.json.error.issues[0]).toMatchObject({ path: "endDate" });
    const team = await lead.post(`${base}/agency/assignments`, body({ teamId: area.other.team.id }));
    expect(team.status).toBe(400);
    expect(team.json.error.issues[0]).toMatchObject({ path: "teamId" });
    expect((await hub.deps.db.select().from(swAgencyAssignments)).length).toBe(before);
  });

  it("ends an assignment; an end before its start is refused", async () => {
    const made = (await lead.post(`${base}/agency/assignments`, body({ workerName: "Dee", startDate: "2026-02-01" })))
      .json.assignment;
    const early = await lead.post(`${base}/agency/assignments/${made.id}/end`, { endDate: "2026-01-31" });
    expect(early.status).toBe(400);
    // Ending on its start day (the first day out of post) means never in post: refused, the date as people write it.
    const sameDay = await lead.post(`${base}/agency/assignments/${made.id}/end`, { endDate: "2026-02-01" });
    expect(sameDay.status).toBe(400);
    expect(sameDay.json.error.issues[0].message).toMatch(/after the assignment's start, 1 February 2026$/);
    const ok = await lead.post(`${base}/agency/assignments/${made.id}/end`, { endDate: "2026-03-31" });
    expect(ok.json.assignment.endDate).toBe("2026-03-31");
    const ended = await lead.get(`${base}/agency/assignments?status=ended`);
    expect(ended.json.assignments.map((a: { workerName: string }) => a.workerName)).toContain("Dee");
    const current = await lead.get(`${base}/agency/assignments`);
    expect(current.json.assignments.map((a: { workerName: string }) => a.workerName)).not.toContain("Dee");
  });
});

describe("the monthly view, spend and the return on hand-made rows", async () => {
  const hub2 = await testHub();
  const b = await socialWorkArea(hub2);
  const lead2 = await signedIn(hub2, b.lead.email);
  const url = `/api/orgs/${b.council.id}/social-work`;
  const team = (t: { id: string; workplaceId: string; service: string }) => ({ ...t, service: t.service as SwService });
  await lead2.request("PUT", `${url}/agency/price-caps`, {
    roleType: "social_worker",
    hourlyCap: 40,
    fromDate: "2025-10-01",
  });
  await b.addWorker({ team: team(b.teams.childrenA), startDate: "2026-04-06" }); // a starter in April
  await b.addWorker({ team: team(b.teams.childrenB), startDate: "2020-01-01", endDate: "2026-05-29" }); // a leaver in May
  await b.addWorker({ team: team(b.teams.adults), startDate: "2019-01-01" });
  // In post 20 April to 10 May, crossing April's end: 30 hours at £40 + £5.
  const crossing = (
    await lead2.post(`${url}/agency/assignments`, {
      ...body(),
      teamId: b.teams.childrenA.id,
      sweNumber: null,
      startDate: "2026-04-20",
      endDate: "2026-05-10",
      hourlyRate: 40,
      agencyFee: 5,
      weeklyHours: 30,
    })
  ).json.assignment;

  it("counts starters, leavers, agency at month end and cost exactly", async () => {
    const res = await lead2.get(`${url}/starters-leavers?months=2`);
    expect(res.status).toBe(200);
    expect(res.json.months).toEqual(["2026-04", "2026-05"]);
    const children = res.json.rows.filter((r: { group: string }) => r.group === "children");
    expect(children).toEqual([
      {
        month: "2026-04",
        group: "children",
        starters: 1,
        leavers: 0,
        agencyHeadcount: 1,
        agencyFte: 0.81,
        agencyCost: 2121.43,
      },
      {
        month: "2026-05",
        group: "children",
        starters: 0,
        leavers: 1,
        agencyHeadcount: 0,
        agencyFte: 0,
        agencyCost: 1735.71,
      },
    ]);
    // 30 × 45 × 11 days (20–30 April) ÷ 7 = 2,121.43; 30 × 45 × 9 (1–9 May: the end date, 10 May,
    // is the first day out of post) ÷ 7 = 1,735.71.
    const teams = await lead2.get(`${url}/starters-leavers?months=2&by=team`);
    const a = teams.json.rows.filter((r: { group: string }) => r.group === b.teams.childrenA.id);
    expect(a.map((r: { starters: number; agencyHeadcount: number }) => [r.starters, r.agencyHeadcount])).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it("the CSV and XLSX hold the same rows", async () => {
    const csv = await lead2.get(`${url}/starters-leavers.csv?months=2`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("April 2026,Children and families,1,0,1,0.81,2121.43");
    const xlsx = await lead2.request("GET", `${url}/starters-leavers.xlsx?months=2`);
    expect(xlsx.status).toBe(200);
  });

  it("an analyst reads the view by service with a lone worker's cost withheld, but not by team", async () => {
    const analyst = await signedIn(hub2, b.analyst.email);
    const res = await analyst.get(`${url}/starters-leavers?months=2`);
    expect(res.status).toBe(200);
    const april = res.json.rows.find(
      (r: { month: string; group: string }) => r.month === "2026-04" && r.group === "children",
    );
    // Fewer than 5 staff in post in the children's service that month: the counts are withheld too.
    expect(april).toMatchObject({ starters: null, agencyHeadcount: null, agencyCost: null });
    expect(res.json.note).toMatch(/withheld/);
    expect((await analyst.get(`${url}/starters-leavers?by=team`)).status).toBe(403);
    const spend = await analyst.get(`${url}/agency/spend`);
    expect(spend.json.byTeam).toBeNull();
  });

  it("spend: the year to today", async () => {
    const res = await lead2.get(`${url}/agency/spend`);
    // 20 days in post (20 April to 9 May) × 30 hours × £45 ÷ 7.
    expect(res.json.last).toMatchObject({ from: "2025-06-16", to: "2026-06-15", total: 3857.14 });
    expect(res.json.previous.total).toBe(0);
    expect(res.json.change).toBeNull();
    expect(res.json.byService.find((s: { key: string }) => s.key === "children").last).toBe(3857.14);
  });

  it("bad query: months out of range is a field error", async () => {
    const res = await lead2.get(`${url}/starters-leavers?months=37`);
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toBe("months");
  });

  it("the DfE return for 2026-Q2: rows, the missing SWE number as a problem, compliance and cost", async () => {
    await lead2.post(`${url}/agency/assignments`, {
      ...body(),
      teamId: b.teams.childrenB.id,
      workerName: "Over Cap",
      agencyName: "Pricey Agency",
      startDate: "2026-05-01",
      hourlyRate: 50,
      sweNumber: "SW300003",
      acknowledgedFlags: true,
    });
    await lead2.post(`${url}/agency/assignments`, {
      ...body(),
      teamId: b.teams.adults.id,
      workerName: "Adult",
      startDate: "2026-04-01",
    });
    const res = await lead2.get(`${url}/agency/return/2026-q2`);
    expect(res.status).toBe(200);
    const r = res.json;
    expect(r.period).toBe("2026-Q2");
    expect(r.rows.map((x: { startDate: string; sweNumber: string | null }) => [x.startDate, x.sweNumber])).toEqual([
      ["2026-04-20", null],
      ["2026-05-01", "SW300003"],
    ]);
    expect(r.problems).toEqual([expect.objectContaining({ assignmentId: crossing.id, row: 1, field: "sweNumber" })]);
    const cap = r.compliance.find((c: { rule: string }) => c.rule === "price_cap");
    expect(cap).toMatchObject({ inScope: 2, compliant: 1, notCompliant: 1, toCheck: 0 });
    expect(r.capBreaches).toEqual([
      expect.objectContaining({ hourlyRate: 50, hourlyCap: 40, signedOffBy: null, agencyName: "Pricey Agency" }),
    ]);
    expect(r.flaggedAgencies.map((a: { agencyName: string }) => a.agencyName)).toEqual(["Pricey Agency"]);
    expect(r.monthlyCost.map((m: { month: string }) => m.month)).toEqual(["2026-04", "2026-05", "2026-06"]);
    const csv = await lead2.get(`${url}/agency/return/2026-Q2/return.csv`);
    expect(csv.text.split("\n")[0]).toContain("Job type,Hourly rate paid (£),Assignment start date");
    expect(csv.text).toContain("Social worker,50.00,2026-05-01,,SW300003,No");
    const xlsx = await lead2.request("GET", `${url}/agency/return/2026-Q2/return.xlsx`);
    expect(xlsx.status).toBe(200);
    expect((await lead2.get(`${url}/agency/return/2026-Q5`)).status).toBe(400);
  });
});
