import { JOB_ROLES } from "../../../shared/ascwds/codes";
import { longDate } from "../../../shared/dates";
import { FUNNEL_STAGES, type FunnelStage, SOURCE_LABELS, SOURCES, type Source } from "../../../shared/recruitment";
import type { FunnelResponse, FunnelRow, RetentionRow, StageCounts } from "../../../shared/schemas/recruitment-hub";
import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { addDays, isoDate, monthsBefore } from "../../lib/time";
import { MIN_SPECIAL_CELL } from "../metrics/disclosure";
import {
  addMonths,
  type Cell,
  type FunnelApplication,
  type FunnelViews,
  peopleCell,
  protectPartitions,
  type Reader,
  retainedCell,
  retention,
  routeKey,
  tally,
  timeToHire,
  tooFewEmployers,
  withhold,
} from "./funnel";
import * as repo from "./funnel.repo";

// The funnel and retention of hires for a council's board or one employer (issue 17 item 8;
// definitions in docs/metrics.md, "The recruitment funnel"). One function builds it for the
// page, the API and the CLI, so every reader gets the same disclosure control.

type Stages = Record<FunnelStage, Cell>;
interface Row {
  key: string;
  label: string;
  cells: Stages;
}

const PEOPLE = FUNNEL_STAGES.filter((s) => s !== "views");

/** The period asked for: by default the twelve months to today. */
export function funnelPeriod(ctx: OrgCtx, q: { from?: string; to?: string }) {
  const today = isoDate(ctx.deps.now());
  const to = q.to ?? today;
  const from = q.from ?? isoDate(addDays(new Date(`${monthsBefore(to, 12)}T00:00:00Z`), 1));
  if (from > to)
    throw badRequest("validation", "The start of the period must be on or before its end.", [
      { path: "to", message: "The end must be on or after the start" },
    ]);
  return { from, to, today };
}

/** The most whole quarters a council may ask for at once. */
export const MAX_BOARD_QUARTERS = 12;

const dayBefore = (day: string) => isoDate(addDays(new Date(`${day}T00:00:00Z`), -1));
/** The first day of the calendar quarter holding `day`. */
export const quarterStart = (day: string) =>
  `${day.slice(0, 4)}-${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
/** The last quarter end on or before `day`: the day before the quarter holding the day after. */
const quarterEndBy = (day: string) => dayBefore(quarterStart(isoDate(addDays(new Date(`${day}T00:00:00Z`), 1))));

/**
 * A council's period, snapped to whole calendar quarters that have ended (docs/metrics.md,
 * "The recruitment funnel"): were any days allowed, the difference of two periods a day apart
 * would give one day's count, however small. Differences of quarter-aligned windows are sums of
 * whole quarters, each protected on its own (recruitmentFunnel). By default the four whole
 * quarters to the last quarter end before today. Retention marks are taken at the period's end,
 * not today, so asking again tomorrow says nothing new.
 */
export function boardPeriod(ctx: OrgCtx, q: { from?: string; to?: string }) {
  const asked = funnelPeriod(ctx, q);
  const lastEnded = dayBefore(quarterStart(asked.today));
  const to = q.to ? [quarterEndBy(q.to), lastEnded].sort()[0] : lastEnded;
  const from = q.from ? quarterStart(q.from) : quarterStart(monthsBefore(to, 11));
  if (from > to)
    throw badRequest("validation", "Councils see whole quarters that have ended: this period holds none.", [
      {
        path: "to",
        message: `The period must take in a whole quarter that has ended, for example one ending on ${longDate(lastEnded)}`,
      },
    ]);
  const quarters: { from: string; to: string }[] = [];
  for (let start = from; start <= to; start = addMonths(start, 3))
    quarters.push({ from: start, to: dayBefore(addMonths(start, 3)) });
  if (quarters.length > MAX_BOARD_QUARTERS)
    throw badRequest("validation", `A council's period can be at most ${MAX_BOARD_QUARTERS} quarters.`, [
      { path: "from", message: `The start must be no more than ${MAX_BOARD_QUARTERS} quarters before the end` },
    ]);
  return { from, to, at: to, quarters };
}

export async function recruitmentFunnel(ctx: OrgCtx, q: { from?: string; to?: string }): Promise<FunnelResponse> {
  if (ctx.org.kind !== "council") {
    const { from, to, today } = funnelPeriod(ctx, q);
    const own = await buildFunnel(ctx, from, to, today);
    return own.render();
  }
  const period = boardPeriod(ctx, q);
  const window = await buildFunnel(ctx, period.from, period.to, period.at);
  // Each quarter built as the window is, marks taken at the same day, so the window is their sum:
  // a count withheld in any quarter is withheld in the window too.
  for (const quarter of period.quarters) {
    const part = await buildFunnel(ctx, quarter.from, quarter.to, period.at);
    window.withholdAsIn(part);
  }
  return window.render();
}

/**
 * The funnel of one period with its disclosure control done, retention marks taken at `at`;
 * `withholdAsIn` withholds what another build withholds, then protects again.
 */
async function buildFunnel(ctx: OrgCtx, from: string, to: string, at: string) {
  const board = ctx.org.kind === "council";
  const scope = board ? { councilId: ctx.org.id } : { orgId: ctx.org.id };
  const reader: Reader = board ? { kind: "council", ownOrgId: ctx.org.id } : { kind: "own" };
  const [apps, views] = await Promise.all([
    repo.listFunnelApplications(ctx.db, scope, from, to),
    repo.listFunnelViews(ctx.db, scope, from, to),
  ]);
  const isOwn = (employers: Set<string>) =>
    reader.kind === "own" || (employers.size > 0 && [...employers].every((id) => id === reader.ownOrgId));

  /** One row's cells: `perEmployer` rows are exempt from the employers rule; `viewsOf` null when views are not kept for it. */
  const rowCells = (rowApps: FunnelApplication[], rowViews: FunnelViews[] | null, perEmployer: boolean): Stages => {
    const t = tally(
      rowApps,
      rowViews ? rowViews.reduce((n, v) => n + v.views, 0) : null,
      (rowViews ?? []).map((v) => v.orgId),
    );
    const own = isOwn(t.employers);
    const tooFew = !own && tooFewEmployers(reader, t.employers, perEmployer);
    const viewsCell: Cell = { value: t.counts.views, shown: { count: t.counts.views } };
    if (rowViews === null) viewsCell.shown = { count: null, reason: "not_recorded" };
    else if (tooFew) withhold(viewsCell, "not_enough_data");
    const cells = { views: viewsCell } as Stages;
    for (const s of PEOPLE) cells[s] = peopleCell(reader, t.counts[s], own, tooFew);
    return cells;
  };

  const groupBy = <K>(list: FunnelApplication[], key: (a: FunnelApplication) => K) => {
    const m = new Map<K, FunnelApplication[]>();
    for (const a of list) m.set(key(a), [...(m.get(key(a)) ?? []), a]);
    return m;
  };

  // Totals: the sum of the employers' rows, which the council sees anyway, so not held to the employers rule.
  const totals = rowCells(apps, views, true);

  const employerNames = new Map([...apps, ...views].map((x) => [x.orgId, x.orgName]));
  const appsByOrg = groupBy(apps, (a) => a.orgId);
  const byEmployer: Row[] = [...employerNames.entries()]
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([id, name]) => ({
      key: id,
      label: name,
      cells: rowCells(
        appsByOrg.get(id) ?? [],
        views.filter((v) => v.orgId === id),
        true,
      ),
    }));

  const roles = [...new Set([...apps, ...views].map((x) => x.jobRole))];
  const appsByRole = groupBy(apps, (a) => a.jobRole);
  const byRole: Row[] = roles
    .map((code) => ({
      key: String(code),
      label: JOB_ROLES[code] ?? `Job role ${code}`,
      cells: rowCells(
        appsByRole.get(code) ?? [],
        views.filter((v) => v.jobRole === code),
        false,
      ),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const appsBySource = groupBy(apps, (a) => a.source);
  const bySource: Row[] = SOURCES.filter((s) => appsBySource.has(s)).map((s) => ({
    key: s,
    label: SOURCE_LABELS[s],
    cells: rowCells(appsBySource.get(s) ?? [], null, false),
  }));

  const appsByCampaign = groupBy(
    apps.filter((a) => a.campaignId),
    (a) => a.campaignId as string,
  );
  const byCampaign: Row[] = [...appsByCampaign.entries()]
    .map(([id, list]) => ({ key: id, label: list[0].campaignName ?? "Campaign", cells: rowCells(list, null, false) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  // Retention by route (the campaign, else the source).
  const routes = [...groupBy(apps, routeKey).entries()].map(([key, list]) => {
    const source: Source = list[0].campaignId ? "campaign" : list[0].source;
    return {
      key,
      label: list[0].campaignId ? (list[0].campaignName ?? "Campaign") : SOURCE_LABELS[source],
      source,
      ...retentionCells(list, false),
    };
  });
  function retentionCells(list: FunnelApplication[], total: boolean) {
    const r = retention(list, at);
    const own = isOwn(r.employers);
    const tooFew = !own && !total && tooFewEmployers(reader, r.employers, false);
    return {
      hires: peopleCell(reader, r.hires, own, tooFew),
      marks: r.marks.map((m) => {
        const eligible = peopleCell(reader, m.eligible, own, tooFew);
        const retained = retainedCell(reader, m.retained, own, tooFew);
        return { months: m.months, eligible, retained };
      }),
    };
  }
  const all = retentionCells(apps, true);

  // Secondary suppression: each breakdown adds up to its total, stage by stage.
  const campaignSource = bySource.find((r) => r.key === "campaign");
  const partitions: { rows: Cell[]; total: Cell }[] = [];
  for (const s of FUNNEL_STAGES) {
    partitions.push({ rows: byEmployer.map((r) => r.cells[s]), total: totals[s] });
    partitions.push({ rows: byRole.map((r) => r.cells[s]), total: totals[s] });
    if (s !== "views") {
      partitions.push({ rows: bySource.map((r) => r.cells[s]), total: totals[s] });
      if (campaignSource) partitions.push({ rows: byCampaign.map((r) => r.cells[s]), total: campaignSource.cells[s] });
    }
  }
  partitions.push({ rows: routes.map((r) => r.hires), total: all.hires });
  all.marks.forEach((m, i) => {
    partitions.push({ rows: routes.map((r) => r.marks[i].eligible), total: m.eligible });
    partitions.push({ rows: routes.map((r) => r.marks[i].retained), total: m.retained });
  });
  // Hires are the starts again (all of them; a campaign's in its row; a source's, campaigns
  // apart, in its row): one withheld means both are, or the other table would give it away.
  const same = (a: Cell, b: Cell) => partitions.push({ rows: [a], total: b }, { rows: [b], total: a });
  same(totals.started, all.hires);
  for (const r of routes) {
    const [kind, key] = r.key.split(":");
    const row = (kind === "campaign" ? byCampaign : bySource).find((x) => x.key === key);
    if (row) same(row.cells.started, r.hires);
  }
  // A retained count is no use without the hires it is out of, and goes with them; withholding
  // it can leave a breakdown with one withheld cell, so the two rules run until neither changes.
  const marks = [...routes, all].flatMap((r) => r.marks);
  const protect = () => {
    for (let changed = true; changed; ) {
      protectPartitions(partitions);
      changed = false;
      for (const m of marks)
        if (m.eligible.shown.count === null && m.retained.shown.count !== null) {
          withhold(m.retained, m.eligible.shown.reason === "not_enough_data" ? "not_enough_data" : "suppressed");
          changed = true;
        }
    }
  };
  protect();

  // Every cell by table, row key and stage or field, to match a quarter's to the window's.
  const cells = new Map<string, Cell>();
  for (const s of FUNNEL_STAGES) cells.set(`stages/${s}`, totals[s]);
  for (const [table, rows] of Object.entries({ byEmployer, byRole, bySource, byCampaign }))
    for (const r of rows) for (const s of FUNNEL_STAGES) cells.set(`${table}/${r.key}/${s}`, r.cells[s]);
  for (const r of [...routes, { key: "all", ...all }]) {
    cells.set(`retention/${r.key}/hires`, r.hires);
    for (const m of r.marks) {
      cells.set(`retention/${r.key}/${m.months}/eligible`, m.eligible);
      cells.set(`retention/${r.key}/${m.months}/retained`, m.retained);
    }
  }

  const hired = timeToHire(apps);
  let hideTime = !isOwn(new Set(apps.map((a) => a.orgId))) && hired.hires > 0 && hired.hires < MIN_SPECIAL_CELL;

  const stagesOf = (cells: Stages) => Object.fromEntries(FUNNEL_STAGES.map((s) => [s, cells[s].shown])) as StageCounts;
  const rowOf = (r: Row): FunnelRow => ({ key: r.key, label: r.label, stages: stagesOf(r.cells) });
  const retentionRowOf = (
    r: { key: string; label: string; source: Source | null } & ReturnType<typeof retentionCells>,
  ): RetentionRow => ({
    key: r.key,
    label: r.label,
    source: r.source,
    hires: r.hires.shown,
    marks: r.marks.map((m) => {
      const e = m.eligible.shown.count;
      const k = m.retained.shown.count;
      return {
        months: m.months,
        eligible: m.eligible.shown,
        retained: m.retained.shown,
        rate: e && k !== null ? k / e : null,
      };
    }),
  });

  const render = (): FunnelResponse => ({
    org: { id: ctx.org.id, name: ctx.org.name, kind: board ? "council" : "provider" },
    from,
    to,
    view: board ? "board" : "employer",
    stages: stagesOf(totals),
    byEmployer: byEmployer.map(rowOf),
    byRole: byRole.map(rowOf),
    byCampaign: byCampaign.map(rowOf),
    bySource: bySource.map(rowOf),
    timeToHire: {
      medianDays: hideTime ? null : hired.medianDays,
      hires: hideTime ? null : hired.hires,
    },
    retention: routes.sort((a, b) => a.label.localeCompare(b.label)).map(retentionRowOf),
    retentionAll: retentionRowOf({ key: "all", label: "All routes", source: null, ...all }),
  });

  return {
    cells,
    hideTime: () => hideTime,
    /** Withholds every cell whose counterpart `other` withholds (with its reason), then protects again. */
    withholdAsIn(other: { cells: Map<string, Cell>; hideTime: () => boolean }) {
      for (const [key, theirs] of other.cells) {
        const mine = cells.get(key);
        const reason = theirs.shown.reason;
        if (mine && mine.shown.count !== null && theirs.shown.count === null && reason && reason !== "not_recorded")
          withhold(mine, reason);
      }
      if (other.hideTime()) hideTime = true;
      protect();
    },
    render,
  };
}
