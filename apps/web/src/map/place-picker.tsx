// A place picked on a small map (where a report happened, where a meeting is held): the app's offline
// basemap with regency and district outlines, fitted to the chosen area; a click (or Enter on the map, at
// its centre) sets the point and its marker. Used by the report and meeting forms beside a
// typed-coordinates field (typed-place.ts); the server finds the district. Only lazy pages load it: it
// brings MapLibre with it.
import { LngLatBounds, Map as MapLibreMap, Marker, NavigationControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { INDONESIA_BBOX } from '@pantau/domain';
import { createBaseStyle, WORLD_LAND_SOURCE } from './map-style.js';
import { AREA_TILE_LAYERS, tileJsonUrl } from './tile-urls.js';
import { loadWorldLand } from './world-land.js';
import type { TypedPlace } from './typed-place.js';

setWorkerUrl(maplibreWorkerUrl);

export interface PlacePickerProps {
  /** [west, south, east, north] to show; null: all of Indonesia. */
  bbox: readonly [number, number, number, number] | null;
  value: TypedPlace | null;
  onPick(place: TypedPlace): void;
  /** The map's accessible name. */
  label: string;
  asOf: string;
  testId: string;
}

export function PlacePicker({ bbox, value, onPick, label, asOf, testId }: PlacePickerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = new MapLibreMap({
      container,
      style: createBaseStyle(),
      bounds: [...INDONESIA_BBOX],
      minZoom: 3,
      maxZoom: 17,
      dragRotate: false,
      pitchWithRotate: false,
      renderWorldCopies: false,
      attributionControl: { compact: true, customAttribution: 'Natural Earth (world-atlas)' },
    });
    created.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    created.on('click', (event) => onPickRef.current({ lng: event.lngLat.lng, lat: event.lngLat.lat }));
    created.on('load', () => {
      loadWorldLand().then(
        (land) => created.getSource<GeoJSONSource>(WORLD_LAND_SOURCE)?.setData(land),
        (error: unknown) => console.error(error),
      );
      const filters = { asOf, permitTypes: [], nationalities: [], purposes: [], from: null, to: null, region: null };
      for (const level of ['regency', 'district'] as const) {
        created.addSource(`pick-${level}`, { type: 'vector', url: tileJsonUrl(AREA_TILE_LAYERS[level], filters) });
      }
      created.addLayer({ id: 'pick-regency-fill', type: 'fill', source: 'pick-regency', 'source-layer': 'regencies', paint: { 'fill-color': '#f6f3ea' } });
      created.addLayer({
        id: 'pick-district-line',
        type: 'line',
        source: 'pick-district',
        'source-layer': 'districts',
        minzoom: 7,
        paint: { 'line-color': '#b0aa9c', 'line-width': 0.6 },
      });
      created.addLayer({
        id: 'pick-regency-line',
        type: 'line',
        source: 'pick-regency',
        'source-layer': 'regencies',
        paint: { 'line-color': '#7b858e', 'line-width': 1 },
      });
      setMap(created);
    });
    return () => {
      setMap(null);
      created.remove();
    };
    // The tiles' day only shapes nothing visible here (outlines): the map is made once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const bboxKey = bbox?.join(',') ?? '';
  // The extent the map was last fitted to (a data attribute: tests and assistive tools can tell it is ready).
  const [fitted, setFitted] = useState('');
  useEffect(() => {
    if (!map || !bbox) return;
    map.fitBounds(new LngLatBounds([bbox[0], bbox[1]], [bbox[2], bbox[3]]), { padding: 16, duration: 0 });
    setFitted(bboxKey);
    // bboxKey stands for bbox (a new array with the same corners must not refit).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, bboxKey]);

  const markerRef = useRef<Marker | null>(null);
  useEffect(() => {
    if (!map) return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    markerRef.current ??= new Marker({ color: '#c2185b' });
    markerRef.current.setLngLat([value.lng, value.lat]).addTo(map);
  }, [map, value]);

  return (
    <div
      ref={containerRef}
      className="place-picker"
      role="application"
      aria-label={label}
      tabIndex={0}
      onKeyDown={(event) => {
        // Keyboard users move the map with the arrow keys and take its centre with Enter.
        if (event.key !== 'Enter' || !map) return;
        const centre = map.getCenter();
        onPick({ lng: centre.lng, lat: centre.lat });
      }}
      data-fitted={fitted}
      data-testid={testId}
    />
  );
}
