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
  /** The classes are being counted: the legend keeps the room its rows will take. */
  loading?: boolean;
  /** Folded to its title and a strip of the class colours, so it covers less of the map. */
  collapsed?: boolean;
  onToggle?(): void;
}

/** A class's range as shown in the legend (and printed on the exported image). */
export function classRangeLabel({ lower, upper }: ChoroplethClass, measure: Measure, number: (value: number, digits?: number) => string): string {
  const digits = measure === 'density' ? 1 : 0;
  const show = (value: number) => number(displayValue(value, measure), digits);
  return lower === upper ? show(lower) : `${show(lower)} – ${show(upper)}`;
}

/** The classes as swatches with their ranges, lowest first, then "no data" (and "outside" when drilled in). */
export function ChoroplethLegend({ classes, measure, typesLabel, parentName, loading = false, collapsed = false, onToggle }: ChoroplethLegendProps) {
  const { t } = useTranslation('map');
  const format = useFormat();
  const title = measure === 'density' ? t('legend.titleDensity', { types: typesLabel }) : t('legend.title', { types: typesLabel });
  const first = classes[0];
  const last = classes[classes.length - 1];

  return (
    <section
      className={`legend map-card${collapsed ? ' legend-collapsed' : ''}`}
      data-testid="legend"
      data-collapsed={collapsed}
      aria-labelledby="legend-title"
      aria-busy={loading}
    >
      <div className="legend-head">
        <h2 id="legend-title" className="legend-title">
          {title}
        </h2>
        {onToggle && (
          <button
            type="button"
            className="legend-toggle"
            aria-expanded={!collapsed}
            aria-controls="legend-body"
            title={collapsed ? t('legend.expand') : t('legend.collapse')}
            onClick={onToggle}
            data-testid="legend-toggle"
          >
            <span aria-hidden="true">{collapsed ? '+' : '−'}</span>
            <span className="visually-hidden">{collapsed ? t('legend.expand') : t('legend.collapse')}</span>
          </button>
        )}
      </div>
      {collapsed && first && last && (
        <p className="legend-strip" data-testid="legend-strip">
          <span>{format.number(displayValue(first.lower, measure), measure === 'density' ? 1 : 0)}</span>
          {classes.map((choroplethClass) => (
            <span key={choroplethClass.upper} className="legend-swatch" style={{ backgroundColor: choroplethClass.color }} aria-hidden="true" />
          ))}
          <span>{format.number(displayValue(last.upper, measure), measure === 'density' ? 1 : 0)}</span>
        </p>
      )}
      <div id="legend-body" hidden={collapsed}>
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
      </div>
    </section>
  );
}
