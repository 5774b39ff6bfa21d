import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Exec } from "../../db/client";
import { apiTokens, memberships, users } from "../../db/schema";

/**
 * A live token by the hash of its secret, with what its creator may do now: their current role
 * in the token's organisation (none once they have left) and the hub admin flag.
 */
export async function findLiveTokenWithCreator(db: Exec, tokenHash: string) {
  const [row] = await db
    .select({ token: apiTokens, creatorRole: memberships.role, creatorIsHubAdmin: users.isHubAdmin })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(memberships, and(eq(memberships.userId, apiTokens.createdBy), eq(memberships.orgId, apiTokens.orgId)))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}

/** Records a use, unless one was recorded since `notSince`: a busy integration does not write on every call. */
export const touchLastUsed = (db: Exec, id: string, at: Date, notSince: Date) =>
  db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, notSince))));

export const insertToken = async (db: Exec, values: typeof apiTokens.$inferInsert) =>
  (await db.insert(apiTokens).values(values).returning())[0];

/** The organisation's tokens, newest first, each with its creator and their current role here. */
export function findTokensOfOrg(db: Exec, orgId: string) {
  return db
    .select({
      token: apiTokens,
      creator: { id: users.id, name: users.name, email: users.email, isHubAdmin: users.isHubAdmin },
      creatorRole: memberships.role,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(memberships, and(eq(memberships.userId, apiTokens.createdBy), eq(memberships.orgId, apiTokens.orgId)))
    .where(eq(apiTokens.orgId, orgId))
    .orderBy(desc(apiTokens.createdAt));
}

export const findTokenOfOrg = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, orgId)))
  )[0];

export const markRevoked = (db: Exec, id: string, at: Date) =>
  db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id));
