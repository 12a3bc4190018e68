// Show the shaded level's layers and hide the others'; a hovered area of a hidden level is no longer under the pointer.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { MAP_LEVELS, type MapLevel } from '../state/view-state.js';
import { levelLayerIds } from './map-style.js';
import type { MapRefs } from './use-map-refs.js';

export function useShownLevel(map: MapLibreMap | null, areaLayersAdded: boolean, level: MapLevel, refs: MapRefs) {
  useEffect(() => {
    if (!map || !areaLayersAdded) return;
    if (refs.hovered.current && refs.hovered.current.level !== level) refs.clearHovered.current();
    for (const layerLevel of MAP_LEVELS) {
      const shown = layerLevel === level ? 'visible' : 'none';
      for (const layerId of levelLayerIds(layerLevel)) map.setLayoutProperty(layerId, 'visibility', shown);
    }
    map.setLayoutProperty('regency-boundary', 'visibility', level === 'district' ? 'visible' : 'none');
  }, [map, areaLayersAdded, level, refs]);
}
