import { nationalityName } from '@pantau/domain';
import { isNotPermitted } from '../api/api-client.js';
import { getAreaComparison, type AreaComparison, type PermitFilterParams } from '../api/panels-api.js';
import { useApiRequest } from '../api/use-api-request.js';
import { largestChanges } from './compare-rows.js';
import { PanelBlock } from './panel-frame.js';
import { ChangeValue, PanelError, PanelLoading, SourceLine, type SourceEntry } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

const NATIONALITY_ROWS = 8;

/** Holders on `compareWith` against holders on `asOf`: by permit type, then by nationality. */
export function CompareBlock({
  code,
  from,
  to,
  filter,
  sources,
  demo,
}: {
  code: string;
  from: string;
  to: string;
  filter: PermitFilterParams;
  sources: readonly SourceEntry[];
  demo: boolean;
}) {
  const { t } = usePanelText();
  const key = `panel-compare:${code}:${from}:${to}:${JSON.stringify(filter)}`;
  const comparison = useApiRequest(key, (signal) => getAreaComparison(code, from, to, filter, signal));
  // A role that may not read the comparison gets no block, not an error.
  if (comparison.status === 'error' && isNotPermitted(comparison.error)) return null;
  return (
    <PanelBlock title={t('compare.title')} demo={demo} className="panel-compare" testId="compare-block">
      {comparison.status === 'ok' ? (
        <CompareTables comparison={comparison.data} />
      ) : comparison.status === 'error' ? (
        <PanelError error={comparison.error} />
      ) : (
        <PanelLoading />
      )}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}

export function CompareTables({ comparison }: { comparison: AreaComparison }) {
  const { t, format } = usePanelText();
  const { a, b, change } = comparison;
  const typeRows = [
    { key: 'itas', label: t('area.itas'), a: a.itas, b: b.itas, change: change.itas },
    { key: 'itap', label: t('area.itap'), a: a.itap, b: b.itap, change: change.itap },
    { key: 'visit', label: t('area.visit'), a: a.visit, b: b.visit, change: change.visit },
    { key: 'total', label: t('area.total'), a: a.total, b: b.total, change: change.total },
  ];
  const { shown, hidden } = largestChanges(change.byNationality, NATIONALITY_ROWS);
  const dateHeaders = (
    <>
      <th scope="col" className="panel-num">
        <time dateTime={a.date}>{format.dateShort(a.date)}</time>
      </th>
      <th scope="col" className="panel-num">
        <time dateTime={b.date}>{format.dateShort(b.date)}</time>
      </th>
      <th scope="col" className="panel-num">
        {t('compare.change')}
      </th>
    </>
  );
  return (
    <>
      <p className="panel-compare-period">{t('compare.period', { a: format.date(a.date), b: format.date(b.date) })}</p>
      <table className="panel-table" data-testid="compare-types">
        <thead>
          <tr>
            <th scope="col">{t('compare.type')}</th>
            {dateHeaders}
          </tr>
        </thead>
        <tbody>
          {typeRows.map((row) => (
            <tr key={row.key} className={row.key === 'total' ? 'panel-table-total' : undefined} data-change-row={row.key}>
              <th scope="row">{row.label}</th>
              <td className="panel-num">{format.number(row.a)}</td>
              <td className="panel-num">{format.number(row.b)}</td>
              <td className="panel-num">
                <ChangeValue change={row.change} format={format} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4 className="panel-subtitle">{t('compare.byNationality')}</h4>
      {shown.length === 0 ? (
        <p className="panel-empty">{t('compare.noChange')}</p>
      ) : (
        <table className="panel-table" data-testid="compare-nationalities">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('area.topNationalities')}</span>
              </th>
              {dateHeaders}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.code}>
                <th scope="row">{nationalityName(row.code, format.lang)}</th>
                <td className="panel-num">{format.number(row.a)}</td>
                <td className="panel-num">{format.number(row.b)}</td>
                <td className="panel-num">
                  <ChangeValue change={row.change} format={format} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hidden > 0 && <p className="panel-muted">{t('compare.more', { count: hidden })}</p>}
    </>
  );
}
