import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissioningArea } from "../../../../test/commissioning-fixtures";
import { makeOrg, makeUser, signedIn, testHub } from "../../../../test/harness";
import { priceFloor } from "../../../shared/price-floor";
import { auditLog } from "../../db/schema";
import { financialYearOf, floorYearFor } from "./price-floor.service";

const hub = await testHub();

async function area() {
  const a = await commissioningArea(hub, { workers: 1 });
  const cc = await a.commissionerClient();
  const base = `/api/orgs/${a.councilId}/commissioning`;
  return { ...a, cc, base };
}

const auditOf = (orgId: string, entityType: string) =>
  hub.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityType, entityType)))
    .orderBy(asc(auditLog.id));

describe("financial years", () => {
  it("turns a day into its April-to-March year and the calculator's nearest edition", () => {
    expect(financialYearOf("2026-03-31")).toBe("2025-26");
    expect(financialYearOf("2026-04-01")).toBe("2026-27");
    expect(floorYearFor("2026-06-15")).toBe("2026-27");
    expect(floorYearFor("2030-01-01")).toBe("2026-27");
    expect(floorYearFor("2020-01-01")).toBe("2024-25");
  });
});

describe("the price-floor calculator over the API", () => {
  it("gives the defaults' floor with every line, overrides from the query, and the headline it is calibrated to", async () => {
    const a = await area();
    const res = await a.cc.get(`${a.base}/price-floor?year=2025-26&careType=home_care`);
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(priceFloor("2025-26", "home_care").total);
    expect(res.json.source).toBe("defaults");
    expect(res.json.headline).toMatchObject({ price: 32.14, wage: 12.21, secondary: false });
    expect(res.json.lines.reduce((s: number, l: { amount: number }) => s + Math.round(l.amount * 100), 0)).toBe(
      Math.round(res.json.total * 100),
    );
    const short = await a.cc.get(`${a.base}/price-floor?year=2025-26&visitMinutes=15&wage=12.6`);
    expect(short.json.assumptions).toMatchObject({ visitMinutes: 15, wage: 12.6 });
    expect(short.json.total).toBe(priceFloor("2025-26", "home_care", { visitMinutes: 15, wage: 12.6 }).total);
    expect(short.json.total).toBeGreaterThan(res.json.total);
  });

  it("refuses a bad override naming the field, and an unknown one naming the choices", async () => {
    const a = await area();
    const zero = await a.cc.get(`${a.base}/price-floor?year=2025-26&visitMinutes=0`);
    expect(zero.status).toBe(400);
    expect(zero.json.error.message).toBe("Visit length (minutes) must be more than 0 and at most 720; it is 0.");
    expect(zero.json.error.issues[0].path).toBe("visitMinutes");
    const word = await a.cc.get(`${a.base}/price-floor?year=2025-26&wage=lots`);
    expect(word.status).toBe(400);
    expect(word.json.error.message).toBe("Wage floor (£ per hour) must be a number.");
    const unknown = await a.cc.get(`${a.base}/price-floor?year=2025-26&careHoursPerResidentWeek=20`);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("is not an assumption of the home care calculator");
    const year = await a.cc.get(`${a.base}/price-floor?year=2019-20`);
    expect(year.status).toBe(400);
  });

  it("saves the council's assumptions (audited) as the starting point for its people, not for a provider", async () => {
    const a = await area();
    const put = await a.cc.request("PUT", `${a.base}/price-floor/2025-26/home_care`, {
      assumptions: { wage: 12.6, visitMinutes: 30, runningCostsPerHour: 8.5 },
    });
    expect(put.status).toBe(200);
    expect(put.json.source).toBe("council");
    // Only what differs from the defaults is kept.
    expect(put.json.saved.assumptions).toEqual({ wage: 12.6, runningCostsPerHour: 8.5 });
    const expected = priceFloor("2025-26", "home_care", { wage: 12.6, runningCostsPerHour: 8.5 }).total;
    expect(put.json.total).toBe(expected);

    const analyst = await makeUser(hub, a.council, "council_analyst");
    const asAnalyst = await (await signedIn(hub, analyst.email)).get(`${a.base}/price-floor?year=2025-26`);
    expect(asAnalyst.json.total).toBe(expected);
    expect(asAnalyst.json.canSave).toBe(false);

    const provider = await a.providerAClient();
    const own = await provider.get(`/api/orgs/${a.providerA.id}/commissioning/price-floor?year=2025-26`);
    expect(own.status).toBe(200);
    expect(own.json.source).toBe("defaults");
    expect(own.json.total).toBe(priceFloor("2025-26", "home_care").total);
    expect(own.json.canSave).toBe(false);

    const audit = await auditOf(a.councilId, "price_floor_settings");
    expect(audit.map((e) => e.action)).toEqual(["create"]);
    expect(audit[0].after).toMatchObject({ year: "2025-26", careType: "home_care" });

    const reset = await a.cc.delete(`${a.base}/price-floor/2025-26/home_care`);
    expect(reset.status).toBe(200);
    expect((await a.cc.get(`${a.base}/price-floor?year=2025-26`)).json.source).toBe("defaults");
    expect((await auditOf(a.councilId, "price_floor_settings")).map((e) => e.action)).toEqual(["create", "delete"]);
  });

  it("refuses to save assumptions the calculator cannot use, and a provider cannot save", async () => {
    const a = await area();
    const bad = await a.cc.request("PUT", `${a.base}/price-floor/2025-26/home_care`, {
      assumptions: { travelMinutesPerVisit: -3 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("travelMinutesPerVisit");
    const wrongYear = await a.cc.request("PUT", `${a.base}/price-floor/2019-20/home_care`, { assumptions: {} });
    expect(wrongYear.status).toBe(404);
    const provider = await a.providerAClient();
    const denied = await provider.request(
      "PUT",
      `/api/orgs/${a.providerA.id}/commissioning/price-floor/2025-26/home_care`,
      {
        assumptions: { wage: 13 },
      },
    );
    expect(denied.status).toBe(403);
  });

  it("gives the care home floor per bed per week", async () => {
    const a = await area();
    const res = await a.cc.get(`${a.base}/price-floor?year=2026-27&careType=care_home`);
    expect(res.json.unit).toBe("week");
    expect(res.json.total).toBe(priceFloor("2026-27", "care_home").total);
    expect(res.json.headline).toBeNull();
  });
});

describe("fee rates against the floor", () => {
  it("shows each home care and care home rate against the council's floor, with the gap and the lines not covered", async () => {
    const a = await area();
    await a.cc.request("PUT", `${a.base}/price-floor/2025-26/home_care`, { assumptions: { runningCostsPerHour: 8 } });
    const floor = priceFloor("2025-26", "home_care", { runningCostsPerHour: 8 });
    const add = (b: Record<string, unknown>) =>
      a.cc.post(`${a.base}/fee-rates`, { year: "2025-26", serviceType: "home_care", unit: "hour", ...b });
    const low = await add({ band: "Standard", rate: 24.1 });
    expect(low.status).toBe(201);
    expect(low.json.check).toMatchObject({ belowFloor: true, floor: floor.total, visitMinutes: 30 });
    expect(low.json.check.gap).toBeCloseTo(floor.total - 24.1, 10);
    // £24.10 pays the wage lines and mileage but runs out within running costs.
    const covered = floor.lines.filter((l) => !low.json.check.notCovered.some((n: { key: string }) => n.key === l.key));
    expect(covered.map((l) => l.key)).toContain("mileage");
    expect(low.json.check.notCovered.map((n: { key: string }) => n.key)).toEqual(["running_costs", "surplus"]);
    const high = await add({ band: "Rural", rate: 34 });
    expect(high.json.check).toMatchObject({ belowFloor: false, gap: 0, notCovered: [] });
    const home = await a.cc.post(`${a.base}/fee-rates`, {
      year: "2025-26",
      serviceType: "care_home",
      band: "Residential",
      unit: "week",
      rate: 900,
    });
    expect(home.json.check).toMatchObject({ careType: "care_home", belowFloor: true });
    const sl = await a.cc.post(`${a.base}/fee-rates`, {
      year: "2025-26",
      serviceType: "supported_living",
      band: "Standard",
      unit: "hour",
      rate: 23,
    });
    expect(sl.json.check).toBeNull();
    expect(sl.json.noCheck).toContain("no price floor for supported living");

    const list = await a.cc.get(`${a.base}/fee-rates?year=2025-26`);
    expect(list.json.rates.map((r: { band: string; serviceType: string }) => `${r.serviceType}/${r.band}`)).toEqual([
      "care_home/Residential",
      "home_care/Rural",
      "home_care/Standard",
      "supported_living/Standard",
    ]);
  });

  it("refuses a second rate for the same band, changes and removes a rate, all audited", async () => {
    const a = await area();
    const body = { year: "2025-26", serviceType: "home_care", band: "Standard", unit: "hour", rate: 25 };
    const first = await a.cc.post(`${a.base}/fee-rates`, body);
    const again = await a.cc.post(`${a.base}/fee-rates`, { ...body, band: "standard" });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain("already a 2025-26 rate for the band “Standard”");
    const changed = await a.cc.request("PUT", `${a.base}/fee-rates/${first.json.id}`, { ...body, rate: 33 });
    expect(changed.status).toBe(200);
    expect(changed.json.check.belowFloor).toBe(false);
    expect((await a.cc.delete(`${a.base}/fee-rates/${first.json.id}`)).status).toBe(200);
    expect((await a.cc.get(`${a.base}/fee-rates`)).json.rates).toEqual([]);
    expect((await auditOf(a.councilId, "fee_rate")).map((e) => e.action)).toEqual(["create", "update", "delete"]);
  });

  it("refuses bad input naming the field", async () => {
    const a = await area();
    const res = await a.cc.post(`${a.base}/fee-rates`, {
      year: "2025-27",
      serviceType: "home_care",
      band: "A",
      unit: "hour",
      rate: 20,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0]).toMatchObject({ path: "year" });
    const neg = await a.cc.post(`${a.base}/fee-rates`, {
      year: "2025-26",
      serviceType: "home_care",
      band: "A",
      unit: "hour",
      rate: -1,
    });
    expect(neg.json.error.message).toBe("The rate cannot be negative");
  });
});

describe("tenders and bids against the floor", () => {
  it("flags bids below the floor with the lines they cannot cover, at each bid's own visit length", async () => {
    const a = await area();
    const t = await a.cc.post(`${a.base}/tenders`, {
      name: "Home care, north",
      serviceType: "home_care",
      year: "2025-26",
      closesOn: "2026-07-31",
    });
    expect(t.status).toBe(201);
    const bid = (b: Record<string, unknown>) =>
      a.cc.post(`${a.base}/tenders/${t.json.id}/bids`, { providerId: null, notes: "", ...b });
    const floor30 = priceFloor("2025-26", "home_care");
    const floor15 = priceFloor("2025-26", "home_care", { visitMinutes: 15 });
    const cheap = await bid({ bidder: "Budget Care", price: 20, visitMinutes: 30 });
    expect(cheap.status).toBe(201);
    expect(cheap.json.check).toMatchObject({ belowFloor: true, floor: floor30.total });
    // £20 runs out within the employer's National Insurance: it cannot lawfully pay for the hours.
    expect(cheap.json.check.notCovered[0].key).toBe("employer_ni");
    // The same price above the 30-minute floor is below the 15-minute one.
    const price = Math.round((floor30.total + 0.5) * 100) / 100;
    const long = await bid({ bidder: "Long Visits Ltd", price, visitMinutes: 30 });
    const short = await bid({ bidder: "Short Visits Ltd", price, visitMinutes: 15 });
    expect(long.json.check.belowFloor).toBe(false);
    expect(short.json.check).toMatchObject({ belowFloor: true, floor: floor15.total, visitMinutes: 15 });
    const withProvider = await bid({ bidder: "A", providerId: a.providerA.id, price: 40, visitMinutes: null });
    expect(withProvider.json).toMatchObject({ providerName: a.providerA.name });
    expect(withProvider.json.check.visitMinutes).toBe(30);

    const detail = await a.cc.get(`${a.base}/tenders/${t.json.id}`);
    expect(detail.json.bids.map((b: { bidder: string }) => b.bidder)).toEqual([
      "Budget Care",
      "Long Visits Ltd",
      "Short Visits Ltd",
      "A",
    ]);
    expect(detail.json.tender).toMatchObject({ bids: 4, belowFloor: 2 });
    expect(detail.json.floor).toBe(floor30.total);
    expect(detail.json.providers.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([a.providerA.id, a.providerB.id]),
    );
    const list = await a.cc.get(`${a.base}/tenders`);
    expect(list.json.tenders).toEqual([expect.objectContaining({ id: t.json.id, bids: 4, belowFloor: 2 })]);

    expect((await a.cc.delete(`${a.base}/tenders/${t.json.id}/bids/${cheap.json.id}`)).status).toBe(200);
    expect((await a.cc.get(`${a.base}/tenders/${t.json.id}`)).json.tender.belowFloor).toBe(1);
    expect((await auditOf(a.councilId, "tender_bid")).map((e) => e.action)).toEqual([
      "create",
      "create",
      "create",
      "create",
      "delete",
    ]);
  });

  it("refuses a bid naming a provider the council does not commission, and hides other councils' tenders", async () => {
    const a = await area();
    const t = await a.cc.post(`${a.base}/tenders`, { name: "T", serviceType: "care_home", year: "2025-26" });
    const stranger = await makeOrg(hub, "provider");
    const res = await a.cc.post(`${a.base}/tenders/${t.json.id}/bids`, {
      bidder: "Stranger",
      providerId: stranger.id,
      price: 1000,
    });
    expect(res.status).toBe(404);
    const other = await commissioningArea(hub, { workers: 1 });
    const oc = await other.commissionerClient();
    expect((await oc.get(`/api/orgs/${other.councilId}/commissioning/tenders/${t.json.id}`)).status).toBe(404);
    expect(
      (await oc.post(`/api/orgs/${other.councilId}/commissioning/tenders/${t.json.id}/bids`, { bidder: "X", price: 1 }))
        .status,
    ).toBe(404);
    // A care home bid ignores a visit length and is checked per bed per week.
    const ok = await a.cc.post(`${a.base}/tenders/${t.json.id}/bids`, {
      bidder: "Home",
      price: 2000,
      visitMinutes: 30,
    });
    expect(ok.json.visitMinutes).toBeNull();
    expect(ok.json.check).toMatchObject({ careType: "care_home", belowFloor: false });
  });
});
