import { useI18n } from '../i18n/i18n-context.js';
import type { ChoroplethClass } from './choropleth-classes.js';
import { NO_DATA_COLOR } from './map-style.js';

export interface ChoroplethLegendProps {
  classes: readonly ChoroplethClass[];
}

/** The classes as swatches with their count ranges, lowest first, then the "no data" swatch. */
export function ChoroplethLegend({ classes }: ChoroplethLegendProps) {
  const { t, format } = useI18n();
  const rangeLabel = ({ lower, upper }: ChoroplethClass) =>
    lower === upper ? format.number(lower) : `${format.number(lower)} – ${format.number(upper)}`;

  return (
    <section className="legend" data-testid="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend-title">
        {t.legendTitle}
      </h2>
      <ul className="legend-rows">
        {classes.map((choroplethClass) => (
          <li key={choroplethClass.upper} className="legend-row" data-testid="legend-class">
            <span className="legend-swatch" style={{ backgroundColor: choroplethClass.color }} aria-hidden="true" />
            {rangeLabel(choroplethClass)}
          </li>
        ))}
        <li className="legend-row" data-testid="legend-no-data">
          <span className="legend-swatch" style={{ backgroundColor: NO_DATA_COLOR }} aria-hidden="true" />
          {t.noData}
        </li>
      </ul>
      {classes.length > 0 && <p className="legend-note">{t.legendMethod(classes.length)}</p>}
    </section>
  );
}
