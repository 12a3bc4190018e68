// The planning map: the app's offline basemap (sea, neighbouring land, the app's own regency and
// district tiles) with candidates or a plan's targets as numbered points and the route as a line.
// Numbers are DOM markers, so they need no glyph server and print as sharp text.
import {
  LngLatBounds,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { labelPoints } from '../map/area-labels.js';
import { placeLabels } from './label-placement.js';
import { createBaseStyle, WORLD_LAND_SOURCE } from '../map/map-style.js';
import { AREA_TILE_LAYERS, tileJsonUrl } from '../map/tile-urls.js';
import { loadWorldLand } from '../map/world-land.js';

setWorkerUrl(maplibreWorkerUrl);

export interface MapPoint {
  id: string;
  /** The number drawn in the point (rank or route order). */
  label: string;
  lng: number;
  lat: number;
  /** Drawn filled: in the plan. */
  picked: boolean;
  title: string;
}

export interface PlanningMapProps {
  asOf: string;
  /** The planned area's code, or the regencies of an office's work area: outlined on the map. */
  areaCodes: readonly string[];
  /** [west, south, east, north] of the area, fitted when there are no points. */
  areaBbox: readonly [number, number, number, number] | null;
  points: readonly MapPoint[];
  /** The route through the plan's targets, in order; empty = none. */
  route: ReadonlyArray<{ lng: number; lat: number }>;
  label: string;
  /** Print: no controls, no interaction, the canvas kept for printing. */
  print?: boolean;
  onSelect?(id: string): void;
  /** Called each time the map has fitted the points and drawn every tile (print pages wait for it). */
  onDrawn?(map: MapLibreMap): void;
  onError?(message: string): void;
}

const ROUTE_SOURCE = 'plan-route';
const AREA_LAND = '#f6f3ea';
/** Boundaries on paper: dark enough to survive a grey office printer (the screen's light lines did not). */
const PRINT_BOUNDARY = '#4b5560';
export const ROUTE_COLOR = '#1d4ed8';

/**
 * District names as DOM markers (no glyph server needed; they print as sharp, searchable text), kept
 * inside the map frame: a name at the edge slides in, one that cannot, or that would sit on the scale
 * bar, the attribution, a numbered target or another name, is left out (printed cut at the page edge
 * before). The biggest districts are named first.
 */
function addAreaNameMarkers(map: MapLibreMap): Marker[] {
  const features = map.queryRenderedFeatures({ layers: ['plan-district-fill'] });
  // A piece about 40×40 px on the page is worth a name.
  const degreesPerPixel = 360 / (512 * 2 ** map.getZoom());
  const labels = labelPoints(features, (40 * degreesPerPixel) ** 2);
  const container = map.getContainer();
  const markers = labels.map((label) => {
    const element = document.createElement('span');
    element.className = 'plan-area-label';
    element.textContent = label.name;
    element.dataset.testid = 'plan-area-label';
    return new Marker({ element }).setLngLat(label.position).addTo(map);
  });
  const frame = container.getBoundingClientRect();
  const keepOut = [...container.querySelectorAll('.maplibregl-ctrl, .plan-marker')]
    .map((element) => element.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0);
  const boxes = markers.map((marker) => marker.getElement().getBoundingClientRect());
  const kept = new Map(placeLabels(frame, boxes, keepOut).map((placement) => [placement.index, placement]));
  return markers.filter((marker, index) => {
    const placement = kept.get(index);
    if (!placement) {
      marker.remove();
      return false;
    }
    if (placement.dx !== 0 || placement.dy !== 0) marker.setOffset([placement.dx, placement.dy]);
    return true;
  });
}

export function PlanningMap(props: PlanningMapProps) {
  const { asOf, areaCodes, areaBbox, points, route, label, print = false } = props;
  const areaKey = areaCodes.join(',');
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const drawPendingRef = useRef(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container,
        style: createBaseStyle(),
        bounds: [94.7, -11.2, 141.2, 6.3],
        minZoom: 3,
        maxZoom: 16,
        dragRotate: false,
        pitchWithRotate: false,
        renderWorldCopies: false,
        interactive: !print,
        fadeDuration: 0,
        // The canvas must still hold the picture when Chromium prints the page.
        canvasContextAttributes: { preserveDrawingBuffer: print },
        attributionControl: { compact: false, customAttribution: 'Natural Earth (world-atlas)' },
      });
    } catch (error) {
      propsRef.current.onError?.(String(error instanceof Error ? error.message : error));
      return;
    }
    if (!print) {
      created.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    }
    created.addControl(new ScaleControl({ unit: 'metric', maxWidth: 80 }), 'bottom-left');
    created.on('error', (event) => {
      const sourceId = (event as { sourceId?: unknown }).sourceId;
      if (typeof sourceId === 'string') propsRef.current.onError?.(event.error.message);
      else console.error(event.error);
    });
    let areaNames: Marker[] = [];
    created.on('idle', () => {
      if (!drawPendingRef.current || !created.isStyleLoaded() || !created.areTilesLoaded()) return;
      drawPendingRef.current = false;
      if (print) {
        for (const marker of areaNames) marker.remove();
        areaNames = addAreaNameMarkers(created);
      }
      propsRef.current.onDrawn?.(created);
    });
    created.on('load', () => {
      loadWorldLand().then(
        (land) => created.getSource<GeoJSONSource>(WORLD_LAND_SOURCE)?.setData(land),
        (error: unknown) => console.error(error),
      );
      setMap(created);
    });
    return () => {
      setMap(null);
      created.remove();
    };
  }, [print]);

  // Regencies as land, districts and regencies outlined, the planned area stressed.
  useEffect(() => {
    if (!map) return;
    const filters = { asOf, permitTypes: [], nationalities: [], purposes: [], from: null, to: null, region: null };
    for (const level of ['regency', 'district'] as const) {
      const id = `plan-${level}`;
      if (!map.getSource(id)) map.addSource(id, { type: 'vector', url: tileJsonUrl(AREA_TILE_LAYERS[level], filters) });
    }
    if (!map.getLayer('plan-regency-fill')) {
      map.addLayer({ id: 'plan-regency-fill', type: 'fill', source: 'plan-regency', 'source-layer': 'regencies', paint: { 'fill-color': AREA_LAND } });
      // Invisible: what the district names are placed from.
      map.addLayer({ id: 'plan-district-fill', type: 'fill', source: 'plan-district', 'source-layer': 'districts', minzoom: 7, paint: { 'fill-opacity': 0 } });
      map.addLayer({
        id: 'plan-district-line',
        type: 'line',
        source: 'plan-district',
        'source-layer': 'districts',
        minzoom: 7,
        paint: print ? { 'line-color': PRINT_BOUNDARY, 'line-width': 1, 'line-dasharray': [3, 2] } : { 'line-color': '#b0aa9c', 'line-width': 0.6 },
      });
      map.addLayer({
        id: 'plan-regency-line',
        type: 'line',
        source: 'plan-regency',
        'source-layer': 'regencies',
        paint: print ? { 'line-color': PRINT_BOUNDARY, 'line-width': 1.8 } : { 'line-color': '#7b858e', 'line-width': 1 },
      });
      for (const level of ['regency', 'district'] as const) {
        map.addLayer({
          id: `plan-area-${level}`,
          type: 'line',
          source: `plan-${level}`,
          'source-layer': AREA_TILE_LAYERS[level],
          paint: { 'line-color': '#c2185b', 'line-width': 2.5 },
        });
      }
      map.addSource(ROUTE_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      // A white casing keeps the route readable over boundaries and on a grey printout.
      map.addLayer({
        id: 'plan-route-casing',
        type: 'line',
        source: ROUTE_SOURCE,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': print ? 7 : 5 },
      });
      map.addLayer({
        id: 'plan-route',
        type: 'line',
        source: ROUTE_SOURCE,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': ROUTE_COLOR, 'line-width': print ? 4 : 3, 'line-dasharray': [2, 1] },
      });
    }
    // The planned area outlined: a province's or regency's regencies (a work area's regencies), or the districts.
    const codes = areaKey ? areaKey.split(',') : [];
    const districts = codes.filter((code) => code.split('.').length === 3);
    const within = codes
      .filter((code) => code.split('.').length < 3)
      .map((code) => ['==', ['slice', ['get', 'code'], 0, code.length], code] as ExpressionSpecification);
    map.setFilter('plan-area-regency', within.length ? (['any', ...within] as ExpressionSpecification) : ['==', ['get', 'code'], '']);
    map.setFilter('plan-area-district', districts.length ? ['in', ['get', 'code'], ['literal', districts]] : ['==', ['get', 'code'], '']);
  }, [map, asOf, areaKey, print]);

  // The route line.
  const routeKey = route.map((p) => `${p.lng},${p.lat}`).join(';');
  useEffect(() => {
    if (!map) return;
    void map.getSource<GeoJSONSource>(ROUTE_SOURCE)?.setData({
      type: 'FeatureCollection',
      features: route.length > 1 ? [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: route.map((p) => [p.lng, p.lat]) } }] : [],
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the route compared by its content (routeKey)
  }, [map, routeKey]);

  // Numbered points, then the camera fitted to them (or to the area).
  const pointsKey = points.map((p) => `${p.id}:${p.label}:${p.picked ? 1 : 0}`).join(';');
  const bboxKey = areaBbox?.join(',') ?? '';
  useEffect(() => {
    if (!map) return;
    const markers = points.map((point) => {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = `plan-marker${point.picked ? ' picked' : ''}`;
      element.textContent = point.label;
      element.title = point.title;
      element.dataset.testid = 'plan-marker';
      element.addEventListener('click', () => propsRef.current.onSelect?.(point.id));
      return new Marker({ element }).setLngLat([point.lng, point.lat]).addTo(map);
    });
    const bounds = new LngLatBounds();
    for (const point of points) bounds.extend([point.lng, point.lat]);
    if (points.length === 0 && areaBbox) bounds.extend([areaBbox[0], areaBbox[1]]).extend([areaBbox[2], areaBbox[3]]);
    if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: print ? 48 : 56, maxZoom: 13, animate: false });
    drawPendingRef.current = true;
    // The camera may not move (same bounds): make sure an idle event follows.
    map.triggerRepaint();
    return () => {
      for (const marker of markers) marker.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- points and box compared by their keys; print does not change while drawn
  }, [map, pointsKey, bboxKey]);

  return <div ref={containerRef} className="planning-map" role="region" aria-label={label} data-testid="planning-map" />;
}
