// Which other open jobs the apply page offers to apply for at the same time. A council's board
// holds 150 jobs: all of them as checkboxes made a page 12,000 pixels long on a phone. So the
// page offers a few, the same job title first (someone applying to be a care worker most likely
// wants other care worker jobs), a search box finds the rest, and a job already ticked stays shown.

export interface OfferableJob {
  id: string;
  title: string;
  employer: string;
  place: string | null;
}

export const JOBS_OFFERED = 8;

export function jobsToOffer<T extends OfferableJob>(
  adverts: readonly T[],
  currentId: string,
  query: string,
  chosen: readonly string[],
  limit = JOBS_OFFERED,
): { shown: T[]; matching: number; others: number } {
  const current = adverts.find((a) => a.id === currentId);
  const others = adverts.filter((a) => a.id !== currentId);
  const words = query
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const matches = others.filter((a) => {
    const text = `${a.title} ${a.employer} ${a.place ?? ""}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const sameTitle = (a: T) => (current && a.title === current.title ? 0 : 1);
  const ordered = matches.map((a, i) => ({ a, i })).sort((x, y) => sameTitle(x.a) - sameTitle(y.a) || x.i - y.i);
  const first = new Set(ordered.slice(0, limit).map((x) => x.a.id));
  const shown = others.filter((a) => chosen.includes(a.id) && !first.has(a.id));
  shown.push(...ordered.slice(0, limit).map((x) => x.a));
  return { shown, matching: matches.length, others: others.length };
}
