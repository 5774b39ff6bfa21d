import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { CARE_PROVIDING_ROLES } from "../../../shared/ascwds/codes";
import type { Exec } from "../../db/client";
import {
  contractDeliveries,
  contractPrices,
  contracts,
  contractWorkplaces,
  monitoringReturns,
  organisations,
  returnPeriods,
  workplaces,
} from "../../db/schema";

// The contract-monitoring return's and the Capacity Tracker's tables: contracts (read, to know who
// owes whom a return and for which contracts), contract deliveries, monitoring returns, the
// council's return periods that ask for them, and the provider's workplaces. Every query is
// scoped by the acting council or provider.

export type MonitoringReturnRow = typeof monitoringReturns.$inferSelect;
export type DeliveryRow = typeof contractDeliveries.$inferSelect;

const contractColumns = {
  id: contracts.id,
  councilId: contracts.councilId,
  providerId: contracts.providerId,
  reference: contracts.reference,
  name: contracts.name,
  serviceType: contracts.serviceType,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
};
export type ContractRow = { [K in keyof typeof contractColumns]: (typeof contracts.$inferSelect)[K] };

/** Contracts running at any time between two dates (inclusive), with the other party's name. */
const runningBetween = (from: string, to: string) =>
  and(lte(contracts.startDate, to), or(isNull(contracts.endDate), gte(contracts.endDate, from)));

/** A provider's contracts running between two dates, with each council's name. */
export const listProviderContracts = (db: Exec, providerId: string, from: string, to: string) =>
  db
    .select({ ...contractColumns, councilName: organisations.name })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.councilId))
    .where(and(eq(contracts.providerId, providerId), runningBetween(from, to)))
    .orderBy(asc(organisations.name), asc(contracts.reference));

/** A council's contracts running between two dates, with each provider's name. */
export const listCouncilContracts = (db: Exec, councilId: string, from: string, to: string) =>
  db
    .select({ ...contractColumns, providerName: organisations.name })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.providerId))
    .where(and(eq(contracts.councilId, councilId), runningBetween(from, to)))
    .orderBy(asc(organisations.name), asc(contracts.reference));

/** The workplaces each contract names (of the provider's own workplaces only). */
export async function listContractWorkplaceIds(db: Exec, providerId: string, contractIds: string[]) {
  if (!contractIds.length) return new Map<string, string[]>();
  const rows = await db
    .select({ contractId: contractWorkplaces.contractId, workplaceId: contractWorkplaces.workplaceId })
    .from(contractWorkplaces)
    .innerJoin(workplaces, eq(workplaces.id, contractWorkplaces.workplaceId))
    .where(and(inArray(contractWorkplaces.contractId, contractIds), eq(workplaces.orgId, providerId)))
    .orderBy(asc(contractWorkplaces.workplaceId));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.contractId, [...(out.get(r.contractId) ?? []), r.workplaceId]);
  return out;
}

/** Deliveries recorded for some of a council's contracts in a period. */
export const listDeliveries = (db: Exec, councilId: string, contractIds: string[], period: string) =>
  contractIds.length
    ? db
        .select()
        .from(contractDeliveries)
        .where(
          and(
            eq(contractDeliveries.councilId, councilId),
            inArray(contractDeliveries.contractId, contractIds),
            eq(contractDeliveries.period, period),
          ),
        )
    : Promise.resolve([] as DeliveryRow[]);

export const insertDelivery = async (db: Exec, values: typeof contractDeliveries.$inferInsert) =>
  (await db.insert(contractDeliveries).values(values).returning())[0];

export const updateDelivery = async (
  db: Exec,
  councilId: string,
  id: string,
  set: Partial<typeof contractDeliveries.$inferInsert>,
) =>
  (
    await db
      .update(contractDeliveries)
      .set(set)
      .where(and(eq(contractDeliveries.id, id), eq(contractDeliveries.councilId, councilId)))
      .returning()
  )[0];

/** A provider's return to a council for a period. */
export const findReturn = async (db: Exec, councilId: string, providerId: string, period: string) =>
  (
    await db
      .select()
      .from(monitoringReturns)
      .where(
        and(
          eq(monitoringReturns.councilId, councilId),
          eq(monitoringReturns.providerId, providerId),
          eq(monitoringReturns.period, period),
        ),
      )
  )[0];

/** Every return a provider has confirmed, newest first. */
export const listProviderReturns = (db: Exec, providerId: string) =>
  db
    .select({ ret: monitoringReturns, councilName: organisations.name })
    .from(monitoringReturns)
    .innerJoin(organisations, eq(organisations.id, monitoringReturns.councilId))
    .where(eq(monitoringReturns.providerId, providerId))
    .orderBy(desc(monitoringReturns.period), asc(organisations.name));

/** The returns confirmed to a council for a period. */
export const listCouncilReturns = (db: Exec, councilId: string, period: string) =>
  db
    .select()
    .from(monitoringReturns)
    .where(and(eq(monitoringReturns.councilId, councilId), eq(monitoringReturns.period, period)));

export const insertReturn = async (db: Exec, values: typeof monitoringReturns.$inferInsert) =>
  (await db.insert(monitoringReturns).values(values).returning())[0];

/** The return periods of these councils that ask for the contract-monitoring return. */
export const listMonitoringPeriods = (db: Exec, councilIds: string[]) =>
  councilIds.length
    ? db
        .select({
          id: returnPeriods.id,
          councilId: returnPeriods.councilId,
          periodEnd: returnPeriods.periodEnd,
          dueDate: returnPeriods.dueDate,
        })
        .from(returnPeriods)
        .where(and(inArray(returnPeriods.councilId, councilIds), eq(returnPeriods.contractMonitoring, true)))
        .orderBy(desc(returnPeriods.periodEnd))
    : Promise.resolve([]);

/** A council's contracts' planned weekly volumes (all bands summed), for the demo's delivered units. */
export async function sumWeeklyVolumes(db: Exec, councilId: string, contractIds: string[]) {
  if (!contractIds.length) return new Map<string, number>();
  const rows = await db
    .select({
      contractId: contractPrices.contractId,
      volume: sql<number>`coalesce(sum(${contractPrices.weeklyVolume}), 0)::float8`,
    })
    .from(contractPrices)
    .where(and(eq(contractPrices.councilId, councilId), inArray(contractPrices.contractId, contractIds)))
    .groupBy(contractPrices.contractId);
  return new Map(rows.map((r) => [r.contractId, Number(r.volume)]));
}

/** Marks the council's return period ending on a date as also asking for the contract-monitoring return. */
export const askForMonitoring = (db: Exec, councilId: string, periodEnd: string) =>
  db
    .update(returnPeriods)
    .set({ contractMonitoring: true })
    .where(and(eq(returnPeriods.councilId, councilId), eq(returnPeriods.periodEnd, periodEnd)))
    .returning({ id: returnPeriods.id });

export const insertReturnPeriod = (db: Exec, values: typeof returnPeriods.$inferInsert) =>
  db.insert(returnPeriods).values(values);

export const findOrgName = async (db: Exec, id: string) =>
  (await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)))[0]?.name ?? "";

// The Capacity Tracker.

/** A provider's workplaces, by reference. */
export const listWorkplaces = (db: Exec, orgId: string) =>
  db
    .select({
      id: workplaces.id,
      name: workplaces.name,
      localRef: workplaces.localRef,
      cqcLocationId: workplaces.cqcLocationId,
    })
    .from(workplaces)
    .where(eq(workplaces.orgId, orgId))
    .orderBy(asc(workplaces.localRef));

/**
 * The Capacity Tracker's staff types from ASC-WDS main job roles: registered nurses (16); care
 * workers, meaning ASC-WDS's care-providing roles (registered manager, supervisor, senior care
 * worker, care worker, community support, other care-providing, team leader, support worker)
 * with nursing associates (37) and nursing assistants (38); every other role is non-care staff.
 */
export const STAFF_TYPE_SQL = (role: string) =>
  `(case when ${role} is null then 'not_recorded' when ${role} = 16 then 'registered_nurse'
    when ${role} in (${[...CARE_PROVIDING_ROLES, 37, 38].join(", ")}) then 'care' else 'non_care' end)`;

/**
 * Staff in post at D per workplace, contract group (employed: permanent or temporary; bank; agency;
 * other) and staff type, under the engine's rules: in post is start ≤ D and no end or end > D, and
 * only from the day a workplace's records begin (metrics.md).
 */
export async function countStaffByType(db: Exec, orgId: string, at: string) {
  const result = await db.execute(sql`
    select s.workplace_id as "workplaceId",
      case when s.contract_type in (1, 2) then 'employed' when s.contract_type = 3 then 'bank'
        when s.contract_type = 4 then 'agency' else 'other' end as "group",
      ${sql.raw(STAFF_TYPE_SQL("s.main_job_role"))} as "type", count(*)::int as n
    from staff_records s join workplaces w on w.id = s.workplace_id
    where s.org_id = ${orgId} and w.org_id = ${orgId} and (w.records_from is null or w.records_from <= ${at}::date)
      and s.start_date <= ${at}::date and (s.end_date is null or s.end_date > ${at}::date)
    group by 1, 2, 3`);
  return result.rows as {
    workplaceId: string;
    group: "employed" | "bank" | "agency" | "other";
    type: string;
    n: number;
  }[];
}

/** Vacancy records open at D per workplace and staff type (from the day a workplace's records begin). */
export async function countVacanciesByType(db: Exec, orgId: string, at: string) {
  const result = await db.execute(sql`
    select v.workplace_id as "workplaceId", ${sql.raw(STAFF_TYPE_SQL("v.job_role"))} as "type", count(*)::int as n
    from vacancies v join workplaces w on w.id = v.workplace_id
    where v.org_id = ${orgId} and w.org_id = ${orgId} and (w.records_from is null or w.records_from <= ${at}::date)
      and v.opened_on <= ${at}::date and (v.closed_on is null or v.closed_on > ${at}::date)
    group by 1, 2`);
  return result.rows as { workplaceId: string; type: string; n: number }[];
}
