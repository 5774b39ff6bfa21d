// What the quarterly board report is made from: the plan as the strategy module holds it at the
// quarter (BoardReportPlan), the narrative the council edits before generating (Narrative), and
// the workforce figures from the engine as at the quarter end (ReportFigures).

import type { Figures } from "../metrics/figure-types";
import type { SocialWorkReportFigures } from "./social-work-section";

export const ACTION_STATUSES = ["not_started", "on_track", "at_risk", "off_track", "complete"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  complete: "Complete",
};

/** The plan at a quarter, as the report reads it. */
export interface BoardReportPlan {
  strategy: {
    title: string;
    period: string;
    vision: string | null;
    approvedBy: string | null;
    approvedOn: string | null;
    minuteRef: string | null;
  };
  recommendations: { ref: string; title: string; kind: "recommendation" | "enabler" }[];
  actions: {
    ref: string;
    title: string;
    /** The recommendation or enabler it delivers. */
    recommendationRef: string;
    phase: string;
    owner: string;
    dueDate: string | null;
    /** Its status at the quarter's last update (null: no update yet). */
    status: ActionStatus | null;
    /** Complete now and not a quarter before. */
    completedThisQuarter: boolean;
    /** The status the hub suggests because a linked measure is off target, in words (null: none). */
    suggestion: string | null;
    narrative: string | null;
    updatedOn: string | null;
  }[];
  /** The plan's linked measures: a figure of the engine with a target and the way it should move. */
  measures: { metric: string; target: number; direction: "higher" | "lower"; by: string | null }[];
  risks: {
    ref: string;
    title: string;
    likelihood: number;
    impact: number;
    /** Likelihood × impact a quarter before (null: not on the register then). */
    previousScore: number | null;
    owner: string;
    mitigation: string | null;
  }[];
  /** The plan's assumptions and whether each still holds. */
  assumptions: { ref: string; title: string; status: string }[];
  /** Implications the plan records; null where it holds none (the report leaves a prompt). */
  implications: { financial: string | null; policy: string | null; equality: string | null; risk: string | null };
  backgroundPapers: string[];
}

/** What the council writes before generating: the cover, the purpose and its recommendations. */
export interface Narrative {
  title: string;
  reportTo: string;
  meetingDate: string | null;
  reportingOfficer: string;
  purpose: string;
  recommendations: string[];
}

/** A national comparator for England, with where it is from. */
export interface England {
  value: number;
  source: string;
}

/** The workforce figures as at the quarter end, a quarter before and at each of eight quarter ends. */
export interface ReportFigures {
  at: string;
  previousAt: string;
  now: Figures;
  previous: Figures;
  trend: { at: string; figures: Figures }[];
  targets: Record<string, number | null>;
  england: Record<string, England>;
}

/** Everything a report is made from: what is kept with each generated version. */
export interface BoardReportInput {
  council: { id: string; name: string; slug: string };
  quarter: string;
  plan: BoardReportPlan;
  narrative: Narrative;
  figures: ReportFigures;
  /** Training uptake across the area in the quarter (issue 18 item 9), withheld counts null with the reason. */
  trainingUptake?: TrainingUptakeFigures;
  /** The council's own social work service (issue 20 item 11); absent without one. */
  socialWork?: SocialWorkReportFigures;
}

/** The quarter's training uptake as the uptake page gives a council (training/uptake.service.ts). */
export interface TrainingUptakeFigures {
  from: string;
  to: string;
  total: Record<string, { count: number | null; reason?: string }>;
}
