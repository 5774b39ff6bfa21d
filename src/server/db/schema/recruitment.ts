import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { councilRef, created, organisationRef, orgRef, updated, userRef } from "./columns";
import { users } from "./orgs";
import { staffRef, vacancies, workplaces } from "./workforce";

// Joint recruitment (issue 17): adverts published from vacancy records on the council's job
// board, candidates with one profile who apply once to several adverts, the talent pool they
// consent to, each employer's applicant tracking (stages, notes, values scores, interview
// slots, email templates), pre-employment checks (CQC Schedule 3), the council's campaigns and
// events, and job alerts. Every employer-side table carries the employer's organisation id;
// the council's tables carry the council's.

/**
 * Approximate centres of postcode districts (the outward code, "WA7"), for "within N miles":
 * the demo area and its neighbours ship with the hub; a full edition can be imported later.
 */
export const postcodeDistricts = pgTable("postcode_districts", {
  outward: text("outward").primaryKey(),
  lat: doublePrecision("lat").notNull(),
  lng: doublePrecision("lng").notNull(),
  place: text("place").notNull().default(""),
});

/** A job advert, published from one vacancy record (the vacancy closes with it when filled). */
export const jobAdverts = pgTable(
  "job_adverts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The employer (a provider, or the council for its own services). */
    orgId: orgRef(),
    /** The council whose job board shows it (the commissioning council, or the council itself). */
    councilId: councilRef(),
    workplaceId: uuid("workplace_id")
      .notNull()
      .references(() => workplaces.id),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id),
    /** The employer's own reference for the job (JobPosting identifier). */
    reference: text("reference").notNull().default(""),
    title: text("title").notNull(),
    /** The career framework role (a key of the council's published framework), when mapped. */
    frameworkRoleKey: text("framework_role_key"),
    /** ASC-WDS main job role code. */
    jobRole: integer("job_role").notNull(),
    summary: text("summary").notNull().default(""),
    /** Plain text; blank lines separate paragraphs, lines starting "- " are list items. */
    description: text("description").notNull().default(""),
    /** hour or year. */
    payUnit: text("pay_unit").notNull(),
    payMinPence: integer("pay_min_pence").notNull(),
    payMaxPence: integer("pay_max_pence"),
    /**
     * The National Living Wage band the pay is checked against: 21_plus (the default), 18_20,
     * under_18 or apprentice (the adverts that say the role is open to younger people or is an
     * apprenticeship).
     */
    payAgeBand: text("pay_age_band").notNull().default("21_plus"),
    /** Contracted hours a week; null for zero hours or bank. */
    hoursPerWeek: doublePrecision("hours_per_week"),
    /** permanent, temporary, bank or other (ASC-WDS contract types, agency excluded). */
    contractType: text("contract_type").notNull(),
    zeroHours: boolean("zero_hours").notNull().default(false),
    shiftPattern: text("shift_pattern").notNull().default(""),
    drivingRequired: boolean("driving_required").notNull().default(false),
    visaSponsorship: boolean("visa_sponsorship").notNull().default(false),
    noExperienceNeeded: boolean("no_experience_needed").notNull().default(false),
    /** What the employer offers (training, progression), plain text. */
    offers: text("offers").notNull().default(""),
    /** The sector values the role needs (keys of the framework's values). */
    values: text("values").array().notNull().default(sql`'{}'::text[]`),
    closingDate: date("closing_date").notNull(),
    /** draft, published, closed, refused (by the council's moderation). */
    status: text("status").notNull().default("draft"),
    /** filled, closing_date, withdrawn (when closed). */
    closedReason: text("closed_reason"),
    moderationNote: text("moderation_note"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Where the job is, from the workplace's postcode (district centre for distance). */
    postcode: text("postcode"),
    outward: text("outward"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    createdBy: userRef("created_by"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("job_adverts_org_idx").on(t.orgId),
    index("job_adverts_board_idx").on(t.councilId, t.status, t.closingDate),
    index("job_adverts_place_idx").on(t.lat, t.lng),
    uniqueIndex("job_adverts_vacancy_key").on(t.vacancyId),
    check("job_adverts_status", sql`${t.status} in ('draft', 'published', 'closed', 'refused')`),
    check("job_adverts_pay_unit", sql`${t.payUnit} in ('hour', 'year')`),
    check("job_adverts_contract", sql`${t.contractType} in ('permanent', 'temporary', 'bank', 'other')`),
  ],
);

/** Page views of an advert by day (the funnel's first stage). */
export const advertViewDays = pgTable(
  "advert_view_days",
  {
    advertId: uuid("advert_id")
      .notNull()
      .references(() => jobAdverts.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    day: date("day").notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.advertId, t.day] })],
);

/**
 * Values-based questions: the hub's set (org_id null, set by the council) and an employer's own
 * (org_id set; for one advert when advert_id is set).
 */
export const valuesQuestions = pgTable(
  "values_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    orgId: organisationRef("org_id"),
    advertId: uuid("advert_id").references(() => jobAdverts.id),
    /** The value it tests (a framework value key). */
    value: text("value").notNull(),
    question: text("question").notNull(),
    /** What a good answer shows (the scoring rubric's anchor for 3 and 5). */
    guidance: text("guidance").notNull().default(""),
    position: integer("position").notNull().default(0),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [index("values_questions_council_idx").on(t.councilId), index("values_questions_org_idx").on(t.orgId)],
);

/** A candidate's one profile (a user with the candidate role at a council). */
export const candidateProfiles = pgTable(
  "candidate_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    councilId: councilRef(),
    phone: text("phone").notNull().default(""),
    postcode: text("postcode").notNull().default(""),
    outward: text("outward"),
    experience: text("experience").notNull().default(""),
    /** Framework catalogue item keys (qualifications and training the candidate holds). */
    qualifications: text("qualifications").array().notNull().default(sql`'{}'::text[]`),
    /** yes, needs_sponsorship, not_sure. */
    rightToWork: text("right_to_work").notNull().default("not_sure"),
    drivingLicence: boolean("driving_licence").notNull().default(false),
    availability: text("availability").notNull().default(""),
    preferredRoles: text("preferred_roles").array().notNull().default(sql`'{}'::text[]`),
    preferredAreas: text("preferred_areas").array().notNull().default(sql`'{}'::text[]`),
    /** Who may find the candidate in the talent pool: none, all (local employers) or chosen. */
    poolVisibility: text("pool_visibility").notNull().default("none"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("candidate_profiles_pool_idx").on(t.councilId, t.poolVisibility),
    check("candidate_profiles_pool", sql`${t.poolVisibility} in ('none', 'all', 'chosen')`),
  ],
);

/** The employers a candidate chose to be visible to (pool visibility "chosen"). */
export const poolChosenEmployers = pgTable(
  "pool_chosen_employers",
  {
    candidateUserId: uuid("candidate_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: orgRef(),
  },
  (t) => [primaryKey({ columns: [t.candidateUserId, t.orgId] })],
);

/**
 * Every consent a candidate gave or withdrew (the pool, sharing a check bundle), kept as the
 * record of consent. Holds no personal details beyond the user id, which is cleared when the
 * account is deleted.
 */
export const candidateConsents = pgTable(
  "candidate_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateUserId: uuid("candidate_user_id").references(() => users.id, { onDelete: "set null" }),
    councilId: councilRef(),
    /** pool or check_share. */
    kind: text("kind").notNull(),
    /** pool: none, all or chosen; check_share: granted or withdrawn. */
    choice: text("choice").notNull(),
    /** The employers it names (chosen pool employers; the receiving employer of a share). */
    orgIds: uuid("org_ids").array().notNull().default(sql`'{}'::uuid[]`),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("candidate_consents_user_idx").on(t.candidateUserId)],
);

/** One-time links that prove a candidate owns their email address (SHA-256 of the token). */
export const emailVerifications = pgTable("email_verifications", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: created(),
});

/** An employer's invitation to a pooled candidate to apply for an advert. */
export const poolInvitations = pgTable(
  "pool_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    candidateUserId: uuid("candidate_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    advertId: uuid("advert_id")
      .notNull()
      .references(() => jobAdverts.id),
    message: text("message").notNull().default(""),
    createdBy: userRef("created_by"),
    createdAt: created(),
  },
  (t) => [index("pool_invitations_candidate_idx").on(t.candidateUserId), index("pool_invitations_org_idx").on(t.orgId)],
);

/** A council's recruitment campaign: applications through its link or code carry it. */
export const campaigns = pgTable(
  "recruitment_campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    name: text("name").notNull(),
    /** event, social_media, partnership, pre_employment or other. */
    kind: text("kind").notNull(),
    /** Who it is for (young people, men, career changers, people not in work, overseas recruits). */
    audience: text("audience").notNull().default(""),
    /** The tracked code (in the link ?source=CODE, or typed on the form). */
    code: text("code").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    description: text("description").notNull().default(""),
    createdAt: created(),
  },
  (t) => [uniqueIndex("recruitment_campaigns_code_key").on(t.councilId, sql`lower(${t.code})`)],
);

/** A recruitment event on the council's calendar (a jobs fair, a course with a guaranteed interview). */
export const recruitmentEvents = pgTable(
  "recruitment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    place: text("place").notNull().default(""),
    description: text("description").notNull().default(""),
    createdAt: created(),
  },
  (t) => [index("recruitment_events_council_idx").on(t.councilId, t.startsAt)],
);

/**
 * An application to one advert: from a candidate's account, or from a short form by someone
 * without one (candidate_user_id null). Name, email, phone and what the candidate shared are a
 * snapshot the employer keeps under its own retention after the account is deleted (ADR 0019).
 */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    advertId: uuid("advert_id")
      .notNull()
      .references(() => jobAdverts.id),
    /** The employer (the advert's organisation). */
    orgId: orgRef(),
    councilId: councilRef(),
    candidateUserId: uuid("candidate_user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull().default(""),
    /** The profile as shared when applying: experience, qualifications, right to work, driving, availability. */
    profile: jsonb("profile").notNull().default({}),
    /** [{ questionId, value, question, answer }] */
    answers: jsonb("answers").notNull().default([]),
    stage: text("stage").notNull().default("applied"),
    rejectionReason: text("rejection_reason"),
    /** How the candidate came: board, campaign, pool_invitation, alert, feed, other. */
    source: text("source").notNull().default("board"),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    stageChangedAt: timestamp("stage_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** The staff record made when the candidate started (the hire the funnel follows). */
    staffRecordId: staffRef("staff_record_id"),
    startedOn: date("started_on"),
    /** When the candidate deleted their account (the snapshot stays until retain_until). */
    candidateDeletedAt: timestamp("candidate_deleted_at", { withTimezone: true }),
    retainUntil: date("retain_until"),
  },
  (t) => [
    index("applications_org_idx").on(t.orgId, t.stage),
    index("applications_advert_idx").on(t.advertId),
    index("applications_council_idx").on(t.councilId, t.submittedAt),
    index("applications_candidate_idx").on(t.candidateUserId),
    uniqueIndex("applications_advert_candidate_key")
      .on(t.advertId, t.candidateUserId)
      .where(sql`candidate_user_id is not null`),
    check(
      "applications_stage",
      sql`${t.stage} in ('applied', 'screened', 'interview', 'offer', 'checks', 'started', 'withdrawn', 'rejected')`,
    ),
  ],
);

/** Each move of an application between stages (the funnel and time to hire read these). */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    by: uuid("by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("application_events_app_idx").on(t.applicationId),
    index("application_events_org_idx").on(t.orgId, t.toStage),
  ],
);

export const applicationNotes = pgTable(
  "application_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    body: text("body").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: created(),
  },
  (t) => [index("application_notes_app_idx").on(t.applicationId)],
);

/** One assessor's 1–5 score of one value for one application, against the rubric. */
export const applicationScores = pgTable(
  "application_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    questionId: uuid("question_id").references(() => valuesQuestions.id),
    value: text("value").notNull(),
    score: integer("score").notNull(),
    evidence: text("evidence").notNull().default(""),
    assessorId: uuid("assessor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: created(),
  },
  (t) => [
    index("application_scores_app_idx").on(t.applicationId),
    check("application_scores_range", sql`${t.score} between 1 and 5`),
  ],
);

/** An interview time an employer offers; a candidate books it for one application. */
export const interviewSlots = pgTable(
  "interview_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    advertId: uuid("advert_id")
      .notNull()
      .references(() => jobAdverts.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    applicationId: uuid("application_id").references(() => applications.id, { onDelete: "set null" }),
    bookedAt: timestamp("booked_at", { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [
    index("interview_slots_advert_idx").on(t.advertId),
    uniqueIndex("interview_slots_application_key").on(t.applicationId),
  ],
);

/** An employer's wording of the emails candidates get (received, interview, offer, rejection). */
export const emailTemplates = pgTable(
  "recruitment_email_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex("recruitment_email_templates_kind_key").on(t.orgId, t.kind)],
);

/**
 * Pre-employment checks for one application at one employer, against CQC Schedule 3 and the
 * right-to-work duty. Sensitive: never in logs, reports or the council's view.
 */
export const preEmploymentChecks = pgTable(
  "pre_employment_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    candidateUserId: uuid("candidate_user_id").references(() => users.id, { onDelete: "set null" }),
    identitySeenOn: date("identity_seen_on"),
    /** standard, enhanced, enhanced_barred_adults. */
    dbsLevel: text("dbs_level"),
    dbsCertificateNumber: text("dbs_certificate_number"),
    dbsIssuedOn: date("dbs_issued_on"),
    /** not_subscribed, subscribed_checked, subscribed_not_checked. */
    dbsUpdateService: text("dbs_update_service"),
    dbsUpdateCheckedOn: date("dbs_update_checked_on"),
    /** share_code, manual_document, idsp. */
    rightToWorkMethod: text("right_to_work_method"),
    rightToWorkDocument: text("right_to_work_document"),
    rightToWorkCheckedOn: date("right_to_work_checked_on"),
    rightToWorkExpiresOn: date("right_to_work_expires_on"),
    rightToWorkFollowUpOn: date("right_to_work_follow_up_on"),
    /** [{ referee, relationship, lastCareEmployer, requestedOn, receivedOn, satisfactory }] */
    references: jsonb("references").notNull().default([]),
    historyGapsExplained: boolean("history_gaps_explained").notNull().default(false),
    historyNotes: text("history_notes").notNull().default(""),
    healthDeclarationOn: date("health_declaration_on"),
    qualificationsVerifiedOn: date("qualifications_verified_on"),
    /** The bundle this one was shared from (another employer's, with the candidate's consent). */
    sharedFromId: uuid("shared_from_id"),
    /** What the receiving employer relied on from the shared bundle. */
    reliedOn: text("relied_on").array().notNull().default(sql`'{}'::text[]`),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("pre_employment_checks_application_key").on(t.applicationId),
    index("pre_employment_checks_org_idx").on(t.orgId),
  ],
);

/** A candidate's consent for one employer's check bundle to be shared with another employer. */
export const checkShareConsents = pgTable(
  "check_share_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    checkId: uuid("check_id")
      .notNull()
      .references(() => preEmploymentChecks.id, { onDelete: "cascade" }),
    candidateUserId: uuid("candidate_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    toOrgId: organisationRef("to_org_id").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [index("check_share_consents_to_idx").on(t.toOrgId)],
);

/** A job alert: an email address, the search it follows, confirmed by a link before anything is sent. */
export const jobAlerts = pgTable(
  "job_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    email: text("email").notNull(),
    /** The board search: { q, role, postcode, radius, payMin, contract, ... } */
    criteria: jsonb("criteria").notNull().default({}),
    /** SHA-256 of the token in the confirm and unsubscribe links. */
    tokenHash: text("token_hash").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [uniqueIndex("job_alerts_token_key").on(t.tokenHash), index("job_alerts_council_idx").on(t.councilId)],
);
