// Which vector tiles a map view needs, the way MapLibre picks them: Web Mercator ("slippy map") tile
// coordinates, the box a viewport of a given size shows at a centre and zoom, the zoom a fit of a box
// ends at, and the tiles covering a box from one zoom below to one above the view's. Pure: the SW and
// the offline saver share no state, only these numbers.

/** West, south, east, north in degrees. */
export type Bbox = readonly [number, number, number, number];

export interface TileCoordinate {
  z: number;
  x: number;
  y: number;
}

/** MapLibre's tile size for vector sources: one 512 px tile covers the world at zoom 0. */
export const TILE_SIZE = 512;

/** Web Mercator stops here; beyond it y is infinite. */
const MAX_LATITUDE = 85.051128779806604;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** Longitude to the world's x in 0..1. */
export function mercatorX(lng: number): number {
  return (lng + 180) / 360;
}

/** Latitude to the world's y in 0..1 (0 at the top, the north). */
export function mercatorY(lat: number): number {
  const phi = (clamp(lat, -MAX_LATITUDE, MAX_LATITUDE) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
}

const longitudeOf = (x: number) => x * 360 - 180;
const latitudeOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** The tile at zoom `z` holding a place (clamped to the world). */
export function tileOf(lng: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  return {
    x: clamp(Math.floor(mercatorX(lng) * n), 0, n - 1),
    y: clamp(Math.floor(mercatorY(lat) * n), 0, n - 1),
  };
}

/** The x and y ranges (inclusive) of the tiles covering a box at zoom `z`. */
export function tileRange(bbox: Bbox, z: number): { minX: number; maxX: number; minY: number; maxY: number } {
  const [west, south, east, north] = bbox;
  const topLeft = tileOf(west, north, z);
  const bottomRight = tileOf(east, south, z);
  return { minX: topLeft.x, maxX: bottomRight.x, minY: topLeft.y, maxY: bottomRight.y };
}

/** The box a `width` × `height` px map shows around `center` at `zoom` (north up, no pitch). */
export function viewportBbox(center: { lng: number; lat: number }, zoom: number, width: number, height: number): Bbox {
  const worldSize = TILE_SIZE * 2 ** zoom;
  const x = mercatorX(center.lng);
  const y = mercatorY(center.lat);
  const halfX = width / 2 / worldSize;
  const halfY = height / 2 / worldSize;
  return [longitudeOf(clamp(x - halfX, 0, 1)), latitudeOf(clamp(y + halfY, 0, 1)), longitudeOf(clamp(x + halfX, 0, 1)), latitudeOf(clamp(y - halfY, 0, 1))];
}

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The zoom at which a box fills a `width` × `height` px map less the padding (MapLibre's fitBounds), at most `maxZoom`. */
export function fitZoom(bbox: Bbox, width: number, height: number, padding: Padding, maxZoom: number): number {
  const [west, south, east, north] = bbox;
  const spanX = Math.max(mercatorX(east) - mercatorX(west), 1e-12) * TILE_SIZE;
  const spanY = Math.max(mercatorY(south) - mercatorY(north), 1e-12) * TILE_SIZE;
  const scale = Math.min((width - padding.left - padding.right) / spanX, (height - padding.top - padding.bottom) / spanY);
  return Math.min(Math.log2(Math.max(scale, 1e-12)), maxZoom);
}

/** The centre of a box in Web Mercator (what a fit centres on). */
export function bboxCenter(bbox: Bbox): { lng: number; lat: number } {
  const [west, south, east, north] = bbox;
  return { lng: longitudeOf((mercatorX(west) + mercatorX(east)) / 2), lat: latitudeOf((mercatorY(north) + mercatorY(south)) / 2) };
}

/** The smallest box holding both. */
export function unionBbox(a: Bbox, b: Bbox): Bbox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The part of `a` inside `b`, or `null` when they do not meet. */
export function intersectBbox(a: Bbox, b: Bbox): Bbox | null {
  const box: Bbox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[0] <= box[2] && box[1] <= box[3] ? box : null;
}

/** What a TileJSON says about where its tiles exist. */
export interface TileSourceRange {
  minzoom: number;
  maxzoom: number;
  /** Tiles outside are never requested. */
  bounds: Bbox;
}

/**
 * The tiles MapLibre requests for a view of `bbox` at `zoom`, and those of the zoom levels around it
 * (`spread` below and above: a slightly smaller or larger screen, the parent tiles shown while
 * loading). A vector source's tiles are requested at floor(zoom); above the source's maxzoom its
 * last level is stretched, below its minzoom nothing is requested.
 */
export function tilesForView(bbox: Bbox, zoom: number, source: TileSourceRange, spread = 1): TileCoordinate[] {
  const inside = intersectBbox(bbox, source.bounds);
  if (!inside) return [];
  const levels = new Set<number>();
  const ideal = Math.floor(zoom);
  for (let z = ideal - spread; z <= ideal + spread; z++) {
    if (z < source.minzoom || z < 0) continue;
    levels.add(Math.min(z, source.maxzoom));
  }
  const tiles: TileCoordinate[] = [];
  for (const z of [...levels].sort((a, b) => a - b)) {
    const { minX, maxX, minY, maxY } = tileRange(inside, z);
    for (let x = minX; x <= maxX; x++) {
      for (let y = minY; y <= maxY; y++) tiles.push({ z, x, y });
    }
  }
  return tiles;
}

/** A tile's URL from the TileJSON's template (`…/{z}/{x}/{y}.mvt?…`). */
export function tileUrl(template: string, tile: TileCoordinate): string {
  return template.replace('{z}', String(tile.z)).replace('{x}', String(tile.x)).replace('{y}', String(tile.y));
}
