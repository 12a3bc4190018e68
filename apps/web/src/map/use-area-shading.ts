// Shade the areas of the level: the class colours as a step on each tile feature's value. The map is
// not ready from then until the idle handler (use-map-instance) has seen the new tiles painted.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { MapLevel, Measure } from '../state/view-state.js';
import type { ChoroplethClass } from './choropleth-classes.js';
import { areaFillLayerId, fillColorExpression } from './map-style.js';
import { signalMapReady } from './ready-signal.js';
import type { TileFilters } from './tile-urls.js';
import type { MapRefs } from './use-map-refs.js';

interface AreaShading {
  level: MapLevel;
  filters: TileFilters | null;
  classes: readonly ChoroplethClass[] | null;
  measure: Measure;
  parent: string | null;
}

export function useAreaShading(map: MapLibreMap | null, areaLayersAdded: boolean, { level, filters, classes, measure, parent }: AreaShading, refs: MapRefs) {
  const filtersKey = filters ? JSON.stringify(filters) : null;
  const classesKey = classes ? JSON.stringify(classes) : null;
  useEffect(() => {
    // Whatever was painted before no longer matches the inputs, even while they are still loading.
    signalMapReady(false);
    refs.paintPending.current = false;
    if (!map || !areaLayersAdded) return;
    map.setPaintProperty(areaFillLayerId(level), 'fill-color', fillColorExpression(classes ?? [], measure, parent));
    if (!classes) return;
    refs.paintPending.current = true;
    map.triggerRepaint();
    // One idle after this is not guaranteed to come once the new tiles are in (seen under CPU load
    // in CI: the map sat loaded and still with the flag unset), so ask for a frame now and then
    // until the idle handler has seen the painted tiles.
    const repaintUntilPainted = window.setInterval(() => {
      if (refs.paintPending.current) map.triggerRepaint();
      else window.clearInterval(repaintUntilPainted);
    }, 250);
    return () => window.clearInterval(repaintUntilPainted);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `classes` is read through its key
  }, [map, areaLayersAdded, level, filtersKey, classesKey, measure, parent, refs]);
}
