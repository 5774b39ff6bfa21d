import { type ByStaffType, STAFF_TYPES, type StaffType } from "../../../shared/schemas/commissioning-monitoring";
import type { OrgCtx } from "../../context";
import { badRequest } from "../../lib/errors";
import { isoDate } from "../../lib/time";
import { cellKey, type Figures } from "../metrics/engine";
import { figuresGrid } from "../metrics/metrics.service";
import * as repo from "./monitoring.repo";

// The NHS Capacity Tracker's workforce fields (issue 19 item 5), from what the provider keeps in
// the hub, per workplace (with its CQC location id) and in total, as at a date: headcount of
// directly employed staff (permanent and temporary contracts), bank or pool staff and agency
// workers in post, and open vacancies, each by the tracker's staff types (registered nurses, care
// workers, non-care staff: ASC-WDS main job roles mapped in monitoring.repo's STAFF_TYPE_SQL), and
// sickness: the hub holds days sick in the 12 months (ASC-WDS), not today's absence, so that is
// what is given, said as such. The totals are the figures engine's (filled posts, vacancies,
// sickness); the split by staff type counts the same records by the same rules, and the tests
// check the parts add up to the engine's totals.

const ENGINE_NAMES = ["filled_posts", "employed_headcount", "vacancies", "agency_rate", "sickness_days_mean"];

const zero = (): ByStaffType => ({ registered_nurse: 0, care: 0, non_care: 0, not_recorded: 0, total: 0 });
const addTo = (into: ByStaffType, type: StaffType, n: number) => {
  into[type] += n;
  into.total += n;
};
const sumOf = (a: ByStaffType, b: ByStaffType): ByStaffType => {
  const out = zero();
  for (const t of STAFF_TYPES) addTo(out, t, a[t] + b[t]);
  return out;
};

async function engine(ctx: OrgCtx, ids: string[], at: string): Promise<Figures> {
  const cell = { at, by: "all" as const };
  return ((await figuresGrid(ctx, ids, [cell], ENGINE_NAMES)).get(cellKey(cell))?.get("all") ?? {}) as Figures;
}

export async function capacityTracker(ctx: OrgCtx, atText: string | undefined) {
  const today = isoDate(ctx.deps.now());
  const at = atText ?? today;
  if (at > today)
    throw badRequest("validation", "The Capacity Tracker's figures are as at today or an earlier date.", [
      { path: "at", message: `Enter ${today} or an earlier date` },
    ]);
  const [places, staff, open] = await Promise.all([
    repo.listWorkplaces(ctx.db, ctx.org.id),
    repo.countStaffByType(ctx.db, ctx.org.id, at),
    repo.countVacanciesByType(ctx.db, ctx.org.id, at),
  ]);
  const rows = [];
  for (const w of places) {
    const f = await engine(ctx, [w.id], at);
    const row = { employed: zero(), bank: zero(), agency: zero(), vacancies: zero(), otherContracts: 0 };
    for (const s of staff.filter((s) => s.workplaceId === w.id)) {
      if (s.group === "other") row.otherContracts += s.n;
      else addTo(row[s.group], s.type as StaffType, s.n);
    }
    // A count declared in an ASC-WDS workplace file stands in for vacancies where the workplace
    // keeps no vacancy records at all (metrics.md): it carries no role.
    if (f.vacancies?.declared) addTo(row.vacancies, "not_recorded", f.vacancies.value ?? 0);
    else for (const v of open.filter((v) => v.workplaceId === w.id)) addTo(row.vacancies, v.type as StaffType, v.n);
    rows.push({
      id: w.id,
      name: w.name,
      localRef: w.localRef,
      cqcLocationId: w.cqcLocationId,
      ...row,
      filledPosts: f.filled_posts?.value ?? 0,
      sicknessDaysMean: f.sickness_days_mean?.value ?? null,
      sicknessN: f.sickness_days_mean?.n ?? 0,
    });
  }
  const all = await engine(
    ctx,
    places.map((w) => w.id),
    at,
  );
  const total = rows.reduce(
    (t, r) => ({
      employed: sumOf(t.employed, r.employed),
      bank: sumOf(t.bank, r.bank),
      agency: sumOf(t.agency, r.agency),
      vacancies: sumOf(t.vacancies, r.vacancies),
      otherContracts: t.otherContracts + r.otherContracts,
    }),
    { employed: zero(), bank: zero(), agency: zero(), vacancies: zero(), otherContracts: 0 },
  );
  return {
    at,
    workplaces: rows,
    total: {
      ...total,
      filledPosts: all.filled_posts?.value ?? 0,
      sicknessDaysMean: all.sickness_days_mean?.value ?? null,
      sicknessN: all.sickness_days_mean?.n ?? 0,
    },
  };
}
export type CapacityTracker = Awaited<ReturnType<typeof capacityTracker>>;
