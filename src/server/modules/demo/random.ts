/** A small seeded PRNG (mulberry32): the demo is the same every time for the same seed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /**
   * Exactly round(n × share) of n slots get each value, in shuffled order: the demo hits its
   * calibration figures exactly rather than only on average.
   */
  quota<T>(n: number, shares: readonly (readonly [T, number])[]): T[] {
    const out: T[] = [];
    let used = 0;
    shares.forEach(([value, share], i) => {
      const count = i === shares.length - 1 ? n - used : Math.round(n * share);
      for (let k = 0; k < count; k++) out.push(value);
      used += count;
    });
    return this.shuffle(out.slice(0, n));
  }
}
