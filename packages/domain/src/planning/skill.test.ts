import { describe, expect, test } from 'vitest';
import { skillOutcome, skillPeriod, skillResult, skillVerdict, type SkillFigures } from './skill.js';

const run = { from: '2020-01-01', to: '2025-12-31' };
const figures = (paired: Partial<SkillFigures['paired'][number]>, findings = 222): SkillFigures => ({
  k: 10,
  headline: { findings },
  paired: [{ ranking: 'score', reference: 'holders', hits: 137, referenceHits: 129, ratio: 137 / 129, low: 0, high: 17, clear: false, ...paired }],
});

describe('the skill card verdict', () => {
  test('a difference whose interval reaches 0 is not clear, in both languages', () => {
    const f = figures({});
    expect(skillOutcome(f)).toBe('not_clear');
    expect(skillVerdict(run, f, 'id')).toBe(
      'Selama 2020–2025 peringkat ini menemukan 1,06× temuan dibanding menghitung pemegang izin (10 teratas); perbedaannya belum jelas secara statistik.',
    );
    expect(skillVerdict(run, f, 'en')).toBe(
      'Over 2020–2025 this ranking found 1.06× the findings of counting permit holders (top 10); the difference is not statistically clear.',
    );
  });

  test('a clear gain says so', () => {
    const f = figures({ hits: 160, ratio: 160 / 129, low: 12, high: 50, clear: true });
    expect(skillOutcome(f)).toBe('clearly_better');
    expect(skillVerdict(run, f, 'id')).toBe(
      'Selama 2020–2025 peringkat ini menemukan 1,24× temuan dibanding menghitung pemegang izin (10 teratas); perbedaannya jelas secara statistik.',
    );
    expect(skillVerdict(run, f, 'en')).toContain('found 1.24× the findings of counting permit holders (top 10); the difference is statistically clear.');
  });

  test('a clear loss is called weaker, not a clear difference in its favour', () => {
    const f = figures({ hits: 100, ratio: 100 / 129, low: -45, high: -12, clear: true });
    expect(skillOutcome(f)).toBe('clearly_worse');
    expect(skillVerdict(run, f, 'id')).toBe(
      'Selama 2020–2025 peringkat ini menemukan 0,78× temuan dibanding menghitung pemegang izin (10 teratas); peringkat ini jelas lebih lemah secara statistik.',
    );
    expect(skillVerdict(run, f, 'en')).toContain('0.78× the findings of counting permit holders (top 10); this ranking is statistically clearly weaker.');
  });

  test('an interval that excludes 0 without McNemar agreeing stays not clear (the backtest’s own rule)', () => {
    expect(skillOutcome(figures({ low: 1, high: 1, clear: false }))).toBe('not_clear');
  });

  test('no headline finding, or holders finding none, is said in words rather than as a ratio', () => {
    expect(skillVerdict(run, figures({ hits: 0, referenceHits: 0, ratio: null }, 0), 'en')).toBe(
      'Over 2020–2025 no finding was in a regency with more than 10 candidates: there is nothing to judge yet.',
    );
    expect(skillVerdict(run, figures({ hits: 3, referenceHits: 0, ratio: null, low: 0, high: 3 }), 'id')).toBe(
      'Selama 2020–2025 peringkat ini menemukan 3 temuan di 10 teratasnya, sedangkan menghitung pemegang izin tidak menemukan satu pun; perbedaannya belum jelas secara statistik.',
    );
  });

  test('the period: whole years as years, else the two days', () => {
    expect(skillPeriod('2024-01-01', '2024-12-31', 'en')).toBe('2024');
    expect(skillPeriod('2024-03-01', '2024-06-30', 'id')).toBe('1 Maret 2024 – 30 Juni 2024');
    expect(skillPeriod('2024-03-01', '2024-06-30', 'en')).toBe('1 Mar 2024 – 30 Jun 2024');
  });

  test('the card shows k = 10 when the run has it, else the nearest k', () => {
    expect(skillResult([{ k: 1 }, { k: 10 }, { k: 20 }])?.k).toBe(10);
    expect(skillResult([{ k: 5 }, { k: 20 }])?.k).toBe(5);
    expect(skillResult([{ k: 3 }])?.k).toBe(3);
    expect(skillResult([])).toBeUndefined();
  });
});
