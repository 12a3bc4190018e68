// The area panel's people lists (issue 20): who is over their stay permit on the view's date, and
// whose permit ends within 30, 60 or 90 days, counted as people. Names and passports are listed only
// for the roles allowed personal data (the API leaves `items` out for the others); each name opens
// the person's page. The full lists are in the export menu (overstays, expiring).
import { nationalityName } from '@pantau/domain';
import { useState } from 'react';
import { isNotPermitted } from '../api/api-client.js';
import { getAreaExpiring, getAreaOverstays, type AreaOverstays, type PermitFilterParams } from '../api/panels-api.js';
import { useApiRequest, type RequestState } from '../api/use-api-request.js';
import { PanelBlock } from './panel-frame.js';
import { enumText, PanelError, PanelLoading } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

/** How many names the panel shows; the export holds them all. */
const NAMES_SHOWN = 10;
const WINDOWS = [30, 60, 90] as const;

/** The person page, reached from the current address (a full page, like the search's results). */
function personHref(id: number): string {
  const url = new URL(window.location.href);
  url.searchParams.set('page', 'person');
  url.searchParams.set('person', String(id));
  url.searchParams.delete('select');
  return `${url.pathname}${url.search}`;
}

export function PeopleListsBlock({ code, asOf, filter, demo }: { code: string; asOf: string; filter: PermitFilterParams; demo: boolean }) {
  const filterKey = JSON.stringify(filter);
  const overstays = useApiRequest(`panel-overstays:${code}:${asOf}:${filterKey}`, (signal) => getAreaOverstays(code, asOf, filter, signal));
  return (
    <>
      <OverstaysView state={overstays} demo={demo} />
      <ExpiringBlock code={code} asOf={asOf} filter={filter} demo={demo} />
    </>
  );
}

function OverstaysView({ state, demo }: { state: RequestState<AreaOverstays>; demo: boolean }) {
  const { t, format } = usePanelText();
  // A role that may not read the list gets no block, not an error.
  if (state.status === 'error' && isNotPermitted(state.error)) return null;
  return (
    <PanelBlock title={t('people.overstays')} note={t('people.overstaysNote')} demo={demo} testId="detail-overstays">
      {state.status !== 'ok' ? (
        state.status === 'error' ? (
          <PanelError error={state.error} />
        ) : (
          <PanelLoading />
        )
      ) : (
        (() => {
          const { counts, items } = state.data;
          return (
            <>
              <dl className="panel-stats">
                <div className="panel-stat panel-stat-total">
                  <dt>{t('people.overstayPeople')}</dt>
                  <dd data-testid="overstays-total">{format.number(counts.total)}</dd>
                </div>
                <div className="panel-stat">
                  <dt>{t('area.itas')}</dt>
                  <dd>{format.number(counts.itas)}</dd>
                </div>
                <div className="panel-stat">
                  <dt>{t('area.itap')}</dt>
                  <dd>{format.number(counts.itap)}</dd>
                </div>
                <div className="panel-stat">
                  <dt>{t('area.visit')}</dt>
                  <dd>{format.number(counts.visit)}</dd>
                </div>
              </dl>
              {counts.total > 0 && counts.byDistrict.length > 0 && (
                <p className="panel-muted" data-testid="overstays-districts">
                  {counts.byDistrict
                    .slice(0, 3)
                    .map((row) => `${row.name ?? t('people.noDistrict')} ${format.number(row.count)}`)
                    .join(' · ')}
                </p>
              )}
              {items && items.length > 0 && (
                <ol className="panel-list" data-testid="overstays-list">
                  {items.slice(0, NAMES_SHOWN).map((item) => (
                    <li key={item.personId} className="panel-item panel-item-row">
                      <span>
                        <a className="panel-item-name" href={personHref(item.personId)}>
                          {item.name}
                        </a>
                        <span className="panel-item-meta">
                          {nationalityName(item.nationality, format.lang)} · {enumText(t, 'area', item.permit.type)}{' '}
                          {t('people.endedOn', { date: format.dateShort(item.permit.expiresOn) })}
                        </span>
                      </span>
                      <span className="panel-item-figure">{t('people.daysOver', { count: item.daysOver, value: format.number(item.daysOver) })}</span>
                    </li>
                  ))}
                </ol>
              )}
              {items && items.length > NAMES_SHOWN && <p className="panel-muted">{t('people.moreInExport', { count: items.length - NAMES_SHOWN })}</p>}
            </>
          );
        })()
      )}
    </PanelBlock>
  );
}

function ExpiringBlock({ code, asOf, filter, demo }: { code: string; asOf: string; filter: PermitFilterParams; demo: boolean }) {
  const { t, format } = usePanelText();
  const [within, setWithin] = useState<(typeof WINDOWS)[number]>(30);
  const state = useApiRequest(`panel-expiring:${code}:${asOf}:${within}:${JSON.stringify(filter)}`, (signal) =>
    getAreaExpiring(code, asOf, within, filter, signal),
  );
  if (state.status === 'error' && isNotPermitted(state.error)) return null;
  return (
    <PanelBlock title={t('people.expiring')} note={t('people.expiringNote', { date: format.date(asOf) })} demo={demo} testId="detail-expiring">
      <div className="panel-choice" role="group" aria-label={t('people.within')}>
        {WINDOWS.map((days) => (
          <button
            key={days}
            type="button"
            className={`panel-choice-button${days === within ? ' active' : ''}`}
            aria-pressed={days === within}
            onClick={() => setWithin(days)}
            data-testid={`expiring-within-${days}`}
          >
            {t('people.withinDays', { count: days })}
          </button>
        ))}
      </div>
      {state.status !== 'ok' ? (
        state.status === 'error' ? (
          <PanelError error={state.error} />
        ) : (
          <PanelLoading />
        )
      ) : (
        (() => {
          const { counts, items } = state.data;
          return (
            <>
              <dl className="panel-stats">
                <div className="panel-stat panel-stat-total">
                  <dt>{t('people.expiringPeople')}</dt>
                  <dd data-testid="expiring-people">{format.number(counts.people)}</dd>
                </div>
                <div className="panel-stat">
                  <dt>{t('people.notRenewed')}</dt>
                  <dd data-testid="expiring-not-renewed">{format.number(counts.notRenewedPeople)}</dd>
                </div>
                <div className="panel-stat">
                  <dt>{t('area.permits')}</dt>
                  <dd>{format.number(counts.permits)}</dd>
                </div>
              </dl>
              {counts.bySponsor && counts.bySponsor.length > 0 && (
                <ol className="panel-list" data-testid="expiring-sponsors">
                  {counts.bySponsor.slice(0, 5).map((sponsor) => (
                    <li key={sponsor.id ?? 'none'} className="panel-item panel-item-row">
                      <span>
                        <span className="panel-item-name">{sponsor.name ?? t('people.noSponsor')}</span>
                      </span>
                      <span className="panel-item-figure">
                        {t('people.sponsorLine', { people: format.number(sponsor.people), notRenewed: format.number(sponsor.notRenewed) })}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              {items && items.length > 0 && (
                <ol className="panel-list" data-testid="expiring-list">
                  {items.slice(0, NAMES_SHOWN).map((item) => (
                    <li key={item.permitId} className="panel-item panel-item-row">
                      <span>
                        {item.personId === null ? (
                          <span className="panel-item-name">{item.name}</span>
                        ) : (
                          <a className="panel-item-name" href={personHref(item.personId)}>
                            {item.name}
                          </a>
                        )}
                        <span className="panel-item-meta">
                          {nationalityName(item.nationality, format.lang)} · {enumText(t, 'area', item.permitType)}{' '}
                          {t('people.endsOn', { date: format.dateShort(item.expiresOn) })}
                          {item.renewed ? ` · ${t('people.renewed')}` : ''}
                        </span>
                      </span>
                      <span className="panel-item-figure">{t('people.daysLeft', { count: item.daysLeft, value: format.number(item.daysLeft) })}</span>
                    </li>
                  ))}
                </ol>
              )}
            </>
          );
        })()
      )}
    </PanelBlock>
  );
}
