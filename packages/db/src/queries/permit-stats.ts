// Valid permit holders per area on a day: the aggregate behind the choropleth and the figures.
import { sql, type SQL } from 'drizzle-orm';
import type { AreaLevel, HolderCount, PermitFilter, Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { areas } from '../schema/index.js';
import { scopeCondition } from './scope.js';
import { holderTotals, pendingPeople, permitKindCondition, validHolders } from './people-count.js';
import { dayCounts, holderCountsServe } from './holder-counts.js';

export interface PermitCount {
  code: string;
  name: string;
  total: number;
  itas: number;
  itap: number;
  visit: number;
  /** Valid permits (a person may hold more than one). */
  permits: number;
  /** People with an open permit application and no valid permit. */
  pending: number;
  topNationalities: Array<{ code: string; count: number }>;
}

/** The domain's HolderCount as a row type: a mapped type, since queryRows wants an index signature and an interface has none. */
export type HolderCountRow = { [K in keyof HolderCount]: HolderCount[K] };

const GROUP_NAME: Record<AreaLevel, string> = { province: 'province_code', regency: 'regency_code', district: 'district_code' };
const GROUP_COLUMN: Record<AreaLevel, SQL> = {
  province: sql.raw(GROUP_NAME.province),
  regency: sql.raw(GROUP_NAME.regency),
  district: sql.raw(GROUP_NAME.district),
};

/** The column of `permits` holding the area code of a level. */
export const areaFilterColumn = (level: AreaLevel): SQL => GROUP_COLUMN[level];

/** Permits valid on `asOf`: issued on or before, expiring after, not cancelled by then. */
export function validOn(asOf: string): SQL {
  return sql`issued_on <= ${asOf}::date and expires_on > ${asOf}::date and (cancelled_on is null or cancelled_on > ${asOf}::date)`;
}

/** Permits valid on `asOf` that match the filter: the one condition behind every permit figure. */
export function permitFilterCondition(filter: PermitFilter): SQL {
  return sql`${validOn(filter.asOf)} and ${permitKindCondition(filter, null)}`;
}

/**
 * Valid holders (distinct people, see people-count.ts) grouped by (area, nationality) with per-type counts;
 * the small result is rolled up into totals, per-type counts and the top five nationalities, beside the
 * valid permits and the people waiting for one. Every area of the level is returned, with zeros where
 * nobody holds a valid permit.
 */
export async function permitCountsByArea(
  db: Executor,
  query: { level: AreaLevel; parent?: string; filter: PermitFilter; topN?: number },
  scope: Scope,
): Promise<PermitCount[]> {
  const group = GROUP_COLUMN[query.level];
  const parentCondition = query.parent ? sql`and ${group} like ${`${query.parent}.%`}` : sql``;
  const day = sql`${query.filter.asOf}::date`;
  const served = holderCountsServe(query.filter, scope, 'areas in scope');
  const codeCondition = (code: SQL) => sql`${query.parent ? sql`${code} like ${`${query.parent}.%`}` : sql`true`} and ${scopeCondition(code, scope)}`;
  const applicationGroup = sql.raw(`a.${GROUP_NAME[query.level]}`);
  // Every area returned lies in the scope, so the pre-aggregate (holder-counts.ts) is exact unless the
  // filter names purposes or a sponsor; then count permits and applications directly.
  const counts = served
    ? sql`counted as (${dayCounts({ level: query.level, day: query.filter.asOf, filter: query.filter, codeCondition })}),
      grouped as (select code, nationality, total, itas, itap, visit, permits from counted where total <> 0),
      waiting as (select code, sum(pending)::int as pending from counted group by code)`
    : sql`grouped as (
        select h.code, h.nationality, ${holderTotals('h')}
        from (${validHolders({ day, filter: {}, keys: { code: sql`p.${group}` }, where: sql`${permitFilterCondition(query.filter)} ${parentCondition} and ${scopeCondition(group, scope)}` })}) h
        group by 1, 2),
      waiting as (
        select code, count(*)::int as pending from (${pendingPeople({
          day,
          filter: query.filter,
          keys: { code: applicationGroup },
          where: sql`${query.parent ? sql`${applicationGroup} like ${`${query.parent}.%`}` : sql`true`} and ${scopeCondition(applicationGroup, scope)}`,
        })}) w
        group by code)`;
  const rows = await queryRows<HolderCountRow & { code: string; name: string; top: string | null }>(
    db,
    sql`
    with ${counts}, totals as (
      select code, sum(total)::int as total, sum(itas)::int as itas, sum(itap)::int as itap, sum(visit)::int as visit, sum(permits)::int as permits
      from grouped group by code
    ), ranked as (
      select code, nationality, total as n, row_number() over (partition by code order by total desc, nationality) as rank from grouped
    ), tops as (
      select code, json_agg(json_build_object('code', nationality, 'count', n) order by rank)::text as top
      from ranked where rank <= ${query.topN ?? 5} group by code
    )
    select a.code, a.name, coalesce(t.total, 0) as total, coalesce(t.itas, 0) as itas, coalesce(t.itap, 0) as itap,
      coalesce(t.visit, 0) as visit, coalesce(t.permits, 0) as permits, coalesce(w.pending, 0) as pending, tops.top
    from ${areas} a
    left join totals t on t.code = a.code
    left join waiting w on w.code = a.code
    left join tops on tops.code = a.code
    where a.level = ${query.level} ${query.parent ? sql`and a.parent_code = ${query.parent}` : sql``} and ${scopeCondition(sql`a.code`, scope)}
    order by a.code`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    total: Number(r.total),
    itas: Number(r.itas),
    itap: Number(r.itap),
    visit: Number(r.visit),
    permits: Number(r.permits),
    pending: Number(r.pending),
    topNationalities: r.top ? (JSON.parse(r.top) as Array<{ code: string; count: number }>) : [],
  }));
}
