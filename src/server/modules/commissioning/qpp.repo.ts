import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  commissioningStandards,
  complianceResults,
  contractDeliveries,
  contractStandards,
  contracts,
  organisations,
  qppSchedules,
  qppSchemeStandards,
  qppSchemes,
  users,
} from "../../db/schema";

// The Quality Premium Payment's tables, and what it reads of the other parts' tables (contracts,
// the standards they carry, compliance results, delivered units). The ONLY place the QPP part
// touches tables: every query is scoped by the acting council, or for a provider's own view by
// the provider.

type SchemeRow = typeof qppSchemes.$inferSelect;

// Schemes.

export const listSchemes = (db: Exec, councilId: string) =>
  db
    .select()
    .from(qppSchemes)
    .where(eq(qppSchemes.councilId, councilId))
    .orderBy(desc(qppSchemes.fromPeriod), asc(qppSchemes.name), asc(qppSchemes.id));

export const findScheme = async (db: Exec, councilId: string, id: string): Promise<SchemeRow | undefined> =>
  (
    await db
      .select()
      .from(qppSchemes)
      .where(and(eq(qppSchemes.councilId, councilId), eq(qppSchemes.id, id)))
  )[0];

export const insertScheme = async (db: Exec, values: typeof qppSchemes.$inferInsert) =>
  (await db.insert(qppSchemes).values(values).returning())[0];

export const updateScheme = async (
  db: Exec,
  councilId: string,
  id: string,
  set: Partial<typeof qppSchemes.$inferInsert>,
) =>
  (
    await db
      .update(qppSchemes)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(qppSchemes.councilId, councilId), eq(qppSchemes.id, id)))
      .returning()
  )[0];

/** The qualifying standards of some of the council's schemes, with the library's names. */
export const listSchemeStandards = (db: Exec, councilId: string, schemeIds: string[]) =>
  schemeIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          schemeId: qppSchemeStandards.schemeId,
          standardId: qppSchemeStandards.standardId,
          weight: qppSchemeStandards.weight,
          name: commissioningStandards.name,
          kind: commissioningStandards.kind,
        })
        .from(qppSchemeStandards)
        .innerJoin(commissioningStandards, eq(commissioningStandards.id, qppSchemeStandards.standardId))
        .where(and(eq(qppSchemeStandards.councilId, councilId), inArray(qppSchemeStandards.schemeId, schemeIds)))
        .orderBy(asc(commissioningStandards.name), asc(qppSchemeStandards.standardId));

export async function replaceSchemeStandards(
  db: Exec,
  councilId: string,
  schemeId: string,
  standards: { standardId: string; weight: number }[],
) {
  await db
    .delete(qppSchemeStandards)
    .where(and(eq(qppSchemeStandards.councilId, councilId), eq(qppSchemeStandards.schemeId, schemeId)));
  if (standards.length)
    await db.insert(qppSchemeStandards).values(standards.map((s) => ({ ...s, councilId, schemeId })));
}

/** The council's library (not archived), for choosing qualifying standards. */
export const listLibrary = (db: Exec, councilId: string) =>
  db
    .select({ id: commissioningStandards.id, kind: commissioningStandards.kind, name: commissioningStandards.name })
    .from(commissioningStandards)
    .where(and(eq(commissioningStandards.councilId, councilId), isNull(commissioningStandards.archivedAt)))
    .orderBy(asc(commissioningStandards.name), asc(commissioningStandards.id));

// What a schedule reads.

/** The council's contracts of a service type (or all) in force at some time in the period. */
export const listContractsInPeriod = (
  db: Exec,
  councilId: string,
  serviceType: string | null,
  bounds: { start: string; end: string },
  providerId?: string,
) =>
  db
    .select({
      id: contracts.id,
      reference: contracts.reference,
      name: contracts.name,
      providerId: contracts.providerId,
      providerName: organisations.name,
    })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.providerId))
    .where(
      and(
        eq(contracts.councilId, councilId),
        serviceType ? eq(contracts.serviceType, serviceType) : undefined,
        providerId ? eq(contracts.providerId, providerId) : undefined,
        lte(contracts.startDate, bounds.end),
        or(isNull(contracts.endDate), gte(contracts.endDate, bounds.start)),
      ),
    )
    .orderBy(asc(organisations.name), asc(contracts.reference), asc(contracts.id));

/** The standards some contracts carry in a period (from ≤ period, and not removed by it). */
export const listContractStandardsInPeriod = (db: Exec, councilId: string, contractIds: string[], period: string) =>
  contractIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          id: contractStandards.id,
          contractId: contractStandards.contractId,
          standardId: contractStandards.standardId,
        })
        .from(contractStandards)
        .where(
          and(
            eq(contractStandards.councilId, councilId),
            inArray(contractStandards.contractId, contractIds),
            lte(contractStandards.fromPeriod, period),
            or(isNull(contractStandards.untilPeriod), sql`${contractStandards.untilPeriod} > ${period}`),
          ),
        )
        .orderBy(asc(contractStandards.id));

/** Compliance results of some contracts for a period, with any override. */
export const listResults = (db: Exec, councilId: string, contractIds: string[], period: string) =>
  contractIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          contractStandardId: complianceResults.contractStandardId,
          status: complianceResults.status,
          overrideStatus: complianceResults.overrideStatus,
        })
        .from(complianceResults)
        .where(
          and(
            eq(complianceResults.councilId, councilId),
            inArray(complianceResults.contractId, contractIds),
            eq(complianceResults.period, period),
          ),
        )
        .orderBy(asc(complianceResults.id));

/** Units delivered by some contracts in a period. */
export const listDeliveries = (db: Exec, councilId: string, contractIds: string[], period: string) =>
  contractIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          contractId: contractDeliveries.contractId,
          units: contractDeliveries.units,
          source: contractDeliveries.source,
        })
        .from(contractDeliveries)
        .where(
          and(
            eq(contractDeliveries.councilId, councilId),
            inArray(contractDeliveries.contractId, contractIds),
            eq(contractDeliveries.period, period),
          ),
        )
        .orderBy(asc(contractDeliveries.contractId));

// Deliveries recorded by the council.

export const findContract = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select()
      .from(contracts)
      .where(and(eq(contracts.councilId, councilId), eq(contracts.id, id)))
  )[0];

export const findDelivery = async (db: Exec, councilId: string, contractId: string, period: string) =>
  (
    await db
      .select()
      .from(contractDeliveries)
      .where(
        and(
          eq(contractDeliveries.councilId, councilId),
          eq(contractDeliveries.contractId, contractId),
          eq(contractDeliveries.period, period),
        ),
      )
  )[0];

export const upsertDelivery = async (db: Exec, values: typeof contractDeliveries.$inferInsert) =>
  (
    await db
      .insert(contractDeliveries)
      .values(values)
      .onConflictDoUpdate({
        target: [contractDeliveries.contractId, contractDeliveries.period],
        set: { units: values.units, source: values.source, recordedBy: values.recordedBy, recordedAt: new Date() },
      })
      .returning()
  )[0];

// Schedules (only approved ones are stored: a draft is computed live).

export const findSchedule = async (db: Exec, councilId: string, schemeId: string, period: string) =>
  (
    await db
      .select({ s: qppSchedules, approverName: users.name })
      .from(qppSchedules)
      .leftJoin(users, eq(users.id, qppSchedules.approvedBy))
      .where(
        and(
          eq(qppSchedules.councilId, councilId),
          eq(qppSchedules.schemeId, schemeId),
          eq(qppSchedules.period, period),
        ),
      )
  )[0];

export const listSchedules = (db: Exec, councilId: string, schemeIds: string[]) =>
  schemeIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(qppSchedules)
        .where(and(eq(qppSchedules.councilId, councilId), inArray(qppSchedules.schemeId, schemeIds)))
        .orderBy(desc(qppSchedules.period), asc(qppSchedules.schemeId));

/** Insert an approved schedule; null when one exists already (approving twice). */
export const insertApprovedSchedule = async (db: Exec, values: typeof qppSchedules.$inferInsert) =>
  (
    await db
      .insert(qppSchedules)
      .values(values)
      .onConflictDoNothing({ target: [qppSchedules.schemeId, qppSchedules.period] })
      .returning()
  )[0] ?? null;

// A provider's own view.

/** The councils that hold contracts with the provider, with their names. */
export const listCouncilsWithContracts = (db: Exec, providerId: string) =>
  db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.councilId))
    .where(eq(contracts.providerId, providerId))
    .orderBy(asc(organisations.name), asc(organisations.id));

export const findOrgName = async (db: Exec, id: string) =>
  (await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)))[0]?.name ?? "";
