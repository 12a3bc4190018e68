import { INDONESIA_BBOX } from '@pantau/domain';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONFeature,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type MapLayerMouseEvent,
  type MapMouseEvent,
  type VectorTileSource,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 loads its worker from a URL next to its own module file; once bundled that file no
// longer exists, so Vite emits the worker as an asset and we point MapLibre at it (same origin).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { reportUnauthenticated } from '../api/api-client.js';
import type { Selection } from '../panels/types.js';
import { MAP_LEVELS, OVERLAY_LAYERS, type MapLevel, type MapPosition, type Measure, type OverlayLayer } from '../state/view-state.js';
import { addAreaLabels, preloadAreaLabels, type AreaLabelsHandle } from './area-labels.js';
import type { ChoroplethClass } from './choropleth-classes.js';
import {
  AREA_TILE_LAYERS,
  areaFillLayerId,
  areaSelectedLayerId,
  areaSourceId,
  areaSourcesAndLayers,
  areaTileJsonUrl,
  createBaseStyle,
  fillColorExpression,
  HOLDER_COUNT_PROPERTY,
  HOVER_STATE,
  levelLayerIds,
  selectedAreaFilter,
  WORLD_LAND_SOURCE,
} from './map-style.js';
import { CLICKABLE_OVERLAYS, OVERLAY_ORDER, overlayLayers, overlayOfLayerId, overlaySource, overlaySourceId, recordOfFeature } from './overlay-style.js';
import { exposeMap, signalMapReady } from './ready-signal.js';
import type { TileFilters } from './tile-urls.js';
import { loadWorldLand } from './world-land.js';
import { mapFitPadding } from './fit-padding.js';

setWorkerUrl(maplibreWorkerUrl);

/** The area under the pointer, as its tile describes it. */
export interface HoveredAreaFeature {
  level: MapLevel;
  code: string;
  name: string;
  /** The name of the area it lies in (province of a regency, regency of a district), from the tiles on the map. */
  parentName: string | null;
  /** Counts from the tile; `null` when the tile has none. */
  holderCount: number | null;
  itas: number | null;
  itap: number | null;
  visit: number | null;
  areaKm2: number | null;
}

/** `webgl`: the map could not be created at all; `tiles`: a TileJSON or tile request failed. */
export interface MapError {
  kind: 'webgl' | 'tiles';
  message: string;
}

/** A move the page asks for: fit an area's box, or fly to a point. `id` makes each request new. */
export type CameraMove = { kind: 'fit'; bbox: readonly [number, number, number, number] } | { kind: 'fly'; center: readonly [number, number]; zoom: number };
export type CameraRequest = CameraMove & { id: number };

export interface PantauMapProps {
  /** `null` until the date is known: the map shows only sea and land. */
  filters: TileFilters | null;
  level: MapLevel;
  /** Areas inside it are shaded; others are plain land. */
  parent: string | null;
  /** `null` while loading or when the counts could not be fetched: areas show as "no data". */
  classes: readonly ChoroplethClass[] | null;
  measure: Measure;
  layers: readonly OverlayLayer[];
  selectedArea: string | null;
  /** The position in the URL; the map jumps there when it differs from where the map is. */
  position: MapPosition | null;
  /**
   * Where the map opens when the URL holds no position: the user's work area (or the whole country).
   * Read once, when the map is created, so the first frame already shows it. The whole country when left out.
   */
  initialBounds?: readonly [number, number, number, number];
  /** The closest the first fit may come (a province scope stays on its regencies). */
  initialMaxZoom?: number;
  camera: CameraRequest | null;
  label: string;
  onMove(position: MapPosition): void;
  onHoverArea(area: HoveredAreaFeature | null): void;
  onClickArea(code: string, level: MapLevel): void;
  onSelectRecord(selection: Selection): void;
  /** `null` clears an earlier tile error once the map loads other tiles. */
  onMapError(error: MapError | null): void;
  onMapReady?(map: MapLibreMap | null): void;
}

// Indonesia with a margin; panning further only shows empty sea.
const MAX_BOUNDS: [number, number, number, number] = [80, -25, 160, 20];
/** The scale bar's widest (px). */
const SCALE_BAR_MAX_WIDTH = 80;

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

/** Name of an area from the tiles already on the map (the boundaries above are drawn at every level). */
function areaName(map: MapLibreMap, level: MapLevel, code: string): string | null {
  if (!map.getSource(areaSourceId(level))) return null;
  const [area] = map.querySourceFeatures(areaSourceId(level), {
    sourceLayer: AREA_TILE_LAYERS[level],
    filter: ['==', ['get', 'code'], code],
  });
  return area ? stringProperty(area, 'name') : null;
}

function mapPosition(map: MapLibreMap): MapPosition {
  const { lng, lat } = map.getCenter();
  return { zoom: map.getZoom(), lat, lng };
}

/** True when two positions are the same to the precision the URL keeps. */
function samePosition(a: MapPosition, b: MapPosition): boolean {
  return Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.lat - b.lat) < 0.0002 && Math.abs(a.lng - b.lng) < 0.0002;
}

/** True when the map already shows `position`. */
function isAt(map: MapLibreMap, position: MapPosition): boolean {
  return samePosition(mapPosition(map), position);
}

const interactiveOverlayLayerIds = (map: MapLibreMap) =>
  CLICKABLE_OVERLAYS.flatMap((layer) => overlayLayers(layer, true).map((spec) => spec.id))
    .filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none')
    .reverse();

export function PantauMap(props: PantauMapProps) {
  const { filters, level, parent, classes, measure, layers, selectedArea, position, camera, label } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [areaLayersAdded, setAreaLayersAdded] = useState(false);
  const hoveredRef = useRef<HoveredFeature | null>(null);
  const clearHoveredRef = useRef<() => void>(() => {});
  const paintPendingRef = useRef(false);
  /** The labels of the shaded level are placed (or cannot be: deck.gl failed): the map is ready only then. */
  const labelsSettledRef = useRef(false);
  /** The last position the map reported (moveend): the URL echoing it back is no request to move. */
  const reportedPositionRef = useRef<MapPosition | null>(null);
  const levelRef = useRef(level);
  levelRef.current = level;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  // Handlers registered once on the map call the latest props through this ref.
  const propsRef = useRef(props);
  propsRef.current = props;
  const labelsRef = useRef<AreaLabelsHandle | null>(null);

  // Create the map once with sea and land; the areas' sources and layers are added when the date is known.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const initial = propsRef.current.position;
    const [west, south, east, north] = propsRef.current.initialBounds ?? INDONESIA_BBOX;
    // deck.gl (the area names) loads while the style and the first tiles do. A failure is reported where
    // the labels are added (addAreaLabels loads again and logs), so this early start only keeps it from being unhandled.
    void preloadAreaLabels().catch(() => {});
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container,
        style: createBaseStyle(),
        ...(initial
          ? { center: [initial.lng, initial.lat] as [number, number], zoom: initial.zoom }
          : {
              bounds: [west, south, east, north] as [number, number, number, number],
              fitBoundsOptions: { padding: mapFitPadding(container), maxZoom: propsRef.current.initialMaxZoom ?? 12 },
            }),
        maxBounds: MAX_BOUNDS,
        minZoom: 3,
        maxZoom: 14,
        // A choropleth is read north-up and flat.
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        renderWorldCopies: false,
        // The boundaries' credit comes with the tiles (the TileJSON's `attribution`).
        attributionControl: { compact: false, customAttribution: 'Natural Earth (world-atlas)' },
      });
    } catch (error) {
      // Typically no WebGL (old browser, GPU blocklisted): say so instead of showing a blank box.
      propsRef.current.onMapError({ kind: 'webgl', message: String(error instanceof Error ? error.message : error) });
      return;
    }
    created.touchZoomRotate.disableRotation();
    created.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    // A small ruler: MapLibre's default reaches 100 px, which reads as a bar across a projected map.
    created.addControl(new ScaleControl({ unit: 'metric', maxWidth: SCALE_BAR_MAX_WIDTH }), 'bottom-right');

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
      propsRef.current.onHoverArea(area);
    };
    clearHoveredRef.current = () => {
      if (hoveredRef.current) setHovered(null, null);
    };

    for (const layerLevel of MAP_LEVELS) {
      created.on('mousemove', areaFillLayerId(layerLevel), (event: MapLayerMouseEvent) => {
        const feature = event.features?.[0];
        const code = feature ? stringProperty(feature, 'code') : null;
        if (!feature || code === null) {
          clearHoveredRef.current();
          return;
        }
        const previous = hoveredRef.current;
        if (previous?.level === layerLevel && previous.code === code) return;
        const parentLevel = layerLevel === 'district' ? 'regency' : 'province';
        const parentCode = code.slice(0, code.lastIndexOf('.'));
        setHovered(
          { level: layerLevel, code, featureId: feature.id },
          {
            level: layerLevel,
            code,
            name: stringProperty(feature, 'name') ?? code,
            parentName: layerLevel === 'province' ? null : areaName(created, parentLevel, parentCode),
            holderCount: numberProperty(feature, HOLDER_COUNT_PROPERTY),
            itas: numberProperty(feature, 'itas'),
            itap: numberProperty(feature, 'itap'),
            visit: numberProperty(feature, 'visit'),
            areaKm2: numberProperty(feature, 'area_km2'),
          },
        );
      });
      created.on('mouseleave', areaFillLayerId(layerLevel), () => clearHoveredRef.current());
    }

    // Points and risk areas above the areas take the click; a merged point zooms in to its members.
    created.on('click', (event: MapMouseEvent) => {
      const overlayIds = interactiveOverlayLayerIds(created);
      const [recordFeature] = overlayIds.length > 0 ? created.queryRenderedFeatures(event.point, { layers: overlayIds }) : [];
      if (recordFeature) {
        const overlay = overlayOfLayerId(recordFeature.layer.id);
        if (overlay) {
          const record = recordOfFeature(overlay, recordFeature);
          if (record === 'cluster') {
            const [lng, lat] = pointOf(recordFeature) ?? [event.lngLat.lng, event.lngLat.lat];
            created.easeTo({ center: [lng, lat], zoom: Math.min(created.getZoom() + 2, 14) });
          } else if (record) {
            propsRef.current.onSelectRecord(record);
          }
          return;
        }
      }
      const shownLevel = levelRef.current;
      const [area] = created.getLayer(areaFillLayerId(shownLevel)) ? created.queryRenderedFeatures(event.point, { layers: [areaFillLayerId(shownLevel)] }) : [];
      const code = area ? stringProperty(area, 'code') : null;
      if (code) propsRef.current.onClickArea(code, shownLevel);
    });
    created.on('mousemove', (event: MapMouseEvent) => {
      const overlayIds = interactiveOverlayLayerIds(created);
      const overRecord = overlayIds.length > 0 && created.queryRenderedFeatures(event.point, { layers: overlayIds }).length > 0;
      const overArea = created.getLayer(areaFillLayerId(levelRef.current))
        ? created.queryRenderedFeatures(event.point, { layers: [areaFillLayerId(levelRef.current)] }).length > 0
        : false;
      created.getCanvas().style.cursor = overRecord || overArea ? 'pointer' : '';
    });

    const reportPosition = () => {
      const reported = mapPosition(created);
      reportedPositionRef.current = reported;
      propsRef.current.onMove(reported);
    };
    created.on('moveend', reportPosition);

    // Ready once the current level's tiles for the current filters and classes are loaded and painted.
    created.on('idle', () => {
      if (!paintPendingRef.current) return;
      const shownLevel = levelRef.current;
      const source = areaSourceId(shownLevel);
      const painted =
        created.getSource(source) !== undefined &&
        created.isSourceLoaded(source) &&
        created.querySourceFeatures(source, { sourceLayer: AREA_TILE_LAYERS[shownLevel] }).length > 0;
      // Not yet: the paint effect below asks for frames (and with them idles) until it is.
      if (!painted) return;
      // The names come with the areas, not a few seconds later: wait for deck.gl, then place them now.
      if (!labelsSettledRef.current) return;
      labelsRef.current?.refresh();
      paintPendingRef.current = false;
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
        propsRef.current.onMapError({ kind: 'tiles', message: event.error.message });
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
      propsRef.current.onMapReady?.(created);
      // The neighbouring countries come from a bundled file, fetched after the map is up.
      loadWorldLand().then(
        (land) => created.getSource<GeoJSONSource>(WORLD_LAND_SOURCE)?.setData(land),
        (error: unknown) => console.error(error),
      );
    });

    return () => {
      clearHoveredRef.current = () => {};
      hoveredRef.current = null;
      propsRef.current.onMapReady?.(null);
      exposeMap(null);
      setMap(null);
      setAreaLayersAdded(false);
      created.remove();
    };
    // Created once: later changes to the props are applied by the effects below.
  }, []);

  // The areas of every level for the filters: added the first time, then pointed at the new TileJSON.
  const filtersKey = filters ? JSON.stringify(filters) : null;
  useEffect(() => {
    const current = filtersRef.current;
    if (!map || !current) return;
    if (!map.getSource(areaSourceId('province'))) {
      const { sources, layers: areaLayerSpecs } = areaSourcesAndLayers(current, levelRef.current);
      for (const [id, source] of Object.entries(sources)) map.addSource(id, source);
      for (const layer of areaLayerSpecs) map.addLayer(layer);
      setAreaLayersAdded(true);
      return;
    }
    // The hovered area's counts are for the previous filters.
    clearHoveredRef.current();
    propsRef.current.onMapError(null);
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
  }, [map, filtersKey]);

  // Overlays: a source is added the first time its layer is switched on, then only shown or hidden.
  const layersKey = layers.join(',');
  useEffect(() => {
    const current = filtersRef.current;
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
    // `layers` is read through its key.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `layers` is read through its key
  }, [map, areaLayersAdded, layersKey]);

  // Show the shaded level's layers and hide the others'; a hovered area of a hidden level is no longer under the pointer.
  useEffect(() => {
    if (!map || !areaLayersAdded) return;
    if (hoveredRef.current && hoveredRef.current.level !== level) clearHoveredRef.current();
    for (const layerLevel of MAP_LEVELS) {
      const shown = layerLevel === level ? 'visible' : 'none';
      for (const layerId of levelLayerIds(layerLevel)) map.setLayoutProperty(layerId, 'visibility', shown);
    }
    map.setLayoutProperty('regency-boundary', 'visibility', level === 'district' ? 'visible' : 'none');
  }, [map, areaLayersAdded, level]);

  // Area names, once the areas are drawn (deck.gl was preloaded with the map).
  useEffect(() => {
    if (!map || !areaLayersAdded) return;
    const cancelled = new AbortController();
    const settle = () => {
      labelsSettledRef.current = true;
      // The ready check waits for the names: give it another idle.
      map.triggerRepaint();
    };
    addAreaLabels(map, levelRef.current, areaFillLayerId(levelRef.current), cancelled.signal).then(
      (handle) => {
        if (cancelled.signal.aborted) {
          handle?.remove();
          return;
        }
        labelsRef.current = handle;
        settle();
      },
      // The map stays usable without names.
      (error: unknown) => {
        console.error(error);
        if (!cancelled.signal.aborted) settle();
      },
    );
    return () => {
      cancelled.abort();
      labelsSettledRef.current = false;
      labelsRef.current?.remove();
      labelsRef.current = null;
    };
  }, [map, areaLayersAdded]);
  useEffect(() => {
    labelsRef.current?.setLevel(level, areaFillLayerId(level));
  }, [level]);

  useEffect(() => {
    if (!map || !areaLayersAdded) return;
    for (const layerLevel of MAP_LEVELS) map.setFilter(areaSelectedLayerId(layerLevel), selectedAreaFilter(selectedArea));
  }, [map, areaLayersAdded, selectedArea]);

  // Shade the areas of the level: the class colours as a step on each tile feature's value.
  const classesKey = classes ? JSON.stringify(classes) : null;
  useEffect(() => {
    // Whatever was painted before no longer matches the inputs, even while they are still loading.
    signalMapReady(false);
    paintPendingRef.current = false;
    if (!map || !areaLayersAdded) return;
    map.setPaintProperty(areaFillLayerId(level), 'fill-color', fillColorExpression(classes ?? [], measure, parent));
    if (!classes) return;
    paintPendingRef.current = true;
    map.triggerRepaint();
    // One idle after this is not guaranteed to come once the new tiles are in (seen under CPU load
    // in CI: the map sat loaded and still with the flag unset), so ask for a frame now and then
    // until the idle handler above has seen the painted tiles.
    const repaintUntilPainted = window.setInterval(() => {
      if (paintPendingRef.current) map.triggerRepaint();
      else window.clearInterval(repaintUntilPainted);
    }, 250);
    return () => window.clearInterval(repaintUntilPainted);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `classes` is read through its key
  }, [map, areaLayersAdded, level, filtersKey, classesKey, measure, parent]);

  // Back and forward (or an edited URL) move the map to the position the URL holds. The position the
  // map itself reported is no such request: jumping back to it would cancel a fit under way (a resize
  // reports a moveend just before the fit starts; jumping there stopped the first fit to the work area).
  useEffect(() => {
    if (!map || !position || isAt(map, position)) return;
    const reported = reportedPositionRef.current;
    if (reported && samePosition(reported, position)) return;
    map.jumpTo({ center: [position.lng, position.lat], zoom: position.zoom });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the position compared by its numbers, not by identity
  }, [map, position?.zoom, position?.lat, position?.lng]);

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

  return <div ref={containerRef} className="area-map" data-testid="map" role="region" aria-label={label} />;
}

function pointOf(feature: MapGeoJSONFeature): [number, number] | null {
  const geometry = feature.geometry;
  if (geometry.type !== 'Point') return null;
  const [lng, lat] = geometry.coordinates;
  return lng === undefined || lat === undefined ? null : [lng, lat];
}
