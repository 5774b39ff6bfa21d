import { and, count, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  invitations,
  memberships,
  organisations,
  passwordResets,
  sessions,
  signInAttempts,
  signInLockouts,
  users,
} from "../../db/schema";

export const findUserByEmail = async (db: Exec, email: string) =>
  (await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`))[0];

export const findUserById = async (db: Exec, id: string) => (await db.select().from(users).where(eq(users.id, id)))[0];

export const updateUser = (db: Exec, id: string, values: Partial<typeof users.$inferInsert>) =>
  db.update(users).set(values).where(eq(users.id, id)).returning();

export const insertUser = async (db: Exec, values: typeof users.$inferInsert) =>
  (await db.insert(users).values(values).returning())[0];

export const insertSession = (db: Exec, values: typeof sessions.$inferInsert) => db.insert(sessions).values(values);

export async function findSession(db: Exec, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export const deleteSession = (db: Exec, tokenHash: string) =>
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
export const deleteUserSessions = (db: Exec, userId: string) => db.delete(sessions).where(eq(sessions.userId, userId));

// sign_in_attempts counts every throttled request by a key: failed sign-ins by address, and
// password reset requests by address and by account, each under its own prefix.
export async function countAttemptsSince(db: Exec, addressKey: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.addressKey, addressKey), gt(signInAttempts.at, since)));
  return row.n;
}
export const insertAttempt = async (db: Exec, addressKey: string, at: Date) =>
  (await db.insert(signInAttempts).values({ addressKey, at }).returning({ id: signInAttempts.id }))[0].id;
export const deleteAttempt = (db: Exec, id: string) => db.delete(signInAttempts).where(eq(signInAttempts.id, id));

export const findLockout = async (db: Exec, emailKey: string) =>
  (await db.select().from(signInLockouts).where(eq(signInLockouts.emailKey, emailKey)))[0];

/** Counts one more wrong password for an email address, atomically; returns how many in a row. */
export async function addFailedSignIn(db: Exec, emailKey: string, at: Date) {
  const [row] = await db
    .insert(signInLockouts)
    .values({ emailKey, failedSignIns: 1, updatedAt: at })
    .onConflictDoUpdate({
      target: signInLockouts.emailKey,
      set: { failedSignIns: sql`${signInLockouts.failedSignIns} + 1`, updatedAt: at },
    })
    .returning({ failedSignIns: signInLockouts.failedSignIns });
  return row.failedSignIns;
}
export const lockEmail = (db: Exec, emailKey: string, until: Date, at: Date) =>
  db
    .update(signInLockouts)
    .set({ failedSignIns: 0, lockedUntil: until, updatedAt: at })
    .where(eq(signInLockouts.emailKey, emailKey));
export const clearLockout = (db: Exec, emailKey: string) =>
  db.delete(signInLockouts).where(eq(signInLockouts.emailKey, emailKey));

/** Throttle records older than any window, and lock-out counts idle since `before` that hold no live lock. */
export async function deleteOldSignInRecords(db: Exec, before: Date, now: Date) {
  const attempts = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.at, before))
    .returning({ id: signInAttempts.id });
  const lockouts = await db
    .delete(signInLockouts)
    .where(
      and(
        lt(signInLockouts.updatedAt, before),
        or(isNull(signInLockouts.lockedUntil), lt(signInLockouts.lockedUntil, now)),
      ),
    )
    .returning({ key: signInLockouts.emailKey });
  return { attempts: attempts.length, lockouts: lockouts.length };
}

export const insertReset = (db: Exec, values: typeof passwordResets.$inferInsert) =>
  db.insert(passwordResets).values(values);

export async function findLiveReset(db: Exec, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(passwordResets)
    .where(
      and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
    );
  return row;
}
/**
 * Ends every live reset link of a user (used_at also marks a link superseded by a newer one or by
 * a reset); returns the ids it ended, so a caller can tell whether a link was still live.
 */
export const endLiveResets = async (db: Exec, userId: string, at: Date) =>
  (
    await db
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id })
  ).map((r) => r.id);

export async function findInvitationByToken(db: Exec, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, org: organisations })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row;
}
export const markInvitationAccepted = (db: Exec, id: string, at: Date) =>
  db.update(invitations).set({ acceptedAt: at }).where(eq(invitations.id, id)).returning();

/** Every organisation the user belongs to, for the header's switcher. */
export function findMembershipsOfUser(db: Exec, userId: string) {
  return db
    .select({ membershipId: memberships.id, role: memberships.role, org: organisations })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(organisations.name);
}
