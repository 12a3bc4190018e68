// The map of the dashboard and the slides: areas of the shaded level coloured by their classes, the
// overlays switched on, the selected area outlined; it reports where it is, the area under the pointer,
// clicks on areas and records, and when it is ready (use-map-instance.ts). Each concern is a hook beside it.
import { setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 loads its worker from a URL next to its own module file; once bundled that file no
// longer exists, so Vite emits the worker as an asset and we point MapLibre at it (same origin).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useRef } from 'react';
import type { PantauMapProps } from './pantau-map-types.js';
import { useAreaShading } from './use-area-shading.js';
import { useAreaSources } from './use-area-sources.js';
import { useMapAreaLabels } from './use-map-area-labels.js';
import { useMapCamera } from './use-map-camera.js';
import { useMapInstance } from './use-map-instance.js';
import { useMapRefs } from './use-map-refs.js';
import { useOverlayLayers } from './use-overlay-layers.js';
import { useSelectedAreaOutline } from './use-selected-area-outline.js';
import { useShownLevel } from './use-shown-level.js';

export type { CameraMove, CameraRequest, HoveredAreaFeature, MapError, PantauMapProps } from './pantau-map-types.js';

setWorkerUrl(maplibreWorkerUrl);

export function PantauMap(props: PantauMapProps) {
  const { filters, level, parent, classes, measure, layers, selectedArea, position, camera, label } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const refs = useMapRefs(props);
  const { map, areaLayersAdded, setAreaLayersAdded } = useMapInstance(containerRef, refs);
  useAreaSources(map, filters, refs, setAreaLayersAdded);
  useOverlayLayers(map, areaLayersAdded, layers, refs);
  useShownLevel(map, areaLayersAdded, level, refs);
  useMapAreaLabels(map, areaLayersAdded, level, refs);
  useSelectedAreaOutline(map, areaLayersAdded, selectedArea);
  useAreaShading(map, areaLayersAdded, { level, filters, classes, measure, parent }, refs);
  useMapCamera(map, position, camera, refs);

  return <div ref={containerRef} className="area-map" data-testid="map" role="region" aria-label={label} />;
}
