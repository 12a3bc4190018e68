// Coverage gaps and hot spots: the records behind them. A gap is a planning candidate (queries/
// planning.ts: holders and last check) with holders and no recent check; this module groups gaps by
// the office whose work area covers them and supplies the events and study area of the hot spots.
import { sql, type SQL } from 'drizzle-orm';
import { isCoverageGap, monthsBefore, type Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { planningCandidates, targetsBeforeSql, type PlanningCandidate } from './planning.js';
import { validHolders } from './people-count.js';
import { scopeCondition } from './scope.js';
import { reportStatusAt, startOfDayWib } from './report-status.js';

export interface CoverageGap {
  candidate: PlanningCandidate;
  holders: number;
  lastCheckedOn: string | null;
  monthsSinceCheck: number | null;
}

export interface OfficeWorkArea {
  id: number;
  name: string;
  regencyCodes: string[];
}

/** Sites and districts in `area` (null = the whole scope) with holders on asOf and no check for `months` months. */
export async function coverageGaps(db: Executor, area: string | null, asOf: string, months: number, scope: Scope): Promise<CoverageGap[]> {
  // Gaps are places and sites with holders; report clusters are a planning lead, not a place to cover.
  const candidates = await planningCandidates(db, area, asOf, scope, ['company_site', 'district']);
  return candidates
    .filter((c) => isCoverageGap(c.raw.activeHolders, c.raw.lastCheckedOn, asOf, months))
    .map((c) => ({ candidate: c, holders: c.raw.activeHolders, lastCheckedOn: c.raw.lastCheckedOn, monthsSinceCheck: c.raw.monthsSinceCheck }));
}

/** Offices whose work area includes one of the regencies, with their whole work area. */
export async function officesCovering(db: Executor, regencyCodes: readonly string[]): Promise<OfficeWorkArea[]> {
  if (!regencyCodes.length) return [];
  const rows = await queryRows<{ id: number; name: string; regencies: string[] | string }>(
    db,
    sql`
    select o.id, o.name, array_agg(w.regency_code order by w.regency_code) as regencies
    from offices o join office_work_areas w on w.office_id = o.id
    where o.id in (select office_id from office_work_areas where regency_code in ${[...new Set(regencyCodes)]})
    group by o.id, o.name order by o.name, o.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    regencyCodes: typeof r.regencies === 'string' ? r.regencies.replace(/[{}]/g, '').split(',') : r.regencies,
  }));
}

/**
 * Districts (polygons) meeting `envelope` that are coverage gaps on asOf: holders (valid permits of
 * residents) and the last operation target in the district before asOf, both as queries/planning.ts
 * counts them. For the tile layer, which cannot afford the whole candidate query per tile.
 */
export function coverageGapDistrictsSql(envelope: SQL, asOf: string, months: number, scope: Scope): SQL {
  const cutoff = monthsBefore(asOf, months);
  return sql`
    with d as (
      select code, name, geom from areas where level = 'district' and geom && ${envelope} and ${scopeCondition(sql`code`, scope)}
    ), holders as (
      select h.district_code, count(*)::int as n from (${validHolders({
        day: sql`${asOf}::date`,
        filter: {},
        keys: { district_code: sql`p.district_code` },
        where: sql`p.district_code in (select code from d) and ${scopeCondition(sql`p.regency_code`, scope)}`,
      })}) h group by 1
    ), checked as (
      select t.district_code, max(t.date) as date from (${targetsBeforeSql(null, asOf, scope)}) t where t.district_code in (select code from d) group by 1
    )
    select replace(d.code, '.', '')::bigint as id, d.geom, d.code, d.name, h.n as active_permits, c.date::text as last_checked,
      floor((${asOf}::date - c.date) / 30.44)::int as months_since
    from d join holders h on h.district_code = d.code left join checked c on c.district_code = d.code
    where c.date is null or c.date < ${cutoff}::date`;
}

export interface HotSpotEvent {
  lng: number;
  lat: number;
  kind: 'finding' | 'report';
}

/**
 * Findings (operation targets with a violation) and verified reports (verified or acted on as of `to`,
 * from their history: no later status leaks into a past analysis) in [from, to), in `area` (null = the
 * whole scope): the points of the hot-spot analysis.
 */
export async function hotSpotEvents(db: Executor, area: string | null, from: string, to: string, scope: Scope): Promise<HotSpotEvent[]> {
  const inArea = (column: SQL) => (area === null ? sql`true` : sql`(${column} = ${area} or ${column} like ${`${area}.%`})`);
  const rows = await queryRows<{ lng: number; lat: number; kind: 'finding' | 'report' }>(
    db,
    sql`
    select ST_X(t.geom) as lng, ST_Y(t.geom) as lat, 'finding' as kind
    from operation_targets t join operations o on o.id = t.operation_id
    where t.violations > 0 and t.geom is not null and o.date >= ${from}::date and o.date < ${to}::date
      and ${inArea(sql`coalesce(t.district_code, t.regency_code)`)} and ${scopeCondition(sql`t.regency_code`, scope)}
    union all
    select ST_X(r.geom), ST_Y(r.geom), 'report'
    from reports r
    where ${reportStatusAt(sql`r.id`, startOfDayWib(to))} in ('verified', 'acted') and r.geom is not null
      and r.received_at >= (${from}::date)::timestamp at time zone 'Asia/Jakarta' and r.received_at < (${to}::date)::timestamp at time zone 'Asia/Jakarta'
      and ${inArea(sql`coalesce(r.district_code, r.regency_code)`)} and ${scopeCondition(sql`r.regency_code`, scope)}`,
  );
  return rows.map((r) => ({ lng: Number(r.lng), lat: Number(r.lat), kind: r.kind }));
}

/**
 * The study area's outline as simplified GeoJSON polygons (for the hexagon grid): the area, or the
 * scope's areas, or every province. Douglas–Peucker in PostGIS (no GEOS), about 1 km.
 */
export async function studyAreaPolygons(db: Executor, area: string | null, scope: Scope): Promise<{ key: string; km2: number; geometries: unknown[] }> {
  const codes = area !== null ? [area] : scope === null ? null : scope.areaCodes;
  const rows = await queryRows<{ code: string; km2: number; g: string }>(
    db,
    sql`
    select code, area_km2 as km2, ST_AsGeoJSON(ST_Simplify(geom, 0.01), 5) as g from areas
    where ${codes === null ? sql`level = 'province'` : codes.length ? sql`code in ${codes}` : sql`false`} and ${scopeCondition(sql`code`, scope)}
    order by code`,
  );
  return { key: rows.map((r) => r.code).join(','), km2: rows.reduce((s, r) => s + Number(r.km2), 0), geometries: rows.map((r) => JSON.parse(r.g) as unknown) };
}
