// Checks of a polygon drawn on the map before it is sent (issue 22): the API refuses the same shapes
// with a 422, but the officer should learn it while the drawing is still on the screen. Self-
// intersection by turf's kinks, the area by turf's geodesic area (the API's floor, 0.01 km²).
import { RISK_AREA_MIN_KM2, type GeoJsonGeometry } from '@pantau/domain';
import { area, kinks } from '@turf/turf';

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
