import { and, eq, inArray, isNull, lte, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { commissioning } from "../../db/schema";

/*
 * Read-down across organisations: which providers a council commissions, and which councils
 * commission a provider, on a date. A link counts on D when from ≤ D and to is empty or ≥ D.
 * Every question of that kind goes through this file (or `commissioning.ts`), so the rule about
 * dates is written once.
 */

type Operand = SQLWrapper | string;

/** The condition "this link is in force on `at`", over the commissioning table. */
const inForceOn = (at: Operand) =>
  and(
    lte(commissioning.fromDate, sql`${at}`),
    or(isNull(commissioning.toDate), sql`${commissioning.toDate} >= ${at}`),
  ) as SQL;

/**
 * A SQL condition, for queries that join: council `councilId` commissions provider `providerId`
 * on `at`. Each operand is a column, a SQL expression (`sql\`p.council_id\``) or a value.
 */
export const commissionsOn = (councilId: Operand, providerId: Operand, at: Operand): SQL =>
  sql`exists (select 1 from ${commissioning} where ${commissioning.councilId} = ${councilId} and ${commissioning.providerId} = ${providerId} and ${inForceOn(at)})`;

/** Providers a council commissions on a date. */
export async function providersOf(db: Exec, councilId: string, at: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: commissioning.providerId })
    .from(commissioning)
    .where(and(eq(commissioning.councilId, councilId), inForceOn(at)))
    .orderBy(commissioning.providerId);
  return rows.map((r) => r.id);
}

/** Councils that commission a provider (or any of several) on a date. */
export async function councilsOf(db: Exec, providerIds: string | string[], at: string): Promise<string[]> {
  const ids = typeof providerIds === "string" ? [providerIds] : providerIds;
  if (!ids.length) return [];
  const rows = await db
    .selectDistinct({ id: commissioning.councilId })
    .from(commissioning)
    .where(and(inArray(commissioning.providerId, ids), inForceOn(at)))
    .orderBy(commissioning.councilId);
  return rows.map((r) => r.id);
}

/** Whether a council commissions a provider on a date. */
export async function commissions(db: Exec, councilId: string, providerId: string, at: string): Promise<boolean> {
  const rows = await db
    .select({ id: commissioning.id })
    .from(commissioning)
    .where(and(eq(commissioning.councilId, councilId), eq(commissioning.providerId, providerId), inForceOn(at)))
    .limit(1);
  return rows.length > 0;
}
