import { and, asc, desc, eq, inArray, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  applicationEvents,
  applicationNotes,
  applicationScores,
  applications,
  candidateConsents,
  checkShareConsents,
  emailTemplates,
  interviewSlots,
  jobAdverts,
  organisations,
  preEmploymentChecks,
  staffRecords,
  users,
  workplaces,
} from "../../db/schema";

// An employer's applicant tracking: every query is scoped by the employer's organisation (the
// applications to its own adverts), except the candidate's own check shares (scoped by the
// candidate's user id).

export type ApplicationRow = typeof applications.$inferSelect;
export type ChecksRow = typeof preEmploymentChecks.$inferSelect;

const userName = (id: SQLWrapper) => sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${id})`;

export function listApplications(db: Exec, orgId: string, f: { advertId?: string; stage?: string }) {
  const where: SQL[] = [eq(applications.orgId, orgId)];
  if (f.advertId) where.push(eq(applications.advertId, f.advertId));
  if (f.stage) where.push(eq(applications.stage, f.stage));
  return db
    .select({
      application: applications,
      advertTitle: jobAdverts.title,
      slotStartsAt: interviewSlots.startsAt,
      slotPlace: interviewSlots.place,
    })
    .from(applications)
    .innerJoin(jobAdverts, eq(jobAdverts.id, applications.advertId))
    .leftJoin(interviewSlots, eq(interviewSlots.applicationId, applications.id))
    .where(and(...where))
    .orderBy(desc(applications.submittedAt))
    .limit(1000);
}

export async function countByStage(db: Exec, orgId: string, advertId?: string) {
  const rows = await db
    .select({ stage: applications.stage, n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.orgId, orgId), ...(advertId ? [eq(applications.advertId, advertId)] : [])))
    .groupBy(applications.stage);
  return Object.fromEntries(rows.map((r) => [r.stage, r.n]));
}

/** One application to the organisation's adverts, with its advert (locked for update when asked). */
export async function findApplication(db: Exec, orgId: string, id: string, forUpdate = false) {
  const q = db
    .select({ application: applications, advert: jobAdverts })
    .from(applications)
    .innerJoin(jobAdverts, eq(jobAdverts.id, applications.advertId))
    .where(and(eq(applications.id, id), eq(applications.orgId, orgId)));
  return (await (forUpdate ? q.for("update", { of: applications }) : q))[0];
}

export const findApplications = (db: Exec, orgId: string, ids: string[]) =>
  db
    .select({ application: applications, advert: jobAdverts })
    .from(applications)
    .innerJoin(jobAdverts, eq(jobAdverts.id, applications.advertId))
    .where(and(inArray(applications.id, ids), eq(applications.orgId, orgId)))
    .for("update", { of: applications });

export const updateApplication = async (db: Exec, orgId: string, id: string, set: Partial<ApplicationRow>) =>
  (
    await db
      .update(applications)
      .set(set)
      .where(and(eq(applications.id, id), eq(applications.orgId, orgId)))
      .returning()
  )[0];

export const insertEvents = (db: Exec, values: (typeof applicationEvents.$inferInsert)[]) =>
  db.insert(applicationEvents).values(values);

export const listEvents = (db: Exec, orgId: string, applicationId: string) =>
  db
    .select({ event: applicationEvents, by: userName(applicationEvents.by) })
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, applicationId), eq(applicationEvents.orgId, orgId)))
    .orderBy(asc(applicationEvents.at));

export const insertNote = async (db: Exec, values: typeof applicationNotes.$inferInsert) =>
  (await db.insert(applicationNotes).values(values).returning())[0];

export const listNotes = (db: Exec, orgId: string, applicationId: string) =>
  db
    .select({ note: applicationNotes, author: userName(applicationNotes.authorId) })
    .from(applicationNotes)
    .where(and(eq(applicationNotes.applicationId, applicationId), eq(applicationNotes.orgId, orgId)))
    .orderBy(asc(applicationNotes.createdAt));

export const insertScores = (db: Exec, values: (typeof applicationScores.$inferInsert)[]) =>
  db.insert(applicationScores).values(values).returning();

export const listScores = (db: Exec, orgId: string, applicationId: string) =>
  db
    .select({ score: applicationScores, assessor: userName(applicationScores.assessorId) })
    .from(applicationScores)
    .where(and(eq(applicationScores.applicationId, applicationId), eq(applicationScores.orgId, orgId)))
    .orderBy(asc(applicationScores.value), asc(applicationScores.createdAt));

// Email templates.

export const listTemplates = (db: Exec, orgId: string) =>
  db.select().from(emailTemplates).where(eq(emailTemplates.orgId, orgId));

export const upsertTemplate = async (db: Exec, values: typeof emailTemplates.$inferInsert) =>
  (
    await db
      .insert(emailTemplates)
      .values(values)
      .onConflictDoUpdate({
        target: [emailTemplates.orgId, emailTemplates.kind],
        set: { subject: values.subject, body: values.body, updatedBy: values.updatedBy, updatedAt: sql`now()` },
      })
      .returning()
  )[0];

// Interview slots.

export const insertSlot = async (db: Exec, values: typeof interviewSlots.$inferInsert) =>
  (await db.insert(interviewSlots).values(values).returning())[0];

export const listSlots = (db: Exec, orgId: string, advertId: string) =>
  db
    .select({ slot: interviewSlots, name: applications.name })
    .from(interviewSlots)
    .leftJoin(applications, eq(applications.id, interviewSlots.applicationId))
    .where(and(eq(interviewSlots.orgId, orgId), eq(interviewSlots.advertId, advertId)))
    .orderBy(asc(interviewSlots.startsAt));

export const deleteFreeSlot = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .delete(interviewSlots)
      .where(and(eq(interviewSlots.id, id), eq(interviewSlots.orgId, orgId), isNull(interviewSlots.applicationId)))
      .returning()
  )[0];

export const findSlot = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select()
      .from(interviewSlots)
      .where(and(eq(interviewSlots.id, id), eq(interviewSlots.orgId, orgId)))
  )[0];

// Pre-employment checks.

export const findChecks = async (db: Exec, orgId: string, applicationId: string) =>
  (
    await db
      .select()
      .from(preEmploymentChecks)
      .where(and(eq(preEmploymentChecks.applicationId, applicationId), eq(preEmploymentChecks.orgId, orgId)))
  )[0];

export const upsertChecks = async (db: Exec, values: typeof preEmploymentChecks.$inferInsert) => {
  const { id: _id, orgId: _org, applicationId: _app, createdAt: _c, ...set } = values;
  return (
    await db
      .insert(preEmploymentChecks)
      .values(values)
      .onConflictDoUpdate({ target: preEmploymentChecks.applicationId, set })
      .returning()
  )[0];
};

/**
 * Other employers' bundles for this candidate that the candidate consented to share with
 * `orgId`, consent not withdrawn. Never without a candidate (a guest application shares nothing).
 */
export const sharedBundles = (db: Exec, orgId: string, candidateUserId: string) =>
  db
    .select({
      consentId: checkShareConsents.id,
      checks: preEmploymentChecks,
      employer: organisations.name,
    })
    .from(checkShareConsents)
    .innerJoin(preEmploymentChecks, eq(preEmploymentChecks.id, checkShareConsents.checkId))
    .innerJoin(organisations, eq(organisations.id, preEmploymentChecks.orgId))
    .where(
      and(
        eq(checkShareConsents.toOrgId, orgId),
        eq(checkShareConsents.candidateUserId, candidateUserId),
        isNull(checkShareConsents.withdrawnAt),
      ),
    )
    .orderBy(desc(checkShareConsents.grantedAt));

// The candidate's side of sharing (scoped by the candidate).

export const candidateApplication = async (db: Exec, candidateUserId: string, id: string) =>
  (
    await db
      .select({ application: applications, employer: organisations.name })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.orgId))
      .where(and(eq(applications.id, id), eq(applications.candidateUserId, candidateUserId)))
  )[0];

export const checksOfApplication = async (db: Exec, applicationId: string) =>
  (await db.select().from(preEmploymentChecks).where(eq(preEmploymentChecks.applicationId, applicationId)))[0];

export const insertShare = async (db: Exec, values: typeof checkShareConsents.$inferInsert) =>
  (await db.insert(checkShareConsents).values(values).returning())[0];

export const listShares = (db: Exec, candidateUserId: string) =>
  db
    .select({
      share: checkShareConsents,
      fromApplicationId: preEmploymentChecks.applicationId,
      fromEmployer: sql<string>`(select name from organisations where id = ${preEmploymentChecks.orgId})`,
      toEmployer: organisations.name,
    })
    .from(checkShareConsents)
    .innerJoin(preEmploymentChecks, eq(preEmploymentChecks.id, checkShareConsents.checkId))
    .innerJoin(organisations, eq(organisations.id, checkShareConsents.toOrgId))
    .where(eq(checkShareConsents.candidateUserId, candidateUserId))
    .orderBy(desc(checkShareConsents.grantedAt));

export const withdrawShare = async (db: Exec, candidateUserId: string, id: string, at: Date) =>
  (
    await db
      .update(checkShareConsents)
      .set({ withdrawnAt: at })
      .where(
        and(
          eq(checkShareConsents.id, id),
          eq(checkShareConsents.candidateUserId, candidateUserId),
          isNull(checkShareConsents.withdrawnAt),
        ),
      )
      .returning()
  )[0];

export const findShare = async (db: Exec, candidateUserId: string, id: string) =>
  (
    await db
      .select()
      .from(checkShareConsents)
      .where(and(eq(checkShareConsents.id, id), eq(checkShareConsents.candidateUserId, candidateUserId)))
  )[0];

/** A workplace of the organisation (where a started candidate's staff record goes). */
export const findWorkplaceOf = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select({ id: workplaces.id, localRef: workplaces.localRef })
      .from(workplaces)
      .where(and(eq(workplaces.id, id), eq(workplaces.orgId, orgId)))
  )[0];

/** The current staff record with this local reference at a workplace (the one a start just made). */
export const findCurrentStaff = async (db: Exec, orgId: string, workplaceId: string, localRef: string) =>
  (
    await db
      .select({ id: staffRecords.id })
      .from(staffRecords)
      .where(
        and(
          eq(staffRecords.orgId, orgId),
          eq(staffRecords.workplaceId, workplaceId),
          eq(staffRecords.localRef, localRef),
          isNull(staffRecords.endDate),
        ),
      )
  )[0];

/** The record of a candidate's consent (kept with the pool's, candidate_consents). */
export const insertConsentRecord = (db: Exec, values: typeof candidateConsents.$inferInsert) =>
  db.insert(candidateConsents).values(values);
