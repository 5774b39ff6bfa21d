import type { Figure, Figures } from "./engine";

// Disclosure control (docs: shared/design/metrics.md, "Disclosure control"). Applied by the
// service to every figure before it leaves the engine, whatever asks for it (pages, API, CLI).
// `protect` is for one set of figures on its own (a comparison group, the whole hub);
// `withholdLinked` for everything a council can read about its providers as at one date, taken
// together, so that no request, or sum or difference of requests, gives a withheld count away.

/** A figure about other employers needs at least this many employers and workers behind it. */
export const MIN_EMPLOYERS = 3;
export const MIN_WORKERS = 10;
/** A count of people in a special category (ethnicity, disability) below this is suppressed. */
export const MIN_SPECIAL_CELL = 5;
/** Figures that break down special category data. */
const SPECIAL = [/^ethnicity_/, /^disability_/];
export const isSpecial = (name: string) => SPECIAL.some((re) => re.test(name));

/**
 * The figures to compute so that `names` can be protected as they would be among all of them: the
 * group size (filled posts) and, when any special category figure is named, every one of them
 * (a family of shares is protected as a whole).
 */
export function figuresToProtect(names: string[], all: string[]): string[] {
  const special = names.some(isSpecial);
  return all.filter((n) => names.includes(n) || n === "filled_posts" || (special && isSpecial(n)));
}

const withheld = (reason: Figure["reason"]): Figure => ({ value: null, reason, n: 0 });

/**
 * For a reader outside the employers the figures describe: with fewer than MIN_EMPLOYERS
 * employers or MIN_WORKERS workers, nothing is given ("not enough data"); otherwise any special
 * category share whose people, or whose complement within the same total, number fewer than
 * MIN_SPECIAL_CELL is suppressed, so it cannot be recovered by subtraction either.
 */
export function protect(
  figures: Figures,
  group: { employers: number; workers: number },
  opts: { needsGroupSize: boolean },
): Figures {
  if (opts.needsGroupSize && (group.employers < MIN_EMPLOYERS || group.workers < MIN_WORKERS))
    return Object.fromEntries(Object.keys(figures).map((k) => [k, withheld("not_enough_data")]));
  const out: Figures = {};
  for (const [name, f] of Object.entries(figures)) {
    if (isSpecial(name) && f.value !== null) {
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
  if (figures["ethnicity_share.unknown"]?.reason === "suppressed" && figures.ethnicity_unknown_share)
    figures.ethnicity_unknown_share = withheld("suppressed");
  return figures;
}

/**
 * Figures whose groups cover everyone in the figure's `n` (every record falls in exactly one
 * group): a reader who knows `n` and all groups but one knows the last. Other special category
 * figures are one share whose complement (n less the figure's people) is not published.
 */
const EXHAUSTIVE = new Set(["ethnicity_share"]);
/** Figures that publish another figure's count again: withheld whenever it is. */
const ALIASES: Record<string, string> = { ethnicity_unknown_share: "ethnicity_share.unknown" };

/**
 * One cell of the linked tables a reader can see: its key, which kind of cell it is (the order in
 * which cells are given up for secondary suppression: a total over another set of employers than
 * the date's first, then an employer's row, a service type's, and the date's total last), the
 * atoms it adds up (the smallest units every cell is a sum of, such as an employer's workplaces
 * of one service type) and its figures. Only the counts behind special category shares (value × n)
 * are used, so the rule does not depend on how the figures were worked out. A cell the reader
 * owns (its own staff) is known to it: never withheld from it, and counted as published.
 */
export interface LinkedCell {
  key: string;
  kind: "other_total" | "row" | "service" | "total";
  atoms: string[];
  figures: Figures;
  own?: boolean;
}
/** Which cells are given up first: a past point over another set of providers than the date's, then an employer's row. */
const KIND_ORDER: Record<LinkedCell["kind"], number> = { other_total: 0, row: 1, service: 2, total: 3 };

/**
 * Primary and secondary suppression across linked tables: every cell a reader can see about the
 * same date (each employer's row, each service type's row, and every total over a set of them).
 * Primary: a special category count, or its complement within the cell, of 1 to 4 people. Then,
 * while any withheld count can be worked out exactly from what is published (each cell's `n`,
 * the reader's own cells, and every count not withheld, in any linear combination: a total less
 * other rows, a row's `n` less its other groups, one total less another), the published count
 * taking part in that working with the lowest cost is withheld too: by kind of cell (KIND_ORDER),
 * then one in the same published totals as the withheld one (a provider of the same service type
 * rather than of another, which would leave the first recoverable from its service type's row),
 * then the fewest people behind it. Returns, per cell key, the names of the figures to withhold.
 */
export function withholdLinked(cells: LinkedCell[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>(cells.map((c) => [c.key, new Set<string>()]));
  const names = new Set(cells.flatMap((c) => Object.keys(c.figures)).filter((n) => isSpecial(n) && !(n in ALIASES)));
  const families = new Map<string, string[]>();
  for (const name of names) {
    const prefix = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : name;
    families.set(prefix, [...(families.get(prefix) ?? []), name]);
  }
  for (const [prefix, groups] of families) {
    for (const [key, names] of withholdFamily(cells, groups, EXHAUSTIVE.has(prefix)))
      for (const n of names) out.get(key)?.add(n);
  }
  for (const names of out.values())
    for (const [alias, of] of Object.entries(ALIASES)) if (names.has(of)) names.add(alias);
  return out;
}

/** A sparse vector: variable index to coefficient. */
type Vec = Map<number, number>;
const EPS = 1e-9;

function withholdFamily(cells: LinkedCell[], groups: string[], exhaustive: boolean): Map<string, string[]> {
  const atomIndex = new Map<string, number>();
  for (const c of cells) for (const a of c.atoms) if (!atomIndex.has(a)) atomIndex.set(a, atomIndex.size);
  const ownAtoms = new Set(cells.filter((c) => c.own).flatMap((c) => c.atoms));
  // Variables: each atom's count in each group, and, when the groups do not cover everyone, the rest.
  const width = groups.length + (exhaustive ? 0 : 1);
  const vecOf = (atoms: string[], gs: number[]): Vec => {
    const v: Vec = new Map();
    for (const a of atoms) for (const g of gs) v.set((atomIndex.get(a) as number) * width + g, 1);
    return v;
  };
  const allGroups = Array.from({ length: width }, (_, g) => g);
  const countOf = (f: Figure | undefined) =>
    f && f.value !== null ? { people: Math.round(f.value * f.n), n: f.n } : null;
  interface Entry {
    cell: LinkedCell;
    group: number;
    vec: Vec;
    people: number;
    n: number;
    withheld: boolean;
    /** Known to the reader whatever is withheld: its own, or nothing but its own atoms. */
    known: boolean;
  }
  const entries: Entry[] = [];
  for (const cell of cells) {
    if (!cell.atoms.length) continue;
    const known = !!cell.own || cell.atoms.every((a) => ownAtoms.has(a));
    groups.forEach((name, group) => {
      const c = countOf(cell.figures[name]);
      const primary =
        !known &&
        !!c &&
        ((c.people > 0 && c.people < MIN_SPECIAL_CELL) || (c.n - c.people > 0 && c.n - c.people < MIN_SPECIAL_CELL));
      entries.push({
        cell,
        group,
        vec: vecOf(cell.atoms, [group]),
        people: c?.people ?? 0,
        n: c?.n ?? 0,
        withheld: primary,
        known,
      });
    });
  }
  // Each cell's n (its workforce, always published as filled posts) covers all its groups.
  const always = cells.filter((c) => c.atoms.length).map((c) => vecOf(c.atoms, allGroups));
  const atomSets = new Map(cells.map((c) => [c, new Set(c.atoms)]));
  const sharedTotals = (a: LinkedCell, b: LinkedCell) =>
    cells.filter((c) => [...a.atoms, ...b.atoms].every((x) => atomSets.get(c)?.has(x))).length;
  const cost = (e: Entry, target: Entry) => [
    KIND_ORDER[e.cell.kind],
    -sharedTotals(e.cell, target.cell),
    e.people === 0 ? 1 : 0,
    e.n,
    e.people,
  ];
  const cheaper = (a: Entry, b: Entry, target: Entry) => {
    const [x, y] = [cost(a, target), cost(b, target)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
    return false;
  };
  const unprotectable = new Set<Entry>();
  for (;;) {
    if (!entries.some((e) => e.withheld)) break;
    const published = entries.filter((e) => !e.withheld);
    const basis = basisOf([...always, ...published.map((e) => e.vec)]);
    let chosen: Entry | null = null;
    for (const target of entries) {
      if (!target.withheld || target.known || unprotectable.has(target)) continue;
      const used = basis.combination(target.vec);
      if (!used) continue;
      // The published counts the working uses (the first `always.length` are the cells' n).
      const candidates = used
        .filter((i) => i >= always.length)
        .map((i) => published[i - always.length])
        .filter((e) => !e.known);
      if (!candidates.length) {
        unprotectable.add(target); // cannot happen with these cells: n alone never isolates one group
        continue;
      }
      chosen = candidates.reduce((a, b) => (cheaper(b, a, target) ? b : a));
      break;
    }
    if (!chosen) break;
    chosen.withheld = true;
  }
  const out = new Map<string, string[]>();
  for (const e of entries) if (e.withheld) out.set(e.cell.key, [...(out.get(e.cell.key) ?? []), groups[e.group]]);
  return out;
}

/**
 * A basis of the published vectors (Gaussian elimination, each row remembering which published
 * vectors it is made of), and whether a vector is a combination of them.
 */
function basisOf(vectors: Vec[]) {
  const rows: { pivot: number; vec: Vec; made: Vec }[] = [];
  const reduce = (v: Vec, made: Vec) => {
    for (const row of rows) {
      const k = v.get(row.pivot);
      if (k === undefined || Math.abs(k) < EPS) continue;
      for (const [i, x] of row.vec) {
        const y = (v.get(i) ?? 0) - k * x;
        if (Math.abs(y) < EPS) v.delete(i);
        else v.set(i, y);
      }
      for (const [i, x] of row.made) {
        const y = (made.get(i) ?? 0) - k * x;
        if (Math.abs(y) < EPS) made.delete(i);
        else made.set(i, y);
      }
    }
  };
  vectors.forEach((vector, index) => {
    const v = new Map(vector);
    const made: Vec = new Map([[index, 1]]);
    reduce(v, made);
    if (!v.size) return;
    let pivot = -1;
    let best = 0;
    for (const [i, x] of v) if (Math.abs(x) > best) [pivot, best] = [i, Math.abs(x)];
    const k = v.get(pivot) as number;
    for (const [i, x] of v) v.set(i, x / k);
    for (const [i, x] of made) made.set(i, x / k);
    rows.push({ pivot, vec: v, made });
  });
  return {
    /** The indices of the vectors whose combination makes `target`, or null when none does. */
    combination(target: Vec): number[] | null {
      const v = new Map(target);
      const made: Vec = new Map();
      reduce(v, made);
      return v.size ? null : [...made.keys()];
    },
  };
}
