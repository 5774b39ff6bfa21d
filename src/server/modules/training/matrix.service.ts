import { JOB_ROLES, TRAINING_CATEGORY_LABELS } from "../../../shared/ascwds/codes";
import { todayIso } from "../../../shared/dates";
import type { MatrixQuery } from "../../../shared/schemas/training-delivery";
import { MATRIX_STATES, type MatrixState, type PlaceAllocation } from "../../../shared/training";
import { type HeldRecord, matrixCell, requiredCategories } from "../../../shared/training-matrix";
import { availability } from "../../../shared/training-places";
import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { MIN_EMPLOYERS, MIN_WORKERS } from "../metrics/disclosure";
import { councilsOf, providersOf } from "../orgs/commissioning";
import { peopleCell, protectPartitions, type Reader } from "../recruitment/funnel";
import * as repo from "./matrix.repo";

// The training matrix (issue 18 item 5): an employer's staff in post × the training it requires
// (its workforce settings, by job role), each cell's state by the shared rule, and for the
// categories someone lacks a suggested upcoming session with places this employer may book.
// A council sees its own services' staff this way; its providers' only as counts per category
// (matrixSummary), withheld where fewer than 3 employers or 10 people are behind them, as any
// figure about other employers is (metrics/disclosure.ts).

export type MatrixRow = {
  staffId: string;
  name: string;
  workplace: string;
  role: number;
  roleLabel: string;
  userId: string | null;
  cells: { category: number; state: MatrixState | null; expiresOn: string | null; recordId: string | null }[];
};

type Staff = Awaited<ReturnType<typeof repo.listStaffInPost>>[number];
type Held = Awaited<ReturnType<typeof repo.listHeldRecords>>[number];

/** The cells of every person, in memory: records grouped by person and category once. */
export function buildRows(staff: Staff[], required: Map<string, repo.Required>, records: Held[], day: string) {
  const categories = [...new Set([...required.values()].flat().map((r) => r.category))];
  const held = new Map<string, (HeldRecord & { id: string })[]>();
  for (const r of records) {
    const key = `${r.staffRecordId}:${r.category}`;
    const list = held.get(key);
    if (list) list.push(r);
    else held.set(key, [r]);
  }
  const rows: MatrixRow[] = staff.map((s) => {
    const needs = new Set(requiredCategories(required.get(s.orgId) ?? [], s.role));
    return {
      staffId: s.id,
      name: s.displayId,
      workplace: s.workplace,
      role: s.role,
      roleLabel: JOB_ROLES[s.role] ?? `Role ${s.role}`,
      userId: s.userId,
      cells: categories.map((category) => {
        if (!needs.has(category)) return { category, state: null, expiresOn: null, recordId: null };
        const list = held.get(`${s.id}:${category}`) ?? [];
        const cell = matrixCell(list, day);
        const best = cell.state === "missing" ? null : (list.find((r) => r.expiresOn === cell.expiresOn) ?? null);
        return { category, state: cell.state, expiresOn: cell.expiresOn, recordId: best?.id ?? null };
      }),
    };
  });
  return { categories, rows };
}

export const emptyCounts = (): Record<MatrixState, number> => ({ valid: 0, expiring: 0, expired: 0, missing: 0 });

/** One employer's matrix on `day` (default today, in the UK), filtered by workplace, role and state. */
export async function trainingMatrix(ctx: OrgCtx, query: MatrixQuery, day = todayIso(ctx.deps.now())) {
  const orgIds = [ctx.org.id];
  const workplaces = await repo.listWorkplacesOf(ctx.db, ctx.org.id);
  if (query.workplaceId && !workplaces.some((w) => w.id === query.workplaceId))
    throw badRequest("validation", "workplaceId must be the id of one of your workplaces", [
      { path: "workplaceId", message: "Choose one of your workplaces" },
    ]);
  const required = await repo.findRequiredTraining(ctx.db, orgIds);
  const staff = await repo.listStaffInPost(ctx.db, orgIds, day, query);
  const allCategories = [...new Set([...required.values()].flat().map((r) => r.category))];
  const records = await repo.listHeldRecords(ctx.db, orgIds, day, allCategories);
  const built = buildRows(staff, required, records, day);
  const rows = query.state ? built.rows.filter((r) => r.cells.some((c) => c.state === query.state)) : built.rows;
  const counts = emptyCounts();
  const lacking = new Set<number>();
  for (const r of rows)
    for (const c of r.cells) {
      if (!c.state) continue;
      counts[c.state]++;
      if (c.state !== "valid") lacking.add(c.category);
    }
  return {
    day,
    categories: built.categories.map((category) => ({
      category,
      label: TRAINING_CATEGORY_LABELS[category] ?? `Category ${category}`,
    })),
    workplaces,
    rows,
    counts,
    suggestions: await suggestSessions(ctx, [...lacking], day),
  };
}

/** For each category, the soonest upcoming session with a place this employer may book now. */
export async function suggestSessions(ctx: OrgCtx, categories: number[], day: string) {
  if (!categories.length) return [];
  const councils = ctx.org.kind === "council" ? [ctx.org.id] : await councilsOf(ctx.db, ctx.org.id, day);
  const now = ctx.deps.now();
  const sessions = await repo.listUpcomingSessions(ctx.db, councils, categories, now);
  const out = new Map<
    number,
    { category: number; sessionId: string; courseTitle: string; startsAt: Date; venue: string; freePlaces: number }
  >();
  for (const s of sessions) {
    if (out.has(s.category)) continue;
    const free = availability({ ...s, allocation: s.allocation as PlaceAllocation }, ctx.org.id, now).freeForOrg;
    if (free > 0)
      out.set(s.category, {
        category: s.category,
        sessionId: s.id,
        courseTitle: s.courseTitle,
        startsAt: s.startsAt,
        venue: s.venue,
        freePlaces: free,
      });
  }
  return categories.flatMap((c) => out.get(c) ?? []);
}

/**
 * A council's view of its providers' matrices: per category, how many cells are in each state
 * across the providers it commissions on the day. A category with fewer than MIN_EMPLOYERS
 * employers or MIN_WORKERS people behind it is withheld whole, and within a category a count of one
 * to four people is withheld (with a second cell where the total would give it away), as the
 * recruitment funnel does for councils, so no provider's staff can be picked out; no person leaves
 * the server.
 */
export async function matrixSummary(ctx: OrgCtx, day = todayIso(ctx.deps.now())) {
  const orgIds = await providersOf(ctx.db, ctx.org.id, day);
  const required = await repo.findRequiredTraining(ctx.db, orgIds);
  const staff = await repo.listStaffInPost(ctx.db, orgIds, day);
  const categories = [...new Set([...required.values()].flat().map((r) => r.category))].sort((a, b) => a - b);
  const records = await repo.listHeldRecords(ctx.db, orgIds, day, categories);
  const { rows } = buildRows(staff, required, records, day);
  const orgOf = new Map(staff.map((s) => [s.id, s.orgId]));
  const out = categories.map((category) => {
    const counts = emptyCounts();
    const employers = new Set<string>();
    let people = 0;
    for (const r of rows) {
      const cell = r.cells.find((c) => c.category === category);
      if (!cell?.state) continue;
      counts[cell.state]++;
      people++;
      employers.add(orgOf.get(r.staffId) as string);
    }
    const label = TRAINING_CATEGORY_LABELS[category] ?? `Category ${category}`;
    if (employers.size < MIN_EMPLOYERS || people < MIN_WORKERS)
      return {
        category,
        label,
        valid: null,
        expiring: null,
        expired: null,
        missing: null,
        reason: "not_enough_data" as const,
      };
    // Each count is a count of people: one of one to four is withheld as every figure's is, and
    // where that leaves one withheld cell the total would give away, a second is withheld too.
    const reader: Reader = { kind: "council", ownOrgId: ctx.org.id };
    const cells = MATRIX_STATES.map((state) => peopleCell(reader, counts[state], false, false));
    protectPartitions([{ rows: cells, total: peopleCell(reader, people, false, false) }]);
    const shown = Object.fromEntries(MATRIX_STATES.map((state, i) => [state, cells[i].shown.count])) as Record<
      MatrixState,
      number | null
    >;
    const small = cells.some((c) => c.shown.count === null);
    return { category, label, ...shown, ...(small ? { reason: "suppressed" as const } : {}) };
  });
  return { day, categories: out };
}
