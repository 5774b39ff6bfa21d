import { and, asc, eq, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { comparators, payFloors } from "../../db/schema";
import { SHIPPED_COMPARATORS, SHIPPED_PAY_FLOORS } from "./shipped";

/** Adds the shipped figures that are missing; a figure already there (perhaps edited) is left alone. */
export async function ensureReferenceData(db: Exec) {
  await db.insert(payFloors).values(SHIPPED_PAY_FLOORS).onConflictDoNothing();
  await db.insert(comparators).values(SHIPPED_COMPARATORS).onConflictDoNothing();
}

export const listPayFloors = (db: Exec) =>
  db.select().from(payFloors).orderBy(asc(payFloors.kind), asc(payFloors.applicableFrom), asc(payFloors.band));
export const listComparators = (db: Exec, metric?: string) =>
  db
    .select()
    .from(comparators)
    .where(metric ? eq(comparators.metric, metric) : sql`true`)
    .orderBy(asc(comparators.metric), asc(comparators.publisher), asc(comparators.period), asc(comparators.coverage));

export const findPayFloor = async (db: Exec, id: string) =>
  (await db.select().from(payFloors).where(eq(payFloors.id, id)))[0];
export const findComparator = async (db: Exec, id: string) =>
  (await db.select().from(comparators).where(eq(comparators.id, id)))[0];

export const updatePayFloor = async (db: Exec, id: string, set: Partial<typeof payFloors.$inferInsert>) =>
  (
    await db
      .update(payFloors)
      .set(set)
      .where(and(eq(payFloors.id, id)))
      .returning()
  )[0];
export const updateComparator = async (db: Exec, id: string, set: Partial<typeof comparators.$inferInsert>) =>
  (await db.update(comparators).set(set).where(eq(comparators.id, id)).returning())[0];

/** Inserts a pay floor, or returns undefined when that rate is already there. */
export const insertPayFloor = async (db: Exec, values: typeof payFloors.$inferInsert) =>
  (await db.insert(payFloors).values(values).onConflictDoNothing().returning())[0];

/** Inserts a comparator figure, or returns undefined when that figure is already there. */
export const insertComparator = async (db: Exec, values: typeof comparators.$inferInsert) =>
  (await db.insert(comparators).values(values).onConflictDoNothing().returning())[0];
