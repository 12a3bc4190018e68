import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../connect.js';
import { datasetLoads } from '../schema/index.js';

/** Which data sets are loaded, when, and with what parameters (the UI's "data demo" badge reads it). */
export async function datasetStatus(db: Executor): Promise<Array<{ name: string; loadedAt: string; params: Record<string, unknown>; counts: Record<string, number> }>> {
  const rows = await queryRows<{ name: string; loaded_at: string; params: unknown; counts: unknown }>(db,
    sql`select name, to_char(loaded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as loaded_at, params, counts from ${datasetLoads} order by name`);
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, never>;
  return rows.map((r) => ({ name: r.name, loadedAt: r.loaded_at, params: json(r.params), counts: json(r.counts) }));
}
