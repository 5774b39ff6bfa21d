// The workforce figures of a board report: from the one figures engine, as a council reads them
// (its commissioned providers and its own services, disclosure control applied), as at the
// quarter end, a quarter before and the eight quarter ends of the trend; with its targets and the
// latest figure for England.

import { HEADLINE_NAMES } from "../../../shared/metrics";
import type { OrgCtx } from "../../context";
import { quarterEnds, TREND_QUARTERS } from "../metrics/dates";
import { type Cell, cellKey, type Figures } from "../metrics/figure-types";
import { councilDisclosure, figuresOver, pick, workplacesOf } from "../metrics/metrics.service";
import { findTargets } from "../metrics/targets.repo";
import { listReference } from "../reference/reference.service";
import type { England, ReportFigures } from "./types";

/** The publisher's name as a source reads. */
const PUBLISHERS: Record<string, string> = { sfc: "Skills for Care", dfe: "Department for Education" };

/**
 * The figures of the council's scope at `at` (a quarter end), as `hub metrics --org <council>
 * --at <at>` gives them, with the previous quarter and the trend from the same grid.
 */
export async function reportFigures(ctx: OrgCtx, at: string): Promise<ReportFigures> {
  const ids = await workplacesOf(ctx, { kind: "council" }, at);
  // The quarter end before (31 March before 30 June), and the trend's quarter ends to `at`.
  const quarters = quarterEnds(at, TREND_QUARTERS);
  const previousAt = quarters.at(-2) as string;
  const dates = [...new Set([at, ...quarters])];
  const cells: Cell[] = dates.map((d) => ({ at: d, by: "all" as const }));
  const grid = await (await figuresOver(ctx, ids)).grid(cells, HEADLINE_NAMES);
  const view = await councilDisclosure(ctx, dates);
  // Each date as the dashboard shows it on `at`: its providers throughout, so like is compared with like.
  const total = (d: string): Figures =>
    pick(view.total(grid.get(cellKey({ at: d, by: "all" }))?.get("all") as Figures, d, at), HEADLINE_NAMES);
  return {
    at,
    previousAt,
    now: total(at),
    previous: total(previousAt),
    trend: quarters.map((d) => ({ at: d, figures: total(d) })),
    targets: await findTargets(ctx.db, ctx.org.id),
    england: await englandFigures(ctx),
  };
}

/** The latest figure for the whole of England for each headline, with its source and data year. */
async function englandFigures(ctx: OrgCtx): Promise<Record<string, England>> {
  const { comparators } = await listReference(ctx);
  const out: Record<string, England & { period: string }> = {};
  for (const c of comparators) {
    if (c.coverage !== "england" && c.coverage !== "england.independent_sector") continue;
    const had = out[c.metric];
    // The latest year; for one year, all of England before the independent sector alone.
    if (had && (had.period > c.period || (had.period === c.period && c.coverage !== "england"))) continue;
    const who = PUBLISHERS[c.publisher] ?? c.publisher;
    const what = c.coverage === "england" ? "England" : "England, independent sector";
    out[c.metric] = { value: c.value, period: c.period, source: `${who}, ${what}, ${c.period}` };
  }
  return Object.fromEntries(Object.entries(out).map(([k, { value, source }]) => [k, { value, source }]));
}
