// Which pay floor applies to a worker on a date: pure functions over the reference table, so the
// metric engine, the data-quality panel and tests share one reading of the rules.

export interface PayFloor {
  kind: string;
  band: string;
  minAge: number | null;
  maxAge: number | null;
  rateYear: string;
  hourlyRate: number;
  announcedOn: string | null;
  applicableFrom: string;
}

/**
 * The Real Living Wage applicable at `date`: the latest rate whose employer implementation
 * deadline is on or before it (docs: metrics.md, below_rlw_share), the London rate for London
 * workplaces. Null before the first rate in the table.
 */
export function applicableRlw(floors: PayFloor[], date: string, london: boolean): PayFloor | null {
  const band = london ? "london" : "uk";
  let best: PayFloor | null = null;
  for (const f of floors)
    if (
      f.kind === "rlw" &&
      f.band === band &&
      f.applicableFrom <= date &&
      (!best || f.applicableFrom > best.applicableFrom)
    )
      best = f;
  return best;
}

/** The newest Real Living Wage announced by `date`, which employers may not have to pay yet. */
export function newestRlw(floors: PayFloor[], date: string, london: boolean): PayFloor | null {
  const band = london ? "london" : "uk";
  let best: PayFloor | null = null;
  for (const f of floors) {
    const on = f.announcedOn;
    if (f.kind === "rlw" && f.band === band && on && on <= date && (!best || f.applicableFrom > best.applicableFrom))
      best = f;
  }
  return best;
}

/**
 * The statutory minimum for a worker of `age` at `date` (National Living Wage or the National
 * Minimum Wage band for their age; the apprentice rate when `apprentice`). Null when no rate in
 * the table covers the date.
 */
export function statutoryMinimum(floors: PayFloor[], date: string, age: number, apprentice = false): PayFloor | null {
  let from: string | null = null;
  for (const f of floors)
    if (f.kind === "nlw" && f.applicableFrom <= date && (!from || f.applicableFrom > from)) from = f.applicableFrom;
  if (!from) return null;
  const current = floors.filter((f) => f.kind === "nlw" && f.applicableFrom === from);
  if (apprentice) {
    const rate = current.find((f) => f.band === "apprentice");
    if (rate) return rate;
  }
  return (
    current.find(
      (f) =>
        f.band !== "apprentice" && (f.minAge === null || age >= f.minAge) && (f.maxAge === null || age <= f.maxAge),
    ) ?? null
  );
}
