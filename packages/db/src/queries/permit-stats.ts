// Valid permit holders per area on a day: the aggregate behind the choropleth and the figures.
import { sql, type SQL } from 'drizzle-orm';
import type { AreaLevel, PermitFilter, Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { areas, permits } from '../schema/index.js';
import { scopeCondition } from './scope.js';

export interface PermitCount {
  code: string;
  name: string;
  total: number;
  itas: number;
  itap: number;
  visit: number;
  topNationalities: Array<{ code: string; count: number }>;
}

const GROUP_COLUMN: Record<AreaLevel, SQL> = {
  province: sql.raw('province_code'),
  regency: sql.raw('regency_code'),
  district: sql.raw('district_code'),
};

/** The column of `permits` holding the area code of a level. */
export const areaFilterColumn = (level: AreaLevel): SQL => GROUP_COLUMN[level];

/** Permits valid on `asOf`: issued on or before, expiring after, not cancelled by then. */
export function validOn(asOf: string): SQL {
  return sql`issued_on <= ${asOf}::date and expires_on > ${asOf}::date and (cancelled_on is null or cancelled_on > ${asOf}::date)`;
}

/** Permits valid on `asOf` that match the filter: the one condition behind every permit figure. */
export function permitFilterCondition(filter: PermitFilter): SQL {
  return sql`${validOn(filter.asOf)} and ${permitKindCondition(filter)}`;
}

/** The filter without its day (type, nationality, purpose, sponsor): for series over many days. */
export function permitKindCondition(filter: Omit<PermitFilter, 'asOf'>): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.permitTypes?.length) parts.push(sql`permit_type in ${[...filter.permitTypes]}`);
  if (filter.nationalities?.length) parts.push(sql`nationality in ${[...filter.nationalities]}`);
  if (filter.purposes?.length) parts.push(sql`purpose in ${[...filter.purposes]}`);
  if (filter.sponsor !== undefined) parts.push(sql`sponsor_company_id = ${filter.sponsor}`);
  return sql.join(parts, sql` and `);
}

/**
 * One scan of `permits` grouped by (area, nationality) with per-type counts; the small result is rolled up into
 * totals, per-type counts and the top five nationalities. Every area of the level is returned,
 * with zeros where nobody holds a valid permit.
 */
export async function permitCountsByArea(
  db: Executor, query: { level: AreaLevel; parent?: string; filter: PermitFilter; topN?: number }, scope: Scope,
): Promise<PermitCount[]> {
  const group = GROUP_COLUMN[query.level];
  const parentCondition = query.parent ? sql`and ${group} like ${`${query.parent}.%`}` : sql``;
  const rows = await queryRows<{ code: string; name: string; total: number; itas: number; itap: number; visit: number; top: string | null }>(db, sql`
    with grouped as (
      select ${group} as code, nationality, count(*)::int as n,
        count(*) filter (where permit_type = 'itas')::int as itas,
        count(*) filter (where permit_type = 'itap')::int as itap
      from ${permits}
      where ${permitFilterCondition(query.filter)} ${parentCondition} and ${scopeCondition(group, scope)}
      group by 1, 2
    ), totals as (
      select code, sum(n)::int as total, sum(itas)::int as itas, sum(itap)::int as itap, (sum(n) - sum(itas) - sum(itap))::int as visit
      from grouped group by code
    ), ranked as (
      select code, nationality, n, row_number() over (partition by code order by n desc, nationality) as rank from grouped
    ), tops as (
      select code, json_agg(json_build_object('code', nationality, 'count', n) order by rank)::text as top
      from ranked where rank <= ${query.topN ?? 5} group by code
    )
    select a.code, a.name, coalesce(t.total, 0) as total, coalesce(t.itas, 0) as itas, coalesce(t.itap, 0) as itap,
      coalesce(t.visit, 0) as visit, tops.top
    from ${areas} a
    left join totals t on t.code = a.code
    left join tops on tops.code = a.code
    where a.level = ${query.level} ${query.parent ? sql`and a.parent_code = ${query.parent}` : sql``} and ${scopeCondition(sql`a.code`, scope)}
    order by a.code`);
  return rows.map((r) => ({
    code: r.code, name: r.name, total: Number(r.total), itas: Number(r.itas), itap: Number(r.itap), visit: Number(r.visit),
    topNationalities: r.top ? (JSON.parse(r.top) as Array<{ code: string; count: number }>) : [],
  }));
}
