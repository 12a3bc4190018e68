// The shown point and area layers' symbols on the map itself: the sidebar's layer list carries them
// too, but once the sidebar is closed (as on a projector) nothing else said what the dots mean.
import { useTranslation } from 'react-i18next';
import type { OverlayLayer } from '../state/view-state.js';
import { OVERLAYS } from './overlay-style.js';

export function OverlayKey({ layers }: { layers: readonly OverlayLayer[] }) {
  const { t } = useTranslation('map');
  if (layers.length === 0) return null;
  return (
    <section className="legend map-card overlay-key" data-testid="overlay-key" aria-label={t('layers.title')}>
      {layers.map((layer) => (
        <div key={layer}>
          <h2 className="legend-title">{t(`layers.${layer}`)}</h2>
          <ul className="legend-rows">
            {OVERLAYS[layer].legend.map((entry) => (
              <li key={entry.key} className="legend-row">
                <span
                  className={`legend-symbol legend-symbol-${entry.shape}`}
                  style={entry.shape === 'outline' ? { borderColor: entry.color } : { backgroundColor: entry.color }}
                  aria-hidden="true"
                />
                {t(`legend.${entry.key}` as 'legend.noData')}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
