import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  type CommissioningArea,
  commissioningArea,
  contract,
  contractStandard,
  result,
  standard,
} from "../../../../test/commissioning-fixtures";
import { type Client, makeSystem, makeUser, signedIn, testHub } from "../../../../test/harness";
import { priceFloor } from "../../../shared/price-floor";
import {
  commissioningStandards,
  complianceChallenges,
  complianceResults,
  contractPrices,
  feeRates,
  qppSchedules,
  qppSchemeStandards,
  qppSchemes,
} from "../../db/schema";
import { commissioningItems } from "../metrics/attention";

// The council's commissioning page and what needs attention (issue 19 item 6), on hand-made rows.
// The test clock is 15 June 2026: 2026-Q1 is the last ended quarter, and today's financial year
// is 2026-27 (the price floor's edition the prices are compared with).

const hub = await testHub();
const overviewUrl = (a: { councilId: string }, q = "") => `/api/orgs/${a.councilId}/commissioning/overview${q}`;

type Cell = { standardId: string; status: string; contracts: { reference: string; status: string | null }[] };
type Row = { id: string; name: string; allMet: boolean; cells: Cell[] };
type Item = { kind: string; text: string; providerId?: string };

/** Provider A: a home care contract and a care home contract; provider B: one home care contract. */
async function matrixArea() {
  const a = await commissioningArea(hub, { workers: 2 });
  const rlw = await standard(hub, a, "rlw_floor", { name: "Real Living Wage floor" });
  const zeroHours = await standard(hub, a, "zero_hours_max", { name: "Zero-hours limit" });
  const training = await standard(hub, a, "training_min", { name: "Training up to date" });
  const a1 = await contract(hub, a, { reference: "A-HOME" });
  const a2 = await contract(hub, a, {
    reference: "A-HOMES",
    serviceType: "care_home",
    name: "Care home beds",
    annualValue: 500_000,
  });
  const b1 = await contract(hub, a, { reference: "B-HOME", providerId: a.providerB.id });
  const cs = {
    a1rlw: await contractStandard(hub, a, a1, rlw),
    a1zero: await contractStandard(hub, a, a1, zeroHours),
    a2rlw: await contractStandard(hub, a, a2, rlw),
    b1rlw: await contractStandard(hub, a, b1, rlw),
    b1training: await contractStandard(hub, a, b1, training),
  };
  return { a, rlw, zeroHours, training, a1, a2, b1, cs };
}

const cellOf = (rows: Row[], providerId: string, standardId: string) =>
  rows.find((r) => r.id === providerId)?.cells.find((c) => c.standardId === standardId);

async function dashboardAttention(client: Client, a: CommissioningArea) {
  const res = await client.get(`/api/orgs/${a.councilId}/dashboard`);
  expect(res.status).toBe(200);
  return res.json.attention as Item[];
}

describe("the council's commissioning page", () => {
  it("shows standards × providers with each provider's worst result, an accepted challenge's override, and not carried", async () => {
    const { a, rlw, zeroHours, training, cs } = await matrixArea();
    await result(hub, a, cs.a1rlw, "2026-Q1", { status: "met" });
    await result(hub, a, cs.a2rlw, "2026-Q1", { status: "not_met", value: 0.25 });
    await result(hub, a, cs.a1zero, "2026-Q1", { status: "not_enough_data", n: 2 });
    // B failed the floor as computed, challenged, and the commissioner accepted: the override wins.
    await result(hub, a, cs.b1rlw, "2026-Q1", { status: "not_met", overrideStatus: "met", overrideNote: "Pay rise" });
    await result(hub, a, cs.b1training, "2026-Q1", { status: "met", value: 0.95 });

    const res = await (await a.commissionerClient()).get(overviewUrl(a));
    expect(res.status).toBe(200);
    const o = res.json;
    expect([o.period, o.periodLabel, o.lastEndedPeriod]).toEqual(["2026-Q1", "January to March 2026", "2026-Q1"]);
    expect(o.compliance.standards.map((s: { name: string }) => s.name)).toEqual([
      "Real Living Wage floor",
      "Training up to date",
      "Zero-hours limit",
    ]);
    const rows = o.compliance.providers as Row[];
    expect(rows.map((r) => r.id).sort()).toEqual([a.providerA.id, a.providerB.id].sort());
    // A's two contracts carry the floor: met on one, not met on the other, so not met.
    expect(cellOf(rows, a.providerA.id, rlw.id)).toEqual({
      standardId: rlw.id,
      status: "not_met",
      contracts: [
        { contractId: cs.a1rlw.contractId, reference: "A-HOME", status: "met", overridden: false },
        { contractId: cs.a2rlw.contractId, reference: "A-HOMES", status: "not_met", overridden: false },
      ],
    });
    expect(cellOf(rows, a.providerA.id, zeroHours.id)?.status).toBe("not_enough_data");
    expect(cellOf(rows, a.providerA.id, training.id)).toMatchObject({ status: "not_carried", contracts: [] });
    expect(cellOf(rows, a.providerB.id, rlw.id)).toMatchObject({
      status: "met",
      contracts: [{ reference: "B-HOME", status: "met", overridden: true }],
    });
    expect(cellOf(rows, a.providerB.id, zeroHours.id)?.status).toBe("not_carried");
    expect(rows.find((r) => r.id === a.providerA.id)?.allMet).toBe(false);
    expect(rows.find((r) => r.id === a.providerB.id)?.allMet).toBe(true);

    // Contracts in numbers: two home care contracts at £1.2m a year, one care home at £0.5m.
    expect(o.contracts).toEqual({
      count: 3,
      annualValue: 2_900_000,
      byServiceType: [
        { serviceType: "home_care", label: "Home care", count: 2, annualValue: 2_400_000 },
        { serviceType: "care_home", label: "Care home", count: 1, annualValue: 500_000 },
      ],
    });
    // What needs attention names A, with the standard it did not meet (B's was overridden).
    const notMet = (o.attention as Item[]).filter((i) => i.kind === "standard_not_met");
    expect(notMet).toEqual([
      {
        kind: "standard_not_met",
        providerId: a.providerA.id,
        text: `${a.providerA.name} did not meet a standard of its contracts in January to March 2026: Real Living Wage floor.`,
      },
    ]);
  });

  it("shows a standard carried without a result as no result, never as met", async () => {
    const { a, rlw, cs } = await matrixArea();
    await result(hub, a, cs.a1rlw, "2026-Q1", { status: "met" });
    const o = (await (await a.commissionerClient()).get(overviewUrl(a))).json;
    // A-HOMES carries the floor with nothing computed: A's cell cannot say met.
    expect(cellOf(o.compliance.providers, a.providerA.id, rlw.id)).toMatchObject({
      status: "no_result",
      contracts: [
        { reference: "A-HOME", status: "met" },
        { reference: "A-HOMES", status: null },
      ],
    });
  });

  it("trends the share of results met over four quarters, counting not enough data against it, and providers meeting all", async () => {
    const { a, cs } = await matrixArea();
    await result(hub, a, cs.a1rlw, "2025-Q4", { status: "not_enough_data", n: 1 });
    await result(hub, a, cs.a1rlw, "2026-Q1", { status: "met" });
    await result(hub, a, cs.a2rlw, "2026-Q1", { status: "not_met" });
    await result(hub, a, cs.a1zero, "2026-Q1", { status: "not_enough_data", n: 2 });
    await result(hub, a, cs.b1rlw, "2026-Q1", { status: "not_met", overrideStatus: "met" });
    await result(hub, a, cs.b1training, "2026-Q1", { status: "met" });
    const o = (await (await a.commissionerClient()).get(overviewUrl(a))).json;
    expect(o.trend).toEqual([
      expect.objectContaining({ period: "2025-Q2", results: 0, met: 0, metShare: null, providers: 0 }),
      expect.objectContaining({ period: "2025-Q3", results: 0, metShare: null }),
      // One result, not enough data: none of it met, not "nothing to say".
      expect.objectContaining({ period: "2025-Q4", results: 1, met: 0, metShare: 0, providers: 1, providersAllMet: 0 }),
      {
        period: "2026-Q1",
        periodLabel: "January to March 2026",
        results: 5,
        met: 3,
        metShare: 0.6,
        providers: 2,
        providersAllMet: 1,
      },
    ]);
    // An earlier quarter asked for: the matrix and the trend move with it.
    const earlier = (await (await a.commissionerClient()).get(overviewUrl(a, "?period=2025-Q4"))).json;
    expect(earlier.period).toBe("2025-Q4");
    expect(earlier.trend.map((t: { period: string }) => t.period)).toEqual([
      "2025-Q1",
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
    ]);
    expect(earlier.compliance.providers.find((r: Row) => r.id === a.providerA.id).cells[0].status).toBe(
      "not_enough_data",
    );
  });

  it("downloads the quarter's compliance as CSV, a line per contract's standard, formulas defused", async () => {
    const { a, rlw, cs } = await matrixArea();
    await hub.deps.db
      .update(commissioningStandards)
      .set({ name: '=HYPERLINK("http://x")' })
      .where(eq(commissioningStandards.id, rlw.id));
    await result(hub, a, cs.a1rlw, "2026-Q1", { status: "met" });
    await result(hub, a, cs.a2rlw, "2026-Q1", { status: "not_met" });
    await result(hub, a, cs.b1rlw, "2026-Q1", { status: "not_met", overrideStatus: "met" });
    const res = await (await a.commissionerClient()).get(
      overviewUrl(a, "").replace("overview", "overview/compliance.csv"),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="compliance-2026-Q1.csv"');
    const lines = res.text
      .replace(/^\ufeff/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Quarter,Provider,Standard,Provider's result (worst over its contracts),Contract,Contract's result,Changed on challenge",
    );
    const floor = `"'=HYPERLINK(""http://x"")"`;
    const rows = lines.slice(1);
    expect(rows).toEqual(
      expect.arrayContaining([
        `January to March 2026,${a.providerA.name},${floor},Not met,A-HOME,Met,No`,
        `January to March 2026,${a.providerA.name},${floor},Not met,A-HOMES,Not met,No`,
        `January to March 2026,${a.providerA.name},Zero-hours limit,No result yet,A-HOME,No result yet,No`,
        `January to March 2026,${a.providerB.name},${floor},Met,B-HOME,Met,Yes`,
        `January to March 2026,${a.providerB.name},Training up to date,No result yet,B-HOME,No result yet,No`,
      ]),
    );
    expect(rows).toHaveLength(5);
    const future = await (await a.commissionerClient()).get(
      `/api/orgs/${a.councilId}/commissioning/overview/compliance.csv?period=2026-Q3`,
    );
    expect(future.status).toBe(400);
  });

  it("refuses a quarter that has not ended, or written otherwise, naming the field", async () => {
    const a = await commissioningArea(hub, { workers: 1 });
    const cc = await a.commissionerClient();
    const future = await cc.get(overviewUrl(a, "?period=2026-Q2"));
    expect(future.status).toBe(400);
    expect(future.json.error.message).toContain("2026-Q2 has not ended yet");
    expect(future.json.error.issues).toEqual([{ path: "period", message: "Choose 2026-Q1 or an earlier quarter" }]);
    const garbled = await cc.get(overviewUrl(a, "?period=2026Q1"));
    expect(garbled.status).toBe(400);
    expect(JSON.stringify(garbled.json.error.issues)).toContain("period");
  });

  it("totals the Quality Premium per scheme and quarter: the live draft, then the approved schedule", async () => {
    const { a, rlw, cs } = await matrixArea();
    await result(hub, a, cs.a1rlw, "2026-Q1", { status: "met" });
    await result(hub, a, cs.a2rlw, "2026-Q1", { status: "not_met" });
    await result(hub, a, cs.b1rlw, "2026-Q1", { status: "met" });
    const [scheme] = await hub.deps.db
      .insert(qppSchemes)
      .values({
        councilId: a.councilId,
        name: "Fair pay premium",
        basis: "per_contract",
        rate: 100,
        method: "all_met",
        fromPeriod: "2026-Q1",
      })
      .returning();
    await hub.deps.db
      .insert(qppSchemeStandards)
      .values({ schemeId: scheme.id, standardId: rlw.id, councilId: a.councilId });
    const cc = await a.commissionerClient();
    const draft = (await cc.get(overviewUrl(a))).json;
    // A-HOME and B-HOME met the floor (£100 each); A-HOMES did not.
    expect(draft.qualityPremium).toEqual([
      {
        schemeId: scheme.id,
        name: "Fair pay premium",
        periods: [
          { period: "2026-Q1", periodLabel: "January to March 2026", status: "draft", total: 200, approvedAt: null },
        ],
      },
    ]);
    expect((draft.attention as Item[]).filter((i) => i.kind === "qpp_approval")).toEqual([
      {
        kind: "qpp_approval",
        text: 'The Quality Premium schedule of "Fair pay premium" for January to March 2026 awaits approval.',
      },
    ]);
    await hub.deps.db.insert(qppSchedules).values({
      schemeId: scheme.id,
      councilId: a.councilId,
      period: "2026-Q1",
      status: "approved",
      lines: [],
      total: 150,
      approvedAt: new Date("2026-04-20T10:00:00Z"),
    });
    const approved = (await cc.get(overviewUrl(a))).json;
    expect(approved.qualityPremium[0].periods[0]).toMatchObject({
      status: "approved",
      total: 150,
      approvedAt: "2026-04-20T10:00:00.000Z",
    });
    expect((approved.attention as Item[]).some((i) => i.kind === "qpp_approval")).toBe(false);
  });

  it("lists home care prices and fee rates per contact hour below the floor of today's financial year, with the gap", async () => {
    const a = await commissioningArea(hub, { workers: 1 });
    const home = await contract(hub, a, { reference: "HC-LOW" });
    const homes = await contract(hub, a, { reference: "CH-1", serviceType: "care_home" });
    const floor = priceFloor("2026-27", "home_care").total;
    // £33 covers 2025-26's floor (£32.14) but not 2026-27's: the year compared is today's.
    expect(floor).toBeGreaterThan(33);
    expect(priceFloor("2025-26", "home_care").total).toBeLessThan(33);
    await hub.deps.db.insert(contractPrices).values([
      { contractId: home.id, councilId: a.councilId, band: "30-minute visits", unit: "hour", price: 33 },
      { contractId: home.id, councilId: a.councilId, band: "60-minute visits", unit: "hour", price: 40 },
      { contractId: homes.id, councilId: a.councilId, band: "Residential", unit: "week", price: 20 },
    ]);
    await hub.deps.db.insert(feeRates).values([
      { councilId: a.councilId, year: "2026-27", serviceType: "home_care", band: "Standard", unit: "hour", rate: 30 },
      { councilId: a.councilId, year: "2026-27", serviceType: "home_care", band: "Rural", unit: "hour", rate: 36 },
      { councilId: a.councilId, year: "2025-26", serviceType: "home_care", band: "Old", unit: "hour", rate: 20 },
    ]);
    const o = (await (await a.commissionerClient()).get(overviewUrl(a))).json;
    expect(o.priceFloor).toMatchObject({ available: true, year: "2026-27", floor, visitMinutes: 30 });
    expect(o.priceFloor.prices).toEqual([
      {
        contractId: home.id,
        reference: "HC-LOW",
        contractName: "Home care, north lot",
        providerId: a.providerA.id,
        providerName: a.providerA.name,
        band: "30-minute visits",
        unit: "hour",
        price: 33,
        floor,
        gap: Math.round((floor - 33) * 100) / 100,
      },
    ]);
    expect(o.priceFloor.feeRates).toEqual([
      expect.objectContaining({
        year: "2026-27",
        band: "Standard",
        rate: 30,
        gap: Math.round((floor - 30) * 100) / 100,
      }),
    ]);
    expect((o.attention as Item[]).filter((i) => i.kind === "below_price_floor").map((i) => i.text)).toEqual([
      `1 home care price in a contract is below the price floor of £${floor.toFixed(2)} per contact hour for 2026-27: ${a.providerA.name} (HC-LOW, 30-minute visits, £33.00).`,
      `1 of your home care fee rates is below the price floor of £${floor.toFixed(2)} per contact hour for 2026-27: Standard (£30.00).`,
    ]);
  });

  it("is for councils: a provider's member gets 403 wrong_org_kind, and another council sees nothing of this one's", async () => {
    const { a, cs } = await matrixArea();
    await result(hub, a, cs.a2rlw, "2026-Q1", { status: "not_met" });
    const provider = await (await a.providerAClient()).get(`/api/orgs/${a.providerA.id}/commissioning/overview`);
    expect(provider.status).toBe(403);
    expect(provider.json.error.code).toBe("wrong_org_kind");
    // A provider's member asking for the council's page is not a member there: not found.
    expect((await (await a.providerAClient()).get(overviewUrl(a))).status).toBe(404);

    const other = await makeSystem(hub);
    const otherClient = await signedIn(hub, other.councilAdmin.email);
    // Another council's own contract with provider A, which it does not commission, with a result.
    const otherArea = { ...a, councilId: other.council.id };
    const theirs = await contract(hub, otherArea, { reference: "OTHER-1" });
    await contract(hub, otherArea, { reference: "OTHER-2", providerId: other.provider.id });
    const theirStandard = await contractStandard(hub, otherArea, theirs, await standard(hub, otherArea, "rlw_floor"));
    await result(hub, otherArea, theirStandard, "2026-Q1", { status: "not_met" });
    expect((await otherClient.get(overviewUrl(a))).status).toBe(404);
    const o = (await otherClient.get(`/api/orgs/${other.council.id}/commissioning/overview`)).json;
    // Its own two contracts; provider A is not its to name (not commissioned), and nothing of the first council's.
    expect(o.contracts.count).toBe(2);
    expect(o.compliance.providers).toEqual([]);
    expect(JSON.stringify(o)).not.toContain("A-HOME");
    expect(JSON.stringify(o)).not.toContain(a.providerA.name);
    // Nor does its dashboard name provider A for the result of a contract with a provider it does not commission.
    const theirAttention = await dashboardAttention(otherClient, { ...a, councilId: other.council.id });
    expect(theirAttention.filter((i) => i.kind === "standard_not_met")).toEqual([]);
  });
});

describe("what needs attention on the council's dashboard", () => {
  it("names providers not meeting a standard, challenges to decide and schemes to approve, and drops each once resolved", async () => {
    const { a, cs } = await matrixArea();
    const failed = await result(hub, a, cs.a2rlw, "2026-Q1", { status: "not_met" });
    await result(hub, a, cs.b1rlw, "2026-Q1", { status: "met" });
    // A result of a quarter before the last ended one is history, not something to act on.
    await result(hub, a, cs.b1training, "2025-Q4", { status: "not_met" });
    const [challenge] = await hub.deps.db
      .insert(complianceChallenges)
      .values({
        councilId: a.councilId,
        providerId: a.providerA.id,
        resultId: failed.id,
        reason: "Two staff were on the wrong pay band in the hub",
      })
      .returning();
    const [scheme] = await hub.deps.db
      .insert(qppSchemes)
      .values({
        councilId: a.councilId,
        name: "Retention premium",
        basis: "per_contract",
        rate: 50,
        method: "all_met",
        fromPeriod: "2025-Q2",
        untilPeriod: "2026-Q1",
      })
      .returning();
    // A scheme that ended before the quarter asks for nothing.
    await hub.deps.db.insert(qppSchemes).values({
      councilId: a.councilId,
      name: "Old scheme",
      basis: "per_contract",
      rate: 50,
      method: "all_met",
      fromPeriod: "2024-Q1",
      untilPeriod: "2025-Q4",
    });
    const cc = await a.commissionerClient();
    const before = await dashboardAttention(cc, a);
    const ours = (kind: string) => before.filter((i) => i.kind === kind);
    expect(ours("standard_not_met")).toEqual([
      {
        kind: "standard_not_met",
        providerId: a.providerA.id,
        text: `${a.providerA.name} did not meet a standard of its contracts in January to March 2026: Real Living Wage floor.`,
      },
    ]);
    expect(ours("challenge_open")).toEqual([
      {
        kind: "challenge_open",
        text: `1 challenge to a compliance result awaits your decision, from ${a.providerA.name}.`,
      },
    ]);
    expect(ours("qpp_approval").map((i) => i.text)).toEqual([
      'The Quality Premium schedule of "Retention premium" for January to March 2026 awaits approval.',
    ]);

    // A workforce lead reads the figures but not commissioning: none of it.
    const lead = await signedIn(hub, (await makeUser(hub, a.council, "workforce_lead")).email);
    const leads = await dashboardAttention(lead, a);
    expect(leads.filter((i) => ["standard_not_met", "challenge_open", "qpp_approval"].includes(i.kind))).toEqual([]);

    // The commissioner accepts the challenge (the result is overridden) and approves the schedule.
    await hub.deps.db
      .update(complianceChallenges)
      .set({ status: "accepted", decidedAt: new Date(), decisionNote: "Pay corrected" })
      .where(eq(complianceChallenges.id, challenge.id));
    await hub.deps.db
      .update(complianceResults)
      .set({ overrideStatus: "met", overrideNote: "Pay corrected", overriddenAt: new Date() })
      .where(eq(complianceResults.id, failed.id));
    await hub.deps.db.insert(qppSchedules).values({
      schemeId: scheme.id,
      councilId: a.councilId,
      period: "2026-Q1",
      status: "approved",
      lines: [],
      total: 100,
      approvedAt: new Date(),
    });
    const after = await dashboardAttention(cc, a);
    expect(after.filter((i) => ["standard_not_met", "challenge_open", "qpp_approval"].includes(i.kind))).toEqual([]);
  });

  it("follows the flow through the parts' own routes: a challenge raised, accepted, and the schedule approved", async () => {
    const { a, rlw, cs } = await matrixArea();
    const failed = await result(hub, a, cs.a2rlw, "2026-Q1", { status: "not_met", value: 0.25 });
    await result(hub, a, cs.a1rlw, "2026-Q1", { status: "met" });
    await result(hub, a, cs.b1rlw, "2026-Q1", { status: "met" });
    const [scheme] = await hub.deps.db
      .insert(qppSchemes)
      .values({
        councilId: a.councilId,
        name: "Fair pay premium",
        basis: "per_contract",
        rate: 100,
        method: "all_met",
        fromPeriod: "2026-Q1",
      })
      .returning();
    await hub.deps.db
      .insert(qppSchemeStandards)
      .values({ schemeId: scheme.id, standardId: rlw.id, councilId: a.councilId });
    const cc = await a.commissionerClient();
    const kinds = async () =>
      (await dashboardAttention(cc, a)).map((i) => i.kind).filter((k) => k !== "incomplete_data");

    const raised = await (await a.providerAClient()).post(
      `/api/orgs/${a.providerA.id}/compliance/results/${failed.id}/challenges`,
      { reason: "Two staff were recorded on last year's pay" },
    );
    expect(raised.status).toBe(201);
    expect(await kinds()).toEqual(expect.arrayContaining(["standard_not_met", "challenge_open", "qpp_approval"]));
    expect((await cc.get(overviewUrl(a))).json.qualityPremium[0].periods[0]).toMatchObject({
      status: "draft",
      total: 200,
    });

    const decided = await cc.post(
      `/api/orgs/${a.councilId}/commissioning/challenges/${raised.json.challenge.id}/decision`,
      { decision: "accept", note: "Pay records corrected" },
    );
    expect(decided.status).toBe(200);
    const afterDecision = await kinds();
    expect(afterDecision).not.toContain("standard_not_met");
    expect(afterDecision).not.toContain("challenge_open");
    const o = (await cc.get(overviewUrl(a))).json;
    expect(cellOf(o.compliance.providers, a.providerA.id, rlw.id)).toMatchObject({
      status: "met",
      contracts: [
        { reference: "A-HOME", status: "met", overridden: false },
        { reference: "A-HOMES", status: "met", overridden: true },
      ],
    });
    // The accepted challenge lifts A-HOMES into the draft schedule at once.
    expect(o.qualityPremium[0].periods[0]).toMatchObject({ status: "draft", total: 300 });

    const approved = await cc.post(
      `/api/orgs/${a.councilId}/commissioning/qpp/schemes/${scheme.id}/schedules/2026-Q1/approve`,
    );
    expect(approved.status).toBe(200);
    expect(await kinds()).not.toContain("qpp_approval");
    expect((await cc.get(overviewUrl(a))).json.qualityPremium[0].periods[0]).toMatchObject({
      status: "approved",
      total: 300,
    });
  });

  it("tells a provider which of its own contracts did not meet a standard, and no other provider", async () => {
    const { a, cs } = await matrixArea();
    const failed = await result(hub, a, cs.a2rlw, "2026-Q1", { status: "not_met" });
    await result(hub, a, cs.a1zero, "2026-Q1", { status: "not_met" });
    await result(hub, a, cs.b1rlw, "2026-Q1", { status: "met" });
    const own = async (client: Client, orgId: string) =>
      ((await client.get(`/api/orgs/${orgId}/dashboard`)).json.attention as Item[]).filter(
        (i) => i.kind === "standard_not_met",
      );
    const clientA = await a.providerAClient();
    expect(await own(clientA, a.providerA.id)).toEqual([
      {
        kind: "standard_not_met",
        text: `Your contract A-HOME with ${a.council.name} did not meet a standard in January to March 2026: Zero-hours limit. See what to fix, or challenge the result.`,
      },
      {
        kind: "standard_not_met",
        text: `Your contract A-HOMES with ${a.council.name} did not meet a standard in January to March 2026: Real Living Wage floor. See what to fix, or challenge the result.`,
      },
    ]);
    expect(await own(await a.providerBClient(), a.providerB.id)).toEqual([]);
    await hub.deps.db
      .update(complianceResults)
      .set({ overrideStatus: "met" })
      .where(eq(complianceResults.id, failed.id));
    expect((await own(clientA, a.providerA.id)).map((i) => i.text)).toEqual([expect.stringContaining("A-HOME with")]);
  });

  it("names prices below the floor until they are raised", async () => {
    const a = await commissioningArea(hub, { workers: 1 });
    const home = await contract(hub, a, { reference: "HC-CHEAP" });
    const [price] = await hub.deps.db
      .insert(contractPrices)
      .values({ contractId: home.id, councilId: a.councilId, band: "Standard", unit: "hour", price: 25 })
      .returning();
    const cc = await a.commissionerClient();
    expect((await dashboardAttention(cc, a)).filter((i) => i.kind === "below_price_floor")).toHaveLength(1);
    await hub.deps.db.update(contractPrices).set({ price: 40 }).where(eq(contractPrices.id, price.id));
    expect((await dashboardAttention(cc, a)).filter((i) => i.kind === "below_price_floor")).toEqual([]);
  });
});

describe("commissioning's attention items in words", () => {
  const none = { year: "2026-27", floor: 34.42, prices: [], feeRates: [] };
  const base = {
    period: "2026-Q1",
    periodLabel: "January to March 2026",
    challenges: [],
    schemes: [],
    belowFloor: none,
  };
  it("names up to three providers each with its standards, and more as one item naming the first three", () => {
    const p = (n: number, standards = ["Turnover"]) => ({ id: `p${n}`, name: `Care ${n}, Ltd`, standards });
    expect(commissioningItems({ ...base, notMeeting: [p(1, ["Pay, senior", "Turnover"])] })).toEqual([
      {
        kind: "standard_not_met",
        providerId: "p1",
        text: "Care 1, Ltd did not meet 2 standards of its contracts in January to March 2026: Pay, senior and Turnover.",
      },
    ]);
    expect(commissioningItems({ ...base, notMeeting: [p(1), p(2), p(3)] }).map((i) => i.providerId)).toEqual([
      "p1",
      "p2",
      "p3",
    ]);
    expect(commissioningItems({ ...base, notMeeting: [p(1), p(2), p(3), p(4), p(5)] })).toEqual([
      {
        kind: "standard_not_met",
        text: "5 providers did not meet a standard of their contracts in January to March 2026: Care 1, Ltd, Care 2, Ltd, Care 3, Ltd and 2 more.",
      },
    ]);
  });
  it("counts challenges once, naming each provider once, and says nothing of a floor it could not work out", () => {
    const items = commissioningItems({
      ...base,
      notMeeting: [],
      challenges: [{ providerName: "Oak" }, { providerName: "Elm" }, { providerName: "Oak" }],
      belowFloor: {
        year: "2030-31",
        floor: null,
        prices: [{ providerName: "Oak", reference: "X", band: "B", price: 1 }],
        feeRates: [],
      },
    });
    expect(items).toEqual([
      { kind: "challenge_open", text: "3 challenges to compliance results await your decision, from Oak and Elm." },
    ]);
  });
});
