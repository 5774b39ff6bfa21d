import { and, asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  type CommissioningArea,
  commissioningArea,
  contract,
  contractStandard,
  result,
  standard,
} from "../../../../test/commissioning-fixtures";
import { makeSystem, makeUser, signedIn, testHub } from "../../../../test/harness";
import type { QppLineView } from "../../../shared/schemas/commissioning-qpp";
import { auditLog, commissioningStandards, complianceResults } from "../../db/schema";

// The Quality Premium Payment through the API, on hand-made compliance results (the compliance
// part's rows are the input). The test clock is 2026-06-15: 2026-Q1 is the last ended quarter.

const hub = await testHub();

async function setup() {
  const area = await commissioningArea(hub, { workers: 2 });
  const rlw = await standard(hub, area, "rlw_floor");
  const training = await standard(hub, area, "training_min");
  const turnover = await standard(hub, area, "turnover_max");
  const cA = await contract(hub, area, { providerId: area.providerA.id, reference: "HC-A" });
  const cB = await contract(hub, area, { providerId: area.providerB.id, reference: "HC-B" });
  const home = await contract(hub, area, {
    providerId: area.providerA.id,
    reference: "CH-A",
    serviceType: "care_home",
  });
  const carried = async (c: { id: string }) => ({
    rlw: await contractStandard(hub, area, c, rlw),
    training: await contractStandard(hub, area, c, training),
    turnover: await contractStandard(hub, area, c, turnover),
  });
  const cc = await area.commissionerClient();
  return { area, rlw, training, turnover, cA, cB, home, csA: await carried(cA), csB: await carried(cB), cc };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const base = (a: CommissioningArea) => `/api/orgs/${a.councilId}/commissioning/qpp/schemes`;
const deliver = (s: Setup, contractId: string, period: string, units: number) =>
  s.cc.request("PUT", `/api/orgs/${s.area.councilId}/commissioning/contracts/${contractId}/deliveries/${period}`, {
    units,
  });
async function newScheme(s: Setup, values: Record<string, unknown> = {}) {
  const res = await s.cc.post(base(s.area), {
    name: "Home care quality premium",
    serviceType: "home_care",
    standards: [
      { standardId: s.rlw.id, weight: 2 },
      { standardId: s.training.id, weight: 1 },
      { standardId: s.turnover.id, weight: 1 },
    ],
    method: "weighted",
    basis: "per_unit",
    rate: 0.4,
    budgetCap: null,
    fromPeriod: "2025-Q3",
    ...values,
  });
  expect(res.status, res.text).toBe(201);
  return res.json.scheme.id as string;
}
const schedule = (s: Setup, id: string, period: string) => s.cc.get(`${base(s.area)}/${id}/schedules/${period}`);
type Line = QppLineView;
const lineOf = (res: { json: { schedule: { lines: Line[] } } }, contractId: string) =>
  res.json.schedule.lines.find((l) => l.contractId === contractId) as Line;

describe("a scheme's schedule", () => {
  it("works out each home care contract's entitlement from its results, and scales to the budget cap exactly", async () => {
    const s = await setup();
    // A meets all three (weights 4 of 4); B meets only the RLW floor (2 of 4), with not enough data
    // for training, which never counts as met.
    for (const cs of Object.values(s.csA)) await result(hub, s.area, cs, "2026-Q1");
    await result(hub, s.area, s.csB.rlw, "2026-Q1");
    await result(hub, s.area, s.csB.training, "2026-Q1", { status: "not_enough_data", n: 2 });
    await result(hub, s.area, s.csB.turnover, "2026-Q1", { status: "not_met", value: 0.45 });
    expect((await deliver(s, s.cA.id, "2026-Q1", 1000)).status).toBe(200);
    expect((await deliver(s, s.cB.id, "2026-Q1", 1500)).status).toBe(200);
    const id = await newScheme(s, { budgetCap: 500 });

    const res = await schedule(s, id, "2026-Q1");
    expect(res.status, res.text).toBe(200);
    // The care home contract is not in a home care scheme.
    expect(res.json.schedule.lines.map((l: { contractReference: string }) => l.contractReference).sort()).toEqual([
      "HC-A",
      "HC-B",
    ]);
    const a = lineOf(res, s.cA.id);
    const b = lineOf(res, s.cB.id);
    // Before the cap: A 1,000 h × £0.40 × 100% = £400; B 1,500 h × £0.40 × 50% = £300; total £700.
    expect([a.amountBeforeCap, b.amountBeforeCap]).toEqual([400, 300]);
    expect(b.working).toContain("1,500 contact hours delivered × £0.40 × 50% = £300.00.");
    expect(b.standards.find((x) => x.name === s.training.name)?.reason).toBe("Not enough data: never counted as met");
    // Over the £500 cap: × 5/7. A 285.714… and B 214.285… floor to 285.71 + 214.28 = 499.99; the
    // last penny goes to B, whose remainder is larger.
    expect([a.amount, b.amount]).toEqual([285.71, 214.29]);
    expect(res.json.schedule).toMatchObject({
      status: "draft",
      totalBeforeCap: 700,
      total: 500,
      budgetCap: 500,
      scaled: true,
      scale: 0.71428571,
    });
    expect(res.json.schedule.capNote).toContain("over the £500.00 budget cap, so every line is scaled by 0.7143");
  });

  it("pays £0 to a per-unit contract with no units recorded, and counts a missing result as not met", async () => {
    const s = await setup();
    for (const cs of Object.values(s.csA)) await result(hub, s.area, cs, "2026-Q1");
    await result(hub, s.area, s.csB.rlw, "2026-Q1");
    await deliver(s, s.cA.id, "2026-Q1", 10);
    const id = await newScheme(s, { method: "all_met" });
    const res = await schedule(s, id, "2026-Q1");
    const b = lineOf(res, s.cB.id);
    expect(b.amount).toBe(0);
    expect(b.units).toBeNull();
    expect(b.working).toContain(
      "No delivered contact hours are recorded for the period, so nothing is paid until they are.",
    );
    expect(b.standards.find((x) => x.name === s.turnover.name)?.reason).toBe(
      "No result: counted as not met (none computed for the period yet)",
    );
    expect(lineOf(res, s.cA.id).amount).toBe(4);
  });

  it("changes the draft at once when a challenge is accepted, but never an approved schedule", async () => {
    const s = await setup();
    const rows: { id: string }[] = [];
    for (const period of ["2025-Q4", "2026-Q1"]) {
      for (const cs of Object.values(s.csA)) await result(hub, s.area, cs, period);
      await result(hub, s.area, s.csB.rlw, period);
      await result(hub, s.area, s.csB.training, period);
      rows.push(await result(hub, s.area, s.csB.turnover, period, { status: "not_met", value: 0.4 }));
    }
    const id = await newScheme(s, { method: "all_met", basis: "per_contract", rate: 1000 });
    const approve = await s.cc.post(`${base(s.area)}/${id}/schedules/2025-Q4/approve`);
    expect(approve.status, approve.text).toBe(200);
    expect(approve.json.schedule.status).toBe("approved");
    expect(lineOf(approve, s.cB.id).amount).toBe(0);
    expect(lineOf(await schedule(s, id, "2026-Q1"), s.cB.id).amount).toBe(0);

    // The commissioner accepts B's challenges of the turnover results: the override wins.
    for (const r of rows)
      await hub.deps.db
        .update(complianceResults)
        .set({ overrideStatus: "met", overrideNote: "Leavers were TUPE transfers", overriddenAt: new Date() })
        .where(eq(complianceResults.id, r.id));

    const draft = await schedule(s, id, "2026-Q1");
    expect(draft.json.schedule.status).toBe("draft");
    expect(lineOf(draft, s.cB.id).amount).toBe(1000);
    expect(lineOf(draft, s.cB.id).standards.find((x) => x.name === s.turnover.name)?.reason).toBe(
      "Met (after an accepted challenge)",
    );
    const frozen = await schedule(s, id, "2025-Q4");
    expect(frozen.json.schedule.status).toBe("approved");
    expect(lineOf(frozen, s.cB.id).amount).toBe(0);
    expect(frozen.json.schedule.total).toBe(1000);
  });

  it("approves only an ended period, once, and only for a commissioner; audits it", async () => {
    const s = await setup();
    const id = await newScheme(s);
    const early = await s.cc.post(`${base(s.area)}/${id}/schedules/2026-Q2/approve`);
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe("period_not_ended");
    const analyst = await makeUser(hub, s.area.council, "council_analyst");
    const ac = await signedIn(hub, analyst.email);
    expect((await ac.get(`${base(s.area)}/${id}/schedules/2026-Q1`)).status).toBe(200);
    expect((await ac.post(`${base(s.area)}/${id}/schedules/2026-Q1/approve`)).status).toBe(403);
    expect((await s.cc.post(`${base(s.area)}/${id}/schedules/2026-Q1/approve`)).status).toBe(200);
    const twice = await s.cc.post(`${base(s.area)}/${id}/schedules/2026-Q1/approve`);
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe("already_approved");
    const before = await s.cc.post(`${base(s.area)}/${id}/schedules/2025-Q2/approve`);
    expect(before.status).toBe(400);
    expect(before.json.error.issues).toEqual([{ path: "period", message: "Choose a period from 2025-Q3 on" }]);
    const bad = await s.cc.get(`${base(s.area)}/${id}/schedules/2026-13`);
    expect(bad.status).toBe(400);
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.area.councilId), eq(auditLog.entityType, "qpp_schedule")))
      .orderBy(asc(auditLog.id));
    expect(audit.map((x) => x.action)).toEqual(["approve"]);
  });
});

describe("the schedule for finance", () => {
  it("downloads only once approved, with a total row, cells defused, as CSV and XLSX", async () => {
    const s = await setup();
    const evil = await contract(hub, s.area, { providerId: s.area.providerB.id, reference: "=HYPERLINK(1)" });
    for (const cs of Object.values(s.csA)) await result(hub, s.area, cs, "2026-Q1");
    await deliver(s, s.cA.id, "2026-Q1", 1000);
    await deliver(s, evil.id, "2026-Q1", 20);
    const id = await newScheme(s);
    const csvPath = `${base(s.area)}/${id}/schedules/2026-Q1/schedule.csv`;
    const early = await s.cc.get(csvPath);
    expect(early.status).toBe(409);
    expect(early.json.error.message).toBe(
      "The 2026-Q1 schedule is still a draft: approve it first, then download it for finance.",
    );
    expect((await s.cc.post(`${base(s.area)}/${id}/schedules/2026-Q1/approve`)).status).toBe(200);
    const csv = await s.cc.get(csvPath);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("quality-premium-2026-Q1.csv");
    const lines = csv.text
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Provider,Contract reference,Period,Standards met,Units delivered,Amount before cap (£),Amount payable (£)",
    );
    expect(lines).toContain(`${s.area.providerA.name},HC-A,2026-Q1,3 of 3,1000,400.00,400.00`);
    expect(lines.some((l) => l.includes(",'=HYPERLINK(1),2026-Q1,0 of 3,20,0.00,0.00"))).toBe(true);
    expect(lines.at(-1)).toBe("Total,,2026-Q1,,,400.00,400.00");
    const res = await hub.app.request(`${base(s.area)}/${id}/schedules/2026-Q1/schedule.xlsx`, {
      headers: { cookie: s.cc.cookie },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    const cells = sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));
    expect(cells).toContain("'=HYPERLINK(1)");
    expect(sheet.getRow(sheet.rowCount).values).toEqual([undefined, "Total", "", "2026-Q1", "", "", 400, 400]);
  });
});

describe("a provider's own entitlement", () => {
  it("shows each provider only its own lines, provisional while a draft and approved once approved", async () => {
    const s = await setup();
    for (const period of ["2025-Q4", "2026-Q1"]) {
      for (const cs of Object.values(s.csA)) await result(hub, s.area, cs, period);
      for (const cs of Object.values(s.csB)) await result(hub, s.area, cs, period, { status: "not_met", value: 1 });
    }
    const id = await newScheme(s, { basis: "per_contract", rate: 800, budgetCap: 400 });
    await s.cc.post(`${base(s.area)}/${id}/schedules/2025-Q4/approve`);
    const pa = await s.area.providerAClient();
    const mine = await pa.get(`/api/orgs/${s.area.providerA.id}/quality-premium`);
    expect(mine.status, mine.text).toBe(200);
    const rows = mine.json.entitlements as {
      period: string;
      status: string;
      capNote: string;
      total: number;
      lines: { providerId: string; contractReference: string }[];
    }[];
    expect(rows.map((r) => [r.period, r.status, r.total])).toEqual([
      ["2026-Q1", "provisional", 400],
      ["2025-Q4", "approved", 400],
    ]);
    for (const r of rows) {
      expect(r.lines.map((l) => l.contractReference)).toEqual(["HC-A"]);
      expect(r.capNote).not.toContain("£");
    }
    const pb = await s.area.providerBClient();
    const theirs = await pb.get(`/api/orgs/${s.area.providerB.id}/quality-premium`);
    const all = (theirs.json.entitlements as { lines: { providerId: string }[] }[]).flatMap((r) => r.lines);
    expect(all.length).toBe(2);
    expect(all.every((l) => l.providerId === s.area.providerB.id)).toBe(true);
    expect(theirs.text).not.toContain("HC-A");
  });
});

describe("schemes and delivered units", () => {
  it("refuses a standard from another council's library and a tiered scheme with no tiers, naming the field", async () => {
    const s = await setup();
    const other = await makeSystem(hub);
    const [foreign] = await hub.deps.db
      .insert(commissioningStandards)
      .values({ councilId: other.council.id, kind: "rlw_floor", name: "Theirs", threshold: 0 })
      .returning();
    const res = await s.cc.post(base(s.area), {
      name: "Mixed",
      standards: [{ standardId: foreign.id, weight: 1 }],
      method: "all_met",
      basis: "per_contract",
      rate: 100,
      fromPeriod: "2026-Q1",
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toBe("standards.0.standardId");
    const tiered = await s.cc.post(base(s.area), {
      name: "Tiered",
      standards: [{ standardId: s.rlw.id, weight: 1 }],
      method: "tiered",
      basis: "per_contract",
      rate: 100,
      fromPeriod: "2026-Q1",
    });
    expect(tiered.status).toBe(400);
    expect(tiered.json.error.issues).toEqual([{ path: "tiers", message: "Add at least one tier for a tiered scheme" }]);
  });

  it("records units for the council's own contracts only, overriding a provider's figure, audited", async () => {
    const s = await setup();
    const other = await makeSystem(hub);
    const oc = await signedIn(hub, other.councilAdmin.email);
    const theirs = await oc.request(
      "PUT",
      `/api/orgs/${other.council.id}/commissioning/contracts/${s.cA.id}/deliveries/2026-Q1`,
      { units: 5 },
    );
    expect(theirs.status).toBe(404);
    expect((await deliver(s, s.cA.id, "2026-Q1", -1)).status).toBe(400);
    expect((await deliver(s, s.cA.id, "2026-Q1", 120.5)).json.delivery).toMatchObject({
      units: 120.5,
      source: "council",
    });
    expect((await deliver(s, s.cA.id, "2026-Q1", 130)).json.delivery.units).toBe(130);
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.area.councilId), eq(auditLog.entityType, "contract_delivery")))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, (a.after as { units: number }).units])).toEqual([
      ["create", 120.5],
      ["update", 130],
    ]);
  });
});
