import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  commissioningArea,
  contract,
  contractStandard,
  result,
  standard,
} from "../../../../test/commissioning-fixtures";
import { makeOrg, makeUser, signedIn, testHub, uniq } from "../../../../test/harness";
import { auditLog, complianceResults, contractStandards, staffRecords, workplaces } from "../../db/schema";
import { commissionProvider } from "../orgs/orgs.service";

// Contracts (issue 19 item 1): recording a contract with prices and workplaces, the checks on its
// provider, reference, dates and workplaces, the standards it carries (added, removed with its
// history kept), and a provider's view of its own contracts only. The test clock is 15 June 2026.

const hub = await testHub();

async function area() {
  const a = await commissioningArea(hub, { workers: 2 });
  return { ...a, cc: await a.commissionerClient() };
}
type Area = Awaited<ReturnType<typeof area>>;
const base = (a: Area) => `/api/orgs/${a.councilId}/commissioning`;
const body = (a: Area, over: Record<string, unknown> = {}) => ({
  providerId: a.providerA.id,
  reference: `HC-${uniq()}`,
  name: "Home care, south lot",
  serviceType: "home_care",
  lot: "South",
  framework: "Home care framework 2025",
  startDate: "2025-04-01",
  endDate: "2028-03-31",
  annualValue: 850000,
  prices: [
    { band: "30 minutes", unit: "hour", price: 27.5, weeklyVolume: 400 },
    { band: "45 minutes", unit: "hour", price: 25.9, weeklyVolume: 250 },
  ],
  workplaceIds: [a.workplaceA.id],
  ...over,
});
const issueAt = (res: { json: any }, path: string) =>
  res.json?.error?.issues?.find((i: { path: string }) => i.path === path)?.message as string | undefined;

describe("recording a contract", () => {
  it("saves the contract with its prices and workplaces, shows them, and audits it", async () => {
    const a = await area();
    const made = await a.cc.post(`${base(a)}/contracts`, body(a, { reference: "HC-001" }));
    expect(made.status).toBe(201);
    expect(made.json.contract).toMatchObject({
      reference: "HC-001",
      serviceType: "home_care",
      lot: "South",
      provider: { id: a.providerA.id, name: a.providerA.name },
      council: { id: a.councilId },
      state: "active",
      annualValue: 850000,
      standardCount: 0,
      workplaces: [{ id: a.workplaceA.id, name: "Home" }],
      standards: [],
    });
    expect(made.json.contract.prices.map((p: { band: string; price: number }) => [p.band, p.price])).toEqual([
      ["30 minutes", 27.5],
      ["45 minutes", 25.9],
    ]);
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.councilId), eq(auditLog.entityType, "contract")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", entityId: made.json.contract.id });
    expect((audit[0].after as { prices: unknown[] }).prices).toHaveLength(2);
  });

  it("replaces the prices and workplaces when saved again, in one go", async () => {
    const a = await area();
    const [second] = await hub.deps.db
      .insert(workplaces)
      .values({ orgId: a.providerA.id, localRef: `W${uniq()}`, name: "Second branch", mainService: 8 })
      .returning();
    const made = (await a.cc.post(`${base(a)}/contracts`, body(a))).json.contract;
    const saved = await a.cc.request(
      "PUT",
      `${base(a)}/contracts/${made.id}`,
      body(a, {
        reference: made.reference,
        prices: [{ band: "60 minutes", unit: "hour", price: 24, weeklyVolume: null }],
        workplaceIds: [second.id],
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.json.contract.prices.map((p: { band: string }) => p.band)).toEqual(["60 minutes"]);
    expect(saved.json.contract.workplaces.map((w: { name: string }) => w.name)).toEqual(["Second branch"]);
    // None chosen = all the provider's workplaces.
    const all = await a.cc.request(
      "PUT",
      `${base(a)}/contracts/${made.id}`,
      body(a, { reference: made.reference, workplaceIds: [] }),
    );
    expect(all.json.contract.workplaces).toEqual([]);
    // A refused save changes nothing (the bad band comes after a good one).
    const refused = await a.cc.request(
      "PUT",
      `${base(a)}/contracts/${made.id}`,
      body(a, { reference: made.reference, workplaceIds: [a.workplaceB.id] }),
    );
    expect(refused.status).toBe(400);
    const after = await a.cc.get(`${base(a)}/contracts/${made.id}`);
    expect(after.json.contract.prices).toHaveLength(2);
    const actions = await hub.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.councilId), eq(auditLog.entityId, made.id)))
      .orderBy(asc(auditLog.id));
    expect(actions.map((x) => x.action)).toEqual(["create", "update", "update"]);
  });

  it("refuses bad dates, unknown or uncommissioned providers and another provider's workplace, naming the field", async () => {
    const a = await area();
    const stranger = await makeOrg(hub, "provider");
    const late = await makeOrg(hub, "provider");
    await commissionProvider(hub.ctx, { councilId: a.councilId, providerId: late.id, fromDate: "2026-01-01" });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ endDate: "2025-03-31" }, "endDate", /on or after the start date/],
      [{ startDate: "2025-02-30" }, "startDate", /real date/],
      [{ serviceType: "spa" }, "serviceType", /service type/],
      [{ reference: "  " }, "reference", /Enter the reference/],
      [{ providerId: randomUUID() }, "providerId", /not one of them/],
      [{ providerId: stranger.id, workplaceIds: [] }, "providerId", /not one of them/],
      [
        { providerId: late.id, workplaceIds: [] },
        "providerId",
        /does not commission .* on the start date, 1 April 2025/,
      ],
      [{ workplaceIds: [a.workplaceB.id] }, "workplaceIds", /provider's own workplaces/],
      [{ prices: [{ band: "30 minutes", unit: "hour", price: -1 }] }, "prices.0.price", /cannot be negative/],
      [
        {
          prices: [
            { band: "Standard", unit: "week", price: 900 },
            { band: "standard", unit: "week", price: 950 },
          ],
        },
        "prices.1.band",
        /listed twice/,
      ],
    ];
    for (const [over, path, message] of cases) {
      const res = await a.cc.post(`${base(a)}/contracts`, body(a, over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(issueAt(res, path), JSON.stringify(over)).toMatch(message);
    }
    // From its first commissioned day, the late provider is fine.
    expect(
      (
        await a.cc.post(
          `${base(a)}/contracts`,
          body(a, { providerId: late.id, startDate: "2026-01-01", workplaceIds: [] }),
        )
      ).status,
    ).toBe(201);
    const list = await a.cc.get(`${base(a)}/contracts`);
    expect(list.json.contracts).toHaveLength(1);
  });

  it("keeps references unique in the council (a clear 409), but two councils may share one", async () => {
    const a = await area();
    const b = await area();
    expect((await a.cc.post(`${base(a)}/contracts`, body(a, { reference: "LOT-1" }))).status).toBe(201);
    const again = await a.cc.post(`${base(a)}/contracts`, body(a, { reference: "lot-1" }));
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe(
      "Your council already has a contract with the reference lot-1: give this one its own reference.",
    );
    expect((await b.cc.post(`${base(b)}/contracts`, body(b, { reference: "LOT-1" }))).status).toBe(201);
  });

  it("filters the list by service type, provider and a date the contract is active on", async () => {
    const a = await area();
    await contract(hub, a, { reference: "A-HC", startDate: "2025-04-01", endDate: "2026-03-31" });
    await contract(hub, a, { reference: "A-CH", serviceType: "care_home", startDate: "2026-04-01" });
    await contract(hub, a, { reference: "B-HC", providerId: a.providerB.id, startDate: "2024-04-01" });
    const refs = async (q: string) =>
      (await a.cc.get(`${base(a)}/contracts${q}`)).json.contracts.map((c: { reference: string }) => c.reference);
    expect(await refs("")).toEqual(["A-CH", "A-HC", "B-HC"]);
    expect(await refs("?serviceType=home_care")).toEqual(["A-HC", "B-HC"]);
    expect(await refs(`?providerId=${a.providerB.id}`)).toEqual(["B-HC"]);
    expect(await refs("?activeOn=2026-05-01")).toEqual(["A-CH", "B-HC"]);
    expect(await refs("?activeOn=2025-06-01&serviceType=home_care")).toEqual(["A-HC", "B-HC"]);
    const states = (await a.cc.get(`${base(a)}/contracts`)).json.contracts.map((c: { state: string }) => c.state);
    expect(states).toEqual(["active", "ended", "active"]);
    expect((await a.cc.get(`${base(a)}/contracts?activeOn=soon`)).status).toBe(400);
  });

  it("gives the form the providers the council commissions with their workplaces", async () => {
    const a = await area();
    const res = await a.cc.get(`${base(a)}/contract-options`);
    expect(res.status).toBe(200);
    const ids = res.json.providers.map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual([a.provider.id, a.providerA.id, a.providerB.id].sort());
    const pa = res.json.providers.find((p: { id: string }) => p.id === a.providerA.id);
    expect(pa.links).toEqual([{ from: "2020-01-01", to: null }]);
    expect(pa.workplaces).toEqual([{ id: a.workplaceA.id, name: "Home", localRef: a.workplaceA.localRef }]);
  });

  it("lets only the commissioner and council admin write: an analyst reads", async () => {
    const a = await area();
    const analyst = await makeUser(hub, a.council, "council_analyst");
    const client = await signedIn(hub, analyst.email);
    expect((await client.get(`${base(a)}/contracts`)).status).toBe(200);
    expect((await client.post(`${base(a)}/contracts`, body(a))).status).toBe(403);
    expect((await (await a.councilClient()).post(`${base(a)}/contracts`, body(a))).status).toBe(201);
  });
});

describe("a contract's standards", () => {
  it("adds a standard from the last ended quarter by default, with its own threshold when given, and audits it", async () => {
    const a = await area();
    const c = await contract(hub, a);
    const floor = await standard(hub, a, "rlw_floor");
    const turnover = await standard(hub, a, "turnover_max", { threshold: 0.3 });
    const url = `${base(a)}/contracts/${c.id}/standards`;
    const added = await a.cc.post(url, { standardId: floor.id });
    expect(added.status).toBe(201);
    expect(added.json.standard).toMatchObject({
      standardId: floor.id,
      kind: "rlw_floor",
      fromPeriod: "2026-Q1",
      untilPeriod: null,
      threshold: 0,
      ownThreshold: false,
      thresholdText: "0% paid below the Real Living Wage",
      measuredOver: "as at the last day of the period",
      // Worked out at once for the last ended quarter: two workers are too few to judge.
      latest: { period: "2026-Q1", status: "not_enough_data" },
    });
    const own = await a.cc.post(url, { standardId: turnover.id, threshold: 0.25, fromPeriod: "2025-q3" });
    expect(own.json.standard).toMatchObject({
      fromPeriod: "2025-Q3",
      threshold: 0.25,
      ownThreshold: true,
      thresholdText: "Staff turnover at most 25% over 12 months",
    });
    const again = await a.cc.post(url, { standardId: floor.id });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain("already carries");
    const detail = (await a.cc.get(`${base(a)}/contracts/${c.id}`)).json.contract;
    expect(detail.standardCount).toBe(2);
    expect(detail.standards.map((s: { kind: string }) => s.kind)).toEqual(["rlw_floor", "turnover_max"]);
    const audit = await hub.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.councilId), eq(auditLog.entityType, "contract_standard")))
      .orderBy(asc(auditLog.id));
    expect(audit.map((e) => [e.action, (e.after as { fromPeriod: string }).fromPeriod])).toEqual([
      ["create", "2026-Q1"],
      ["create", "2025-Q3"],
    ]);
  });

  it("shows the commissioner the result for the last ended quarter as soon as a standard is added", async () => {
    const a = await commissioningArea(hub, { workers: 6 });
    const cc = await a.commissionerClient();
    const c = await contract(hub, a);
    const floor = await standard(hub, a, "rlw_floor");
    // Six care workers on £12.20 an hour: below the Real Living Wage that applies on 31 March 2026
    // (£12.60, the 2024/25 rate: employers have until 22 April 2026 to pay the next one).
    await hub.deps.db.update(staffRecords).set({ payRate: 12.2 }).where(eq(staffRecords.orgId, a.providerA.id));
    const added = await cc.post(`/api/orgs/${a.councilId}/commissioning/contracts/${c.id}/standards`, {
      standardId: floor.id,
    });
    expect(added.json.standard.latest).toEqual({ period: "2026-Q1", status: "not_met" });
    const [stored] = await hub.deps.db
      .select()
      .from(complianceResults)
      .where(eq(complianceResults.contractStandardId, added.json.standard.id));
    expect(stored).toMatchObject({ period: "2026-Q1", status: "not_met", value: 1, n: 6 });
  });

  it("refuses an archived standard, another council's standard, a bad threshold and a quarter outside the contract", async () => {
    const a = await area();
    const b = await area();
    const c = await contract(hub, a, { startDate: "2025-04-01", endDate: "2027-03-31" });
    const url = `${base(a)}/contracts/${c.id}/standards`;
    const old = await standard(hub, a, "vacancy_max", { archivedAt: new Date() });
    const theirs = await standard(hub, b, "vacancy_max");
    const training = await standard(hub, a, "training_min");
    const travel = await standard(hub, a, "paid_travel", { threshold: null });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ standardId: old.id }, "standardId", /archived/],
      [{ standardId: theirs.id }, "standardId", /your council's library/],
      [{ standardId: training.id, threshold: 90 }, "threshold", /between 0 and 1/],
      [{ standardId: travel.id, threshold: 1 }, "threshold", /leave the threshold empty/],
      [{ standardId: training.id, fromPeriod: "2025-Q1" }, "fromPeriod", /on or after the contract's start \(2025-Q2/],
      [{ standardId: training.id, fromPeriod: "2027-Q2" }, "fromPeriod", /before the contract ends/],
      [{ standardId: training.id, fromPeriod: "2026 Q1" }, "fromPeriod", /like 2026-Q1/],
    ];
    for (const [input, path, message] of cases) {
      const res = await a.cc.post(url, input);
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(issueAt(res, path), JSON.stringify(input)).toMatch(message);
    }
    // A contract starting after the last ended quarter measures from its own first quarter.
    const later = await contract(hub, a, { startDate: "2026-09-01" });
    const res = await a.cc.post(`${base(a)}/contracts/${later.id}/standards`, { standardId: training.id });
    expect(res.json.standard.fromPeriod).toBe("2026-Q3");
    // Another council's contract is not found.
    expect((await b.cc.post(`${base(b)}/contracts/${c.id}/standards`, { standardId: theirs.id })).status).toBe(404);
  });

  it("deletes a standard with no results, but ends one with results from the current quarter, keeping its history", async () => {
    const a = await area();
    const c = await contract(hub, a);
    const fresh = await contractStandard(hub, a, c, await standard(hub, a, "vacancy_max"), { fromPeriod: "2026-Q1" });
    const measured = await contractStandard(hub, a, c, await standard(hub, a, "rlw_floor"));
    const past = await result(hub, a, measured, "2026-Q1", { status: "not_met", value: 0.2 });
    const url = (id: string) => `${base(a)}/contracts/${c.id}/standards/${id}`;

    const gone = await a.cc.delete(url(fresh.id));
    expect(gone.json).toEqual({ removed: fresh.id, kept: false, untilPeriod: null });
    expect(await hub.deps.db.select().from(contractStandards).where(eq(contractStandards.id, fresh.id))).toEqual([]);

    const ended = await a.cc.delete(url(measured.id));
    expect(ended.json).toEqual({ removed: measured.id, kept: true, untilPeriod: "2026-Q2" });
    expect(
      (await hub.deps.db.select().from(complianceResults).where(eq(complianceResults.id, past.id))).map(
        (r) => r.status,
      ),
    ).toEqual(["not_met"]);
    const detail = (await a.cc.get(`${base(a)}/contracts/${c.id}`)).json.contract;
    expect(detail.standardCount).toBe(0);
    expect(detail.standards).toHaveLength(1);
    expect(detail.standards[0]).toMatchObject({
      id: measured.id,
      untilPeriod: "2026-Q2",
      latest: { period: "2026-Q1", status: "not_met" },
    });

    const twice = await a.cc.delete(url(measured.id));
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toContain("already taken off this contract from 2026-Q2");

    // Added again, it is the same row, applying again, so its history carries on.
    const back = await a.cc.post(`${base(a)}/contracts/${c.id}/standards`, { standardId: measured.standardId });
    expect(back.status).toBe(201);
    expect(back.json.standard).toMatchObject({ id: measured.id, untilPeriod: null, fromPeriod: "2025-Q2" });

    const actions = await hub.deps.db
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.councilId), eq(auditLog.entityType, "contract_standard")))
      .orderBy(asc(auditLog.id));
    expect(actions).toEqual([
      { action: "delete", entityId: fresh.id },
      { action: "remove", entityId: measured.id },
      { action: "reinstate", entityId: measured.id },
    ]);
  });

  it("shows the latest result as it stands after an accepted challenge", async () => {
    const a = await area();
    const c = await contract(hub, a);
    const cs = await contractStandard(hub, a, c, await standard(hub, a, "training_min"));
    await result(hub, a, cs, "2025-Q4", { status: "met" });
    await result(hub, a, cs, "2026-Q1", {
      status: "not_met",
      overrideStatus: "met",
      overrideNote: "Evidence accepted",
    });
    const detail = (await a.cc.get(`${base(a)}/contracts/${c.id}`)).json.contract;
    expect(detail.standards[0].latest).toEqual({ period: "2026-Q1", status: "met" });
  });

  it("changes the provider only while the contract has no results", async () => {
    const a = await area();
    const made = (await a.cc.post(`${base(a)}/contracts`, body(a, { workplaceIds: [] }))).json.contract;
    const moved = await a.cc.request(
      "PUT",
      `${base(a)}/contracts/${made.id}`,
      body(a, { reference: made.reference, providerId: a.providerB.id, workplaceIds: [a.workplaceB.id] }),
    );
    expect(moved.status).toBe(200);
    expect(moved.json.contract.provider.id).toBe(a.providerB.id);
    const cs = await contractStandard(hub, a, { id: made.id }, await standard(hub, a, "rlw_floor"));
    await result(hub, a, { id: cs.id, contractId: made.id }, "2026-Q1");
    const back = await a.cc.request(
      "PUT",
      `${base(a)}/contracts/${made.id}`,
      body(a, { reference: made.reference, workplaceIds: [] }),
    );
    expect(back.status).toBe(409);
    expect(back.json.error.message).toContain("its provider cannot change");
  });
});

describe("a provider's own contracts", () => {
  it("lists its contracts with every council that holds one, and never another provider's", async () => {
    const a = await area();
    const other = await makeOrg(hub, "council");
    await commissionProvider(hub.ctx, { councilId: other.id, providerId: a.providerA.id, fromDate: "2024-01-01" });
    const mine = await contract(hub, a, { reference: "A-1" });
    const elsewhere = await contract(hub, a, { councilId: other.id, reference: "X-9", serviceType: "care_home" });
    const theirs = await contract(hub, a, { reference: "B-1", providerId: a.providerB.id });
    const cs = await contractStandard(hub, a, mine, await standard(hub, a, "zero_hours_max"), { threshold: 0.05 });

    const pa = await a.providerAClient();
    const list = await pa.get(`/api/orgs/${a.providerA.id}/contracts`);
    expect(list.status).toBe(200);
    expect(
      list.json.contracts.map((c: { id: string; council: { id: string } }) => [c.id, c.council.id]).sort(),
    ).toEqual(
      [
        [mine.id, a.councilId],
        [elsewhere.id, other.id],
      ].sort(),
    );
    const detail = await pa.get(`/api/orgs/${a.providerA.id}/contracts/${mine.id}`);
    expect(detail.status).toBe(200);
    expect(detail.json.contract.standards).toEqual([
      expect.objectContaining({
        id: cs.id,
        kind: "zero_hours_max",
        thresholdText: "At most 5% of staff on zero-hours contracts",
        measuredOver: "as at the last day of the period",
        description: expect.stringContaining("zero-hours"),
        kindDescription: "The share of staff on zero-hours contracts must not exceed the threshold.",
        toFix: expect.stringContaining("guaranteed-hours"),
      }),
    ]);
    // Another provider's contract is not found, by the provider nor through its own address.
    expect((await pa.get(`/api/orgs/${a.providerA.id}/contracts/${theirs.id}`)).status).toBe(404);
    expect((await pa.get(`/api/orgs/${a.providerB.id}/contracts/${theirs.id}`)).status).toBe(404);
    const pb = await a.providerBClient();
    expect(
      (await pb.get(`/api/orgs/${a.providerB.id}/contracts`)).json.contracts.map((c: { id: string }) => c.id),
    ).toEqual([theirs.id]);
    // The council does not read a provider's address, and a provider not the council's.
    expect((await a.cc.get(`/api/orgs/${a.providerA.id}/contracts`)).status).toBe(404);
    expect((await pa.get(`${base(a)}/contracts/${mine.id}`)).status).toBe(404);
    // Another council's contracts are not in this council's list.
    expect((await a.cc.get(`${base(a)}/contracts`)).json.contracts.map((c: { id: string }) => c.id).sort()).toEqual(
      [mine.id, theirs.id].sort(),
    );
  });
});
