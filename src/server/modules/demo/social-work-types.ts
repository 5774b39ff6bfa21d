import type { RouteIn, SwRole, SwService } from "../../../shared/social-work";

// Social work demo types (issue 20): what the base (social-work-base.ts) gives each part.

export type SocialWorkDemoOptions = {
  councilId: string;
  anchor: string;
  password: string;
  credentials: { email: string; password: string; role: string }[];
};

export interface SwDemoTeam {
  id: string;
  /** A stable key: "a-front-door", "c-assessment", … */
  key: string;
  service: SwService;
  name: string;
  workplaceId: string;
  managerUserId: string | null;
}

/** One employment in the social work service (a staff record with its profile). */
export interface SwDemoWorker {
  staffRecordId: string;
  teamKey: string;
  teamId: string;
  service: SwService;
  /** The role at the anchor, or when they left. */
  role: SwRole;
  name: string;
  startDate: string;
  endDate: string | null;
  /** When they qualified as a social worker (or occupational therapist). */
  qualifiedOn: string | null;
  routeIn: RouteIn;
  /** Started with the council as a newly qualified social worker (an ASYE). */
  startedAsNqsw: boolean;
  contractedHours: number;
  peStage: 1 | 2 | null;
  userId: string | null;
}

/** A period when a funded post stood empty (agency workers are placed against these). */
export interface SwDemoGap {
  teamKey: string;
  teamId: string;
  service: SwService;
  role: SwRole;
  from: string;
  /** Null: still vacant at the anchor. */
  to: string | null;
}

export interface SwDemoBase {
  councilId: string;
  anchor: string;
  /** The first day of the three years of history. */
  historyStart: string;
  teams: SwDemoTeam[];
  workers: SwDemoWorker[];
  gaps: SwDemoGap[];
  leadUserId: string;
  /** The demo team manager (manages the children's assessment team). */
  managerUserId: string;
  /** The social worker with a personal account (in the children's assessment team). */
  workerUserId: string;
}
