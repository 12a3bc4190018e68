// Risk areas drawn and edited in the app (issue 22): the request bodies of POST and PATCH /risk-areas,
// the limits a drawn polygon must meet, and the checks of its shape that need no database (ring
// structure, coordinates, vertex count). The checks that do (validity by GEOS, inside Indonesia, area)
// run in the write path (@pantau/data risk-areas/edit-risk-areas.ts) before anything is written.
import { z } from 'zod';
import { RISK_CATEGORIES, RISK_SEVERITIES } from './constants.js';
import { requestDate } from './schemas.js';

/** Smaller than this is a slip of the mouse, not an area anyone supervises (0.01 km² = 100 m × 100 m). */
export const RISK_AREA_MIN_KM2 = 0.01;
/** More vertices than this is a traced boundary file, not a drawing: import it instead. */
export const RISK_AREA_MAX_VERTICES = 10_000;

export const RISK_AREA_ACTIONS = ['create', 'update', 'retire'] as const;
export type RiskAreaAction = (typeof RISK_AREA_ACTIONS)[number];

/** The 422 refusals of a drawn geometry or period, each with its own code. */
export const RISK_AREA_PROBLEMS = ['invalid_geometry', 'outside_indonesia', 'geometry_too_small', 'too_many_vertices', 'invalid_period'] as const;
export type RiskAreaProblem = (typeof RISK_AREA_PROBLEMS)[number];

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

/** GeoJSON Polygon or MultiPolygon in EPSG:4326 (lng, lat); the shape of its rings is checked by geometryShapeProblem. */
export const riskAreaGeometryInput = z
  .object({
    type: z.enum(['Polygon', 'MultiPolygon']),
    coordinates: z.array(z.unknown()).min(1, 'at least one ring'),
  })
  .strict();
export type RiskAreaGeometryInput = z.infer<typeof riskAreaGeometryInput>;

const riskAreaFields = {
  name: text(200),
  category: z.enum(RISK_CATEGORIES),
  severity: z.enum(RISK_SEVERITIES),
  geometry: riskAreaGeometryInput,
  description: z.string().trim().max(4000, 'at most 4000 characters').nullable(),
  source: text(300),
  validFrom: requestDate,
  validTo: requestDate.nullable(),
};

/** POST /risk-areas. Severity defaults to medium, description to none, validTo to open-ended. */
export const riskAreaCreateInput = z
  .object({
    ...riskAreaFields,
    severity: riskAreaFields.severity.optional(),
    description: riskAreaFields.description.optional(),
    validTo: riskAreaFields.validTo.optional(),
  })
  .strict();
export type RiskAreaCreateInput = z.infer<typeof riskAreaCreateInput>;

/** PATCH /risk-areas/{id}: the geometry and/or any attributes; at least one. */
export const riskAreaPatchInput = z
  .object(riskAreaFields)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change: give the geometry or an attribute');
export type RiskAreaPatchInput = z.infer<typeof riskAreaPatchInput>;

export interface GeometryProblem {
  code: RiskAreaProblem;
  message: string;
}

type Position = [number, number];

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && value.length >= 2 && value.length <= 3 && value.every((n) => typeof n === 'number' && Number.isFinite(n));

/**
 * What is wrong with a polygon's structure before it reaches the database (GEOS on PGlite stops a
 * statement silently instead of raising, so a malformed ring never goes there): every ring closed, at
 * least 4 positions, coordinates as numbers within lng −180..180 and lat −90..90, and not more than
 * RISK_AREA_MAX_VERTICES vertices. Null when the shape is sound; validity (self-intersection) is the
 * database's to judge.
 */
export function geometryShapeProblem(geometry: RiskAreaGeometryInput): GeometryProblem | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let vertices = 0;
  for (const [p, polygon] of polygons.entries()) {
    const where = geometry.type === 'MultiPolygon' ? `polygon ${p + 1}, ` : '';
    if (!Array.isArray(polygon) || polygon.length === 0) return { code: 'invalid_geometry', message: `Invalid geometry: ${where}no rings.` };
    for (const [r, ring] of polygon.entries()) {
      const ringName = `${where}ring ${r + 1}`;
      if (!Array.isArray(ring) || !ring.every(isPosition)) {
        return { code: 'invalid_geometry', message: `Invalid geometry: ${ringName} is not a list of [longitude, latitude] numbers.` };
      }
      const positions = ring as Position[];
      if (positions.length < 4)
        return {
          code: 'invalid_geometry',
          message: `Invalid geometry: ${ringName} has ${positions.length} positions; a ring needs at least 4 (3 corners and the first again).`,
        };
      const first = positions[0]!;
      const last = positions[positions.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1])
        return { code: 'invalid_geometry', message: `Invalid geometry: ${ringName} is not closed (its last position must repeat the first).` };
      const outOfRange = positions.find(([lng, lat]) => lng < -180 || lng > 180 || lat < -90 || lat > 90);
      if (outOfRange)
        return {
          code: 'invalid_geometry',
          message: `Invalid geometry: ${ringName} has [${outOfRange[0]}, ${outOfRange[1]}], outside longitude −180..180 / latitude −90..90 (positions are [longitude, latitude]).`,
        };
      vertices += positions.length - 1;
    }
  }
  if (vertices > RISK_AREA_MAX_VERTICES) {
    return {
      code: 'too_many_vertices',
      message: `Too many vertices: ${vertices}, at most ${RISK_AREA_MAX_VERTICES}. Simplify the outline, or import the file as risk areas.`,
    };
  }
  return null;
}

/** valid_to before valid_from; null when the period holds (an open end always does). */
export function periodProblem(validFrom: string, validTo: string | null): GeometryProblem | null {
  return validTo !== null && validTo < validFrom
    ? { code: 'invalid_period', message: `Invalid period: validTo ${validTo} is before validFrom ${validFrom}.` }
    : null;
}
