// A council's workforce strategy (issue 16): the plan, quarterly progress, the register of risks,
// governance and the quarterly board report. Response types come from the shared schemas.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type {
  ActionInput,
  ActionResponse,
  ActionUpdatesResponse,
  ApproveStrategyInput,
  ChangesResponse,
  CreateStrategyInput,
  ForumEntryInput,
  ForumEntryResponse,
  ForumResponse,
  GroupInput,
  GroupMemberInput,
  GroupResponse,
  GroupsResponse,
  MeetingInput,
  MeetingResponse,
  MeetingsResponse,
  PillarInput,
  PillarResponse,
  ProgressUpdateInput,
  ProgressUpdateResponse,
  QuarterUpdatesResponse,
  RiskHistoryResponse,
  RiskInput,
  RiskResponse,
  RisksResponse,
  StrategiesResponse,
  StrategyPlanResponse,
  StrategyResponse,
  UpdateActionInput,
  UpdateForumEntryInput,
  UpdatePillarInput,
  UpdateRiskInput,
  UpdateStrategyInput,
} from "../../shared/schemas/strategy";
import type {
  BoardReportNarrativeInput,
  BoardReportNarrativeResponse,
  BoardReportsResponse,
} from "../../shared/schemas/strategy-report";
import { PHASES, UPDATE_STATUSES } from "../../shared/strategy";
import { api } from "../lib/api";

export type {
  ActionView,
  ForumEntryView,
  GroupView,
  MeasureReading,
  PillarView,
  ProgressUpdateView,
  QuarterUpdatesResponse,
  RiskView,
  StrategyPlanResponse,
  StrategyView,
} from "../../shared/schemas/strategy";

/**
 * The plan's filters in the address (`?phase=activation&status=off_track&owner=…`): a filtered plan
 * can be linked and survives a reload; a value that is not one of the plan's is dropped.
 * `status=none` is an action with no update for the quarter.
 */
export const strategySearch = z.object({
  phase: z.enum(PHASES).optional().catch(undefined),
  status: z
    .enum([...UPDATE_STATUSES, "none"])
    .optional()
    .catch(undefined),
  owner: z.string().max(100).optional().catch(undefined),
});
export type StrategySearch = z.infer<typeof strategySearch>;

/** The board report page's quarter in the address (`?quarter=2026-Q3`). */
export const reportSearch = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
});

/** A new action's recommendation or enabler, chosen from its section of the plan (`?pillar=…`). */
export const newActionSearch = z.object({ pillar: z.uuid().optional().catch(undefined) });

const base = (orgId: string, strategyId: string) => `/api/orgs/${orgId}/strategies/${strategyId}`;

export const strategyKeys = {
  all: (orgId: string) => ["strategy", orgId] as const,
  reports: (orgId: string) => ["strategy", orgId, "reports"] as const,
};

export const strategyQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), "list"],
      queryFn: () => api<StrategiesResponse>("GET", `/api/orgs/${orgId}/strategies`),
    }),
  plan: (orgId: string, strategyId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), strategyId, "plan"],
      queryFn: () => api<StrategyPlanResponse>("GET", base(orgId, strategyId)),
    }),
  /** Every action's update for a quarter (default: the last ended), with what the figures suggest. */
  quarter: (orgId: string, strategyId: string, quarter?: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), strategyId, "quarter", quarter ?? "last"],
      queryFn: () =>
        api<QuarterUpdatesResponse>(
          "GET",
          `${base(orgId, strategyId)}/updates${quarter ? `?quarter=${encodeURIComponent(quarter)}` : ""}`,
        ),
    }),
  actionUpdates: (orgId: string, strategyId: string, actionId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), strategyId, "action", actionId, "updates"],
      queryFn: () => api<ActionUpdatesResponse>("GET", `${base(orgId, strategyId)}/actions/${actionId}/updates`),
    }),
  changes: (orgId: string, strategyId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), strategyId, "changes"],
      queryFn: () => api<ChangesResponse>("GET", `${base(orgId, strategyId)}/changes`),
    }),
  risks: (orgId: string, strategyId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), strategyId, "risks"],
      queryFn: () => api<RisksResponse>("GET", `${base(orgId, strategyId)}/risks`),
    }),
  riskHistory: (orgId: string, strategyId: string, riskId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), strategyId, "risks", riskId, "history"],
      queryFn: () => api<RiskHistoryResponse>("GET", `${base(orgId, strategyId)}/risks/${riskId}/history`),
    }),
  groups: (orgId: string, strategyId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), strategyId, "groups"],
      queryFn: () => api<GroupsResponse>("GET", `${base(orgId, strategyId)}/groups`),
    }),
  meetings: (orgId: string, strategyId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), strategyId, "meetings"],
      queryFn: () => api<MeetingsResponse>("GET", `${base(orgId, strategyId)}/meetings`),
    }),
  forum: (orgId: string, strategyId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.all(orgId), strategyId, "forum"],
      queryFn: () => api<ForumResponse>("GET", `${base(orgId, strategyId)}/forum`),
    }),
  narrative: (orgId: string, quarter: string) =>
    queryOptions({
      queryKey: [...strategyKeys.reports(orgId), "narrative", quarter],
      queryFn: () => api<BoardReportNarrativeResponse>("GET", `/api/orgs/${orgId}/strategy/narratives/${quarter}`),
    }),
  reports: (orgId: string) =>
    queryOptions({
      queryKey: [...strategyKeys.reports(orgId), "kept"],
      queryFn: () => api<BoardReportsResponse>("GET", `/api/orgs/${orgId}/strategy/reports`),
    }),
};

/** Where a board report downloads from (generating it, and keeping the file made). */
export const reportHref = (orgId: string, quarter: string, format: "docx" | "pdf") =>
  `/api/orgs/${orgId}/strategy/reports/${quarter}.${format}`;
export const keptReportHref = (orgId: string, reportId: string) =>
  `/api/orgs/${orgId}/strategy/reports/kept/${reportId}`;

export const strategyApi = {
  // The plan: a draft changes freely; once approved every change carries a reason (ADR 0018).
  createStrategy: (orgId: string, body: CreateStrategyInput) =>
    api<StrategyResponse>("POST", `/api/orgs/${orgId}/strategies`, body),
  changeStrategy: (orgId: string, strategyId: string, body: UpdateStrategyInput) =>
    api<StrategyResponse>("PATCH", base(orgId, strategyId), body),
  approve: (orgId: string, strategyId: string, body: ApproveStrategyInput) =>
    api<StrategyResponse>("POST", `${base(orgId, strategyId)}/approve`, body),
  addPillar: (orgId: string, strategyId: string, body: PillarInput) =>
    api<PillarResponse>("POST", `${base(orgId, strategyId)}/pillars`, body),
  changePillar: (orgId: string, strategyId: string, pillarId: string, body: UpdatePillarInput) =>
    api<PillarResponse>("PATCH", `${base(orgId, strategyId)}/pillars/${pillarId}`, body),
  addAction: (orgId: string, strategyId: string, body: ActionInput) =>
    api<ActionResponse>("POST", `${base(orgId, strategyId)}/actions`, body),
  changeAction: (orgId: string, strategyId: string, actionId: string, body: UpdateActionInput) =>
    api<ActionResponse>("PATCH", `${base(orgId, strategyId)}/actions/${actionId}`, body),
  // Governance.
  addGroup: (orgId: string, strategyId: string, body: GroupInput) =>
    api<GroupResponse>("POST", `${base(orgId, strategyId)}/groups`, body),
  addMember: (orgId: string, strategyId: string, groupId: string, body: GroupMemberInput) =>
    api<GroupResponse>("POST", `${base(orgId, strategyId)}/groups/${groupId}/members`, body),
  removeMember: (orgId: string, strategyId: string, groupId: string, memberId: string) =>
    api<GroupResponse>("DELETE", `${base(orgId, strategyId)}/groups/${groupId}/members/${memberId}`),
  addMeeting: (orgId: string, strategyId: string, groupId: string, body: MeetingInput) =>
    api<MeetingResponse>("POST", `${base(orgId, strategyId)}/groups/${groupId}/meetings`, body),
  addForumEntry: (orgId: string, strategyId: string, body: ForumEntryInput) =>
    api<ForumEntryResponse>("POST", `${base(orgId, strategyId)}/forum`, body),
  changeForumEntry: (orgId: string, strategyId: string, entryId: string, body: UpdateForumEntryInput) =>
    api<ForumEntryResponse>("PATCH", `${base(orgId, strategyId)}/forum/${entryId}`, body),
  recordUpdate: (orgId: string, strategyId: string, actionId: string, quarter: string, body: ProgressUpdateInput) =>
    api<ProgressUpdateResponse>("PUT", `${base(orgId, strategyId)}/actions/${actionId}/updates/${quarter}`, body),
  addRisk: (orgId: string, strategyId: string, body: RiskInput) =>
    api<RiskResponse>("POST", `${base(orgId, strategyId)}/risks`, body),
  changeRisk: (orgId: string, strategyId: string, riskId: string, body: UpdateRiskInput) =>
    api<RiskResponse>("PATCH", `${base(orgId, strategyId)}/risks/${riskId}`, body),
  saveNarrative: (orgId: string, quarter: string, body: BoardReportNarrativeInput) =>
    api<BoardReportNarrativeResponse>("PUT", `/api/orgs/${orgId}/strategy/narratives/${quarter}`, body),
};
