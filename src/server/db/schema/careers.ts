import { sql } from "drizzle-orm";
import {
  boolean,
  date,
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
import { councilRef, created, orgRef, providerRef, updated, userRef } from "./columns";
import { staffRecords } from "./workforce";

// A council's career framework: a draft it edits and the versions it publishes, each one whole
// document (ADR 0008). Providers endorse a published version; they map their own job titles
// onto the framework's roles.

export const careerFrameworks = pgTable(
  "career_frameworks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    /** draft, or published (then never changed). */
    status: text("status").notNull(),
    /** 1, 2, … for published versions; null for the draft. */
    version: integer("version"),
    document: jsonb("document").notNull(),
    createdBy: userRef("created_by"),
    updatedAt: updated(),
    publishedBy: userRef("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("career_frameworks_version_key").on(t.councilId, t.version),
    // One draft per council at a time.
    uniqueIndex("career_frameworks_one_draft").on(t.councilId).where(sql`status = 'draft'`),
  ],
);

export const frameworkEndorsements = pgTable(
  "framework_endorsements",
  {
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => careerFrameworks.id),
    providerId: providerRef(),
    endorsedBy: userRef("endorsed_by"),
    endorsedAt: timestamp("endorsed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.providerId] })],
);

export const providerJobTitles = pgTable(
  "provider_job_titles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: providerRef(),
    title: text("title").notNull(),
    /** The framework role key it maps onto. */
    roleKey: text("role_key").notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex("provider_job_titles_key").on(t.providerId, sql`lower(${t.title})`)],
);

/** A staff member's development plan: shared with their employer's managers only when they choose. */
export const careerPlans = pgTable("career_plans", {
  staffRecordId: uuid("staff_record_id")
    .primaryKey()
    .references(() => staffRecords.id, { onDelete: "cascade" }),
  orgId: orgRef(),
  shared: boolean("shared").notNull().default(false),
  updatedAt: updated(),
});

/** One goal of a development plan: what, towards which role, by when, and when it was done. */
export const careerGoals = pgTable(
  "career_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgRef(),
    staffRecordId: uuid("staff_record_id")
      .notNull()
      .references(() => staffRecords.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    roleKey: text("role_key"),
    dueOn: date("due_on"),
    doneOn: date("done_on"),
    createdAt: created(),
  },
  (t) => [index("career_goals_staff_idx").on(t.staffRecordId)],
);
