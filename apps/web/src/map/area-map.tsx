import { INDONESIA_BBOX } from '@pantau/domain';
import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONFeature,
  type MapLayerMouseEvent,
  type VectorTileSource,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 loads its worker from a URL next to its own module file; once bundled that file no
// longer exists, so Vite emits the worker as an asset and we point MapLibre at it (same origin).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { MAP_LEVELS, type MapLevel } from '../state/view-state.js';
import type { ChoroplethClass } from './choropleth-classes.js';
import {
  AREA_TILE_LAYERS,
  areaFillLayerId,
  areaSourceId,
  areaSourcesAndLayers,
  areaTileJsonUrl,
  createBaseStyle,
  fillColorExpression,
  HOLDER_COUNT_PROPERTY,
  HOVER_STATE,
  levelLayerIds,
} from './map-style.js';
import { signalMapReady } from './ready-signal.js';

setWorkerUrl(maplibreWorkerUrl);

/** The area under the pointer, as its tile describes it. */
export interface HoveredAreaFeature {
  level: MapLevel;
  code: string;
  name: string;
  /** The province's name, for regencies (from the province tiles on the map). */
  parentName: string | null;
  /** Counts from the tile; `null` when the tile has none. */
  holderCount: number | null;
  itas: number | null;
  itap: number | null;
}

/** `webgl`: the map could not be created at all; `tiles`: a TileJSON or tile request failed. */
export interface MapError {
  kind: 'webgl' | 'tiles';
  message: string;
}

export interface AreaMapProps {
  level: MapLevel;
  /** The date the tiles count holders on; `null` until it is known, and the map shows only the sea. */
  asOf: string | null;
  /** `null` while loading or when the counts could not be fetched: areas show as "no data". */
  classes: readonly ChoroplethClass[] | null;
  label: string;
  onHoverArea(area: HoveredAreaFeature | null): void;
  /** `null` clears an earlier tile error once the map loads other tiles. */
  onMapError(error: MapError | null): void;
}

// Indonesia with a margin; panning further only shows empty sea.
const MAX_BOUNDS: [number, number, number, number] = [80, -25, 160, 20];
const [west, south, east, north] = INDONESIA_BBOX;

interface HoveredFeature {
  level: MapLevel;
  code: string;
  /** The tile's feature id (the code without dots), the key of its feature state. */
  featureId: string | number | undefined;
}

function numberProperty(feature: GeoJSONFeature, name: string): number | null {
  const value: unknown = feature.properties[name];
  return typeof value === 'number' ? value : null;
}

function stringProperty(feature: GeoJSONFeature, name: string): string | null {
  const value: unknown = feature.properties[name];
  return typeof value === 'string' ? value : null;
}

/** Name of a province from the province tiles already on the map (they are drawn at every level). */
function provinceName(map: MapLibreMap, provinceCode: string): string | null {
  const [province] = map.querySourceFeatures(areaSourceId('province'), {
    sourceLayer: AREA_TILE_LAYERS.province,
    filter: ['==', ['get', 'code'], provinceCode],
  });
  return province ? stringProperty(province, 'name') : null;
}

export function AreaMap({ level, asOf, classes, label, onHoverArea, onMapError }: AreaMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [areaLayersAdded, setAreaLayersAdded] = useState(false);
  const hoveredRef = useRef<HoveredFeature | null>(null);
  const clearHoveredRef = useRef<() => void>(() => {});
  const paintPendingRef = useRef(false);
  const levelRef = useRef(level);
  levelRef.current = level;
  // Handlers registered once on the map call the latest props through these refs.
  const onHoverAreaRef = useRef(onHoverArea);
  onHoverAreaRef.current = onHoverArea;
  const onMapErrorRef = useRef(onMapError);
  onMapErrorRef.current = onMapError;

  // Create the map once with the sea only; the areas' sources and layers are added when the date is known.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container,
        style: createBaseStyle(),
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
        // The boundaries' credit comes with the tiles (the TileJSON's `attribution`).
        attributionControl: { compact: false },
      });
    } catch (error) {
      // Typically no WebGL (old browser, GPU blocklisted): say so instead of showing a blank box.
      onMapErrorRef.current({ kind: 'webgl', message: String(error instanceof Error ? error.message : error) });
      return;
    }
    created.touchZoomRotate.disableRotation();
    created.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');

    const setHoverState = (hovered: HoveredFeature, value: boolean) => {
      if (hovered.featureId === undefined) return;
      const source = areaSourceId(hovered.level);
      if (!created.getSource(source)) return;
      created.setFeatureState({ source, sourceLayer: AREA_TILE_LAYERS[hovered.level], id: hovered.featureId }, { [HOVER_STATE]: value });
    };
    const setHovered = (next: HoveredFeature | null, area: HoveredAreaFeature | null) => {
      const previous = hoveredRef.current;
      if (previous) setHoverState(previous, false);
      if (next) setHoverState(next, true);
      hoveredRef.current = next;
      onHoverAreaRef.current(area);
    };
    clearHoveredRef.current = () => {
      if (hoveredRef.current) setHovered(null, null);
    };

    for (const layerLevel of MAP_LEVELS) {
      const onPointer = (event: MapLayerMouseEvent) => {
        const feature = event.features?.[0];
        const code = feature ? stringProperty(feature, 'code') : null;
        if (!feature || code === null) {
          clearHoveredRef.current();
          return;
        }
        const previous = hoveredRef.current;
        if (previous?.level === layerLevel && previous.code === code) return;
        // A regency's code starts with its province's: "19.04" lies in "19".
        const provinceCode = code.split('.')[0] ?? '';
        setHovered(
          { level: layerLevel, code, featureId: feature.id },
          {
            level: layerLevel,
            code,
            name: stringProperty(feature, 'name') ?? code,
            parentName: layerLevel === 'province' ? null : provinceName(created, provinceCode),
            holderCount: numberProperty(feature, HOLDER_COUNT_PROPERTY),
            itas: numberProperty(feature, 'itas'),
            itap: numberProperty(feature, 'itap'),
          },
        );
      };
      created.on('mousemove', areaFillLayerId(layerLevel), onPointer);
      // A tap on a touch screen shows the same panel as hovering with a mouse.
      created.on('click', areaFillLayerId(layerLevel), onPointer);
      created.on('mouseleave', areaFillLayerId(layerLevel), () => clearHoveredRef.current());
    }

    // Ready once the current level's tiles for the current date and classes are loaded and painted.
    created.on('idle', () => {
      if (!paintPendingRef.current) return;
      const shownLevel = levelRef.current;
      const source = areaSourceId(shownLevel);
      if (!created.getSource(source) || !created.isSourceLoaded(source)) return;
      if (created.querySourceFeatures(source, { sourceLayer: AREA_TILE_LAYERS[shownLevel] }).length === 0) return;
      paintPendingRef.current = false;
      signalMapReady(true);
    });
    created.on('error', (event) => {
      // A TileJSON or tile that cannot be loaded leaves areas blank: the page must say why.
      const sourceId = (event as { sourceId?: unknown }).sourceId;
      if (typeof sourceId === 'string' && MAP_LEVELS.some((shownLevel) => areaSourceId(shownLevel) === sourceId)) {
        onMapErrorRef.current({ kind: 'tiles', message: event.error.message });
      } else {
        // What MapLibre does with errors nobody listens to.
        console.error(event.error);
      }
    });
    created.on('load', () => setMap(created));

    return () => {
      clearHoveredRef.current = () => {};
      hoveredRef.current = null;
      setMap(null);
      setAreaLayersAdded(false);
      created.remove();
    };
    // Created once: later changes to the props are applied by the effects below.
  }, []);

  // The areas of both levels for the date: added the first time, then pointed at the date's TileJSON.
  useEffect(() => {
    if (!map || asOf === null) return;
    if (!map.getSource(areaSourceId('province'))) {
      const { sources, layers } = areaSourcesAndLayers(asOf, levelRef.current);
      for (const [id, source] of Object.entries(sources)) map.addSource(id, source);
      for (const layer of layers) map.addLayer(layer);
      setAreaLayersAdded(true);
      return;
    }
    // The hovered area's counts are for the previous date.
    clearHoveredRef.current();
    onMapErrorRef.current(null);
    for (const sourceLevel of MAP_LEVELS) {
      const source = map.getSource<VectorTileSource>(areaSourceId(sourceLevel));
      const url = areaTileJsonUrl(sourceLevel, asOf);
      if (source && source.url !== url) source.setUrl(url);
    }
  }, [map, asOf]);

  // Show the chosen level's layers and hide the other's; a hovered area of the hidden level is
  // no longer under the pointer.
  useEffect(() => {
    if (!map || !areaLayersAdded) return;
    if (hoveredRef.current && hoveredRef.current.level !== level) clearHoveredRef.current();
    for (const layerLevel of MAP_LEVELS) {
      const shown = layerLevel === level ? 'visible' : 'none';
      for (const layerId of levelLayerIds(layerLevel)) map.setLayoutProperty(layerId, 'visibility', shown);
    }
  }, [map, areaLayersAdded, level]);

  // Shade the areas of the chosen level: the class colours as a step on each tile feature's count.
  useEffect(() => {
    // Whatever was painted before no longer matches the inputs, even while they are still loading.
    signalMapReady(false);
    paintPendingRef.current = false;
    if (!map || !areaLayersAdded) return;
    map.setPaintProperty(areaFillLayerId(level), 'fill-color', fillColorExpression(classes ?? []));
    if (classes) {
      paintPendingRef.current = true;
      map.triggerRepaint();
    }
  }, [map, areaLayersAdded, level, asOf, classes]);

  return <div ref={containerRef} className="area-map" data-testid="map" role="region" aria-label={label} />;
}
