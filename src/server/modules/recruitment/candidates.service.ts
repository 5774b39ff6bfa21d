import type { Framework } from "../../../shared/career/framework";
import { normalisePostcode, outwardCode } from "../../../shared/postcode";
import type { PoolVisibility } from "../../../shared/recruitment";
import type { CandidateSignUpInput } from "../../../shared/schemas/candidate";
import { type Ctx, inTransaction, type OrgCtx } from "../../context";
import { hashPassword, newToken, sha256 } from "../../lib/crypto";
import { AppError, badRequest, notFound } from "../../lib/errors";
import { addHours, addMinutes, isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import * as authRepo from "../auth/auth.repo";
import { startSession } from "../auth/auth.service";
import { frameworkInForce } from "../frameworks/frameworks.service";
import { oneLine, queueEmail } from "../mail/mail.service";
import { providersOf } from "../orgs/commissioning";
import { findOrgBySlug, insertMembership } from "../orgs/orgs.repo";
import { isOpenAdvert } from "./advert-rules";
import * as repo from "./candidates.repo";

// A candidate's account at one council's job board (issue 17 item 3): sign-up with a verified
// email, one profile, the talent pool they consent to (item 4) and deleting the account.

export const VERIFY_LINK_HOURS = 48;
const SIGN_UPS_PER_ADDRESS_PER_HOUR = 10;
const VERIFY_EMAILS_PER_ACCOUNT_PER_HOUR = 3;

const SIGN_UP_ANSWER =
  "Check your email: we have sent you a link to confirm your address. It lasts 48 hours. If you do not get it, check your spam folder or ask for another.";

async function throttle(ctx: Ctx, what: string, clientAddress: string, perHour: number, message: string) {
  const key = sha256(`${what}:${clientAddress}`);
  const now = ctx.deps.now();
  if ((await authRepo.countAttemptsSince(ctx.db, key, addMinutes(now, -60))) >= perHour)
    throw new AppError(429, "too_many_attempts", message);
  await authRepo.insertAttempt(ctx.db, key, now);
}

const linksLeftThisHour = async (ctx: Ctx, userId: string) =>
  (await repo.countVerificationsSince(ctx.db, userId, addHours(ctx.deps.now(), -1))) <
  VERIFY_EMAILS_PER_ACCOUNT_PER_HOUR;

async function sendVerification(ctx: Ctx, user: { id: string; email: string }, council: { name: string }) {
  const now = ctx.deps.now();
  // A person asking again and again gets a few links an hour; the answer stays the same.
  if (!(await linksLeftThisHour(ctx, user.id))) {
    ctx.log.info("verification email not sent: the account has had the most allowed this hour", { userId: user.id });
    return;
  }
  const token = newToken();
  await repo.insertVerification(ctx.db, {
    tokenHash: sha256(token),
    userId: user.id,
    expiresAt: addHours(now, VERIFY_LINK_HOURS),
  });
  await queueEmail(ctx, {
    to: user.email,
    template: "candidate-verify",
    subject: "Confirm your email address to apply for care jobs",
    body: [
      `You created an account to apply for care jobs on ${oneLine(council.name)}'s job board.`,
      "",
      `Open this link within ${VERIFY_LINK_HOURS} hours to confirm your email address:`,
      `${ctx.deps.env.PUBLIC_URL}/jobs/account/verify?token=${token}`,
      "",
      "If it was not you, ignore this email and no account will be used.",
    ].join("\n"),
  });
}

/**
 * Creates a candidate account (a user, the candidate membership at the council, an empty profile)
 * and emails a link to confirm the address. Answers the same whether or not the email already
 * has an account: an existing one gets an email saying so instead (or, if it is a candidate here
 * who never confirmed, a new link).
 */
export async function signUpCandidate(ctx: Ctx, input: CandidateSignUpInput & { clientAddress: string }) {
  await throttle(
    ctx,
    "candidate-sign-up",
    input.clientAddress,
    SIGN_UPS_PER_ADDRESS_PER_HOUR,
    "Too many accounts have been created from your network. Wait an hour and try again.",
  );
  const council = await findOrgBySlug(ctx.db, input.council);
  if (council?.kind !== "council")
    throw badRequest("validation", "We could not find that council's job board. Start again from the job board.", [
      { path: "council", message: "Choose the council's job board" },
    ]);
  await inTransaction(ctx, async (tx) => {
    const existing = await authRepo.findUserByEmail(tx.db, input.email);
    if (existing) {
      const role = await repo.findMembershipRole(tx.db, existing.id, council.id);
      if (role === "candidate" && !existing.emailVerifiedAt) {
        // Not confirmed yet: a new link (only the newest works). Nothing else changes: the
        // password is chosen on the link's page, so whoever typed the address holds no way in.
        const workAccount = existing.isHubAdmin || (await repo.hasNonCandidateMembership(tx.db, existing.id));
        if (!workAccount && (await linksLeftThisHour(tx, existing.id))) {
          await repo.endLiveVerifications(tx.db, existing.id, tx.deps.now());
          await authRepo.updateUser(tx.db, existing.id, { name: input.name });
        }
        return sendVerification(tx, existing, council);
      }
      await queueEmail(tx, {
        to: existing.email,
        template: "candidate-exists",
        subject: "You already have an account",
        body: [
          `Someone, probably you, tried to create an account on ${oneLine(council.name)}'s job board with this email address.`,
          "",
          "You already have an account. Sign in, open the job you want and choose Apply: you can use the same account on this job board.",
          `${tx.deps.env.PUBLIC_URL}/sign-in`,
          "",
          'If you have forgotten your password, choose "Forgotten your password?" on that page.',
          "If it was not you, you can ignore this email.",
        ].join("\n"),
      });
      return;
    }
    // No password yet: it is chosen on the page the emailed link opens, so an account made by
    // someone typing another person's address can never be signed in to by them.
    const user = await authRepo.insertUser(tx.db, { email: input.email, name: input.name, passwordHash: null });
    const actorCtx = { ...tx, actor: { ...tx.actor, userId: user.id } };
    const membership = await insertMembership(tx.db, { userId: user.id, orgId: council.id, role: "candidate" });
    await repo.insertProfile(tx.db, { userId: user.id, councilId: council.id });
    await recordAudit(actorCtx, {
      orgId: council.id,
      action: "create",
      entityType: "candidate",
      entityId: user.id,
      after: { membershipId: membership.id, role: "candidate" },
    });
    await sendVerification(tx, user, council);
  });
  return SIGN_UP_ANSWER;
}

/**
 * A signed-in person with an account already (a care worker looking for a new job, or a
 * candidate on another council's board) starts using it on this council's board: the candidate
 * membership and an empty profile; a link to confirm the email if it never was.
 */
export async function joinAsCandidate(ctx: Ctx, councilSlug: string) {
  const userId = ctx.actor.userId;
  const council = await findOrgBySlug(ctx.db, councilSlug);
  if (!userId || !council || council.kind !== "council")
    throw badRequest("validation", "We could not find that council's job board.", [
      { path: "council", message: "Choose the council's job board" },
    ]);
  const role = await repo.findMembershipRole(ctx.db, userId, council.id);
  const user = await authRepo.findUserById(ctx.db, userId);
  if (role === "candidate") return { orgId: council.id, emailVerified: Boolean(user.emailVerifiedAt) };
  if (role)
    throw new AppError(
      409,
      "already_member",
      `You already belong to ${council.name} with another role, so you cannot apply on its job board with this account. Create a candidate account with a personal email address instead.`,
    );
  await inTransaction(ctx, async (tx) => {
    const membership = await insertMembership(tx.db, { userId, orgId: council.id, role: "candidate" });
    await repo.insertProfile(tx.db, { userId, councilId: council.id });
    await recordAudit(tx, {
      orgId: council.id,
      action: "create",
      entityType: "candidate",
      entityId: userId,
      after: { membershipId: membership.id, role: "candidate" },
    });
    if (!user.emailVerifiedAt) await sendVerification(tx, user, council);
  });
  return { orgId: council.id, emailVerified: Boolean(user.emailVerifiedAt) };
}

/**
 * Confirms the email address with the emailed link, sets the password on an account that has
 * none yet (one made by signing up), and signs the person in. Without the password such an account
 * needs, nothing changes and the link still works (the page asks for it).
 */
export async function verifyCandidateEmail(ctx: Ctx, token: string, password?: string) {
  return inTransaction(ctx, async (tx) => {
    const now = tx.deps.now();
    const used = await repo.useVerification(tx.db, sha256(token), now);
    if (!used)
      throw badRequest(
        "link_invalid",
        "This link has expired or has already been used. Sign in, or create your account again to get a new link.",
      );
    const profile = await repo.findProfileOfUser(tx.db, used.userId);
    if (!profile) throw badRequest("link_invalid", "This account no longer exists.");
    const user = await authRepo.findUserById(tx.db, used.userId);
    if (!user.passwordHash) {
      // Thrown inside the transaction: the link is not used up, and the page asks again.
      if (!password)
        throw badRequest("password_needed", "Create a password for your account.", [
          { path: "password", message: "Create a password" },
        ]);
      await authRepo.updateUser(tx.db, user.id, { passwordHash: await hashPassword(password) });
    }
    await repo.markEmailVerified(tx.db, used.userId, now);
    // Whoever held a session before the owner proved the address (someone who signed up with it)
    // is signed out: only the person who opened the link is signed in.
    await authRepo.deleteUserSessions(tx.db, used.userId);
    const actorCtx = { ...tx, actor: { ...tx.actor, userId: used.userId } };
    await recordAudit(actorCtx, {
      orgId: profile.councilId,
      action: "verify_email",
      entityType: "candidate",
      entityId: used.userId,
    });
    const session = await startSession(actorCtx, used.userId);
    return { token: session.token, orgId: profile.councilId };
  });
}

/** The signed-in candidate's profile at this council, or 404 (not a candidate here). */
export async function candidateOf(ctx: OrgCtx) {
  const userId = ctx.actor.userId;
  let row = userId ? await repo.findProfile(ctx.db, userId, ctx.org.id) : undefined;
  // A candidate who came by an invitation to the role, not by signing up on the board, has no
  // profile yet: an empty one, as signing up makes, rather than a dead end on every page.
  if (!row && userId && ctx.role === "candidate") {
    await repo.ensureProfile(ctx.db, userId, ctx.org.id);
    row = await repo.findProfile(ctx.db, userId, ctx.org.id);
  }
  if (!row) throw notFound("candidate account");
  return row;
}

const optionsOf = (f: Framework) => ({
  qualifications: f.catalogue.map((i) => ({ key: i.key, title: i.title })),
  roles: f.roles.map((r) => ({ key: r.key, title: r.title })),
});

/** The council's published framework (or the one the hub ships): the profile's lists choose from it. */
export async function profileOptions(ctx: Ctx, councilId: string) {
  return optionsOf((await frameworkInForce(ctx, councilId)).framework);
}

export async function getProfile(ctx: OrgCtx) {
  const row = await candidateOf(ctx);
  return { ...row, options: await profileOptions(ctx, ctx.org.id) };
}

export async function saveProfile(
  ctx: OrgCtx,
  input: {
    phone: string;
    postcode: string;
    experience: string;
    qualifications: string[];
    rightToWork: "yes" | "needs_sponsorship" | "not_sure";
    drivingLicence: boolean;
    availability: string;
    preferredRoles: string[];
    preferredAreas: string[];
  },
) {
  const { profile } = await candidateOf(ctx);
  const options = await profileOptions(ctx, ctx.org.id);
  const issues = [
    ...unknownKeys(input.qualifications, options.qualifications, "qualifications", "qualification"),
    ...unknownKeys(input.preferredRoles, options.roles, "preferredRoles", "role"),
  ];
  if (issues.length) throw badRequest("validation", issues[0].message, issues);
  // "wa71ab" is kept as "WA7 1AB"; a district typed alone ("wa7") as "WA7".
  const postcode = input.postcode ? (normalisePostcode(input.postcode) ?? outwardCode(input.postcode) ?? "") : "";
  return inTransaction(ctx, async (tx) => {
    const after = await repo.updateProfile(tx.db, profile.userId, {
      ...input,
      qualifications: [...new Set(input.qualifications)],
      preferredRoles: [...new Set(input.preferredRoles)],
      preferredAreas: [...new Set(input.preferredAreas)],
      postcode,
      outward: postcode ? outwardCode(postcode) : null,
    });
    // The audit says what changed, not what the person wrote about themselves.
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "candidate_profile",
      entityId: profile.userId,
      after: { fields: Object.keys(input) },
    });
    return after;
  });
}

function unknownKeys(keys: string[], options: { key: string }[], path: string, what: string) {
  const known = new Set(options.map((o) => o.key));
  return keys
    .map((k, i) => ({ k, i }))
    .filter(({ k }) => !known.has(k))
    .map(({ k, i }) => ({ path: `${path}.${i}`, message: `Choose a ${what} from the list ("${k}" is not one)` }));
}

// The talent pool.

/** Whom a candidate may name: the council itself and the providers it commissions today. */
async function localEmployers(ctx: OrgCtx) {
  const ids = [ctx.org.id, ...(await providersOf(ctx.db, ctx.org.id, isoDate(ctx.deps.now())))];
  return repo.listOrgNames(ctx.db, ids);
}

export async function getPoolConsent(ctx: OrgCtx) {
  const { profile, user } = await candidateOf(ctx);
  return {
    visibility: profile.poolVisibility as PoolVisibility,
    employerIds: profile.poolVisibility === "chosen" ? await repo.listChosenEmployers(ctx.db, profile.userId) : [],
    employers: await localEmployers(ctx),
    emailVerified: Boolean(user.emailVerifiedAt),
    history: (await repo.listConsents(ctx.db, profile.userId))
      .filter((c) => c.kind === "pool")
      .map((c) => ({ choice: c.choice, employers: c.orgIds.length, recordedAt: c.recordedAt })),
  };
}

/** Records the candidate's choice of who may find them; it counts from the next search. */
export async function setPoolConsent(ctx: OrgCtx, input: { visibility: PoolVisibility; employerIds: string[] }) {
  const { profile } = await candidateOf(ctx);
  const chosen = input.visibility === "chosen" ? [...new Set(input.employerIds)] : [];
  if (input.visibility === "chosen") {
    const allowed = new Set((await localEmployers(ctx)).map((e) => e.id));
    if (!chosen.length)
      throw badRequest("validation", "Choose at least one employer, or choose who can find you again.", [
        { path: "employerIds", message: "Choose at least one employer" },
      ]);
    const bad = chosen.findIndex((id) => !allowed.has(id));
    if (bad >= 0)
      throw badRequest("validation", "Choose employers from the list.", [
        { path: `employerIds.${bad}`, message: "Choose employers from the list" },
      ]);
  }
  await inTransaction(ctx, async (tx) => {
    await repo.updateProfile(tx.db, profile.userId, { poolVisibility: input.visibility });
    await repo.replaceChosenEmployers(tx.db, profile.userId, chosen);
    await repo.insertConsent(tx.db, {
      candidateUserId: profile.userId,
      councilId: tx.org.id,
      kind: "pool",
      choice: input.visibility,
      // The database's clock, so the record of consent is in the order it was given.
      orgIds: chosen,
    });
    await recordAudit(tx, {
      orgId: tx.org.id,
      action: "update",
      entityType: "candidate_pool_consent",
      entityId: profile.userId,
      before: { visibility: profile.poolVisibility },
      after: { visibility: input.visibility, employers: chosen.length },
    });
  });
  return getPoolConsent(ctx);
}

export async function listInvitations(ctx: OrgCtx) {
  const { profile } = await candidateOf(ctx);
  const today = isoDate(ctx.deps.now());
  return (await repo.listCandidateInvitations(ctx.db, profile.userId)).map((r) => ({
    id: r.invitation.id,
    employer: r.employer,
    advert: {
      id: r.advert.id,
      title: r.advert.title,
      closingDate: r.advert.closingDate,
      open: isOpenAdvert(r.advert, today),
    },
    message: r.invitation.message,
    sentAt: r.invitation.createdAt,
    applied: Boolean(r.applied),
  }));
}
