// Overstays and expiring permits (issue 20): the people of an area whose last permit ended with no
// departure, no newer permit and no open application, and the permits ending soon with whether their
// holder is taken care of. The same rules as overstayDays / renewedOn / expiringWithin of
// @pantau/domain (overstays.ts), which the integration tests compare with these queries. One SQL
// builder per list feeds the API's lists and counts, the exports and the `overstays` tile layer.
import { sql, type SQL } from 'drizzle-orm';
import type { AreaLevel, PermitFilter, Scope } from '@pantau/domain';
import { queryOne, queryRows, type Executor } from '../connect.js';
import { permitKindCondition, permitValidOnSql } from './people-count.js';
import { areaFilterColumn } from './permit-stats.js';
import { scopeCondition } from './scope.js';

export interface OverstayQuery {
  asOf: string;
  /** At least this many days past the last permit's end. */
  minDays: number;
  /** Type, nationality, purpose and sponsor of the last permit. */
  filter: Omit<PermitFilter, 'asOf'>;
  /** Where the last permit was registered, on permit row `alias`: an area, a tile's districts. */
  area: (alias: string) => SQL;
}

/** An area of a level as an `OverstayQuery['area']`. */
export const permitsInArea =
  (level: AreaLevel, code: string) =>
  (alias: string): SQL =>
    sql`${sql.raw(alias)}.${areaFilterColumn(level)} = ${code}`;

const openApplicationOf = (person: SQL, day: SQL) => sql`exists (select 1 from permit_applications a where a.person_id = ${person}
  and a.applied_on <= ${day} and (a.decided_on is null or a.decided_on > ${day}))`;

/**
 * One row per identified person overstaying on asOf (`lp` = their last permit): `person_id`,
 * `permit_id`, `days_over` and the last permit's columns. The last permit is chosen among all the
 * person's permits before the area filter applies, so someone who moved on to another area is not
 * listed where they used to live. People nobody identified (permits without a person) have no
 * history to read and are never listed.
 */
export function overstayingPeople(query: OverstayQuery, scope: Scope): SQL {
  const day = sql`${query.asOf}::date`;
  return sql`
    select lp.person_id, lp.id as permit_id, lp.permit_type, lp.permit_number, lp.nationality, lp.sponsor_company_id,
      lp.expires_on, (${day} - lp.expires_on)::int as days_over, lp.district_code, lp.regency_code, lp.province_code
    from (
      select distinct on (p.person_id) p.*
      from permits p
      where p.person_id is not null and p.issued_on <= ${day}
        and p.person_id in (select q.person_id from permits q where q.person_id is not null and q.issued_on <= ${day} and ${query.area('q')} and ${scopeCondition(sql`q.regency_code`, scope)})
      order by p.person_id, p.issued_on desc, p.expires_on desc, p.id desc
    ) lp
    where lp.expires_on <= ${day} - ${query.minDays}::int
      and (lp.cancelled_on is null or lp.cancelled_on >= lp.expires_on)
      and ${query.area('lp')} and ${scopeCondition(sql`lp.regency_code`, scope)} and ${permitKindCondition(query.filter, 'lp')}
      and not exists (select 1 from permits v where v.person_id = lp.person_id and ${permitValidOnSql(day, 'v')})
      and not exists (select 1 from movements m where m.person_id = lp.person_id and m.direction = 'departure' and m.date >= lp.issued_on and m.date <= ${day})
      and not ${openApplicationOf(sql`lp.person_id`, day)}`;
}

export interface ExpiringQuery {
  asOf: string;
  /** Ending within this many days of asOf. */
  within: number;
  filter: Omit<PermitFilter, 'asOf'>;
  area: (alias: string) => SQL;
}

/**
 * One row per permit valid on asOf that ends within `within` days: `permit_id`, `person_id` (null when
 * nobody was identified), `days_left` and `renewed` (a longer permit of the person issued by then and not
 * cancelled, or an open application; never for an unidentified holder, whose history is unknown).
 */
export function expiringPermits(query: ExpiringQuery, scope: Scope): SQL {
  const day = sql`${query.asOf}::date`;
  return sql`
    select p.id as permit_id, p.person_id, p.permit_type, p.permit_number, p.nationality, p.holder_name, p.passport_number, p.sponsor_company_id,
      p.expires_on, (p.expires_on - ${day})::int as days_left, p.district_code, p.regency_code, p.province_code,
      (exists (select 1 from permits q where q.person_id = p.person_id and q.id <> p.id and q.issued_on <= ${day} and q.expires_on > p.expires_on
          and (q.cancelled_on is null or q.cancelled_on > ${day}))
        or ${openApplicationOf(sql`p.person_id`, day)}) as renewed
    from permits p
    where ${permitValidOnSql(day)} and p.expires_on <= ${day} + ${query.within}::int
      and ${query.area('p')} and ${scopeCondition(sql`p.regency_code`, scope)} and ${permitKindCondition(query.filter)}`;
}

export interface OverstayCounts {
  total: number;
  itas: number;
  itap: number;
  visit: number;
  byDistrict: Array<{ code: string | null; name: string | null; count: number }>;
  byNationality: Array<{ code: string; count: number }>;
}

/** Counts of overstaying people (every role may read them): by the last permit's type, district and nationality. */
export async function overstayCounts(db: Executor, query: OverstayQuery, scope: Scope): Promise<OverstayCounts> {
  const rows = await queryRows<{ kind: string; code: string | null; name: string | null; count: number }>(
    db,
    sql`
    with o as (${overstayingPeople(query, scope)})
    select 'type' as kind, permit_type as code, null as name, count(*)::int as count from o group by permit_type
    union all
    select 'district', o.district_code, d.name, count(*)::int from o left join areas d on d.code = o.district_code group by o.district_code, d.name
    union all
    select 'nationality', nationality, null, count(*)::int from o group by nationality`,
  );
  const byType = (type: string) => rows.find((r) => r.kind === 'type' && r.code === type)?.count ?? 0;
  const desc = (a: { count: number; code: string | null }, b: { count: number; code: string | null }) =>
    b.count - a.count || String(a.code).localeCompare(String(b.code));
  return {
    total: byType('itas') + byType('itap') + byType('visit'),
    itas: byType('itas'),
    itap: byType('itap'),
    visit: byType('visit'),
    byDistrict: rows
      .filter((r) => r.kind === 'district')
      .map((r) => ({ code: r.code, name: r.name, count: r.count }))
      .sort(desc),
    byNationality: rows
      .filter((r) => r.kind === 'nationality')
      .map((r) => ({ code: r.code!, count: r.count }))
      .sort(desc),
  };
}

export interface OverstayItem {
  personId: number;
  name: string;
  sex: string | null;
  nationality: string;
  passportNumber: string | null;
  permit: { id: number; type: string; number: string; expiresOn: string };
  daysOver: number;
  sponsor: { id: number; name: string } | null;
  districtCode: string | null;
  districtName: string | null;
  regencyCode: string;
  regencyName: string | null;
}

/** The person's current passport: the latest valid from (undated last), else the last permit's. */
const currentPassport = (person: SQL, fallback: SQL) => sql`coalesce((select pp.passport_number from person_passports pp where pp.person_id = ${person}
  order by pp.valid_from desc nulls last, pp.id desc limit 1), ${fallback})`;

/** Joins the sponsor and the district and regency of the rows of `alias` (by its sponsor_company_id, district_code, regency_code). */
const sponsorAndAreaJoins = (alias: 'o' | 'e') =>
  sql.raw(`left join companies c on c.id = ${alias}.sponsor_company_id
    left join areas d on d.code = ${alias}.district_code
    left join areas r on r.code = ${alias}.regency_code`);
/** The lists' columns from those joins; `sponsorAndAreas` reads them. */
const sponsorAndAreaColumns = (alias: 'o' | 'e') =>
  sql.raw(`c.id as sponsor_id, c.name as sponsor_name, ${alias}.district_code, d.name as district_name, ${alias}.regency_code, r.name as regency_name`);

/** The last fields of a list item: its sponsor and areas. */
const sponsorAndAreas = (r: Record<string, unknown>) => ({
  sponsor: r.sponsor_id === null ? null : { id: Number(r.sponsor_id), name: String(r.sponsor_name) },
  districtCode: (r.district_code as string | null) ?? null,
  districtName: (r.district_name as string | null) ?? null,
  regencyCode: String(r.regency_code),
  regencyName: (r.regency_name as string | null) ?? null,
});

/** The overstaying people with their person, last permit, sponsor and area names: the list's and the export's rows. */
const overstayRows = (query: OverstayQuery, scope: Scope): SQL => sql`(${overstayingPeople(query, scope)}) o
    join people pe on pe.id = o.person_id
    join permits p on p.id = o.permit_id
    ${sponsorAndAreaJoins('o')}`;

/** One page of overstaying people, longest over first (personal data: for roles allowed it). */
export async function listOverstays(
  db: Executor,
  query: OverstayQuery,
  page: { limit: number; offset: number },
  scope: Scope,
): Promise<{ items: OverstayItem[]; nextCursor: number | null }> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select o.person_id, pe.name, pe.sex, pe.nationality, ${currentPassport(sql`o.person_id`, sql`p.passport_number`)} as passport_number,
      o.permit_id, o.permit_type, o.permit_number, o.expires_on::text as expires_on, o.days_over,
      ${sponsorAndAreaColumns('o')}
    from ${overstayRows(query, scope)}
    order by o.days_over desc, o.person_id
    limit ${page.limit + 1} offset ${page.offset}`,
  );
  const items = rows.slice(0, page.limit).map((r): OverstayItem => ({
    personId: Number(r.person_id),
    name: String(r.name),
    sex: (r.sex as string | null) ?? null,
    nationality: String(r.nationality),
    passportNumber: (r.passport_number as string | null) ?? null,
    permit: { id: Number(r.permit_id), type: String(r.permit_type), number: String(r.permit_number), expiresOn: String(r.expires_on) },
    daysOver: Number(r.days_over),
    ...sponsorAndAreas(r),
  }));
  return { items, nextCursor: rows.length > page.limit ? page.offset + page.limit : null };
}

export interface ExpiringCounts {
  permits: number;
  /** Distinct holders (an unidentified permit is one person, as in every holders figure). */
  people: number;
  notRenewed: number;
  notRenewedPeople: number;
  bySponsor: Array<{ id: number | null; name: string | null; permits: number; people: number; notRenewed: number }>;
}

/** Counts of permits ending soon, in total and per sponsor (company names are not personal data). */
export async function expiringCounts(db: Executor, query: ExpiringQuery, scope: Scope): Promise<ExpiringCounts> {
  const holder = sql`coalesce(e.person_id, -e.permit_id)`;
  const base = sql`with e as (${expiringPermits(query, scope)})`;
  const totals = await queryOne<{ permits: number; people: number; not_renewed: number; not_renewed_people: number }>(
    db,
    sql`${base}
    select count(*)::int as permits, count(distinct ${holder})::int as people, (count(*) filter (where not e.renewed))::int as not_renewed,
      (count(distinct ${holder}) filter (where not e.renewed))::int as not_renewed_people from e`,
  );
  const sponsors = await queryRows<{ id: number | null; name: string | null; permits: number; people: number; not_renewed: number }>(
    db,
    sql`${base}
    select c.id, c.name, count(*)::int as permits, count(distinct ${holder})::int as people, (count(*) filter (where not e.renewed))::int as not_renewed
    from e left join companies c on c.id = e.sponsor_company_id
    group by c.id, c.name order by count(*) desc, c.name nulls last`,
  );
  return {
    permits: totals?.permits ?? 0,
    people: totals?.people ?? 0,
    notRenewed: totals?.not_renewed ?? 0,
    notRenewedPeople: totals?.not_renewed_people ?? 0,
    bySponsor: sponsors.map((s) => ({
      id: s.id === null ? null : Number(s.id),
      name: s.name,
      permits: s.permits,
      people: s.people,
      notRenewed: s.not_renewed,
    })),
  };
}

export interface ExpiringItem {
  permitId: number;
  permitNumber: string;
  permitType: string;
  expiresOn: string;
  daysLeft: number;
  renewed: boolean;
  personId: number | null;
  name: string;
  nationality: string;
  passportNumber: string | null;
  sponsor: { id: number; name: string } | null;
  districtCode: string | null;
  districtName: string | null;
  regencyCode: string;
  regencyName: string | null;
}

/** One page of permits ending soon, soonest first (personal data: for roles allowed it). */
export async function listExpiring(
  db: Executor,
  query: ExpiringQuery,
  page: { limit: number; offset: number },
  scope: Scope,
): Promise<{ items: ExpiringItem[]; nextCursor: number | null }> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select e.permit_id, e.permit_number, e.permit_type, e.expires_on::text as expires_on, e.days_left, e.renewed, e.person_id,
      coalesce(pe.name, e.holder_name) as name, coalesce(pe.nationality, e.nationality) as nationality,
      ${currentPassport(sql`e.person_id`, sql`e.passport_number`)} as passport_number,
      ${sponsorAndAreaColumns('e')}
    from (${expiringPermits(query, scope)}) e
    left join people pe on pe.id = e.person_id
    ${sponsorAndAreaJoins('e')}
    order by e.expires_on, e.permit_id
    limit ${page.limit + 1} offset ${page.offset}`,
  );
  const items = rows.slice(0, page.limit).map((r): ExpiringItem => ({
    permitId: Number(r.permit_id),
    permitNumber: String(r.permit_number),
    permitType: String(r.permit_type),
    expiresOn: String(r.expires_on),
    daysLeft: Number(r.days_left),
    renewed: Boolean(r.renewed),
    personId: r.person_id === null ? null : Number(r.person_id),
    name: String(r.name),
    nationality: String(r.nationality),
    passportNumber: (r.passport_number as string | null) ?? null,
    ...sponsorAndAreas(r),
  }));
  return { items, nextCursor: rows.length > page.limit ? page.offset + page.limit : null };
}

/** The export's rows (keyset on `k1`, `k2`): overstaying people, longest over first. */
export function overstayExportPage(query: OverstayQuery, scope: Scope, after: readonly number[] | null, limit: number): SQL {
  // Keyset over (-days_over, person_id) as (k1, k2): k1 = -days_over so that ascending order is longest first.
  return sql`
    select -o.days_over as k1, o.person_id as k2, pe.name, pe.nationality, ${currentPassport(sql`o.person_id`, sql`p.passport_number`)} as passport_number,
      o.permit_type, o.permit_number, o.expires_on::text as expires_on, o.days_over, c.name as sponsor,
      o.district_code, d.name as district_name, o.regency_code, r.name as regency_name
    from ${overstayRows(query, scope)}
    where ${after ? sql`(-o.days_over, o.person_id) > (${after[0]}::int, ${after[1] ?? 0}::bigint)` : sql`true`}
    order by 1, 2 limit ${limit}`;
}

/** The export's rows: permits ending soon, soonest first; `renewed` as the caller's language says yes or no. */
export function expiringExportPage(query: ExpiringQuery, scope: Scope, after: readonly number[] | null, limit: number, yesNo: readonly [string, string]): SQL {
  return sql`
    select e.days_left as k1, e.permit_id as k2, coalesce(pe.name, e.holder_name) as name, coalesce(pe.nationality, e.nationality) as nationality,
      ${currentPassport(sql`e.person_id`, sql`e.passport_number`)} as passport_number, e.permit_type, e.permit_number, e.expires_on::text as expires_on, e.days_left,
      case when e.renewed then ${yesNo[0]} else ${yesNo[1]} end as renewed, c.name as sponsor,
      e.district_code, d.name as district_name, e.regency_code, r.name as regency_name
    from (${expiringPermits(query, scope)}) e
    left join people pe on pe.id = e.person_id
    ${sponsorAndAreaJoins('e')}
    where ${after ? sql`(e.days_left, e.permit_id) > (${after[0]}::int, ${after[1] ?? 0}::bigint)` : sql`true`}
    order by 1, 2 limit ${limit}`;
}
