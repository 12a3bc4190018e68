// Holder counts read from the pre-aggregate of migration 0017 (issue 25): the same figures as counting
// `validHolders` rows (people-count.ts), at a cost that follows the number of areas and nationalities, not
// the years of permits. A day's count is the month checkpoint plus that month's deltas up to the day.
// Purpose and sponsor filters are not in the aggregate: callers ask `holderCountsServe` first and count
// permits directly when it says no. `verifyHolderCounts` compares both (verify-aggregates, tests).
import { sql, type SQL } from 'drizzle-orm';
import { inScope, type AreaLevel, type PermitFilter, type Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { validHolders } from './people-count.js';

/** Levels of the aggregate: the three area levels and the nation (code 'ID'). */
export type HolderCountLevel = AreaLevel | 'nation';
export const HOLDER_COUNT_LEVELS: readonly HolderCountLevel[] = ['nation', 'province', 'regency', 'district'];
export const NATION_CODE = 'ID';

const TYPE_BITS = { visit: 1, itas: 2, itap: 4 } as const;

/**
 * True when the aggregate gives the exact figure for this filter and area: no purpose or sponsor filter,
 * and the areas counted lie inside the scope (so the scope removes no permit from them).
 */
export function holderCountsServe(filter: Omit<PermitFilter, 'asOf'>, scope: Scope, codes: 'areas in scope' | string | null): boolean {
  if (filter.purposes?.length || filter.sponsor !== undefined) return false;
  if (filter.permitTypes?.some((t) => !(t in TYPE_BITS))) return false;
  if (codes === 'areas in scope') return true;
  if (codes === null) return scope === null;
  return inScope(scope, codes);
}

export interface HolderStateQuery {
  level: HolderCountLevel;
  /** A query with a `day` column: the days counted (one, or several for a trend). */
  days: SQL;
  filter: Omit<PermitFilter, 'asOf'>;
  /** A condition on the area code column `c.code` (parent, scope, one area, the areas of a tile). */
  codeCondition?: (code: SQL) => SQL;
}

/**
 * One row per (day, code, nationality, holder_type) with `people` and `permits`: like grouping the rows of
 * `validHolders` by those keys. holder_type is the strongest type held among the filter's types.
 */
export function holderStates(query: HolderStateQuery): SQL {
  const mask = query.filter.permitTypes?.length
    ? query.filter.permitTypes.reduce((m, t) => m | TYPE_BITS[t as keyof typeof TYPE_BITS], 0)
    : 7;
  const codeCondition = query.codeCondition?.(sql`c.code`) ?? sql`true`;
  const nationality = query.filter.nationalities?.length ? sql`c.nationality in ${[...query.filter.nationalities]}` : sql`true`;
  const monthOf = (day: SQL) => sql`date_trunc('month', ${day}::timestamp)::date`;
  const permitsOf = (visit: SQL, itas: SQL, itap: SQL) =>
    sql.join([(mask & 1) ? visit : null, (mask & 2) ? itas : null, (mask & 4) ? itap : null].filter((x): x is SQL => x !== null), sql` + `);
  return sql`
    select s.day, s.code, s.nationality,
      case when s.types & ${mask} & 4 <> 0 then 'itap' when s.types & ${mask} & 2 <> 0 then 'itas' else 'visit' end as holder_type,
      sum(s.people)::int as people, sum(${permitsOf(sql`s.permits_visit`, sql`s.permits_itas`, sql`s.permits_itap`)})::int as permits
    from (
      select d.day, c.code, c.nationality, c.types, c.people, c.permits_visit, c.permits_itas, c.permits_itap
      from (${query.days}) d join holder_count_months c on c.month = ${monthOf(sql`d.day`)}
      where c.level = ${query.level} and ${codeCondition} and ${nationality}
      union all
      select d.day, c.code, c.nationality, c.types, c.people, c.permits_visit, c.permits_itas, c.permits_itap
      from (${query.days}) d join holder_count_changes c on c.day >= ${monthOf(sql`d.day`)} and c.day <= d.day
      where c.level = ${query.level} and ${codeCondition} and ${nationality}
    ) s
    where s.types & ${mask} <> 0
    group by 1, 2, 3, 4
    having sum(s.people) <> 0`;
}

/** A single day as the `days` of holderStates. */
export const oneDay = (day: string): SQL => sql`select ${day}::date as day`;

/** The column of `permits` holding the area code of a level (the nation: a constant). */
const permitAreaColumn = (level: HolderCountLevel): SQL =>
  level === 'nation' ? sql`${NATION_CODE}::text` : sql.raw(`p.${level === 'province' ? 'province_code' : level === 'regency' ? 'regency_code' : 'district_code'}`);

export interface HolderCountMismatch {
  level: HolderCountLevel;
  day: string;
  code: string;
  nationality: string;
  holderType: string;
  aggregate: { people: number; permits: number };
  direct: { people: number; permits: number };
}

/**
 * Compares the aggregate with the direct count (validHolders over permits) on each day, at every level,
 * by area, nationality and type: the check behind `pnpm pantau verify-aggregates` and the tests.
 * Reads as the caller; run it as the owner (national scope) to compare everything.
 */
export async function verifyHolderCounts(
  db: Executor, days: readonly string[], filter: Omit<PermitFilter, 'asOf'> = {},
  options: { province?: string; levels?: readonly HolderCountLevel[]; within?: readonly string[] } = {},
): Promise<HolderCountMismatch[]> {
  const mismatches: HolderCountMismatch[] = [];
  // Inside a transaction that wrote permits, the counts move at commit: bring them up to date first.
  await db.execute(sql`select pantau_holder_counts_flush()`);
  // Within one province the nation's figure is not comparable (it counts every province).
  const levels = (options.levels ?? HOLDER_COUNT_LEVELS).filter((l) => !(options.province && l === 'nation'));
  const inProvince = (code: SQL) => {
    const parts: SQL[] = [options.province ? sql`${code} like ${`${options.province}%`}` : sql`true`];
    if (options.within) parts.push(options.within.length ? sql`(${sql.join(options.within.map((c) => sql`${code} = ${c} or ${code} like ${`${c}.%`}`), sql` or `)})` : sql`false`);
    return sql.join(parts, sql` and `);
  };
  for (const day of days) {
    for (const level of levels) {
      const column = permitAreaColumn(level);
      const rows = await queryRows<{ code: string; nationality: string; holder_type: string; a_people: number | null; a_permits: number | null; d_people: number | null; d_permits: number | null }>(db, sql`
        with aggregate as (${holderStates({ level, days: oneDay(day), filter, codeCondition: inProvince })}),
        direct as (
          select h.code, h.nationality, h.holder_type, count(*)::int as people, sum(h.permits)::int as permits
          from (${validHolders({ day: sql`${day}::date`, filter, keys: { code: column }, where: sql`${level === 'district' ? sql`p.district_code is not null` : sql`true`} and ${inProvince(column)}` })}) h
          group by 1, 2, 3
        )
        select coalesce(a.code, d.code) as code, coalesce(a.nationality, d.nationality) as nationality, coalesce(a.holder_type, d.holder_type) as holder_type,
          a.people as a_people, a.permits as a_permits, d.people as d_people, d.permits as d_permits
        from aggregate a full join direct d on d.code = a.code and d.nationality = a.nationality and d.holder_type = a.holder_type
        where a.people is distinct from d.people or a.permits is distinct from d.permits`);
      for (const r of rows) {
        mismatches.push({ level, day, code: r.code, nationality: r.nationality, holderType: r.holder_type,
          aggregate: { people: Number(r.a_people ?? 0), permits: Number(r.a_permits ?? 0) },
          direct: { people: Number(r.d_people ?? 0), permits: Number(r.d_permits ?? 0) } });
      }
    }
  }
  return mismatches;
}

/** Days worth checking: month starts and ends, and days where permits start or end, spread over the data. */
export async function holderCountCheckDays(db: Executor, count: number): Promise<string[]> {
  const rows = await queryRows<{ day: string }>(db, sql`
    with bounds as (select min(issued_on) as lo, max(expires_on) as hi from permits)
    select (lo + ((hi - lo) * k / ${Math.max(count - 1, 1)}))::text as day
    from bounds, generate_series(0, ${Math.max(count - 1, 0)}) k where lo is not null`);
  return rows.map((r) => r.day);
}
