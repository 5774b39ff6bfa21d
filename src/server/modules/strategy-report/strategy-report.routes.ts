import type { Context } from "hono";
import {
  boardReportNarrativeInput,
  boardReportNarrativeResponse,
  boardReportsResponse,
} from "../../../shared/schemas/strategy-report";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import type { AppEnv } from "../../http/types";
import { notFound } from "../../lib/errors";
import {
  boardReportNarrative,
  CONTENT_TYPES,
  generateBoardReport,
  keptBoardReport,
  listBoardReports,
  type ReportFormat,
  saveBoardReportNarrative,
} from "./strategy-report.service";

const tag = "Strategy";

function download(c: Context<AppEnv>, file: { bytes: Buffer; filename: string; contentType: string }) {
  c.header("content-type", file.contentType);
  c.header("content-disposition", `attachment; filename="${file.filename}"`);
  c.header("cache-control", "no-store");
  return c.body(new Uint8Array(file.bytes));
}

export function strategyReportRoutes(r: Router) {
  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/strategy/reports",
      response: boardReportsResponse,
      orgKinds: ["council"],
      tag,
      scope: "org",
      permission: "strategy.reports",
      summary: "The quarterly board reports the council has generated, newest first (each is kept as it was made)",
    },
    async (c) => c.json(await listBoardReports(orgCtxOf(c))),
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/strategy/reports/:file",
      orgKinds: ["council"],
      tag,
      scope: "org",
      permission: "strategy.reports",
      produces: [CONTENT_TYPES.docx, CONTENT_TYPES.pdf],
      summary:
        "Generate the quarterly board report as Word (2026-Q3.docx) or PDF (2026-Q3.pdf): a committee report with the plan's progress, the workforce figures as at the quarter end with charts, risks and implications. Each file generated is kept",
    },
    async (c) => {
      const m = /^(\d{4}-Q[1-4])\.(docx|pdf)$/.exec(c.req.param("file") ?? "");
      if (!m) throw notFound("report: ask for a quarter as 2026-Q3.docx or 2026-Q3.pdf");
      return download(c, await generateBoardReport(orgCtxOf(c), m[1], m[2] as ReportFormat));
    },
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/strategy/reports/kept/:reportId",
      orgKinds: ["council"],
      tag,
      scope: "org",
      permission: "strategy.reports",
      produces: [CONTENT_TYPES.docx, CONTENT_TYPES.pdf],
      summary: "A board report the council generated before, exactly as it was made",
    },
    async (c) => download(c, await keptBoardReport(orgCtxOf(c), idParam(c, "reportId", "report"))),
  );

  r.define(
    {
      method: "get",
      path: "/api/orgs/:orgId/strategy/narratives/:quarter",
      response: boardReportNarrativeResponse,
      orgKinds: ["council"],
      tag,
      scope: "org",
      permission: "strategy.reports",
      summary:
        "The board report's narrative for a quarter (title, report to, meeting date, reporting officer, purpose, recommendations): the council's own when saved, else the hub's suggestion",
    },
    async (c) => c.json(await boardReportNarrative(orgCtxOf(c), c.req.param("quarter") ?? "")),
  );

  r.define(
    {
      method: "put",
      path: "/api/orgs/:orgId/strategy/narratives/:quarter",
      response: boardReportNarrativeResponse,
      orgKinds: ["council"],
      tag,
      scope: "org",
      permission: "strategy.manage",
      summary: "Save the board report's narrative for a quarter, used by every report generated after",
      body: boardReportNarrativeInput,
    },
    async (c, { body }) => c.json(await saveBoardReportNarrative(orgCtxOf(c), c.req.param("quarter") ?? "", body)),
  );
}
