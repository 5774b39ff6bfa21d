import { eq } from "drizzle-orm";
import {
  commissioningStandards,
  complianceResults,
  contractStandards,
  contracts,
  staffRecords,
  workplaces,
} from "../src/server/db/schema";
import { STANDARD_KINDS, type StandardKindKey } from "../src/shared/commissioning";
import { commissionedProvider, type Hub, makeSystem, makeUser, signedIn, uniq } from "./harness";

// Fixtures for commissioning's tests (issue 19): a council with a commissioner, two providers it
// commissions with staff (`workers` each, care workers on £12.60 an hour, permanent, since 2020),
// and rows made as each part makes them (a standard in the library, a contract, a standard on a
// contract, a hand-made result), so every part's tests can start from any point of the flow.
// The test clock is 2026-06-15 09:00 UTC: 2026-Q1 (January to March 2026) is the last ended quarter.

export async function commissioningArea(hub: Hub, { workers = 6 }: { workers?: number } = {}) {
  const system = await makeSystem(hub);
  const councilId = system.council.id;
  const commissioner = await makeUser(hub, system.council, "commissioner");
  const providerA = await commissionedProvider(hub, councilId, { workers });
  const providerB = await commissionedProvider(hub, councilId, { workers });
  const adminA = await makeUser(hub, providerA, "provider_admin");
  const adminB = await makeUser(hub, providerB, "provider_admin");
  const workplaceOf = async (orgId: string) =>
    (await hub.deps.db.select().from(workplaces).where(eq(workplaces.orgId, orgId)).orderBy(workplaces.localRef))[0];
  return {
    ...system,
    councilId,
    commissioner,
    providerA,
    providerB,
    adminA,
    adminB,
    workplaceA: await workplaceOf(providerA.id),
    workplaceB: await workplaceOf(providerB.id),
    staffOf: (orgId: string) =>
      hub.deps.db.select().from(staffRecords).where(eq(staffRecords.orgId, orgId)).orderBy(staffRecords.localRef),
    commissionerClient: () => signedIn(hub, commissioner.email),
    councilClient: () => signedIn(hub, system.councilAdmin.email),
    providerAClient: () => signedIn(hub, adminA.email),
    providerBClient: () => signedIn(hub, adminB.email),
  };
}
export type CommissioningArea = Awaited<ReturnType<typeof commissioningArea>>;

/** A standard in the council's library (threshold defaults to the kind's). */
export async function standard(
  hub: Hub,
  area: CommissioningArea,
  kind: StandardKindKey,
  values: Partial<typeof commissioningStandards.$inferInsert> = {},
) {
  const k = STANDARD_KINDS[kind];
  const [row] = await hub.deps.db
    .insert(commissioningStandards)
    .values({ councilId: area.councilId, kind, name: k.label, threshold: k.defaultThreshold, ...values })
    .returning();
  return row;
}

/** A home care contract with provider A from 2025-04-01 (override any column). */
export async function contract(hub: Hub, area: CommissioningArea, values: Partial<typeof contracts.$inferInsert> = {}) {
  const [row] = await hub.deps.db
    .insert(contracts)
    .values({
      councilId: area.councilId,
      providerId: area.providerA.id,
      reference: `HC-${uniq()}`,
      name: "Home care, north lot",
      serviceType: "home_care",
      startDate: "2025-04-01",
      annualValue: 1_200_000,
      ...values,
    })
    .returning();
  return row;
}

/** A library standard carried by a contract, from 2025-Q2 unless said. */
export async function contractStandard(
  hub: Hub,
  area: CommissioningArea,
  contractRow: { id: string },
  standardRow: { id: string },
  values: Partial<typeof contractStandards.$inferInsert> = {},
) {
  const [row] = await hub.deps.db
    .insert(contractStandards)
    .values({
      contractId: contractRow.id,
      councilId: area.councilId,
      standardId: standardRow.id,
      fromPeriod: "2025-Q2",
      ...values,
    })
    .returning();
  return row;
}

/** A hand-made result for a contract's standard and period (met unless said). */
export async function result(
  hub: Hub,
  area: CommissioningArea,
  cs: { id: string; contractId: string },
  period: string,
  values: Partial<typeof complianceResults.$inferInsert> = {},
) {
  const [c] = await hub.deps.db.select().from(contracts).where(eq(contracts.id, cs.contractId));
  const [row] = await hub.deps.db
    .insert(complianceResults)
    .values({
      councilId: area.councilId,
      providerId: c.providerId,
      contractId: cs.contractId,
      contractStandardId: cs.id,
      period,
      status: "met",
      value: 0,
      n: 10,
      asAt: "2026-03-31",
      evidence: { note: "hand-made" },
      ...values,
    })
    .returning();
  return row;
}
