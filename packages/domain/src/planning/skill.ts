// The planning page's "How good is this ranking?" card speaks from the last saved backtest: which k it
// shows and the plain verdict, in Indonesian or English, built from the figures alone.
import { formatDate, type PlanningLocale } from './explain.js';

/** The k the card shows when the run has it: a team's list for a day is about ten places. */
export const SKILL_K = 10;

/** The figures of one k the verdict reads (a saved run's result, @pantau/domain backtestRunResultSchema). */
export interface SkillFigures {
  k: number;
  headline: { findings: number };
  paired: ReadonlyArray<{
    ranking: string;
    reference: string;
    hits: number;
    referenceHits: number;
    ratio: number | null;
    low: number;
    high: number;
    clear: boolean;
  }>;
}

/** The result at SKILL_K, else at the k nearest to it (the smaller on a tie). */
export function skillResult<T extends { k: number }>(results: readonly T[]): T | undefined {
  return [...results].sort((a, b) => Math.abs(a.k - SKILL_K) - Math.abs(b.k - SKILL_K) || a.k - b.k)[0];
}

const NUMBER_LOCALE: Record<PlanningLocale, string> = { id: 'id-ID', en: 'en-GB' };
const times = (x: number, locale: PlanningLocale) =>
  `${new Intl.NumberFormat(NUMBER_LOCALE[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x)}×`;

/** "2020–2025" for whole calendar years, else the two days. */
export function skillPeriod(from: string, to: string, locale: PlanningLocale): string {
  if (from.endsWith('-01-01') && to.endsWith('-12-31')) return from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${from.slice(0, 4)}–${to.slice(0, 4)}`;
  return `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
}

export type SkillOutcome = 'clearly_better' | 'clearly_worse' | 'not_clear' | 'no_findings';

/**
 * Where the score stands against holders at this k. Clear only as the backtest's own verdict is: the
 * 95 % bootstrap interval of the difference excludes 0 and McNemar's p < 0.05.
 */
export function skillOutcome(figures: SkillFigures, ranking = 'score'): SkillOutcome {
  const paired = figures.paired.find((p) => p.ranking === ranking);
  if (!paired || figures.headline.findings === 0) return 'no_findings';
  if (!paired.clear) return 'not_clear';
  return paired.low > 0 ? 'clearly_better' : 'clearly_worse';
}

/**
 * "Selama 2020–2025 peringkat ini menemukan 1,06× temuan dibanding menghitung pemegang izin (10 teratas);
 * perbedaannya belum jelas secara statistik."
 */
export function skillVerdict(run: { from: string; to: string }, figures: SkillFigures, locale: PlanningLocale, ranking = 'score'): string {
  const period = skillPeriod(run.from, run.to, locale);
  const outcome = skillOutcome(figures, ranking);
  const paired = figures.paired.find((p) => p.ranking === ranking);
  if (outcome === 'no_findings' || !paired)
    return locale === 'id'
      ? `Selama ${period} tidak ada temuan di wilayah dengan lebih dari ${figures.k} kandidat: belum ada yang bisa dinilai.`
      : `Over ${period} no finding was in a regency with more than ${figures.k} candidates: there is nothing to judge yet.`;
  const found =
    paired.ratio === null
      ? locale === 'id'
        ? `menemukan ${paired.hits} temuan di ${figures.k} teratasnya, sedangkan menghitung pemegang izin tidak menemukan satu pun`
        : `found ${paired.hits} findings in its top ${figures.k} where counting permit holders found none`
      : locale === 'id'
        ? `menemukan ${times(paired.ratio, locale)} temuan dibanding menghitung pemegang izin (${figures.k} teratas)`
        : `found ${times(paired.ratio, locale)} the findings of counting permit holders (top ${figures.k})`;
  const judged = {
    id: {
      clearly_better: 'perbedaannya jelas secara statistik',
      clearly_worse: 'peringkat ini jelas lebih lemah secara statistik',
      not_clear: 'perbedaannya belum jelas secara statistik',
    },
    en: {
      clearly_better: 'the difference is statistically clear',
      clearly_worse: 'this ranking is statistically clearly weaker',
      not_clear: 'the difference is not statistically clear',
    },
  }[locale][outcome];
  return locale === 'id' ? `Selama ${period} peringkat ini ${found}; ${judged}.` : `Over ${period} this ranking ${found}; ${judged}.`;
}
