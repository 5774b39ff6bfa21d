import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { created, organisationRef, orgRef, pounds, updated, userRef } from "./columns";
import { staffRecords, staffRef, workplaces } from "./workforce";

// The council's own social work service (issue 20). Its people are staff records at the council's
// social work workplaces (workplaces.social_work_service); these tables add what social work needs
// beyond ASC-WDS: teams and their establishment, each worker's registration and warrants, the
// routes in (students, apprentices, sponsored master's, fast-track trainees), ASYE, supervision,
// caseloads, progression, practice educators' payments, agency assignments, and exit interviews
// (which any employer may offer its leavers). Every table carries the employing organisation
// (`org_id`, the council for all but exit interviews). Money is in pounds (numeric).
// Vocabularies: shared/social-work.ts.

/** Funded posts in full-time equivalents. */
const fte = (name: string) => numeric(name, { precision: 7, scale: 2, mode: "number" });
/** A caseload threshold: open cases a full-time worker should hold on average. */
const caseloadThreshold = (name: string) => numeric(name, { precision: 6, scale: 1, mode: "number" });

/** The council's settings for its social work service: thresholds and rates. */
export const swSettings = pgTable("sw_settings", {
  orgId: organisationRef("org_id").primaryKey(),
  /** The most open cases a full-time worker should hold on average, per service. */
  caseloadThresholdAdults: caseloadThreshold("caseload_threshold_adults").notNull().default(20),
  caseloadThresholdChildren: caseloadThreshold("caseload_threshold_children").notNull().default(18),
  /** A newly qualified worker's protected caseload, as a share of the threshold, when their ASYE sets none. */
  asyeProtectionShare: numeric("asye_protection_share", { precision: 4, scale: 2, mode: "number" })
    .notNull()
    .default(0.8),
  /** What the council pays a practice educator per student supported. */
  pePaymentPerStudent: pounds("pe_payment_per_student").notNull().default(500),
  /** Education Support Grant rates claimed through the university (social-work.md §2.2). */
  esgDailyRate: pounds("esg_daily_rate").notNull().default(20),
  esgSkillsDayRate: pounds("esg_skills_day_rate").notNull().default(10),
  updatedAt: updated(),
});

/** A team of the social work service: adults' or children's, with its service area. */
export const swTeams = pgTable(
  "sw_teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    /** The service's workplace, which holds the team's staff records. */
    workplaceId: uuid("workplace_id")
      .notNull()
      .references(() => workplaces.id),
    /** A key of SW_SERVICES. */
    service: text("service").notNull(),
    name: text("name").notNull(),
    serviceArea: text("service_area").notNull().default(""),
    /** The team manager's account: sees and records for this team's workers (socialwork/access.ts). */
    managerUserId: userRef("manager_user_id"),
    /** The team's own caseload threshold (open cases per full-time worker); null: the service's. */
    caseloadThreshold: caseloadThreshold("caseload_threshold"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("sw_teams_org_name_key").on(t.orgId, t.name),
    index("sw_teams_manager_idx").on(t.managerUserId),
    check("sw_teams_service", sql`service in ('adults', 'children')`),
  ],
);

/** The team a row is about; nullable until the caller says `.notNull()`. */
const teamRef = () => uuid("team_id").references(() => swTeams.id);

/** The establishment: funded posts (FTE) of a role in a team, from a date until the next row. */
export const swEstablishment = pgTable(
  "sw_establishment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    teamId: teamRef().notNull(),
    /** A key of SW_ROLES. */
    role: text("role").notNull(),
    fundedFte: fte("funded_fte").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("sw_establishment_key").on(t.teamId, t.role, t.effectiveFrom),
    check("sw_establishment_fte", sql`funded_fte >= 0`),
  ],
);

/** A social work staff record's profile: team, role, registration, level, grade, warrants, route in. */
export const swStaff = pgTable(
  "sw_staff",
  {
    staffRecordId: uuid("staff_record_id")
      .primaryKey()
      .references(() => staffRecords.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    teamId: teamRef().notNull(),
    /** A key of SW_ROLES. */
    role: text("role").notNull(),
    /** A key of PCF_LEVELS. */
    pcfLevel: text("pcf_level"),
    /** The council's own grade ("Grade 7", "SCP 30"). */
    grade: text("grade"),
    /** Social Work England registration number (an identifier: never in logs or reports). */
    sweNumber: text("swe_number"),
    sweRenewalDate: date("swe_renewal_date"),
    /** When the worker last recorded CPD with Social Work England. */
    cpdRecordedOn: date("cpd_recorded_on"),
    specialisms: text("specialisms").array().notNull().default([]),
    /** Approved mental health professional: the approval's end (re-approval every 5 years). */
    amhpApprovedUntil: date("amhp_approved_until"),
    /** Best interests assessor: qualified, and the latest further training (needed within 12 months of each selection). */
    biaQualifiedOn: date("bia_qualified_on"),
    biaTrainingOn: date("bia_training_on"),
    /** Practice educator stage (1 or 2 of PEPS), null when not one. */
    peStage: integer("pe_stage"),
    qualifiedOn: date("qualified_on"),
    /** A key of ROUTES_IN. */
    routeIn: text("route_in").notNull().default("unknown"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("sw_staff_org_idx").on(t.orgId),
    index("sw_staff_team_idx").on(t.teamId),
    check("sw_staff_pe_stage", sql`pe_stage is null or pe_stage in (1, 2)`),
  ],
);

/** A student on placement, an apprentice, a sponsored master's student or a fast-track trainee. */
export const swTrainees = pgTable(
  "sw_trainees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    /** A key of TRAINEE_ROUTES. */
    route: text("route").notNull(),
    name: text("name").notNull(),
    teamId: teamRef(),
    university: text("university").notNull().default(""),
    programme: text("programme").notNull().default(""),
    cohort: text("cohort").notNull().default(""),
    startDate: date("start_date").notNull(),
    /** The expected (or actual) end of the placement or programme. */
    endDate: date("end_date"),
    placementDays: integer("placement_days"),
    skillsDays: integer("skills_days"),
    practiceEducatorStaffId: staffRef("practice_educator_staff_id"),
    /** Education Support Grant claimed through the university: when, and how much. */
    esgClaimedOn: date("esg_claimed_on"),
    esgAmount: pounds("esg_amount"),
    /** What the council pays (fees, salary top-up) over the programme. */
    cost: pounds("cost"),
    /** Months the trainee agreed to stay after qualifying, and what they repay if they leave sooner. */
    commitmentMonths: integer("commitment_months"),
    repaymentTerms: text("repayment_terms").notNull().default(""),
    /** A key of TRAINEE_STATUSES. */
    status: text("status").notNull().default("in_training"),
    qualifiedOn: date("qualified_on"),
    /** The staff record of the job they took with the council, once they joined. */
    staffRecordId: staffRef("staff_record_id"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("sw_trainees_org_idx").on(t.orgId),
    check("sw_trainees_days", sql`placement_days is null or placement_days >= 0`),
  ],
);

/** A payment to a practice educator for a student they supported. */
export const swPePayments = pgTable(
  "sw_pe_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    traineeId: uuid("trainee_id")
      .notNull()
      .references(() => swTrainees.id),
    practiceEducatorStaffId: staffRef("practice_educator_staff_id").notNull(),
    amount: pounds("amount").notNull(),
    dueOn: date("due_on").notNull(),
    paidOn: date("paid_on"),
    createdAt: created(),
  },
  (t) => [uniqueIndex("sw_pe_payments_key").on(t.traineeId, t.practiceEducatorStaffId)],
);

/** A newly qualified social worker's Assessed and Supported Year in Employment. */
export const swAsye = pgTable(
  "sw_asye",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: staffRef("staff_record_id").notNull(),
    /** A key of SW_SERVICES. */
    service: text("service").notNull(),
    startDate: date("start_date").notNull(),
    assessorStaffId: staffRef("assessor_staff_id"),
    learningPlanAgreedOn: date("learning_plan_agreed_on"),
    /** The most open cases the worker should hold while protected; null: the service's share of the threshold. */
    protectedCaseloadTarget: integer("protected_caseload_target"),
    /** A key of ASYE_STATUSES. */
    status: text("status").notNull().default("in_progress"),
    /** When extended, the new end of the year. */
    extendedTo: date("extended_to"),
    outcomeOn: date("outcome_on"),
    /** When the council claimed the ASYE grant for this worker (Skills for Care or DfE). */
    grantClaimedOn: date("grant_claimed_on"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex("sw_asye_staff_key").on(t.staffRecordId), index("sw_asye_org_idx").on(t.orgId)],
);

/** A review in an ASYE (3, 6, 9 months) or its final assessment. */
export const swAsyeReviews = pgTable(
  "sw_asye_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    asyeId: uuid("asye_id")
      .notNull()
      .references(() => swAsye.id, { onDelete: "cascade" }),
    /** A key of ASYE_STAGES. */
    stage: text("stage").notNull(),
    heldOn: date("held_on").notNull(),
    /** on_track, some_concerns or not_on_track; at the final assessment pass, fail or extend. */
    progress: text("progress").notNull(),
    evidence: text("evidence").notNull().default(""),
    recordedBy: userRef("recorded_by"),
    createdAt: created(),
  },
  (t) => [uniqueIndex("sw_asye_reviews_stage_key").on(t.asyeId, t.stage)],
);

/** A reminder emailed to a team manager about an ASYE review due soon or overdue: each stage is reminded once. */
export const swAsyeReminders = pgTable(
  "sw_asye_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    asyeId: uuid("asye_id")
      .notNull()
      .references(() => swAsye.id, { onDelete: "cascade" }),
    /** A key of ASYE_STAGES. */
    stage: text("stage").notNull(),
    /** The stage's due date when reminded (an extension moves the final's, which is reminded again). */
    dueOn: date("due_on").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sw_asye_reminders_key").on(t.asyeId, t.stage, t.dueOn)],
);

/** The council's supervision frequency standard, by stage or role (defaults: sw-supervision.ts). */
export const swSupervisionStandards = pgTable(
  "sw_supervision_standards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    /** "all", an ASYE stage window, or a key of SW_ROLES. */
    appliesTo: text("applies_to").notNull(),
    every: integer("every").notNull(),
    /** "week" or "month". */
    unit: text("unit").notNull(),
    minMinutes: integer("min_minutes").notNull().default(90),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("sw_supervision_standards_key").on(t.orgId, t.appliesTo),
    check("sw_supervision_standards_every", sql`every > 0 and unit in ('week', 'month')`),
  ],
);

/** One supervision held. */
export const swSupervisions = pgTable(
  "sw_supervisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: staffRef("staff_record_id").notNull(),
    supervisorStaffId: staffRef("supervisor_staff_id"),
    heldOn: date("held_on").notNull(),
    /** A key of SUPERVISION_TYPES. */
    type: text("type").notNull(),
    minutes: integer("minutes"),
    actions: text("actions").notNull().default(""),
    recordedBy: userRef("recorded_by"),
    createdAt: created(),
  },
  (t) => [
    index("sw_supervisions_staff_idx").on(t.staffRecordId, t.heldOn),
    index("sw_supervisions_org_idx").on(t.orgId),
  ],
);

/**
 * A supervision reminder email sent (issue 20 item 4): the worker's when due within 7 days or
 * overdue, the team manager's digest when overdue. One per worker, due date and audience, so the
 * daily job never sends the same reminder twice; holding a supervision moves the due date, which
 * is reminded afresh.
 */
export const swSupervisionReminders = pgTable(
  "sw_supervision_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: uuid("staff_record_id")
      .notNull()
      .references(() => staffRecords.id, { onDelete: "cascade" }),
    /** The supervision's due date when reminded (sw-supervision.ts nextDue). */
    dueOn: date("due_on").notNull(),
    /** "worker" (their own reminder) or "manager" (the team manager's overdue digest). */
    audience: text("audience").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sw_supervision_reminders_key").on(t.staffRecordId, t.dueOn, t.audience),
    check("sw_supervision_reminders_audience", sql`audience in ('worker', 'manager')`),
  ],
);

/** A worker's caseload in a month: open cases, by type. */
export const swCaseloads = pgTable(
  "sw_caseloads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: staffRef("staff_record_id").notNull(),
    /** The month's first day. */
    month: date("month").notNull(),
    openCases: integer("open_cases").notNull(),
    /** Open cases by a key of CASE_TYPES. */
    byType: jsonb("by_type").$type<Record<string, number>>().notNull().default({}),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("sw_caseloads_key").on(t.staffRecordId, t.month),
    index("sw_caseloads_org_month_idx").on(t.orgId, t.month),
    check("sw_caseloads_cases", sql`open_cases >= 0`),
  ],
);

/** A step of the council's progression scheme (grade to grade), with criteria and evidence. */
export const swProgressionSteps = pgTable("sw_progression_steps", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: orgRef(),
  /** A key of SW_SERVICES, or null for both. */
  service: text("service"),
  name: text("name").notNull(),
  fromGrade: text("from_grade").notNull(),
  toGrade: text("to_grade").notNull(),
  /** Career framework roles (frameworks/shipped-framework.ts) the step moves between. */
  fromFrameworkRole: text("from_framework_role"),
  toFrameworkRole: text("to_framework_role"),
  criteria: text("criteria").array().notNull().default([]),
  evidence: text("evidence").array().notNull().default([]),
  /** Automatic on passing the ASYE, or decided by a panel. */
  automatic: boolean("automatic").notNull().default(false),
  minMonthsInGrade: integer("min_months_in_grade"),
  position: integer("position").notNull().default(0),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  createdAt: created(),
});

/** A worker's case for a progression step: evidence, panel date and decision. */
export const swProgressionCases = pgTable(
  "sw_progression_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: staffRef("staff_record_id").notNull(),
    stepId: uuid("step_id")
      .notNull()
      .references(() => swProgressionSteps.id),
    /** A key of PROGRESSION_STATUSES. */
    status: text("status").notNull().default("preparing"),
    evidenceNotes: text("evidence_notes").notNull().default(""),
    panelDate: date("panel_date"),
    decidedOn: date("decided_on"),
    decisionNotes: text("decision_notes").notNull().default(""),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("sw_progression_cases_org_idx").on(t.orgId)],
);

/** A worker's annual development review. */
export const swDevelopmentReviews = pgTable(
  "sw_development_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: staffRef("staff_record_id").notNull(),
    heldOn: date("held_on").notNull(),
    reviewerStaffId: staffRef("reviewer_staff_id"),
    objectives: text("objectives").notNull().default(""),
    trainingNeeds: text("training_needs").array().notNull().default([]),
    readyForProgression: boolean("ready_for_progression").notNull().default(false),
    createdAt: created(),
  },
  (t) => [index("sw_development_reviews_staff_idx").on(t.staffRecordId, t.heldOn)],
);

/** An agency social worker's assignment with the council. */
export const swAgencyAssignments = pgTable(
  "sw_agency_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    teamId: teamRef().notNull(),
    /** A key of SW_ROLES (its AGENCY_ROLE_TYPES job type follows from it). */
    role: text("role").notNull(),
    workerName: text("worker_name").notNull(),
    /** Social Work England number (an identifier: the DfE return asks for it; never in logs). */
    sweNumber: text("swe_number"),
    agencyName: text("agency_name").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    /** The hourly rate the council pays (pay, employer's NI and holiday pay: the cap's measure). */
    hourlyRate: pounds("hourly_rate").notNull(),
    /** The agency's charge on top, per hour. */
    agencyFee: pounds("agency_fee").notNull().default(0),
    weeklyHours: numeric("weekly_hours", { precision: 5, scale: 2, mode: "number" }).notNull().default(37),
    coversVacancy: boolean("covers_vacancy").notNull().default(true),
    projectTeam: boolean("project_team").notNull().default(false),
    noticeWeeks: integer("notice_weeks"),
    /** Years of post-qualifying experience in local authority social work at the start. */
    pqeYears: numeric("pqe_years", { precision: 4, scale: 1, mode: "number" }),
    asyeCompleted: boolean("asye_completed"),
    /** When they left a substantive social work job in a council of the same region, if they did. */
    leftSubstantiveOn: date("left_substantive_on"),
    referenceReceived: boolean("reference_received").notNull().default(false),
    /** Who signed off paying above the regional price cap, when it is above. */
    capBreachSignedOffBy: text("cap_breach_signed_off_by"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("sw_agency_assignments_org_idx").on(t.orgId, t.startDate),
    check("sw_agency_assignments_dates", sql`end_date is null or end_date >= start_date`),
  ],
);

/** The regional price cap per hour for a DfE agency job type, from a date. */
export const swAgencyPriceCaps = pgTable(
  "sw_agency_price_caps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    /** A key of AGENCY_ROLE_TYPES. */
    roleType: text("role_type").notNull(),
    hourlyCap: pounds("hourly_cap").notNull(),
    fromDate: date("from_date").notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex("sw_agency_price_caps_key").on(t.orgId, t.roleType, t.fromDate)],
);

/**
 * An exit interview offered to a leaver (any employer's). The leaver answers through a link of
 * their own (only the token's SHA-256 is kept). Reasons are collated with disclosure control; the
 * comments reach the employer only when the leaver chose to share them, and never reports.
 */
export const exitInterviews = pgTable(
  "exit_interviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: staffRef("staff_record_id").notNull(),
    tokenHash: text("token_hash"),
    offeredOn: date("offered_on").notNull(),
    expiresOn: date("expires_on").notNull(),
    completedOn: date("completed_on"),
    declinedOn: date("declined_on"),
    /** Keys of EXIT_REASONS. */
    reasons: text("reasons").array().notNull().default([]),
    mainReason: text("main_reason"),
    /** yes, maybe or no. */
    wouldReturn: text("would_return"),
    wouldRecommend: text("would_recommend"),
    comments: text("comments").notNull().default(""),
    shareWithEmployer: boolean("share_with_employer").notNull().default(false),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("exit_interviews_staff_key").on(t.staffRecordId),
    uniqueIndex("exit_interviews_token_key").on(t.tokenHash),
    index("exit_interviews_org_idx").on(t.orgId),
  ],
);
