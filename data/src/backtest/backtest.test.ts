import type { Candidate, RawFactors } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { steadyFactors } from '../../../test/planning.js';
import { emptyTally, tallyRegencyMonth, type CheckedTarget } from './backtest.js';

const raw = (activeHolders: number, monthsSinceCheck: number | null): RawFactors =>
  steadyFactors(activeHolders, { lastCheckedOn: monthsSinceCheck === null ? null : '2020-01-01', monthsSinceCheck });
const site = (id: number, holders: number, months: number | null): Candidate => ({
  id: `site:${id}`,
  kind: 'company_site',
  name: `${id}`,
  raw: raw(holders, months),
});
const checked = (id: string, violation: boolean, kind: CheckedTarget['kind'] = 'company_site'): CheckedTarget => ({
  regencyCode: '19.04',
  candidateId: id,
  kind,
  violation,
});

describe('backtest tally', () => {
  test('a finding at a smaller, never-checked site is a hit for the score and a miss for the holder baseline', () => {
    const candidates = [site(1, 900, 1), site(2, 800, 1), site(3, 60, null)];
    const tally = emptyTally();
    tallyRegencyMonth(tally, candidates, [checked('site:3', true)], 2);
    expect(tally).toMatchObject({ findings: 1, score: 1, baseline: 0, chance: 2 / 3 });
    expect(tally.rates).toEqual({
      scoreTop: { checked: 1, violations: 1 },
      scoreRest: { checked: 0, violations: 0 },
      holdersTop: { checked: 0, violations: 0 },
      holdersRest: { checked: 1, violations: 1 },
    });
  });

  test('findings of another kind are looked up among that kind only', () => {
    const candidates = [site(1, 10, 1), { id: 'district:19.04.01', kind: 'district' as const, name: 'd', raw: raw(3, 2) }];
    const tally = emptyTally();
    tallyRegencyMonth(tally, candidates, [checked('district:19.04.01', true, 'district')], 1);
    expect(tally).toMatchObject({ findings: 1, score: 1, baseline: 1, chance: 1 });
  });

  test('checks without violations count for the rates only; each check counts once per ranking', () => {
    // Holders put sites 1 and 2 on top (k = 2); the score puts never-checked site 3 above site 2.
    const candidates = [site(1, 900, 1), site(2, 800, 1), site(3, 60, null), site(4, 1, 1)];
    const tally = emptyTally();
    tallyRegencyMonth(
      tally,
      candidates,
      [checked('site:1', false), checked('site:2', true), checked('site:3', true), checked('site:4', false), checked('site:3', false)],
      2,
    );
    expect(tally.findings).toBe(2);
    expect(tally.score).toBe(1); // site 3
    expect(tally.baseline).toBe(1); // site 2
    expect(tally.chance).toBeCloseTo(1);
    expect(tally.rates.scoreTop).toEqual({ checked: 3, violations: 1 }); // 1, 3, 3
    expect(tally.rates.scoreRest).toEqual({ checked: 2, violations: 1 }); // 2, 4
    expect(tally.rates.holdersTop).toEqual({ checked: 2, violations: 1 }); // 1, 2
    expect(tally.rates.holdersRest).toEqual({ checked: 3, violations: 1 }); // 3, 4, 3
    const sum = (r: { checked: number }) => r.checked;
    expect(sum(tally.rates.scoreTop) + sum(tally.rates.scoreRest)).toBe(5);
  });

  test('a regency-month with no checks of a kind leaves the tally as it was', () => {
    const tally = emptyTally();
    tallyRegencyMonth(tally, [site(1, 3, 1)], [], 10);
    expect(tally).toEqual(emptyTally());
  });

  test('a finding at a place that was not a candidate that day is a miss for every ranking, a blind pick included', () => {
    const tally = emptyTally();
    tallyRegencyMonth(tally, [site(1, 900, 1), site(2, 800, 1)], [checked('site:9', true), checked('site:1', true)], 1);
    expect(tally).toMatchObject({ findings: 2, score: 1, baseline: 1, chance: 0.5 });
  });
});
