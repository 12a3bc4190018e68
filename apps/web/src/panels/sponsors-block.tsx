// The area's sponsors with the most active permits (hidden from a role that may not see companies).
import type { AreaSummary } from '../api/panels-api.js';
import { PanelBlock } from './panel-frame.js';
import { DemoMarker, enumText, HiddenForRole, SourceLine, type SourceEntry } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

export function SponsorsBlock({ sponsors, sources }: { sponsors: AreaSummary['topSponsors']; sources: readonly SourceEntry[] }) {
  const { t, format } = usePanelText();
  return (
    <PanelBlock title={t('area.sponsors')}>
      {sponsors === undefined ? (
        <p className="panel-empty">
          <HiddenForRole />
        </p>
      ) : sponsors.length === 0 ? (
        <p className="panel-empty">{t('area.noneSponsor')}</p>
      ) : (
        <ol className="panel-list">
          {sponsors.map((sponsor) => (
            <li key={sponsor.id} className="panel-item panel-item-row">
              <span>
                <span className="panel-item-name">
                  {sponsor.name} <DemoMarker origin={sponsor.origin} />
                </span>
                {sponsor.sector && <span className="panel-item-meta">{enumText(t, 'sector', sponsor.sector)}</span>}
              </span>
              <span className="panel-item-figure">
                {t('area.activePermits', { count: sponsor.activePermits, value: format.number(sponsor.activePermits) })}
              </span>
            </li>
          ))}
        </ol>
      )}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}
