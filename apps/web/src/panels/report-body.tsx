// A report's panel: when it came in (the area's local time), category, channel, status and district; no personal data.
import type { ReportRecord } from '../api/panels-api.js';
import { TIME_ZONES, timeZoneOfArea } from './panel-format.js';
import { PanelBlock } from './panel-frame.js';
import { enumText, FactList } from './panel-parts.js';
import { areaFact, type AreaLinking } from './record-facts.js';
import { usePanelText } from './use-panel-format.js';

export function ReportBody({ report, onSelectArea }: { report: ReportRecord } & AreaLinking) {
  const { t, format } = usePanelText();
  const zone = timeZoneOfArea(report.districtCode);
  return (
    <PanelBlock title={t('record.details')}>
      <FactList
        facts={[
          [
            t('record.receivedAt'),
            <time dateTime={report.receivedAt}>
              {format.dateTime(report.receivedAt, TIME_ZONES[zone])} {zone}
            </time>,
          ],
          [t('record.category'), enumText(t, 'reportCategory', report.category)],
          [t('record.channel'), enumText(t, 'channel', report.channel)],
          [t('record.status'), enumText(t, 'reportStatus', report.status)],
          areaFact(t('record.district'), report.districtCode, { onSelectArea }),
        ]}
      />
      <p className="panel-muted">{t('record.noPersonalData')}</p>
    </PanelBlock>
  );
}
