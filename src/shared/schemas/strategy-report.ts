import { z } from "zod";
import { day, timestamp } from "./common";
import { freeText } from "./text";

// The quarterly board report (issue 16): the narrative a council writes before generating, and
// the reports it has generated (each kept).

export const boardReportQuarter = z.string().regex(/^\d{4}-Q[1-4]$/, "Give the quarter as 2026-Q3");

const line = (what: string, max: number) =>
  freeText(
    z.string().trim().min(1, `Enter ${what.toLowerCase()}`).max(max, `${what} must be ${max} characters or fewer`),
    what,
  );

export const boardReportNarrativeInput = z.object({
  title: line("The report's title", 200),
  reportTo: line("Who the report is to", 200),
  meetingDate: z.iso.date("Enter the date of the meeting as a real date").nullable(),
  reportingOfficer: line("The reporting officer", 200),
  purpose: freeText(
    z
      .string()
      .trim()
      .min(1, "Enter the purpose of the report")
      .max(3000, "The purpose must be 3,000 characters or fewer"),
    "The purpose",
    { multiLine: true },
  ),
  recommendations: z
    .array(line("A recommendation", 1000))
    .min(1, "Give at least one recommendation for the board")
    .max(20, "Give 20 recommendations or fewer"),
});
export type BoardReportNarrativeInput = z.infer<typeof boardReportNarrativeInput>;

export const boardReportNarrativeResponse = z.object({
  quarter: z.string(),
  narrative: z.object({
    title: z.string(),
    reportTo: z.string(),
    meetingDate: day.nullable(),
    reportingOfficer: z.string(),
    purpose: z.string(),
    recommendations: z.array(z.string()),
  }),
  /** False until the council saves its own: the narrative is then the hub's suggestion. */
  saved: z.boolean(),
  updatedAt: timestamp.nullable(),
});
export type BoardReportNarrativeResponse = z.infer<typeof boardReportNarrativeResponse>;

export const boardReportVersion = z.object({
  id: z.string(),
  quarter: z.string(),
  format: z.enum(["docx", "pdf"]),
  size: z.number(),
  sha256: z.string(),
  generatedAt: timestamp,
  generatedBy: z.string().nullable(),
});
export const boardReportsResponse = z.object({ reports: z.array(boardReportVersion) });
export type BoardReportsResponse = z.infer<typeof boardReportsResponse>;
