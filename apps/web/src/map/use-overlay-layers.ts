// Overlays: a source is added the first time its layer is switched on, then only shown or hidden.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { OverlayLayer } from '../state/view-state.js';
import { OVERLAY_ORDER, overlayLayers, overlaySource, overlaySourceId } from './overlay-style.js';
import type { MapRefs } from './use-map-refs.js';

export function useOverlayLayers(map: MapLibreMap | null, areaLayersAdded: boolean, layers: readonly OverlayLayer[], refs: MapRefs) {
  const layersKey = layers.join(',');
  useEffect(() => {
    const current = refs.filters.current;
    if (!map || !areaLayersAdded || !current) return;
    for (const overlay of OVERLAY_ORDER) {
      const visible = layers.includes(overlay);
      const sourceId = overlaySourceId(overlay);
      if (!map.getSource(sourceId)) {
        if (!visible) continue;
        map.addSource(sourceId, overlaySource(overlay, current));
        // Above the areas and their outlines, below the hover and selection lines for polygons.
        const before = overlay === 'risk' || overlay === 'gaps' || overlay === 'hotspots' ? 'province-hover' : undefined;
        for (const spec of overlayLayers(overlay, true)) map.addLayer(spec, before);
        continue;
      }
      for (const spec of overlayLayers(overlay, visible)) map.setLayoutProperty(spec.id, 'visibility', visible ? 'visible' : 'none');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `layers` is read through its key
  }, [map, areaLayersAdded, layersKey, refs]);
}
