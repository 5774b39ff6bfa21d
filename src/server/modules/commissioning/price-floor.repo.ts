import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { feeRates, organisations, priceFloorSettings, tenderBids, tenders } from "../../db/schema";

// The price floor's tables: the council's saved assumptions, its fee rates, its tenders and their
// bids. Every query is scoped by the council that owns the rows.

// Assumptions.

export const findSettings = async (db: Exec, councilId: string, year: string, careType: string) =>
  (
    await db
      .select()
      .from(priceFloorSettings)
      .where(
        and(
          eq(priceFloorSettings.councilId, councilId),
          eq(priceFloorSettings.year, year),
          eq(priceFloorSettings.careType, careType),
        ),
      )
  )[0];

/** All of a council's saved assumptions (for fee rates and tenders over several years). */
export const listSettings = (db: Exec, councilId: string) =>
  db.select().from(priceFloorSettings).where(eq(priceFloorSettings.councilId, councilId));

export const upsertSettings = async (db: Exec, values: typeof priceFloorSettings.$inferInsert) =>
  (
    await db
      .insert(priceFloorSettings)
      .values(values)
      .onConflictDoUpdate({
        target: [priceFloorSettings.councilId, priceFloorSettings.year, priceFloorSettings.careType],
        set: { assumptions: values.assumptions, updatedBy: values.updatedBy, updatedAt: sql`now()` },
      })
      .returning()
  )[0];

export const deleteSettings = async (db: Exec, councilId: string, year: string, careType: string) =>
  (
    await db
      .delete(priceFloorSettings)
      .where(
        and(
          eq(priceFloorSettings.councilId, councilId),
          eq(priceFloorSettings.year, year),
          eq(priceFloorSettings.careType, careType),
        ),
      )
      .returning()
  )[0];

// Fee rates.

export const listFeeRates = (db: Exec, councilId: string, year?: string) =>
  db
    .select()
    .from(feeRates)
    .where(and(eq(feeRates.councilId, councilId), year ? eq(feeRates.year, year) : undefined))
    .orderBy(desc(feeRates.year), asc(feeRates.serviceType), asc(feeRates.band), asc(feeRates.id));

export const findFeeRate = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select()
      .from(feeRates)
      .where(and(eq(feeRates.councilId, councilId), eq(feeRates.id, id)))
  )[0];

export const findFeeRateByKey = async (
  db: Exec,
  councilId: string,
  key: { year: string; serviceType: string; band: string },
) =>
  (
    await db
      .select()
      .from(feeRates)
      .where(
        and(
          eq(feeRates.councilId, councilId),
          eq(feeRates.year, key.year),
          eq(feeRates.serviceType, key.serviceType),
          sql`lower(${feeRates.band}) = lower(${key.band})`,
        ),
      )
  )[0];

export const insertFeeRate = async (db: Exec, values: typeof feeRates.$inferInsert) =>
  (await db.insert(feeRates).values(values).returning())[0];

export const updateFeeRate = async (
  db: Exec,
  councilId: string,
  id: string,
  values: Partial<typeof feeRates.$inferInsert>,
) =>
  (
    await db
      .update(feeRates)
      .set(values)
      .where(and(eq(feeRates.councilId, councilId), eq(feeRates.id, id)))
      .returning()
  )[0];

export const deleteFeeRate = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .delete(feeRates)
      .where(and(eq(feeRates.councilId, councilId), eq(feeRates.id, id)))
      .returning()
  )[0];

// Tenders.

export const listTenders = (db: Exec, councilId: string) =>
  db
    .select()
    .from(tenders)
    .where(eq(tenders.councilId, councilId))
    .orderBy(desc(tenders.year), desc(tenders.createdAt), asc(tenders.id));

export const findTender = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select()
      .from(tenders)
      .where(and(eq(tenders.councilId, councilId), eq(tenders.id, id)))
  )[0];

export const insertTender = async (db: Exec, values: typeof tenders.$inferInsert) =>
  (await db.insert(tenders).values(values).returning())[0];

export const deleteTender = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .delete(tenders)
      .where(and(eq(tenders.councilId, councilId), eq(tenders.id, id)))
      .returning()
  )[0];

/** The bids of the council's tenders (one or many), cheapest first, with the linked provider's name. */
export const listBids = (db: Exec, councilId: string, tenderIds: string[]) =>
  tenderIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ bid: tenderBids, providerName: organisations.name })
        .from(tenderBids)
        .leftJoin(organisations, eq(organisations.id, tenderBids.providerId))
        .where(and(eq(tenderBids.councilId, councilId), inArray(tenderBids.tenderId, tenderIds)))
        .orderBy(asc(tenderBids.price), asc(tenderBids.bidder), asc(tenderBids.id));

export const insertBid = async (db: Exec, values: typeof tenderBids.$inferInsert) =>
  (await db.insert(tenderBids).values(values).returning())[0];

export const deleteBid = async (db: Exec, councilId: string, tenderId: string, id: string) =>
  (
    await db
      .delete(tenderBids)
      .where(and(eq(tenderBids.councilId, councilId), eq(tenderBids.tenderId, tenderId), eq(tenderBids.id, id)))
      .returning()
  )[0];

/** Names of the given organisations (providers the council commissions, for the bid form). */
export const orgNames = (db: Exec, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, ids))
        .orderBy(asc(organisations.name), asc(organisations.id));
