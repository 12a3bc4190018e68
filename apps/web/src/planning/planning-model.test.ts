import { DEFAULT_WEIGHTS, pathKm, type RawFactors } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import {
  deltaLabel,
  effectiveWeights,
  outcomeBody,
  overridesOf,
  parseOverrides,
  previewRoute,
  rankDeltas,
  serializeOverrides,
  type OutcomeRow,
} from './planning-model.js';

describe('weights', () => {
  test('overrides keep only what differs from the defaults, and give back the same weights', () => {
    const weights = { ...DEFAULT_WEIGHTS, staleness: 3, mix: 0 };
    expect(overridesOf(weights)).toEqual({ staleness: 3, mix: 0 });
    expect(effectiveWeights(overridesOf(weights))).toEqual(weights);
    expect(overridesOf({ ...DEFAULT_WEIGHTS })).toEqual({});
  });

  test('the session copy reads back, and anything unreadable or out of range is dropped', () => {
    expect(parseOverrides(serializeOverrides({ risk: 2.5, holders: 0 }))).toEqual({ risk: 2.5, holders: 0 });
    expect(parseOverrides('{"risk":101,"mix":-1,"holders":"3","growth":4,"nope":1}')).toEqual({ growth: 4 });
    expect(parseOverrides('not json')).toEqual({});
    expect(parseOverrides(null)).toEqual({});
  });
});

describe('rank deltas', () => {
  const quiet: RawFactors = {
    activeHolders: 0,
    holdersYearAgo: 0,
    expiringWithoutRenewal: 0,
    pastViolations: 0,
    pastActions: 0,
    openReports: 0,
    verifiedReports: 0,
    reportWindowDays: 90,
    riskAreas: [],
    lastCheckedOn: '2024-05-01',
    monthsSinceCheck: 1,
    mixSimilarity: 0,
  };
  const site = (id: string, rank: number, raw: Partial<RawFactors>) => ({ id, kind: 'company_site' as const, name: id, rank, raw: { ...quiet, ...raw } });
  // a: many holders, checked last month; b: fewer holders, never checked. Default weights put b (staleness 1.25) first.
  const a = { activeHolders: 999, holdersYearAgo: 999 };
  const b = { activeHolders: 60, holdersYearAgo: 60, lastCheckedOn: null, monthsSinceCheck: null };
  const c = { mixSimilarity: 0.1 };

  test('no move under the default weights', () => {
    const deltas = rankDeltas([site('site:2', 1, b), site('site:1', 2, a), site('site:3', 3, c)]);
    expect([...deltas.values()]).toEqual([0, 0, 0]);
  });

  test('a candidate ranked higher by the session weights moves up, the one it passed moves down', () => {
    // Ranked with holders weighted up: a first.
    const deltas = rankDeltas([site('site:1', 1, a), site('site:2', 2, b), site('site:3', 3, c)]);
    expect(deltas.get('site:1')).toBe(1);
    expect(deltas.get('site:2')).toBe(-1);
    expect(deltas.get('site:3')).toBe(0);
    expect(['site:1', 'site:2', 'site:3'].map((id) => deltaLabel(deltas.get(id) ?? 0))).toEqual(['▲1', '▼1', '']);
  });

  test('a site lifted only by an emigration-route area, with riskNotForeigners raised, moved up: by default the route counts for nothing', () => {
    // With riskNotForeigners 1 the server ranks the site in the route first; by default the two tie and site:1 leads by id.
    const route = { activeHolders: 40, holdersYearAgo: 40, riskAreas: [{ category: 'illegal_emigration_route', severity: 'high' }] as const };
    const deltas = rankDeltas([site('site:2', 1, route), site('site:1', 2, { activeHolders: 40, holdersYearAgo: 40 })]);
    expect(deltas.get('site:2')).toBe(1);
    expect(deltas.get('site:1')).toBe(-1);
  });

  test('ties under the default weights break by id, like the server', () => {
    const deltas = rankDeltas([site('site:9', 1, {}), site('site:10', 2, {})]);
    // 'site:10' < 'site:9' as text: by default it is first, so here site:9 moved up past it.
    expect(deltas.get('site:9')).toBe(1);
    expect(deltas.get('site:10')).toBe(-1);
  });
});

test('the route preview visits every target once, never longer than the order picked', () => {
  const points = [
    { lng: 106.0, lat: -2.0 },
    { lng: 106.5, lat: -2.5 },
    { lng: 106.1, lat: -2.1 },
    { lng: 106.4, lat: -2.4 },
  ];
  const route = previewRoute(points);
  expect([...route.order].sort()).toEqual([0, 1, 2, 3]);
  expect(route.totalKm).toBeLessThanOrEqual(pathKm(points, [0, 1, 2, 3]) + 1e-9);
  // Zig-zag picked: the preview goes along the line instead (0, 2, 3, 1 or its reverse).
  expect([route.order.join(), [...route.order].reverse().join()]).toContain('0,2,3,1');
  const legs = route.order.map((i) => route.legKm[i]);
  expect(legs[0]).toBeNull();
  expect(legs.slice(1).reduce<number>((s, km) => s + (km ?? 0), 0)).toBeCloseTo(route.totalKm, 6);
});

describe('outcome body', () => {
  const row = (over: Partial<OutcomeRow>): OutcomeRow => ({
    planTargetId: 1,
    foreignersChecked: '12',
    violations: '',
    outcome: 'no_violation',
    findings: '',
    actions: [],
    ...over,
  });

  test('numbers from the fields, violations only with the violation outcome, TAK rows with nationality in capitals', () => {
    const result = outcomeBody(
      [
        row({}),
        row({
          planTargetId: 2,
          foreignersChecked: ' 5 ',
          outcome: 'violation',
          violations: '2',
          findings: ' overstay ',
          actions: [{ kind: 'deportation', count: '2', nationality: 'chn' }],
        }),
      ],
      '2024-06-14',
    );
    expect(result).toEqual({
      body: {
        date: '2024-06-14',
        targets: [
          { planTargetId: 1, foreignersChecked: 12, violations: 0, outcome: 'no_violation', actions: [] },
          {
            planTargetId: 2,
            foreignersChecked: 5,
            violations: 2,
            outcome: 'violation',
            findings: 'overstay',
            actions: [{ kind: 'deportation', count: 2, nationality: 'CHN' }],
          },
        ],
      },
    });
  });

  test('an empty or bad field is named with its target', () => {
    expect(outcomeBody([row({}), row({ foreignersChecked: '' })], null)).toEqual({ problem: { index: 1, field: 'foreignersChecked' } });
    expect(outcomeBody([row({ outcome: 'violation', violations: '0' })], null)).toEqual({ problem: { index: 0, field: 'violations' } });
    expect(outcomeBody([row({ actions: [{ kind: 'fine', count: 'x', nationality: '' }] })], null)).toEqual({ problem: { index: 0, field: 'actions' } });
  });
});
