// The SQL both encoders share: a layer's source for one tile (clustered at low zoom), and geometry
// prepared in Web Mercator, simplified to half a grid unit.
import { sql, type SQL } from '@pantau/db';
import type { TileLayer, TileSourceContext } from './layers.js';
import { halfGridUnitMetres, tileWidthMetres, type TileCoordinate } from './tile-path.js';

export const EXTENT = 4096;
export const BUFFER = 64;

/** ST_TileEnvelope in EPSG:3857, with or without the buffer. */
export const tileEnvelope = ({ z, x, y }: TileCoordinate, buffered: boolean): SQL =>
  buffered
    ? sql`ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${BUFFER / EXTENT}::float8)`
    : sql`ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int)`;

/** The tile's bounds in degrees [west, south, east, north], widened by `margin` of its size on each side. */
export function tileBounds({ z, x, y }: TileCoordinate, margin: number): readonly [number, number, number, number] {
  const n = 2 ** z;
  const lon = (tx: number) => (tx / n) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  const clampY = (ty: number) => Math.min(n, Math.max(0, ty));
  return [lon(x - margin), lat(clampY(y + 1 + margin)), lon(x + 1 + margin), lat(clampY(y - margin))];
}

export function isClustered(layer: TileLayer, z: number): boolean {
  return layer.clusterBelowZoom !== undefined && z < layer.clusterBelowZoom;
}

/** Property columns of the layer's features at zoom z (clusters carry point_count and sums). */
export function propertyColumns(layer: TileLayer, z: number): string[] {
  if (isClustered(layer, z)) return ['point_count', ...(layer.clusterSums ?? [])];
  return Object.keys(layer.fields).filter((f) => f !== 'point_count');
}

/** Rows (id, geom in EPSG:4326, properties…) of the layer in the tile's buffered envelope. */
export function featureSource(layer: TileLayer, tile: TileCoordinate, context: Omit<TileSourceContext, 'envelope' | 'bounds'>): SQL {
  const source = layer.source({ ...context, envelope: sql`ST_Transform(${tileEnvelope(tile, true)}, 4326)`, bounds: tileBounds(tile, BUFFER / EXTENT) });
  if (!isClustered(layer, tile.z)) return source;
  // Points merged per cell of a grid anchored on the Web Mercator origin, so a cell is the same in
  // every tile: an eighth of the tile, about 64 screen pixels as MapLibre draws tiles at 512 px.
  // The position is the mean of the members: arithmetic, no GEOS.
  const cell = tileWidthMetres(tile.z) / 8;
  const sums = (layer.clusterSums ?? []).map((c) => sql`sum(${sql.identifier(c)})::int as ${sql.identifier(c)}`);
  return sql`
    select min(id) as id, ST_SetSRID(ST_MakePoint(avg(ST_X(geom)), avg(ST_Y(geom))), 4326) as geom, count(*)::int as point_count
      ${sums.length ? sql`, ${sql.join(sums, sql`, `)}` : sql``}
    from (${source}) as members
    group by floor(ST_X(ST_Transform(geom, 3857)) / ${cell}::float8), floor(ST_Y(ST_Transform(geom, 3857)) / ${cell}::float8)`;
}

/**
 * Geometry in EPSG:3857, polygons simplified to half a grid unit (Douglas–Peucker in PostGIS, no GEOS).
 * With `clipTo`, polygons are clipped to that box first: ST_ClipByBox2D is only right for valid input,
 * and a simplified ring may cross itself (clipped after simplifying, Kalimantan Timur came out as the
 * whole z3 tile it lies in).
 */
export function mercatorGeometry(layer: TileLayer, z: number, clipTo?: SQL): SQL {
  if (layer.geometry !== 'polygon') return sql`ST_Transform(src.geom, 3857)`;
  const mercator = clipTo ? sql`ST_ClipByBox2D(ST_Transform(src.geom, 3857), ${clipTo})` : sql`ST_Transform(src.geom, 3857)`;
  return sql`ST_Simplify(${mercator}, ${halfGridUnitMetres(z, EXTENT)}::float8, true)`;
}
