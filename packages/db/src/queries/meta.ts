import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { datasetLoads } from '../schema/index.js';
import { scopeCondition } from './scope.js';

/**
 * Rows of each origin inside the scope, per count name of `dataset_loads.counts`: the counts recorded
 * at load time are national, so they are counted again for the caller (like every aggregate).
 */
const ORIGIN_COUNTS = (scope: Scope): Record<string, SQL> => ({
  companies: sql`select c.origin, count(*)::int as n from companies c
    where exists (select 1 from company_sites s where s.company_id = c.id and ${scopeCondition(sql`s.regency_code`, scope)}) group by 1`,
  sites: sql`select origin, count(*)::int as n from company_sites where ${scopeCondition(sql`regency_code`, scope)} group by 1`,
  permits: sql`select origin, count(*)::int as n from permits where ${scopeCondition(sql`regency_code`, scope)} group by 1`,
  riskAreas: sql`select origin, count(*)::int as n from risk_areas where ${scopeCondition(sql`regency_code`, scope)} group by 1`,
  entryPoints: sql`select origin, count(*)::int as n from entry_points where ${scopeCondition(sql`regency_code`, scope)} group by 1`,
  operations: sql`select origin, count(*)::int as n from operations where ${scopeCondition(sql`regency_code`, scope)} group by 1`,
  targets: sql`select origin, count(*)::int as n from operation_targets where ${scopeCondition(sql`regency_code`, scope)} group by 1`,
  actions: sql`select a.origin, count(*)::int as n from enforcement_actions a join operation_targets t on t.id = a.target_id
    where ${scopeCondition(sql`t.regency_code`, scope)} group by 1`,
  meetings: sql`select origin, count(*)::int as n from meetings where ${scopeCondition(sql`regency_code`, scope)} group by 1`,
  reports: sql`select origin, count(*)::int as n from reports where ${scopeCondition(sql`regency_code`, scope)} group by 1`,
  offices: sql`select f.origin, count(*)::int as n from offices f
    where exists (select 1 from office_work_areas w where w.office_id = f.id and ${scopeCondition(sql`w.regency_code`, scope)}) group by 1`,
});

/**
 * Which data sets are loaded and when (the UI's "data demo" badge and source lines read it), with the
 * counts of the caller's scope. Load parameters stay on the server: they name server paths.
 */
export async function datasetStatus(db: Executor, scope: Scope): Promise<Array<{ name: string; loadedAt: string; counts: Record<string, number> }>> {
  const rows = await queryRows<{ name: string; loaded_at: string; counts: unknown }>(
    db,
    sql`select name, to_char(loaded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as loaded_at, counts from ${datasetLoads} order by name`,
  );
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, number>;
  const names = new Set(rows.flatMap((r) => Object.keys(json(r.counts))));
  const byOrigin = new Map<string, Record<string, number>>();
  for (const [name, query] of Object.entries(ORIGIN_COUNTS(scope))) {
    if (!names.has(name)) continue;
    for (const r of await queryRows<{ origin: string; n: number }>(db, query)) {
      byOrigin.set(r.origin, { ...byOrigin.get(r.origin), [name]: Number(r.n) });
    }
  }
  const areaRows = await queryRows<{ level: string; n: number }>(
    db,
    sql`select level, count(*)::int as n from areas where ${scopeCondition(sql`code`, scope)} group by 1`,
  );
  const areaCounts = Object.fromEntries(areaRows.map((r) => [r.level, Number(r.n)]));
  return rows.map((r) => {
    const recorded = Object.keys(json(r.counts));
    const scoped = r.name === 'boundaries' ? areaCounts : (byOrigin.get(r.name) ?? {});
    // Only counts this query knows how to scope; each one 0 when the scope holds none.
    const counts = Object.fromEntries(recorded.filter((key) => r.name === 'boundaries' || key in ORIGIN_COUNTS(scope)).map((key) => [key, scoped[key] ?? 0]));
    return { name: r.name, loadedAt: r.loaded_at, counts };
  });
}

/**
 * The committed imports whose rows the scope sees (a batch with an area in the scope; every batch for
 * the national scope): the origin its rows carry, the file's name and when it was imported, so that a
 * panel names "impor berkas izin-babel.csv" rather than the batch's id.
 */
export async function importOrigins(db: Executor, scope: Scope): Promise<Array<{ origin: string; fileName: string; loadedAt: string }>> {
  const rows = await queryRows<{ id: string; file_name: string; created_at: string }>(
    db,
    sql`
    select id::text as id, file_name, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at
    from import_batches b
    where status = 'committed' and (${scope === null ? sql`true` : sql`exists (select 1 from unnest(b.area_codes) as batch_area(code) where ${scopeCondition(sql`batch_area.code`, scope)})`})
    order by created_at desc limit 500`,
  );
  return rows.map((r) => ({ origin: `batch:${r.id}`, fileName: r.file_name, loadedAt: r.created_at }));
}

/** The load records as they are stored, parameters and national counts included: for the command line on the server, never for a client. */
export async function datasetLoadRecords(
  db: Executor,
): Promise<Array<{ name: string; loadedAt: string; params: Record<string, unknown>; counts: Record<string, number> }>> {
  const rows = await queryRows<{ name: string; loaded_at: string; params: unknown; counts: unknown }>(
    db,
    sql`select name, to_char(loaded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as loaded_at, params, counts from ${datasetLoads} order by name`,
  );
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, never>;
  return rows.map((r) => ({ name: r.name, loadedAt: r.loaded_at, params: json(r.params), counts: json(r.counts) }));
}
