import { eq } from "drizzle-orm";
import type { StandardRow } from "../../../shared/sw-supervision";
import type { Exec } from "../../db/client";
import { swSupervisionStandards } from "../../db/schema";

// The council's supervision frequency standard (sw_supervision_standards): one row per target.

export async function standardRows(db: Exec, orgId: string): Promise<StandardRow[]> {
  const rows = await db
    .select({
      appliesTo: swSupervisionStandards.appliesTo,
      every: swSupervisionStandards.every,
      unit: swSupervisionStandards.unit,
      minMinutes: swSupervisionStandards.minMinutes,
    })
    .from(swSupervisionStandards)
    .where(eq(swSupervisionStandards.orgId, orgId));
  return rows.map((r) => ({ ...r, unit: r.unit === "week" ? "week" : "month" }));
}

/** Replaces the council's rows with these (run in a transaction). */
export async function replaceStandardRows(db: Exec, orgId: string, rows: readonly StandardRow[]) {
  await db.delete(swSupervisionStandards).where(eq(swSupervisionStandards.orgId, orgId));
  if (rows.length) await db.insert(swSupervisionStandards).values(rows.map((r) => ({ ...r, orgId })));
}
