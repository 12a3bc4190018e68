// "Seberapa baik peringkat ini?" (issue 23): the last saved backtest beside the ranking it judges —
// findings and PAI at k for the score, holders alone and a blind pick, the window, the data it ran on,
// and a verdict in words from the same figures. Until a run is saved it says how to make one.
import { skillResult, skillVerdict, type BacktestRun } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useFormat } from '../i18n/format.js';
import { getSkill } from './planning-api.js';

const RANKING_ORDER = ['score', 'holders', 'chance'];

export function SkillCard() {
  const { t } = useTranslation('planning');
  const request = useApiRequest('planning:skill', getSkill);
  const run = dataOf(request);
  return (
    <section className="skill-card" data-testid="skill-card">
      <h2 className="planning-heading">{t('skill.title')}</h2>
      {request.status === 'loading' && <p className="planning-hint">{t('skill.loading')}</p>}
      {request.status === 'error' && <p className="planning-hint">{t('skill.unavailable')}</p>}
      {request.status === 'ok' && run === null && (
        <p className="planning-hint" data-testid="skill-none">
          {t('skill.none')} <code>pnpm pantau backtest --save</code>
        </p>
      )}
      {run && <SkillFigures run={run} />}
    </section>
  );
}

function SkillFigures({ run }: { run: BacktestRun }) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const result = skillResult(run.results);
  if (!result) return null;
  const rankings = [...result.rankings].sort((a, b) => RANKING_ORDER.indexOf(a.ranking) - RANKING_ORDER.indexOf(b.ranking));
  const score = result.paired.find((p) => p.ranking === 'score');
  const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${format.number(Math.abs(x), Number.isInteger(x) ? 0 : 1)}`;
  // A pooled run (`backtest --seeds`) names every seed's demo.
  const demos = run.data.datasets.filter((d) => d.seed !== null);
  const scale = demos[0]?.scale ?? null;
  return (
    <>
      <p className="skill-verdict" data-testid="skill-verdict">
        {skillVerdict(run, result, format.lang)}
      </p>
      <table className="skill-table" data-testid="skill-table">
        <thead>
          <tr>
            <th>{t('skill.ranking')}</th>
            <th>{t('skill.findings', { k: result.k })}</th>
            <th title={t('skill.paiHint')}>PAI</th>
          </tr>
        </thead>
        <tbody>
          {rankings.map((r) => (
            <tr key={r.ranking}>
              <td>{t(`skill.rankings.${r.ranking}` as 'skill.rankings.score', { defaultValue: r.ranking })}</td>
              <td>{format.number(r.hits)}</td>
              <td>{r.pai === null ? '–' : format.number(r.pai, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="planning-hint">
        {t('skill.of', { n: format.number(result.headline.findings), k: result.k, left: format.number(result.smallPools.findings) })}
        {score &&
          ` ${t('skill.interval', { difference: signed(score.difference), low: signed(score.low), high: signed(score.high), p: format.number(score.mcnemarP, 2) })}`}
      </p>
      <p className="planning-hint" data-testid="skill-data">
        {t('skill.data', {
          from: format.date(run.from),
          to: format.date(run.to),
          database: run.data.database === 'pglite' ? t('skill.embedded') : 'PostgreSQL',
          ranAt: format.date(run.ranAt.slice(0, 10)),
        })}
        {demos.length > 0 &&
          ` ${t(demos.length > 1 ? 'skill.demoPooled' : 'skill.demo', {
            seeds: demos.map((d) => d.seed).join(', '),
            scale: scale === null ? '–' : format.number(scale, Number.isInteger(scale) ? 0 : 1),
          })}`}
      </p>
    </>
  );
}
