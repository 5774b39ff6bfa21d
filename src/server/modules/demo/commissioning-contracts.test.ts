import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Hub, makeOrg, testHub, uniq } from "../../../../test/harness";
import { STANDARD_KIND_KEYS } from "../../../shared/commissioning";
import {
  commissioningStandards,
  contractPrices,
  contractStandards,
  contracts,
  contractWorkplaces,
  workplaces,
} from "../../db/schema";
import { seedCommissioningContracts } from "./commissioning-contracts";

// The contracts' demo on a small hand-made area (the whole demo is tested in demo.test.ts): the
// library holds one standard of each kind, providers get contracts for the service their
// workplaces run, every contract carries the RLW floor and two to four more from the quarter
// before the last ended one, and the same area gives the same contracts.

const hub = await testHub();

/** A council and six providers: home care ×2, care home, nursing, supported living, and one running home care and a care home. */
async function area(h: Hub) {
  const council = await makeOrg(h, "council");
  const services = [[8], [8], [2], [1], [55], [8, 2]];
  const orgIds = new Map<string, string>([["council", council.id]]);
  for (const [i, mains] of services.entries()) {
    const p = await makeOrg(h, "provider");
    orgIds.set(`p${i}`, p.id);
    for (const [n, mainService] of mains.entries())
      await h.deps.db
        .insert(workplaces)
        .values({ orgId: p.id, localRef: `W${i}-${n}-${uniq()}`, name: `Place ${i}.${n}`, mainService });
  }
  return { councilId: council.id, orgIds, anchor: "2026-11-22" };
}

async function contractsOf(councilId: string) {
  const rows = await hub.deps.db
    .select()
    .from(contracts)
    .where(eq(contracts.councilId, councilId))
    .orderBy(asc(contracts.reference));
  const ids = rows.map((r) => r.id);
  const prices = await hub.deps.db
    .select()
    .from(contractPrices)
    .where(inArray(contractPrices.contractId, ids))
    .orderBy(asc(contractPrices.createdAt));
  const carried = await hub.deps.db
    .select({
      contractId: contractStandards.contractId,
      kind: commissioningStandards.kind,
      from: contractStandards.fromPeriod,
    })
    .from(contractStandards)
    .innerJoin(commissioningStandards, eq(commissioningStandards.id, contractStandards.standardId))
    .where(inArray(contractStandards.contractId, ids));
  const links = await hub.deps.db.select().from(contractWorkplaces).where(inArray(contractWorkplaces.contractId, ids));
  return { rows, prices, carried, links };
}

describe("the contracts' demo", () => {
  it("seeds the library and contracts by service, each with the RLW floor and two to four more standards", async () => {
    const opts = await area(hub);
    const seeded = await seedCommissioningContracts(hub.ctx, opts);
    expect(Object.keys(seeded.standardIds).sort()).toEqual([...STANDARD_KIND_KEYS].sort());
    const library = await hub.deps.db
      .select()
      .from(commissioningStandards)
      .where(eq(commissioningStandards.councilId, opts.councilId));
    const threshold = (kind: string) => library.find((s) => s.kind === kind)?.threshold;
    expect([threshold("rlw_floor"), threshold("senior_margin"), threshold("turnover_max")]).toEqual([0, 0.5, 0.3]);
    expect(threshold("paid_travel")).toBeNull();

    const { rows, prices, carried, links } = await contractsOf(opts.councilId);
    expect(seeded.contractIds).toHaveLength(rows.length);
    const p = (i: number) => opts.orgIds.get(`p${i}`);
    expect(rows.map((r) => [r.reference, r.serviceType, r.providerId])).toEqual([
      ["CH-01", "care_home", p(2)],
      ["CH-02", "care_home", p(5)],
      ["HC-01", "home_care", p(0)],
      ["HC-02", "home_care", p(1)],
      ["HC-03", "home_care", p(5)],
      ["NH-01", "nursing_home", p(3)],
      ["SL-01", "supported_living", p(4)],
    ]);
    for (const c of rows) {
      const kinds = carried.filter((x) => x.contractId === c.id).map((x) => x.kind);
      expect(kinds).toContain("rlw_floor");
      expect(kinds.length).toBeGreaterThanOrEqual(3);
      expect(kinds.length).toBeLessThanOrEqual(5);
      const own = prices.filter((x) => x.contractId === c.id);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(
        own.every((x) => (x.unit === "week") === (c.serviceType === "care_home" || c.serviceType === "nursing_home")),
      ).toBe(true);
      expect(c.startDate <= "2026-04-01").toBe(true);
    }
    // Two quarters of compliance: from the quarter before the last ended one (2026-Q3).
    expect(new Set(carried.map((x) => x.from))).toEqual(new Set(["2026-Q2"]));
    // The provider running two services has each contract linked to its workplaces of that service.
    const both = await hub.deps.db
      .select()
      .from(workplaces)
      .where(eq(workplaces.orgId, p(5) as string));
    const linkedTo = (ref: string) =>
      links
        .filter((l) => l.contractId === rows.find((r) => r.reference === ref)?.id)
        .map((l) => both.find((w) => w.id === l.workplaceId)?.mainService);
    expect(linkedTo("HC-03")).toEqual([8]);
    expect(linkedTo("CH-02")).toEqual([2]);
    expect(linkedTo("HC-01")).toEqual([]);
  });

  it("gives the same contracts for the same area", async () => {
    const a = await area(hub);
    const b = await area(hub);
    await seedCommissioningContracts(hub.ctx, a);
    await seedCommissioningContracts(hub.ctx, b);
    const shape = async (councilId: string) => {
      const x = await contractsOf(councilId);
      return x.rows.map((r) => ({
        reference: r.reference,
        lot: r.lot,
        value: r.annualValue,
        prices: x.prices.filter((p) => p.contractId === r.id).map((p) => [p.band, p.price, p.weeklyVolume]),
        kinds: x.carried
          .filter((c) => c.contractId === r.id)
          .map((c) => c.kind)
          .sort(),
      }));
    };
    expect(await shape(a.councilId)).toEqual(await shape(b.councilId));
  });
});
