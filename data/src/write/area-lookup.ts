import { areas, queryRows, sql, type Executor, type SQL } from '@pantau/db';

/**
 * A JSON value as one bound parameter. Bulk writes pass their rows this way and unpack them with
 * jsonb_to_recordset: one statement per chunk, one parameter, the same on PGlite and postgres.js.
 */
export const jsonParam = (value: unknown): SQL => sql`${JSON.stringify(value)}::jsonb`;

/** The subset of `codes` that exist in `areas`. */
export async function knownAreaCodes(tx: Executor, codes: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Set();
  const rows = await queryRows<{ code: string }>(tx,
    sql`select code from ${areas} where code in (select jsonb_array_elements_text(${jsonParam(unique)}))`);
  return new Set(rows.map((r) => r.code));
}

/**
 * SQL for the district containing point expression `point`. Point-in-polygon for points runs in
 * PostGIS's own code (no GEOS), so it cannot fail silently on PGlite.
 */
export const districtOf = (point: SQL): SQL => sql`(
  select a.code from ${areas} a where a.level = 'district' and a.geom && ${point} and ST_Intersects(a.geom, ${point})
  order by a.code limit 1)`;
