import type { ProgressionCaseView, ProgressionStepView } from "../../../shared/schemas/social-work-progression";
import type { ProgressionStatus, SwService } from "../../../shared/social-work";
import type { CaseListRow, StepRow } from "./progression.repo";

// What leaves the server about progression steps and cases.

export const presentStep = (s: StepRow): ProgressionStepView => ({
  id: s.id,
  service: s.service as SwService | null,
  name: s.name,
  fromGrade: s.fromGrade,
  toGrade: s.toGrade,
  fromFrameworkRole: s.fromFrameworkRole,
  toFrameworkRole: s.toFrameworkRole,
  criteria: s.criteria,
  evidence: s.evidence,
  automatic: s.automatic,
  minMonthsInGrade: s.minMonthsInGrade,
  position: s.position,
  archived: s.archivedAt !== null,
});

export const presentCase = (r: CaseListRow): ProgressionCaseView => ({
  id: r.case.id,
  staffRecordId: r.case.staffRecordId,
  workerName: r.workerName,
  teamName: r.teamName,
  stepId: r.step.id,
  stepName: r.step.name,
  fromGrade: r.step.fromGrade,
  toGrade: r.step.toGrade,
  status: r.case.status as ProgressionStatus,
  evidenceNotes: r.case.evidenceNotes,
  panelDate: r.case.panelDate,
  decidedOn: r.case.decidedOn,
  decisionNotes: r.case.decisionNotes,
  openedAt: r.case.createdAt.toISOString(),
});
