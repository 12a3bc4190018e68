// The areas of every level for the filters: added the first time, then pointed at the new TileJSON
// (the overlays' sources too).
import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { useEffect } from 'react';
import { MAP_LEVELS, OVERLAY_LAYERS } from '../state/view-state.js';
import { areaSourceId, areaSourcesAndLayers, areaTileJsonUrl } from './map-style.js';
import { overlaySource, overlaySourceId } from './overlay-style.js';
import type { TileFilters } from './tile-urls.js';
import type { MapRefs } from './use-map-refs.js';

export function useAreaSources(map: MapLibreMap | null, filters: TileFilters | null, refs: MapRefs, setAreaLayersAdded: (added: boolean) => void) {
  const filtersKey = filters ? JSON.stringify(filters) : null;
  useEffect(() => {
    const current = refs.filters.current;
    if (!map || !current) return;
    if (!map.getSource(areaSourceId('province'))) {
      const { sources, layers: areaLayerSpecs } = areaSourcesAndLayers(current, refs.level.current);
      for (const [id, source] of Object.entries(sources)) map.addSource(id, source);
      for (const layer of areaLayerSpecs) map.addLayer(layer);
      setAreaLayersAdded(true);
      return;
    }
    // The hovered area's counts are for the previous filters.
    refs.clearHovered.current();
    refs.props.current.onMapError(null);
    for (const sourceLevel of MAP_LEVELS) {
      const source = map.getSource<VectorTileSource>(areaSourceId(sourceLevel));
      const url = areaTileJsonUrl(sourceLevel, current);
      if (source && source.url !== url) source.setUrl(url);
    }
    for (const overlay of OVERLAY_LAYERS) {
      const source = map.getSource<VectorTileSource>(overlaySourceId(overlay));
      const url = overlaySource(overlay, current).url;
      if (source && url && source.url !== url) source.setUrl(url);
    }
  }, [map, filtersKey, refs, setAreaLayersAdded]);
}
