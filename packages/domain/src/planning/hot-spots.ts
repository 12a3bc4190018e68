// Hot spots: the Getis-Ord Gi* statistic (Getis & Ord 1992; Ord & Getis 1995) over a grid of cells,
// with binary weights (a cell and its neighbours weigh 1, every other cell 0). Pure: the grid and its
// neighbours come from the caller (the API uses H3 hexagons and gridDisk). Gi* is itself a z-score;
// the p-value is two-sided from the standard normal distribution.
import { errorFunction } from 'simple-statistics';

/**
 * The hot-spot analysis's parameters: the window in months before the date and the H3 resolution
 * (with the defaults the web app's layer asks for), the neighbourhood, and the limits the API keeps.
 */
export const HOT_SPOT_PARAMS = {
  months: { default: 24, min: 1, max: 120 },
  resolution: { default: 6, min: 4, max: 8 },
  /** Rings of neighbours (gridDisk k). */
  rings: 1,
  /** A larger study grid is refused: choose a coarser resolution or a smaller area. */
  maxCells: 120_000,
  /** Below this many events a warning goes with the answer. */
  minEvents: 30,
} as const;

export const HOT_SPOT_CLASSES = ['hot_99', 'hot_95', 'hot_90', 'not_significant', 'cold_90', 'cold_95', 'cold_99'] as const;
export type HotSpotClass = (typeof HOT_SPOT_CLASSES)[number];

export interface GiStar {
  z: number;
  p: number;
  class: HotSpotClass;
  /** Sum of the values of the cell and its neighbours. */
  localSum: number;
  /** How many cells (the cell included) the local sum covers. */
  neighbours: number;
}

/** Two-sided p-value of a standard normal z-score. */
export function twoSidedP(z: number): number {
  // 2(1 − Φ(|z|)) = 1 − erf(|z|/√2)
  return Math.max(0, Math.min(1, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
}

/** The confidence class of a z-score and its p-value (p < 0.01, 0.05, 0.10), as ArcGIS's Gi_Bin. */
export function hotSpotClass(z: number, p: number): HotSpotClass {
  if (!(p < 0.1) || z === 0) return 'not_significant';
  const level = p < 0.01 ? '99' : p < 0.05 ? '95' : '90';
  return `${z > 0 ? 'hot' : 'cold'}_${level}` as HotSpotClass;
}

/** The study area's figures Gi* compares each neighbourhood with: cell count, mean and standard deviation. */
export interface GiStarGlobals {
  n: number;
  mean: number;
  s: number;
}

export function giStarGlobals(values: Iterable<number>): GiStarGlobals {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (const v of values) {
    n++;
    sum += v;
    sumSquares += v * v;
  }
  const mean = n ? sum / n : 0;
  const variance = sumSquares / Math.max(1, n) - mean * mean;
  // Rounding can leave a tiny variance in a uniform field; relative to the mean's scale it is zero.
  return { n, mean, s: variance > 1e-12 * Math.max(1, mean * mean) ? Math.sqrt(variance) : 0 };
}

/** Gi* of one neighbourhood of k cells (binary weights: Σw = Σw² = k) whose values add up to localSum. */
export function giStar(localSum: number, k: number, { n, mean, s }: GiStarGlobals): GiStar {
  const denominator = s * Math.sqrt((n * k - k * k) / Math.max(1, n - 1));
  const z = denominator > 0 ? (localSum - mean * k) / denominator : 0;
  const p = twoSidedP(z);
  return { z, p, class: hotSpotClass(z, p), localSum, neighbours: k };
}

/**
 * Gi* for every cell of the study area. `values` holds every cell of the area (zeros included: the
 * statistic compares a neighbourhood with the whole area); `neighbours(id)` the cell's neighbours,
 * itself included or not (it is always counted); neighbours outside `values` are ignored.
 * A field with no variance (all equal) has no significant cell: z = 0.
 */
export function getisOrdGiStar(values: ReadonlyMap<string, number>, neighbours: (id: string) => Iterable<string>): Map<string, GiStar> {
  const globals = giStarGlobals(values.values());
  const out = new Map<string, GiStar>();
  for (const id of values.keys()) {
    const members = new Set<string>([id]);
    for (const other of neighbours(id)) if (values.has(other)) members.add(other);
    let localSum = 0;
    for (const m of members) localSum += values.get(m)!;
    out.set(id, giStar(localSum, members.size, globals));
  }
  return out;
}
