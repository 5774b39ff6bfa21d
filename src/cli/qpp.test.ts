import { describe, expect, it } from "vitest";
import { runHub } from "../../test/cli";
import { commissioningArea, contract, contractStandard, result, standard } from "../../test/commissioning-fixtures";
import { testHub } from "../../test/harness";
import { contractDeliveries, qppSchemeStandards, qppSchemes } from "../server/db/schema";

// `hub qpp`: each provider's standards met and entitlement per scheme, as JSON, on hand-made results.

const hub = await testHub();
const env = { ...process.env, LOG_LEVEL: "warn", HUB_SECRET: "cli-test-secret-cli-test-secret-0123456" };
const cli = (...args: string[]) => runHub(args, { env, database: hub.database });

describe("hub qpp", async () => {
  const area = await commissioningArea(hub, { workers: 2 });
  const rlw = await standard(hub, area, "rlw_floor");
  const training = await standard(hub, area, "training_min");
  const cA = await contract(hub, area, { providerId: area.providerA.id, reference: "HC-1" });
  const cB = await contract(hub, area, { providerId: area.providerB.id, reference: "HC-2" });
  for (const c of [cA, cB]) {
    await result(hub, area, await contractStandard(hub, area, c, rlw), "2026-Q1");
    await result(hub, area, await contractStandard(hub, area, c, training), "2026-Q1", {
      status: c === cA ? "met" : "not_met",
    });
  }
  await hub.deps.db.insert(contractDeliveries).values([
    { contractId: cA.id, councilId: area.councilId, period: "2026-Q1", units: 1000, source: "council" },
    { contractId: cB.id, councilId: area.councilId, period: "2026-Q1", units: 2000, source: "council" },
  ]);
  const [scheme] = await hub.deps.db
    .insert(qppSchemes)
    .values({
      councilId: area.councilId,
      name: "Home care premium",
      serviceType: "home_care",
      basis: "per_unit",
      rate: 0.5,
      method: "weighted",
      budgetCap: null,
      fromPeriod: "2026-Q1",
    })
    .returning();
  await hub.deps.db.insert(qppSchemeStandards).values([
    { schemeId: scheme.id, standardId: rlw.id, councilId: area.councilId, weight: 1 },
    { schemeId: scheme.id, standardId: training.id, councilId: area.councilId, weight: 1 },
  ]);

  it("prints each provider's standards met and entitlement as JSON", async () => {
    const out = await cli("qpp", "--org", area.council.slug, "--period", "2026-Q1", "--format", "json");
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const data = out.json();
    expect(data.period).toBe("2026-Q1");
    expect(data.schemes).toHaveLength(1);
    expect(data.schemes[0]).toMatchObject({ name: "Home care premium", status: "draft", total: 1000, scaled: false });
    const byProvider = Object.fromEntries(
      data.schemes[0].providers.map((p: { providerId: string }) => [p.providerId, p]),
    );
    // A: both met, 1,000 h × £0.50 = £500; B: 1 of 2 met, 2,000 h × £0.50 × 50% = £500.
    expect(byProvider[area.providerA.id]).toMatchObject({ standardsMet: 2, standardsTotal: 2, entitlement: 500 });
    expect(byProvider[area.providerB.id]).toMatchObject({ standardsMet: 1, standardsTotal: 2, entitlement: 500 });
    expect(byProvider[area.providerB.id].contracts[0].standards).toEqual([
      { name: rlw.name, status: "met", met: true },
      { name: training.name, status: "not_met", met: false },
    ]);
  });

  it("names a scheme with --scheme, and says when none covers the period", async () => {
    const named = await cli("qpp", "--org", area.council.slug, "--period", "2026-q1", "--scheme", "home care premium");
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain("Home care premium (draft): £1,000.00 payable.");
    const none = await cli("qpp", "--org", area.council.slug, "--period", "2025-Q4", "--format", "json");
    expect(none.json().schemes).toEqual([]);
  });

  it("refuses a provider or a malformed period", async () => {
    const provider = await cli("qpp", "--org", area.providerA.slug, "--period", "2026-Q1");
    expect(provider.code).not.toBe(0);
    expect(provider.stderr).toContain("no council");
    const bad = await cli("qpp", "--org", area.council.slug, "--period", "2026-5");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--period must be a quarter like 2026-Q3");
  });
});
