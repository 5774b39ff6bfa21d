// A council's workforce strategy (issue 16): the words for its parts, and its quarters. Shared by
// the server, the board report and the screens.

export const STRATEGY_STATUSES = ["draft", "approved"] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

export const PILLAR_KINDS = ["recommendation", "enabler"] as const;
export type PillarKind = (typeof PILLAR_KINDS)[number];
export const PILLAR_KIND_LABELS: Record<PillarKind, string> = {
  recommendation: "Recommendation",
  enabler: "Enabler",
};
/** R1, E2: how a recommendation or enabler is referred to; its actions are R1.1, R1.2 … */
export const pillarRef = (kind: PillarKind, number: number) => `${kind === "recommendation" ? "R" : "E"}${number}`;

export const PHASES = ["foundations", "activation", "embedding"] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
  foundations: "Foundations (year 1)",
  activation: "Activation (year 2)",
  embedding: "Embedding (year 3)",
};

export const UPDATE_STATUSES = ["not_started", "on_track", "at_risk", "off_track", "complete"] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];
export const UPDATE_STATUS_LABELS: Record<UpdateStatus, string> = {
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  complete: "Complete",
};

export const MEASURE_DIRECTIONS = ["higher", "lower"] as const;
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

export const RISK_KINDS = ["risk", "issue", "assumption"] as const;
export type RiskKind = (typeof RISK_KINDS)[number];
export const RISK_KIND_LABELS: Record<RiskKind, string> = { risk: "Risk", issue: "Issue", assumption: "Assumption" };
export const RISK_STATUSES = ["open", "closed", "holding", "failed"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
/** The statuses an entry of each kind can take: an assumption holds or fails. */
export const RISK_STATUSES_BY_KIND: Record<RiskKind, readonly RiskStatus[]> = {
  risk: ["open", "closed"],
  issue: ["open", "closed"],
  assumption: ["holding", "failed"],
};
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: "Open",
  closed: "Closed",
  holding: "Holding",
  failed: "Failed",
};

export const GROUP_KINDS = ["steering", "task_and_finish", "forum"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  steering: "Steering group",
  task_and_finish: "Task and finish group",
  forum: "Provider workforce forum",
};
export const GROUP_ROLES = ["chair", "vice_chair", "member", "secretary"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
  chair: "Chair",
  vice_chair: "Vice chair",
  member: "Member",
  secretary: "Secretary",
};

export const FORUM_STATUSES = ["open", "in_progress", "done"] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];

// Quarters are calendar quarters ("2026-Q3" is July to September 2026), as the figures' quarter
// ends are (31 March, 30 June, 30 September, 31 December).

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

function parts(quarter: string): { year: number; q: number } {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) throw new Error(`Not a quarter: ${quarter} (write it as 2026-Q3)`);
  return { year: Number(m[1]), q: Number(m[2]) };
}
const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day of a quarter, as ISO days. */
export function quarterBounds(quarter: string): { start: string; end: string } {
  const { year, q } = parts(quarter);
  const first = (q - 1) * 3 + 1;
  return {
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
  };
}
export const quarterEnd = (quarter: string) => quarterBounds(quarter).end;

/** The quarter an ISO day falls in. */
export function quarterOf(day: string): Quarter {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return `${year}-Q${Math.ceil(month / 3)}` as Quarter;
}

export function previousQuarter(quarter: string): Quarter {
  const { year, q } = parts(quarter);
  return (q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`) as Quarter;
}

/** The last quarter that ended before an ISO day. */
export const lastEndedQuarter = (today: string): Quarter => previousQuarter(quarterOf(today));

/** "July to September 2026". */
export function quarterLabel(quarter: string): string {
  const { year, q } = parts(quarter);
  const names = ["January to March", "April to June", "July to September", "October to December"];
  return `${names[q - 1]} ${year}`;
}
