import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { created, orgRef, updated, userRef } from "./columns";

/** Database sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: userRef("user_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: created(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const passwordResets = pgTable("password_resets", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: userRef("user_id").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: created(),
});

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    email: text("email").notNull(),
    role: text("role").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: userRef("invited_by"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [index("invitations_org_idx").on(t.orgId)],
);

/**
 * Throttled requests by key, counted in the database so several processes agree: failed sign-ins
 * per client address, password reset requests per address and reset emails per account.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    addressKey: text("address_key").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_key_at_idx").on(t.addressKey, t.at)],
);

/**
 * Wrong passwords in a row per email address, and the lock they lead to, kept for every address
 * typed, with or without an account, so a lock-out does not reveal which emails have accounts.
 * The key is an HMAC of the lower-cased address: the table holds no addresses.
 */
export const signInLockouts = pgTable("sign_in_lockouts", {
  emailKey: text("email_key").primaryKey(),
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  updatedAt: updated(),
});
