// Checks of a polygon drawn on the map before it is sent (issue 22): the API refuses the same shapes
// with a 422, but the officer should learn it while the drawing is still on the screen. Self-
// intersection by turf's kinks, the area by turf's geodesic area (the API's floor, 0.01 km²).
import { RISK_AREA_MIN_KM2, type GeoJsonGeometry } from '@pantau/domain';
import { area, kinks } from '@turf/turf';
import { formatTypedPlace, parseTypedPlace } from '../map/typed-place.js';

/** A GeoJSON Polygon as terra-draw hands it over ([longitude, latitude] positions). */
export interface Polygon {
  type: 'Polygon';
  coordinates: number[][][];
}

export type DrawnGeometryProblem = 'too_few_points' | 'self_intersection' | 'too_small';

/** Square kilometres of the polygon. */
export const polygonKm2 = (polygon: Polygon): number => area(polygon) / 1_000_000;

/** The first problem of a drawn polygon, or null when it may be sent. */
export function drawnGeometryProblem(polygon: Polygon): DrawnGeometryProblem | null {
  const ring = polygon.coordinates[0] ?? [];
  // A closed ring repeats its first corner: three corners make four positions.
  if (polygon.coordinates.length === 0 || ring.length < 4) return 'too_few_points';
  if (kinks(polygon).features.length > 0) return 'self_intersection';
  if (polygonKm2(polygon) < RISK_AREA_MIN_KM2) return 'too_small';
  return null;
}

/** A saved outline as one polygon for the drawing tool: a MultiPolygon of one part counts; one of several cannot be edited corner by corner. */
export function editablePolygon(geometry: GeoJsonGeometry | undefined): Polygon | null {
  if (geometry?.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates as number[][][] };
  if (geometry?.type === 'MultiPolygon' && geometry.coordinates.length === 1) return { type: 'Polygon', coordinates: geometry.coordinates[0] as number[][][] };
  return null;
}

/**
 * Corners typed or pasted one per line (`lat, lng`, or any form a place field reads: a WhatsApp share, a
 * map link), for keyboard users and for outlines copied from a document. Blank lines are skipped; the
 * ring is closed here (a last line repeating the first corner is dropped). The polygon then gets the
 * same checks as a drawn one (drawnGeometryProblem).
 */
export function typedPolygon(text: string): { polygon: Polygon } | { badLine: number } {
  const corners: Array<[number, number]> = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const place = parseTypedPlace(line);
    if (!place) return { badLine: index + 1 };
    corners.push([place.lng, place.lat]);
  }
  const [first] = corners;
  const last = corners.at(-1);
  if (first && last && corners.length > 1 && first[0] === last[0] && first[1] === last[1]) corners.pop();
  return { polygon: { type: 'Polygon', coordinates: [corners.length > 0 ? [...corners, corners[0]!] : []] } };
}

/** The corners of a polygon as lines the corner field reads back (latitude first, the closing corner left out). */
export const polygonAsText = (polygon: Polygon): string =>
  (polygon.coordinates[0] ?? [])
    .slice(0, -1)
    .map(([lng, lat]) => formatTypedPlace({ lng: lng!, lat: lat! }))
    .join('\n');
