import type { Candidate } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { steadyFactors } from '../../../test/planning.js';
import { RANKINGS, defaultPoolContext } from './rankings.js';

const pool: Candidate[] = Array.from({ length: 12 }, (_, i) => ({
  id: `site:${i + 1}`,
  kind: 'company_site' as const,
  name: `${i + 1}`,
  raw: steadyFactors((i * 7) % 5),
}));

describe('backtest rankings', () => {
  test('holders orders by active holders, ties by id', () => {
    const order = RANKINGS.holders.order(pool, defaultPoolContext('2024-01-01', '19.04', 'company_site'));
    const holders = order.map((id) => pool.find((c) => c.id === id)!.raw.activeHolders);
    expect(holders).toEqual([...holders].sort((a, b) => b - a));
    // 4 holders at sites 3 and 8, 3 at sites 5 and 10 (ids compare as text).
    expect(order.slice(0, 4)).toEqual(['site:3', 'site:8', 'site:10', 'site:5']);
  });

  test('chance is a permutation of the pool, the same for the same day, regency and kind, another for another day', () => {
    const context = defaultPoolContext('2024-01-01', '19.04', 'company_site');
    const a = RANKINGS.chance.order(pool, context);
    expect([...a].sort()).toEqual(pool.map((c) => c.id).sort());
    expect(RANKINGS.chance.order([...pool].reverse(), context)).toEqual(a);
    expect(RANKINGS.chance.order(pool, { ...context, day: '2024-02-01' })).not.toEqual(a);
  });

  test('every ranking orders an empty pool as empty', () => {
    for (const ranking of Object.values(RANKINGS))
      expect(ranking.order([], { ...defaultPoolContext('2024-01-01', '19.04', 'district'), model: null, oracle: null })).toEqual([]);
  });
});
