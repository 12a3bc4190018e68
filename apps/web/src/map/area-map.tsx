import { INDONESIA_BBOX } from '@pantau/domain';
import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 loads its worker from a URL next to its own module file; once bundled that file no
// longer exists, so Vite emits the worker as an asset and we point MapLibre at it (same origin).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import type { AreaFeatureCollection } from '../api/types.js';
import { MAP_LEVELS, type MapLevel } from '../state/view-state.js';
import { classIndexOf } from './choropleth-classes.js';
import type { Choropleth } from './choropleth.js';
import {
  areaFillLayerId,
  areaSourceId,
  CLASS_INDEX_STATE,
  createMapStyle,
  fillColorExpression,
  HOVER_STATE,
  levelLayerIds,
} from './map-style.js';
import { signalMapReady } from './ready-signal.js';

setWorkerUrl(maplibreWorkerUrl);

export interface AreaMapProps {
  level: MapLevel;
  areasByLevel: Readonly<Record<MapLevel, AreaFeatureCollection | null>>;
  /** `null` while loading or when the counts could not be fetched: areas show as "no data". */
  choropleth: Choropleth | null;
  label: string;
  attribution: string;
  onHoverArea(code: string | null): void;
  onMapError(message: string): void;
}

// Indonesia with a margin; panning further only shows empty sea.
const MAX_BOUNDS: [number, number, number, number] = [80, -25, 160, 20];
const [west, south, east, north] = INDONESIA_BBOX;

interface HoveredArea {
  level: MapLevel;
  code: string;
}

export function AreaMap({ level, areasByLevel, choropleth, label, attribution, onHoverArea, onMapError }: AreaMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const hoveredRef = useRef<HoveredArea | null>(null);
  const setHoveredRef = useRef<(next: HoveredArea | null) => void>(() => {});
  const paintPendingRef = useRef(false);
  const levelRef = useRef(level);
  levelRef.current = level;
  // Handlers registered once on the map call the latest props through these refs.
  const onHoverAreaRef = useRef(onHoverArea);
  onHoverAreaRef.current = onHoverArea;

  // Create the map once; the style never changes, only its data, feature state and visibility.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container,
        style: createMapStyle(levelRef.current),
        bounds: [west, south, east, north],
        fitBoundsOptions: { padding: 16 },
        maxBounds: MAX_BOUNDS,
        minZoom: 3,
        maxZoom: 12,
        // A choropleth is read north-up and flat.
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        renderWorldCopies: false,
        attributionControl: { compact: false, customAttribution: attribution },
      });
    } catch (error) {
      // Typically no WebGL (old browser, GPU blocklisted): say so instead of showing a blank box.
      onMapError(String(error instanceof Error ? error.message : error));
      return;
    }
    created.touchZoomRotate.disableRotation();
    created.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');

    const setHovered = (next: HoveredArea | null) => {
      const previous = hoveredRef.current;
      if (previous?.code === next?.code && previous?.level === next?.level) return;
      if (previous) {
        created.setFeatureState({ source: areaSourceId(previous.level), id: previous.code }, { [HOVER_STATE]: false });
      }
      if (next) created.setFeatureState({ source: areaSourceId(next.level), id: next.code }, { [HOVER_STATE]: true });
      hoveredRef.current = next;
      onHoverAreaRef.current(next?.code ?? null);
    };
    setHoveredRef.current = setHovered;

    for (const layerLevel of MAP_LEVELS) {
      const onPointer = (event: MapLayerMouseEvent) => {
        const code = event.features?.[0]?.properties?.code;
        setHovered(typeof code === 'string' ? { level: layerLevel, code } : null);
      };
      created.on('mousemove', areaFillLayerId(layerLevel), onPointer);
      // A tap on a touch screen shows the same panel as hovering with a mouse.
      created.on('click', areaFillLayerId(layerLevel), onPointer);
      created.on('mouseleave', areaFillLayerId(layerLevel), () => setHovered(null));
    }

    created.on('idle', () => {
      if (paintPendingRef.current && created.isSourceLoaded(areaSourceId(levelRef.current))) {
        paintPendingRef.current = false;
        signalMapReady(true);
      }
    });
    created.on('load', () => setMap(created));

    return () => {
      setHoveredRef.current = () => {};
      setMap(null);
      created.remove();
    };
    // Created once: `attribution` and `onMapError` are only needed at creation, and later changes
    // to the other props are applied by the effects below.
  }, []);

  // Show the chosen level's layers and hide the other's; a hovered area of the hidden level is
  // no longer under the pointer.
  useEffect(() => {
    if (!map) return;
    if (hoveredRef.current && hoveredRef.current.level !== level) setHoveredRef.current(null);
    for (const layerLevel of MAP_LEVELS) {
      const shown = layerLevel === level ? 'visible' : 'none';
      for (const layerId of levelLayerIds(layerLevel)) map.setLayoutProperty(layerId, 'visibility', shown);
    }
  }, [map, level]);

  const provinceAreas = areasByLevel.province;
  const regencyAreas = areasByLevel.regency;
  useEffect(() => {
    if (map && provinceAreas) map.getSource<GeoJSONSource>(areaSourceId('province'))?.setData(provinceAreas);
  }, [map, provinceAreas]);
  useEffect(() => {
    if (map && regencyAreas) map.getSource<GeoJSONSource>(areaSourceId('regency'))?.setData(regencyAreas);
  }, [map, regencyAreas]);

  // Shade the areas of the chosen level: one class index per area as feature state, and the
  // class colours in the fill expression.
  const levelAreas = areasByLevel[level];
  useEffect(() => {
    // Whatever was painted before no longer matches the inputs, even while they are still loading.
    signalMapReady(false);
    paintPendingRef.current = false;
    if (!map || !levelAreas) return;
    const source = areaSourceId(level);
    map.setPaintProperty(areaFillLayerId(level), 'fill-color', fillColorExpression(choropleth?.classes ?? []));
    for (const feature of levelAreas.features) {
      const code = feature.properties.code;
      const count = choropleth?.countByCode.get(code);
      if (choropleth && count !== undefined) {
        map.setFeatureState({ source, id: code }, { [CLASS_INDEX_STATE]: classIndexOf(choropleth.classes, count) });
      } else {
        map.removeFeatureState({ source, id: code }, CLASS_INDEX_STATE);
      }
    }
    if (choropleth) {
      paintPendingRef.current = true;
      map.triggerRepaint();
    }
  }, [map, level, levelAreas, choropleth]);

  return <div ref={containerRef} className="area-map" data-testid="map" role="region" aria-label={label} />;
}
