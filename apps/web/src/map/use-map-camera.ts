// Moves the page asks of the map: the position in the URL, and a fit to an area or a flight to a point.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { MapPosition } from '../state/view-state.js';
import { mapFitPadding } from './fit-padding.js';
import { isAt, samePosition } from './map-queries.js';
import type { CameraRequest } from './pantau-map-types.js';
import type { MapRefs } from './use-map-refs.js';

export function useMapCamera(map: MapLibreMap | null, position: MapPosition | null, camera: CameraRequest | null, refs: MapRefs) {
  // Back and forward (or an edited URL) move the map to the position the URL holds. The position the
  // map itself reported is no such request: jumping back to it would cancel a fit under way (a resize
  // reports a moveend just before the fit starts; jumping there stopped the first fit to the work area).
  useEffect(() => {
    if (!map || !position || isAt(map, position)) return;
    const reported = refs.reportedPosition.current;
    if (reported && samePosition(reported, position)) return;
    map.jumpTo({ center: [position.lng, position.lat], zoom: position.zoom });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the position compared by its numbers, not by identity
  }, [map, position?.zoom, position?.lat, position?.lng, refs]);

  useEffect(() => {
    if (!map || !camera) return;
    if (camera.kind === 'fit') {
      const [w, s, e, n] = camera.bbox;
      // A side panel opened or closed in the same render: take the container's new size before fitting.
      map.resize();
      const container = map.getContainer();
      // Room for the breadcrumb above and the time slider below, and off the legend and the overlay key.
      map.fitBounds([w, s, e, n], { padding: mapFitPadding(container), maxZoom: 12, duration: 600 });
    } else {
      map.flyTo({ center: [camera.center[0], camera.center[1]], zoom: camera.zoom, duration: 800 });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a camera request is new when its id is
  }, [map, camera?.id]);
}
