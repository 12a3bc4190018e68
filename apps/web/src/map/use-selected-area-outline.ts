// The selected area's outline, at every level.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { MAP_LEVELS } from '../state/view-state.js';
import { areaSelectedLayerId, selectedAreaFilter } from './map-style.js';

export function useSelectedAreaOutline(map: MapLibreMap | null, areaLayersAdded: boolean, selectedArea: string | null) {
  useEffect(() => {
    if (!map || !areaLayersAdded) return;
    for (const layerLevel of MAP_LEVELS) map.setFilter(areaSelectedLayerId(layerLevel), selectedAreaFilter(selectedArea));
  }, [map, areaLayersAdded, selectedArea]);
}
