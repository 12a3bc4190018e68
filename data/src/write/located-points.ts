// Point records (company sites, entry points, public reports) go in with their district, regency and
// province found by point-in-polygon, in the same statement.
import { areas, sql, withRows, type BulkColumn, type Orm, type SQL } from '@pantau/db';
import { districtOf } from './area-lookup.js';
import { writeChunks } from './chunks.js';

const CHUNK = 2000;
const POSITION: readonly BulkColumn[] = [
  { name: 'lng', type: 'float8' },
  { name: 'lat', type: 'float8' },
];

/**
 * How far off every area an entry point may lie and still be given the nearest one: harbours stand on
 * the water and airports and border posts on the coast or the border line, so their coordinates often
 * fall just outside the district polygons (Pangkal Balam, Benoa, Entikong). Without an area they are
 * invisible to every regional user.
 */
export const ENTRY_POINT_TOLERANCE_M = 25_000;

/**
 * SQL for the district nearest to `point` within `metres`, measured on the geography (metres on the
 * spheroid, in PostGIS's own code, not GEOS). The bounding-box test (0.25° ≥ 25 km at Indonesia's
 * latitudes) keeps it on the spatial index.
 */
const nearestDistrictWithin = (point: SQL, metres: number): SQL => sql`(
  select a.code from ${areas} a
  where a.level = 'district' and a.geom && ST_Expand(${point}, ${(metres / 100_000).toFixed(3)}::float8)
    and ST_DWithin(a.geom::geography, ${point}::geography, ${metres})
  order by ST_Distance(a.geom::geography, ${point}::geography), a.code limit 1)`;

/**
 * `rows` carry `columns` plus `lng` and `lat`; returns the rows written (all of them, or it throws).
 * With `nearestWithinM`, a point inside no district takes the nearest district within that distance.
 */
export async function writeLocatedPoints(
  tx: Orm,
  what: string,
  table: 'company_sites' | 'entry_points' | 'reports',
  columns: readonly BulkColumn[],
  rows: ReadonlyArray<Record<string, unknown>>,
  nearestWithinM?: number,
): Promise<number> {
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const fromSource = sql.raw(columns.map((c) => `r."${c.name}"`).join(', '));
  const point = sql`ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)`;
  const district = nearestWithinM === undefined ? districtOf(point) : sql`coalesce(${districtOf(point)}, ${nearestDistrictWithin(point, nearestWithinM)})`;
  return writeChunks(
    what,
    rows,
    CHUNK,
    async (chunk) =>
      (
        await withRows(
          tx,
          [...columns, ...POSITION],
          chunk,
          (source) => sql`
    insert into ${sql.identifier(table)} (${names}, geom, district_code, regency_code, province_code)
    select ${fromSource}, ${point}, d.code, substr(d.code, 1, 5), substr(d.code, 1, 2)
    from ${source}
    left join lateral (select ${district} as code) d on true
    returning 1`,
        )
      ).length,
  );
}
