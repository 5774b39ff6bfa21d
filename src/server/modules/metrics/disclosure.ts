import type { Figure, Figures } from "./engine";

// Disclosure control (docs: shared/design/metrics.md, "Disclosure control"). Applied by the
// service to every figure before it leaves the engine, whatever asks for it (pages, API, CLI).

/** A figure about other employers needs at least this many employers and workers behind it. */
export const MIN_EMPLOYERS = 3;
export const MIN_WORKERS = 10;
/** A count of people in a special category (ethnicity, disability) below this is suppressed. */
export const MIN_SPECIAL_CELL = 5;
/** Figures that break down special category data. */
const SPECIAL = [/^ethnicity_/, /^disability_/];

const withheld = (reason: Figure["reason"]): Figure => ({ value: null, reason, n: 0 });

/**
 * For a reader outside the employers the figures describe: with fewer than MIN_EMPLOYERS
 * employers or MIN_WORKERS workers, nothing is given ("not enough data"); otherwise any special
 * category share whose people, or whose complement within the same total, number fewer than
 * MIN_SPECIAL_CELL is suppressed, so it cannot be recovered by subtraction either.
 */
export function protect(figures: Figures, group: { employers: number; workers: number }, opts: { needsGroupSize: boolean }): Figures {
  if (opts.needsGroupSize && (group.employers < MIN_EMPLOYERS || group.workers < MIN_WORKERS))
    return Object.fromEntries(Object.keys(figures).map((k) => [k, withheld("not_enough_data")]));
  const out: Figures = {};
  for (const [name, f] of Object.entries(figures)) {
    if (SPECIAL.some((re) => re.test(name)) && f.value !== null) {
      const people = Math.round(f.value * f.n);
      const others = f.n - people;
      if ((people > 0 && people < MIN_SPECIAL_CELL) || (others > 0 && others < MIN_SPECIAL_CELL)) {
        out[name] = withheld("suppressed");
        continue;
      }
    }
    out[name] = f;
  }
  return protectFamilies(out);
}

/**
 * Shares of one total (`ethnicity_share.*`) add up to 1: when exactly one is suppressed, the
 * others would give it away, so the smallest shown one is suppressed too. The unknown share is
 * also published as `ethnicity_unknown_share`, which follows it.
 */
function protectFamilies(figures: Figures): Figures {
  const family = Object.keys(figures).filter((k) => k.startsWith("ethnicity_share."));
  const suppressed = family.filter((k) => figures[k].reason === "suppressed");
  const shown = family.filter((k) => figures[k].value !== null && figures[k].value > 0);
  if (suppressed.length === 1 && shown.length) {
    const smallest = shown.reduce((a, b) => ((figures[b].value as number) < (figures[a].value as number) ? b : a));
    figures[smallest] = withheld("suppressed");
  }
  if (figures["ethnicity_share.unknown"]?.reason === "suppressed" && figures.ethnicity_unknown_share) figures.ethnicity_unknown_share = withheld("suppressed");
  return figures;
}

/**
 * For a breakdown whose rows add up to a total that is also shown: when exactly one row's special
 * category figure is suppressed, the total less the other rows would give it away, so the shown
 * row with the fewest people behind that figure is suppressed too (secondary suppression).
 */
export function protectBreakdown<R extends { figures: Figures }>(rows: R[]): R[] {
  const names = new Set(rows.flatMap((r) => Object.keys(r.figures)).filter((n) => SPECIAL.some((re) => re.test(n))));
  for (const name of names) {
    const suppressed = rows.filter((r) => r.figures[name]?.reason === "suppressed");
    const shown = rows.filter((r) => r.figures[name] && r.figures[name].value !== null);
    if (suppressed.length !== 1 || !shown.length) continue;
    const smallest = shown.reduce((a, b) => (b.figures[name].n < a.figures[name].n ? b : a));
    smallest.figures[name] = withheld("suppressed");
  }
  return rows;
}
