import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type ComplianceStatus, periodBounds } from "../../../shared/commissioning";
import type { Exec } from "../../db/client";
import {
  commissioningStandards,
  complianceChallenges,
  complianceResults,
  contractPrices,
  contractStandards,
  contracts,
  feeRates,
  organisations,
  priceFloorSettings,
  qppSchedules,
  qppSchemes,
} from "../../db/schema";
import { councilsOf, providersOf } from "../orgs/commissioning";

// What a council's commissioning needs attention for (issue 19), read from commissioning's tables:
// the results of its contracts' standards for quarters, challenges awaiting its decision, Quality
// Premium schemes without an approved schedule for a quarter, and its home care prices and fee
// rates per contact hour (for the price floor). Here, below the features that write them, so the
// council's dashboard (this module) and the commissioning page (above it) read them the same way.
// Every query is scoped by the council; results are of providers it commissions at the period end.

export interface ContractResult {
  period: string;
  providerId: string;
  providerName: string;
  contractId: string;
  reference: string;
  contractName: string;
  standardId: string;
  standardName: string;
  standardKind: string;
  status: ComplianceStatus;
  overrideStatus: ComplianceStatus | null;
}

/** Each result of the council's contracts' standards in these quarters, for standards carried then. */
export async function contractResults(db: Exec, councilId: string, periods: string[]): Promise<ContractResult[]> {
  if (!periods.length) return [];
  const rows = await db
    .select({
      period: complianceResults.period,
      providerId: complianceResults.providerId,
      providerName: organisations.name,
      contractId: contracts.id,
      reference: contracts.reference,
      contractName: contracts.name,
      standardId: commissioningStandards.id,
      standardName: commissioningStandards.name,
      standardKind: commissioningStandards.kind,
      status: complianceResults.status,
      overrideStatus: complianceResults.overrideStatus,
    })
    .from(complianceResults)
    .innerJoin(contracts, and(eq(contracts.id, complianceResults.contractId), eq(contracts.councilId, councilId)))
    .innerJoin(contractStandards, eq(contractStandards.id, complianceResults.contractStandardId))
    .innerJoin(
      commissioningStandards,
      and(eq(commissioningStandards.id, contractStandards.standardId), eq(commissioningStandards.councilId, councilId)),
    )
    .innerJoin(organisations, eq(organisations.id, complianceResults.providerId))
    .where(
      and(
        eq(complianceResults.councilId, councilId),
        inArray(complianceResults.period, periods),
        lte(contractStandards.fromPeriod, complianceResults.period),
        or(isNull(contractStandards.untilPeriod), sql`${contractStandards.untilPeriod} > ${complianceResults.period}`),
      ),
    )
    .orderBy(
      asc(complianceResults.period),
      asc(organisations.name),
      asc(contracts.reference),
      asc(commissioningStandards.name),
      asc(complianceResults.id),
    );
  // A provider no longer commissioned at a period's end is not the council's to read for it.
  const commissioned = new Map<string, Set<string>>();
  for (const p of periods) commissioned.set(p, new Set(await providersOf(db, councilId, periodBounds(p).end)));
  return rows
    .filter((r) => commissioned.get(r.period)?.has(r.providerId))
    .map((r) => ({
      ...r,
      status: r.status as ComplianceStatus,
      overrideStatus: (r.overrideStatus as ComplianceStatus | null) ?? null,
    }));
}

/** Challenges to the council's results that await its decision, oldest first. */
export async function openChallenges(db: Exec, councilId: string) {
  return db
    .select({
      id: complianceChallenges.id,
      providerId: complianceChallenges.providerId,
      providerName: organisations.name,
      period: complianceResults.period,
      raisedAt: complianceChallenges.raisedAt,
    })
    .from(complianceChallenges)
    .innerJoin(complianceResults, eq(complianceResults.id, complianceChallenges.resultId))
    .innerJoin(organisations, eq(organisations.id, complianceChallenges.providerId))
    .where(
      and(
        eq(complianceChallenges.councilId, councilId),
        eq(complianceResults.councilId, councilId),
        eq(complianceChallenges.status, "open"),
      ),
    )
    .orderBy(asc(complianceChallenges.raisedAt), asc(complianceChallenges.id));
}

/** The council's Quality Premium schemes running in a quarter (until is its last) without an approved schedule for it. */
export async function schemesAwaitingApproval(db: Exec, councilId: string, period: string) {
  return db
    .select({ id: qppSchemes.id, name: qppSchemes.name })
    .from(qppSchemes)
    .where(
      and(
        eq(qppSchemes.councilId, councilId),
        lte(qppSchemes.fromPeriod, period),
        or(isNull(qppSchemes.untilPeriod), sql`${qppSchemes.untilPeriod} >= ${period}`),
        sql`not exists (select 1 from ${qppSchedules} where ${qppSchedules.schemeId} = ${qppSchemes.id}
          and ${qppSchedules.period} = ${period} and ${qppSchedules.status} = 'approved')`,
      ),
    )
    .orderBy(asc(qppSchemes.name), asc(qppSchemes.id));
}

/** Home care prices per contact hour in the council's contracts in force on a date. */
export async function hourlyHomeCarePrices(db: Exec, councilId: string, at: string) {
  return db
    .select({
      contractId: contracts.id,
      reference: contracts.reference,
      contractName: contracts.name,
      providerId: contracts.providerId,
      providerName: organisations.name,
      band: contractPrices.band,
      unit: contractPrices.unit,
      price: contractPrices.price,
    })
    .from(contractPrices)
    .innerJoin(contracts, and(eq(contracts.id, contractPrices.contractId), eq(contracts.councilId, councilId)))
    .innerJoin(organisations, eq(organisations.id, contracts.providerId))
    .where(
      and(
        eq(contractPrices.councilId, councilId),
        eq(contracts.serviceType, "home_care"),
        eq(contractPrices.unit, "hour"),
        lte(contracts.startDate, at),
        or(isNull(contracts.endDate), sql`${contracts.endDate} >= ${at}`),
      ),
    )
    .orderBy(asc(organisations.name), asc(contracts.reference), asc(contractPrices.band), asc(contractPrices.id));
}

/** The council's home care fee rates per contact hour for a financial year (2025-26). */
export async function hourlyHomeCareFeeRates(db: Exec, councilId: string, year: string) {
  return db
    .select({ id: feeRates.id, year: feeRates.year, band: feeRates.band, rate: feeRates.rate })
    .from(feeRates)
    .where(
      and(
        eq(feeRates.councilId, councilId),
        eq(feeRates.year, year),
        eq(feeRates.serviceType, "home_care"),
        eq(feeRates.unit, "hour"),
      ),
    )
    .orderBy(asc(feeRates.band), asc(feeRates.id));
}

/** The council's own price-floor assumptions for home care in a financial year, if it set any. */
export async function homeCareFloorAssumptions(db: Exec, councilId: string, year: string): Promise<unknown> {
  const [row] = await db
    .select({ assumptions: priceFloorSettings.assumptions })
    .from(priceFloorSettings)
    .where(
      and(
        eq(priceFloorSettings.councilId, councilId),
        eq(priceFloorSettings.year, year),
        eq(priceFloorSettings.careType, "home_care"),
      ),
    )
    .limit(1);
  return row?.assumptions ?? null;
}

/** A provider's own results not met in a quarter (after challenges), for councils commissioning it at its end. */
export async function ownResultsNotMet(db: Exec, providerId: string, period: string) {
  const councils = await councilsOf(db, providerId, periodBounds(period).end);
  if (!councils.length) return [];
  const rows = await db
    .select({
      councilId: complianceResults.councilId,
      councilName: organisations.name,
      contractId: contracts.id,
      reference: contracts.reference,
      standardName: commissioningStandards.name,
      status: complianceResults.status,
      overrideStatus: complianceResults.overrideStatus,
    })
    .from(complianceResults)
    .innerJoin(contracts, and(eq(contracts.id, complianceResults.contractId), eq(contracts.providerId, providerId)))
    .innerJoin(contractStandards, eq(contractStandards.id, complianceResults.contractStandardId))
    .innerJoin(commissioningStandards, eq(commissioningStandards.id, contractStandards.standardId))
    .innerJoin(organisations, eq(organisations.id, complianceResults.councilId))
    .where(
      and(
        eq(complianceResults.providerId, providerId),
        eq(complianceResults.period, period),
        inArray(complianceResults.councilId, councils),
      ),
    )
    .orderBy(asc(organisations.name), asc(contracts.reference), asc(commissioningStandards.name));
  return rows.filter((r) => (r.overrideStatus ?? r.status) === "not_met");
}
