import type { ProfileView, WorkerDetail, WorkerSummary } from "../../../shared/schemas/social-work-service";
import type { SwRole, SwService } from "../../../shared/social-work";
import { swRoleLabel } from "../../../shared/social-work";
import { fteOf } from "../../../shared/sw-fte";
import type { swStaff } from "../../db/schema";
import { alertsOf } from "./registration.service";
import type { WorkerRow } from "./workers.repo";

// What leaves the server of a social worker: the list's summary with alerts, and the page's
// detail with the profile (the SWE number included: the routes that send it need socialwork.view).

export const presentProfile = (p: typeof swStaff.$inferSelect): ProfileView => ({
  pcfLevel: p.pcfLevel,
  grade: p.grade,
  sweNumber: p.sweNumber,
  sweRenewalDate: p.sweRenewalDate,
  cpdRecordedOn: p.cpdRecordedOn,
  specialisms: p.specialisms,
  amhpApprovedUntil: p.amhpApprovedUntil,
  biaQualifiedOn: p.biaQualifiedOn,
  biaTrainingOn: p.biaTrainingOn,
  peStage: p.peStage,
  qualifiedOn: p.qualifiedOn,
  routeIn: p.routeIn,
});

export const presentWorkerSummary = (w: WorkerRow, today: string): WorkerSummary => ({
  id: w.id,
  name: w.name,
  teamId: w.profile.teamId,
  teamName: w.teamName,
  service: w.service as SwService,
  role: w.profile.role as SwRole,
  roleLabel: swRoleLabel(w.profile.role),
  pcfLevel: w.profile.pcfLevel,
  grade: w.profile.grade,
  startDate: w.startDate,
  endDate: w.endDate,
  fte: Math.round(fteOf(w.contractedHours) * 100) / 100,
  alerts: alertsOf(w.profile, w, today),
});

export const presentWorkerDetail = (w: WorkerRow, today: string, viewerUserId: string | null): WorkerDetail => ({
  ...presentWorkerSummary(w, today),
  profile: presentProfile(w.profile),
  contractedHours: w.contractedHours,
  leavingReason: w.leavingReason,
  teamManager: !!viewerUserId && w.teamManagerUserId === viewerUserId,
});
