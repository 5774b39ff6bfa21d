import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, councilRef, updated, userRef } from "./columns";

// The quarterly board report (issue 16): the narrative a council writes for a quarter before
// generating (its cover, purpose and recommendations), and every report generated, kept whole:
// the file's bytes, their SHA-256 and what it was made from. A trigger keeps generated reports
// as they were written (no UPDATE, DELETE or TRUNCATE; migration 0019).

export const boardReportNarratives = pgTable(
  "board_report_narratives",
  {
    councilId: councilRef(),
    /** The calendar quarter, as 2026-Q3. */
    quarter: text("quarter").notNull(),
    title: text("title").notNull(),
    reportTo: text("report_to").notNull(),
    meetingDate: date("meeting_date"),
    reportingOfficer: text("reporting_officer").notNull(),
    purpose: text("purpose").notNull(),
    /** What the board is asked to do, one item each. */
    recommendations: jsonb("recommendations").$type<string[]>().notNull(),
    updatedBy: userRef("updated_by"),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.councilId, t.quarter] }),
    check("board_report_narratives_quarter", sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
  ],
);

export const boardReports = pgTable(
  "board_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    councilId: councilRef(),
    quarter: text("quarter").notNull(),
    /** docx or pdf. */
    format: text("format").notNull(),
    bytes: bytea("bytes").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** What it was made from: the plan at the quarter, the narrative and the figures (BoardReportInput). */
    inputs: jsonb("inputs").notNull(),
    generatedBy: userRef("generated_by"),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("board_reports_council_idx").on(t.councilId, t.quarter, t.generatedAt),
    check("board_reports_format", sql`${t.format} in ('docx', 'pdf')`),
  ],
);
