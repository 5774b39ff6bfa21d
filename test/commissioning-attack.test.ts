import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  complianceChallenges,
  complianceResults,
  contractDeliveries,
  contracts,
  monitoringReturns,
  organisations,
  qppSchedules,
  qppSchemes,
  staffRecords,
} from "../src/server/db/schema";
import {
  type CommissioningArea,
  commissioningArea,
  contract,
  contractStandard,
  result,
  standard,
} from "./commissioning-fixtures";
import { Client, type Hub, makeUser, signedIn, testHub } from "./harness";

// Commissioning (issue 19) attacked through the HTTP app: by a hostile provider, a curious
// provider viewer, another council, a signed-out visitor and someone sending malicious input.
// Each test fails if the defence it names breaks. The test clock is 2026-06-15: 2026-Q1 is the
// last ended quarter.

let hub: Hub;
beforeAll(async () => {
  hub = await testHub();
});

const Q = "2026-Q1";
const NOWHERE = "00000000-0000-4000-8000-000000000000";

/** A council with two providers, each with a home care contract carrying the RLW floor standard, a
 * not met result for 2026-Q1, and a scheme paying on it. */
async function setup() {
  const area = await commissioningArea(hub, { workers: 2 });
  const rlw = await standard(hub, area, "rlw_floor");
  const cA = await contract(hub, area, {
    providerId: area.providerA.id,
    reference: `A-${area.providerA.id.slice(0, 6)}`,
  });
  const cB = await contract(hub, area, {
    providerId: area.providerB.id,
    reference: `B-${area.providerB.id.slice(0, 6)}`,
  });
  const csA = await contractStandard(hub, area, cA, rlw);
  const csB = await contractStandard(hub, area, cB, rlw);
  const rA = await result(hub, area, csA, Q, { status: "not_met", value: 0.5 });
  const rB = await result(hub, area, csB, Q, { status: "not_met", value: 0.5 });
  const cc = await area.commissionerClient();
  return { area, rlw, cA, cB, csA, csB, rA, rB, cc };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const council = (a: CommissioningArea) => `/api/orgs/${a.councilId}/commissioning`;
const schemes = (a: CommissioningArea) => `${council(a)}/qpp/schemes`;
const challengePath = (orgId: string, resultId: string) =>
  `/api/orgs/${orgId}/compliance/results/${resultId}/challenges`;
const returnPath = (orgId: string, councilId: string, period = Q) =>
  `/api/orgs/${orgId}/monitoring-returns/${councilId}/${period}`;

async function newScheme(s: Setup, values: Record<string, unknown> = {}) {
  const res = await s.cc.post(schemes(s.area), {
    name: "Quality premium",
    serviceType: "home_care",
    standards: [{ standardId: s.rlw.id, weight: 1 }],
    method: "all_met",
    basis: "per_contract",
    rate: 100,
    fromPeriod: "2025-Q3",
    ...values,
  });
  expect(res.status, res.text).toBe(201);
  return res.json.scheme.id as string;
}

const challengesOf = (resultId: string) =>
  hub.deps.db.select().from(complianceChallenges).where(eq(complianceChallenges.resultId, resultId));

describe("a signed-out visitor", () => {
  it("gets 401 and nothing else from every commissioning route", async () => {
    const s = await setup();
    const a = s.area;
    const anon = new Client(hub);
    const reads = [
      `${council(a)}/standards`,
      `${council(a)}/contracts`,
      `${council(a)}/contracts/${s.cA.id}`,
      `${council(a)}/contract-options`,
      `${council(a)}/compliance?period=${Q}`,
      `${council(a)}/challenges`,
      `${council(a)}/price-floor`,
      `${council(a)}/fee-rates`,
      `${council(a)}/tenders`,
      `${council(a)}/overview`,
      `${council(a)}/overview/compliance.csv`,
      `${council(a)}/monitoring-returns`,
      `${council(a)}/monitoring-returns.csv`,
      schemes(a),
      `/api/orgs/${a.providerA.id}/contracts`,
      `/api/orgs/${a.providerA.id}/contracts/${s.cA.id}`,
      `/api/orgs/${a.providerA.id}/compliance`,
      `/api/orgs/${a.providerA.id}/quality-premium`,
      `/api/orgs/${a.providerA.id}/monitoring-returns`,
      returnPath(a.providerA.id, a.councilId),
      `${returnPath(a.providerA.id, a.councilId)}/monitoring-return.csv`,
      `${returnPath(a.providerA.id, a.councilId)}/monitoring-return.xlsx`,
      `/api/orgs/${a.providerA.id}/capacity-tracker`,
      `/api/orgs/${a.providerA.id}/capacity-tracker.csv`,
    ];
    for (const path of reads) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(401);
      expect(res.text, path).not.toContain(s.cA.reference);
      expect(res.text, path).not.toContain(a.providerA.name);
    }
    const writes: [string, string, unknown][] = [
      ["POST", challengePath(a.providerA.id, s.rA.id), { reason: "Wrong" }],
      ["POST", `${returnPath(a.providerA.id, a.councilId)}/confirm`, { paidTravel: true }],
      ["POST", `${council(a)}/contracts`, {}],
      ["POST", `${council(a)}/compliance/recompute`, { period: Q }],
      ["PUT", `${council(a)}/contracts/${s.cA.id}/deliveries/${Q}`, { units: 5 }],
    ];
    for (const [method, path, body] of writes) {
      const res = await anon.request(method, path, body);
      expect([401, 403], `${method} ${path}`).toContain(res.status);
    }
    expect(await challengesOf(s.rA.id)).toEqual([]);
    expect(
      await hub.deps.db.select().from(contractDeliveries).where(eq(contractDeliveries.contractId, s.cA.id)),
    ).toEqual([]);
  });
});

describe("provider B against provider A", () => {
  it("cannot read, challenge or confirm anything of A's by guessing ids, through its own organisation or A's", async () => {
    const s = await setup();
    const a = s.area;
    const b = await a.providerBClient();
    const B = a.providerB.id;
    const A = a.providerA.id;

    // Through A's organisation: not a member, so 404 (A's existence is not disclosed either).
    for (const path of [
      `/api/orgs/${A}/contracts`,
      `/api/orgs/${A}/contracts/${s.cA.id}`,
      `/api/orgs/${A}/contracts/${s.cA.id}/compliance`,
      `/api/orgs/${A}/compliance?period=${Q}`,
      `/api/orgs/${A}/quality-premium`,
      `/api/orgs/${A}/monitoring-returns`,
      returnPath(A, a.councilId),
      `${returnPath(A, a.councilId)}/monitoring-return.csv`,
      `${returnPath(A, a.councilId)}/monitoring-return.xlsx`,
      `/api/orgs/${A}/capacity-tracker.csv`,
    ]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).not.toContain(s.cA.reference);
    }
    expect((await b.post(challengePath(A, s.rA.id), { reason: "Ours now" })).status).toBe(404);
    expect((await b.post(`${returnPath(A, a.councilId)}/confirm`, { paidTravel: true })).status).toBe(404);

    // Through its own organisation, with A's ids: not found, never A's data.
    const own = [
      `/api/orgs/${B}/contracts/${s.cA.id}`,
      `/api/orgs/${B}/contracts/${s.cA.id}/compliance`,
      // A's organisation id in place of the council's.
      returnPath(B, A),
      `${returnPath(B, A)}/monitoring-return.csv`,
    ];
    for (const path of own) {
      const res = await b.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).not.toContain(s.cA.reference);
    }
    const challenge = await b.post(challengePath(B, s.rA.id), { reason: "Not met? Prove it" });
    expect(challenge.status).toBe(404);
    expect(await challengesOf(s.rA.id)).toEqual([]);

    // Its own lists hold nothing of A's.
    for (const path of [
      `/api/orgs/${B}/contracts`,
      `/api/orgs/${B}/compliance?period=${Q}`,
      `/api/orgs/${B}/quality-premium`,
      `/api/orgs/${B}/monitoring-returns`,
      returnPath(B, a.councilId),
      `${returnPath(B, a.councilId)}/monitoring-return.csv`,
    ]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain(s.cA.id);
      expect(res.text, path).not.toContain(s.rA.id);
      expect(res.text, path).not.toContain(s.cA.reference);
      expect(res.text, path).not.toContain(a.providerA.name);
    }

    // Declaring units on A's contract in B's own return is refused, and writes no delivery for A.
    const confirm = await b.post(`${returnPath(B, a.councilId)}/confirm`, {
      paidTravel: true,
      deliveries: [{ contractId: s.cA.id, units: 99999 }],
    });
    expect(confirm.status).toBe(400);
    expect(confirm.json.error.issues[0].path).toBe("deliveries.0.contractId");
    expect(
      await hub.deps.db.select().from(contractDeliveries).where(eq(contractDeliveries.contractId, s.cA.id)),
    ).toEqual([]);
    expect(await hub.deps.db.select().from(monitoringReturns).where(eq(monitoringReturns.providerId, B))).toEqual([]);
  });

  it("sees only its own Quality Premium lines, even when both share one scheme", async () => {
    const s = await setup();
    await newScheme(s);
    const b = await s.area.providerBClient();
    const res = await b.get(`/api/orgs/${s.area.providerB.id}/quality-premium`);
    expect(res.status).toBe(200);
    const lines = res.json.entitlements.flatMap((e: { lines: { contractId: string }[] }) => e.lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l: { contractId: string }) => l.contractId === s.cB.id)).toBe(true);
    expect(res.text).not.toContain(s.cA.reference);
  });
});

describe("the wrong kind of organisation", () => {
  it("a provider calling council routes with its own id gets 403 wrong_org_kind, and a council calling provider routes too", async () => {
    const s = await setup();
    const a = s.area;
    const b = await a.providerBClient();
    const B = a.providerB.id;
    const pb = `/api/orgs/${B}/commissioning`;
    const calls: [string, string, unknown?][] = [
      ["GET", `${pb}/standards`],
      ["GET", `${pb}/contracts`],
      ["GET", `${pb}/contracts/${s.cB.id}`],
      ["GET", `${pb}/compliance`],
      ["GET", `${pb}/challenges`],
      ["POST", `${pb}/challenges/${NOWHERE}/decision`, { decision: "accept", note: "Mine" }],
      ["POST", `${pb}/compliance/recompute`, { period: Q }],
      ["GET", `${pb}/overview/compliance.csv`],
      ["GET", `${pb}/monitoring-returns.csv`],
      ["GET", `${pb}/qpp/schemes`],
      ["POST", `${pb}/qpp/schemes/${NOWHERE}/schedules/${Q}/approve`],
      ["PUT", `${pb}/contracts/${s.cB.id}/deliveries/${Q}`, { units: 100000 }],
      ["POST", `${pb}/fee-rates`, {}],
      ["POST", `${pb}/tenders`, {}],
      ["PUT", `${pb}/price-floor/2026-27/home_care`, { assumptions: {} }],
    ];
    for (const [method, path, body] of calls) {
      const res = await b.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.code, `${method} ${path}`).toBe("wrong_org_kind");
    }
    // The council's own ids through the provider's organisation change nothing.
    expect(
      await hub.deps.db.select().from(contractDeliveries).where(eq(contractDeliveries.contractId, s.cB.id)),
    ).toEqual([]);

    const cc = s.cc;
    for (const path of [
      `/api/orgs/${a.councilId}/compliance`,
      `/api/orgs/${a.councilId}/quality-premium`,
      `/api/orgs/${a.councilId}/monitoring-returns`,
      `/api/orgs/${a.councilId}/contracts`,
    ]) {
      const res = await cc.get(path);
      expect(res.status, path).toBe(403);
      expect(res.json.error.code, path).toBe("wrong_org_kind");
    }
    const res = await cc.post(challengePath(a.councilId, s.rA.id), { reason: "As council" });
    expect(res.status).toBe(403);
    expect(await challengesOf(s.rA.id)).toEqual([]);
  });
});

describe("another council", () => {
  it("gets 404 for the first council's contracts, results, challenges, schemes, rates, tenders and standards, and changes nothing", async () => {
    const s = await setup();
    const a = s.area;
    const other = await commissioningArea(hub, { workers: 1 });
    const oc = await other.commissionerClient();
    const schemeId = await newScheme(s);
    const pa = await a.providerAClient();
    const raised = await pa.post(challengePath(a.providerA.id, s.rA.id), { reason: "We pay the RLW" });
    expect(raised.status, raised.text).toBe(201);
    const challengeId = raised.json.challenge.id;
    const rate = await s.cc.post(`${council(a)}/fee-rates`, {
      year: "2026-27",
      serviceType: "home_care",
      band: "Standard",
      unit: "hour",
      rate: 30,
    });
    expect(rate.status, rate.text).toBe(201);
    const tender = await s.cc.post(`${council(a)}/tenders`, {
      name: "Home care 2026",
      serviceType: "home_care",
      year: "2026-27",
    });
    expect(tender.status, tender.text).toBe(201);

    const o = `/api/orgs/${other.councilId}/commissioning`;
    const calls: [string, string, unknown?][] = [
      ["GET", `${o}/contracts/${s.cA.id}`],
      ["GET", `${o}/contracts/${s.cA.id}/compliance`],
      [
        "PUT",
        `${o}/contracts/${s.cA.id}`,
        {
          providerId: a.providerA.id,
          reference: "STOLEN",
          name: "Stolen",
          serviceType: "home_care",
          startDate: "2025-04-01",
        },
      ],
      ["POST", `${o}/contracts/${s.cA.id}/standards`, { standardId: s.rlw.id }],
      ["DELETE", `${o}/contracts/${s.cA.id}/standards/${s.csA.id}`],
      ["PUT", `${o}/contracts/${s.cA.id}/deliveries/${Q}`, { units: 1 }],
      ["POST", `${o}/challenges/${challengeId}/decision`, { decision: "accept", note: "Fine by us" }],
      ["POST", `${o}/compliance/recompute`, { period: Q, contractId: s.cA.id }],
      ["GET", `${o}/qpp/schemes/${schemeId}`],
      ["GET", `${o}/qpp/schemes/${schemeId}/schedules/${Q}`],
      ["POST", `${o}/qpp/schemes/${schemeId}/schedules/${Q}/approve`],
      ["GET", `${o}/qpp/schemes/${schemeId}/schedules/${Q}/schedule.csv`],
      [
        "PUT",
        `${o}/fee-rates/${rate.json.id}`,
        { year: "2026-27", serviceType: "home_care", band: "X", unit: "hour", rate: 1 },
      ],
      ["DELETE", `${o}/fee-rates/${rate.json.id}`],
      ["GET", `${o}/tenders/${tender.json.id}`],
      ["DELETE", `${o}/tenders/${tender.json.id}`],
      ["POST", `${o}/tenders/${tender.json.id}/bids`, { bidder: "Me", price: 1 }],
      ["PUT", `${o}/standards/${s.rlw.id}`, { kind: "rlw_floor", name: "Renamed" }],
      ["POST", `${o}/standards/${s.rlw.id}/archive`],
    ];
    for (const [method, path, body] of calls) {
      const res = await oc.request(method, path, body);
      expect(res.status, `${method} ${path} ${res.text}`).toBe(404);
      expect(res.text).not.toContain(s.cA.reference);
    }
    // Its own lists show nothing of the first council's.
    for (const path of [`${o}/challenges`, `${o}/contracts`, `${o}/qpp/schemes`, `${o}/compliance?period=${Q}`]) {
      const res = await oc.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain(challengeId);
      expect(res.text, path).not.toContain(s.cA.id);
      expect(res.text, path).not.toContain(schemeId);
    }
    // A scheme or a contract built on the first council's standard or providers is refused.
    const scheme = await oc.post(`/api/orgs/${other.councilId}/commissioning/qpp/schemes`, {
      name: "Borrowed",
      standards: [{ standardId: s.rlw.id, weight: 1 }],
      method: "all_met",
      basis: "per_contract",
      rate: 1,
      fromPeriod: "2025-Q3",
    });
    expect([400, 404]).toContain(scheme.status);
    const stolen = await oc.post(`${o}/contracts`, {
      providerId: a.providerA.id,
      reference: "POACH-1",
      name: "Poached",
      serviceType: "home_care",
      startDate: "2025-04-01",
    });
    expect([400, 404]).toContain(stolen.status);
    // Nothing changed.
    const [ch] = await challengesOf(s.rA.id);
    expect(ch.status).toBe("open");
    const [cRow] = await hub.deps.db.select().from(contracts).where(eq(contracts.id, s.cA.id));
    expect(cRow.reference).toBe(s.cA.reference);
    expect(await hub.deps.db.select().from(qppSchedules).where(eq(qppSchedules.schemeId, schemeId))).toEqual([]);
    expect(
      await hub.deps.db.select().from(contractDeliveries).where(eq(contractDeliveries.contractId, s.cA.id)),
    ).toEqual([]);
    expect((await s.cc.get(`${council(a)}/tenders/${tender.json.id}`)).json.bids).toEqual([]);
  });
});

describe("a provider viewer", () => {
  it("can read its own results but cannot challenge one or confirm a return (403), and nothing is written", async () => {
    const s = await setup();
    const viewer = await makeUser(hub, s.area.providerA, "provider_viewer");
    const v = await signedIn(hub, viewer.email);
    const A = s.area.providerA.id;
    expect((await v.get(`/api/orgs/${A}/compliance?period=${Q}`)).status).toBe(200);
    const ch = await v.post(challengePath(A, s.rA.id), { reason: "I think it is met" });
    expect(ch.status).toBe(403);
    const conf = await v.post(`${returnPath(A, s.area.councilId)}/confirm`, { paidTravel: true });
    expect(conf.status).toBe(403);
    expect(await challengesOf(s.rA.id)).toEqual([]);
    expect(await hub.deps.db.select().from(monitoringReturns).where(eq(monitoringReturns.providerId, A))).toEqual([]);
  });
});

describe("a council analyst (view only)", () => {
  it("reads the council's commissioning but cannot decide, approve, record, save or create (403), and nothing changes", async () => {
    const s = await setup();
    const a = s.area;
    const analyst = await makeUser(hub, { id: a.councilId }, "council_analyst");
    const an = await signedIn(hub, analyst.email);
    const pa = await a.providerAClient();
    const raised = await pa.post(challengePath(a.providerA.id, s.rA.id), { reason: "We pay the RLW" });
    const schemeId = await newScheme(s);
    expect((await an.get(`${council(a)}/challenges`)).status).toBe(200);
    const calls: [string, string, unknown?][] = [
      ["POST", `${council(a)}/challenges/${raised.json.challenge.id}/decision`, { decision: "accept", note: "Yes" }],
      ["POST", `${schemes(a)}/${schemeId}/schedules/${Q}/approve`],
      ["PUT", `${council(a)}/contracts/${s.cA.id}/deliveries/${Q}`, { units: 5 }],
      ["PUT", `${council(a)}/price-floor/2026-27/home_care`, { assumptions: { wage: 20 } }],
      ["POST", `${council(a)}/compliance/recompute`, { period: Q }],
      ["POST", `${council(a)}/standards`, { kind: "rlw_floor", name: "Mine" }],
      ["POST", `${council(a)}/tenders`, { name: "T", serviceType: "home_care", year: "2026-27" }],
    ];
    for (const [method, path, body] of calls) {
      const res = await an.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const [ch] = await challengesOf(s.rA.id);
    expect(ch.status).toBe("open");
    expect(await hub.deps.db.select().from(qppSchedules).where(eq(qppSchedules.schemeId, schemeId))).toEqual([]);
    expect(
      await hub.deps.db.select().from(contractDeliveries).where(eq(contractDeliveries.contractId, s.cA.id)),
    ).toEqual([]);
    expect((await s.cc.get(`${council(a)}/price-floor`)).json.source).toBe("defaults");
  });
});

describe("mass assignment", () => {
  it("a challenge's extra fields (status, councilId, providerId, resultId, decidedBy) are not applied", async () => {
    const s = await setup();
    const a = s.area;
    const other = await commissioningArea(hub, { workers: 1 });
    const pa = await a.providerAClient();
    const res = await pa.post(challengePath(a.providerA.id, s.rA.id), {
      reason: "We pay the RLW",
      status: "accepted",
      councilId: other.councilId,
      providerId: a.providerB.id,
      resultId: s.rB.id,
      decidedBy: a.adminA.id,
      decisionNote: "Self-approved",
      overrideStatus: "met",
    });
    expect(res.status, res.text).toBe(201);
    const [row] = await challengesOf(s.rA.id);
    expect(row).toMatchObject({
      status: "open",
      councilId: a.councilId,
      providerId: a.providerA.id,
      decidedBy: null,
      decisionNote: null,
    });
    expect(await challengesOf(s.rB.id)).toEqual([]);
    const [r] = await hub.deps.db.select().from(complianceResults).where(eq(complianceResults.id, s.rA.id));
    expect(r.overrideStatus).toBeNull();
  });

  it("a decision's extra fields (overrideStatus, approvedBy, resultId) are not applied; a status outside the list is refused", async () => {
    const s = await setup();
    const a = s.area;
    const pa = await a.providerAClient();
    const raised = await pa.post(challengePath(a.providerA.id, s.rA.id), { reason: "We pay the RLW" });
    const id = raised.json.challenge.id;
    const bad = await s.cc.post(`${council(a)}/challenges/${id}/decision`, {
      decision: "accept",
      note: "Ok",
      status: "platinum",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("status");
    const res = await s.cc.post(`${council(a)}/challenges/${id}/decision`, {
      decision: "reject",
      note: "No evidence",
      overrideStatus: "met",
      overriddenBy: a.adminA.id,
      approvedBy: a.adminA.id,
      resultId: s.rB.id,
      decidedBy: a.adminA.id,
    });
    expect(res.status, res.text).toBe(200);
    const [rA] = await hub.deps.db.select().from(complianceResults).where(eq(complianceResults.id, s.rA.id));
    const [rB] = await hub.deps.db.select().from(complianceResults).where(eq(complianceResults.id, s.rB.id));
    expect([rA.overrideStatus, rA.overriddenBy, rB.overrideStatus]).toEqual([null, null, null]);
    const [ch] = await challengesOf(s.rA.id);
    expect(ch.decidedBy).toBe(s.area.commissioner.id);
  });

  it("a contract, a scheme and a delivery take their council, status and source from the hub, never the body", async () => {
    const s = await setup();
    const a = s.area;
    const other = await commissioningArea(hub, { workers: 1 });
    const made = await s.cc.post(`${council(a)}/contracts`, {
      providerId: a.providerA.id,
      reference: `MA-${a.councilId.slice(0, 6)}`,
      name: "Mass assigned",
      serviceType: "home_care",
      startDate: "2025-04-01",
      councilId: other.councilId,
      id: NOWHERE,
      createdAt: "2000-01-01T00:00:00Z",
    });
    expect(made.status, made.text).toBe(201);
    const [row] = await hub.deps.db.select().from(contracts).where(eq(contracts.id, made.json.contract.id));
    expect(row.councilId).toBe(a.councilId);
    expect(row.id).not.toBe(NOWHERE);

    const schemeId = await newScheme(s, { councilId: other.councilId, status: "approved", approvedBy: a.adminA.id });
    const [scheme] = await hub.deps.db.select().from(qppSchemes).where(eq(qppSchemes.id, schemeId));
    expect(scheme.councilId).toBe(a.councilId);
    const draft = await s.cc.get(`${schemes(a)}/${schemeId}/schedules/${Q}`);
    expect(draft.json.schedule.status).toBe("draft");
    expect(draft.json.schedule.approvedBy).toBeNull();
    // A draft schedule is not exported just because a body said approved.
    expect((await s.cc.get(`${schemes(a)}/${schemeId}/schedules/${Q}/schedule.csv`)).status).toBe(409);

    const put = await s.cc.request("PUT", `${council(a)}/contracts/${s.cA.id}/deliveries/${Q}`, {
      units: 10,
      source: "provider_return",
      contractId: s.cB.id,
      councilId: other.councilId,
      period: "2020-Q1",
    });
    expect(put.status, put.text).toBe(200);
    const rows = await hub.deps.db
      .select()
      .from(contractDeliveries)
      .where(eq(contractDeliveries.councilId, a.councilId));
    expect(rows.map((r) => [r.contractId, r.period, r.source, r.units])).toEqual([[s.cA.id, Q, "council", 10]]);
  });

  it("a monitoring return's confirmation takes its figures from the hub, not from the body", async () => {
    const s = await setup();
    const a = s.area;
    const pa = await a.providerAClient();
    const res = await pa.post(`${returnPath(a.providerA.id, a.councilId)}/confirm`, {
      paidTravel: true,
      figures: { provider: { filled_posts: { value: 9999, n: 9999 } } },
      providerId: a.providerB.id,
      councilId: NOWHERE,
      confirmedAt: "2000-01-01T00:00:00Z",
      status: "confirmed",
    });
    expect(res.status, res.text).toBe(201);
    const [row] = await hub.deps.db
      .select()
      .from(monitoringReturns)
      .where(and(eq(monitoringReturns.councilId, a.councilId), eq(monitoringReturns.period, Q)));
    expect(row.providerId).toBe(a.providerA.id);
    expect(new Date(row.confirmedAt).getFullYear()).toBe(2026);
    expect(JSON.stringify(row.figures)).not.toContain("9999");
    const filled = res.json.return.figures.find((f: { name: string }) => f.name === "filled_posts");
    expect(filled.value).toBe(2);
  });
});

describe("formula injection in text that reaches files", () => {
  const EVIL = '=HYPERLINK("http://evil.test","x")';
  const SNEAKY = "-2+cmd|' /C calc'!A0";

  it("free text starting like a formula is refused at the door, by field", async () => {
    const s = await setup();
    const a = s.area;
    const pa = await a.providerAClient();
    const ch = await pa.post(challengePath(a.providerA.id, s.rA.id), { reason: EVIL });
    expect(ch.status).toBe(400);
    expect(ch.json.error.issues[0].path).toBe("reason");
    const ev = await pa.post(challengePath(a.providerA.id, s.rA.id), { reason: "Fine", evidence: "@SUM(A1)" });
    expect(ev.status).toBe(400);
    expect(ev.json.error.issues[0].path).toBe("evidence");
    const c = await s.cc.post(`${council(a)}/contracts`, {
      providerId: a.providerA.id,
      reference: "+1+1",
      name: EVIL,
      serviceType: "home_care",
      startDate: "2025-04-01",
    });
    expect(c.status).toBe(400);
    expect(c.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["name", "reference"]);
    const sch = await s.cc.post(schemes(a), {
      name: EVIL,
      standards: [{ standardId: s.rlw.id, weight: 1 }],
      method: "all_met",
      basis: "per_contract",
      rate: 1,
      fromPeriod: "2025-Q3",
    });
    expect(sch.status).toBe(400);
    expect(sch.json.error.issues[0].path).toBe("name");
    expect(await challengesOf(s.rA.id)).toEqual([]);
  });

  it("names and references stored before the check (or starting with -) are defused in the QPP CSV and XLSX, compliance.csv and the monitoring CSVs", async () => {
    const s = await setup();
    const a = s.area;
    await hub.deps.db.update(organisations).set({ name: EVIL }).where(eq(organisations.id, a.providerA.id));
    await hub.deps.db.update(contracts).set({ reference: SNEAKY, name: "@evil" }).where(eq(contracts.id, s.cA.id));
    await hub.deps.db.update(complianceResults).set({ status: "met" }).where(eq(complianceResults.id, s.rA.id));
    const schemeId = await newScheme(s);
    const approved = await s.cc.post(`${schemes(a)}/${schemeId}/schedules/${Q}/approve`);
    expect(approved.status, approved.text).toBe(200);

    const lines = (text: string) => text.replace(/^\ufeff/, "").split("\r\n");
    const noBareFormula = (text: string, where: string) => {
      for (const line of lines(text))
        for (const cell of line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
          const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
          expect(
            /^[=+@\t\r]/.test(value) || (/^-/.test(value) && !/^-\d+(\.\d+)?$/.test(value)),
            `${where}: ${value}`,
          ).toBe(false);
        }
    };

    const csv = await s.cc.get(`${schemes(a)}/${schemeId}/schedules/${Q}/schedule.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`'${EVIL.replace(/"/g, '""')}`);
    expect(csv.text).toContain(`'${SNEAKY}`);
    noBareFormula(csv.text, "schedule.csv");

    const xlsx = await hub.app.request(`${schemes(a)}/${schemeId}/schedules/${Q}/schedule.xlsx`, {
      headers: { cookie: s.cc.cookie },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const cells: unknown[] = [];
    wb.worksheets[0].eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell.value);
        expect(cell.type, String(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
    expect(cells).toContain(`'${EVIL}`);
    expect(cells).toContain(`'${SNEAKY}`);
    expect(cells).not.toContain(EVIL);

    const overview = await s.cc.get(`${council(a)}/overview/compliance.csv?period=${Q}`);
    expect(overview.status).toBe(200);
    expect(overview.text).toContain(`'${SNEAKY}`);
    noBareFormula(overview.text, "compliance.csv");

    const pa = await a.providerAClient();
    const own = await pa.get(`${returnPath(a.providerA.id, a.councilId)}/monitoring-return.csv`);
    expect(own.status).toBe(200);
    expect(own.text).toContain(`'${EVIL.replace(/"/g, '""')}`);
    noBareFormula(own.text, "monitoring-return.csv");
    const confirmed = await pa.post(`${returnPath(a.providerA.id, a.councilId)}/confirm`, { paidTravel: true });
    expect(confirmed.status, confirmed.text).toBe(201);
    const all = await s.cc.get(`${council(a)}/monitoring-returns.csv?period=${Q}`);
    expect(all.status).toBe(200);
    expect(all.text).toContain("'");
    noBareFormula(all.text, "monitoring-returns.csv");
  });
});

describe("numbers out of range", () => {
  it("thresholds, rates, caps, units, prices and weights: a 400 naming the field, never a 500, nothing stored", async () => {
    const s = await setup();
    const a = s.area;
    const scheme = {
      name: "Q",
      standards: [{ standardId: s.rlw.id, weight: 1 }],
      method: "all_met",
      basis: "per_contract",
      rate: 1,
      fromPeriod: "2025-Q3",
    };
    const cases: [string, string, unknown, string][] = [
      ["POST", `${council(a)}/standards`, { kind: "training_min", name: "T", threshold: 1e308 }, "threshold"],
      ["POST", `${council(a)}/standards`, { kind: "training_min", name: "T", threshold: -0.1 }, "threshold"],
      ["POST", `${council(a)}/standards`, { kind: "training_min", name: "T", threshold: "0.5" }, "threshold"],
      ["POST", `${council(a)}/standards`, { kind: "rlw_floor", name: "T", threshold: 5 }, "threshold"],
      ["POST", schemes(a), { ...scheme, rate: -1 }, "rate"],
      ["POST", schemes(a), { ...scheme, rate: 1e300 }, "rate"],
      ["POST", schemes(a), { ...scheme, rate: "0.40" }, "rate"],
      ["POST", schemes(a), { ...scheme, rate: 0 }, "rate"],
      ["POST", schemes(a), { ...scheme, budgetCap: -5 }, "budgetCap"],
      ["POST", schemes(a), { ...scheme, budgetCap: 1e20 }, "budgetCap"],
      ["POST", schemes(a), { ...scheme, budgetCap: "lots" }, "budgetCap"],
      ["POST", schemes(a), { ...scheme, standards: [{ standardId: s.rlw.id, weight: 1e9 }] }, "standards.0.weight"],
      ["POST", schemes(a), { ...scheme, standards: [{ standardId: s.rlw.id, weight: -1 }] }, "standards.0.weight"],
      [
        "POST",
        schemes(a),
        { ...scheme, tiers: [{ minShare: 2, payShare: 0.5 }], method: "tiered" },
        "tiers.0.minShare",
      ],
      ["PUT", `${council(a)}/contracts/${s.cA.id}/deliveries/${Q}`, { units: -1 }, "units"],
      ["PUT", `${council(a)}/contracts/${s.cA.id}/deliveries/${Q}`, { units: 1e20 }, "units"],
      ["PUT", `${council(a)}/contracts/${s.cA.id}/deliveries/${Q}`, { units: "100" }, "units"],
      ["PUT", `${council(a)}/contracts/${s.cA.id}/deliveries/${Q}`, { units: null }, "units"],
      [
        "POST",
        `${council(a)}/fee-rates`,
        { year: "2026-27", serviceType: "home_care", band: "B", unit: "hour", rate: 1e12 },
        "rate",
      ],
      [
        "POST",
        `${council(a)}/fee-rates`,
        { year: "2026-27", serviceType: "home_care", band: "B", unit: "hour", rate: -3 },
        "rate",
      ],
      [
        "POST",
        `${council(a)}/fee-rates`,
        { year: "2026-27", serviceType: "home_care", band: "B", unit: "hour", rate: 12.345 },
        "rate",
      ],
      [
        "POST",
        `${council(a)}/fee-rates`,
        { year: "2026-28", serviceType: "home_care", band: "B", unit: "hour", rate: 12 },
        "year",
      ],
      [
        "POST",
        `${council(a)}/contracts`,
        {
          providerId: a.providerA.id,
          reference: "BIG",
          name: "Big",
          serviceType: "home_care",
          startDate: "2025-04-01",
          annualValue: 1e15,
        },
        "annualValue",
      ],
      [
        "POST",
        `${council(a)}/contracts`,
        {
          providerId: a.providerA.id,
          reference: "NEG",
          name: "Neg",
          serviceType: "home_care",
          startDate: "2025-04-01",
          prices: [{ band: "x", unit: "hour", price: -1 }],
        },
        "prices.0.price",
      ],
      ["PUT", `${council(a)}/price-floor/2026-27/home_care`, { assumptions: { wage: "12" } }, "assumptions.wage"],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await s.cc.request(method, path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}: ${res.text}`).toBe(400);
      const paths = res.json.error.issues.map((i: { path: string }) => i.path);
      expect(paths, `${path} ${JSON.stringify(body)}`).toContain(field);
    }
    expect(
      await hub.deps.db.select().from(contractDeliveries).where(eq(contractDeliveries.contractId, s.cA.id)),
    ).toEqual([]);
    expect(await hub.deps.db.select().from(qppSchemes).where(eq(qppSchemes.councilId, a.councilId))).toEqual([]);
    // A tender's bid.
    const tender = await s.cc.post(`${council(a)}/tenders`, { name: "T", serviceType: "home_care", year: "2026-27" });
    for (const [body, field] of [
      [{ bidder: "X", price: 1e9 }, "price"],
      [{ bidder: "X", price: 20, visitMinutes: 1e6 }, "visitMinutes"],
      [{ bidder: "X", price: 20, visitMinutes: 2.5 }, "visitMinutes"],
      [{ bidder: "X", price: 20, providerId: "not-a-uuid" }, "providerId"],
    ] as const) {
      const res = await s.cc.post(`${council(a)}/tenders/${tender.json.id}/bids`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
  });

  it("the price floor query refuses NaN, Infinity, negative, huge and text overrides by name, for a council and a provider", async () => {
    const s = await setup();
    const pb = await s.area.providerBClient();
    for (const [client, orgId] of [
      [s.cc, s.area.councilId],
      [pb, s.area.providerB.id],
    ] as const) {
      const base = `/api/orgs/${orgId}/commissioning/price-floor`;
      for (const q of [
        "wage=NaN",
        "wage=Infinity",
        "wage=-5",
        "wage=1e308",
        "wage=abc",
        "wage=",
        "wage=0x10",
        "wage=0b1111",
        "wage=12,60",
        "visitMinutes=1e9",
        "visitMinutes=-15",
        "careType=home_care&wage=12&year=2099-00",
        "careType=spaceship",
        "constructor=1",
        "toString=1",
        "hasOwnProperty=1",
      ]) {
        const res = await client.get(`${base}?${q}`);
        expect(res.status, `${q}: ${res.text}`).toBe(400);
        expect(res.json.error.issues.length, q).toBeGreaterThan(0);
        const key = q.split("&").at(-1)?.split("=")[0] ?? "";
        expect(JSON.stringify(res.json.error.issues), q).toContain(key);
      }
      if (client === s.cc)
        for (const key of ["toString", "constructor", "hasOwnProperty"]) {
          const saved = await client.request("PUT", `${base}/2026-27/home_care`, {
            assumptions: JSON.parse(`{"${key}": 3}`),
          });
          expect(saved.status, `${key}: ${saved.text}`).toBe(400);
          expect(saved.json.error.issues[0].path).toBe(`assumptions.${key}`);
          expect((await client.get(base)).json.source, key).toBe("defaults");
        }
      if (client === s.cc) {
        // A saved __proto__ is dropped: nothing but assumptions is ever stored.
        const saved = await client.request(
          "PUT",
          `${base}/2026-27/home_care`,
          JSON.parse('{"assumptions": {"__proto__": {"wage": 1}}}'),
        );
        expect([200, 400]).toContain(saved.status);
        if (saved.status === 200) expect(saved.json.saved?.assumptions ?? {}).toEqual({});
        expect((await client.get(base)).json.assumptions.wage).toBe(12.71);
      }
      // __proto__ never reaches the calculator as a key: the defaults answer, untouched.
      const proto = await client.get(`${base}?__proto__=1&__proto__[wage]=1`);
      expect([200, 400]).toContain(proto.status);
      if (proto.status === 200) expect(proto.json.assumptions).toEqual(proto.json.defaults);
      expect(({} as Record<string, unknown>).wage).toBeUndefined();
      const ok = await client.get(`${base}?wage=13.5`);
      expect(ok.status).toBe(200);
      expect(ok.json.assumptions.wage).toBe(13.5);
    }
  });

  it("a price floor query with hundreds of parameters stays bounded and answers a clear 400", async () => {
    const s = await setup();
    const base = `${council(s.area)}/price-floor`;
    const junk = Array.from({ length: 500 }, (_, i) => `k${i}=${i}`).join("&");
    const started = Date.now();
    const res = await s.cc.get(`${base}?${junk}`);
    expect(res.status).toBe(400);
    // Only the first unknown key is named, not a message as long as the query.
    expect(res.text.length).toBeLessThan(5000);
    const repeated = Array.from({ length: 500 }, () => "wage=13").join("&");
    const rep = await s.cc.get(`${base}?${repeated}`);
    expect([200, 400]).toContain(rep.status);
    const huge = await s.cc.get(`${base}?wage=${"9".repeat(5000)}`);
    expect(huge.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("period strings", () => {
  it("badly written, out-of-range, path-like and very long periods are 400 (or 404 when the path cannot route), never 500", async () => {
    const s = await setup();
    const a = s.area;
    const schemeId = await newScheme(s);
    const pa = await a.providerAClient();
    const probes = [
      "2026-Q5",
      "2026-Q0",
      "2026Q1",
      "..",
      "..%2F..%2Fetc",
      "%00",
      "Q1-2026",
      `2026-Q1${"x".repeat(5000)}`,
      "9".repeat(300),
      // Year 0 and years before 1000 are not dates PostgreSQL (or an ISO date string) can hold.
      "0000-Q1",
      "0999-Q4",
      "99999-Q1",
    ];
    for (const p of probes) {
      for (const [client, path] of [
        [s.cc, `${council(a)}/compliance?period=${p}`],
        [s.cc, `${council(a)}/overview?period=${p}`],
        [s.cc, `${council(a)}/overview/compliance.csv?period=${p}`],
        [s.cc, `${council(a)}/monitoring-returns?period=${p}`],
        [s.cc, `${council(a)}/monitoring-returns.csv?period=${p}`],
        [s.cc, `${schemes(a)}/${schemeId}/schedules/${p}`],
        [s.cc, `${schemes(a)}/${schemeId}/schedules/${p}/schedule.csv`],
        [pa, `/api/orgs/${a.providerA.id}/compliance?period=${p}`],
        [pa, returnPath(a.providerA.id, a.councilId, p)],
        [pa, `${returnPath(a.providerA.id, a.councilId, p)}/monitoring-return.csv`],
      ] as const) {
        const res = await client.get(path);
        expect([400, 404], `${path.slice(0, 200)}: ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
      }
      // The earliest quarter there is answers, rather than failing on the quarter before it.
      for (const path of [`${council(a)}/compliance?period=1000-Q1`, `${schemes(a)}/${schemeId}/schedules/1000-Q1`]) {
        const res = await s.cc.get(path);
        expect([200, 400, 404], `${path}: ${res.text.slice(0, 200)}`).toContain(res.status);
      }
      for (const [client, method, path, body] of [
        [s.cc, "PUT", `${council(a)}/contracts/${s.cA.id}/deliveries/${p}`, { units: 1 }],
        [s.cc, "POST", `${schemes(a)}/${schemeId}/schedules/${p}/approve`, undefined],
        [s.cc, "POST", `${council(a)}/compliance/recompute`, { period: p }],
        [pa, "POST", `${returnPath(a.providerA.id, a.councilId, p)}/confirm`, { paidTravel: true }],
      ] as const) {
        const res = await client.request(method, path, body);
        expect([400, 404, 409], `${method} ${path.slice(0, 200)}: ${res.status} ${res.text.slice(0, 200)}`).toContain(
          res.status,
        );
      }
    }
    expect(await hub.deps.db.select().from(qppSchedules).where(eq(qppSchedules.schemeId, schemeId))).toEqual([]);
    expect(
      await hub.deps.db.select().from(contractDeliveries).where(eq(contractDeliveries.contractId, s.cA.id)),
    ).toEqual([]);
    expect(
      await hub.deps.db.select().from(monitoringReturns).where(eq(monitoringReturns.providerId, a.providerA.id)),
    ).toEqual([]);
  });

  it("a scheme's periods are checked the same way, by field", async () => {
    const s = await setup();
    const cases: [Record<string, string>, string][] = [
      [{ fromPeriod: "2026-Q5" }, "fromPeriod"],
      [{ fromPeriod: "../../" }, "fromPeriod"],
      [{ fromPeriod: "x".repeat(10000) }, "fromPeriod"],
      [{ untilPeriod: "2026-Q9" }, "untilPeriod"],
      [{ fromPeriod: "0000-Q1" }, "fromPeriod"],
      [{ fromPeriod: "2026-Q1", untilPeriod: "2025-Q1" }, "untilPeriod"],
    ];
    for (const [values, field] of cases) {
      const res = await s.cc.post(schemes(s.area), {
        name: "Q",
        standards: [{ standardId: s.rlw.id, weight: 1 }],
        method: "all_met",
        basis: "per_contract",
        rate: 1,
        fromPeriod: "2025-Q3",
        ...values,
      });
      expect(res.status, JSON.stringify(values)).toBe(400);
      expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
  });
});

describe("dates", () => {
  it("year 0 and other dates PostgreSQL cannot hold are a 400 naming the field, never a 500, and nothing is stored", async () => {
    const s = await setup();
    const a = s.area;
    const pa = await a.providerAClient();
    const contractBody = {
      providerId: a.providerA.id,
      reference: `Y0-${a.councilId.slice(0, 6)}`,
      name: "Year zero",
      serviceType: "home_care",
    };
    const cases: [Client, string, string, unknown, string][] = [
      [pa, "GET", `/api/orgs/${a.providerA.id}/capacity-tracker?at=0000-01-01`, undefined, "at"],
      [pa, "GET", `/api/orgs/${a.providerA.id}/capacity-tracker.csv?at=0000-01-01`, undefined, "at"],
      [pa, "GET", `/api/orgs/${a.providerA.id}/capacity-tracker?at=0999-12-31`, undefined, "at"],
      [s.cc, "GET", `${council(a)}/contracts?activeOn=0000-01-01`, undefined, "activeOn"],
      [s.cc, "POST", `${council(a)}/contracts`, { ...contractBody, startDate: "0000-01-01" }, "startDate"],
      [
        s.cc,
        "POST",
        `${council(a)}/contracts`,
        { ...contractBody, startDate: "2025-04-01", endDate: "0000-02-29" },
        "endDate",
      ],
      [
        s.cc,
        "PUT",
        `${council(a)}/contracts/${s.cA.id}`,
        { ...contractBody, reference: s.cA.reference, startDate: "0000-01-01" },
        "startDate",
      ],
      [
        s.cc,
        "POST",
        `${council(a)}/tenders`,
        { name: "T", serviceType: "home_care", year: "2026-27", closesOn: "0000-01-01" },
        "closesOn",
      ],
      [s.cc, "POST", `${council(a)}/contracts`, { ...contractBody, startDate: "2025-02-30" }, "startDate"],
    ];
    for (const [client, method, path, body, field] of cases) {
      const res = await client.request(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}: ${res.text.slice(0, 200)}`).toBe(400);
      expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    expect(await hub.deps.db.select().from(contracts).where(eq(contracts.reference, contractBody.reference))).toEqual(
      [],
    );
    expect((await s.cc.get(`${council(a)}/tenders`)).json.tenders).toEqual([]);
  });
});

describe("a challenge's text", () => {
  it("refuses NUL and other control characters, keeps line breaks and tabs, and refuses over-long text by field", async () => {
    const s = await setup();
    const pa = await s.area.providerAClient();
    const path = challengePath(s.area.providerA.id, s.rA.id);
    // NUL is refused for the whole body before any field is read.
    for (const body of [{ reason: "Met\u0000really" }, { reason: "Met", evidence: "a\u0000b" }]) {
      const res = await pa.post(path, body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("invalid_json");
    }
    for (const [body, field] of [
      [{ reason: "Met\u001breally" }, "reason"],
      [{ reason: "Met", evidence: "a\u0085b" }, "evidence"],
      [{ reason: "x".repeat(2001) }, "reason"],
      [{ reason: "Met", evidence: "x".repeat(4001) }, "evidence"],
      [{ reason: "   " }, "reason"],
      [{ reason: 42 }, "reason"],
      [{}, "reason"],
    ] as const) {
      const res = await pa.post(path, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    expect(await challengesOf(s.rA.id)).toEqual([]);
    const ok = await pa.post(path, { reason: "We pay the RLW.\r\nSee payroll:\n\tMarch", evidence: "Line 1\nLine 2" });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json.challenge.reason).toBe("We pay the RLW.\r\nSee payroll:\n\tMarch");
    // A decision note takes the same rules.
    const note = await s.cc.post(`${council(s.area)}/challenges/${ok.json.challenge.id}/decision`, {
      decision: "accept",
      note: "Ok\u0007",
    });
    expect(note.status).toBe(400);
    expect(note.json.error.issues[0].path).toBe("note");
  });
});

describe("deciding once", () => {
  it("a met or accepted result cannot be challenged; a decided challenge cannot be decided again", async () => {
    const s = await setup();
    const a = s.area;
    const pa = await a.providerAClient();
    const met = await result(hub, a, s.csA, "2025-Q4", { status: "met" });
    const onMet = await pa.post(challengePath(a.providerA.id, met.id), { reason: "Why not" });
    expect(onMet.status).toBe(400);
    expect(onMet.json.error.code).toBe("already_met");

    const raised = await pa.post(challengePath(a.providerA.id, s.rA.id), { reason: "We pay the RLW" });
    const again = await pa.post(challengePath(a.providerA.id, s.rA.id), { reason: "Hurry up" });
    expect(again.status).toBe(409);
    const id = raised.json.challenge.id;
    const first = await s.cc.post(`${council(a)}/challenges/${id}/decision`, { decision: "reject", note: "No" });
    expect(first.status).toBe(200);
    const second = await s.cc.post(`${council(a)}/challenges/${id}/decision`, { decision: "accept", note: "Yes" });
    expect(second.status).toBe(409);
    const [r] = await hub.deps.db.select().from(complianceResults).where(eq(complianceResults.id, s.rA.id));
    expect(r.overrideStatus).toBeNull();
    // Accepted: the result counts as met, and cannot be challenged again.
    const next = await pa.post(challengePath(a.providerA.id, s.rA.id), { reason: "Really, we do" });
    expect(next.status).toBe(201);
    const acc = await s.cc.post(`${council(a)}/challenges/${next.json.challenge.id}/decision`, {
      decision: "accept",
      note: "Payroll shows it",
    });
    expect(acc.status).toBe(200);
    const after = await pa.post(challengePath(a.providerA.id, s.rA.id), { reason: "And again" });
    expect(after.status).toBe(400);
  });

  it("in parallel: two decisions, two challenges, two approvals and two confirmations each give exactly one success", async () => {
    const s = await setup();
    const a = s.area;
    const pa = await a.providerAClient();
    const pa2 = await a.providerAClient();
    const raised = await Promise.all([
      pa.post(challengePath(a.providerA.id, s.rA.id), { reason: "One" }),
      pa2.post(challengePath(a.providerA.id, s.rA.id), { reason: "Two" }),
    ]);
    expect(raised.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await challengesOf(s.rA.id)).filter((c) => c.status === "open")).toHaveLength(1);

    const id = raised.find((r) => r.status === 201)?.json.challenge.id;
    const cc2 = await a.councilClient();
    const decided = await Promise.all([
      s.cc.post(`${council(a)}/challenges/${id}/decision`, { decision: "accept", note: "Yes" }),
      cc2.post(`${council(a)}/challenges/${id}/decision`, { decision: "reject", note: "No" }),
    ]);
    expect(decided.map((r) => r.status).sort()).toEqual([200, 409]);
    const [ch] = await challengesOf(s.rA.id);
    const [r] = await hub.deps.db.select().from(complianceResults).where(eq(complianceResults.id, s.rA.id));
    expect(r.overrideStatus).toBe(ch.status === "accepted" ? "met" : null);

    const schemeId = await newScheme(s);
    const approvals = await Promise.all([
      s.cc.post(`${schemes(a)}/${schemeId}/schedules/${Q}/approve`),
      cc2.post(`${schemes(a)}/${schemeId}/schedules/${Q}/approve`),
      s.cc.post(`${schemes(a)}/${schemeId}/schedules/${Q}/approve`),
    ]);
    expect(approvals.map((x) => x.status).sort()).toEqual([200, 409, 409]);
    expect(await hub.deps.db.select().from(qppSchedules).where(eq(qppSchedules.schemeId, schemeId))).toHaveLength(1);

    const confirms = await Promise.all([
      pa.post(`${returnPath(a.providerA.id, a.councilId)}/confirm`, { paidTravel: true }),
      pa2.post(`${returnPath(a.providerA.id, a.councilId)}/confirm`, { paidTravel: false }),
    ]);
    expect(confirms.map((x) => x.status).sort()).toEqual([201, 409]);
    expect(
      await hub.deps.db.select().from(monitoringReturns).where(eq(monitoringReturns.providerId, a.providerA.id)),
    ).toHaveLength(1);
  });
});

describe("nothing special-category or identifying", () => {
  it("no date of birth, NI number, ethnicity or staff record id appears in any commissioning answer or file", async () => {
    const s = await setup();
    const a = s.area;
    const staff = await a.staffOf(a.providerA.id);
    await hub.deps.db
      .update(staffRecords)
      .set({ dateOfBirth: "1987-03-14", niEncrypted: "SECRET-NI-CIPHERTEXT", personKey: "SECRET-PERSON-KEY" })
      .where(eq(staffRecords.orgId, a.providerA.id));
    const schemeId = await newScheme(s);
    const pa = await a.providerAClient();
    const paths: [Client, string][] = [
      [s.cc, `${council(a)}/compliance?period=${Q}`],
      [s.cc, `${council(a)}/contracts/${s.cA.id}`],
      [s.cc, `${council(a)}/contracts/${s.cA.id}/compliance`],
      [s.cc, `${council(a)}/contract-options`],
      [s.cc, `${council(a)}/overview?period=${Q}`],
      [s.cc, `${council(a)}/overview/compliance.csv?period=${Q}`],
      [s.cc, `${council(a)}/monitoring-returns?period=${Q}`],
      [s.cc, `${schemes(a)}/${schemeId}/schedules/${Q}`],
      [pa, `/api/orgs/${a.providerA.id}/compliance?period=${Q}`],
      [pa, `/api/orgs/${a.providerA.id}/quality-premium`],
      [pa, returnPath(a.providerA.id, a.councilId)],
      [pa, `${returnPath(a.providerA.id, a.councilId)}/monitoring-return.csv`],
      [pa, `/api/orgs/${a.providerA.id}/capacity-tracker`],
      [pa, `/api/orgs/${a.providerA.id}/capacity-tracker.csv`],
    ];
    const confirmed = await pa.post(`${returnPath(a.providerA.id, a.councilId)}/confirm`, { paidTravel: true });
    expect(confirmed.status).toBe(201);
    paths.push([s.cc, `${council(a)}/monitoring-returns.csv?period=${Q}`]);
    for (const [client, path] of paths) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      for (const secret of [
        "1987-03-14",
        "14 March 1987",
        "SECRET-NI",
        "SECRET-PERSON",
        "dateOfBirth",
        "ethnicity",
        "niNumber",
        ...staff.map((x) => x.id),
      ])
        expect(res.text, `${path} holds ${secret}`).not.toContain(secret);
    }
  });
});
