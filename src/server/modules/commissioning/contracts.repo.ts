import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Exec } from "../../db/client";
import {
  commissioningStandards,
  complianceResults,
  contractPrices,
  contractStandards,
  contracts,
  contractWorkplaces,
  organisations,
  workplaces,
} from "../../db/schema";

// Contracts and the council's standards library (issue 19 item 1). Every query is scoped by the
// council that holds the contract or the library, or, for a provider's view, by the provider.

// The library.

// Written out: inside a select's fields drizzle leaves columns unqualified, which a subquery would misread.
const standardUses = sql<number>`(select count(*)::int from contract_standards cs where cs.standard_id = "commissioning_standards"."id" and cs.until_period is null)`;

/** The council's standards with how many contracts carry each now (not removed). */
export const listStandards = (db: Exec, councilId: string) =>
  db
    .select({
      s: commissioningStandards,
      contractCount: standardUses,
    })
    .from(commissioningStandards)
    .where(eq(commissioningStandards.councilId, councilId))
    .orderBy(
      sql`${commissioningStandards.archivedAt} is not null`,
      asc(commissioningStandards.name),
      asc(commissioningStandards.id),
    );

export const findStandard = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select({
        s: commissioningStandards,
        contractCount: standardUses,
      })
      .from(commissioningStandards)
      .where(and(eq(commissioningStandards.councilId, councilId), eq(commissioningStandards.id, id)))
  )[0];

export const insertStandard = async (db: Exec, values: typeof commissioningStandards.$inferInsert) =>
  (await db.insert(commissioningStandards).values(values).returning())[0];

export const updateStandard = async (
  db: Exec,
  councilId: string,
  id: string,
  set: Partial<typeof commissioningStandards.$inferInsert>,
) =>
  (
    await db
      .update(commissioningStandards)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(commissioningStandards.councilId, councilId), eq(commissioningStandards.id, id)))
      .returning()
  )[0];

/** How many contracts (ever) carry a standard, removed ones included. */
export const countStandardUses = async (db: Exec, councilId: string, standardId: string) =>
  (
    await db
      .select({ n: count() })
      .from(contractStandards)
      .where(and(eq(contractStandards.councilId, councilId), eq(contractStandards.standardId, standardId)))
  )[0].n;

// Contracts.

const provider = alias(organisations, "provider_org");
const council = alias(organisations, "council_org");

/** Who is asking: the council that holds contracts, or the provider they are with. */
export type ContractScope = { councilId: string } | { providerId: string };
const scoped = (scope: ContractScope): SQL =>
  "councilId" in scope ? eq(contracts.councilId, scope.councilId) : eq(contracts.providerId, scope.providerId);

const contractStandardCount = sql<number>`(select count(*)::int from contract_standards cs where cs.contract_id = "contracts"."id" and cs.until_period is null)`;
const summaryColumns = {
  c: contracts,
  providerName: provider.name,
  councilName: council.name,
  standardCount: contractStandardCount,
};

export type ContractFilter = { serviceType?: string; providerId?: string; activeOn?: string };

export const listContracts = (db: Exec, scope: ContractScope, filter: ContractFilter = {}) =>
  db
    .select(summaryColumns)
    .from(contracts)
    .innerJoin(provider, eq(provider.id, contracts.providerId))
    .innerJoin(council, eq(council.id, contracts.councilId))
    .where(
      and(
        scoped(scope),
        filter.serviceType ? eq(contracts.serviceType, filter.serviceType) : undefined,
        filter.providerId ? eq(contracts.providerId, filter.providerId) : undefined,
        filter.activeOn
          ? and(
              lte(contracts.startDate, filter.activeOn),
              or(isNull(contracts.endDate), gte(contracts.endDate, filter.activeOn)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(council.name), asc(contracts.serviceType), asc(contracts.reference), asc(contracts.id));

export const findContract = async (db: Exec, scope: ContractScope, id: string) =>
  (
    await db
      .select(summaryColumns)
      .from(contracts)
      .innerJoin(provider, eq(provider.id, contracts.providerId))
      .innerJoin(council, eq(council.id, contracts.councilId))
      .where(and(scoped(scope), eq(contracts.id, id)))
  )[0];

export const findContractByReference = async (db: Exec, councilId: string, reference: string) =>
  (
    await db
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.councilId, councilId), sql`lower(${contracts.reference}) = lower(${reference})`))
  )[0];

export const insertContract = async (db: Exec, values: typeof contracts.$inferInsert) =>
  (await db.insert(contracts).values(values).returning())[0];

export const updateContract = async (
  db: Exec,
  councilId: string,
  id: string,
  set: Partial<typeof contracts.$inferInsert>,
) =>
  (
    await db
      .update(contracts)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(contracts.councilId, councilId), eq(contracts.id, id)))
      .returning()
  )[0];

export const listPrices = (db: Exec, contractId: string) =>
  db
    .select()
    .from(contractPrices)
    .where(eq(contractPrices.contractId, contractId))
    .orderBy(asc(contractPrices.unit), asc(contractPrices.createdAt), asc(contractPrices.band));

/** Replaces a contract's prices (inside the caller's transaction). */
export async function replacePrices(
  db: Exec,
  councilId: string,
  contractId: string,
  rows: Omit<typeof contractPrices.$inferInsert, "contractId" | "councilId">[],
) {
  await db
    .delete(contractPrices)
    .where(and(eq(contractPrices.councilId, councilId), eq(contractPrices.contractId, contractId)));
  if (rows.length) {
    // One timestamp a row, in order, so the listing keeps the order they were entered in.
    const base = Date.now();
    await db
      .insert(contractPrices)
      .values(rows.map((r, i) => ({ ...r, contractId, councilId, createdAt: new Date(base + i) })));
  }
}

export const listContractWorkplaces = (db: Exec, contractId: string) =>
  db
    .select({ id: workplaces.id, name: workplaces.name, localRef: workplaces.localRef })
    .from(contractWorkplaces)
    .innerJoin(workplaces, eq(workplaces.id, contractWorkplaces.workplaceId))
    .where(eq(contractWorkplaces.contractId, contractId))
    .orderBy(asc(workplaces.name), asc(workplaces.id));

/** Replaces the workplaces a contract covers (inside the caller's transaction). */
export async function replaceWorkplaces(db: Exec, councilId: string, contractId: string, workplaceIds: string[]) {
  await db
    .delete(contractWorkplaces)
    .where(and(eq(contractWorkplaces.councilId, councilId), eq(contractWorkplaces.contractId, contractId)));
  if (workplaceIds.length)
    await db
      .insert(contractWorkplaces)
      .values(workplaceIds.map((workplaceId) => ({ contractId, councilId, workplaceId })));
}

/** The provider's own workplaces among `ids` (another organisation's read as none). */
export const listWorkplacesOfAmong = (db: Exec, providerId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: workplaces.id })
        .from(workplaces)
        .where(and(eq(workplaces.orgId, providerId), inArray(workplaces.id, [...ids])));

/** The workplaces of these providers, for the contract form. */
export const listWorkplacesOf = (db: Exec, providerIds: readonly string[]) =>
  providerIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ orgId: workplaces.orgId, id: workplaces.id, name: workplaces.name, localRef: workplaces.localRef })
        .from(workplaces)
        .where(inArray(workplaces.orgId, [...providerIds]))
        .orderBy(asc(workplaces.name), asc(workplaces.id));

// A contract's standards.

export const listContractStandards = (db: Exec, contractId: string) =>
  db
    .select({ cs: contractStandards, s: commissioningStandards })
    .from(contractStandards)
    .innerJoin(commissioningStandards, eq(commissioningStandards.id, contractStandards.standardId))
    .where(eq(contractStandards.contractId, contractId))
    .orderBy(
      sql`${contractStandards.untilPeriod} is not null`,
      asc(contractStandards.createdAt),
      asc(commissioningStandards.name),
      asc(contractStandards.id),
    );

/** The latest result of each of a contract's standards (its effective status). */
export const listLatestResults = (db: Exec, contractId: string) =>
  db
    .selectDistinctOn([complianceResults.contractStandardId], {
      contractStandardId: complianceResults.contractStandardId,
      period: complianceResults.period,
      status: complianceResults.status,
      overrideStatus: complianceResults.overrideStatus,
    })
    .from(complianceResults)
    .where(eq(complianceResults.contractId, contractId))
    .orderBy(complianceResults.contractStandardId, desc(complianceResults.period));

export const findContractStandard = async (db: Exec, councilId: string, contractId: string, id: string) =>
  (
    await db
      .select({ cs: contractStandards, s: commissioningStandards })
      .from(contractStandards)
      .innerJoin(commissioningStandards, eq(commissioningStandards.id, contractStandards.standardId))
      .where(
        and(
          eq(contractStandards.councilId, councilId),
          eq(contractStandards.contractId, contractId),
          eq(contractStandards.id, id),
        ),
      )
  )[0];

export const findContractStandardFor = async (db: Exec, contractId: string, standardId: string) =>
  (
    await db
      .select()
      .from(contractStandards)
      .where(and(eq(contractStandards.contractId, contractId), eq(contractStandards.standardId, standardId)))
  )[0];

export const insertContractStandard = async (db: Exec, values: typeof contractStandards.$inferInsert) =>
  (await db.insert(contractStandards).values(values).returning())[0];

export const updateContractStandard = async (
  db: Exec,
  councilId: string,
  id: string,
  set: Partial<typeof contractStandards.$inferInsert>,
) =>
  (
    await db
      .update(contractStandards)
      .set(set)
      .where(and(eq(contractStandards.councilId, councilId), eq(contractStandards.id, id)))
      .returning()
  )[0];

export const deleteContractStandard = (db: Exec, councilId: string, id: string) =>
  db.delete(contractStandards).where(and(eq(contractStandards.councilId, councilId), eq(contractStandards.id, id)));

/** How many results a contract's standard has (any period). */
export const countResults = async (db: Exec, councilId: string, contractStandardId: string) =>
  (
    await db
      .select({ n: count() })
      .from(complianceResults)
      .where(
        and(eq(complianceResults.councilId, councilId), eq(complianceResults.contractStandardId, contractStandardId)),
      )
  )[0].n;

/** How many results a contract has (any standard, any period). */
export const countContractResults = async (db: Exec, councilId: string, contractId: string) =>
  (
    await db
      .select({ n: count() })
      .from(complianceResults)
      .where(and(eq(complianceResults.councilId, councilId), eq(complianceResults.contractId, contractId)))
  )[0].n;
