// A seeded random source: the same seed gives the same demo rows on every machine and backend.
import { xoroshiro128plus, unsafeUniformIntDistribution } from 'pure-rand';

export class Random {
  private readonly gen;
  constructor(seed: number) {
    this.gen = xoroshiro128plus(seed);
  }
  /** Uniform in [0, 1). */
  next(): number {
    return unsafeUniformIntDistribution(0, 0x3fffffff, this.gen) / 0x40000000;
  }
  int(min: number, max: number): number {
    return unsafeUniformIntDistribution(min, max, this.gen);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal weight: a few large values and many small ones, like settlement sizes. */
  logNormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }
  /** Poisson-distributed count (Knuth; fine for the small means used here). */
  poisson(mean: number): number {
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k += 1;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
  /** A child source, so that adding rows of one kind does not shift the rows of another. */
  fork(label: string): Random {
    let h = 2166136261;
    for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    return new Random((h ^ this.int(0, 0x7fffffff)) >>> 0);
  }
}

/** Picks keys in proportion to their weights (cumulative table + binary search). */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly items: T[] = [];
  private total = 0;
  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue;
      this.total += weight;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
    if (this.items.length === 0) throw new Error('WeightedPicker needs at least one positive weight');
  }
  pick(random: Random): T {
    const x = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
