import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { getisOrdGiStar, giStar, giStarGlobals, HOT_SPOT_PARAMS, hotSpotClass, twoSidedP } from './hot-spots.js';

/** Cells 0…n−1 on a line, each with its left and right neighbour. */
const line = (values: number[]) => ({
  values: new Map(values.map((v, i) => [String(i), v])),
  neighbours: (id: string) => [String(Number(id) - 1), String(Number(id) + 1)],
});

/** A square grid, neighbours the 8 around (queen contiguity). */
function grid(size: number, valueAt: (x: number, y: number) => number) {
  const values = new Map<string, number>();
  for (let x = 0; x < size; x++) for (let y = 0; y < size; y++) values.set(`${x},${y}`, valueAt(x, y));
  const neighbours = (id: string) => {
    const [x, y] = id.split(',').map(Number) as [number, number];
    const out: string[] = [];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) if (dx || dy) out.push(`${x + dx},${y + dy}`);
    return out;
  };
  return { values, neighbours };
}

describe('Getis-Ord Gi*', () => {
  test('matches the hand-computed example on a line of five cells', () => {
    // Values 1 2 3 4 10: n = 5, mean 4, S² = 130/5 − 16 = 10. With binary weights the denominator is
    // S·√((n·k − k²)/(n − 1)) = √10·√1.5 = √15 for k = 2 (ends) and k = 3 (middle) alike.
    // E: (4 + 10 − 2·4)/√15 = 6/√15; D: (3 + 4 + 10 − 12)/√15 = 5/√15; C: (2 + 3 + 4 − 12)/√15 = −3/√15;
    // B: (1 + 2 + 3 − 12)/√15 = −6/√15; A: (1 + 2 − 8)/√15 = −5/√15.
    const { values, neighbours } = line([1, 2, 3, 4, 10]);
    const gi = getisOrdGiStar(values, neighbours);
    const r15 = Math.sqrt(15);
    expect(gi.get('4')!.z).toBeCloseTo(6 / r15, 10);
    expect(gi.get('3')!.z).toBeCloseTo(5 / r15, 10);
    expect(gi.get('2')!.z).toBeCloseTo(-3 / r15, 10);
    expect(gi.get('1')!.z).toBeCloseTo(-6 / r15, 10);
    expect(gi.get('0')!.z).toBeCloseTo(-5 / r15, 10);
    // p = 2(1 − Φ(1.5492)) = 0.12134: not significant at 90 %.
    expect(gi.get('4')!.p).toBeCloseTo(0.12134, 4);
    expect(gi.get('4')).toMatchObject({ class: 'not_significant', localSum: 14, neighbours: 2 });
    expect(gi.get('2')).toMatchObject({ localSum: 9, neighbours: 3 });
  });

  test('a single heavy cell among zeros is a hot spot, and so is its neighbourhood; far cells are not', () => {
    // 10 × 10 grid, one cell of 5 in the middle: z = √((n − k)/k) with n = 100, k = 9 → 3.18.
    const { values, neighbours } = grid(10, (x, y) => (x === 5 && y === 5 ? 5 : 0));
    const gi = getisOrdGiStar(values, neighbours);
    expect(gi.get('5,5')!.z).toBeCloseTo(Math.sqrt(91 / 9), 10);
    expect(gi.get('5,5')!.class).toBe('hot_99');
    expect(gi.get('4,4')!.class).toBe('hot_99');
    expect(gi.get('0,0')!.class).toBe('not_significant');
    expect(gi.get('0,0')!.z).toBeLessThan(0);
  });

  // z = √((n − 9)/9) ≥ 1.96 from a 7 × 7 grid on.
  test('property: one heavy cell among zeros is always a hot spot (95 % or more)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 14 }), fc.integer({ min: 1, max: 1000 }), fc.nat(), fc.nat(), (size, heavy, a, b) => {
        const [hx, hy] = [1 + (a % (size - 2)), 1 + (b % (size - 2))];
        const { values, neighbours } = grid(size, (x, y) => (x === hx && y === hy ? heavy : 0));
        const cls = getisOrdGiStar(values, neighbours).get(`${hx},${hy}`)!.class;
        expect(['hot_99', 'hot_95']).toContain(cls);
      }),
    );
  });

  test('property: a uniform field has no significant cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 1e6, noNaN: true }), (size, v) => {
        const { values, neighbours } = grid(size, () => v);
        for (const g of getisOrdGiStar(values, neighbours).values()) {
          expect(g.class).toBe('not_significant');
          expect(g.z).toBe(0);
        }
      }),
    );
  });

  test('one neighbourhood from the globals equals the whole-field computation', () => {
    const { values, neighbours } = line([1, 2, 3, 4, 10]);
    const globals = giStarGlobals(values.values());
    expect(globals).toEqual({ n: 5, mean: 4, s: Math.sqrt(10) });
    expect(giStar(14, 2, globals)).toEqual(getisOrdGiStar(values, neighbours).get('4'));
  });

  test('neighbours outside the study area are ignored; an empty area gives nothing', () => {
    const gi = getisOrdGiStar(
      new Map([
        ['a', 1],
        ['b', 3],
      ]),
      () => ['a', 'b', 'elsewhere'],
    );
    expect(gi.get('a')!.neighbours).toBe(2);
    expect(getisOrdGiStar(new Map(), () => []).size).toBe(0);
  });
});

describe('classes', () => {
  test('two-sided p-values of the usual critical z-scores', () => {
    expect(twoSidedP(1.6449)).toBeCloseTo(0.1, 4);
    expect(twoSidedP(-1.96)).toBeCloseTo(0.05, 4);
    expect(twoSidedP(2.5758)).toBeCloseTo(0.01, 4);
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
  });
  test('hot and cold at 99, 95 and 90 % by p, not significant otherwise', () => {
    const at = (z: number) => hotSpotClass(z, twoSidedP(z));
    expect([3, 2.2, 1.7, 1.5, 0, -1.7, -2.2, -3].map(at)).toEqual([
      'hot_99',
      'hot_95',
      'hot_90',
      'not_significant',
      'not_significant',
      'cold_90',
      'cold_95',
      'cold_99',
    ]);
  });
});

describe('parameters', () => {
  test('a 24-month window at H3 resolution 6 by default, each within its bounds', () => {
    expect(HOT_SPOT_PARAMS.months).toEqual({ default: 24, min: 1, max: 120 });
    expect(HOT_SPOT_PARAMS.resolution).toEqual({ default: 6, min: 4, max: 8 });
    for (const { default: value, min, max } of [HOT_SPOT_PARAMS.months, HOT_SPOT_PARAMS.resolution]) {
      expect(value).toBeGreaterThanOrEqual(min);
      expect(value).toBeLessThanOrEqual(max);
    }
  });
  test('one ring of neighbours, at most 120 000 cells, a warning under 30 events', () => {
    expect(HOT_SPOT_PARAMS.rings).toBe(1);
    expect(HOT_SPOT_PARAMS.maxCells).toBe(120_000);
    expect(HOT_SPOT_PARAMS.minEvents).toBe(30);
  });
});
