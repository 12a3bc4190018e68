import { areas, queryRows, sql, type Executor, type SQL } from '@pantau/db';

/**
 * A JSON value as one bound parameter. Bulk writes pass their rows this way and unpack them with
 * jsonb_to_recordset: one statement per chunk, one parameter, the same on PGlite and postgres.js.
 */
export const jsonParam = (value: unknown): SQL => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Area codes already found in a transaction: boundaries change in transactions of their own, so a
 * write that comes chunk after chunk (an import, the demo) asks for each code once.
 */
const knownInTransaction = new WeakMap<Executor, Set<string>>();

/** The subset of `codes` that exist in `areas`. */
export async function knownAreaCodes(tx: Executor, codes: readonly string[]): Promise<Set<string>> {
  const known = knownInTransaction.get(tx) ?? new Set<string>();
  // Only a transaction (drizzle's has rollback()) is remembered; a database handle outlives boundary reloads.
  if ('rollback' in tx) knownInTransaction.set(tx, known);
  const unique = [...new Set(codes)];
  const unknown = unique.filter((code) => !known.has(code));
  if (unknown.length) {
    const rows = await queryRows<{ code: string }>(tx, sql`select code from ${areas} where code in (select jsonb_array_elements_text(${jsonParam(unknown)}))`);
    for (const r of rows) known.add(r.code);
  }
  return new Set(unique.filter((code) => known.has(code)));
}

/**
 * SQL for the district containing point expression `point`. Point-in-polygon for points runs in
 * PostGIS's own code (no GEOS), so it cannot fail silently on PGlite.
 */
export const districtOf = (point: SQL): SQL => sql`(
  select a.code from ${areas} a where a.level = 'district' and a.geom && ${point} and ST_Intersects(a.geom, ${point})
  order by a.code limit 1)`;
