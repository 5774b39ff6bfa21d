import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  foreignKey,
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
import { bytea, councilRef, created, organisationRef, orgRef, pounds, updated, userRef } from "./columns";

// Workforce records, owned by the employing organisation (org_id). Coded answers keep
// the ASC-WDS bulk upload codes (see src/shared/ascwds/codes.ts) so files round-trip.

export const workplaces = pgTable(
  "workplaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    /** The council area the workplace is in (a council organisation in this hub), if any. */
    councilId: organisationRef("council_id"),
    localRef: text("local_ref").notNull(), // LOCALESTID
    name: text("name").notNull(),
    employerType: integer("employer_type"), // ESTTYPE
    mainService: integer("main_service").notNull(), // MAINSERVICE
    otherServices: integer("other_services").array().notNull().default([]),
    capacity: integer("capacity"),
    utilisation: integer("utilisation"),
    address1: text("address1"),
    town: text("town"),
    postcode: text("postcode"),
    cqcProviderId: text("cqc_provider_id"),
    cqcLocationId: text("cqc_location_id"),
    /** TOTALPERMTEMP: permanent and temporary staff, as the provider declared it. */
    declaredStaffTotal: integer("declared_staff_total"),
    /** The other ASC-WDS workplace answers, by column name, in canonical form (kept so files round-trip). */
    ascwds: jsonb("ascwds").$type<Record<string, string>>().notNull().default({}),
    /**
     * The day the hub's records of this workplace begin: its first upload's as-at date, or the
     * start of a history loaded with it. Before it the hub knows who was in post from start dates
     * but not who left, nor vacancies: its figures read "no data" there. Null: no such limit.
     */
    recordsFrom: date("records_from"),
    /**
     * "adults" or "children" when this is the council's own social work service (issue 20): its
     * staff are social workers, measured on the social work dashboard and the census, not in the
     * area's adult social care figures or its ASC-WDS returns. Null for every other workplace.
     */
    socialWorkService: text("social_work_service"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("workplaces_org_local_ref_key").on(t.orgId, t.localRef),
    index("workplaces_council_idx").on(t.councilId),
    // The target of staff records' (workplace, organisation) reference.
    uniqueIndex("workplaces_id_org_key").on(t.id, t.orgId),
  ],
);

/**
 * The staff file's answers as columns: a function, so the upload staging table (staging.ts) gets
 * the same columns from one definition.
 */
export const staffValueColumns = () => ({
  displayId: text("display_id").notNull(), // DISPLAYID
  gender: integer("gender"),
  ethnicity: integer("ethnicity"),
  nationality: integer("nationality"),
  disabled: integer("disabled"),
  contractType: integer("contract_type").notNull(), // EMPLSTATUS
  zeroHours: integer("zero_hours"),
  contractedHours: numeric("contracted_hours", { precision: 6, scale: 2, mode: "number" }),
  averageHours: numeric("average_hours", { precision: 6, scale: 2, mode: "number" }),
  payInterval: integer("pay_interval"), // SALARYINT: 1 annually, 3 hourly, 999 don't know
  payRate: pounds("pay_rate", 10),
  mainJobRole: integer("main_job_role").notNull(),
  mainJobStartDate: date("main_job_start_date"),
  sectorStartYear: integer("sector_start_year"),
  socialCareQual: integer("social_care_qual"), // 1 yes, 2 no, 999 don't know
  socialCareQualLevel: integer("social_care_qual_level"),
  careCertificate: integer("care_certificate"),
  apprentice: integer("apprentice"),
  daysSick: numeric("days_sick", { precision: 5, scale: 1, mode: "number" }),
  cwpCategory: integer("cwp_category"),
  recruitmentSource: integer("recruitment_source"),
  homePostcode: text("home_postcode"),
  britishCitizenship: integer("british_citizenship"),
  countryOfBirth: integer("country_of_birth"),
  yearOfEntry: integer("year_of_entry"),
  level2CareCertificate: integer("level2_care_certificate"),
  level2CareCertificateYear: integer("level2_care_certificate_year"),
  healthCareVisa: integer("health_care_visa"),
  recruitedOutsideUk: integer("recruited_outside_uk"),
  delegatedHealthcare: integer("delegated_healthcare"),
  mainJobDesc: text("main_job_desc"),
  nmcRegistration: integer("nmc_registration"),
  amhp: integer("amhp"),
  otherQual: integer("other_qual"),
  otherQualLevel: integer("other_qual_level"),
});

/** One employment of one person at one workplace. A leaver keeps the record with an end date. */
export const staffRecords = pgTable(
  "staff_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // One reference, (workplace, organisation), checks both that the workplace exists and that it
    // belongs to the record's organisation: tenancy held by the database, with one check per row
    // instead of two (bulk uploads write 100,000 rows).
    orgId: uuid("org_id").notNull(),
    workplaceId: uuid("workplace_id").notNull(),
    localRef: text("local_ref").notNull(), // UNIQUEWORKERID
    /** HMAC-SHA256 of the normalised NI number with the installation secret: links a person across employers. */
    personKey: text("person_key"),
    /** AES-256-GCM ciphertext of the NI number (see docs/adr/0004-ni-numbers.md). */
    niEncrypted: text("ni_encrypted"),
    dateOfBirth: date("date_of_birth"),
    startDate: date("start_date").notNull(),
    ...staffValueColumns(),
    endDate: date("end_date"),
    leavingReason: integer("leaving_reason"),
    /** Where the leaver went, when known (ASC-WDS reasons 1–3 name it; see LEAVING_DESTINATIONS). */
    leavingDestination: text("leaving_destination"),
    /** A personal account that may see this record (staff member role). */
    userId: userRef("user_id"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    // A reference is unique among a workplace's current staff; leavers keep theirs, and it may be reused.
    uniqueIndex("staff_records_workplace_local_ref_key").on(t.workplaceId, t.localRef).where(sql`end_date is null`),
    index("staff_records_org_idx").on(t.orgId),
    index("staff_records_person_key_idx").on(t.personKey),
    index("staff_records_dates_idx").on(t.workplaceId, t.startDate, t.endDate),
    foreignKey({
      name: "staff_records_workplace_org_fk",
      columns: [t.workplaceId, t.orgId],
      foreignColumns: [workplaces.id, workplaces.orgId],
    }),
  ],
);

/**
 * A column that names a staff record; nullable until the caller says `.notNull()`. It lives here
 * rather than in columns.ts because this file uses columns.ts: there it would make an import circle.
 */
export const staffRef = (name: string) => uuid(name).references(() => staffRecords.id);

export const vacancies = pgTable(
  "vacancies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    workplaceId: uuid("workplace_id")
      .notNull()
      .references(() => workplaces.id),
    jobRole: integer("job_role").notNull(),
    openedOn: date("opened_on").notNull(),
    closedOn: date("closed_on"),
    createdAt: created(),
  },
  (t) => [index("vacancies_workplace_idx").on(t.workplaceId), index("vacancies_org_idx").on(t.orgId)],
);

/** A qualification pair's values (shared with the upload staging table). */
export const qualificationColumns = () => ({
  position: integer("position").notNull(),
  qualificationCode: integer("qualification_code").notNull(),
  year: integer("year"),
  notes: text("notes"),
});

/** Qualifications achieved (the staff file's QUALACHnn pairs). */
export const staffQualifications = pgTable(
  "staff_qualifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: uuid("staff_record_id")
      .notNull()
      .references(() => staffRecords.id, { onDelete: "cascade" }),
    ...qualificationColumns(),
  },
  (t) => [index("staff_qualifications_staff_idx").on(t.staffRecordId)],
);

/** A training record's values (shared with the upload staging table). */
export const trainingValueColumns = () => ({
  category: integer("category").notNull(),
  name: text("name"),
  accredited: integer("accredited"),
  whoDelivered: integer("who_delivered"),
  providerCode: integer("provider_code"),
  howDelivered: integer("how_delivered"),
  /** Months the training stays valid; null = does not expire. */
  validityMonths: integer("validity_months"),
  completedOn: date("completed_on"),
  expiresOn: date("expires_on"),
  notes: text("notes"),
});

/** Training records (the ASC-WDS training file). */
export const trainingRecords = pgTable(
  "training_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: uuid("staff_record_id")
      .notNull()
      .references(() => staffRecords.id, { onDelete: "cascade" }),
    ...trainingValueColumns(),
    createdAt: created(),
  },
  (t) => [index("training_records_staff_idx").on(t.staffRecordId), index("training_records_org_idx").on(t.orgId)],
);

/**
 * Counts a provider declared as at a date in an ASC-WDS workplace file: vacancies, starters and
 * leavers per job role, and leavers per reason.
 */
export const declaredCounts = pgTable(
  "declared_counts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    workplaceId: uuid("workplace_id")
      .notNull()
      .references(() => workplaces.id),
    asAt: date("as_at").notNull(),
    kind: text("kind").notNull(), // vacancies | starters | leavers | leaving_reason
    /** The job role code, or the leaving reason code for kind leaving_reason; null for "don't know" (999) totals. */
    code: integer("code"),
    count: integer("count"),
  },
  (t) => [index("declared_counts_workplace_as_at_idx").on(t.workplaceId, t.asAt)],
);

/** Agency use and spend per workplace per month. */
export const agencyUse = pgTable(
  "agency_use",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    workplaceId: uuid("workplace_id")
      .notNull()
      .references(() => workplaces.id),
    month: date("month").notNull(), // first day of the month
    hours: numeric("hours", { precision: 10, scale: 1, mode: "number" }),
    spend: pounds("spend"),
    roles: integer("roles").array().notNull().default([]),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex("agency_use_workplace_month_key").on(t.workplaceId, t.month)],
);

/** An upload of ASC-WDS files: validated, previewed, then committed (or not). */
export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    createdBy: userRef("created_by"),
    status: text("status").notNull(), // validating | invalid | ready | committing | committed | failed | discarded
    asAt: date("as_at").notNull(),
    files: jsonb("files")
      .$type<{ name: string; kind: string; rows: number; encoding: string }[]>()
      .notNull()
      .default([]),
    summary: jsonb("summary"),
    /** Problems found (never holds NI numbers or dates of birth). */
    problems: jsonb("problems"),
    preview: jsonb("preview"),
    /** What the commit applies besides the staged rows (workplaces, declared counts, leavers); see staging.ts. */
    staged: jsonb("staged"),
    /** The organisation's data version the upload was checked against (org_data_versions). */
    dataVersion: bigint("data_version", { mode: "number" }),
    jobId: uuid("job_id"),
    /** Why checking or applying it failed, shown to the person uploading. */
    error: text("error"),
    createdAt: created(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
  },
  (t) => [index("imports_org_idx").on(t.orgId, t.createdAt)],
);

/** The files of an upload, kept until it is committed or discarded, so commit applies exactly what was previewed. */
export const importFiles = pgTable("import_files", {
  id: uuid("id").primaryKey().defaultRandom(),
  importId: uuid("import_id")
    .notNull()
    .references(() => imports.id, { onDelete: "cascade" }),
  orgId: orgRef(),
  name: text("name").notNull(),
  bytes: bytea("bytes").notNull(),
});

/** A return period a council sets: providers submit their data as at `periodEnd` by `dueDate`. */
export const returnPeriods = pgTable(
  "return_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    name: text("name").notNull(),
    periodEnd: date("period_end").notNull(),
    dueDate: date("due_date").notNull(),
    /** The period also asks for the contract-monitoring return (issue 19), pre-filled from the hub. */
    contractMonitoring: boolean("contract_monitoring").notNull().default(false),
    createdAt: created(),
  },
  (t) => [uniqueIndex("return_periods_council_end_key").on(t.councilId, t.periodEnd)],
);

/** A provider's submission for a period: an immutable snapshot of its data as at the period end. */
export const returnSubmissions = pgTable(
  "return_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => returnPeriods.id),
    orgId: orgRef(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    submittedBy: uuid("submitted_by"),
    completeness: jsonb("completeness").notNull(),
    snapshot: jsonb("snapshot").notNull(),
  },
  (t) => [uniqueIndex("return_submissions_period_org_key").on(t.periodId, t.orgId)],
);

/** Reminder emails sent, so each is sent once. */
export const returnReminders = pgTable(
  "return_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => returnPeriods.id),
    orgId: orgRef(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("return_reminders_period_org_key").on(t.periodId, t.orgId)],
);

/**
 * An employer's own settings that figures depend on: its standard working week (for FTE;
 * metrics.md default 37.5 hours) and its mandatory training by job role (for
 * training_compliance), as ASC-WDS keeps them per workplace owner.
 */
export const workforceSettings = pgTable("workforce_settings", {
  orgId: organisationRef("org_id").primaryKey(),
  /** Hours in a full-time week; null = the hub's default of 37.5. */
  standardWeeklyHours: numeric("standard_weekly_hours", { precision: 4, scale: 1, mode: "number" }),
  /** ASC-WDS training categories each job role must hold valid; `roles` null = every job role. */
  requiredTraining: jsonb("required_training")
    .$type<{ category: number; roles: number[] | null }[]>()
    .notNull()
    .default([]),
  updatedAt: updated(),
});

/**
 * Changes of main job role or Care Workforce Pathway category on a staff record, written by a
 * database trigger on every path that updates a record (form, upload, API), so that a promotion
 * inside one employment counts in the career figures (issue 5). `changedOn` is the new main job
 * start date when the change moved it forward, else the day of the change.
 */
export const staffRoleChanges = pgTable(
  "staff_role_changes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgRef(),
    staffRecordId: uuid("staff_record_id")
      .notNull()
      .references(() => staffRecords.id, { onDelete: "cascade" }),
    changedOn: date("changed_on").notNull(),
    fromRole: integer("from_role").notNull(),
    fromCwp: integer("from_cwp"),
    toRole: integer("to_role").notNull(),
    toCwp: integer("to_cwp"),
  },
  (t) => [index("staff_role_changes_staff_idx").on(t.staffRecordId, t.changedOn)],
);
