import { useTranslation } from 'react-i18next';
import { OVERLAYS, type LegendEntry } from '../map/overlay-style.js';
import { PLANNING_LAYER_PARAMS } from '../map/tile-urls.js';
import type { OverlayLayer } from '../state/view-state.js';

function Swatch({ entry }: { entry: LegendEntry }) {
  // An outlined overlay (risk areas) is drawn as its dashed outline, as on the map.
  const style = entry.shape === 'outline' ? { borderColor: entry.color } : { backgroundColor: entry.color };
  return <span className={`legend-symbol legend-symbol-${entry.shape}`} style={style} aria-hidden="true" />;
}

/** A checkbox per layer the role may see (`available`); a layer that is on shows its legend under its name. */
export function LayerList({
  layers,
  available,
  onChange,
  hotSpotsNeedArea = false,
}: {
  layers: readonly OverlayLayer[];
  available: readonly OverlayLayer[];
  onChange(layers: OverlayLayer[]): void;
  /** A national user on no area: the hot spots are not drawn until one is chosen. */
  hotSpotsNeedArea?: boolean;
}) {
  const { t } = useTranslation('map');
  if (available.length === 0) return null;
  return (
    <fieldset className="field-group layer-list" data-testid="layer-list">
      <legend>{t('layers.title')}</legend>
      <ul>
        {available.map((layer) => {
          const on = layers.includes(layer);
          return (
            <li key={layer} className="layer-item">
              <label className="check">
                <input
                  type="checkbox"
                  checked={on}
                  data-testid={`layer-toggle-${layer}`}
                  onChange={(event) => onChange(event.target.checked ? [...layers, layer] : layers.filter((shown) => shown !== layer))}
                />
                <span>{t(`layers.${layer}`)}</span>
              </label>
              {on && (
                <ul className="layer-legend" data-testid={`layer-legend-${layer}`}>
                  {OVERLAYS[layer].legend.map((entry) => (
                    <li key={entry.key}>
                      <Swatch entry={entry} />
                      {t(`legend.${entry.key}` as 'legend.noData')}
                    </li>
                  ))}
                  {OVERLAYS[layer].note && (
                    <li className="field-hint" data-testid={`layer-note-${layer}`}>
                      {t(`legend.${OVERLAYS[layer].note}` as 'legend.noData', PLANNING_LAYER_PARAMS)}
                    </li>
                  )}
                  {layer === 'hotspots' && hotSpotsNeedArea && (
                    <li className="field-hint field-warning" role="status" data-testid="layer-needs-area-hotspots">
                      {t('legend.hotspot.needsArea')}
                    </li>
                  )}
                  {layer === 'risk' && <li className="field-hint">{t('legend.risk.severity')}</li>}
                  {(layer === 'sites' || layer === 'operations' || layer === 'reports') && <li className="field-hint">{t('legend.cluster')}</li>}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
