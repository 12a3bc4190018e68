// The one definition of a "holders" figure (issue 20): distinct people holding a valid permit on a day,
// each once, under the strongest type held (ITAP over ITAS over visit); a permit whose holder nobody
// identified counts as one person. Every holder count (stats, tiles, panels, trend, compare, planning,
// coverage, slides, exports) is built on `validHolders`; `pendingPeople` counts people waiting for a
// permit. Tested against the brute-force `countHolders` of @pantau/domain.
import { sql, type SQL } from 'drizzle-orm';
import type { PermitFilter } from '@pantau/domain';

/** The holder of permit row `p`: its person, or the permit itself (negative, never a person id) when unidentified. */
export const holderOf = (p = 'p'): SQL => sql`coalesce(${sql.raw(p)}.person_id, -${sql.raw(p)}.id)`;

/** Permit row `p` valid on the date expression `day`. */
export const permitValidOnSql = (day: SQL, p = 'p'): SQL => {
  const c = (name: string) => sql.raw(`${p}.${name}`);
  return sql`(${c('issued_on')} <= ${day} and ${c('expires_on')} > ${day} and (${c('cancelled_on')} is null or ${c('cancelled_on')} > ${day}))`;
};

/**
 * Type, nationality, purpose and sponsor filters of a permit filter (not the day) on permit row `p`, or on
 * unqualified columns when `p` is null (a query over `permits` alone).
 */
export function permitKindCondition(filter: Omit<PermitFilter, 'asOf'>, p: string | null = 'p'): SQL {
  const c = (name: string) => sql.raw(p ? `${p}.${name}` : name);
  const parts: SQL[] = [sql`true`];
  if (filter.permitTypes?.length) parts.push(sql`${c('permit_type')} in ${[...filter.permitTypes]}`);
  if (filter.nationalities?.length) parts.push(sql`${c('nationality')} in ${[...filter.nationalities]}`);
  if (filter.purposes?.length) parts.push(sql`${c('purpose')} in ${[...filter.purposes]}`);
  if (filter.sponsor !== undefined) parts.push(sql`${c('sponsor_company_id')} = ${filter.sponsor}`);
  return sql.join(parts, sql` and `);
}

export interface HolderQuery {
  /** Date expression of the day counted: a bound date, or a column of `from` (a month end). */
  day: SQL;
  filter: Omit<PermitFilter, 'asOf'>;
  /** Group keys over permit row `p` (and `from`): name → expression, e.g. `{ code: sql\`p.regency_code\` }`. */
  keys?: Record<string, SQL>;
  /** More rows to join (`, month_ends m`), for a count on several days at once. */
  from?: SQL;
  /** More conditions on `p` (area, scope, sponsor). */
  where?: SQL;
}

/**
 * One row per holder (and per key) with a valid permit: `holder`, `holder_type` (the strongest type held),
 * `nationality` and `purpose` (of that permit), `permits` (how many valid permits the holder has there), and the keys.
 * Counting its rows counts people; `sum(permits)` counts permits.
 */
export function validHolders(query: HolderQuery): SQL {
  const keys = Object.entries(query.keys ?? {});
  const keyColumns = keys.map(([name, expression]) => sql`${expression} as ${sql.identifier(name)}`);
  const rank = sql`case p.permit_type when 'itap' then 3 when 'itas' then 2 else 1 end`;
  return sql`
    select ${keyColumns.length ? sql`${sql.join(keyColumns, sql`, `)},` : sql``} ${holderOf()} as holder,
      (array['visit', 'itas', 'itap'])[max(${rank})] as holder_type,
      (array_agg(p.nationality order by ${rank} desc, p.issued_on desc, p.id))[1] as nationality,
      (array_agg(p.purpose order by ${rank} desc, p.issued_on desc, p.id))[1] as purpose,
      count(*)::int as permits
    from permits p ${query.from ?? sql``}
    where ${permitValidOnSql(query.day)} and ${permitKindCondition(query.filter)} and ${query.where ?? sql`true`}
    group by ${
      keys.length
        ? sql`${sql.join(
            keys.map((_, i) => sql.raw(String(i + 1))),
            sql`, `,
          )},`
        : sql``
    } ${holderOf()}`;
}

/** Per-type people counts over the rows of `validHolders` (alias `h`): total, itas, itap, visit, permits. */
export const holderTotals = (h = 'h'): SQL => {
  const t = sql.raw(`${h}.holder_type`);
  return sql`count(*)::int as total, (count(*) filter (where ${t} = 'itas'))::int as itas, (count(*) filter (where ${t} = 'itap'))::int as itap,
    (count(*) filter (where ${t} = 'visit'))::int as visit, sum(${sql.raw(`${h}.permits`)})::int as permits`;
};

/**
 * People with an open application for a permit on `day` (applied on or before it, not decided by then) and
 * no valid permit that day: one row per (key, person). Keys are over application row `a`.
 */
export function pendingPeople(query: { day: SQL; filter: Omit<PermitFilter, 'asOf'>; keys?: Record<string, SQL>; where?: SQL }): SQL {
  const keys = Object.entries(query.keys ?? {});
  // applied_on <= day < decided_on (or undecided), as the range the GiST index of migration 0017 holds.
  const parts: SQL[] = [sql`pantau_open_span(a.applied_on, a.decided_on) @> ${query.day}`];
  if (query.filter.permitTypes?.length) parts.push(sql`a.permit_type in ${[...query.filter.permitTypes]}`);
  if (query.filter.nationalities?.length) parts.push(sql`a.nationality in ${[...query.filter.nationalities]}`);
  if (query.filter.purposes?.length) parts.push(sql`a.purpose in ${[...query.filter.purposes]}`);
  if (query.filter.sponsor !== undefined) parts.push(sql`a.sponsor_company_id = ${query.filter.sponsor}`);
  return sql`
    select distinct ${
      keys.length
        ? sql`${sql.join(
            keys.map(([name, e]) => sql`${e} as ${sql.identifier(name)}`),
            sql`, `,
          )},`
        : sql``
    } a.person_id
    from permit_applications a
    where ${sql.join(parts, sql` and `)} and ${query.where ?? sql`true`}
      and not exists (select 1 from permits q where q.person_id = a.person_id and ${permitValidOnSql(query.day, 'q')})`;
}
