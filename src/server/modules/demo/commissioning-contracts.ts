import { asc, inArray } from "drizzle-orm";
import { lastEndedPeriod, previousPeriod, type ServiceType, type StandardKindKey } from "../../../shared/commissioning";
import type { Ctx } from "../../context";
import {
  commissioningStandards,
  contractPrices,
  contractStandards,
  contracts,
  contractWorkplaces,
  organisations,
  workplaces,
} from "../../db/schema";
import type { CommissioningDemoOptions, ContractsSeeded } from "./commissioning-types";
import { Random } from "./random";

// The council's standards library and its contracts (issue 19 item 1): one standard of each kind,
// and about twenty contracts for home care (three lots of a framework), care homes (residential
// and nursing) and supported living, with the providers picked by their workplaces' main service
// (ASC-WDS: 8 domiciliary care, 2 care home, 1 care home with nursing, 55 supported living), prices
// by band with planned weekly volumes, and two to four standards besides the Real Living Wage floor,
// each measured from the quarter before the last ended one, so two quarters of compliance exist.
// Deterministic: providers in their demo order, prices from a fixed seed.

const LIBRARY: { kind: StandardKindKey; name: string; threshold: number | null; description: string }[] = [
  {
    kind: "rlw_floor",
    name: "Real Living Wage for all care workers",
    threshold: 0,
    description:
      "Every care worker aged 18 or over is paid at least the Real Living Wage (Halton's Fair Work pledge). The uplift is phased in: contracts allow at most 55% below it in 2026/27, none from April 2028.",
  },
  {
    kind: "senior_margin",
    name: "Senior care workers 50p above the Real Living Wage",
    threshold: 0.5,
    description: "Senior care workers' median pay is at least 50p an hour above the Real Living Wage.",
  },
  {
    kind: "zero_hours_max",
    name: "Zero-hours contracts at most 20%",
    threshold: 0.2,
    description: "Staff are offered guaranteed hours; no more than one in five on zero-hours contracts.",
  },
  {
    kind: "turnover_max",
    name: "Turnover at most 30%",
    threshold: 0.3,
    description: "Leavers in the 12 months to the quarter end are at most 30% of directly employed staff.",
  },
  {
    kind: "vacancy_max",
    name: "Vacancy rate at most 12%",
    threshold: 0.12,
    description: "Open vacancies are at most 12% of posts.",
  },
  {
    kind: "training_min",
    name: "Mandatory training at least 60% valid",
    threshold: 0.6,
    description: "At least 60% of required training items are in date at the quarter end (rising to 90% by 2028).",
  },
  {
    kind: "care_certificate_min",
    name: "Care Certificate for at least half of care staff",
    threshold: 0.5,
    description: "At least half of care-providing staff have completed the Care Certificate (rising to 80% by 2028).",
  },
  {
    kind: "career_endorsed",
    name: "Endorses the Halton career framework",
    threshold: null,
    description: "The provider has endorsed the council's career framework, so its staff can see their pathways.",
  },
  {
    kind: "paid_travel",
    name: "Travel time paid (Ethical Care Charter)",
    threshold: null,
    description: "Care workers are paid for travel time between visits, as the Ethical Care Charter asks.",
  },
  {
    kind: "returns_on_time",
    name: "Quarterly data return on time and 85% complete",
    threshold: 0.85,
    description: "The provider's quarterly workforce data return is submitted by its due date, at least 85% complete.",
  },
];

/**
 * Halton's care workers start far from the Real Living Wage (about half are paid below it), so
 * its contracts phase the floor in: at most this share below it in 2026/27, none from April 2028.
 * The demo's other thresholds are likewise the first steps towards the strategy's targets, so that
 * a few providers miss each one rather than all of them.
 */
export const RLW_TRANSITION = 0.55;

type Band = { band: string; unit: "hour" | "week" | "night"; price: [number, number]; volume: [number, number] };
type Group = {
  serviceType: ServiceType;
  mainService: number;
  prefix: string;
  name: string;
  framework: string;
  /** Lots with how many providers each. */
  lots: { lot: string; providers: number }[];
  /** Years before the anchor's year the contracts start (on 1 April), and how long they run. */
  startYearsBefore: number;
  years: number;
  bands: Band[];
  /** Standards besides the RLW floor, rotated so contracts carry two to four of them. */
  others: StandardKindKey[][];
};

const GROUPS: Group[] = [
  {
    serviceType: "home_care",
    mainService: 8,
    prefix: "HC",
    name: "Home care",
    framework: "Halton Domiciliary Care Framework 2024–2028",
    lots: [
      { lot: "Lot 1: Runcorn", providers: 3 },
      { lot: "Lot 2: Widnes", providers: 3 },
      { lot: "Lot 3: Hospital discharge and rapid response", providers: 2 },
    ],
    startYearsBefore: 2,
    years: 4,
    bands: [
      { band: "Visits of 30 minutes", unit: "hour", price: [26.4, 28.6], volume: [250, 600] },
      { band: "Visits of 45 minutes", unit: "hour", price: [25.2, 27.2], volume: [150, 400] },
      { band: "Visits of 60 minutes or more", unit: "hour", price: [24.4, 26.2], volume: [100, 300] },
    ],
    others: [
      ["paid_travel", "training_min", "turnover_max"],
      ["paid_travel", "zero_hours_max", "training_min", "care_certificate_min"],
      ["paid_travel", "turnover_max"],
    ],
  },
  {
    serviceType: "care_home",
    mainService: 2,
    prefix: "CH",
    name: "Residential care",
    framework: "Halton Care Homes Contract 2025",
    lots: [{ lot: "Residential", providers: 6 }],
    startYearsBefore: 1,
    years: 5,
    bands: [
      { band: "Standard residential", unit: "week", price: [735, 790], volume: [18, 40] },
      { band: "Residential with dementia (enhanced)", unit: "week", price: [805, 870], volume: [6, 18] },
    ],
    others: [
      ["training_min", "vacancy_max"],
      ["training_min", "senior_margin", "vacancy_max"],
      ["care_certificate_min", "turnover_max", "returns_on_time"],
    ],
  },
  {
    serviceType: "nursing_home",
    mainService: 1,
    prefix: "NH",
    name: "Nursing care",
    framework: "Halton Care Homes Contract 2025",
    lots: [{ lot: "Nursing", providers: 4 }],
    startYearsBefore: 1,
    years: 5,
    bands: [
      { band: "Nursing (excluding NHS-funded nursing care)", unit: "week", price: [860, 940], volume: [20, 45] },
      { band: "Nursing with dementia", unit: "week", price: [930, 1010], volume: [6, 16] },
    ],
    others: [
      ["training_min", "care_certificate_min"],
      ["training_min", "vacancy_max", "senior_margin"],
    ],
  },
  {
    serviceType: "supported_living",
    mainService: 55,
    prefix: "SL",
    name: "Supported living",
    framework: "Halton Supported Living Framework 2024",
    lots: [{ lot: "Learning disability and autism", providers: 4 }],
    startYearsBefore: 2,
    years: 4,
    bands: [
      { band: "Daytime support", unit: "hour", price: [21.8, 23.6], volume: [300, 900] },
      { band: "Sleep-in night", unit: "night", price: [105, 120], volume: [7, 21] },
    ],
    others: [
      ["zero_hours_max", "career_endorsed", "returns_on_time"],
      ["zero_hours_max", "training_min"],
      ["career_endorsed", "turnover_max", "training_min", "returns_on_time"],
    ],
  },
];

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function seedCommissioningContracts(ctx: Ctx, opts: CommissioningDemoOptions): Promise<ContractsSeeded> {
  const rnd = new Random(1919);
  const { councilId } = opts;
  const anchorYear = Number(opts.anchor.slice(0, 4));
  const fromPeriod = previousPeriod(lastEndedPeriod(opts.anchor));

  const library = await ctx.db
    .insert(commissioningStandards)
    .values(LIBRARY.map((s) => ({ councilId, ...s })))
    .returning({ id: commissioningStandards.id, kind: commissioningStandards.kind });
  const standardIds = Object.fromEntries(library.map((s) => [s.kind, s.id]));

  // The providers in their demo order (p0, p1, …), with their workplaces.
  const providerKeys = [...opts.orgIds.keys()]
    .filter((k) => /^p\d+$/.test(k))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const providerIds = providerKeys.map((k) => opts.orgIds.get(k) as string);
  const names = new Map(
    (
      await ctx.db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, providerIds))
    ).map((o) => [o.id, o.name]),
  );
  const places = await ctx.db
    .select({ id: workplaces.id, orgId: workplaces.orgId, mainService: workplaces.mainService })
    .from(workplaces)
    .where(inArray(workplaces.orgId, providerIds))
    .orderBy(asc(workplaces.localRef));

  const contractIds: string[] = [];
  for (const g of GROUPS) {
    const running = providerIds.filter((p) => places.some((w) => w.orgId === p && w.mainService === g.mainService));
    let next = 0;
    for (const lot of g.lots) {
      for (let i = 0; i < lot.providers && next < running.length; i++, next++) {
        const providerId = running[next];
        const own = places.filter((w) => w.orgId === providerId);
        const matching = own.filter((w) => w.mainService === g.mainService);
        // A provider running other services too has the contract linked to its workplaces of this one.
        const linked = matching.length < own.length ? matching.map((w) => w.id) : [];
        const prices = g.bands.map((b) => ({
          band: b.band,
          unit: b.unit,
          price: round2(rnd.between(...b.price)),
          weeklyVolume: rnd.int(...b.volume),
        }));
        const weekly = prices.reduce((s, p) => s + p.price * p.weeklyVolume, 0);
        const start = `${anchorYear - g.startYearsBefore}-04-01`;
        const [c] = await ctx.db
          .insert(contracts)
          .values({
            councilId,
            providerId,
            reference: `${g.prefix}-${String(next + 1).padStart(2, "0")}`,
            name: `${g.name}: ${names.get(providerId)?.replace(/ \(demo\)$/, "") ?? "provider"}`,
            serviceType: g.serviceType,
            lot: lot.lot,
            framework: g.framework,
            startDate: start,
            endDate: `${anchorYear - g.startYearsBefore + g.years}-03-31`,
            annualValue: Math.round((weekly * 52) / 1000) * 1000,
          })
          .returning({ id: contracts.id });
        contractIds.push(c.id);
        await ctx.db.insert(contractPrices).values(
          prices.map((p, n) => ({
            ...p,
            contractId: c.id,
            councilId,
            createdAt: new Date(Date.UTC(anchorYear - g.startYearsBefore, 2, 1, 9, 0, n)),
          })),
        );
        if (linked.length)
          await ctx.db
            .insert(contractWorkplaces)
            .values(linked.map((workplaceId) => ({ contractId: c.id, councilId, workplaceId })));
        const kinds: StandardKindKey[] = ["rlw_floor", ...g.others[next % g.others.length]];
        await ctx.db.insert(contractStandards).values(
          kinds.map((kind, n) => ({
            contractId: c.id,
            councilId,
            standardId: standardIds[kind],
            // The Real Living Wage floor is phased in (RLW_TRANSITION): each contract carries its 2026/27 step.
            threshold: kind === "rlw_floor" ? RLW_TRANSITION : null,
            fromPeriod,
            createdAt: new Date(Date.UTC(anchorYear - g.startYearsBefore, 2, 1, 10, 0, n)),
          })),
        );
      }
    }
  }
  return { standardIds, contractIds };
}
