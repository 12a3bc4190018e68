// The map itself: sea and land, opened at the URL's position or fitted to the user's work area, north-up
// and flat, with zoom buttons and a small scale bar. No WebGL: the page is told instead of a blank box.
import { INDONESIA_BBOX } from '@pantau/domain';
import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import { mapFitPadding } from './fit-padding.js';
import { createBaseStyle } from './map-style.js';
import type { PantauMapProps } from './pantau-map-types.js';

// Indonesia with a margin; panning further only shows empty sea.
const MAX_BOUNDS: [number, number, number, number] = [80, -25, 160, 20];
/** The scale bar's widest (px). */
const SCALE_BAR_MAX_WIDTH = 80;

/** The map in `container`, or `null` (and `onMapError` called) when it cannot be created. */
export function createAreaMap(container: HTMLDivElement, props: PantauMapProps): MapLibreMap | null {
  const initial = props.position;
  const [west, south, east, north] = props.initialBounds ?? INDONESIA_BBOX;
  let created: MapLibreMap;
  try {
    created = new MapLibreMap({
      container,
      style: createBaseStyle(),
      ...(initial
        ? { center: [initial.lng, initial.lat] as [number, number], zoom: initial.zoom }
        : {
            bounds: [west, south, east, north] as [number, number, number, number],
            fitBoundsOptions: { padding: mapFitPadding(container), maxZoom: props.initialMaxZoom ?? 12 },
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
    props.onMapError({ kind: 'webgl', message: String(error instanceof Error ? error.message : error) });
    return null;
  }
  created.touchZoomRotate.disableRotation();
  created.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
  // A small ruler: MapLibre's default reaches 100 px, which reads as a bar across a projected map.
  created.addControl(new ScaleControl({ unit: 'metric', maxWidth: SCALE_BAR_MAX_WIDTH }), 'bottom-right');
  return created;
}
