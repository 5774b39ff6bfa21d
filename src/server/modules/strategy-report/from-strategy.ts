// The strategy module's data for a quarter (BoardReportData, shared/schemas/strategy.ts) as the
// report reads its plan. The figures are not taken from it: the report reads them from the engine
// itself (report-figures.ts), with England's, so every number has one path and one source.

import { longDate, longMonth } from "../../../shared/dates";
import { formatValue, HEADLINES } from "../../../shared/metrics";
import type { BoardReportData } from "../../../shared/schemas/strategy";
import { PHASE_LABELS, RISK_STATUS_LABELS, UPDATE_STATUS_LABELS } from "../../../shared/strategy";
import type { BoardReportPlan } from "./types";

type Action = BoardReportData["exceptions"][number];

const kindOf = (metric: string) => HEADLINES.find((h) => h.name === metric)?.kind ?? "rate";

/** "The figures suggest off track: Vacancy rate 11.1% against a target of at most 9.0%." */
function suggestionWords(a: Action): string | null {
  if (!a.suggestion) return null;
  const because = a.suggestion.because
    .map(
      (m) =>
        `${m.label} ${m.value === null ? "no data" : formatValue(m.value, kindOf(m.metric))} against a target of ${
          m.direction === "lower" ? "at most" : "at least"
        } ${formatValue(m.target, kindOf(m.metric))} by ${longDate(m.byDate)}`,
    )
    .join("; ");
  return `The figures suggest ${UPDATE_STATUS_LABELS[a.suggestion.status].toLowerCase()}: ${because}.`;
}

/**
 * The targets the report rates figures against: each linked measure of the plan's actions (the
 * nearest target date first, when two actions set one for the same figure), then the council's
 * own targets for the figures no action measures.
 */
function measuresOf(data: BoardReportData): BoardReportPlan["measures"] {
  const out = new Map<string, BoardReportPlan["measures"][number]>();
  const readings = data.pillars
    .flatMap((p) => p.actions.flatMap((a) => a.measures))
    .sort((a, b) => a.byDate.localeCompare(b.byDate));
  for (const m of readings)
    if (!out.has(m.metric))
      out.set(m.metric, { metric: m.metric, target: m.target, direction: m.direction, by: m.byDate });
  for (const f of data.figures)
    if (f.target !== null && f.better && !out.has(f.metric))
      out.set(f.metric, { metric: f.metric, target: f.target, direction: f.better, by: null });
  return [...out.values()];
}

export function planFromStrategy(data: BoardReportData): BoardReportPlan {
  const completed = new Set(data.completed.map((a) => a.id));
  const s = data.strategy;
  const openRisks = data.risks.top.filter((r) => r.kind !== "assumption");
  return {
    strategy: {
      title: s.title,
      period: `${longMonth(s.periodStart)} to ${longMonth(s.periodEnd)}`,
      vision: s.vision || null,
      approvedBy: s.approval?.board ?? null,
      approvedOn: s.approval?.approvedOn ?? null,
      minuteRef: s.approval?.minuteRef ?? null,
    },
    recommendations: data.pillars.map((p) => ({ ref: p.ref, title: p.title, kind: p.kind })),
    actions: data.pillars.flatMap((p) =>
      p.actions.map((a) => ({
        ref: a.ref,
        title: a.title,
        recommendationRef: p.ref,
        phase: PHASE_LABELS[a.phase],
        owner: a.owner,
        dueDate: a.dueOn,
        status: a.status,
        completedThisQuarter: completed.has(a.id),
        suggestion: suggestionWords(a),
        narrative: a.narrative || null,
        updatedOn: a.updatedOn,
      })),
    ),
    measures: measuresOf(data),
    risks: openRisks.map((r) => ({
      ref: r.ref,
      title: r.title,
      likelihood: r.likelihood,
      impact: r.impact,
      previousScore: r.previousScore,
      owner: r.owner.name,
      mitigation: r.mitigations || null,
    })),
    assumptions: data.risks.assumptions.map((r) => ({
      ref: r.ref,
      title: r.title,
      status: RISK_STATUS_LABELS[r.status],
    })),
    implications: {
      financial: null,
      policy: data.planChanges.length
        ? `The approved plan was changed ${data.planChanges.length === 1 ? "once" : `${data.planChanges.length} times`} this quarter: ${data.planChanges
            .map((c) => `${c.reason} (${longDate(c.at)}${c.by ? `, ${c.by.name}` : ""})`)
            .join("; ")}.`
        : null,
      equality: null,
      risk: openRisks.length
        ? `The register holds ${openRisks.length} open risks and issues; the highest is ${openRisks[0].ref} ${openRisks[0].title} (score ${openRisks[0].score} of 25). Its mitigations are set out in section 3.5, and the steering group reviews the register each quarter.`
        : null,
    },
    backgroundPapers: [
      ...(s.approval
        ? [
            `${s.title}, approved by ${s.approval.board} on ${longDate(s.approval.approvedOn)} (minute ${s.approval.minuteRef})`,
          ]
        : []),
      ...data.meetings.map((m) => `${m.groupName}: notes of the meeting of ${longDate(m.heldOn)}`),
    ],
  };
}
