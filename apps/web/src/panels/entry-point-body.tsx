// An entry point's panel: its kind and the areas it lies in.
import type { EntryPointRecord } from '../api/panels-api.js';
import { PanelBlock } from './panel-frame.js';
import { enumText, FactList } from './panel-parts.js';
import { areaFact, type AreaLinking } from './record-facts.js';
import { usePanelText } from './use-panel-format.js';

export function EntryPointBody({ entryPoint, onSelectArea }: { entryPoint: EntryPointRecord } & AreaLinking) {
  const { t } = usePanelText();
  return (
    <PanelBlock title={t('record.details')}>
      <FactList
        facts={[
          [t('record.kind'), enumText(t, 'entryPointKind', entryPoint.kind)],
          areaFact(t('record.area'), entryPoint.regencyCode, { onSelectArea }),
          areaFact(t('record.district'), entryPoint.districtCode, { onSelectArea }),
        ]}
      />
    </PanelBlock>
  );
}
