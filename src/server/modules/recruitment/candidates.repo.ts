import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  applicationEvents,
  applications,
  campaigns,
  candidateConsents,
  candidateProfiles,
  checkShareConsents,
  emailVerifications,
  interviewSlots,
  jobAdverts,
  memberships,
  organisations,
  outbox,
  passwordResets,
  poolChosenEmployers,
  poolInvitations,
  sessions,
  users,
  valuesQuestions,
} from "../../db/schema";
import { openAdvert } from "./adverts.repo";

// Every query the candidate part makes: a candidate's own rows are always asked for by their
// user id and council; an employer's view of the pool by its consent (see searchPool).

export type ProfileRow = typeof candidateProfiles.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;

// Account.

export const insertProfile = (db: Exec, values: typeof candidateProfiles.$inferInsert) =>
  db.insert(candidateProfiles).values(values);

/** An empty profile for a candidate who has none yet; nothing when they have one. */
export const ensureProfile = (db: Exec, userId: string, councilId: string) =>
  db.insert(candidateProfiles).values({ userId, councilId }).onConflictDoNothing();

export const findProfile = async (db: Exec, userId: string, councilId: string) =>
  (
    await db
      .select({ profile: candidateProfiles, user: users })
      .from(candidateProfiles)
      .innerJoin(users, eq(users.id, candidateProfiles.userId))
      .where(and(eq(candidateProfiles.userId, userId), eq(candidateProfiles.councilId, councilId)))
  )[0];

/** The council where a user is a candidate (the first, if ever more than one). */
export const findProfileOfUser = async (db: Exec, userId: string) =>
  (await db.select().from(candidateProfiles).where(eq(candidateProfiles.userId, userId)).limit(1))[0];

export const updateProfile = async (db: Exec, userId: string, values: Partial<typeof candidateProfiles.$inferInsert>) =>
  (
    await db
      .update(candidateProfiles)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(candidateProfiles.userId, userId))
      .returning()
  )[0];

export const insertVerification = (db: Exec, values: typeof emailVerifications.$inferInsert) =>
  db.insert(emailVerifications).values(values);

/** Ends a live link and returns its user: null when unknown, used or expired (one use only, even when raced). */
export const useVerification = async (db: Exec, tokenHash: string, now: Date) =>
  (
    await db
      .update(emailVerifications)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailVerifications.tokenHash, tokenHash),
          isNull(emailVerifications.usedAt),
          gt(emailVerifications.expiresAt, now),
        ),
      )
      .returning({ userId: emailVerifications.userId })
  )[0] ?? null;

/** Ends a user's links not yet used (a newer sign-up's link is the only one that works). */
export const endLiveVerifications = (db: Exec, userId: string, now: Date) =>
  db
    .update(emailVerifications)
    .set({ usedAt: now })
    .where(and(eq(emailVerifications.userId, userId), isNull(emailVerifications.usedAt)));

/** Whether a user belongs anywhere in a role other than candidate (a work account: never changed by a sign-up). */
export const hasNonCandidateMembership = async (db: Exec, userId: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), ne(memberships.role, "candidate")))
  )[0].n > 0;

export const countVerificationsSince = async (db: Exec, userId: string, since: Date) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(emailVerifications)
      .where(and(eq(emailVerifications.userId, userId), gt(emailVerifications.createdAt, since)))
  )[0].n;

export const markEmailVerified = (db: Exec, userId: string, at: Date) =>
  db
    .update(users)
    .set({ emailVerifiedAt: at })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));

export const findMembershipRole = async (db: Exec, userId: string, orgId: string) =>
  (
    await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)))
  )[0]?.role ?? null;

// Adverts and questions (read only: the employer part owns adverts).

const advertColumns = {
  advert: jobAdverts,
  employer: organisations.name,
};

/** Adverts open on a council's board today: published and the closing date not passed. */
const openOn = (councilId: string, today: string): SQL =>
  and(eq(jobAdverts.councilId, councilId), openAdvert(today)) as SQL;

export const listOpenAdverts = (db: Exec, councilId: string, today: string) =>
  db
    .select(advertColumns)
    .from(jobAdverts)
    .innerJoin(organisations, eq(organisations.id, jobAdverts.orgId))
    .where(openOn(councilId, today))
    .orderBy(asc(jobAdverts.title), asc(organisations.name))
    .limit(500);

/** The adverts among `ids` on a council's board, open or not (the caller says which are closed). */
export const findAdverts = (db: Exec, councilId: string, ids: string[]) =>
  db
    .select(advertColumns)
    .from(jobAdverts)
    .innerJoin(organisations, eq(organisations.id, jobAdverts.orgId))
    .where(and(eq(jobAdverts.councilId, councilId), inArray(jobAdverts.id, ids)));

export const findAdvertAnywhere = async (db: Exec, id: string) =>
  (
    await db
      .select(advertColumns)
      .from(jobAdverts)
      .innerJoin(organisations, eq(organisations.id, jobAdverts.orgId))
      .where(eq(jobAdverts.id, id))
  )[0];

/** The values questions live for these adverts: the hub's, each employer's own, and each advert's own. */
export const listQuestions = (db: Exec, councilId: string, employerIds: string[], advertIds: string[]) =>
  db
    .select({ question: valuesQuestions, employer: organisations.name })
    .from(valuesQuestions)
    .leftJoin(organisations, eq(organisations.id, valuesQuestions.orgId))
    .where(
      and(
        eq(valuesQuestions.councilId, councilId),
        isNull(valuesQuestions.retiredAt),
        or(
          and(isNull(valuesQuestions.orgId), isNull(valuesQuestions.advertId)),
          and(
            inArray(valuesQuestions.orgId, employerIds),
            or(isNull(valuesQuestions.advertId), inArray(valuesQuestions.advertId, advertIds)),
          ),
        ),
      ),
    )
    .orderBy(sql`${valuesQuestions.orgId} nulls first`, asc(valuesQuestions.position), asc(valuesQuestions.createdAt));

export const findCampaignByCode = async (db: Exec, councilId: string, code: string) =>
  (
    await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.councilId, councilId), sql`lower(${campaigns.code}) = ${code.toLowerCase()}`))
  )[0];

// Applications.

export const findAppliedAdverts = (db: Exec, userId: string, advertIds: string[]) =>
  db
    .select({ advertId: applications.advertId })
    .from(applications)
    .where(and(eq(applications.candidateUserId, userId), inArray(applications.advertId, advertIds)));

export const findInvitedAdverts = async (db: Exec, userId: string, advertIds: string[]) =>
  (
    await db
      .select({ advertId: poolInvitations.advertId })
      .from(poolInvitations)
      .where(and(eq(poolInvitations.candidateUserId, userId), inArray(poolInvitations.advertId, advertIds)))
  ).map((r) => r.advertId);

export const insertApplications = (db: Exec, values: (typeof applications.$inferInsert)[]) =>
  db.insert(applications).values(values).returning();

export const insertEvents = (db: Exec, values: (typeof applicationEvents.$inferInsert)[]) =>
  values.length ? db.insert(applicationEvents).values(values) : Promise.resolve();

const slotColumns = {
  id: interviewSlots.id,
  startsAt: interviewSlots.startsAt,
  endsAt: interviewSlots.endsAt,
  place: interviewSlots.place,
};

/** Applications with their advert's title, the employer and the booked interview, under `where`. */
const applicationsWithSlot = (db: Exec, where: SQL | undefined) =>
  db
    .select({
      application: applications,
      title: jobAdverts.title,
      employer: organisations.name,
      slot: slotColumns,
    })
    .from(applications)
    .innerJoin(jobAdverts, eq(jobAdverts.id, applications.advertId))
    .innerJoin(organisations, eq(organisations.id, applications.orgId))
    .leftJoin(interviewSlots, eq(interviewSlots.applicationId, applications.id))
    .where(where);

/** A candidate's applications on a council's board, newest first, with the booked interview. */
export const listCandidateApplications = (db: Exec, userId: string, councilId: string) =>
  applicationsWithSlot(db, and(eq(applications.candidateUserId, userId), eq(applications.councilId, councilId)))
    .orderBy(desc(applications.submittedAt))
    .limit(500);

/** One application, only if it is this candidate's on this council's board. */
export const findCandidateApplication = async (db: Exec, userId: string, councilId: string, id: string) =>
  (
    await applicationsWithSlot(
      db,
      and(eq(applications.id, id), eq(applications.candidateUserId, userId), eq(applications.councilId, councilId)),
    )
  )[0];

/** Moves an application on only from the stage the caller read (a concurrent move makes it return nothing). */
export const moveApplication = async (db: Exec, id: string, from: string, to: string, at: Date) =>
  (
    await db
      .update(applications)
      .set({ stage: to, stageChangedAt: at })
      .where(and(eq(applications.id, id), eq(applications.stage, from)))
      .returning()
  )[0] ?? null;

export const listUserApplications = (db: Exec, userId: string) =>
  db.select().from(applications).where(eq(applications.candidateUserId, userId));

/**
 * The employer keeps the snapshot until retainUntil; the application no longer belongs to the
 * account (as when the user row goes), so a person who keeps a work account and joins the board
 * again does not find it, nor does anything keyed by the candidate reach it.
 */
export const markApplicationDeleted = (db: Exec, id: string, at: Date, retainUntil: string) =>
  db
    .update(applications)
    .set({ candidateDeletedAt: at, retainUntil, candidateUserId: null })
    .where(eq(applications.id, id));

/**
 * Erases the personal details of applications whose candidate deleted their account once their
 * retention has run out: the stage history stays for the funnel, nothing that names the person.
 */
export const eraseExpiredApplications = async (db: Exec, today: string) =>
  (
    await db
      .update(applications)
      .set({ name: "Deleted candidate", email: "", phone: "", profile: {}, answers: [] })
      .where(
        and(
          isNotNull(applications.candidateDeletedAt),
          isNotNull(applications.retainUntil),
          lt(applications.retainUntil, today),
          ne(applications.email, ""),
        ),
      )
      .returning({ id: applications.id })
  ).length;

// Interview slots (the employer part creates them; a candidate books one per application).

export const listFreeSlots = (db: Exec, advertId: string, after: Date) =>
  db
    .select(slotColumns)
    .from(interviewSlots)
    .where(
      and(
        eq(interviewSlots.advertId, advertId),
        isNull(interviewSlots.applicationId),
        gt(interviewSlots.startsAt, after),
      ),
    )
    .orderBy(asc(interviewSlots.startsAt))
    .limit(200);

/** Takes a slot only if it is still free, of the advert and in the future: null when someone else got it first. */
export const takeSlot = async (db: Exec, slotId: string, advertId: string, applicationId: string, now: Date) =>
  (
    await db
      .update(interviewSlots)
      .set({ applicationId, bookedAt: now })
      .where(
        and(
          eq(interviewSlots.id, slotId),
          eq(interviewSlots.advertId, advertId),
          isNull(interviewSlots.applicationId),
          gt(interviewSlots.startsAt, now),
        ),
      )
      .returning()
  )[0] ?? null;

export const releaseSlotOf = async (db: Exec, applicationId: string) =>
  (
    await db
      .update(interviewSlots)
      .set({ applicationId: null, bookedAt: null })
      .where(eq(interviewSlots.applicationId, applicationId))
      .returning()
  )[0] ?? null;

// The talent pool.

export const replaceChosenEmployers = async (db: Exec, userId: string, orgIds: string[]) => {
  await db.delete(poolChosenEmployers).where(eq(poolChosenEmployers.candidateUserId, userId));
  if (orgIds.length)
    await db.insert(poolChosenEmployers).values(orgIds.map((orgId) => ({ candidateUserId: userId, orgId })));
};

export const listChosenEmployers = async (db: Exec, userId: string) =>
  (
    await db
      .select({ orgId: poolChosenEmployers.orgId })
      .from(poolChosenEmployers)
      .where(eq(poolChosenEmployers.candidateUserId, userId))
  ).map((r) => r.orgId);

export const insertConsent = (db: Exec, values: typeof candidateConsents.$inferInsert) =>
  db.insert(candidateConsents).values(values);

export const listConsents = (db: Exec, userId: string) =>
  db
    .select()
    .from(candidateConsents)
    .where(eq(candidateConsents.candidateUserId, userId))
    .orderBy(desc(candidateConsents.recordedAt))
    .limit(50);

export const listOrgNames = (db: Exec, ids: string[]) =>
  ids.length
    ? db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, ids))
        .orderBy(asc(organisations.name))
    : Promise.resolve([]);

/**
 * The pool as one employer may see it: candidates of the councils whose board it recruits on,
 * with a verified email, who chose "all local employers" or named this employer. Consent is read
 * at the moment of the search, so a withdrawal counts at once.
 */
export function searchPool(
  db: Exec,
  employerId: string,
  councilIds: string[],
  filter: { role?: string; area?: string; candidateId?: string },
) {
  if (!councilIds.length) return Promise.resolve([]);
  const where: (SQL | undefined)[] = [
    inArray(candidateProfiles.councilId, councilIds),
    isNotNull(users.emailVerifiedAt),
    or(
      eq(candidateProfiles.poolVisibility, "all"),
      and(
        eq(candidateProfiles.poolVisibility, "chosen"),
        sql`exists (select 1 from ${poolChosenEmployers} where ${poolChosenEmployers.candidateUserId} = ${candidateProfiles.userId} and ${poolChosenEmployers.orgId} = ${employerId})`,
      ),
    ),
  ];
  if (filter.role) where.push(sql`${filter.role} = any(${candidateProfiles.preferredRoles})`);
  if (filter.area)
    where.push(
      or(sql`${filter.area} = any(${candidateProfiles.preferredAreas})`, eq(candidateProfiles.outward, filter.area)),
    );
  if (filter.candidateId) where.push(eq(candidateProfiles.userId, filter.candidateId));
  return db
    .select({ profile: candidateProfiles, name: users.name })
    .from(candidateProfiles)
    .innerJoin(users, eq(users.id, candidateProfiles.userId))
    .where(and(...where))
    .orderBy(desc(candidateProfiles.updatedAt))
    .limit(200);
}

export const findOwnAdvert = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(jobAdverts)
      .where(and(eq(jobAdverts.id, id), eq(jobAdverts.orgId, orgId)))
  )[0];

export const listOwnOpenAdverts = (db: Exec, orgId: string, today: string) =>
  db
    .select({ id: jobAdverts.id, title: jobAdverts.title })
    .from(jobAdverts)
    .where(and(eq(jobAdverts.orgId, orgId), openAdvert(today)))
    .orderBy(asc(jobAdverts.title))
    .limit(500);

export const insertPoolInvitation = async (db: Exec, values: typeof poolInvitations.$inferInsert) =>
  (await db.insert(poolInvitations).values(values).returning())[0];

export const listCandidateInvitations = (db: Exec, userId: string) =>
  db
    .select({
      invitation: poolInvitations,
      employer: organisations.name,
      advert: {
        id: jobAdverts.id,
        title: jobAdverts.title,
        closingDate: jobAdverts.closingDate,
        status: jobAdverts.status,
      },
      applied: sql<boolean>`exists (select 1 from ${applications} where ${applications.advertId} = ${poolInvitations.advertId} and ${applications.candidateUserId} = ${userId})`,
    })
    .from(poolInvitations)
    .innerJoin(jobAdverts, eq(jobAdverts.id, poolInvitations.advertId))
    .innerJoin(organisations, eq(organisations.id, poolInvitations.orgId))
    .where(eq(poolInvitations.candidateUserId, userId))
    .orderBy(desc(poolInvitations.createdAt))
    .limit(200);

// Deleting the account: everything that names the person and is not the employers' record.

/** Removes the candidate's profile, pool choices and membership at the council; consents stay, unlinked. */
export async function deleteCandidateData(db: Exec, userId: string, councilId: string, at: Date) {
  await db.delete(poolChosenEmployers).where(eq(poolChosenEmployers.candidateUserId, userId));
  // Consents to share one employer's checks with another end with the account (the user row may
  // stay for a work account, so the foreign key's cascade cannot be relied on).
  await db
    .update(checkShareConsents)
    .set({ withdrawnAt: at })
    .where(and(eq(checkShareConsents.candidateUserId, userId), isNull(checkShareConsents.withdrawnAt)));
  await db
    .update(candidateConsents)
    .set({ candidateUserId: null })
    .where(eq(candidateConsents.candidateUserId, userId));
  await db.delete(candidateProfiles).where(eq(candidateProfiles.userId, userId));
  await db.delete(poolInvitations).where(eq(poolInvitations.candidateUserId, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, councilId), eq(memberships.role, "candidate")));
}

export const countMemberships = async (db: Exec, userId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(memberships).where(eq(memberships.userId, userId)))[0].n;

/** The user row itself (applications keep their snapshot: candidate_user_id becomes null by the foreign key). */
export async function deleteUser(db: Exec, userId: string) {
  await db.delete(passwordResets).where(eq(passwordResets.userId, userId));
  await db.delete(users).where(eq(users.id, userId));
}

/**
 * Emails of these templates queued to an address (any case) in the last `hours`: a bound on what
 * one inbox gets. Measured by the database's clock, which stamps the outbox's created_at.
 */
export const countRecentEmailsTo = async (db: Exec, address: string, templates: string[], hours: number) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(
        and(
          sql`lower(${outbox.toAddress}) = lower(${address})`,
          inArray(outbox.template, templates),
          sql`${outbox.createdAt} > now() - make_interval(hours => ${hours})`,
        ),
      )
  )[0].n;

/** A guest's application to an advert from the same email address (any case). */
export const findGuestApplication = async (db: Exec, advertId: string, email: string) =>
  (
    await db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.advertId, advertId),
          isNull(applications.candidateUserId),
          sql`lower(${applications.email}) = ${email.toLowerCase()}`,
        ),
      )
      .limit(1)
  )[0];

export const findUserEmail = async (db: Exec, userId: string) =>
  (await db.select({ email: users.email }).from(users).where(eq(users.id, userId)))[0]?.email ?? null;
