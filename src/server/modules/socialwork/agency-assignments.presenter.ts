import type { AgencyAssignmentView } from "../../../shared/schemas/social-work-agency";
import { AGENCY_ROLE_TYPE_LABELS, type SwService, swRoleLabel } from "../../../shared/social-work";
import {
  agencyFlags,
  agencyRoleTypeOf,
  capDay,
  capInForce,
  type PriceCap,
  rulesApply,
} from "../../../shared/sw-agency-rules";
import type { AssignmentWithTeam } from "./agency-assignments.repo";

// What leaves about an agency assignment: its details (the SWE number only to those with
// socialwork.view, as every route that returns one requires), its DfE job type, the cap it is
// measured against and the rules' flags as of today.

export const factsOf = (x: AssignmentWithTeam) => ({ ...x.a, service: x.service as SwService });

export function presentAssignment(
  x: AssignmentWithTeam,
  caps: readonly PriceCap[],
  today: string,
): AgencyAssignmentView {
  const a = x.a;
  const facts = factsOf(x);
  const jobType = agencyRoleTypeOf(a.role);
  const day = capDay(a);
  const applies = rulesApply(facts, today);
  const cap = applies.applies && day ? capInForce(caps, jobType, day) : null;
  return {
    id: a.id,
    teamId: a.teamId,
    teamName: x.teamName,
    service: facts.service,
    role: a.role,
    roleLabel: swRoleLabel(a.role),
    jobType,
    jobTypeLabel: jobType ? AGENCY_ROLE_TYPE_LABELS[jobType] : null,
    workerName: a.workerName,
    sweNumber: a.sweNumber,
    agencyName: a.agencyName,
    startDate: a.startDate,
    endDate: a.endDate,
    hourlyRate: a.hourlyRate,
    agencyFee: a.agencyFee,
    weeklyHours: a.weeklyHours,
    weeklyCost: Math.round(a.weeklyHours * (a.hourlyRate + a.agencyFee) * 100) / 100,
    coversVacancy: a.coversVacancy,
    projectTeam: a.projectTeam,
    noticeWeeks: a.noticeWeeks,
    pqeYears: a.pqeYears,
    asyeCompleted: a.asyeCompleted,
    leftSubstantiveOn: a.leftSubstantiveOn,
    referenceReceived: a.referenceReceived,
    capBreachSignedOffBy: a.capBreachSignedOffBy,
    capInForce: cap?.hourlyCap ?? null,
    rulesApply: applies.applies,
    rulesNote: applies.why,
    flags: agencyFlags(facts, caps, today),
  };
}

/** What an audit entry keeps of an assignment: no name, SWE number or sign-off name. */
export const auditOf = (a: AssignmentWithTeam["a"]) => ({
  teamId: a.teamId,
  role: a.role,
  startDate: a.startDate,
  endDate: a.endDate,
  hourlyRate: a.hourlyRate,
  agencyFee: a.agencyFee,
  weeklyHours: a.weeklyHours,
  coversVacancy: a.coversVacancy,
  projectTeam: a.projectTeam,
  noticeWeeks: a.noticeWeeks,
  referenceReceived: a.referenceReceived,
  capBreachSignedOff: a.capBreachSignedOffBy !== null,
});
