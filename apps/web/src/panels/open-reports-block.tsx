// The area's open reports: how many, and the latest (category, channel, status) for a role that may read them.
import type { AreaSummary } from '../api/panels-api.js';
import { PanelBlock } from './panel-frame.js';
import { DemoMarker, enumText, HiddenForRole, SourceLine, type SourceEntry } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

export function OpenReportsBlock({ openReports, sources }: { openReports: AreaSummary['openReports']; sources: readonly SourceEntry[] }) {
  const { t, format } = usePanelText();
  return (
    <PanelBlock title={t('area.openReports')}>
      {openReports.count === 0 ? (
        <p className="panel-empty">{t('area.noneReport')}</p>
      ) : (
        <>
          <p>
            <strong className="panel-figure">{format.number(openReports.count)}</strong> {t('area.openReportsLabel')}
            {openReports.items && openReports.items.length < openReports.count && (
              <span className="panel-muted"> ({t('area.openReportsShown', { shown: format.number(openReports.items.length) })})</span>
            )}
          </p>
          {openReports.items ? (
            <ol className="panel-list">
              {openReports.items.map((report) => (
                <li key={report.id} className="panel-item">
                  <span className="panel-item-head">
                    <time className="panel-item-date" dateTime={report.receivedOn}>
                      {format.date(report.receivedOn)}
                    </time>{' '}
                    <DemoMarker origin={report.origin} />
                  </span>
                  <span className="panel-item-name">{enumText(t, 'reportCategory', report.category)}</span>
                  <span className="panel-item-meta">
                    {enumText(t, 'channel', report.channel)} · {enumText(t, 'reportStatus', report.status)}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="panel-empty">
              <HiddenForRole />
            </p>
          )}
        </>
      )}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}
