// The risk areas in the area: category, severity and the days they hold (hidden from a role that may not see them).
import type { AreaSummary } from '../api/panels-api.js';
import { PanelBlock } from './panel-frame.js';
import { DemoMarker, enumText, HiddenForRole, SourceLine, type SourceEntry } from './panel-parts.js';
import { SeverityBadge, validity } from './record-badges.js';
import { usePanelText } from './use-panel-format.js';

export function RiskAreasBlock({ riskAreas, sources }: { riskAreas: AreaSummary['riskAreas']; sources: readonly SourceEntry[] }) {
  const { t, format } = usePanelText();
  return (
    <PanelBlock title={t('area.riskAreas')}>
      {riskAreas === undefined ? (
        <p className="panel-empty">
          <HiddenForRole />
        </p>
      ) : riskAreas.length === 0 ? (
        <p className="panel-empty">{t('area.noneRisk')}</p>
      ) : (
        <ul className="panel-list">
          {riskAreas.map((risk) => (
            <li key={risk.id} className="panel-item">
              <span className="panel-badges">
                <span className="panel-badge panel-badge-category">{enumText(t, 'riskCategory', risk.category)}</span>
                <SeverityBadge severity={risk.severity} />
                <DemoMarker origin={risk.origin} />
              </span>
              <span className="panel-item-name">{risk.name}</span>
              <span className="panel-item-meta">{validity(t, format, risk.validFrom, risk.validTo)}</span>
            </li>
          ))}
        </ul>
      )}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}
