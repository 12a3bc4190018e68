import { FACTORS, type Factor } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { useRoute } from '../state/router.js';
import type { PlanningCandidate } from './planning-api.js';
import { effectiveWeights } from './planning-model.js';
import { recordTarget } from './record-target.js';

/** Why a candidate ranks where it does: the explanation, each factor's value, weight and share, and links to its records. */
export function CandidateDetail({ item }: { item: PlanningCandidate }) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const { view, href } = useRoute('planning');
  const weightsUsed = effectiveWeights(view.weights);
  // The record on the dashboard (the map context carries over; the plan and weights stay here).
  const recordHref = (apiPath: string) => {
    const target = recordTarget(apiPath);
    return target && href(target);
  };
  const record = recordHref(item.links.record);
  const lastOperation = item.links.lastOperation ? recordHref(item.links.lastOperation) : null;
  return (
    <div className="candidate-detail-body" data-testid="candidate-detail">
      <p className="explanation" data-testid="candidate-explanation">
        {item.explanation[format.lang]}
      </p>
      <table className="factor-table">
        <thead>
          <tr>
            <th>{t('factors.factor')}</th>
            <th>{t('factors.value')}</th>
            <th>{t('factors.weight')}</th>
            <th>{t('factors.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {FACTORS.map((factor: Factor) => (
            <tr key={factor}>
              <td>{t(`factor.${factor}`)}</td>
              <td className="num">{format.number(item.factors[factor], 2)}</td>
              <td className="num">{format.number(weightsUsed[factor], 2)}</td>
              <td className="num">{format.number(item.contributions[factor] * 100, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="record-links">
        {record && (
          <a href={record} target="_blank" rel="noreferrer" data-testid="candidate-record">
            {t('links.record')}
          </a>
        )}
        {lastOperation && (
          <a href={lastOperation} target="_blank" rel="noreferrer">
            {t('links.lastOperation')}
          </a>
        )}
        {item.links.riskAreas.map((link, index) => {
          const linkHref = recordHref(link);
          return linkHref ? (
            <a key={link} href={linkHref} target="_blank" rel="noreferrer">
              {t('links.riskArea', { n: index + 1 })}
            </a>
          ) : null;
        })}
        <a href={item.links.record} target="_blank" rel="noreferrer">
          {t('links.api')}
        </a>
      </p>
    </div>
  );
}
