import {
  INVITATION_DAYS,
  LOCKOUT_MINUTES,
  MAX_FAILED_SIGN_INS,
  RESET_EMAILS_PER_ACCOUNT,
  RESET_LINK_HOURS,
  RESET_REQUESTS_PER_ADDRESS,
  RESET_WINDOW_MINUTES,
  SESSION_DAYS,
  SIGN_IN_ATTEMPTS_PER_WINDOW,
  SIGN_IN_WINDOW_MINUTES,
} from "../../../shared/limits";
import type { Role } from "../../../shared/permissions";
import { type Ctx, type Deps, inTransaction } from "../../context";
import { hashPassword, lockoutKey, newToken, sha256, verifyPassword } from "../../lib/crypto";
import { AppError, badRequest } from "../../lib/errors";
import { addDays, addHours, addMinutes } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { queueEmail } from "../mail/mail.service";
import { findMembershipOf, insertMembership } from "../orgs/orgs.repo";
import * as repo from "./auth.repo";

// A real argon2id hash of a random password: verifying against it when the email is unknown
// takes as long as a real check, so response times do not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
const timingDummy = () => (dummyHash ??= hashPassword(newToken()));

export async function sessionFromToken(deps: Deps, token: string) {
  const row = await repo.findSession(deps.db, sha256(token), deps.now());
  if (!row) return null;
  return {
    user: { id: row.user.id, email: row.user.email, name: row.user.name, isHubAdmin: row.user.isHubAdmin },
    session: { tokenHash: row.session.tokenHash, csrfToken: row.session.csrfToken },
  };
}

/** Starts a session for a user who has just proved who they are (a password, or a one-time emailed link). */
export async function startSession(ctx: Ctx, userId: string) {
  const token = newToken();
  const csrfToken = newToken(24);
  await repo.insertSession(ctx.db, {
    tokenHash: sha256(token),
    userId,
    csrfToken,
    expiresAt: addDays(ctx.deps.now(), SESSION_DAYS),
  });
  return { token, csrfToken };
}

const WRONG =
  "Enter a correct email address and password. After 5 wrong passwords in a row the account is locked for 15 minutes.";

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    423,
    "account_locked",
    `This account is locked because the password was entered wrongly ${MAX_FAILED_SIGN_INS} times. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password using "Forgotten your password?".`,
  );
}

/**
 * Checks a password with throttling per client address and temporary lock-out per email address.
 * The throttle counts failures: each attempt is recorded before the password is checked (so
 * parallel guesses all count) and the record is taken back when the sign-in succeeds, so many
 * people signing in from one office address are never slowed down.
 */
export async function signIn(ctx: Ctx, input: { email: string; password: string; clientAddress: string }) {
  const now = ctx.deps.now();
  const addressKey = sha256(`sign-in:${input.clientAddress}`);
  const recent = await repo.countAttemptsSince(ctx.db, addressKey, addMinutes(now, -SIGN_IN_WINDOW_MINUTES));
  if (recent >= SIGN_IN_ATTEMPTS_PER_WINDOW) {
    throw new AppError(
      429,
      "too_many_attempts",
      `Too many sign-in attempts from your network. Wait ${SIGN_IN_WINDOW_MINUTES} minutes and try again.`,
    );
  }
  const attemptId = await repo.insertAttempt(ctx.db, addressKey, now);

  // Lock-out is kept per email address typed, account or not, and every address takes the same
  // path (an unknown one is checked against a dummy hash): status, message, timing and the
  // number of attempts before a lock are the same, so they do not reveal which emails have accounts.
  const emailKey = lockoutKey(ctx.deps.secret, input.email);
  const lock = await repo.findLockout(ctx.db, emailKey);
  if (lock?.lockedUntil && lock.lockedUntil > now) throw lockedError(lock.lockedUntil, now);

  const user = await repo.findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await timingDummy()), input.password);
  if (!user?.passwordHash || !ok) {
    const failures = await repo.addFailedSignIn(ctx.db, emailKey, now);
    if (failures >= MAX_FAILED_SIGN_INS) {
      const until = addMinutes(now, LOCKOUT_MINUTES);
      await repo.lockEmail(ctx.db, emailKey, until, now);
      if (user) {
        await recordAudit(ctx, {
          orgId: null,
          action: "lock",
          entityType: "user",
          entityId: user.id,
          before: { lockedUntil: null },
          after: { lockedUntil: until },
        });
        ctx.log.warn("account locked after repeated wrong passwords", { userId: user.id });
      }
      throw lockedError(until, now);
    }
    throw new AppError(401, "wrong_credentials", WRONG);
  }
  await repo.clearLockout(ctx.db, emailKey);
  await repo.deleteAttempt(ctx.db, attemptId);
  const actorCtx = { ...ctx, actor: { ...ctx.actor, userId: user.id } };
  const { token, csrfToken } = await startSession(actorCtx, user.id);
  await recordAudit(actorCtx, { orgId: null, action: "sign_in", entityType: "session", entityId: user.id });
  return { token, csrfToken, userId: user.id };
}

/**
 * Forgets throttle records and lock-out counts a day old (every window is an hour or less), so
 * the tables do not grow with every address and email ever typed. Counts of wrong passwords
 * older than a day are forgotten alike for addresses with and without accounts.
 */
export async function discardOldSignInRecords(deps: Deps) {
  const now = deps.now();
  return repo.deleteOldSignInRecords(deps.db, addDays(now, -1), now);
}

export async function signOut(ctx: Ctx, tokenHash: string) {
  await repo.deleteSession(ctx.db, tokenHash);
  await recordAudit(ctx, { orgId: null, action: "sign_out", entityType: "session", entityId: ctx.actor.userId });
}

/**
 * Always answers the same way, so it does not reveal which emails have accounts. Requests are
 * throttled per address (a 429, which says nothing about any account) and reset emails per
 * account (silently: the answer stays the same, only the email is not sent). A new link ends
 * every earlier one, so only the latest email works.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email: string; clientAddress?: string }) {
  const now = ctx.deps.now();
  const since = addMinutes(now, -RESET_WINDOW_MINUTES);
  // No address: the hub command, run by an operator on the server, is not throttled by address.
  if (input.clientAddress !== undefined) {
    const addressKey = sha256(`reset:${input.clientAddress}`);
    if ((await repo.countAttemptsSince(ctx.db, addressKey, since)) >= RESET_REQUESTS_PER_ADDRESS) {
      throw new AppError(
        429,
        "too_many_attempts",
        `Too many password reset requests from your network. Wait ${RESET_WINDOW_MINUTES} minutes and try again.`,
      );
    }
    await repo.insertAttempt(ctx.db, addressKey, now);
  }
  const user = await repo.findUserByEmail(ctx.db, input.email);
  if (!user) return;
  const accountKey = sha256(`reset-account:${user.id}`);
  if ((await repo.countAttemptsSince(ctx.db, accountKey, since)) >= RESET_EMAILS_PER_ACCOUNT) {
    ctx.log.info("password reset email not sent: the account has had the most allowed this hour", { userId: user.id });
    return;
  }
  await inTransaction(ctx, async (tx) => {
    await repo.insertAttempt(tx.db, accountKey, now);
    await repo.endLiveResets(tx.db, user.id, now);
    const token = newToken();
    await repo.insertReset(tx.db, {
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: addHours(now, RESET_LINK_HOURS),
    });
    await queueEmail(tx, {
      to: user.email,
      template: "password-reset",
      subject: "Reset your Care Workforce Hub password",
      body: [
        "Someone asked to reset the password for your Care Workforce Hub account.",
        "",
        `Open this link within ${RESET_LINK_HOURS} hours to choose a new password:`,
        `${ctx.deps.env.PUBLIC_URL}/reset-password?token=${token}`,
        "",
        "If it was not you, ignore this email: your password has not changed. Any earlier reset link no longer works.",
      ].join("\n"),
    });
  });
}

export async function resetPassword(ctx: Ctx, input: { token: string; password: string }) {
  return inTransaction(ctx, async (tx) => {
    const now = tx.deps.now();
    const reset = await repo.findLiveReset(tx.db, sha256(input.token), now);
    const invalid = () =>
      badRequest(
        "link_invalid",
        "This password reset link has expired, has already been used or a newer one was sent. Ask for a new one.",
      );
    if (!reset) throw invalid();
    // Using a link ends every other link of the account; a link another request ended meanwhile is refused.
    if (!(await repo.endLiveResets(tx.db, reset.userId, now)).includes(reset.id)) throw invalid();
    const [user] = await repo.updateUser(tx.db, reset.userId, { passwordHash: await hashPassword(input.password) });
    // A new password ends a lock-out: the person has shown they hold the email.
    await repo.clearLockout(tx.db, lockoutKey(tx.deps.secret, user.email));
    // Sessions started with the old password end: whoever had it no longer has access.
    await repo.deleteUserSessions(tx.db, reset.userId);
    await recordAudit(
      { ...tx, actor: { ...tx.actor, userId: reset.userId } },
      {
        orgId: null,
        action: "password_reset",
        entityType: "user",
        entityId: reset.userId,
        before: { passwordHash: "set" },
        after: { passwordHash: "changed" },
      },
    );
    return { userId: reset.userId };
  });
}

async function liveInvitation(ctx: Ctx, token: string) {
  const row = await repo.findInvitationByToken(ctx.db, sha256(token));
  if (!row || row.invitation.revokedAt)
    throw badRequest(
      "link_invalid",
      "This invitation link is not valid. Ask the person who invited you to send a new one.",
    );
  if (row.invitation.acceptedAt)
    throw badRequest("link_used", "This invitation has already been accepted. Sign in to continue.");
  if (row.invitation.expiresAt <= ctx.deps.now())
    throw badRequest(
      "link_expired",
      `This invitation has expired (they last ${INVITATION_DAYS} days). Ask for a new one.`,
    );
  return row;
}

export async function describeInvitation(ctx: Ctx, token: string) {
  const { invitation, org } = await liveInvitation(ctx, token);
  const existing = await repo.findUserByEmail(ctx.db, invitation.email);
  return { email: invitation.email, role: invitation.role as Role, org, hasAccount: Boolean(existing?.passwordHash) };
}

/**
 * Accepting an invitation joins its organisation. A new person sets a name and password and is
 * signed in; someone with an account is added and signs in as usual.
 */
export async function acceptInvitation(ctx: Ctx, input: { token: string; name?: string; password?: string }) {
  return inTransaction(ctx, async (tx) => {
    const { invitation, org } = await liveInvitation(tx, input.token);
    let user = await repo.findUserByEmail(tx.db, invitation.email);
    let setPassword = false;
    if (!user?.passwordHash) {
      setPassword = true;
      if (!input.name || !input.password) {
        throw badRequest("validation", "Enter your name and choose a password to create your account.", [
          ...(!input.name ? [{ path: "name", message: "Enter your name" }] : []),
          ...(!input.password ? [{ path: "password", message: "Choose a password" }] : []),
        ]);
      }
      const passwordHash = await hashPassword(input.password);
      if (user) [user] = await repo.updateUser(tx.db, user.id, { name: input.name, passwordHash });
      else user = await repo.insertUser(tx.db, { email: invitation.email, name: input.name, passwordHash });
    }
    const actorCtx = { ...tx, actor: { ...tx.actor, userId: user.id } };
    if (!(await findMembershipOf(tx.db, user.id, org.id))) {
      const membership = await insertMembership(tx.db, { userId: user.id, orgId: org.id, role: invitation.role });
      await recordAudit(actorCtx, {
        orgId: org.id,
        action: "create",
        entityType: "membership",
        entityId: membership.id,
        after: { userId: user.id, role: membership.role },
      });
    }
    const [accepted] = await repo.markInvitationAccepted(tx.db, invitation.id, tx.deps.now());
    await recordAudit(actorCtx, {
      orgId: org.id,
      action: "update",
      entityType: "invitation",
      entityId: invitation.id,
      before: { acceptedAt: null },
      after: { acceptedAt: accepted.acceptedAt },
    });
    // Only someone who has just set their password here is signed in by the link.
    const token = setPassword ? (await startSession(actorCtx, user.id)).token : null;
    return { orgId: org.id, token };
  });
}

export async function currentUser(ctx: Ctx, userId: string) {
  const user = await repo.findUserById(ctx.db, userId);
  const memberships = await repo.findMembershipsOfUser(ctx.db, userId);
  return { user, memberships };
}
