// `window.__pantauReady` is true once the map has loaded and the current choropleth is painted. The
// end-to-end tests and screenshot scripts wait for it instead of guessing with timeouts.
// `window.__pantauMap` lets them turn a place (longitude, latitude) into the pixel to click.
// The `pantau:choropleth-painted` performance mark times the first shaded map (issue 25).
import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    __pantauReady?: boolean;
    __pantauMap?: MapLibreMap | null;
  }
}

export function signalMapReady(ready: boolean): void {
  window.__pantauReady = ready;
}

export function exposeMap(map: MapLibreMap | null): void {
  window.__pantauMap = map;
}

/**
 * Marks (`performance.mark`) the first frame the map drew with the shading's classes over the loaded
 * tiles of the shown level. It is how the first map paint is measured, from navigation start: by
 * `pnpm bench paint` against a bare MapLibre page, and in the field (a PerformanceObserver, or
 * `performance.getEntriesByName('pantau:choropleth-painted')` in the browser's console).
 */
export function markChoroplethPainted(): void {
  performance.mark('pantau:choropleth-painted');
}
