// Candidates' raw factors for the planning and backtest tests.
import type { RawFactors } from '@pantau/domain';

/**
 * A steady place: `activeHolders` now and a year ago, checked a month ago (last on 2020-01-01), no
 * expiring permits, findings, reports or risk areas; `overrides` set what a test varies.
 */
export const steadyFactors = (activeHolders: number, overrides: Partial<RawFactors> = {}): RawFactors => ({
  activeHolders,
  holdersYearAgo: activeHolders,
  expiringWithoutRenewal: 0,
  pastViolations: 0,
  pastActions: 0,
  openReports: 0,
  verifiedReports: 0,
  reportWindowDays: 90,
  riskAreas: [],
  lastCheckedOn: '2020-01-01',
  monthsSinceCheck: 1,
  mixSimilarity: 0,
  ...overrides,
});
