import type { Candidate, RawFactors } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { emptyTally, tallyRegencyMonth } from './backtest.js';

const raw = (activeHolders: number, monthsSinceCheck: number | null): RawFactors => ({
  activeHolders, holdersYearAgo: activeHolders, expiringWithoutRenewal: 0, pastViolations: 0, pastActions: 0, openReports: 0, verifiedReports: 0,
  reportWindowDays: 90, riskAreas: [], lastCheckedOn: monthsSinceCheck === null ? null : '2020-01-01', monthsSinceCheck, mixSimilarity: 0,
});
const site = (id: number, holders: number, months: number | null): Candidate => ({ id: `site:${id}`, kind: 'company_site', name: `${id}`, raw: raw(holders, months) });

describe('backtest tally', () => {
  test('a finding at a small, never-checked site is a hit for the score and a miss for the holder baseline', () => {
    const candidates = [site(1, 900, 1), site(2, 800, 1), site(3, 5, null)];
    const tally = emptyTally();
    tallyRegencyMonth(tally, candidates, [{ regencyCode: '19.04', candidateId: 'site:3', kind: 'company_site' }], 2);
    expect(tally).toEqual({ findings: 1, score: 1, baseline: 0, chance: 2 / 3 });
  });

  test('findings of another kind are looked up among that kind only', () => {
    const candidates = [site(1, 10, 1), { id: 'district:19.04.01', kind: 'district' as const, name: 'd', raw: raw(3, 2) }];
    const tally = emptyTally();
    tallyRegencyMonth(tally, candidates, [{ regencyCode: '19.04', candidateId: 'district:19.04.01', kind: 'district' }], 1);
    expect(tally).toEqual({ findings: 1, score: 1, baseline: 1, chance: 1 });
  });
});
