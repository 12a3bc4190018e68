// A risk area's panel: category, severity, the days it holds, description, source and area.
import type { RiskAreaRecord } from '../api/panels-api.js';
import { PanelBlock } from './panel-frame.js';
import { enumText, FactList } from './panel-parts.js';
import { SeverityBadge, validity } from './record-badges.js';
import { areaFact, textFact, type AreaLinking } from './record-facts.js';
import { usePanelText } from './use-panel-format.js';

export function RiskAreaBody({ risk, onSelectArea }: { risk: RiskAreaRecord } & AreaLinking) {
  const { t, format } = usePanelText();
  return (
    <PanelBlock title={t('record.details')}>
      <p className="panel-badges">
        <span className="panel-badge panel-badge-category">{enumText(t, 'riskCategory', risk.category)}</span>
        <SeverityBadge severity={risk.severity} />
      </p>
      <FactList
        facts={[
          [t('record.category'), enumText(t, 'riskCategory', risk.category)],
          [t('record.severity'), enumText(t, 'severity', risk.severity)],
          risk.validFrom ? [t('record.valid'), validity(t, format, risk.validFrom, risk.validTo)] : null,
          textFact(t('record.description'), risk.description),
          risk.source ? [t('record.infoSource'), risk.source] : null,
          areaFact(t('record.area'), risk.regencyCode, { onSelectArea }),
        ]}
      />
    </PanelBlock>
  );
}
