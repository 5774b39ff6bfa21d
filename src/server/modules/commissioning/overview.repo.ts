import { and, asc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { commissioningStandards, contractStandards, contracts, organisations, qppSchemes } from "../../db/schema";

// The council's commissioning page (issue 19 item 6) reads other parts' tables here: its contracts
// in force in a quarter, the standards they carry then, and its Quality Premium schemes with their
// schedules. Every query is scoped by the council. The results, challenges and prices below the
// floor are read by metrics/commissioning-attention.repo.ts, which the dashboard shares.

/** The council's contracts in force on any day from `start` to `end`. */
export async function contractsInForce(db: Exec, councilId: string, start: string, end: string) {
  return db
    .select({
      id: contracts.id,
      providerId: contracts.providerId,
      reference: contracts.reference,
      serviceType: contracts.serviceType,
      annualValue: contracts.annualValue,
    })
    .from(contracts)
    .where(
      and(
        eq(contracts.councilId, councilId),
        lte(contracts.startDate, end),
        or(isNull(contracts.endDate), gte(contracts.endDate, start)),
      ),
    )
    .orderBy(asc(contracts.reference), asc(contracts.id));
}

/** The standards the council's contracts in force in a quarter carry in it, with the providers' names. */
export async function carriedStandards(db: Exec, councilId: string, period: string, start: string, end: string) {
  return db
    .select({
      contractId: contracts.id,
      reference: contracts.reference,
      providerId: contracts.providerId,
      providerName: organisations.name,
      standardId: commissioningStandards.id,
      standardName: commissioningStandards.name,
      kind: commissioningStandards.kind,
    })
    .from(contractStandards)
    .innerJoin(contracts, and(eq(contracts.id, contractStandards.contractId), eq(contracts.councilId, councilId)))
    .innerJoin(
      commissioningStandards,
      and(eq(commissioningStandards.id, contractStandards.standardId), eq(commissioningStandards.councilId, councilId)),
    )
    .innerJoin(organisations, eq(organisations.id, contracts.providerId))
    .where(
      and(
        eq(contractStandards.councilId, councilId),
        lte(contractStandards.fromPeriod, period),
        or(isNull(contractStandards.untilPeriod), sql`${contractStandards.untilPeriod} > ${period}`),
        lte(contracts.startDate, end),
        or(isNull(contracts.endDate), gte(contracts.endDate, start)),
      ),
    )
    .orderBy(asc(organisations.name), asc(contracts.reference), asc(commissioningStandards.name));
}

/** The council's Quality Premium schemes running in any quarter from `first` to `last` (until is a scheme's last). */
export async function schemesIn(db: Exec, councilId: string, first: string, last: string) {
  return db
    .select()
    .from(qppSchemes)
    .where(
      and(
        eq(qppSchemes.councilId, councilId),
        lte(qppSchemes.fromPeriod, last),
        or(isNull(qppSchemes.untilPeriod), sql`${qppSchemes.untilPeriod} >= ${first}`),
      ),
    )
    .orderBy(asc(qppSchemes.name), asc(qppSchemes.id));
}
