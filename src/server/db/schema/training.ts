import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { councilRef, created, organisationRef, orgRef, updated } from "./columns";
import { users } from "./orgs";
import { applications } from "./recruitment";
import { staffQualifications, staffRecords, trainingRecords } from "./workforce";

// Shared training (issue 18): the area's catalogue of courses (from the council's hub team and
// training partners), dated sessions with places shared between providers, bookings with
// waiting lists, attendance and outcomes that become training records, certificates anyone can
// check, expiry reminders, apprenticeships with levy transfer brokerage, funding claims, and
// the pre-employment course whose learners get a guaranteed interview. Every table carries the
// council whose area it belongs to (`council_id`); rows an employer owns carry its `org_id`.

/** A course in the area's catalogue. */
export const trainingCourses = pgTable(
  "training_courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    /** Who offers it: the council's hub team or a training partner. */
    offeredBy: organisationRef("offered_by").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** ASC-WDS training category the completion is recorded under. */
    category: integer("category").notNull(),
    /** The career framework catalogue item it gives (Care Certificate, a diploma, an apprenticeship standard). */
    frameworkItem: text("framework_item"),
    /** ASC-WDS qualification code, when completing the course awards a qualification. */
    qualificationCode: integer("qualification_code"),
    /** Qualification level (0–8), or null for training that is not levelled. */
    level: integer("level"),
    /** Length in hours of learning. */
    hours: numeric("hours", { precision: 6, scale: 1, mode: "number" }).notNull(),
    /** classroom, online or blended (TRAINING_DELIVERY). */
    delivery: text("delivery").notNull(),
    prerequisites: text("prerequisites").notNull().default(""),
    /** Months a completion stays valid; null = does not expire. */
    refreshMonths: integer("refresh_months"),
    /** Price per learner in pence (what it costs, whoever pays). */
    costPence: integer("cost_pence").notNull().default(0),
    /** free_commissioned, ldss, levy or charged (TRAINING_FUNDING). */
    funding: text("funding").notNull(),
    /** How the Learning and Development Support Scheme pays it: course (100%), qualification (60/40) or ommt (100%). */
    ldssKind: text("ldss_kind"),
    /** The published LDSS amount per learner, in pence. */
    ldssPence: integer("ldss_pence"),
    /** staff (the workforce) or pre_employment (people not yet in care). */
    audience: text("audience").notNull().default("staff"),
    /** draft, published or withdrawn. */
    status: text("status").notNull().default("published"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("training_courses_council_idx").on(t.councilId, t.status),
    index("training_courses_offered_by_idx").on(t.offeredBy),
    check("training_courses_hours", sql`hours > 0`),
    check("training_courses_cost", sql`cost_pence >= 0`),
  ],
);

/** A dated session of a course. */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id),
    councilId: councilRef(),
    /** The organisation running it (the course's offerer). */
    offeredBy: organisationRef("offered_by").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    venue: text("venue").notNull().default(""),
    link: text("link").notNull().default(""),
    /** The trainer's name as shown to learners. */
    trainerName: text("trainer_name").notNull().default(""),
    /** The trainer's account, when the trainer marks attendance in the hub. */
    trainerUserId: uuid("trainer_user_id").references(() => users.id, { onDelete: "set null" }),
    capacity: integer("capacity").notNull(),
    /** open (first come), quota (places per provider) or by_size (quotas in proportion to staff). */
    allocation: text("allocation").notNull().default("open"),
    /** When places held for providers are released to everyone. */
    releaseAt: timestamp("release_at", { withTimezone: true }),
    /** A booking cancelled later than this many hours before the start is a late cancellation. */
    cancelHours: integer("cancel_hours").notNull().default(48),
    /** scheduled or cancelled. */
    status: text("status").notNull().default("scheduled"),
    cancelledReason: text("cancelled_reason"),
    /** When the trainer finished marking attendance. */
    attendanceClosedAt: timestamp("attendance_closed_at", { withTimezone: true }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("training_sessions_council_idx").on(t.councilId, t.startsAt),
    index("training_sessions_course_idx").on(t.courseId, t.startsAt),
    index("training_sessions_offered_by_idx").on(t.offeredBy, t.startsAt),
    check("training_sessions_capacity", sql`capacity > 0`),
    check("training_sessions_times", sql`ends_at > starts_at`),
  ],
);

/** Places a session holds for one provider until its release time. */
export const sessionQuotas = pgTable(
  "session_quotas",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    places: integer("places").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.orgId] }), check("session_quotas_places", sql`places >= 0`)],
);

/** A place on a session for one member of a provider's staff (or a waiting-list entry for one). */
export const trainingBookings = pgTable(
  "training_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id),
    councilId: councilRef(),
    /** The booking employer. */
    orgId: orgRef(),
    staffRecordId: uuid("staff_record_id")
      .notNull()
      .references(() => staffRecords.id, { onDelete: "cascade" }),
    /** booked, waiting (on the waiting list), offered (a freed place held for them) or cancelled. */
    status: text("status").notNull(),
    /** When a freed place offered from the waiting list lapses. */
    offeredUntil: timestamp("offered_until", { withTimezone: true }),
    bookedBy: uuid("booked_by").references(() => users.id, { onDelete: "set null" }),
    /** The person booked themselves (their employer allows it). */
    selfBooked: boolean("self_booked").notNull().default(false),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    /** Cancelled after the session's cancellation deadline. */
    lateCancellation: boolean("late_cancellation").notNull().default(false),
    /** completed, not_yet_competent or did_not_attend (TRAINING_OUTCOMES); null until marked. */
    outcome: text("outcome"),
    outcomeAt: timestamp("outcome_at", { withTimezone: true }),
    markedBy: uuid("marked_by").references(() => users.id, { onDelete: "set null" }),
    /** The training record (and qualification) a completion wrote on the staff record. */
    trainingRecordId: uuid("training_record_id").references(() => trainingRecords.id, { onDelete: "set null" }),
    qualificationId: uuid("qualification_id").references(() => staffQualifications.id, { onDelete: "set null" }),
    /** The code printed on the certificate, checked on the public page. */
    certificateCode: text("certificate_code"),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("training_bookings_session_idx").on(t.sessionId, t.status, t.createdAt),
    index("training_bookings_org_idx").on(t.orgId, t.createdAt),
    index("training_bookings_staff_idx").on(t.staffRecordId),
    index("training_bookings_council_idx").on(t.councilId, t.createdAt),
    uniqueIndex("training_bookings_certificate_key").on(t.certificateCode),
    uniqueIndex("training_bookings_active_key").on(t.sessionId, t.staffRecordId).where(sql`status <> 'cancelled'`),
  ],
);

/** Reminders sent to staff and managers before a training record expires (one per record and threshold). */
export const trainingExpiryReminders = pgTable(
  "training_expiry_reminders",
  {
    trainingRecordId: uuid("training_record_id")
      .notNull()
      .references(() => trainingRecords.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    /** Days before expiry the reminder was for (60, 30). */
    daysBefore: integer("days_before").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.trainingRecordId, t.daysBefore] })],
);

/** A provider's claims against the Learning and Development Support Scheme, marked as made. */
export const fundingClaims = pgTable(
  "funding_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => trainingBookings.id),
    /** full (100%), first (the 60% part) or final (the 40% part). */
    part: text("part").notNull(),
    amountPence: integer("amount_pence").notNull(),
    claimedOn: date("claimed_on").notNull(),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("funding_claims_booking_part_key").on(t.bookingId, t.part),
    index("funding_claims_org_idx").on(t.orgId),
  ],
);

/** A levy-paying employer's pledge of levy to transfer to the area's small providers. */
export const levyPledges = pgTable(
  "levy_pledges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    /** The pledging employer (the council itself or an NHS partner). */
    orgId: orgRef(),
    /** Levy the pledger paid in the previous financial year (pence): the transfer allowance is 50% of it. */
    levyPaidPence: bigint("levy_paid_pence", { mode: "number" }).notNull(),
    amountPence: bigint("amount_pence", { mode: "number" }).notNull(),
    /** Apprenticeship standards it may fund (ST0005…); empty = any. */
    standards: text("standards").array().notNull().default(sql`'{}'::text[]`),
    opensOn: date("opens_on").notNull(),
    closesOn: date("closes_on").notNull(),
    /** open or closed. */
    status: text("status").notNull().default("open"),
    notes: text("notes").notNull().default(""),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("levy_pledges_council_idx").on(t.councilId), check("levy_pledges_amount", sql`amount_pence > 0`)],
);

/** A provider's request for part of a pledge, for named apprenticeship starts. */
export const levyRequests = pgTable(
  "levy_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pledgeId: uuid("pledge_id")
      .notNull()
      .references(() => levyPledges.id),
    councilId: councilRef(),
    /** The requesting provider. */
    orgId: orgRef(),
    standard: text("standard").notNull(),
    amountPence: bigint("amount_pence", { mode: "number" }).notNull(),
    /** The staff records the starts are for. */
    staffRecordIds: uuid("staff_record_ids").array().notNull().default(sql`'{}'::uuid[]`),
    reason: text("reason").notNull().default(""),
    /** pending, approved, rejected or withdrawn. */
    status: text("status").notNull().default("pending"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decisionNote: text("decision_note").notNull().default(""),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("levy_requests_pledge_idx").on(t.pledgeId, t.status),
    index("levy_requests_org_idx").on(t.orgId),
    check("levy_requests_amount", sql`amount_pence > 0`),
  ],
);

/** An apprenticeship start at an employer: standard, dates, training provider, funding, progress. */
export const apprenticeships = pgTable(
  "apprenticeships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The employer. */
    orgId: orgRef(),
    councilId: councilRef(),
    staffRecordId: uuid("staff_record_id")
      .notNull()
      .references(() => staffRecords.id, { onDelete: "cascade" }),
    /** Apprenticeship standard reference (ST0005) and its title and level. */
    standard: text("standard").notNull(),
    standardTitle: text("standard_title").notNull(),
    level: integer("level").notNull(),
    startOn: date("start_on").notNull(),
    plannedEndOn: date("planned_end_on").notNull(),
    /** The training provider: a training partner in the hub, or a name. */
    trainingProviderId: organisationRef("training_provider_id"),
    trainingProviderName: text("training_provider_name").notNull().default(""),
    /** levy, transfer, co_investment or fully_funded (APPRENTICESHIP_FUNDING). */
    funding: text("funding").notNull(),
    levyRequestId: uuid("levy_request_id").references(() => levyRequests.id),
    /** Training and assessment price in pence (what the funding pays for). */
    pricePence: bigint("price_pence", { mode: "number" }).notNull().default(0),
    /** in_learning, on_break, completed or withdrawn. */
    status: text("status").notNull().default("in_learning"),
    /** Percent of the programme done, as the training provider last reported it. */
    progressPercent: integer("progress_percent").notNull().default(0),
    lastReviewOn: date("last_review_on"),
    endOn: date("end_on"),
    /** achieved or not_achieved, when completed (the end-point assessment's result). */
    result: text("result"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("apprenticeships_org_idx").on(t.orgId, t.startOn),
    index("apprenticeships_council_idx").on(t.councilId, t.startOn),
    index("apprenticeships_staff_idx").on(t.staffRecordId),
    check("apprenticeships_dates", sql`planned_end_on > start_on`),
    check("apprenticeships_progress", sql`progress_percent between 0 and 100`),
  ],
);

/** A cohort of the pre-employment course (run with a college or jobcentre) whose learners are candidates. */
export const preEmploymentCohorts = pgTable(
  "pre_employment_cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id),
    name: text("name").notNull(),
    /** Who runs it with the council: the college or jobcentre. */
    partner: text("partner").notNull().default(""),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    /** Employers that guarantee each completing learner an interview. */
    employerIds: uuid("employer_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("pre_employment_cohorts_council_idx").on(t.councilId, t.startsOn)],
);

/** A learner on a cohort: a candidate from joint recruitment. */
export const cohortLearners = pgTable(
  "cohort_learners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => preEmploymentCohorts.id),
    councilId: councilRef(),
    candidateUserId: uuid("candidate_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The name and email as enrolled (kept when the candidate deletes their account, as applications keep theirs). */
    name: text("name").notNull(),
    email: text("email").notNull(),
    /** enrolled, completed or withdrawn. */
    status: text("status").notNull().default("enrolled"),
    completedOn: date("completed_on"),
    /** The learner agreed the participating employers may see them (name, profile, completion). */
    shareConsentAt: timestamp("share_consent_at", { withTimezone: true }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("cohort_learners_cohort_idx").on(t.cohortId),
    uniqueIndex("cohort_learners_candidate_key")
      .on(t.cohortId, t.candidateUserId)
      .where(sql`candidate_user_id is not null`),
  ],
);

/** The guaranteed interview a completing learner has with one participating employer, and its outcome. */
export const guaranteedInterviews = pgTable(
  "guaranteed_interviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    learnerId: uuid("learner_id")
      .notNull()
      .references(() => cohortLearners.id),
    councilId: councilRef(),
    /** The employer. */
    orgId: orgRef(),
    interviewOn: date("interview_on"),
    /** pending, offered, not_offered, declined (the learner turned the offer down) or no_show. */
    outcome: text("outcome").notNull().default("pending"),
    offeredOn: date("offered_on"),
    startedOn: date("started_on"),
    /** The application on the job board it went through, when it did. */
    applicationId: uuid("application_id").references(() => applications.id),
    /** The staff record made when the learner started (for still employed at 6 months). */
    staffRecordId: uuid("staff_record_id").references(() => staffRecords.id, { onDelete: "set null" }),
    notes: text("notes").notNull().default(""),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("guaranteed_interviews_org_idx").on(t.orgId),
    uniqueIndex("guaranteed_interviews_learner_org_key").on(t.learnerId, t.orgId),
  ],
);

/** A provider's training settings. */
export const trainingProviderSettings = pgTable("training_provider_settings", {
  orgId: organisationRef("org_id").primaryKey(),
  /** Staff with a personal account may book themselves on sessions. */
  staffSelfBooking: boolean("staff_self_booking").notNull().default(false),
  updatedAt: updated(),
});
