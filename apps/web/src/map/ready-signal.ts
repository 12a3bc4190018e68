// `window.__pantauReady` is true once the map has loaded and the current choropleth is painted. The
// end-to-end tests and screenshot scripts wait for it instead of guessing with timeouts.

declare global {
  interface Window {
    __pantauReady?: boolean;
  }
}

export function signalMapReady(ready: boolean): void {
  window.__pantauReady = ready;
}
