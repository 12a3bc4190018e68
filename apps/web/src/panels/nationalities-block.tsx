// The area's holders by nationality: the first few as bars, the rest as one line (how many nationalities, how many people).
import { nationalityName } from '@pantau/domain';
import type { AreaSummary } from '../api/panels-api.js';
import { BarList } from './bar-list.js';
import { PanelBlock } from './panel-frame.js';
import { SourceLine, type SourceEntry } from './panel-parts.js';
import { usePanelText } from './use-panel-format.js';

const NATIONALITIES_SHOWN = 8;

export function NationalitiesBlock({ holders, sources, demo }: { holders: AreaSummary['holders']; sources: readonly SourceEntry[]; demo: boolean }) {
  const { t, format } = usePanelText();
  const otherNationalities = holders.byNationality.slice(NATIONALITIES_SHOWN);
  return (
    <PanelBlock title={t('area.topNationalities')} demo={demo}>
      {holders.byNationality.length === 0 ? (
        <p className="panel-empty">{t('area.noneHolders')}</p>
      ) : (
        <BarList
          testId="detail-nationalities"
          format={format}
          items={holders.byNationality.slice(0, NATIONALITIES_SHOWN).map((row) => ({
            key: row.code,
            label: nationalityName(row.code, format.lang),
            count: row.count,
          }))}
        />
      )}
      {otherNationalities.length > 0 && (
        <p className="panel-muted">
          {t('area.otherNationalities', {
            count: otherNationalities.length,
            holders: (() => {
              const people = otherNationalities.reduce((sum, row) => sum + row.count, 0);
              return t('area.peopleCount', { count: people, n: format.number(people) });
            })(),
          })}
        </p>
      )}
      <SourceLine entries={sources} />
    </PanelBlock>
  );
}
