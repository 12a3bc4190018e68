import { nationalityName } from '@pantau/domain';
import type { NationalityCount } from '../api/types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The area under the pointer, with what the map knows about it. */
export interface HoveredAreaInfo {
  code: string;
  name: string;
  /** The province's name, for regencies. */
  parentName: string | null;
  /** Holders counted on the map (ITAS + ITAP), from the area's tile; `null` = no data. */
  holderCount: number | null;
  /** The breakdown of `holderCount`; `null` when the tile has no counts. */
  permitCounts: { itas: number; itap: number } | null;
  /** From the permit statistics, most holders first; empty until they are loaded. */
  topNationalities: readonly NationalityCount[];
}

const TOP_NATIONALITIES_SHOWN = 3;

/** Names and counts live here rather than on the map: the map has no glyphs for text labels. */
export function AreaHoverPanel({ area }: { area: HoveredAreaInfo | null }) {
  const { t, lang, format } = useI18n();

  if (!area) {
    return (
      <aside className="hover-panel" data-testid="hover-info" aria-live="polite">
        <p className="hover-hint">{t.hoverHint}</p>
      </aside>
    );
  }

  const topNationalities = area.topNationalities.slice(0, TOP_NATIONALITIES_SHOWN);
  return (
    <aside className="hover-panel" data-testid="hover-info" data-area-code={area.code} aria-live="polite">
      <h2 className="hover-name">{area.name}</h2>
      {area.parentName && (
        <p className="hover-parent">
          {t.provinceOf} {area.parentName}
        </p>
      )}
      {area.holderCount === null ? (
        <p className="hover-count">{t.noData}</p>
      ) : (
        <p className="hover-count">
          <strong>{format.number(area.holderCount)}</strong> {t.holders}
        </p>
      )}
      {area.permitCounts && (
        <p className="hover-breakdown">
          {t.itas} {format.number(area.permitCounts.itas)} · {t.itap} {format.number(area.permitCounts.itap)}
        </p>
      )}
      {topNationalities.length > 0 && (
        <>
          <h3 className="hover-subtitle">{t.topNationalities}</h3>
          <ol className="hover-nationalities">
            {topNationalities.map((nationality) => (
              <li key={nationality.code}>
                <span>{nationalityName(nationality.code, lang)}</span>
                <span className="hover-nationality-count">{format.number(nationality.count)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
