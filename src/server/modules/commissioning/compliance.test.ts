import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  type CommissioningArea,
  commissioningArea,
  contract,
  contractStandard,
  standard,
} from "../../../../test/commissioning-fixtures";
import { type Hub, makeSystem, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import type { StandardKindKey } from "../../../shared/commissioning";
import {
  auditLog,
  careerFrameworks,
  complianceResults,
  contractWorkplaces,
  frameworkEndorsements,
  monitoringReturns,
  returnPeriods,
  returnSubmissions,
  staffRecords,
  workplaces,
} from "../../db/schema";

// Compliance computed from the data (issue 19 item 2), on hand-made data: each kind met, not met
// and not enough data (never met); a contract naming one workplace reads only it; ended quarters
// only; a council reads only its own contracts. Test clock 2026-06-15: 2026-Q1 is the last ended
// quarter, when the Real Living Wage was £12.60 (outside London).

const hub: Hub = await testHub();
const Q = "2026-Q1";

/** Staff for a provider's workplace: `count` in a role at a pay, in post since 2020. */
async function addStaff(orgId: string, workplaceId: string, count: number, values: { role?: number; pay?: number }) {
  await hub.deps.db.insert(staffRecords).values(
    Array.from({ length: count }, () => {
      const ref = `X${uniq()}`;
      return {
        orgId,
        workplaceId,
        localRef: ref,
        displayId: ref,
        contractType: 1,
        mainJobRole: values.role ?? 8,
        startDate: "2020-01-01",
        dateOfBirth: "1990-01-01",
        ethnicity: 31,
        payInterval: 3,
        payRate: values.pay ?? 12.6,
      };
    }),
  );
}

async function addWorkplace(orgId: string, councilId: string, postcode = "WA7 2BB") {
  const [w] = await hub.deps.db
    .insert(workplaces)
    .values({ orgId, councilId, localRef: `W${uniq()}`, name: "Second home", mainService: 2, postcode })
    .returning();
  return w;
}

/** A contract for a provider carrying one standard of `kind` (threshold on the contract when given). */
async function carrying(
  a: CommissioningArea,
  kind: StandardKindKey,
  providerId: string,
  opts: { threshold?: number; workplaceIds?: string[] } = {},
) {
  const s = await standard(hub, a, kind);
  const c = await contract(hub, a, { providerId });
  const cs = await contractStandard(hub, a, c, s, opts.threshold === undefined ? {} : { threshold: opts.threshold });
  for (const workplaceId of opts.workplaceIds ?? [])
    await hub.deps.db.insert(contractWorkplaces).values({ contractId: c.id, workplaceId, councilId: a.councilId });
  return { contract: c, cs };
}

async function councilView(a: CommissioningArea, period = Q) {
  const client = await a.commissionerClient();
  const res = await client.get(`/api/orgs/${a.councilId}/commissioning/compliance?period=${period}`);
  expect(res.status).toBe(200);
  return res.json as {
    contracts: {
      id: string;
      results: {
        contractStandardId: string;
        status: string;
        effectiveStatus: string;
        value: number | null;
        n: number;
        sentence: string;
        asAt: string;
        toFix: string | null;
      }[];
    }[];
  };
}

function resultOf(view: Awaited<ReturnType<typeof councilView>>, x: { contract: { id: string }; cs: { id: string } }) {
  const c = view.contracts.find((k) => k.id === x.contract.id);
  const r = c?.results.find((k) => k.contractStandardId === x.cs.id);
  if (!r) throw new Error("no result for the contract's standard");
  return r;
}

describe("figure standards over the contract's workplaces, as at the period end", () => {
  it("Real Living Wage floor: met, not met (with the sentence) and not enough data", async () => {
    const a = await commissioningArea(hub);
    // Provider B: one of its six care workers paid £12.00, below the £12.60 Real Living Wage.
    const [first] = await a.staffOf(a.providerB.id);
    await hub.deps.db.update(staffRecords).set({ payRate: 12 }).where(eq(staffRecords.id, first.id));
    const empty = await addWorkplace(a.providerA.id, a.councilId);
    const met = await carrying(a, "rlw_floor", a.providerA.id, { workplaceIds: [a.workplaceA.id] });
    const notMet = await carrying(a, "rlw_floor", a.providerB.id);
    const none = await carrying(a, "rlw_floor", a.providerA.id, { workplaceIds: [empty.id] });
    const view = await councilView(a);
    expect(resultOf(view, met)).toMatchObject({ status: "met", value: 0, n: 6, asAt: "2026-03-31", toFix: null });
    expect(resultOf(view, notMet)).toMatchObject({ status: "not_met", n: 6 });
    expect(resultOf(view, notMet).value).toBeCloseTo(1 / 6, 6);
    expect(resultOf(view, notMet).sentence).toBe(
      "16.7% of 6 care workers with pay known paid below the Real Living Wage of £12.60 at 31 March 2026.",
    );
    expect(resultOf(view, notMet).toFix).toContain("Raise the pay");
    // No staff behind the figure: not enough data, never met.
    expect(resultOf(view, none)).toMatchObject({
      status: "not_enough_data",
      value: null,
      n: 0,
      effectiveStatus: "not_enough_data",
    });
  });

  it("a contract naming one workplace reads only that workplace; naming none reads all the provider's", async () => {
    const a = await commissioningArea(hub);
    const second = await addWorkplace(a.providerA.id, a.councilId);
    await addStaff(a.providerA.id, second.id, 6, { pay: 11.5 });
    const first = await carrying(a, "rlw_floor", a.providerA.id, { workplaceIds: [a.workplaceA.id] });
    const all = await carrying(a, "rlw_floor", a.providerA.id);
    const onlySecond = await carrying(a, "rlw_floor", a.providerA.id, { workplaceIds: [second.id] });
    const view = await councilView(a);
    expect(resultOf(view, first)).toMatchObject({ status: "met", value: 0, n: 6 });
    expect(resultOf(view, all)).toMatchObject({ status: "not_met", value: 0.5, n: 12 });
    expect(resultOf(view, onlySecond)).toMatchObject({ status: "not_met", value: 1, n: 6 });
    // The history works out every quarter at once (one engine pass per workplace set): the same reading each quarter.
    const client = await a.commissionerClient();
    for (const [x, value] of [
      [onlySecond, 1],
      [all, 0.5],
    ] as const) {
      const history = await client.get(`/api/orgs/${a.councilId}/commissioning/contracts/${x.contract.id}/compliance`);
      expect(history.json.periods.map((p: { period: string }) => p.period)).toEqual([
        "2026-Q1",
        "2025-Q4",
        "2025-Q3",
        "2025-Q2",
      ]);
      expect(history.json.periods.map((p: { results: { value: number; n: number }[] }) => p.results[0])).toEqual(
        Array.from({ length: 4 }, () => expect.objectContaining({ value, n: value === 1 ? 6 : 12 })),
      );
    }
  });

  it("senior margin: the senior care workers' median minus the Real Living Wage, against the contract's margin", async () => {
    const a = await commissioningArea(hub);
    await addStaff(a.providerA.id, a.workplaceA.id, 3, { role: 7, pay: 13.2 });
    const met = await carrying(a, "senior_margin", a.providerA.id);
    const higher = await carrying(a, "senior_margin", a.providerA.id, { threshold: 1 });
    const none = await carrying(a, "senior_margin", a.providerB.id);
    const view = await councilView(a);
    expect(resultOf(view, met)).toMatchObject({ status: "met", value: 0.6, n: 3 });
    expect(resultOf(view, met).sentence).toBe(
      "Senior care workers' median pay of £13.20 an hour is £0.60 above the Real Living Wage of £12.60 at 31 March 2026 (3 senior care workers with pay known).",
    );
    expect(resultOf(view, higher)).toMatchObject({ status: "not_met", value: 0.6 });
    expect(resultOf(view, none)).toMatchObject({ status: "not_enough_data", value: null, n: 0 });
  });

  it("zero-hours limit: met, not met and not enough data", async () => {
    const a = await commissioningArea(hub);
    const staffB = await a.staffOf(a.providerB.id);
    await hub.deps.db.update(staffRecords).set({ zeroHours: 2 }).where(eq(staffRecords.orgId, a.providerA.id));
    await hub.deps.db.update(staffRecords).set({ zeroHours: 2 }).where(eq(staffRecords.orgId, a.providerB.id));
    await hub.deps.db.update(staffRecords).set({ zeroHours: 1 }).where(eq(staffRecords.id, staffB[0].id));
    const empty = await addWorkplace(a.providerA.id, a.councilId);
    const met = await carrying(a, "zero_hours_max", a.providerA.id, { workplaceIds: [a.workplaceA.id] });
    const notMet = await carrying(a, "zero_hours_max", a.providerB.id);
    const none = await carrying(a, "zero_hours_max", a.providerA.id, { workplaceIds: [empty.id] });
    const view = await councilView(a);
    expect(resultOf(view, met)).toMatchObject({ status: "met", value: 0, n: 6 });
    expect(resultOf(view, notMet)).toMatchObject({ status: "not_met", n: 6 });
    expect(resultOf(view, none).status).toBe("not_enough_data");
  });
});

describe("standards over the hub's records", () => {
  it("career framework: not enough data before one is published, then met when endorsed by the period end and not met otherwise", async () => {
    const a = await commissioningArea(hub);
    const endorsing = await carrying(a, "career_endorsed", a.providerA.id);
    const notEndorsing = await carrying(a, "career_endorsed", a.providerB.id);
    // Nothing published yet in 2025-Q4.
    const before = await councilView(a, "2025-Q4");
    expect(resultOf(before, endorsing)).toMatchObject({ status: "not_enough_data", value: null });
    const [fw] = await hub.deps.db
      .insert(careerFrameworks)
      .values({
        councilId: a.councilId,
        status: "published",
        version: 1,
        document: { roles: [] },
        publishedAt: new Date("2026-01-10T10:00:00Z"),
      })
      .returning();
    await hub.deps.db.insert(frameworkEndorsements).values([
      { frameworkId: fw.id, providerId: a.providerA.id, endorsedAt: new Date("2026-02-01T10:00:00Z") },
      // B endorses after the period's end: it does not count for 2026-Q1.
      { frameworkId: fw.id, providerId: a.providerB.id, endorsedAt: new Date("2026-04-02T10:00:00Z") },
    ]);
    const view = await councilView(a);
    expect(resultOf(view, endorsing)).toMatchObject({ status: "met", value: 1, n: 1 });
    expect(resultOf(view, endorsing).sentence).toBe("Endorsed the council's career framework on 1 February 2026.");
    expect(resultOf(view, notEndorsing)).toMatchObject({ status: "not_met", value: 0, n: 1 });
  });

  it("data returns: on time and complete is met; late, incomplete or missing after the due date is not; no return period is not enough data", async () => {
    const a = await commissioningArea(hub);
    const onTime = await carrying(a, "returns_on_time", a.providerA.id);
    const late = await carrying(a, "returns_on_time", a.providerB.id);
    const before = await councilView(a, "2025-Q4");
    expect(resultOf(before, onTime)).toMatchObject({ status: "not_enough_data", value: null });
    const [period] = await hub.deps.db
      .insert(returnPeriods)
      .values({ councilId: a.councilId, name: "Spring 2026", periodEnd: "2026-03-31", dueDate: "2026-04-30" })
      .returning();
    await hub.deps.db.insert(returnSubmissions).values([
      {
        periodId: period.id,
        orgId: a.providerA.id,
        submittedAt: new Date("2026-04-20T10:00:00Z"),
        completeness: { score: 0.95 },
        snapshot: {},
      },
      {
        periodId: period.id,
        orgId: a.providerB.id,
        submittedAt: new Date("2026-05-05T10:00:00Z"),
        completeness: { score: 1 },
        snapshot: {},
      },
    ]);
    const view = await councilView(a);
    expect(resultOf(view, onTime)).toMatchObject({ status: "met", value: 0.95, n: 1 });
    expect(resultOf(view, onTime).sentence).toBe(
      'The data return "Spring 2026" (due 30 April 2026) was submitted on 20 April 2026, 95% complete.',
    );
    expect(resultOf(view, late)).toMatchObject({ status: "not_met", value: 0 });

    // On time but 80% complete (under the 90% threshold); and not submitted at all after the due date.
    const b = await commissioningArea(hub);
    const incomplete = await carrying(b, "returns_on_time", b.providerA.id);
    const missing = await carrying(b, "returns_on_time", b.providerB.id);
    const [p2] = await hub.deps.db
      .insert(returnPeriods)
      .values({ councilId: b.councilId, name: "Spring 2026", periodEnd: "2026-03-31", dueDate: "2026-04-30" })
      .returning();
    await hub.deps.db.insert(returnSubmissions).values({
      periodId: p2.id,
      orgId: b.providerA.id,
      submittedAt: new Date("2026-04-01T10:00:00Z"),
      completeness: { score: 0.8 },
      snapshot: {},
    });
    const view2 = await councilView(b);
    expect(resultOf(view2, incomplete)).toMatchObject({ status: "not_met", value: 0.8 });
    expect(resultOf(view2, missing)).toMatchObject({ status: "not_met", value: 0 });
    expect(resultOf(view2, missing).sentence).toContain("was not submitted by its due date");
  });

  it("paid travel: declared paid is met, declared unpaid is not, no confirmed return is not enough data (and is read again later)", async () => {
    const a = await commissioningArea(hub);
    const paid = await carrying(a, "paid_travel", a.providerA.id);
    const unpaid = await carrying(a, "paid_travel", a.providerB.id);
    const first = await councilView(a);
    expect(resultOf(first, paid)).toMatchObject({ status: "not_enough_data", value: null, n: 0 });
    await hub.deps.db.insert(monitoringReturns).values([
      {
        councilId: a.councilId,
        providerId: a.providerA.id,
        period: Q,
        asAt: "2026-03-31",
        figures: {},
        declarations: { paidTravel: true },
        confirmedAt: new Date("2026-04-10T10:00:00Z"),
      },
      {
        councilId: a.councilId,
        providerId: a.providerB.id,
        period: Q,
        asAt: "2026-03-31",
        figures: {},
        declarations: { paidTravel: false },
        confirmedAt: new Date("2026-04-11T10:00:00Z"),
      },
    ]);
    // Not enough data waiting for a return is provisional: read again, the confirmed returns count.
    const view = await councilView(a);
    expect(resultOf(view, paid)).toMatchObject({ status: "met", value: 1, n: 1 });
    expect(resultOf(view, unpaid)).toMatchObject({ status: "not_met", value: 0, n: 1 });
  });
});

describe("periods, storage and recompute", () => {
  it("refuses a current or future quarter, and a period that is not a quarter, naming the field", async () => {
    const a = await commissioningArea(hub);
    const client = await a.commissionerClient();
    const current = await client.get(`/api/orgs/${a.councilId}/commissioning/compliance?period=2026-Q2`);
    expect(current.status).toBe(400);
    expect(current.json.error.message).toBe(
      "2026-Q2 (April to June 2026) has not ended yet: compliance is measured for ended quarters, the latest being 2026-Q1.",
    );
    const bad = await client.get(`/api/orgs/${a.councilId}/commissioning/compliance?period=2026-13`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.error)).toContain("period");
    const recompute = await client.post(`/api/orgs/${a.councilId}/commissioning/compliance/recompute`, {
      period: "2026-Q3",
    });
    expect(recompute.status).toBe(400);
  });

  it("stores results once when read, and recompute (audited) reads today's data; a standard not yet applying has no result", async () => {
    const a = await commissioningArea(hub);
    const x = await carrying(a, "rlw_floor", a.providerA.id);
    const later = await standard(hub, a, "zero_hours_max");
    await contractStandard(hub, a, x.contract, later, { fromPeriod: "2026-Q2" });
    expect(resultOf(await councilView(a), x).status).toBe("met");
    await councilView(a);
    const stored = await hub.deps.db
      .select()
      .from(complianceResults)
      .where(eq(complianceResults.contractId, x.contract.id))
      .orderBy(asc(complianceResults.period));
    expect(stored.map((r) => [r.period, r.status])).toEqual([[Q, "met"]]);
    // The data changes: a stored result stays until recomputed.
    await hub.deps.db.update(staffRecords).set({ payRate: 11 }).where(eq(staffRecords.orgId, a.providerA.id));
    expect(resultOf(await councilView(a), x).status).toBe("met");
    const client = await a.commissionerClient();
    const res = await client.post(`/api/orgs/${a.councilId}/commissioning/compliance/recompute`, {
      period: Q,
      contractId: x.contract.id,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ period: Q, recomputed: 1 });
    expect(resultOf(await councilView(a), x)).toMatchObject({ status: "not_met", value: 1 });
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.councilId), eq(auditLog.action, "recompute")));
    expect(audit).toHaveLength(1);
    // An analyst views but may not recompute.
    const analyst = await makeUser(hub, a.council, "council_analyst");
    const ac = await signedIn(hub, analyst.email);
    expect((await ac.get(`/api/orgs/${a.councilId}/commissioning/compliance?period=${Q}`)).status).toBe(200);
    expect((await ac.post(`/api/orgs/${a.councilId}/commissioning/compliance/recompute`, { period: Q })).status).toBe(
      403,
    );
  });

  it("a contract's history lists every ended quarter since its first standard applies, newest first", async () => {
    const a = await commissioningArea(hub);
    const s = await standard(hub, a, "rlw_floor");
    const c = await contract(hub, a, { startDate: "2025-04-01" });
    await contractStandard(hub, a, c, s, { fromPeriod: "2025-Q3" });
    const client = await a.commissionerClient();
    const res = await client.get(`/api/orgs/${a.councilId}/commissioning/contracts/${c.id}/compliance`);
    expect(res.status).toBe(200);
    expect(res.json.periods.map((p: { period: string }) => p.period)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
    expect(res.json.periods.map((p: { results: { status: string }[] }) => p.results.map((r) => r.status))).toEqual([
      ["met"],
      ["met"],
      ["met"],
    ]);
  });

  it("a council cannot read another council's contract, nor see it in its compliance", async () => {
    const a = await commissioningArea(hub);
    const x = await carrying(a, "rlw_floor", a.providerA.id);
    const other = await makeSystem(hub);
    const oc = await signedIn(hub, other.councilAdmin.email);
    const res = await oc.get(`/api/orgs/${other.council.id}/commissioning/contracts/${x.contract.id}/compliance`);
    expect(res.status).toBe(404);
    const list = await oc.get(`/api/orgs/${other.council.id}/commissioning/compliance?period=${Q}`);
    expect(list.status).toBe(200);
    expect(list.json.contracts).toEqual([]);
    const recompute = await oc.post(`/api/orgs/${other.council.id}/commissioning/compliance/recompute`, {
      period: Q,
      contractId: x.contract.id,
    });
    expect(recompute.status).toBe(404);
  });
});
