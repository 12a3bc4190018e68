// The area's holders by the purpose of their stay.
import type { AreaSummary } from '../api/panels-api.js';
import { BarList } from './bar-list.js';
import { PanelBlock } from './panel-frame.js';
import { enumText, SourceLine, type SourceEntry } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

export function PurposesBlock({ holders, sources, demo }: { holders: AreaSummary['holders']; sources: readonly SourceEntry[]; demo: boolean }) {
  const { t, format } = usePanelText();
  return (
    <PanelBlock title={t('area.purposes')} demo={demo}>
      {holders.byPurpose.length === 0 ? (
        <p className="panel-empty">{t('area.noneHolders')}</p>
      ) : (
        <BarList format={format} items={holders.byPurpose.map((row) => ({ key: row.purpose, label: enumText(t, 'purpose', row.purpose), count: row.count }))} />
      )}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}
