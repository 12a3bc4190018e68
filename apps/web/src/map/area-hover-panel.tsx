import { nationalityName } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import type { NationalityCount } from '@pantau/domain';
import { useFormat } from '../i18n/format.js';
import type { MapLevel } from '../state/view-state.js';

/** The area under the pointer, with what the map knows about it. */
export interface HoveredAreaInfo {
  code: string;
  level: MapLevel;
  name: string;
  /** The area it lies in (province of a regency, regency of a district). */
  parentName: string | null;
  /** Holders counted for the filters, from the area's tile; `null` = no data. */
  holderCount: number | null;
  /** Per 1,000 km², when the map shows density. */
  density: number | null;
  permitCounts: { itas: number; itap: number; visit: number } | null;
  /** From the permit statistics, most holders first; empty until they are loaded. */
  topNationalities: readonly NationalityCount[];
}

const TOP_NATIONALITIES_SHOWN = 3;

export function AreaHoverPanel({ area, typesLabel }: { area: HoveredAreaInfo | null; typesLabel: string }) {
  const { t } = useTranslation('map');
  const format = useFormat();

  if (!area) {
    return (
      <aside className="hover-panel map-card" data-testid="hover-info" aria-live="polite">
        <p className="hover-hint">{t('hover.hint')}</p>
      </aside>
    );
  }

  const topNationalities = area.topNationalities.slice(0, TOP_NATIONALITIES_SHOWN);
  return (
    <aside className="hover-panel map-card" data-testid="hover-info" data-area-code={area.code} aria-live="polite">
      <h2 className="hover-name">{area.name}</h2>
      {area.parentName && <p className="hover-parent">{area.level === 'regency' ? t('hover.provinceOf', { name: area.parentName }) : area.parentName}</p>}
      {area.holderCount === null ? (
        <p className="hover-count">{t('hover.noData')}</p>
      ) : (
        <p className="hover-count">
          <strong>{format.number(area.holderCount)}</strong> {t('hover.holders', { types: typesLabel })}
        </p>
      )}
      {area.density !== null && <p className="hover-breakdown">{t('hover.perArea', { value: format.number(area.density, 1) })}</p>}
      {area.permitCounts && (
        <p className="hover-breakdown">
          ITAS {format.number(area.permitCounts.itas)} · ITAP {format.number(area.permitCounts.itap)}
          {area.permitCounts.visit > 0 && ` · ${t('hover.visit')} ${format.number(area.permitCounts.visit)}`}
        </p>
      )}
      {topNationalities.length > 0 && (
        <>
          <h3 className="hover-subtitle">{t('hover.topNationalities')}</h3>
          <ol className="hover-nationalities">
            {topNationalities.map((nationality) => (
              <li key={nationality.code}>
                <span>{nationalityName(nationality.code, format.lang)}</span>
                <span className="hover-nationality-count">{format.number(nationality.count)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
