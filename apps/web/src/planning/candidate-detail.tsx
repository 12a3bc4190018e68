import { FACTORS, type Factor } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { ViewState } from '../state/view-state.js';
import type { PlanningCandidate } from './planning-api.js';
import { effectiveWeights } from './planning-model.js';
import { recordHref } from './record-href.js';

/** Why a candidate ranks where it does: the explanation, each factor's value, weight and share, and links to its records. */
export function CandidateDetail({ item, view }: { item: PlanningCandidate; view: ViewState }) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const weightsUsed = effectiveWeights(view.weights);
  const record = recordHref(view, item.links.record);
  const lastOperation = item.links.lastOperation ? recordHref(view, item.links.lastOperation) : null;
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
          const href = recordHref(view, link);
          return href ? (
            <a key={link} href={href} target="_blank" rel="noreferrer">
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
