import { and, asc, eq, isNull, lt } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { outbox } from "../../db/schema";

export const insertOutbox = async (db: Exec, values: typeof outbox.$inferInsert) =>
  (await db.insert(outbox).values(values).returning({ id: outbox.id }))[0];

/** Email not yet sent that has attempts left, oldest first. */
export const listPendingOutbox = (db: Exec, maxAttempts: number, limit: number) =>
  db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.sentAt), lt(outbox.attempts, maxAttempts)))
    .orderBy(asc(outbox.createdAt))
    .limit(limit);

export const updateOutbox = (db: Exec, id: string, change: Partial<typeof outbox.$inferInsert>) =>
  db.update(outbox).set(change).where(eq(outbox.id, id));
