import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RISK_CATEGORIES, RISK_CATEGORY_CONCERNS_FOREIGNERS } from '../constants.js';
import { explainCandidate, formatDate } from './explain.js';
import { FACTORS, mixSimilarity, monthsBetween, normaliseFactors, type FactorValues, type RawFactors } from './factors.js';
import {
  completeWeights,
  DEFAULT_WEIGHTS,
  PRESENCE_FLOOR,
  presenceOf,
  rankCandidates,
  scoreCandidate,
  weightsWith,
  type Candidate,
  type Weights,
} from './score.js';

const quiet: RawFactors = {
  activeHolders: 0,
  holdersYearAgo: 0,
  expiringWithoutRenewal: 0,
  pastViolations: 0,
  pastActions: 0,
  openReports: 0,
  verifiedReports: 0,
  reportWindowDays: 30,
  riskAreas: [],
  lastCheckedOn: '2024-05-01',
  monthsSinceCheck: 1,
  mixSimilarity: 0,
};
/** The example of issue 8: a busy, growing site with verified reports, unchecked for two years, in a social-conflict area. */
const busy: RawFactors = {
  ...quiet,
  activeHolders: 142,
  holdersYearAgo: 103,
  verifiedReports: 2,
  lastCheckedOn: '2022-04-10',
  monthsSinceCheck: 26,
  riskAreas: [{ category: 'social_conflict', severity: 'high' }],
};

describe('factors', () => {
  test('each factor is 0 for a quiet, recently checked place', () => {
    const f = normaliseFactors(quiet);
    for (const name of FACTORS) if (name !== 'staleness') expect(f[name], name).toBe(0);
    expect(f.staleness).toBeGreaterThan(0);
    expect(f.staleness).toBeLessThan(0.1);
  });

  test('holders are on a log scale reaching 1 at 1,000', () => {
    expect(normaliseFactors({ ...quiet, activeHolders: 9 }).holders).toBeCloseTo(1 / 3);
    expect(normaliseFactors({ ...quiet, activeHolders: 99 }).holders).toBeCloseTo(2 / 3);
    expect(normaliseFactors({ ...quiet, activeHolders: 5000 }).holders).toBe(1);
  });

  test('growth compares with at least five holders a year ago and ignores decline', () => {
    expect(normaliseFactors({ ...quiet, activeHolders: 142, holdersYearAgo: 103 }).growth).toBeCloseTo(39 / 103);
    expect(normaliseFactors({ ...quiet, activeHolders: 3, holdersYearAgo: 1 }).growth).toBeCloseTo(2 / 5);
    expect(normaliseFactors({ ...quiet, activeHolders: 10, holdersYearAgo: 50 }).growth).toBe(0);
  });

  test('expiring permits, findings and reports saturate, half at 5, 3 and 2', () => {
    expect(normaliseFactors({ ...quiet, expiringWithoutRenewal: 5 }).expiring).toBeCloseTo(0.5);
    expect(normaliseFactors({ ...quiet, pastViolations: 2, pastActions: 1 }).findings).toBeCloseTo(0.5);
    expect(normaliseFactors({ ...quiet, verifiedReports: 1 }).reports).toBeCloseTo(0.5);
    expect(normaliseFactors({ ...quiet, openReports: 1 }).reports).toBeLessThan(normaliseFactors({ ...quiet, verifiedReports: 1 }).reports);
  });

  test('risk combines areas by category and severity', () => {
    const high = normaliseFactors({ ...quiet, riskAreas: [{ category: 'illegal_work', severity: 'high' }] }).risk;
    const low = normaliseFactors({ ...quiet, riskAreas: [{ category: 'illegal_work', severity: 'low' }] }).risk;
    const emigration = normaliseFactors({ ...quiet, riskAreas: [{ category: 'illegal_emigration_route', severity: 'high' }] }).risk;
    const two = normaliseFactors({
      ...quiet,
      riskAreas: [
        { category: 'overstay', severity: 'low' },
        { category: 'illegal_work', severity: 'low' },
      ],
    }).risk;
    expect(high).toBe(1);
    expect(low).toBeCloseTo(0.3);
    expect(emigration).toBe(0);
    expect(two).toBeCloseTo(1 - 0.7 * 0.7);
  });

  test('a risk area not about foreigners counts only as much as the user weighs it (riskNotForeigners, 0 by default)', () => {
    const route = [{ category: 'illegal_emigration_route', severity: 'high' }] as const;
    expect(normaliseFactors({ ...quiet, riskAreas: route }).risk).toBe(0);
    expect(normaliseFactors({ ...quiet, riskAreas: route }, { riskNotForeigners: 1 }).risk).toBeCloseTo(0.3);
    expect(normaliseFactors({ ...quiet, riskAreas: route }, { riskNotForeigners: 2 }).risk).toBeCloseTo(0.6);
    expect(normaliseFactors({ ...quiet, riskAreas: route }, { riskNotForeigners: 100 }).risk).toBe(1);
    // Categories about foreigners do not move with it.
    const work = [{ category: 'illegal_work', severity: 'low' }] as const;
    expect(normaliseFactors({ ...quiet, riskAreas: work }, { riskNotForeigners: 3 }).risk).toBeCloseTo(0.3);
  });

  test('never checked counts more than any time since a check', () => {
    expect(normaliseFactors({ ...quiet, lastCheckedOn: null, monthsSinceCheck: null }).staleness).toBe(1);
    expect(normaliseFactors({ ...quiet, monthsSinceCheck: 12 }).staleness).toBeCloseTo(0.45);
    expect(normaliseFactors({ ...quiet, monthsSinceCheck: 1200 }).staleness).toBeLessThan(0.9 + 1e-12);
  });

  test('mix similarity is the cosine of the two nationality mixes', () => {
    expect(mixSimilarity({ CHN: 10 }, { CHN: 3 })).toBeCloseTo(1);
    expect(mixSimilarity({ CHN: 10 }, { NGA: 3 })).toBe(0);
    expect(mixSimilarity({ CHN: 1, NGA: 1 }, { CHN: 1 })).toBeCloseTo(Math.SQRT1_2);
    expect(mixSimilarity({}, { CHN: 1 })).toBe(0);
  });

  test('months between dates are whole months', () => {
    expect(monthsBetween('2016-11-17', '2024-06-13')).toBe(90);
    expect(monthsBetween('2024-06-13', '2024-06-13')).toBe(0);
  });
});

describe('score', () => {
  test('the contributions add up to the score, a weighted mean in 0..1', () => {
    const f = normaliseFactors(busy);
    const { score, contributions } = scoreCandidate(f);
    expect(Object.values(contributions).reduce((a, b) => a + b, 0)).toBeCloseTo(score, 12);
    const total = Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(contributions.staleness).toBeCloseTo((presenceOf(f) * 1.25 * f.staleness) / total);
    expect(presenceOf(f)).toBeCloseTo(PRESENCE_FLOOR + (1 - PRESENCE_FLOOR) * f.holders);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);
  });

  test('signals count in proportion to the people present: a big site with a verified report outranks a never-checked one-holder site', () => {
    const lonely = normaliseFactors({ ...quiet, activeHolders: 1, holdersYearAgo: 1, lastCheckedOn: null, monthsSinceCheck: null });
    const crowded = normaliseFactors({
      ...quiet,
      activeHolders: 300,
      holdersYearAgo: 300,
      verifiedReports: 1,
      lastCheckedOn: '2023-06-01',
      monthsSinceCheck: 12,
    });
    expect(scoreCandidate(crowded).score).toBeGreaterThan(scoreCandidate(lonely).score);
    // The same signals at a place with nobody registered still count, a quarter as much as at a full one.
    const empty = normaliseFactors({ ...quiet, activeHolders: 0, holdersYearAgo: 0, verifiedReports: 3 });
    expect(presenceOf(empty)).toBe(PRESENCE_FLOOR);
    expect(scoreCandidate(empty).score).toBeGreaterThan(0);
  });

  test('all weights zero give a score of zero', () => {
    const zero = Object.fromEntries(FACTORS.map((f) => [f, 0])) as Weights;
    expect(scoreCandidate(normaliseFactors(busy), zero).score).toBe(0);
  });

  test('the busy site ranks above the quiet one, and ties are ordered by id', () => {
    const ranked = rankCandidates<Candidate>([
      { id: 'site:2', kind: 'company_site', name: 'B', raw: quiet },
      { id: 'site:1', kind: 'company_site', name: 'A', raw: quiet },
      { id: 'site:3', kind: 'company_site', name: 'C', raw: busy },
    ]);
    expect(ranked.map((r) => [r.candidate.id, r.rank])).toEqual([
      ['site:3', 1],
      ['site:1', 2],
      ['site:2', 3],
    ]);
  });

  test('a regency-wide emigration-route risk area no longer lifts a candidate by default; with its weight raised it does', () => {
    const site = { ...quiet, activeHolders: 40, holdersYearAgo: 40 };
    const inRoute = { ...site, riskAreas: [{ category: 'illegal_emigration_route', severity: 'high' }] } as const;
    const candidates: Candidate[] = [
      { id: 'site:1', kind: 'company_site', name: 'outside', raw: site },
      { id: 'site:2', kind: 'company_site', name: 'inside the route', raw: inRoute },
    ];
    const byDefault = rankCandidates(candidates);
    expect(byDefault[0]!.score).toBe(byDefault[1]!.score);
    expect(byDefault[0]!.candidate.id).toBe('site:1');
    const weighed = rankCandidates(candidates, { ...DEFAULT_WEIGHTS, riskNotForeigners: 1 });
    expect(weighed[0]!.candidate.id).toBe('site:2');
    expect(weighed[0]!.score).toBeGreaterThan(weighed[1]!.score);
    // The sentence names the route, and says it did not count unless its weight was raised.
    expect(explainCandidate({ raw: inRoute }, 'id')).toMatch(/di dalam area jalur PMI nonprosedural \(tidak menaikkan skor: bukan soal WNA\)$/);
    expect(explainCandidate({ raw: inRoute }, 'en')).toMatch(/inside an illegal-emigration-route risk area \(not counted: not about foreigners\)$/);
    expect(explainCandidate({ raw: inRoute }, 'id', { riskNotForeigners: 1 })).toMatch(/di dalam area jalur PMI nonprosedural$/);
    expect(explainCandidate({ raw: inRoute }, 'en', { riskNotForeigners: 1 })).toMatch(/inside an illegal-emigration-route risk area$/);
    const mixed = { ...inRoute, riskAreas: [...inRoute.riskAreas, { category: 'overstay', severity: 'low' }] } as const;
    expect(explainCandidate({ raw: mixed }, 'en')).toMatch(/; inside an overstay risk area; inside an illegal-emigration-route risk area \(not counted/);
  });

  test('every risk category says whether it concerns foreigners: only the emigration route does not', () => {
    expect(Object.keys(RISK_CATEGORY_CONCERNS_FOREIGNERS).sort()).toEqual([...RISK_CATEGORIES].sort());
    expect(RISK_CATEGORIES.filter((c) => !RISK_CATEGORY_CONCERNS_FOREIGNERS[c])).toEqual(['illegal_emigration_route']);
  });

  test('weights saved before riskNotForeigners existed read it as its default', () => {
    const { riskNotForeigners: _dropped, ...older } = { ...DEFAULT_WEIGHTS, staleness: 2 };
    expect(completeWeights(older)).toEqual({ ...DEFAULT_WEIGHTS, staleness: 2 });
  });

  test('weights from w.<factor> parameters: unknown factors and bad numbers are named', () => {
    expect(weightsWith({ riskNotForeigners: '1' }).weights.riskNotForeigners).toBe(1);
    expect(DEFAULT_WEIGHTS.riskNotForeigners).toBe(0);
    expect(weightsWith({ risk: '3' }).weights.risk).toBe(3);
    expect(weightsWith({ risk: '3' }).weights.holders).toBe(DEFAULT_WEIGHTS.holders);
    expect(weightsWith({ colour: '1' }).errors[0]).toMatch(/unknown factor colour/);
    expect(weightsWith({ risk: '-1' }).errors[0]).toMatch(/risk/);
    expect(weightsWith({ risk: 'abc' }).errors[0]).toMatch(/risk/);
  });
});

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const factorValues = fc.record(Object.fromEntries(FACTORS.map((f) => [f, unit])) as Record<keyof FactorValues, fc.Arbitrary<number>>);
const weightArb = fc.record(
  Object.fromEntries([...FACTORS, 'riskNotForeigners'].map((f) => [f, fc.double({ min: 0, max: 10, noNaN: true })])) as Record<
    keyof Weights,
    fc.Arbitrary<number>
  >,
);
const rawArb: fc.Arbitrary<RawFactors> = fc
  .record({
    activeHolders: fc.nat(2000),
    holdersYearAgo: fc.nat(2000),
    expiringWithoutRenewal: fc.nat(50),
    pastViolations: fc.nat(30),
    pastActions: fc.nat(30),
    openReports: fc.nat(20),
    verifiedReports: fc.nat(20),
    reportWindowDays: fc.constant(90),
    riskAreas: fc.array(fc.record({ category: fc.constantFrom(...RISK_CATEGORIES), severity: fc.constantFrom('low', 'medium', 'high' as const) }), {
      maxLength: 3,
    }),
    lastCheckedOn: fc.constant('2020-01-01'),
    monthsSinceCheck: fc.option(fc.nat(200), { nil: null }),
    mixSimilarity: unit,
  })
  .map((r) => (r.monthsSinceCheck === null ? { ...r, lastCheckedOn: null } : r));

describe('score properties', () => {
  test('the score never falls when one factor rises', () => {
    fc.assert(
      fc.property(factorValues, weightArb, fc.constantFrom(...FACTORS), unit, (f, w, name, more) => {
        const higher = { ...f, [name]: Math.max(f[name], more) };
        expect(scoreCandidate(higher, w).score).toBeGreaterThanOrEqual(scoreCandidate(f, w).score - 1e-12);
      }),
    );
  });

  test('each transform never falls when its raw count rises', () => {
    fc.assert(
      fc.property(rawArb, fc.nat(100), (raw, extra) => {
        const base = normaliseFactors(raw);
        const grown = [
          ['holders', { ...raw, activeHolders: raw.activeHolders + extra }],
          ['expiring', { ...raw, expiringWithoutRenewal: raw.expiringWithoutRenewal + extra }],
          ['findings', { ...raw, pastViolations: raw.pastViolations + extra }],
          ['reports', { ...raw, verifiedReports: raw.verifiedReports + extra }],
          ['staleness', raw.monthsSinceCheck === null ? raw : { ...raw, monthsSinceCheck: raw.monthsSinceCheck + extra }],
          ['risk', { ...raw, riskAreas: [...raw.riskAreas, { category: 'overstay', severity: 'low' }] }],
        ] as const;
        for (const [name, r] of grown) expect(normaliseFactors(r)[name], name).toBeGreaterThanOrEqual(base[name] - 1e-12);
        for (const name of FACTORS) {
          expect(base[name]).toBeGreaterThanOrEqual(0);
          expect(base[name]).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  test('scaling every weight by the same factor changes neither scores nor ranking', () => {
    fc.assert(
      fc.property(fc.array(rawArb, { minLength: 1, maxLength: 12 }), weightArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (raws, w, k) => {
        const candidates = raws.map((raw, i) => ({ id: `c${String(i).padStart(2, '0')}`, kind: 'district' as const, name: `${i}`, raw }));
        // riskNotForeigners weighs categories inside the risk factor, not a term of the mean: it stays.
        const scaled = {
          ...(Object.fromEntries(FACTORS.map((f) => [f, w[f] * k])) as Record<keyof FactorValues, number>),
          riskNotForeigners: w.riskNotForeigners,
        };
        const a = rankCandidates(candidates, w);
        const b = rankCandidates(candidates, scaled);
        a.forEach((r, i) => expect(b[i]!.score).toBeCloseTo(r.score, 9));
        // Ties within rounding may swap; beyond that the order is the same.
        a.forEach((r, i) => {
          if (b[i]!.candidate.id !== r.candidate.id) expect(Math.abs(b[i]!.score - r.score)).toBeLessThan(1e-9);
        });
      }),
    );
  });

  test('with equal weights the ranking does not depend on the order candidates come in', () => {
    const equal = { ...(Object.fromEntries(FACTORS.map((f) => [f, 1])) as Record<keyof FactorValues, number>), riskNotForeigners: 1 };
    fc.assert(
      fc.property(fc.array(rawArb, { minLength: 1, maxLength: 12 }), fc.integer(), (raws, seed) => {
        const candidates = raws.map((raw, i) => ({ id: `c${String(i).padStart(2, '0')}`, kind: 'district' as const, name: `${i}`, raw }));
        const shuffled = [...candidates].sort((x, y) => ((x.id.charCodeAt(2) * 31 + seed) % 7) - ((y.id.charCodeAt(2) * 31 + seed) % 7));
        expect(rankCandidates(shuffled, equal).map((r) => r.candidate.id)).toEqual(rankCandidates(candidates, equal).map((r) => r.candidate.id));
        const ranked = rankCandidates(candidates, equal);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
      }),
    );
  });
});

describe('explanation', () => {
  test('in English, as a division head would say it', () => {
    expect(explainCandidate({ raw: busy }, 'en')).toBe(
      '142 active holders, +38% in 12 months; 2 verified reports in 30 days; last checked 26 months ago (10 Apr 2022); inside a social-conflict risk area',
    );
  });

  test('in Indonesian, with Indonesian number formatting', () => {
    const raw = { ...busy, activeHolders: 1420, holdersYearAgo: 1030 };
    expect(explainCandidate({ raw }, 'id')).toBe(
      '1.420 pemegang izin aktif, +38% dalam 12 bulan; 2 laporan terverifikasi dalam 30 hari; terakhir diperiksa 26 bulan lalu (10 April 2022); di dalam area rawan konflik sosial',
    );
    expect(explainCandidate({ raw }, 'en')).toMatch(/^1,420 active holders/);
  });

  test('a place never checked, with findings and several risk areas', () => {
    const raw: RawFactors = {
      ...quiet,
      activeHolders: 1,
      pastViolations: 3,
      pastActions: 2,
      lastCheckedOn: null,
      monthsSinceCheck: null,
      riskAreas: [
        { category: 'overstay', severity: 'low' },
        { category: 'illegal_work', severity: 'high' },
      ],
    };
    expect(explainCandidate({ raw }, 'en')).toBe(
      '1 active holder; 3 violations found at or near it, 2 with TAK; never checked; inside illegal-work, overstay risk areas',
    );
    expect(explainCandidate({ raw }, 'id')).toBe(
      '1 pemegang izin aktif; 3 pelanggaran ditemukan di sekitarnya, 2 dikenai TAK; belum pernah diperiksa; di dalam area rawan TKA ilegal, rawan overstay',
    );
  });

  test('dates are written as on screen', () => {
    expect(formatDate('2016-11-17', 'en')).toBe('17 Nov 2016');
    expect(formatDate('2016-11-17', 'id')).toBe('17 November 2016');
  });
});
