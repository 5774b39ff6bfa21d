import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./orgs";

// Workforce records, owned by the employing organisation (org_id). Coded answers keep
// the ASC-WDS bulk upload codes (see src/shared/ascwds/codes.ts) so files round-trip.

export const workplaces = pgTable(
  "workplaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    /** The council area the workplace is in (a council organisation in this hub), if any. */
    councilId: uuid("council_id").references(() => organisations.id),
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("workplaces_org_local_ref_key").on(t.orgId, t.localRef), index("workplaces_council_idx").on(t.councilId)],
);

/** One employment of one person at one workplace. A leaver keeps the record with an end date. */
export const staffRecords = pgTable(
  "staff_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    workplaceId: uuid("workplace_id")
      .notNull()
      .references(() => workplaces.id),
    localRef: text("local_ref").notNull(), // UNIQUEWORKERID
    displayId: text("display_id").notNull(), // DISPLAYID
    /** HMAC-SHA256 of the normalised NI number with the installation secret: links a person across employers. */
    personKey: text("person_key"),
    /** AES-256-GCM ciphertext of the NI number (see docs/adr/0004-ni-numbers.md). */
    niEncrypted: text("ni_encrypted"),
    dateOfBirth: date("date_of_birth"),
    gender: integer("gender"),
    ethnicity: integer("ethnicity"),
    nationality: integer("nationality"),
    disabled: integer("disabled"),
    contractType: integer("contract_type").notNull(), // EMPLSTATUS
    zeroHours: integer("zero_hours"),
    contractedHours: numeric("contracted_hours", { precision: 6, scale: 2, mode: "number" }),
    averageHours: numeric("average_hours", { precision: 6, scale: 2, mode: "number" }),
    payInterval: integer("pay_interval"), // SALARYINT: 1 annually, 3 hourly, 999 don't know
    payRate: numeric("pay_rate", { precision: 10, scale: 2, mode: "number" }),
    mainJobRole: integer("main_job_role").notNull(),
    mainJobStartDate: date("main_job_start_date"),
    startDate: date("start_date").notNull(),
    sectorStartYear: integer("sector_start_year"),
    socialCareQual: integer("social_care_qual"), // 1 yes, 2 no, 999 don't know
    socialCareQualLevel: integer("social_care_qual_level"),
    careCertificate: integer("care_certificate"),
    apprentice: integer("apprentice"),
    daysSick: numeric("days_sick", { precision: 5, scale: 1, mode: "number" }),
    cwpCategory: integer("cwp_category"),
    recruitmentSource: integer("recruitment_source"),
    endDate: date("end_date"),
    leavingReason: integer("leaving_reason"),
    /** A personal account that may see this record (staff member role). */
    userId: uuid("user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("staff_records_workplace_local_ref_key").on(t.workplaceId, t.localRef),
    index("staff_records_org_idx").on(t.orgId),
    index("staff_records_person_key_idx").on(t.personKey),
    index("staff_records_dates_idx").on(t.workplaceId, t.startDate, t.endDate),
  ],
);

export const vacancies = pgTable(
  "vacancies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id),
    workplaceId: uuid("workplace_id")
      .notNull()
      .references(() => workplaces.id),
    jobRole: integer("job_role").notNull(),
    openedOn: date("opened_on").notNull(),
    closedOn: date("closed_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("vacancies_workplace_idx").on(t.workplaceId), index("vacancies_org_idx").on(t.orgId)],
);
