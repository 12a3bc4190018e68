import { useTranslation } from 'react-i18next';
import './coverage-gap-list.css';
import { ApiError } from '../api/api-client.js';
import { getCoverageGaps, type CoverageGapItem } from '../api/planning-maps-api.js';
import { useApiRequest } from '../api/use-api-request.js';
import { PLANNING_LAYER_PARAMS } from '../map/tile-urls.js';

/** Items shown per office before "+n more": the list is a pointer to the map, not a report. */
const PER_GROUP = 8;

/**
 * Places with holders that no operation checked for the coverage layer's months, grouped by the
 * office whose work area covers them; a click flies the map there. Shown while the gaps layer is on.
 */
export function CoverageGapList({ area, asOf, onFlyTo }: { area: string | null; asOf: string | null; onFlyTo(item: CoverageGapItem): void }) {
  const { t } = useTranslation('map');
  const months = PLANNING_LAYER_PARAMS.coverageMonths;
  const state = useApiRequest(`coverage-gaps:${area ?? ''}|${asOf ?? ''}|${months}`, (signal) => getCoverageGaps({ area, asOf, months }, signal));
  return (
    <section className="field-group coverage-gaps" data-testid="coverage-gap-list" aria-label={t('gapList.title')}>
      <h2 className="sidebar-heading">{t('gapList.title')}</h2>
      <p className="field-hint">{t('gapList.hint', { months })}</p>
      {state.status === 'loading' && <p className="field-hint">{t('gapList.loading')}</p>}
      {/* A national scope must name an area (the whole country in one list held the database for minutes). */}
      {state.status === 'error' &&
        (state.error instanceof ApiError && state.error.code === 'invalid_parameter' ? (
          <p className="field-hint" data-testid="coverage-gap-pick-area">
            {t('gapList.pickArea')}
          </p>
        ) : (
          <p className="field-hint" role="alert">
            {t('gapList.error')}
          </p>
        ))}
      {state.status === 'ok' && state.data.total === 0 && <p className="field-hint">{t('gapList.empty', { months })}</p>}
      {state.status === 'ok' &&
        state.data.groups.map((group) => (
          <details key={group.office?.id ?? 'none'} className="gap-group" open={state.data.groups.length <= 2}>
            <summary data-testid="coverage-gap-office">
              {group.office?.name ?? t('gapList.noOffice')} ({group.count})
            </summary>
            <ul>
              {group.items.slice(0, PER_GROUP).map((item) => (
                <li key={item.id}>
                  <button type="button" className="link-button" onClick={() => onFlyTo(item)} data-testid="coverage-gap-item">
                    <strong>{item.name}</strong>
                    <span className="field-hint">
                      {' '}
                      {t(`gapList.${item.kind === 'company_site' ? 'site' : 'district'}`)} · {t('gapList.holders', { count: item.holders })} ·{' '}
                      {item.monthsSinceCheck === null ? t('gapList.never') : t('gapList.months', { count: item.monthsSinceCheck })}
                    </span>
                  </button>
                </li>
              ))}
              {group.items.length > PER_GROUP && <li className="field-hint">{t('gapList.more', { count: group.items.length - PER_GROUP })}</li>}
            </ul>
          </details>
        ))}
    </section>
  );
}
