import { isDeepStrictEqual } from "node:util";
import { longDate } from "../../../shared/dates";
import type { BoardReportNarrativeInput } from "../../../shared/schemas/strategy-report";
import { QUARTER_PATTERN, quarterBounds, quarterLabel } from "../../../shared/strategy";
import { inTransaction, type OrgCtx } from "../../context";
import { sha256 } from "../../lib/crypto";
import { AppError, badRequest, notFound } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { recordAudit } from "../audit/audit.service";
import { trainingUptake } from "../training/uptake.service";
import { textOf } from "./blocks";
import { reportBlocks } from "./content";
import { reportDocx } from "./docx";
import { reportPdf } from "./pdf";
import { planAtQuarter } from "./plan-source";
import { reportFigures } from "./report-figures";
import { socialWorkReportFigures } from "./social-work-section";
import * as repo from "./strategy-report.repo";
import type { BoardReportInput, BoardReportPlan, Narrative } from "./types";

export type ReportFormat = "docx" | "pdf";
export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** A plan with nothing in it: the report then asks the council, section by section, to complete it. */
const EMPTY_PLAN: BoardReportPlan = {
  strategy: {
    title: "The workforce strategy",
    period: "period not recorded",
    vision: null,
    approvedBy: null,
    approvedOn: null,
    minuteRef: null,
  },
  recommendations: [],
  actions: [],
  measures: [],
  risks: [],
  assumptions: [],
  implications: { financial: null, policy: null, equality: null, risk: null },
  backgroundPapers: [],
};

function quarterOrRefuse(text: string) {
  if (!QUARTER_PATTERN.test(text))
    throw badRequest("validation", `"${text}" is not a quarter: give it as 2026-Q3 (July to September 2026).`);
  return { quarter: text, ...quarterBounds(text) };
}

/** The narrative the hub suggests before the council writes its own. */
function suggestedNarrative(ctx: OrgCtx, quarter: string, plan: BoardReportPlan): Narrative {
  const months = quarterLabel(quarter);
  return {
    title: `${plan === EMPTY_PLAN ? "Adult social care workforce" : plan.strategy.title}: progress report, ${months}`,
    reportTo: plan.strategy.approvedBy ?? "Executive Board",
    meetingDate: null,
    reportingOfficer: "",
    purpose: `To update the board on progress in delivering ${ctx.org.name}'s workforce strategy in ${months}: the actions, the workforce figures as at the end of the quarter against the previous quarter, England and the targets, and the risks.`,
    recommendations: [
      "Note the progress made on the strategy's actions and the workforce figures in this report.",
      "Note the risks and the mitigations in place.",
    ],
  };
}

/** The council's narrative for a quarter: its own when saved, otherwise the hub's suggestion. */
export async function boardReportNarrative(ctx: OrgCtx, quarterText: string) {
  const q = quarterOrRefuse(quarterText);
  const saved = await repo.findNarrative(ctx.db, ctx.org.id, q.quarter);
  const narrative: Narrative = saved
    ? {
        title: saved.title,
        reportTo: saved.reportTo,
        meetingDate: saved.meetingDate,
        reportingOfficer: saved.reportingOfficer,
        purpose: saved.purpose,
        recommendations: saved.recommendations,
      }
    : suggestedNarrative(ctx, q.quarter, (await planAtQuarter(ctx, q.quarter)) ?? EMPTY_PLAN);
  return { quarter: q.quarter, narrative, saved: Boolean(saved), updatedAt: saved?.updatedAt.toISOString() ?? null };
}

/** Saves the council's narrative for a quarter (audited), which every report generated after it uses. */
export async function saveBoardReportNarrative(ctx: OrgCtx, quarterText: string, input: BoardReportNarrativeInput) {
  const q = quarterOrRefuse(quarterText);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findNarrative(tx.db, ctx.org.id, q.quarter);
    await repo.upsertNarrative(tx.db, {
      councilId: ctx.org.id,
      quarter: q.quarter,
      ...input,
      updatedBy: ctx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: before ? "update" : "create",
      entityType: "board_report_narrative",
      entityId: null,
      before: before ? { quarter: q.quarter, title: before.title, purpose: before.purpose } : null,
      after: { quarter: q.quarter, title: input.title, purpose: input.purpose },
    });
    return boardReportNarrative(tx, q.quarter);
  });
}

/**
 * Everything a quarter's report is made from: the figures from the engine as at the quarter end
 * (refused when the council has none then, or the quarter has not ended), the plan at the quarter
 * and the narrative.
 */
export async function boardReportInput(ctx: OrgCtx, quarterText: string): Promise<BoardReportInput> {
  const q = quarterOrRefuse(quarterText);
  const today = isoDate(ctx.deps.now());
  if (q.end > today)
    throw badRequest(
      "quarter_not_ended",
      `${quarterLabel(q.quarter)} has not ended yet: its report can be made after ${longDate(q.end)}.`,
    );
  const figures = await reportFigures(ctx, q.end);
  if (figures.now.filled_posts?.value == null)
    throw new AppError(
      404,
      "no_data",
      `${ctx.org.name} has no workforce figures for ${quarterLabel(q.quarter)}: no provider it commissions had records or a return as at ${longDate(q.end)}.`,
    );
  const plan = (await planAtQuarter(ctx, q.quarter)) ?? EMPTY_PLAN;
  const { narrative } = await boardReportNarrative(ctx, q.quarter);
  // The quarter's training uptake, withheld as the uptake page withholds it for the council.
  const uptake = await trainingUptake(ctx, { from: q.start, to: q.end });
  const socialWork = await socialWorkReportFigures(ctx, q.end);
  return {
    council: { id: ctx.org.id, name: ctx.org.name, slug: ctx.org.slug },
    quarter: q.quarter,
    plan,
    narrative,
    figures,
    trainingUptake: { from: uptake.from, to: uptake.to, total: uptake.total },
    ...(socialWork ? { socialWork } : {}),
  };
}

/** The report's file in a format, from its inputs. */
export async function renderBoardReport(input: BoardReportInput, format: ReportFormat) {
  const blocks = reportBlocks(input);
  const meta = { title: input.narrative.title, council: input.council.name };
  const bytes = format === "docx" ? await reportDocx(blocks, meta) : await reportPdf(blocks, meta);
  return { bytes, text: textOf(blocks) };
}

/**
 * Generates a quarter's board report as DOCX or PDF and keeps it (the bytes, their SHA-256 and
 * the inputs), so every version the council has handed out can be found again. When nothing it
 * rests on has changed since the last one kept (the same inputs: figures, plan, narrative), that
 * one is handed out again: downloading is not a change, and a board member's reading keeps no copy.
 */
export async function generateBoardReport(ctx: OrgCtx, quarterText: string, format: ReportFormat) {
  const input = await boardReportInput(ctx, quarterText);
  const latest = await repo.findLatestReport(ctx.db, ctx.org.id, input.quarter, format);
  if (latest && isDeepStrictEqual(latest.inputs, JSON.parse(JSON.stringify(input))))
    return {
      id: latest.id,
      quarter: input.quarter,
      format,
      bytes: Buffer.from(latest.bytes),
      sha256: latest.sha256,
      filename: `${ctx.org.slug}-board-report-${input.quarter}.${format}`,
      contentType: CONTENT_TYPES[format],
    };
  const { bytes } = await renderBoardReport(input, format);
  const hash = sha256(bytes);
  const kept = await inTransaction(ctx, async (tx) => {
    const row = await repo.insertReport(tx.db, {
      councilId: ctx.org.id,
      quarter: input.quarter,
      format,
      bytes: new Uint8Array(bytes),
      size: bytes.length,
      sha256: hash,
      inputs: input,
      generatedBy: ctx.actor.userId,
    });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      action: "create",
      entityType: "board_report",
      entityId: row.id,
      after: { quarter: input.quarter, format, sha256: hash, size: bytes.length },
    });
    return row;
  });
  return {
    id: kept.id,
    quarter: input.quarter,
    format,
    bytes,
    sha256: hash,
    filename: `${ctx.org.slug}-board-report-${input.quarter}.${format}`,
    contentType: CONTENT_TYPES[format],
  };
}

/** The council's generated reports, newest first. */
export const listBoardReports = async (ctx: OrgCtx) => ({
  reports: (await repo.listReports(ctx.db, ctx.org.id)).map((r) => ({
    ...r,
    format: r.format as ReportFormat,
    generatedAt: r.generatedAt.toISOString(),
    generatedBy: r.generatedBy || null,
  })),
});

/** A kept report, exactly as it was generated. */
export async function keptBoardReport(ctx: OrgCtx, id: string) {
  const row = await repo.findReport(ctx.db, ctx.org.id, id);
  if (!row) throw notFound("report");
  const format = row.format as ReportFormat;
  return {
    bytes: Buffer.from(row.bytes),
    filename: `${ctx.org.slug}-board-report-${row.quarter}.${format}`,
    contentType: CONTENT_TYPES[format],
  };
}
