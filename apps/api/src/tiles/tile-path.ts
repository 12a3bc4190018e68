// Parsing z/x/y: pure, tested, shared by every layer. Out of range or not integers → null.

export interface TileCoordinate {
  z: number;
  x: number;
  y: number;
}

export const MAX_ZOOM = 22;

export function parseTileCoordinate(z: string, x: string, y: string): TileCoordinate | null {
  const parts = [z, x, y];
  if (!parts.every((p) => /^\d{1,8}$/.test(p))) return null;
  const [zn, xn, yn] = parts.map(Number) as [number, number, number];
  if (zn > MAX_ZOOM) return null;
  const size = 2 ** zn;
  if (xn >= size || yn >= size) return null;
  return { z: zn, x: xn, y: yn };
}

/** The tile's bounds in EPSG:4326 (west, south, east, north). */
export function tileBounds({ z, x, y }: TileCoordinate): [number, number, number, number] {
  const n = 2 ** z;
  const lng = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lng(x), lat(y + 1), lng(x + 1), lat(y)];
}

/** Width of a tile at zoom z in metres (EPSG:3857). */
export function tileWidthMetres(z: number): number {
  return (2 * 20037508.342789244) / 2 ** z;
}

/**
 * Half a unit of the tile's 4096 grid in metres: the simplification tolerance. Neighbouring polygons
 * simplified independently can then part by at most one grid unit, 1/16 of a screen pixel: no
 * visible gap.
 */
export function halfGridUnitMetres(z: number, extent: number): number {
  return tileWidthMetres(z) / extent / 2;
}
