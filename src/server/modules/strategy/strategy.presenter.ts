import { HEADLINES } from "../../../shared/metrics";
import type {
  ActionView,
  ChangeView,
  ForumEntryView,
  MeasureView,
  OwnerView,
  ProgressUpdateView,
  RiskView,
  StrategyView,
} from "../../../shared/schemas/strategy";
import {
  type Phase,
  type PillarKind,
  pillarRef,
  type RiskKind,
  type RiskStatus,
  type UpdateStatus,
} from "../../../shared/strategy";
import type {
  ActionRow,
  ChangeRow,
  ForumRow,
  MeasureRow,
  PillarRow,
  RiskRow,
  StrategyRow,
  UpdateRow,
} from "./strategy.repo";

// What leaves the server about a strategy: never raw rows.

export const metricLabel = (metric: string) => HEADLINES.find((h) => h.name === metric)?.label ?? metric;

export function presentStrategy(s: StrategyRow, changes: number): StrategyView {
  return {
    id: s.id,
    title: s.title,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    vision: s.vision,
    status: s.status as StrategyView["status"],
    approval:
      s.status === "approved" && s.approvedOn
        ? {
            board: s.approvalBoard ?? "",
            approvedOn: s.approvedOn,
            minuteRef: s.minuteRef ?? "",
            approvedBy: s.approvedBy ?? "",
          }
        : null,
    changes,
  };
}

export const actionRef = (pillar: Pick<PillarRow, "kind" | "number">, action: Pick<ActionRow, "number">) =>
  `${pillarRef(pillar.kind as PillarKind, pillar.number)}.${action.number}`;

export const presentMeasure = (m: MeasureRow): MeasureView => ({
  id: m.id,
  metric: m.metric,
  label: metricLabel(m.metric),
  target: m.target,
  direction: m.direction as MeasureView["direction"],
  byDate: m.byDate,
});

export function presentUpdate(u: UpdateRow, names: Map<string, string>): ProgressUpdateView {
  return {
    id: u.id,
    actionId: u.actionId,
    quarter: u.quarter,
    status: u.status as UpdateStatus,
    narrative: u.narrative,
    evidence: u.evidence,
    reportedOn: u.reportedOn,
    reportedBy: u.reportedBy ? { id: u.reportedBy, name: names.get(u.reportedBy) ?? "" } : null,
  };
}

export function ownerOf(
  a: Pick<ActionRow, "ownerUserId" | "ownerGroupId">,
  userNames: Map<string, string>,
  groupNames: Map<string, string>,
): OwnerView | null {
  if (a.ownerUserId) return { kind: "user", id: a.ownerUserId, name: userNames.get(a.ownerUserId) ?? "" };
  if (a.ownerGroupId) return { kind: "group", id: a.ownerGroupId, name: groupNames.get(a.ownerGroupId) ?? "" };
  return null;
}

export function presentAction(
  a: ActionRow,
  parts: {
    pillar: PillarRow;
    measures: MeasureRow[];
    owner: OwnerView | null;
    orgs: Map<string, { id: string; name: string }>;
    latest: ProgressUpdateView | null;
    canUpdate: boolean;
  },
): ActionView {
  return {
    id: a.id,
    ref: actionRef(parts.pillar, a),
    pillarId: a.pillarId,
    number: a.number,
    title: a.title,
    phase: a.phase as Phase,
    owner: parts.owner,
    partners: a.partners,
    partnerOrgs: a.partnerOrgIds.flatMap((id) => {
      const o = parts.orgs.get(id);
      return o ? [{ id: o.id, name: o.name }] : [];
    }),
    startOn: a.startOn,
    dueOn: a.dueOn,
    inputs: a.inputs,
    outputs: a.outputs,
    outcomes: a.outcomes,
    measures: parts.measures.map(presentMeasure),
    latest: parts.latest,
    canUpdate: parts.canUpdate,
  };
}

export function presentChange(c: ChangeRow, byName: string | null): ChangeView {
  return {
    id: c.id,
    at: c.changedAt.toISOString(),
    by: c.changedBy ? { id: c.changedBy, name: byName ?? "" } : null,
    reason: c.reason,
    entityType: c.entityType,
    entityId: c.entityId,
    before: c.before,
    after: c.after,
  };
}

export function presentRisk(r: RiskRow, userNames: Map<string, string>): RiskView {
  return {
    id: r.id,
    ref: r.ref,
    kind: r.kind as RiskKind,
    title: r.title,
    description: r.description,
    likelihood: r.likelihood,
    impact: r.impact,
    score: r.likelihood * r.impact,
    owner: {
      userId: r.ownerUserId,
      name: r.ownerName || (r.ownerUserId ? (userNames.get(r.ownerUserId) ?? "") : ""),
    },
    mitigations: r.mitigations,
    reviewOn: r.reviewOn,
    status: r.status as RiskStatus,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const presentForumEntry = (f: ForumRow): ForumEntryView => ({
  id: f.id,
  groupId: f.groupId,
  raisedOn: f.raisedOn,
  youSaid: f.youSaid,
  weDid: f.weDid,
  status: f.status as ForumEntryView["status"],
});
