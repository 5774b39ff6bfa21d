import { DAY } from "./dates";
import type { Random } from "./random";

/**
 * Something held open over time in a number of places that follows a target (vacant posts,
 * agency placements), as chains of back-to-back intervals: one closes the day the next opens, so
 * exactly `target(t)` are open on each of the `points` (oldest first, the anchor last) and stay
 * so until the next point. Each interval opens on `from` and closes on `to` (null: still open at
 * the anchor). A slot opened before the first point starts with an interval already running.
 */
export interface Interval {
  slot: number;
  from: number;
  to: number | null;
}

export function chains(
  rnd: Random,
  points: number[],
  target: (i: number) => number,
  days: [number, number],
): { intervals: Interval[]; slots: number } {
  const anchor = points[points.length - 1];
  // Each slot is open over [opens, closes) (closes null: open at the anchor).
  const spans: { opens: number; closes: number | null }[] = [];
  const open: number[] = [];
  points.forEach((t, i) => {
    const want = target(i);
    while (open.length < want) {
      // Before the first point, a slot has been open a while already.
      open.push(spans.length);
      spans.push({ opens: i === 0 ? t - rnd.int(days[0], days[1]) * DAY : t, closes: null });
    }
    while (open.length > want) {
      const [slot] = open.splice(rnd.int(0, open.length - 1), 1);
      spans[slot].closes = t;
    }
  });
  const intervals: Interval[] = [];
  spans.forEach((span, slot) => {
    // Back to back, from the slot's opening: each lasts a drawn number of days, the last runs to
    // the slot's close (or stays open at the anchor).
    let from = span.opens;
    const end = span.closes ?? anchor;
    for (;;) {
      const to = from + rnd.int(days[0], days[1]) * DAY;
      if (to >= end) {
        intervals.push({ slot, from, to: span.closes });
        break;
      }
      intervals.push({ slot, from, to });
      from = to;
    }
  });
  return { intervals, slots: spans.length };
}
