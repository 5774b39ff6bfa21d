import { and, asc, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Exec } from "../../db/client";
import {
  applications,
  candidateProfiles,
  cohortLearners,
  guaranteedInterviews,
  memberships,
  organisations,
  preEmploymentCohorts,
  staffRecords,
  trainingCourses,
  users,
} from "../../db/schema";
import { commissionsOn } from "../orgs/commissioning";

// The pre-employment course's tables: cohorts and learners (scoped by the council), guaranteed
// interviews (scoped by the employer, or by the council for its report).

export type CohortRow = typeof preEmploymentCohorts.$inferSelect;
export type LearnerRow = typeof cohortLearners.$inferSelect;
export type InterviewRow = typeof guaranteedInterviews.$inferSelect;

/** A course of the council's catalogue for people not yet in care. */
export const findPreEmploymentCourse = async (db: Exec, councilId: string, courseId: string) =>
  (
    await db
      .select()
      .from(trainingCourses)
      .where(
        and(
          eq(trainingCourses.id, courseId),
          eq(trainingCourses.councilId, councilId),
          eq(trainingCourses.audience, "pre_employment"),
        ),
      )
  )[0];

/** The council's published courses for people not yet in care. */
export const listPreEmploymentCourses = (db: Exec, councilId: string) =>
  db
    .select({ id: trainingCourses.id, title: trainingCourses.title })
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.councilId, councilId),
        eq(trainingCourses.audience, "pre_employment"),
        eq(trainingCourses.status, "published"),
      ),
    )
    .orderBy(asc(trainingCourses.title), asc(trainingCourses.id));

/** Of `ids`, the providers the council commissions on `at`, with their names (ordered by name). */
export const listCommissionedEmployers = (db: Exec, councilId: string, ids: string[], at: string) =>
  ids.length
    ? db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(
          and(
            inArray(organisations.id, ids),
            eq(organisations.kind, "provider"),
            commissionsOn(councilId, organisations.id, at),
          ),
        )
        .orderBy(asc(organisations.name), asc(organisations.id))
    : Promise.resolve([]);

export const listOrgNames = (db: Exec, ids: string[]) =>
  ids.length
    ? db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, ids))
        .orderBy(asc(organisations.name), asc(organisations.id))
    : Promise.resolve([]);

const cohortColumns = { cohort: preEmploymentCohorts, courseTitle: trainingCourses.title };

export const listCohorts = (db: Exec, councilId: string) =>
  db
    .select(cohortColumns)
    .from(preEmploymentCohorts)
    .innerJoin(trainingCourses, eq(trainingCourses.id, preEmploymentCohorts.courseId))
    .where(eq(preEmploymentCohorts.councilId, councilId))
    .orderBy(sql`${preEmploymentCohorts.startsOn} desc`, asc(preEmploymentCohorts.name), asc(preEmploymentCohorts.id));

export const findCohort = async (db: Exec, councilId: string, id: string) =>
  (
    await db
      .select(cohortColumns)
      .from(preEmploymentCohorts)
      .innerJoin(trainingCourses, eq(trainingCourses.id, preEmploymentCohorts.courseId))
      .where(and(eq(preEmploymentCohorts.councilId, councilId), eq(preEmploymentCohorts.id, id)))
  )[0];

export const insertCohort = async (db: Exec, values: typeof preEmploymentCohorts.$inferInsert) =>
  (await db.insert(preEmploymentCohorts).values(values).returning())[0];

export const updateCohort = async (
  db: Exec,
  councilId: string,
  id: string,
  set: Partial<typeof preEmploymentCohorts.$inferInsert>,
) =>
  (
    await db
      .update(preEmploymentCohorts)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(preEmploymentCohorts.councilId, councilId), eq(preEmploymentCohorts.id, id)))
      .returning()
  )[0];

/** Learners of the council's cohorts (all, or of some), in the order enrolled. */
export const listLearners = (db: Exec, councilId: string, cohortIds: string[]) =>
  cohortIds.length
    ? db
        .select()
        .from(cohortLearners)
        .where(and(eq(cohortLearners.councilId, councilId), inArray(cohortLearners.cohortId, cohortIds)))
        .orderBy(asc(cohortLearners.createdAt), asc(cohortLearners.id))
    : Promise.resolve([] as LearnerRow[]);

export const findLearner = async (db: Exec, councilId: string, cohortId: string, id: string) =>
  (
    await db
      .select()
      .from(cohortLearners)
      .where(
        and(eq(cohortLearners.councilId, councilId), eq(cohortLearners.cohortId, cohortId), eq(cohortLearners.id, id)),
      )
  )[0];

export const findLearnerByUser = async (db: Exec, cohortId: string, userId: string) =>
  (
    await db
      .select()
      .from(cohortLearners)
      .where(and(eq(cohortLearners.cohortId, cohortId), eq(cohortLearners.candidateUserId, userId)))
  )[0];

export const insertLearner = async (db: Exec, values: typeof cohortLearners.$inferInsert) =>
  (await db.insert(cohortLearners).values(values).returning())[0];

export const updateLearner = async (db: Exec, id: string, set: Partial<typeof cohortLearners.$inferInsert>) =>
  (
    await db
      .update(cohortLearners)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(cohortLearners.id, id))
      .returning()
  )[0];

/** A user with a candidate membership at the council (a candidate of its joint recruitment), by email. */
export const findCandidateByEmail = async (db: Exec, councilId: string, email: string) =>
  (
    await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(
        and(
          sql`lower(${users.email}) = ${email.toLowerCase()}`,
          eq(memberships.orgId, councilId),
          eq(memberships.role, "candidate"),
        ),
      )
  )[0];

/** A candidate's own learner rows at the council, with their cohort and course. */
export const listLearnersOfUser = (db: Exec, councilId: string, userId: string) =>
  db
    .select({ learner: cohortLearners, cohort: preEmploymentCohorts, courseTitle: trainingCourses.title })
    .from(cohortLearners)
    .innerJoin(preEmploymentCohorts, eq(preEmploymentCohorts.id, cohortLearners.cohortId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, preEmploymentCohorts.courseId))
    .where(and(eq(cohortLearners.councilId, councilId), eq(cohortLearners.candidateUserId, userId)))
    .orderBy(sql`${preEmploymentCohorts.startsOn} desc`, asc(cohortLearners.id));

export const findLearnerOfUser = async (db: Exec, councilId: string, userId: string, learnerId: string) =>
  (
    await db
      .select()
      .from(cohortLearners)
      .where(
        and(
          eq(cohortLearners.councilId, councilId),
          eq(cohortLearners.candidateUserId, userId),
          eq(cohortLearners.id, learnerId),
        ),
      )
  )[0];

/** Pending interviews for a completing learner, one per employer (an existing one is kept). */
export const insertInterviews = (db: Exec, values: (typeof guaranteedInterviews.$inferInsert)[]) =>
  values.length
    ? db.insert(guaranteedInterviews).values(values).onConflictDoNothing().returning()
    : Promise.resolve([] as InterviewRow[]);

/** Interviews of the council's learners (for its report). */
export const listCouncilInterviews = (db: Exec, councilId: string) =>
  db
    .select({ interview: guaranteedInterviews, staffStart: staffRecords.startDate, staffEnd: staffRecords.endDate })
    .from(guaranteedInterviews)
    .leftJoin(
      staffRecords,
      and(eq(staffRecords.id, guaranteedInterviews.staffRecordId), eq(staffRecords.orgId, guaranteedInterviews.orgId)),
    )
    .where(eq(guaranteedInterviews.councilId, councilId))
    .orderBy(asc(guaranteedInterviews.createdAt), asc(guaranteedInterviews.id));

const employerColumns = {
  interview: guaranteedInterviews,
  learner: cohortLearners,
  cohortName: preEmploymentCohorts.name,
  partner: preEmploymentCohorts.partner,
  employerIds: preEmploymentCohorts.employerIds,
  profile: {
    phone: candidateProfiles.phone,
    experience: candidateProfiles.experience,
    availability: candidateProfiles.availability,
    areas: candidateProfiles.preferredAreas,
  },
};

/**
 * The employer's guaranteed interviews it may see: of learners sharing their details now, or
 * with an interview already recorded (shown then without the learner). Only of cohorts the
 * employer takes part in.
 */
export const listEmployerInterviews = (db: Exec, orgId: string, id?: string) =>
  db
    .select(employerColumns)
    .from(guaranteedInterviews)
    .innerJoin(cohortLearners, eq(cohortLearners.id, guaranteedInterviews.learnerId))
    .innerJoin(preEmploymentCohorts, eq(preEmploymentCohorts.id, cohortLearners.cohortId))
    .leftJoin(
      candidateProfiles,
      and(
        eq(candidateProfiles.userId, cohortLearners.candidateUserId),
        eq(candidateProfiles.councilId, cohortLearners.councilId),
      ),
    )
    .where(
      and(
        eq(guaranteedInterviews.orgId, orgId),
        sql`${orgId}::uuid = any(${preEmploymentCohorts.employerIds})`,
        id ? eq(guaranteedInterviews.id, id) : undefined,
        or(
          isNotNull(cohortLearners.shareConsentAt),
          isNotNull(guaranteedInterviews.interviewOn),
          ne(guaranteedInterviews.outcome, "pending"),
        ),
      ),
    )
    .orderBy(
      sql`${cohortLearners.completedOn} desc nulls last`,
      asc(cohortLearners.name),
      asc(guaranteedInterviews.id),
    );

export const updateInterview = async (
  db: Exec,
  orgId: string,
  id: string,
  set: Partial<typeof guaranteedInterviews.$inferInsert>,
) =>
  (
    await db
      .update(guaranteedInterviews)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(guaranteedInterviews.orgId, orgId), eq(guaranteedInterviews.id, id)))
      .returning()
  )[0];

/** One of the employer's own staff records. */
export const findOwnStaffRecord = async (db: Exec, orgId: string, id: string) =>
  (
    await db
      .select({ id: staffRecords.id, startDate: staffRecords.startDate })
      .from(staffRecords)
      .where(and(eq(staffRecords.orgId, orgId), eq(staffRecords.id, id)))
  )[0];

/** The learner's newest application to this employer through the board, with the staff record it made. */
export const findBoardApplication = async (db: Exec, orgId: string, candidateUserId: string) =>
  (
    await db
      .select({ id: applications.id, staffRecordId: applications.staffRecordId })
      .from(applications)
      .where(and(eq(applications.orgId, orgId), eq(applications.candidateUserId, candidateUserId)))
      .orderBy(sql`${applications.staffRecordId} is null`, sql`${applications.submittedAt} desc`, asc(applications.id))
      .limit(1)
  )[0];

/** The addresses of the people who recruit at these employers (their admins and editors), ordered. */
export const listRecruiterEmails = (db: Exec, orgIds: string[]) =>
  orgIds.length
    ? db
        .select({ orgId: memberships.orgId, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(inArray(memberships.orgId, orgIds), inArray(memberships.role, ["provider_admin", "provider_editor"])),
        )
        .orderBy(asc(memberships.orgId), asc(users.email))
    : Promise.resolve([]);
