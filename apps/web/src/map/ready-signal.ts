// `window.__pantauReady` is true once the map has loaded and the current choropleth is painted. The
// end-to-end tests and screenshot scripts wait for it instead of guessing with timeouts.
// `window.__pantauMap` lets them turn a place (longitude, latitude) into the pixel to click.
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
