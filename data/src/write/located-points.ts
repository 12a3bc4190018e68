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

/** A point farther than the tolerance outside the regency its row names (`metres` on the spheroid). */
export interface PointFarFromRegency {
  key: string;
  namedCode: string;
  named: string;
  /** The regency the point falls in (null: none, e.g. a harbour on the water). */
  foundCode: string | null;
  found: string | null;
  metres: number;
}

/**
 * The check of rows that give a point and also name a regency (`namedRegencyCode`): the point is written
 * where it lies, and those farther than `toleranceM` outside the named regency are passed to `onFar`.
 */
export interface RegencyCheck {
  toleranceM: number;
  onFar(points: PointFarFromRegency[]): void;
}

const NAMED_REGENCY: BulkColumn = { name: 'named_regency_code', type: 'text' };

/**
 * `rows` carry `columns` plus `lng` and `lat` (and `named_regency_code` with `check`); returns the rows
 * written (all of them, or it throws). With `nearestWithinM`, a point inside no district takes the
 * nearest district within that distance. With `check`, the statement that finds each point's district
 * also measures, for a point outside the regency its row names, its distance to that regency's polygon
 * (geography ST_Distance: metres on the spheroid, PostGIS's own code rather than GEOS), so a whole
 * chunk is checked in the one statement that writes it.
 */
export async function writeLocatedPoints(
  tx: Orm,
  what: string,
  table: 'company_sites' | 'entry_points' | 'reports',
  columns: readonly BulkColumn[],
  rows: ReadonlyArray<Record<string, unknown>>,
  nearestWithinM?: number,
  check?: RegencyCheck,
): Promise<number> {
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const fromSource = sql.raw(columns.map((c) => `r."${c.name}"`).join(', '));
  const point = sql`ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)`;
  const district = nearestWithinM === undefined ? districtOf(point) : sql`coalesce(${districtOf(point)}, ${nearestDistrictWithin(point, nearestWithinM)})`;
  if (check) return writeCheckedPoints(tx, what, table, columns, rows, district, check);
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

/** writeLocatedPoints with the regency check: one statement per chunk finds, measures and writes. */
async function writeCheckedPoints(
  tx: Orm,
  what: string,
  table: 'company_sites' | 'entry_points' | 'reports',
  columns: readonly BulkColumn[],
  rows: ReadonlyArray<Record<string, unknown>>,
  district: SQL,
  check: RegencyCheck,
): Promise<number> {
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const fromLocated = sql.raw(columns.map((c) => `l."${c.name}"`).join(', '));
  return writeChunks(what, rows, CHUNK, async (chunk) => {
    const [result] = await withRows<{ written: number; far: unknown }>(
      tx,
      [...columns, ...POSITION, NAMED_REGENCY],
      chunk,
      (source) => sql`
    with located as (
      select r.*, ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326) as point, d.code as district_code
      from ${source}
      left join lateral (select ${district} as code) d on true
    ), measured as (
      select l.key, l.named_regency_code, substr(l.district_code, 1, 5) as found_code,
        (select ST_Distance(a.geom::geography, l.point::geography) from ${areas} a where a.code = l.named_regency_code) as metres
      from located l
      where l.named_regency_code is not null and l.named_regency_code is distinct from substr(l.district_code, 1, 5)
    ), written as (
      insert into ${sql.identifier(table)} (${names}, geom, district_code, regency_code, province_code)
      select ${fromLocated}, l.point, l.district_code, substr(l.district_code, 1, 5), substr(l.district_code, 1, 2)
      from located l
      returning 1
    )
    select (select count(*)::int from written) as written,
      (select coalesce(jsonb_agg(jsonb_build_object(
          'key', m.key, 'namedCode', m.named_regency_code, 'named', named.name,
          'foundCode', m.found_code, 'found', found.name, 'metres', m.metres) order by m.key), '[]'::jsonb)
       from measured m
       join ${areas} named on named.code = m.named_regency_code
       left join ${areas} found on found.code = m.found_code
       where m.metres > ${check.toleranceM}::float8) as far`,
    );
    const far = (typeof result?.far === 'string' ? JSON.parse(result.far) : (result?.far ?? [])) as PointFarFromRegency[];
    if (far.length) check.onFar(far);
    return Number(result?.written ?? 0);
  });
}
