// The map, created once with sea and land when its container is there (the areas' sources and layers
// are added when the date is known), its pointer handlers, the position it reports, when it is ready
// (the shaded level painted and named; the first paint also as a performance mark), its tile errors and
// its neighbouring countries; removed on unmount.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState, type RefObject } from 'react';
import { reportUnauthenticated } from '../api/api-client.js';
import { preloadAreaLabels } from './area-labels.js';
import { createAreaMap } from './create-area-map.js';
import { addAreaHover, addClicks } from './map-pointer-handlers.js';
import { mapPosition } from './map-queries.js';
import { AREA_TILE_LAYERS, areaSourceId, WORLD_LAND_SOURCE } from './map-style.js';
import { exposeMap, markChoroplethPainted, signalMapReady } from './ready-signal.js';
import type { MapRefs } from './use-map-refs.js';
import { loadWorldLand } from './world-land.js';

export function useMapInstance(containerRef: RefObject<HTMLDivElement | null>, refs: MapRefs) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [areaLayersAdded, setAreaLayersAdded] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // deck.gl (the area names) loads while the style and the first tiles do. A failure is reported where
    // the labels are added (addAreaLabels loads again and logs), so this early start only keeps it from being unhandled.
    void preloadAreaLabels().catch(() => {});
    const created = createAreaMap(container, refs.props.current);
    if (!created) return;

    addAreaHover(created, refs);
    addClicks(created, refs);

    const reportPosition = () => {
      const reported = mapPosition(created);
      refs.reportedPosition.current = reported;
      refs.props.current.onMove(reported);
    };
    created.on('moveend', reportPosition);

    // New shading is pending and the frame just drawn holds the shown level's tiles for it.
    const shadingDrawn = () => {
      if (!refs.paintPending.current) return false;
      const shownLevel = refs.level.current;
      const source = areaSourceId(shownLevel);
      return (
        created.getSource(source) !== undefined &&
        created.isSourceLoaded(source) &&
        created.querySourceFeatures(source, { sourceLayer: AREA_TILE_LAYERS[shownLevel] }).length > 0
      );
    };
    // The first such frame is the first painted choropleth (a 'render' comes before the idle of its frame).
    const markFirstPaint = () => {
      if (!shadingDrawn()) return;
      markChoroplethPainted();
      created.off('render', markFirstPaint);
    };
    created.on('render', markFirstPaint);

    // Ready once the current level's tiles for the current filters and classes are loaded and painted.
    created.on('idle', () => {
      // Not yet: the paint effect (use-area-shading) asks for frames (and with them idles) until it is.
      if (!shadingDrawn()) return;
      // The names come with the areas, not a few seconds later: wait for deck.gl, then place them now.
      if (!refs.labelsSettled.current) return;
      refs.labels.current?.refresh();
      refs.paintPending.current = false;
      signalMapReady(true);
    });
    created.on('error', (event) => {
      // A tile or TileJSON answered 401: the session has ended, the page asks to sign in again.
      if ((event.error as { status?: unknown } | undefined)?.status === 401) {
        reportUnauthenticated();
        return;
      }
      // A TileJSON or tile that cannot be loaded leaves areas blank: the page must say why.
      const sourceId = (event as { sourceId?: unknown }).sourceId;
      if (typeof sourceId === 'string' && (sourceId.endsWith('-areas') || sourceId.startsWith('overlay-'))) {
        refs.props.current.onMapError({ kind: 'tiles', message: event.error.message });
      } else {
        // What MapLibre does with errors nobody listens to.
        console.error(event.error);
      }
    });
    created.on('load', () => {
      // The page picks the shaded level from the zoom: tell it where the map opened before the
      // areas are added, so the first areas drawn are the right level.
      reportPosition();
      setMap(created);
      exposeMap(created);
      refs.props.current.onMapReady?.(created);
      // The neighbouring countries come from a bundled file, fetched after the map is up.
      loadWorldLand().then(
        (land) => created.getSource<GeoJSONSource>(WORLD_LAND_SOURCE)?.setData(land),
        (error: unknown) => console.error(error),
      );
    });

    return () => {
      refs.clearHovered.current = () => {};
      refs.hovered.current = null;
      refs.props.current.onMapReady?.(null);
      exposeMap(null);
      setMap(null);
      setAreaLayersAdded(false);
      created.remove();
    };
    // Created once (the container and the refs never change): later changes to the props are applied by the other map hooks.
  }, [containerRef, refs]);

  return { map, areaLayersAdded, setAreaLayersAdded };
}
