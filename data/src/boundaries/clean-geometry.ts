// Geometry is cleaned here, before it reaches GEOS: PGlite's PostGIS cannot raise GEOS errors and
// silently stops a statement instead (GUIDE §6). The source has unclosed rings (81.05.16) and rings
// of too few points (96.01, 52.71); ST_MakeValid(…, 'method=structure') repairs the rest in SQL.

type Position = number[];
type Ring = Position[];
type PolygonCoords = Ring[];

export interface PolygonalGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

/** A MultiPolygon with closed rings of at least 4 positions, consecutive duplicates removed. */
export function cleanPolygonal(geometry: PolygonalGeometry, label: string): { type: 'MultiPolygon'; coordinates: PolygonCoords[] } {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as PolygonCoords[];
  const cleaned: PolygonCoords[] = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon.map(cleanRing);
    if (!outer) continue; // a degenerate outer ring takes its holes with it
    cleaned.push([outer, ...holes.filter((h): h is Ring => h !== null)]);
  }
  if (cleaned.length === 0) throw new Error(`${label}: no polygon with at least three distinct points; the feature cannot be repaired`);
  return { type: 'MultiPolygon', coordinates: cleaned };
}

function cleanRing(ring: Ring): Ring | null {
  const points: Ring = [];
  for (const p of ring) {
    const [x, y] = p;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    const last = points[points.length - 1];
    if (!last || last[0] !== x || last[1] !== y) points.push([x, y]);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) points.push([first[0]!, first[1]!]);
  return points.length >= 4 ? points : null;
}
