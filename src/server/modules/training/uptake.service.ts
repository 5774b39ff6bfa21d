import { longMonth } from "../../../shared/dates";
import {
  type HubCount,
  UPTAKE_MEASURES,
  type UptakeBreakdown,
  type UptakeCounts,
  type UptakeMeasure,
  type UptakeQuery,
  type UptakeResponse,
  type UptakeRow,
} from "../../../shared/schemas/training-hub";
import type { OrgCtx } from "../../context";
import {
  type Cell,
  peopleCell,
  protectPartitions,
  type Reader,
  tooFewEmployers,
  withhold,
} from "../recruitment/funnel";
import { boardPeriod, funnelPeriod } from "../recruitment/funnel.service";
import * as repo from "./uptake.repo";

// Training uptake (issue 18 item 9): bookings, attended (completed or not yet competent),
// completions, did not attend, late cancellations and places unused (capacity less those who
// attended, on sessions that ran), by provider, course and month. One function serves the page,
// the API, the CLI and the board report, so every reader gets the same disclosure control.
//
// A council reads counts of providers' staff, so it gets the recruitment funnel's control
// (recruitment/funnel.ts, on the metrics module's thresholds): any count of people from 1 to 4
// withheld; rows adding employers together need 3 of them; a second cell withheld where one
// could be worked out from a total; whole quarters that have ended only, each protected on its
// own and a cell withheld in any quarter withheld in the window, so differencing two periods
// gives nothing away. Places unused are capacity less attended, so they are withheld with attended.

const PEOPLE = UPTAKE_MEASURES.filter((m) => m !== "placesUnused");
type Cells = Record<UptakeMeasure, Cell>;
interface Row {
  key: string;
  label: string;
  cells: Cells;
}
type Built = Record<UptakeBreakdown | "total", Row[]>;

/** The true counts of a set of bookings (and, for places unused, of the sessions that ran). */
export function uptakeCounts(bookings: repo.UptakeBooking[], sessions: repo.UptakeSession[] | null) {
  const booked = bookings.filter((b) => b.status === "booked");
  return {
    bookings: booked.length,
    attended: booked.filter((b) => b.outcome === "completed" || b.outcome === "not_yet_competent").length,
    completions: booked.filter((b) => b.outcome === "completed").length,
    didNotAttend: booked.filter((b) => b.outcome === "did_not_attend").length,
    lateCancellations: bookings.filter((b) => b.status === "cancelled" && b.late).length,
    placesUnused: sessions ? sessions.reduce((n, s) => n + Math.max(0, s.capacity - s.attended), 0) : null,
  } satisfies Record<UptakeMeasure, number | null>;
}

function groupBy<T>(items: T[], key: (t: T) => string) {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

async function build(ctx: OrgCtx, scope: repo.UptakeScope, reader: Reader, from: string, to: string) {
  const [bookings, sessions] = await Promise.all([
    repo.listUptakeBookings(ctx.db, scope, from, to),
    repo.listSessionsThatRan(ctx.db, scope, from, to, ctx.deps.now()),
  ]);
  // Capacity is shared between providers: a provider's own unused places are not a thing.
  const hasPlaces = !("orgId" in scope);
  const isOwn = (employers: Set<string>) =>
    reader.kind === "own" || (employers.size > 0 && [...employers].every((id) => id === reader.ownOrgId));

  const row = (
    key: string,
    label: string,
    rowBookings: repo.UptakeBooking[],
    rowSessions: repo.UptakeSession[] | null,
    perEmployer: boolean,
  ): Row => {
    const counts = uptakeCounts(rowBookings, hasPlaces ? rowSessions : null);
    const employers = new Set(rowBookings.map((b) => b.orgId));
    const own = isOwn(employers);
    // A row of nobody gives nobody away: the employers rule is for rows with people in them (a
    // quarter without sessions would otherwise withhold every period holding it).
    const tooFew = !own && employers.size > 0 && tooFewEmployers(reader, employers, perEmployer);
    const cells = {} as Cells;
    for (const m of PEOPLE) cells[m] = peopleCell(reader, counts[m], own, tooFew);
    cells.placesUnused = { value: counts.placesUnused, shown: { count: counts.placesUnused } };
    if (counts.placesUnused === null) cells.placesUnused.shown = { count: null, reason: "not_recorded" };
    return { key, label, cells };
  };

  const byProvider = [...groupBy(bookings, (b) => b.orgId)].map(([id, bs]) => row(id, bs[0].orgName, bs, null, true));
  const courseTitles = new Map([...bookings, ...sessions].map((x) => [x.courseId, x.courseTitle]));
  const byCourse = [...courseTitles]
    .sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))
    .map(([id, title]) =>
      row(
        id,
        title,
        bookings.filter((b) => b.courseId === id),
        sessions.filter((s) => s.courseId === id),
        false,
      ),
    );
  const months = [...new Set([...bookings, ...sessions].map((x) => x.month))].sort();
  const byMonth = months.map((m) =>
    row(
      m,
      longMonth(m),
      bookings.filter((b) => b.month === m),
      sessions.filter((s) => s.month === m),
      false,
    ),
  );
  const total = row("total", "All", bookings, sessions, false);
  const built: Built = { provider: byProvider, course: byCourse, month: byMonth, total: [total] };
  if (reader.kind === "council") protectAll(built);
  return built;
}

/** Secondary suppression over each breakdown against the total, places unused following attended. */
function protectAll(b: Built) {
  const all = [...b.provider, ...b.course, ...b.month, ...b.total];
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of all)
      if (
        r.cells.attended.shown.count === null &&
        r.cells.placesUnused.shown.count !== null &&
        r.cells.placesUnused.value !== null
      ) {
        withhold(
          r.cells.placesUnused,
          r.cells.attended.shown.reason === "not_enough_data" ? "not_enough_data" : "suppressed",
        );
        changed = true;
      }
    const before = all.flatMap((r) => UPTAKE_MEASURES.map((m) => r.cells[m].shown.count));
    protectPartitions(
      UPTAKE_MEASURES.flatMap((m) =>
        (["provider", "course", "month"] as const)
          .filter((k) => !(m === "placesUnused" && k === "provider"))
          .map((k) => ({ rows: b[k].map((r) => r.cells[m]), total: b.total[0].cells[m] })),
      ),
    );
    const after = all.flatMap((r) => UPTAKE_MEASURES.map((m) => r.cells[m].shown.count));
    if (after.some((v, i) => v !== before[i])) changed = true;
  }
}

/** Withhold in `window` every cell `part` withholds (same breakdown, key and measure). */
function withholdAsIn(window: Built, part: Built) {
  for (const k of ["provider", "course", "month", "total"] as const)
    for (const r of part[k]) {
      const w = window[k].find((x) => x.key === r.key);
      if (!w) continue;
      for (const m of UPTAKE_MEASURES)
        if (r.cells[m].shown.count === null && w.cells[m].shown.count !== null && r.cells[m].value !== null)
          w.cells[m].shown = { ...r.cells[m].shown };
    }
}

const render = (cells: Cells): UptakeCounts =>
  Object.fromEntries(
    UPTAKE_MEASURES.map((m): [UptakeMeasure, HubCount] => {
      const s = cells[m].shown;
      if (s.count !== null) return [m, { count: s.count }];
      return [m, { count: null, reason: s.reason === "not_recorded" ? "not_applicable" : (s.reason ?? "suppressed") }];
    }),
  ) as UptakeCounts;

const renderRows = (rows: Row[]): UptakeRow[] =>
  rows.map((r) => ({ key: r.key, label: r.label, counts: render(r.cells) }));

export async function trainingUptake(ctx: OrgCtx, q: UptakeQuery): Promise<UptakeResponse> {
  const kind = ctx.org.kind as "council" | "provider" | "training_partner";
  let out: Built;
  let from: string;
  let to: string;
  if (kind === "council") {
    const period = boardPeriod(ctx, q);
    ({ from, to } = period);
    const reader: Reader = { kind: "council", ownOrgId: ctx.org.id };
    const scope = { councilId: ctx.org.id };
    out = await build(ctx, scope, reader, from, to);
    for (const quarter of period.quarters) withholdAsIn(out, await build(ctx, scope, reader, quarter.from, quarter.to));
    protectAll(out);
  } else {
    ({ from, to } = funnelPeriod(ctx, q));
    const scope = kind === "provider" ? { orgId: ctx.org.id } : { offeredBy: ctx.org.id };
    out = await build(ctx, scope, { kind: "own" }, from, to);
  }
  const pick = (k: UptakeBreakdown) => (!q.by || q.by === k ? renderRows(out[k]) : []);
  return {
    org: { id: ctx.org.id, name: ctx.org.name, kind },
    from,
    to,
    view: kind === "council" ? "area" : "own",
    total: render(out.total[0].cells),
    byProvider: pick("provider"),
    byCourse: pick("course"),
    byMonth: pick("month"),
  };
}
