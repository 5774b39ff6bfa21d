import { and, asc, eq, inArray } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { swCaseloads, swSettings, swTeams } from "../../db/schema";

// Monthly caseloads (sw_caseloads), the council's thresholds (sw_settings) and its teams.

export async function caseloadSettings(db: Exec, orgId: string) {
  const [row] = await db
    .select({
      caseloadThresholdAdults: swSettings.caseloadThresholdAdults,
      caseloadThresholdChildren: swSettings.caseloadThresholdChildren,
      asyeProtectionShare: swSettings.asyeProtectionShare,
    })
    .from(swSettings)
    .where(eq(swSettings.orgId, orgId));
  return row;
}

export async function teamsByIds(db: Exec, orgId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: swTeams.id,
      name: swTeams.name,
      service: swTeams.service,
      caseloadThreshold: swTeams.caseloadThreshold,
    })
    .from(swTeams)
    .where(and(eq(swTeams.orgId, orgId), inArray(swTeams.id, [...ids])))
    .orderBy(asc(swTeams.service), asc(swTeams.name));
}

/** The caseloads of some workers in one month (its first day). */
export async function caseloadsInMonth(db: Exec, orgId: string, month: string, staffIds: readonly string[]) {
  if (!staffIds.length) return [];
  return db
    .select({ staffRecordId: swCaseloads.staffRecordId, openCases: swCaseloads.openCases, byType: swCaseloads.byType })
    .from(swCaseloads)
    .where(
      and(
        eq(swCaseloads.orgId, orgId),
        eq(swCaseloads.month, month),
        inArray(swCaseloads.staffRecordId, [...staffIds]),
      ),
    );
}

/** A worker's caseloads, by month, latest first. */
export async function caseloadsOf(db: Exec, orgId: string, staffRecordId: string) {
  return db
    .select({ month: swCaseloads.month, openCases: swCaseloads.openCases, byType: swCaseloads.byType })
    .from(swCaseloads)
    .where(and(eq(swCaseloads.orgId, orgId), eq(swCaseloads.staffRecordId, staffRecordId)))
    .orderBy(asc(swCaseloads.month));
}

/** Writes a month's caseloads (insert or replace each worker's row); run in a transaction. */
export async function upsertCaseloads(
  db: Exec,
  orgId: string,
  month: string,
  rows: readonly { staffRecordId: string; openCases: number; byType: Record<string, number> }[],
) {
  for (const r of rows) {
    await db
      .insert(swCaseloads)
      .values({ orgId, month, ...r })
      .onConflictDoUpdate({
        target: [swCaseloads.staffRecordId, swCaseloads.month],
        set: { openCases: r.openCases, byType: r.byType, updatedAt: new Date() },
      });
  }
}

/** Removes some workers' caseloads for a month; run in a transaction. How many rows went. */
export async function deleteCaseloads(db: Exec, orgId: string, month: string, staffIds: readonly string[]) {
  if (!staffIds.length) return 0;
  const gone = await db
    .delete(swCaseloads)
    .where(
      and(
        eq(swCaseloads.orgId, orgId),
        eq(swCaseloads.month, month),
        inArray(swCaseloads.staffRecordId, [...staffIds]),
      ),
    )
    .returning({ staffRecordId: swCaseloads.staffRecordId });
  return gone.length;
}
