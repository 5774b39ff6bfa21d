import { z } from "zod";
import { day, timestamp } from "./common";

const isoDate = z.iso.date("Enter the date as YYYY-MM-DD");
const reason = z.number().int().min(1, "Choose a leaving reason").max(9, "Choose a leaving reason");
const leaverDecision = z.object({
  action: z.enum(["keep", "leaver"], { error: "Choose whether to keep them or mark them as leavers" }),
  leavingDate: isoDate.optional(),
  reason: reason.optional(),
});

export const commitImportInput = z.object({
  missing: z.object({ default: leaverDecision, byId: z.record(z.uuid(), leaverDecision).optional() }),
  deleted: leaverDecision.optional(),
});
export type CommitImportInput = z.infer<typeof commitImportInput>;

// Answers.

/** One problem in an upload; never quotes an NI number or a date of birth. */
export const problemView = z.object({
  file: z.string(),
  line: z.number().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  workplace: z.string().optional(),
  staff: z.string().optional(),
});
export type ProblemView = z.infer<typeof problemView>;

export const importView = z.object({
  id: z.string(),
  status: z.string(),
  asAt: day,
  files: z.array(z.object({ name: z.string(), kind: z.string(), rows: z.number(), encoding: z.string() })),
  /** What the upload holds and would change, once checked (null before). */
  summary: z.unknown(),
  /** The changes workplace by workplace (left out of the list of uploads). */
  preview: z.unknown().optional(),
  problems: z.array(problemView),
  problemCount: z.number(),
  progress: z.number(),
  error: z.string().nullable(),
  createdAt: timestamp,
  committedAt: timestamp.nullable(),
});
export type ImportView = z.infer<typeof importView>;
export const importResponse = z.object({ import: importView });
export type ImportResponse = z.infer<typeof importResponse>;
export const importsResponse = z.object({ imports: z.array(importView) });
export type ImportsResponse = z.infer<typeof importsResponse>;

/** Records sent through the API, applied: what changed, and warnings (errors answer 422 instead). */
export const recordsResponse = z.object({
  applied: z.object({
    workplacesNew: z.number(),
    workplacesUpdated: z.number(),
    staffNew: z.number(),
    staffUpdated: z.number(),
    leavers: z.number(),
    missingKept: z.number(),
    trainingRecords: z.number(),
    declaredCounts: z.number(),
  }),
  changes: z.unknown(),
  warnings: z.array(problemView.extend({ record: z.number().nullable() })),
});
export type RecordsResponse = z.infer<typeof recordsResponse>;
