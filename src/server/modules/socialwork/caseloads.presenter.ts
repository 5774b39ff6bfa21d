import type {
  CaseloadsOverviewResponse,
  TeamCaseloadResponse,
  WorkerCaseloadsResponse,
} from "../../../shared/schemas/social-work-supervision";
import type { caseloadsOverview, teamCaseloads, workerCaseloads } from "./caseloads.service";

// Caseloads leave as the services work them out: counts and FTE, no identifiers beyond the
// worker's name and the council's own staff reference (the CSV upload matches on it).

export const presentTeamCaseloads = (x: Awaited<ReturnType<typeof teamCaseloads>>): TeamCaseloadResponse => x;
export const presentCaseloadsOverview = (x: Awaited<ReturnType<typeof caseloadsOverview>>): CaseloadsOverviewResponse =>
  x;
export const presentWorkerCaseloads = (x: Awaited<ReturnType<typeof workerCaseloads>>): WorkerCaseloadsResponse => x;
