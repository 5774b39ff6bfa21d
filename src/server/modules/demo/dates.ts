import type { Random } from "./random";

// Dates and shares the demo's generators share. Dates are milliseconds at UTC midnight; records
// hold them as ISO dates.

export const DAY = 86_400_000;
export const YEAR_DAYS = 365.25;
export const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const round2 = (n: number) => Math.round(n * 100) / 100;
/** Midnight (UTC) of the day `ms` falls on, so dates built from it print as themselves. */
export const dayOf = (ms: number) => Math.floor(ms / DAY) * DAY;
/** `years` years before `ms`, in whole days. */
export const yearsBefore = (ms: number, years: number) => ms - Math.round(years * YEAR_DAYS) * DAY;

/** Spread `total` over weights by largest remainder, so the parts add up exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) parts[order[k][1]]++;
  return parts;
}

export function weightedIndex(rnd: Random, weights: number[]) {
  return rnd.weighted(weights.map((w, i) => [i, w] as const));
}

/** A straight line from `start` (at `from`) to `end` (at `to`), read at `at`. */
export const along = (start: number, end: number, from: number, to: number, at: number) =>
  start + ((end - start) * (at - from)) / (to - from);
