import { describe, expect, it } from "vitest";
import { commissioningArea } from "../../../../test/commissioning-fixtures";
import { testHub } from "../../../../test/harness";
import { councilFloors } from "../commissioning/price-floor.service";
import { seedCommissioningPrice } from "./commissioning-price";

// The price part of the demo, seeded for a test council: fee rates around its floor and a tender
// with bids below it, the same on every run.

const hub = await testHub();

async function seeded() {
  const a = await commissioningArea(hub, { workers: 1 });
  const orgIds = new Map([
    ["council", a.councilId],
    ["p3", a.providerA.id],
    ["p7", a.providerB.id],
  ]);
  await seedCommissioningPrice(hub.ctx, { councilId: a.councilId, orgIds, anchor: "2026-06-15" });
  const cc = await a.commissionerClient();
  return { ...a, cc, base: `/api/orgs/${a.councilId}/commissioning` };
}

describe("the price-floor demo", () => {
  it("saves the council's Real Living Wage assumptions and shows fee rates either side of the floor", async () => {
    const a = await seeded();
    const floor = await a.cc.get(`${a.base}/price-floor?year=2026-27`);
    expect(floor.json).toMatchObject({ source: "council", assumptions: { wage: 13.45 } });
    const rates = (await a.cc.get(`${a.base}/fee-rates?year=2026-27`)).json.rates as {
      serviceType: string;
      band: string;
      check: { belowFloor: boolean } | null;
    }[];
    const home = rates.filter((r) => r.serviceType === "home_care");
    expect(home.length).toBeGreaterThanOrEqual(3);
    expect(home.filter((r) => r.check?.belowFloor).map((r) => r.band)).toEqual(["Standard"]);
    expect(rates.some((r) => r.serviceType === "care_home" && r.check?.belowFloor)).toBe(true);
    expect(rates.some((r) => r.serviceType === "care_home" && r.check && !r.check.belowFloor)).toBe(true);
  });

  it("holds a tender with five bids, two below the floor, one of them for its short visits", async () => {
    const a = await seeded();
    const list = (await a.cc.get(`${a.base}/tenders`)).json.tenders;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ bids: 5, belowFloor: 2, year: "2026-27" });
    const t = (await a.cc.get(`${a.base}/tenders/${list[0].id}`)).json;
    const below = t.bids.filter((b: { check: { belowFloor: boolean } }) => b.check.belowFloor);
    expect(below.map((b: { visitMinutes: number }) => b.visitMinutes).sort()).toEqual([15, 30]);
    const short = below.find((b: { visitMinutes: number }) => b.visitMinutes === 15);
    // Above the floor at the council's 30-minute visits, below it at 15 minutes.
    const floors = await councilFloors(hub.deps.db, a.councilId);
    expect(short.price).toBeGreaterThan(floors("2026-27", "home_care", null).total);
    expect(short.providerId).toBe(a.providerA.id);
  });
});
