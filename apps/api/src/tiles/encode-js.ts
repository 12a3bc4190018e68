// The embedded encoder. PGlite's PostGIS has no ST_AsMVT, so the query returns tile-space geometry
// (Web Mercator, clipped to the buffered tile, scaled to the 4096 grid and snapped to it) and
// @maplibre/vt-pbf writes the protobuf. It runs on the server backend too: tests compare the two.
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { GeometryReadError, queryRows, sql, type Executor } from '@pantau/db';
import type { TileLayer, TileRequest } from './layers.js';
import type { TileCoordinate } from './tile-path.js';
import { EXTENT, featureSource, mercatorGeometry, propertyColumns, tileEnvelope } from './tile-sql.js';

type Position = [number, number];
type Ring = Position[];

interface TileFeature {
  id: number;
  type: 1 | 3;
  geometry: Position[] | Ring[];
  tags: Record<string, string | number | boolean>;
}

export function tileSpaceQuery(layer: TileLayer, tile: TileCoordinate, context: TileRequest & { prepared?: unknown }) {
  const properties = propertyColumns(layer, tile.z).map((c) => sql`src.${sql.identifier(c)}`);
  const env = tileEnvelope(tile, false);
  // Polygons are clipped to the buffered tile, then simplified; points were selected inside it already.
  const clipped = mercatorGeometry(layer, tile.z, tileEnvelope(tile, true));
  return sql`
    with src as (select features.*, count(*) over () as source_total from (${featureSource(layer, tile, context)}) features),
    bounds as (select ST_XMin(${env}) as x0, ST_YMax(${env}) as y0, ST_XMax(${env}) - ST_XMin(${env}) as size),
    clipped as (select src.id, src.source_total, ${sql.join(properties, sql`, `)}, ${clipped} as g from src)
    select clipped.*, case when g is null or ST_IsEmpty(g) then null else
      ST_AsGeoJSON(ST_SnapToGrid(ST_TransScale(g, -bounds.x0, -bounds.y0, ${EXTENT}::float8 / bounds.size, ${-EXTENT}::float8 / bounds.size), 1), 0) end as tile_geom
    from clipped, bounds`;
}

export async function encodeWithJs(db: Executor, layer: TileLayer, tile: TileCoordinate, request: TileRequest): Promise<Uint8Array> {
  const prepared = layer.prepare ? await layer.prepare(db, request) : undefined;
  const rows = await queryRows<Record<string, unknown> & { id: unknown; source_total: unknown; tile_geom: string | null }>(
    db,
    tileSpaceQuery(layer, tile, { ...request, prepared }),
  );
  // GEOS runs in the clip. When it fails inside PGlite the statement stops silently and rows go
  // missing; every row carries the number of source rows (counted before the clip), so a short read
  // shows, and a tile with holes is refused rather than served.
  if (rows.length && Number(rows[0]!.source_total) !== rows.length) {
    throw new GeometryReadError(`tile ${layer.id}/${tile.z}/${tile.x}/${tile.y}: read ${rows.length} of ${Number(rows[0]!.source_total)} features`);
  }
  const columns = propertyColumns(layer, tile.z);
  const features: TileFeature[] = [];
  for (const row of rows) {
    if (!row.tile_geom) continue;
    const geometry = toTileGeometry(JSON.parse(row.tile_geom) as { type: string; coordinates: unknown });
    if (!geometry) continue;
    const tags: TileFeature['tags'] = {};
    for (const c of columns) {
      const v = row[c];
      if (v !== null && v !== undefined) tags[c] = typeof v === 'bigint' ? Number(v) : (v as string | number | boolean);
    }
    features.push({ id: Number(row.id), ...geometry, tags });
  }
  if (!features.length) return new Uint8Array(0);
  return fromGeojsonVt({ [layer.id]: { features } } as unknown as Parameters<typeof fromGeojsonVt>[0], { version: 2, extent: EXTENT });
}

/** GeoJSON in tile space → MVT geometry: points, or polygon rings with exterior rings clockwise (MVT 2.1 §4.3.4.4). */
function toTileGeometry(g: { type: string; coordinates: unknown }): Pick<TileFeature, 'type' | 'geometry'> | null {
  switch (g.type) {
    case 'Point':
      return { type: 1, geometry: [g.coordinates as Position] };
    case 'MultiPoint':
      return { type: 1, geometry: g.coordinates as Position[] };
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
      const rings: Ring[] = [];
      for (const polygon of polygons) {
        polygon.forEach((ring, i) => {
          const area = surveyorArea(ring);
          if (ring.length < 4 || area === 0) return;
          // Exterior rings positive, holes negative, by the surveyor's formula in tile coordinates.
          rings.push((i === 0) === area > 0 ? ring : [...ring].reverse());
        });
      }
      return rings.length ? { type: 3, geometry: rings } : null;
    }
    case 'GeometryCollection': {
      // A clip can return a collection; keep its polygonal parts.
      const parts = ((g as unknown as { geometries: Array<{ type: string; coordinates: unknown }> }).geometries ?? [])
        .filter((p) => p.type === 'Polygon' || p.type === 'MultiPolygon')
        .map(toTileGeometry)
        .filter((p): p is NonNullable<typeof p> => p !== null);
      return parts.length ? { type: 3, geometry: parts.flatMap((p) => p.geometry as Ring[]) } : null;
    }
    default:
      return null;
  }
}

function surveyorArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return sum / 2;
}
