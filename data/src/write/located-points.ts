// Point records (company sites, entry points, public reports) go in with their district, regency and
// province found by point-in-polygon, in the same statement.
import { sql, withRows, type BulkColumn, type Orm } from '@pantau/db';
import { districtOf } from './area-lookup.js';
import { writeChunks } from './chunks.js';

const CHUNK = 2000;
const POSITION: readonly BulkColumn[] = [{ name: 'lng', type: 'float8' }, { name: 'lat', type: 'float8' }];

/** `rows` carry `columns` plus `lng` and `lat`; returns the rows written (all of them, or it throws). */
export async function writeLocatedPoints(tx: Orm, what: string, table: 'company_sites' | 'entry_points' | 'reports', columns: readonly BulkColumn[], rows: ReadonlyArray<Record<string, unknown>>): Promise<number> {
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const fromSource = sql.raw(columns.map((c) => `r."${c.name}"`).join(', '));
  const point = sql`ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)`;
  return writeChunks(what, rows, CHUNK, async (chunk) => (await withRows(tx, [...columns, ...POSITION], chunk, (source) => sql`
    insert into ${sql.identifier(table)} (${names}, geom, district_code, regency_code, province_code)
    select ${fromSource}, ${point}, d.code, substr(d.code, 1, 5), substr(d.code, 1, 2)
    from ${source}
    left join lateral (select ${districtOf(point)} as code) d on true
    returning 1`)).length);
}
