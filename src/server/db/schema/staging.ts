import { bigint, date, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./orgs";
import { qualificationColumns, staffValueColumns, trainingValueColumns } from "./workforce";

// An upload's checked changes, written when it is previewed so that the commit is a few SQL
// statements from these tables instead of checking, encrypting and sending every row again
// (docs/adr/0007-staged-uploads.md). Rows go when the upload is committed or removed. No
// indexes and no references: they are written once and read once, whole, inside the checks of the
// tables they are copied into. stage_id is the upload's id, or a fresh id when files are applied
// directly (CLI, records API); the rows are deleted by the transaction that applies them.

/** A new or changed staff record, with its id, identifiers already hashed and encrypted. */
export const importStaff = pgTable("import_staff", {
  stageId: uuid("stage_id").notNull(),
  orgId: uuid("org_id").notNull(),
  action: text("action").notNull(), // new | update
  staffId: uuid("staff_id").notNull(),
  workplaceId: uuid("workplace_id").notNull(),
  localRef: text("local_ref").notNull(),
  personKey: text("person_key"),
  niEncrypted: text("ni_encrypted"),
  dateOfBirth: date("date_of_birth"),
  startDate: date("start_date").notNull(),
  /** For updates: the fields that change (niNumber, dateOfBirth and localRef included). */
  changed: text("changed").array().notNull().default([]),
  /** For updates: the audit entry's before and after, masked when staged. */
  audit: jsonb("audit").$type<{ before: unknown; after: unknown }>(),
  ...staffValueColumns(),
});

/** The qualifications of new staff records and of records whose qualifications change. */
export const importQualifications = pgTable("import_qualifications", {
  stageId: uuid("stage_id").notNull(),
  id: uuid("id").notNull(),
  orgId: uuid("org_id").notNull(),
  staffRecordId: uuid("staff_record_id").notNull(),
  ...qualificationColumns(),
});

/** Training for the staff records whose training the upload replaces. */
export const importTraining = pgTable("import_training", {
  stageId: uuid("stage_id").notNull(),
  id: uuid("id").notNull(),
  orgId: uuid("org_id").notNull(),
  staffRecordId: uuid("staff_record_id").notNull(),
  ...trainingValueColumns(),
});

/**
 * A number that goes up with every write to an organisation's workforce records (by triggers, so
 * no write path can forget): a staged upload is applied only if it is unchanged since the preview.
 */
export const orgDataVersions = pgTable(
  "org_data_versions",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId] })],
);
