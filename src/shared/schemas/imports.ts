import { z } from "zod";
import { day, timestamp } from "./common";

const isoDate = z.iso.date("Enter the date as YYYY-MM-DD");
const reason = z.number().int().min(1, "Choose a leaving reason").max(9, "Choose a leaving reason");
const leaverDecision = z.object({
  action: z.enum(["keep", "leaver"], { error: "Choose whether to keep them or mark them as leavers" }),
  leavingDate: isoDate.optional(),
  reason: reason.optional(),
});

/** Why someone the staff file marks DELETE left, and when (the upload's as-at date when no date is given). */
const leaverDetails = z.object({ leavingDate: isoDate.optional(), reason });

export const commitImportInput = z.object({
  missing: z.object({ default: leaverDecision, byId: z.record(z.uuid(), leaverDecision).optional() }),
  /**
   * For staff the file marks DELETE: a reason for each (by staff record id), or one for them all.
   * The ASC-WDS staff file has no column for why someone left, so the person uploading is asked.
   */
  deleted: z
    .object({ default: leaverDetails.optional(), byId: z.record(z.uuid(), leaverDetails).optional() })
    .optional(),
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

// A file nobody could place (not an ASC-WDS workplace, staff or training file) has no kind.
const uploadFileView = z.object({
  name: z.string(),
  kind: z.string().nullable(),
  rows: z.number(),
  encoding: z.string(),
});
const count = z.number();
/** How many staff records and workplaces an upload creates, updates, leaves alone, ends and misses. */
export const changeTotalsView = z.object({
  new: count,
  updated: count,
  unchanged: count,
  leaving: count,
  missing: count,
  workplacesNew: count,
  workplacesUpdated: count,
});
/** What applying an upload did. */
export const appliedCountsView = z.object({
  workplacesNew: count,
  workplacesUpdated: count,
  staffNew: count,
  staffUpdated: count,
  leavers: count,
  missingKept: count,
  trainingRecords: count,
  declaredCounts: count,
});
export const uploadSummaryView = z.object({
  files: z.array(uploadFileView),
  rows: z.object({ workplace: count, staff: count, training: count }),
  errors: count,
  warnings: count,
  /** Null when the files have errors (nothing would change). */
  changes: changeTotalsView.nullable(),
  /** Once applied. */
  applied: appliedCountsView.optional(),
});
export type UploadSummaryView = z.infer<typeof uploadSummaryView>;
/** What the person uploading sees before anything changes, workplace by workplace. */
export const uploadPreviewView = z.object({
  workplaces: z.array(
    z.object({
      ref: z.string(),
      name: z.string(),
      action: z.enum(["new", "update", "unchanged", "not in workplace file"]),
      changed: z.array(z.string()),
      staff: z.object({ new: count, updated: count, unchanged: count, leaving: count, missing: count }),
      updates: z.array(z.object({ ref: z.string(), fields: z.array(z.string()) })),
    }),
  ),
  /** Staff in post in a workplace the files cover, but not in the staff file. */
  missing: z.array(z.object({ id: z.string(), workplaceRef: z.string(), ref: z.string(), displayId: z.string() })),
  /**
   * Staff the file marks DELETE: each is shown, and the reason they left asked for before the
   * upload can be saved (the ASC-WDS staff file has no column for it). Older previews lack it.
   */
  leavers: z
    .array(z.object({ id: z.string(), workplaceRef: z.string(), ref: z.string(), displayId: z.string() }))
    .optional(),
  training: z.object({ staffRecords: count, replaced: count, unchanged: count }),
  declaredCounts: count,
  totals: changeTotalsView,
});
export type UploadPreviewView = z.infer<typeof uploadPreviewView>;

export const importView = z.object({
  id: z.string(),
  status: z.string(),
  asAt: day,
  files: z.array(uploadFileView),
  /** What the upload holds and would change, once checked (null before). */
  summary: uploadSummaryView.nullable(),
  /** The changes workplace by workplace: null before checking and once applied or cancelled; left out of the list of uploads. */
  preview: uploadPreviewView.nullable().optional(),
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
  applied: appliedCountsView,
  changes: changeTotalsView.nullable(),
  warnings: z.array(problemView.extend({ record: z.number().nullable() })),
});
export type RecordsResponse = z.infer<typeof recordsResponse>;
