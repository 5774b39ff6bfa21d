import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  careerFrameworks,
  commissioningStandards,
  complianceChallenges,
  complianceResults,
  contractStandards,
  contracts,
  contractWorkplaces,
  frameworkEndorsements,
  memberships,
  monitoringReturns,
  organisations,
  returnPeriods,
  returnSubmissions,
  users,
  workplaces,
} from "../../db/schema";

// Compliance's tables (issue 19 item 2): the contracts and the standards they carry (read from the
// contracts part's tables), the evidence each kind reads from the hub's records, the results and
// the challenges. Every query is scoped by the council whose contracts they are, or by the
// provider the contract is with.

export type ResultRow = typeof complianceResults.$inferSelect;
export type ChallengeRow = typeof complianceChallenges.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;

/** Which contracts a question is about: a council's, or a provider's own (with any council). */
export interface Scope {
  councilId?: string;
  providerId?: string;
}

const scoped = (s: Scope) =>
  and(
    s.councilId ? eq(contracts.councilId, s.councilId) : undefined,
    s.providerId ? eq(contracts.providerId, s.providerId) : undefined,
  );

/** Contracts active at some point in [start, end] in the scope (optionally only these ids), by reference. */
export const listActiveContracts = (db: Exec, s: Scope, start: string, end: string, ids?: string[]) =>
  db
    .select({ c: contracts, providerName: organisations.name })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.providerId))
    .where(
      and(
        scoped(s),
        lte(contracts.startDate, end),
        or(isNull(contracts.endDate), gte(contracts.endDate, start)),
        ids ? (ids.length ? inArray(contracts.id, ids) : sql`false`) : undefined,
      ),
    )
    .orderBy(asc(contracts.reference), asc(contracts.id));

/** One contract in the scope, with its provider's name. */
export const findContract = async (db: Exec, s: Scope, contractId: string) =>
  (
    await db
      .select({ c: contracts, providerName: organisations.name })
      .from(contracts)
      .innerJoin(organisations, eq(organisations.id, contracts.providerId))
      .where(and(scoped(s), eq(contracts.id, contractId)))
  )[0];

/** The standards these contracts carry (all periods), with the library's kind, name and threshold. */
export const listContractStandards = (db: Exec, contractIds: string[]) =>
  contractIds.length
    ? db
        .select({ cs: contractStandards, standard: commissioningStandards })
        .from(contractStandards)
        .innerJoin(commissioningStandards, eq(commissioningStandards.id, contractStandards.standardId))
        .where(
          and(
            inArray(contractStandards.contractId, contractIds),
            eq(commissioningStandards.councilId, contractStandards.councilId),
          ),
        )
        .orderBy(asc(contractStandards.contractId), asc(commissioningStandards.name), asc(contractStandards.id))
    : Promise.resolve([]);

/** The workplaces each contract names (contracts naming none are missing from the map). */
export async function listContractWorkplaceIds(db: Exec, contractIds: string[]) {
  const rows = contractIds.length
    ? await db
        .select({ contractId: contractWorkplaces.contractId, workplaceId: contractWorkplaces.workplaceId })
        .from(contractWorkplaces)
        .innerJoin(contracts, eq(contracts.id, contractWorkplaces.contractId))
        .innerJoin(workplaces, eq(workplaces.id, contractWorkplaces.workplaceId))
        // Only the contracted provider's own workplaces count.
        .where(and(inArray(contractWorkplaces.contractId, contractIds), eq(workplaces.orgId, contracts.providerId)))
        .orderBy(asc(contractWorkplaces.workplaceId))
    : [];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.contractId, [...(out.get(r.contractId) ?? []), r.workplaceId]);
  return out;
}

/** Every workplace of these providers, with its postcode, by provider. */
export const listProviderWorkplaces = (db: Exec, providerIds: string[]) =>
  providerIds.length
    ? db
        .select({ id: workplaces.id, orgId: workplaces.orgId, postcode: workplaces.postcode })
        .from(workplaces)
        .where(inArray(workplaces.orgId, providerIds))
        .orderBy(asc(workplaces.id))
    : Promise.resolve([]);

/** Postcodes of these workplaces. */
export const listWorkplacePostcodes = (db: Exec, ids: string[]) =>
  ids.length
    ? db
        .select({ id: workplaces.id, postcode: workplaces.postcode })
        .from(workplaces)
        .where(inArray(workplaces.id, ids))
    : Promise.resolve([]);

/**
 * career_endorsed's evidence: the council's first framework version published by `endOfDay`, and
 * which of these providers endorsed any published version of it by then.
 */
export async function careerEvidence(db: Exec, councilId: string, providerIds: string[], endOfDay: Date) {
  const published = await db
    .select({ id: careerFrameworks.id, version: careerFrameworks.version, publishedAt: careerFrameworks.publishedAt })
    .from(careerFrameworks)
    .where(
      and(
        eq(careerFrameworks.councilId, councilId),
        eq(careerFrameworks.status, "published"),
        lte(careerFrameworks.publishedAt, endOfDay),
      ),
    )
    .orderBy(desc(careerFrameworks.version));
  if (!published.length || !providerIds.length) return { published: published[0] ?? null, endorsed: new Map() };
  const rows = await db
    .select({ providerId: frameworkEndorsements.providerId, endorsedAt: frameworkEndorsements.endorsedAt })
    .from(frameworkEndorsements)
    .where(
      and(
        inArray(
          frameworkEndorsements.frameworkId,
          published.map((p) => p.id),
        ),
        inArray(frameworkEndorsements.providerId, providerIds),
        lte(frameworkEndorsements.endorsedAt, endOfDay),
      ),
    )
    .orderBy(asc(frameworkEndorsements.endorsedAt));
  const endorsed = new Map<string, Date>();
  for (const r of rows) if (!endorsed.has(r.providerId)) endorsed.set(r.providerId, r.endorsedAt);
  return { published: published[0], endorsed };
}

/** returns_on_time's evidence: the council's return period ending in [start, end] (the latest), and these providers' submissions. */
export async function returnEvidence(db: Exec, councilId: string, providerIds: string[], start: string, end: string) {
  const [period] = await db
    .select()
    .from(returnPeriods)
    .where(
      and(
        eq(returnPeriods.councilId, councilId),
        gte(returnPeriods.periodEnd, start),
        lte(returnPeriods.periodEnd, end),
      ),
    )
    .orderBy(desc(returnPeriods.periodEnd))
    .limit(1);
  if (!period || !providerIds.length) return { period: period ?? null, submissions: new Map() };
  const rows = await db
    .select({
      orgId: returnSubmissions.orgId,
      submittedAt: returnSubmissions.submittedAt,
      completeness: returnSubmissions.completeness,
    })
    .from(returnSubmissions)
    .where(and(eq(returnSubmissions.periodId, period.id), inArray(returnSubmissions.orgId, providerIds)));
  return {
    period,
    submissions: new Map(
      rows.map((r) => [
        r.orgId,
        { submittedAt: r.submittedAt, score: (r.completeness as { score?: number | null }).score ?? null },
      ]),
    ),
  };
}

/** paid_travel's evidence: each provider's confirmed contract-monitoring return to the council for the period. */
export async function travelEvidence(db: Exec, councilId: string, providerIds: string[], period: string) {
  const rows = providerIds.length
    ? await db
        .select({
          providerId: monitoringReturns.providerId,
          declarations: monitoringReturns.declarations,
          confirmedAt: monitoringReturns.confirmedAt,
        })
        .from(monitoringReturns)
        .where(
          and(
            eq(monitoringReturns.councilId, councilId),
            eq(monitoringReturns.period, period),
            inArray(monitoringReturns.providerId, providerIds),
          ),
        )
    : [];
  return new Map(
    rows.map((r) => [
      r.providerId,
      { paidTravel: (r.declarations as { paidTravel?: unknown }).paidTravel, confirmedAt: r.confirmedAt },
    ]),
  );
}

/** The stored results of these contract standards in these periods. */
export const listResultsFor = (db: Exec, contractStandardIds: string[], periods: string[]) =>
  contractStandardIds.length && periods.length
    ? db
        .select()
        .from(complianceResults)
        .where(
          and(
            inArray(complianceResults.contractStandardId, contractStandardIds),
            inArray(complianceResults.period, periods),
          ),
        )
    : Promise.resolve([] as ResultRow[]);

export type ResultValues = Pick<
  typeof complianceResults.$inferInsert,
  | "councilId"
  | "providerId"
  | "contractId"
  | "contractStandardId"
  | "period"
  | "status"
  | "value"
  | "n"
  | "asAt"
  | "evidence"
>;

/** Stores new results; a result stored meanwhile (another reader computing at once) is kept. */
export const insertResults = (db: Exec, rows: ResultValues[]) =>
  rows.length ? db.insert(complianceResults).values(rows).onConflictDoNothing().returning() : Promise.resolve([]);

/** Recomputes results: the computed columns change, any override stays. */
export const upsertResults = (db: Exec, rows: ResultValues[]) =>
  rows.length
    ? db
        .insert(complianceResults)
        .values(rows)
        .onConflictDoUpdate({
          target: [complianceResults.contractStandardId, complianceResults.period],
          set: {
            status: sql`excluded.status`,
            value: sql`excluded.value`,
            n: sql`excluded.n`,
            asAt: sql`excluded.as_at`,
            evidence: sql`excluded.evidence`,
            computedAt: sql`now()`,
          },
        })
        .returning()
    : Promise.resolve([]);

/** A result in the scope. */
export const findResult = async (db: Exec, s: { councilId?: string; providerId?: string }, resultId: string) =>
  (
    await db
      .select()
      .from(complianceResults)
      .where(
        and(
          eq(complianceResults.id, resultId),
          s.councilId ? eq(complianceResults.councilId, s.councilId) : undefined,
          s.providerId ? eq(complianceResults.providerId, s.providerId) : undefined,
        ),
      )
  )[0];

export const setOverride = async (
  db: Exec,
  resultId: string,
  set: Pick<ResultRow, "overrideStatus" | "overrideNote" | "overriddenBy" | "overriddenAt">,
) => (await db.update(complianceResults).set(set).where(eq(complianceResults.id, resultId)).returning())[0];

/** Challenges of these results, newest first. */
export const listChallengesOfResults = (db: Exec, resultIds: string[]) =>
  resultIds.length
    ? db
        .select()
        .from(complianceChallenges)
        .where(inArray(complianceChallenges.resultId, resultIds))
        .orderBy(desc(complianceChallenges.raisedAt), desc(complianceChallenges.id))
    : Promise.resolve([] as ChallengeRow[]);

/** Locks a result's row until the transaction ends (challenges raised at once queue behind it). */
export const lockResult = async (db: Exec, resultId: string) => {
  await db
    .select({ id: complianceResults.id })
    .from(complianceResults)
    .where(eq(complianceResults.id, resultId))
    .for("update");
};

export const findOpenChallenge = async (db: Exec, resultId: string) =>
  (
    await db
      .select()
      .from(complianceChallenges)
      .where(and(eq(complianceChallenges.resultId, resultId), eq(complianceChallenges.status, "open")))
  )[0];

export const insertChallenge = async (db: Exec, values: typeof complianceChallenges.$inferInsert) =>
  (await db.insert(complianceChallenges).values(values).returning())[0];

/** A council's challenge, locked for the decision. */
export const findCouncilChallengeForUpdate = async (db: Exec, councilId: string, challengeId: string) =>
  (
    await db
      .select()
      .from(complianceChallenges)
      .where(and(eq(complianceChallenges.id, challengeId), eq(complianceChallenges.councilId, councilId)))
      .for("update")
  )[0];

/** Decides an open challenge; undefined when it was decided meanwhile. */
export const decideChallenge = async (
  db: Exec,
  challengeId: string,
  set: Pick<ChallengeRow, "status" | "decidedBy" | "decidedAt" | "decisionNote">,
) =>
  (
    await db
      .update(complianceChallenges)
      .set(set)
      .where(and(eq(complianceChallenges.id, challengeId), eq(complianceChallenges.status, "open")))
      .returning()
  )[0];

/** A council's challenges (optionally of one status), open first then newest. */
export const listCouncilChallenges = (db: Exec, councilId: string, status?: string) =>
  db
    .select({ ch: complianceChallenges, result: complianceResults })
    .from(complianceChallenges)
    .innerJoin(complianceResults, eq(complianceResults.id, complianceChallenges.resultId))
    .where(
      and(eq(complianceChallenges.councilId, councilId), status ? eq(complianceChallenges.status, status) : undefined),
    )
    .orderBy(
      sql`case when ${complianceChallenges.status} = 'open' then 0 else 1 end`,
      desc(complianceChallenges.raisedAt),
      desc(complianceChallenges.id),
    )
    .limit(500);

/** Contracts and standards by id (for the challenges list), in these scopes. */
export const listContractsByIds = (db: Exec, councilId: string, ids: string[]) =>
  ids.length
    ? db
        .select({ c: contracts, providerName: organisations.name })
        .from(contracts)
        .innerJoin(organisations, eq(organisations.id, contracts.providerId))
        .where(and(eq(contracts.councilId, councilId), inArray(contracts.id, ids)))
    : Promise.resolve([]);

/** Names of organisations. */
export const listOrgNames = (db: Exec, ids: string[]) =>
  ids.length
    ? db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, ids))
    : Promise.resolve([]);

/** Email addresses of an organisation's members in these roles. */
export const listMemberEmails = (db: Exec, orgId: string, roles: string[]) =>
  db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, roles)))
    .orderBy(asc(users.email));
