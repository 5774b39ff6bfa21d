import type { UploadPreviewView, UploadSummaryView } from "../../../shared/schemas";
import type { imports } from "../../db/schema";
import type { Problem } from "../ascwds/problems";

type ImportRow = typeof imports.$inferSelect;

/** What a provider's user sees of an upload. Problems never hold NI numbers or dates of birth. */
export function presentImport(row: ImportRow, job?: { progress: number; status: string } | null, problemLimit = 1000) {
  const problems = (row.problems as Problem[] | null) ?? [];
  return {
    id: row.id,
    status: row.status,
    asAt: row.asAt,
    files: row.files,
    // Written by summaryOf and previewOf (imports.service.ts, plan.ts) in these shapes.
    summary: row.summary as UploadSummaryView | null,
    preview: row.preview as UploadPreviewView | null,
    problems: problems.slice(0, problemLimit),
    problemCount: problems.length,
    progress: row.status === "validating" || row.status === "committing" ? (job?.progress ?? 0) : 100,
    /** Why checking or applying it failed (status failed, or ready again after a failed commit). */
    error: row.error ?? null,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

export const REPORT_HEADER = [
  "Severity",
  "File",
  "Line",
  "Column",
  "Code",
  "Workplace reference (LOCALESTID)",
  "Staff reference (UNIQUEWORKERID)",
  "What is wrong and how to fix it",
];

export const reportRows = (problems: Problem[]) =>
  problems.map((p) => [
    p.severity,
    p.file,
    p.line ?? "",
    p.column ?? "",
    p.code,
    p.workplace ?? "",
    p.staff ?? "",
    p.message,
  ]);
