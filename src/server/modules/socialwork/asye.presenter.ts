import type {
  AsyeDetailView,
  AsyeDueView,
  AsyeReviewView,
  AsyeSummaryView,
} from "../../../shared/schemas/social-work-asye";
import type { AsyeStatus, SwService } from "../../../shared/social-work";
import { asyeReminders, asyeStages, nextStage } from "../../../shared/sw-asye";
import type { AsyeRow, ReviewRow } from "./asye.repo";

// What leaves the server of an ASYE (issue 20 item 3): the worker's and assessor's names, the
// team, dates, status, each stage's state and the reviews with their evidence notes. Only those
// who may see the worker's records (access.ts) or the worker themselves get here; no SWE number,
// date of birth or other identifier is part of it.

export interface AsyeContext {
  today: string;
  /** The protected caseload when an ASYE sets none, per service. */
  defaultTarget: Record<SwService, number>;
  latest: Map<string, { month: string; openCases: number }>;
}

const timeline = (row: AsyeRow, reviews: readonly ReviewRow[]) => ({
  startDate: row.a.startDate,
  extendedTo: row.a.extendedTo,
  status: row.a.status,
  outcomeOn: row.a.outcomeOn,
  reviews,
});

export function presentReview(r: ReviewRow): AsyeReviewView {
  return {
    id: r.id,
    stage: r.stage as AsyeReviewView["stage"],
    heldOn: r.heldOn,
    progress: r.progress as AsyeReviewView["progress"],
    evidence: r.evidence,
    recordedAt: r.createdAt.toISOString(),
  };
}

export function presentAsyeSummary(row: AsyeRow, reviews: readonly ReviewRow[], c: AsyeContext): AsyeSummaryView {
  const a = row.a;
  const service = a.service as SwService;
  return {
    id: a.id,
    worker: { staffRecordId: a.staffRecordId, name: row.workerName },
    team: { id: row.teamId, name: row.teamName },
    service,
    startDate: a.startDate,
    assessor:
      a.assessorStaffId && row.assessorName !== null
        ? { staffRecordId: a.assessorStaffId, name: row.assessorName }
        : null,
    status: a.status as AsyeStatus,
    outcomeOn: a.outcomeOn,
    extendedTo: a.extendedTo,
    next: nextStage(timeline(row, reviews), c.today),
    protectedCaseload: a.protectedCaseloadTarget ?? c.defaultTarget[service],
    protectedCaseloadIsDefault: a.protectedCaseloadTarget === null,
    latestCaseload: c.latest.get(a.staffRecordId) ?? null,
    leftOn: row.leftOn,
    grantClaimedOn: a.grantClaimedOn,
  };
}

export function presentAsyeDetail(row: AsyeRow, reviews: readonly ReviewRow[], c: AsyeContext): AsyeDetailView {
  return {
    ...presentAsyeSummary(row, reviews, c),
    learningPlanAgreedOn: row.a.learningPlanAgreedOn,
    protectedCaseloadTarget: row.a.protectedCaseloadTarget,
    stages: asyeStages(timeline(row, reviews), c.today),
    reviews: reviews.map(presentReview),
  };
}

/** The reviews due within 14 days or overdue across ASYEs: overdue first, then by due date and name. */
export function presentDue(
  rows: readonly AsyeRow[],
  reviewsOf: Map<string, ReviewRow[]>,
  today: string,
): AsyeDueView[] {
  return rows
    .flatMap((row) =>
      asyeReminders({ ...timeline(row, reviewsOf.get(row.a.id) ?? []), leftOn: row.leftOn }, today).map((s) => ({
        asyeId: row.a.id,
        worker: { staffRecordId: row.a.staffRecordId, name: row.workerName },
        team: { id: row.teamId, name: row.teamName },
        stage: s.stage,
        due: s.due,
        state: s.state as "due" | "overdue",
      })),
    )
    .sort(
      (x, y) =>
        (x.state === "overdue" ? 0 : 1) - (y.state === "overdue" ? 0 : 1) ||
        x.due.localeCompare(y.due) ||
        x.worker.name.localeCompare(y.worker.name) ||
        x.asyeId.localeCompare(y.asyeId),
    );
}
