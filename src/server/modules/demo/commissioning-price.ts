import { priceFloor } from "../../../shared/price-floor";
import type { Ctx } from "../../context";
import { insertBid, insertFeeRate, insertTender, orgNames, upsertSettings } from "../commissioning/price-floor.repo";
import { floorYearFor } from "../commissioning/price-floor.service";
import type { CommissioningDemoOptions } from "./commissioning-types";

// Fee rates and a tender against the price floor (issue 19 item 4). The council floors its prices
// at the Real Living Wage (its assumptions for 2025-26 and 2026-27); its fee rates for the year of
// the anchor's edition sit around that floor (one home care band below it, the others above; the
// residential care home rate below), and its home care tender has five bids, two below the floor
// (one of them because its 15-minute visits carry more travel per hour). Deterministic: every
// price is the floor plus a fixed amount.

/** The council's own assumptions: the Real Living Wage (2024 and 2025 rates) and its running costs. */
const COUNCIL_ASSUMPTIONS = {
  "2025-26": {
    home_care: { wage: 12.6, runningCostsPerHour: 8.1, travelMinutesPerVisit: 10 },
    care_home: { wage: 12.6 },
  },
  "2026-27": {
    home_care: { wage: 13.45, runningCostsPerHour: 9.4, travelMinutesPerVisit: 10 },
    care_home: { wage: 13.45 },
  },
} as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function seedCommissioningPrice(ctx: Ctx, opts: CommissioningDemoOptions) {
  const { councilId } = opts;
  for (const [year, byType] of Object.entries(COUNCIL_ASSUMPTIONS))
    for (const [careType, assumptions] of Object.entries(byType))
      await upsertSettings(ctx.db, { councilId, year, careType, assumptions: { ...assumptions } });

  const year = floorYearFor(opts.anchor);
  const mine = COUNCIL_ASSUMPTIONS[year as keyof typeof COUNCIL_ASSUMPTIONS] ?? { home_care: {}, care_home: {} };
  const homeFloor = priceFloor(year, "home_care", { ...mine.home_care }).total;
  const bedFloor = priceFloor(year, "care_home", { ...mine.care_home }).total;
  const anchorDay = new Date(`${opts.anchor}T09:00:00Z`);
  const at = (minutes: number) => new Date(anchorDay.getTime() - 40 * 86_400_000 + minutes * 60_000);

  const rates = [
    { serviceType: "home_care", band: "Standard", unit: "hour", rate: round2(homeFloor - 2.35) },
    { serviceType: "home_care", band: "Rural", unit: "hour", rate: round2(homeFloor + 1.2) },
    { serviceType: "home_care", band: "Complex needs", unit: "hour", rate: round2(homeFloor + 3.6) },
    { serviceType: "care_home", band: "Residential", unit: "week", rate: round2(bedFloor - 64) },
    { serviceType: "care_home", band: "Residential dementia", unit: "week", rate: round2(bedFloor + 85) },
    { serviceType: "nursing_home", band: "Nursing", unit: "week", rate: round2(bedFloor + 240) },
    { serviceType: "supported_living", band: "Standard", unit: "hour", rate: round2(homeFloor - 1.5) },
  ];
  for (const [i, r] of rates.entries()) await insertFeeRate(ctx.db, { councilId, year, ...r, createdAt: at(i) });

  const closesOn = new Date(anchorDay.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const tender = await insertTender(ctx.db, {
    councilId,
    name: `Home care framework ${year}, south lots`,
    serviceType: "home_care",
    year,
    closesOn,
    createdAt: at(10),
  });
  // Two of the bidders are providers the council already commissions (p3 and p7).
  const known = await orgNames(
    ctx.db,
    ["p3", "p7"].map((k) => opts.orgIds.get(k)).filter((id): id is string => Boolean(id)),
  );
  const byId = new Map(known.map((o) => [o.id, o.name]));
  const p3 = opts.orgIds.get("p3");
  const p7 = opts.orgIds.get("p7");
  const bids = [
    { bidder: "Brightwater Homecare Ltd", providerId: null, price: round2(homeFloor - 3.1), visitMinutes: 30 },
    {
      bidder: (p3 && byId.get(p3)) || "Harbour Care",
      providerId: p3 && byId.has(p3) ? p3 : null,
      price: round2(homeFloor + 0.55),
      visitMinutes: 15,
    },
    { bidder: "Meadowbank Support", providerId: null, price: round2(homeFloor + 0.4), visitMinutes: 30 },
    {
      bidder: (p7 && byId.get(p7)) || "Kingfisher Care",
      providerId: p7 && byId.has(p7) ? p7 : null,
      price: round2(homeFloor + 1.85),
      visitMinutes: 45,
    },
    { bidder: "Ashdown Community Care", providerId: null, price: round2(homeFloor + 2.6), visitMinutes: null },
  ];
  for (const [i, b] of bids.entries())
    await insertBid(ctx.db, {
      tenderId: tender.id,
      councilId,
      ...b,
      notes: "",
      createdAt: at(20 + i),
    });
}
