// A signed-in user with a work area (an office's regencies, a province) sees that area: the map
// starts on it when the link names no area and no map position, and an area outside it (the
// province above an office's regencies, a link made by someone else) brings the map back to it
// instead of an error — the API answers 404 for anything outside the scope. The box comes with
// /meta (`scopeBbox`), so the map is created on it and never paints the whole region first.
import { INDONESIA_BBOX } from '@pantau/domain';
import { DISTRICT_ZOOM } from '../map/choropleth.js';
import type { MapPosition } from '../state/view-state.js';

export type Bbox = readonly [number, number, number, number];

/** Whether an area lies within the scope (`null`: the national scope, everything). */
export function withinScope(code: string, scopeCodes: readonly string[] | null): boolean {
  return scopeCodes === null || scopeCodes.some((scopeCode) => code === scopeCode || code.startsWith(`${scopeCode}.`));
}

/** The codes to fit the first view to: the scope's, when the link names neither area nor map position. */
export function scopeToFit(scopeCodes: readonly string[] | null, view: { region: string | null; map: unknown }): readonly string[] | null {
  if (scopeCodes === null || scopeCodes.length === 0 || view.region !== null || view.map !== null) return null;
  return scopeCodes;
}

/** Where the map starts: the link's position, else the work area's box, else the whole country. */
export type MapStart = { kind: 'position'; position: MapPosition } | { kind: 'bounds'; bbox: Bbox; maxZoom?: number };

/**
 * A scope of whole provinces starts on their regencies (named at once): the fit stops short of the
 * districts' zoom, which a province as small as Bangka Belitung would reach on a 1920 px projector.
 */
export function mapStart(view: { map: MapPosition | null }, scopeBbox: Bbox | null | undefined, scopeCodes: readonly string[] | null = null): MapStart {
  if (view.map !== null) return { kind: 'position', position: view.map };
  const provincesOnly = scopeBbox != null && scopeCodes !== null && scopeCodes.length > 0 && scopeCodes.every((code) => !code.includes('.'));
  return provincesOnly ? { kind: 'bounds', bbox: scopeBbox, maxZoom: DISTRICT_ZOOM - 0.01 } : { kind: 'bounds', bbox: scopeBbox ?? INDONESIA_BBOX };
}
