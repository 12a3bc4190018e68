// Route order of a plan's targets: the shortest drive is unknown offline, so the order is the
// shortest open path by great-circle distance (turf, km) — nearest neighbour, then 2-opt. Pure and
// deterministic: the same points always give the same order.
import { distance } from '@turf/turf';

export interface LngLat {
  lng: number;
  lat: number;
}

export interface RouteOrder {
  /** Indices into the input, in route order. */
  order: number[];
  /** Per input index: km from the previous stop (from `start` for the first, null without a start). */
  legKm: Array<number | null>;
  totalKm: number;
}

const km = (a: LngLat, b: LngLat) => distance([a.lng, a.lat], [b.lng, b.lat], { units: 'kilometers' });

/** Length of an open path through `points` in `order`, from `start` when given (km). */
export function pathKm(points: readonly LngLat[], order: readonly number[], start: LngLat | null = null): number {
  let total = start && order.length ? km(start, points[order[0]!]!) : 0;
  for (let k = 1; k < order.length; k++) total += km(points[order[k - 1]!]!, points[order[k]!]!);
  return total;
}

/**
 * Orders the points into a short open path: from `start` when given (an office, a meeting place),
 * else from whichever point gives the shortest path. Never longer than the input order.
 */
export function orderRoute(points: readonly LngLat[], start: LngLat | null = null): RouteOrder {
  const n = points.length;
  // Node n is the start, when there is one; its row in the matrix is distances from it.
  const nodes = start ? [...points, start] : [...points];
  const d = nodes.map((a) => nodes.map((b) => km(a, b)));
  const cost = (path: readonly number[]) => path.reduce((s, v, k) => (k === 0 ? 0 : s + d[path[k - 1]!]![v]!), 0);

  const nearestFrom = (first: number): number[] => {
    const path = [first];
    const left = new Set(Array.from({ length: n }, (_, i) => i).filter((i) => i !== first));
    while (left.size) {
      const last = path[path.length - 1]!;
      let best = -1;
      for (const i of left) if (best < 0 || d[last]![i]! < d[last]![best]!) best = i; // ties: lowest index (Set keeps input order)
      path.push(best);
      left.delete(best);
    }
    return path;
  };

  const identity = Array.from({ length: n }, (_, i) => i);
  const seeds = start ? [nearestFrom(n), [n, ...identity]] : [...identity.map(nearestFrom), identity];
  let best: number[] | null = null;
  let bestCost = Infinity;
  for (const seed of seeds) {
    const path = twoOpt(seed, d, start !== null);
    const c = cost(path);
    if (c < bestCost - 1e-9) {
      best = path;
      bestCost = c;
    }
  }
  const order = (best ?? []).filter((i) => i < n);
  const legKm: Array<number | null> = new Array(n).fill(null);
  order.forEach((i, k) => {
    legKm[i] = k === 0 ? (start ? d[n]![i]! : null) : d[order[k - 1]!]![i]!;
  });
  return { order, legKm, totalKm: n ? bestCost : 0 };
}

/** 2-opt on an open path: reverse a stretch while that shortens it; the first node stays first when fixed. */
function twoOpt(seed: readonly number[], d: number[][], fixedFirst: boolean): number[] {
  const p = [...seed];
  const last = p.length - 1;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = fixedFirst ? 1 : 0; i < last; i++) {
      for (let j = i + 1; j <= last; j++) {
        const before = (i > 0 ? d[p[i - 1]!]![p[i]!]! : 0) + (j < last ? d[p[j]!]![p[j + 1]!]! : 0);
        const after = (i > 0 ? d[p[i - 1]!]![p[j]!]! : 0) + (j < last ? d[p[i]!]![p[j + 1]!]! : 0);
        if (after < before - 1e-9) {
          p.splice(i, j - i + 1, ...p.slice(i, j + 1).reverse());
          improved = true;
        }
      }
    }
  }
  return p;
}
