// @terraformer/wkt ships no types; the one function used here.
declare module '@terraformer/wkt' {
  export function wktToGeoJSON(wkt: string): { type: string; coordinates?: unknown };
}
