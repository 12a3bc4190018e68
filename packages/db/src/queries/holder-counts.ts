// Holder counts read from the pre-aggregate of migration 0017 (issue 25): the same figures as counting
// `validHolders` rows (people-count.ts), at a cost that follows the number of areas and nationalities, not
// the years of permits. A day's count is the checkpoint of its week (the count on that Monday, migration
// 0033) plus the deltas of the days after it up to the day: at most 6 days of them.
// Purpose and sponsor filters are not in the aggregate: callers ask `holderCountsServe` first and count
// permits directly when it says no. `verifyHolderCounts` compares both (verify-aggregates, tests).
import { sql, type SQL } from 'drizzle-orm';
import { inScope, type AreaLevel, type PermitFilter, type Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { pendingPeople, validHolders } from './people-count.js';

/** Levels of the aggregate: the three area levels and the nation (code 'ID'). */
export type HolderCountLevel = AreaLevel | 'nation';
export const HOLDER_COUNT_LEVELS: readonly HolderCountLevel[] = ['nation', 'province', 'regency', 'district'];
export const NATION_CODE = 'ID';

const TYPE_BITS = { visit: 1, itas: 2, itap: 4 } as const;

/** The checkpoint a count on `day` starts from: the Monday of its ISO week (the grid of migration 0034). */
const checkpointOf = (day: SQL) => sql`date_trunc('week', ${day}::timestamp)::date`;

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
  const mask = query.filter.permitTypes?.length ? query.filter.permitTypes.reduce((m, t) => m | TYPE_BITS[t as keyof typeof TYPE_BITS], 0) : 7;
  const codeCondition = query.codeCondition?.(sql`c.code`) ?? sql`true`;
  const nationality = query.filter.nationalities?.length ? sql`c.nationality in ${[...query.filter.nationalities]}` : sql`true`;
  const permitsOf = (visit: SQL, itas: SQL, itap: SQL) =>
    sql.join(
      [mask & 1 ? visit : null, mask & 2 ? itas : null, mask & 4 ? itap : null].filter((x): x is SQL => x !== null),
      sql` + `,
    );
  return sql`
    select s.day, s.code, s.nationality,
      case when s.types & ${mask} & 4 <> 0 then 'itap' when s.types & ${mask} & 2 <> 0 then 'itas' else 'visit' end as holder_type,
      sum(s.people)::int as people, sum(${permitsOf(sql`s.permits_visit`, sql`s.permits_itas`, sql`s.permits_itap`)})::int as permits
    from (
      select d.day, c.code, c.nationality, c.types, c.people, c.permits_visit, c.permits_itas, c.permits_itap
      from (${query.days}) d join holder_count_checkpoints c on c.day = ${checkpointOf(sql`d.day`)}
      where c.level = ${query.level} and ${codeCondition} and ${nationality}
      union all
      select d.day, c.code, c.nationality, c.types, c.people, c.permits_visit, c.permits_itas, c.permits_itap
      from (${query.days}) d join holder_count_changes c on c.day > ${checkpointOf(sql`d.day`)} and c.day <= d.day
      where c.level = ${query.level} and ${codeCondition} and ${nationality}
    ) s
    where s.types & ${mask} <> 0
    group by 1, 2, 3, 4
    having sum(s.people) <> 0`;
}

/**
 * One row per (day, code) with `pending`: people with an application open on the day (of a type in the
 * filter) and no valid permit, as `pendingPeople` (people-count.ts) counts them. Pending spans carry the
 * type bits 8/16/32 (migration 0018); spans without end (undecided applications) are read from the spans.
 */
export function pendingStates(query: HolderStateQuery): SQL {
  const mask = (query.filter.permitTypes?.length ? query.filter.permitTypes.reduce((m, t) => m | TYPE_BITS[t as keyof typeof TYPE_BITS], 0) : 7) << 3;
  const codeCondition = query.codeCondition?.(sql`c.code`) ?? sql`true`;
  const nationality = query.filter.nationalities?.length ? sql`c.nationality in ${[...query.filter.nationalities]}` : sql`true`;
  const where = sql`c.level = ${query.level} and c.types & ${mask} <> 0 and ${codeCondition} and ${nationality}`;
  return sql`
    select s.day, s.code, sum(s.people)::int as pending
    from (
      select d.day, c.code, c.people
      from (${query.days}) d join holder_count_checkpoints c on c.day = ${checkpointOf(sql`d.day`)}
      where ${where}
      union all
      select d.day, c.code, c.people
      from (${query.days}) d join holder_count_changes c on c.day > ${checkpointOf(sql`d.day`)} and c.day <= d.day
      where ${where}
      union all
      select d.day, c.code, 1
      from (${query.days}) d join holder_spans c on c.ends_on = 'infinity' and c.starts_on <= d.day
      where ${where}
    ) s
    group by 1, 2
    having sum(s.people) <> 0`;
}

/**
 * The figures of one day by (code, nationality) in one pass over the aggregate: people by the strongest
 * type held within the filter (`total`, `itas`, `itap`, `visit`, as holderStates), their valid `permits`,
 * and the people waiting (`pending`, as pendingStates; rows with only people waiting have total 0).
 * The stats endpoint reads it: one scan and one grouping instead of two of each.
 */
export function dayCounts(query: Omit<HolderStateQuery, 'days'> & { day: string }): SQL {
  const held = query.filter.permitTypes?.length ? query.filter.permitTypes.reduce((m, t) => m | TYPE_BITS[t as keyof typeof TYPE_BITS], 0) : 7;
  const waiting = held << 3;
  const codeCondition = query.codeCondition?.(sql`c.code`) ?? sql`true`;
  const nationality = query.filter.nationalities?.length ? sql`c.nationality in ${[...query.filter.nationalities]}` : sql`true`;
  const checkpoint = checkpointOf(sql`${query.day}::date`);
  const where = sql`c.level = ${query.level} and c.types & ${held | waiting} <> 0 and ${codeCondition} and ${nationality}`;
  const permits = sql.join(
    [held & 1 ? sql`c.permits_visit` : null, held & 2 ? sql`c.permits_itas` : null, held & 4 ? sql`c.permits_itap` : null].filter((x): x is SQL => x !== null),
    sql` + `,
  );
  const columns = sql`c.code, c.nationality, c.types, c.people, ${permits} as permits`;
  return sql`
    select s.code, s.nationality,
      coalesce(sum(s.people) filter (where s.types & ${held} <> 0), 0)::int as total,
      coalesce(sum(s.people) filter (where s.types & ${held} & 6 = 2), 0)::int as itas,
      coalesce(sum(s.people) filter (where s.types & ${held} & 4 <> 0), 0)::int as itap,
      coalesce(sum(s.people) filter (where s.types & ${held} = 1), 0)::int as visit,
      coalesce(sum(s.permits) filter (where s.types & ${held} <> 0), 0)::int as permits,
      coalesce(sum(s.people) filter (where s.types & ${waiting} <> 0), 0)::int as pending
    from (
      select ${columns} from holder_count_checkpoints c where c.day = ${checkpoint} and ${where}
      union all
      select ${columns} from holder_count_changes c where c.day > ${checkpoint} and c.day <= ${query.day}::date and ${where}
      union all
      select c.code, c.nationality, c.types, 1, 0 from holder_spans c where c.ends_on = 'infinity' and c.starts_on <= ${query.day}::date and ${where}
    ) s
    group by 1, 2`;
}

/** A single day as the `days` of holderStates. */
export const oneDay = (day: string): SQL => sql`select ${day}::date as day`;

/** The column of `permits` holding the area code of a level (the nation: a constant). */
const permitAreaColumn = (level: HolderCountLevel): SQL =>
  level === 'nation'
    ? sql`${NATION_CODE}::text`
    : sql.raw(`p.${level === 'province' ? 'province_code' : level === 'regency' ? 'regency_code' : 'district_code'}`);

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
 * by area, nationality and type, and the people waiting (pendingPeople) by area: the check behind `pnpm pantau verify-aggregates` and the tests.
 * Reads as the caller; run it as the owner (national scope) to compare everything.
 */
export async function verifyHolderCounts(
  db: Executor,
  days: readonly string[],
  filter: Omit<PermitFilter, 'asOf'> = {},
  options: { province?: string; levels?: readonly HolderCountLevel[]; within?: readonly string[]; pending?: boolean } = {},
): Promise<HolderCountMismatch[]> {
  const mismatches: HolderCountMismatch[] = [];
  // Inside a transaction that wrote permits, the counts move at commit: bring them up to date first.
  await db.execute(sql`select pantau_holder_counts_flush()`);
  // Within one province the nation's figure is not comparable (it counts every province).
  const levels = (options.levels ?? HOLDER_COUNT_LEVELS).filter((l) => !(options.province && l === 'nation'));
  const inProvince = (code: SQL) => {
    const parts: SQL[] = [options.province ? sql`${code} like ${`${options.province}%`}` : sql`true`];
    if (options.within)
      parts.push(
        options.within.length
          ? sql`(${sql.join(
              options.within.map((c) => sql`${code} = ${c} or ${code} like ${`${c}.%`}`),
              sql` or `,
            )})`
          : sql`false`,
      );
    return sql.join(parts, sql` and `);
  };
  for (const day of days) {
    for (const level of levels) {
      const column = permitAreaColumn(level);
      const rows = await queryRows<{
        code: string;
        nationality: string;
        holder_type: string;
        a_people: number | null;
        a_permits: number | null;
        d_people: number | null;
        d_permits: number | null;
      }>(
        db,
        sql`
        with aggregate as (${holderStates({ level, days: oneDay(day), filter, codeCondition: inProvince })}),
        direct as (
          select h.code, h.nationality, h.holder_type, count(*)::int as people, sum(h.permits)::int as permits
          from (${validHolders({ day: sql`${day}::date`, filter, keys: { code: column }, where: sql`${level === 'district' ? sql`p.district_code is not null` : sql`true`} and ${inProvince(column)}` })}) h
          group by 1, 2, 3
        )
        select coalesce(a.code, d.code) as code, coalesce(a.nationality, d.nationality) as nationality, coalesce(a.holder_type, d.holder_type) as holder_type,
          a.people as a_people, a.permits as a_permits, d.people as d_people, d.permits as d_permits
        from aggregate a full join direct d on d.code = a.code and d.nationality = a.nationality and d.holder_type = a.holder_type
        where a.people is distinct from d.people or a.permits is distinct from d.permits`,
      );
      for (const r of rows) {
        mismatches.push({
          level,
          day,
          code: r.code,
          nationality: r.nationality,
          holderType: r.holder_type,
          aggregate: { people: Number(r.a_people ?? 0), permits: Number(r.a_permits ?? 0) },
          direct: { people: Number(r.d_people ?? 0), permits: Number(r.d_permits ?? 0) },
        });
      }
      // People waiting (migration 0018): by area, against pendingPeople over the applications.
      if (options.pending === false) continue;
      const applicationColumn =
        level === 'nation'
          ? sql`${NATION_CODE}::text`
          : sql.raw(`a.${level === 'province' ? 'province_code' : level === 'regency' ? 'regency_code' : 'district_code'}`);
      const waiting = await queryRows<{ code: string; a: number | null; d: number | null }>(
        db,
        sql`
        with aggregate as (${pendingStates({ level, days: oneDay(day), filter, codeCondition: inProvince })}),
        direct as (
          select w.code, count(*)::int as pending
          from (${pendingPeople({
            day: sql`${day}::date`,
            filter,
            keys: { code: applicationColumn },
            where: sql`${level === 'district' ? sql`a.district_code is not null` : sql`true`} and ${inProvince(applicationColumn)}`,
          })}) w
          group by 1
        )
        select coalesce(a.code, d.code) as code, a.pending as a, d.pending as d
        from aggregate a full join direct d on d.code = a.code
        where a.pending is distinct from d.pending`,
      );
      for (const r of waiting) {
        mismatches.push({
          level,
          day,
          code: r.code,
          nationality: '*',
          holderType: 'pending',
          aggregate: { people: Number(r.a ?? 0), permits: 0 },
          direct: { people: Number(r.d ?? 0), permits: 0 },
        });
      }
    }
  }
  return mismatches;
}

/** Days worth checking: `count` days spread evenly from the first permit's issue to the last permit's expiry. */
export async function holderCountCheckDays(db: Executor, count: number): Promise<string[]> {
  const rows = await queryRows<{ day: string }>(
    db,
    sql`
    with bounds as (select min(issued_on) as lo, max(expires_on) as hi from permits)
    select (lo + ((hi - lo) * k / ${Math.max(count - 1, 1)}))::text as day
    from bounds, generate_series(0, ${Math.max(count - 1, 0)}) k where lo is not null`,
  );
  return rows.map((r) => r.day);
}
