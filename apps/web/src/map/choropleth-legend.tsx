import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { Measure } from '../state/view-state.js';
import { displayValue } from './choropleth.js';
import type { ChoroplethClass } from './choropleth-classes.js';
import { CONTEXT_LAND_COLOR, NO_DATA_COLOR } from './map-style.js';

export interface ChoroplethLegendProps {
  classes: readonly ChoroplethClass[];
  measure: Measure;
  /** "ITAS + ITAP", as the filters count. */
  typesLabel: string;
  /** The area the classes are computed within, when drilled into one. */
  parentName: string | null;
}

/** A class's range as shown in the legend (and printed on the exported image). */
export function classRangeLabel({ lower, upper }: ChoroplethClass, measure: Measure, number: (value: number, digits?: number) => string): string {
  const digits = measure === 'density' ? 1 : 0;
  const show = (value: number) => number(displayValue(value, measure), digits);
  return lower === upper ? show(lower) : `${show(lower)} – ${show(upper)}`;
}

/** The classes as swatches with their ranges, lowest first, then "no data" (and "outside" when drilled in). */
export function ChoroplethLegend({ classes, measure, typesLabel, parentName }: ChoroplethLegendProps) {
  const { t } = useTranslation('map');
  const format = useFormat();
  const title = measure === 'density' ? t('legend.titleDensity', { types: typesLabel }) : t('legend.title', { types: typesLabel });

  return (
    <section className="legend map-card" data-testid="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend-title">
        {title}
      </h2>
      <ul className="legend-rows">
        {classes.map((choroplethClass) => (
          <li key={choroplethClass.upper} className="legend-row" data-testid="legend-class">
            <span className="legend-swatch" style={{ backgroundColor: choroplethClass.color }} aria-hidden="true" />
            {classRangeLabel(choroplethClass, measure, format.number)}
          </li>
        ))}
        <li className="legend-row" data-testid="legend-no-data">
          <span className="legend-swatch" style={{ backgroundColor: NO_DATA_COLOR }} aria-hidden="true" />
          {t('legend.noData')}
        </li>
        {parentName !== null && (
          <li className="legend-row">
            <span className="legend-swatch" style={{ backgroundColor: CONTEXT_LAND_COLOR }} aria-hidden="true" />
            {t('legend.outside')}
          </li>
        )}
      </ul>
      {classes.length > 0 && <p className="legend-note">{t('legend.method', { count: classes.length })}</p>}
      {parentName !== null && <p className="legend-note">{t('legend.within', { name: parentName })}</p>}
    </section>
  );
}
