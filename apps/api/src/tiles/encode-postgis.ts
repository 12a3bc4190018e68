// The server encoder: ST_AsMVTGeom + ST_AsMVT, one query per tile.
import { queryOne, sql, type Executor } from '@pantau/db';
import type { TileLayer, TileRequest } from './layers.js';
import type { TileCoordinate } from './tile-path.js';
import { BUFFER, EXTENT, featureSource, mercatorGeometry, propertyColumns, tileEnvelope } from './tile-sql.js';

export function postgisTileQuery(layer: TileLayer, tile: TileCoordinate, context: TileRequest & { prepared?: unknown }) {
  const properties = propertyColumns(layer, tile.z).map((c) => sql`src.${sql.identifier(c)}`);
  return sql`
    with src as (${featureSource(layer, tile, context)}),
    mvt as (
      select src.id, ${sql.join(properties, sql`, `)},
        ST_AsMVTGeom(${mercatorGeometry(layer, tile.z)}, ${tileEnvelope(tile, false)}, ${EXTENT}, ${BUFFER}, true) as mvt_geom
      from src
    )
    select ST_AsMVT(mvt.*, ${layer.id}, ${EXTENT}, 'mvt_geom', 'id') as tile from mvt where mvt_geom is not null`;
}

export async function encodeWithPostgis(db: Executor, layer: TileLayer, tile: TileCoordinate, request: TileRequest): Promise<Uint8Array> {
  const prepared = layer.prepare ? await layer.prepare(db, request) : undefined;
  const row = await queryOne<{ tile: Uint8Array | null }>(db, postgisTileQuery(layer, tile, { ...request, prepared }));
  return row?.tile ? new Uint8Array(row.tile) : new Uint8Array(0);
}
