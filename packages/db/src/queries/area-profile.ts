// What the detail panel shows for an area: holders, nationalities, sponsors, risks, operations,
// meetings, reports and where the figures come from. Every part takes the scope.
import { sql, type SQL } from 'drizzle-orm';
import { addDays, type AreaLevel, type HolderCount, type PermitFilter, type Scope } from '@pantau/domain';
import { queryOne, queryRows, type Executor } from '../connect.js';
import { areaFilterColumn, permitFilterCondition, validOn } from './permit-stats.js';
import { scopeCondition } from './scope.js';
import { holderTotals, pendingPeople, validHolders } from './people-count.js';
import { holderCountsServe, holderStates, NATION_CODE, oneDay, pendingStates } from './holder-counts.js';
import { localized, type TextLang } from './text-language.js';
import { reportStatusAt, startOfDayWib } from './report-status.js';

const within = (column: SQL, code: string) => sql`(${column} = ${code} or ${column} like ${`${code}.%`})`;
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The same figures as @pantau/domain's countHolders. */
export type HolderCounts = HolderCount;

/** Distinct people holding a valid permit in the area (people-count.ts), by type, nationality and purpose. */
export async function holderCounts(
  db: Executor,
  level: AreaLevel,
  code: string,
  filter: PermitFilter,
  scope: Scope,
): Promise<HolderCounts & { byNationality: Array<{ code: string; count: number }>; byPurpose: Array<{ purpose: string; count: number }> }> {
  const column = areaFilterColumn(level);
  const day = sql`${filter.asOf}::date`;
  const holders = validHolders({
    day,
    filter: {},
    where: sql`${column} = ${code} and ${permitFilterCondition(filter)} and ${scopeCondition(sql`regency_code`, scope)}`,
  });
  const rows = await queryRows<{ nationality: string; purpose: string; permit_type: string; n: number; permits: number }>(
    db,
    sql`
    select h.nationality, h.purpose, h.holder_type as permit_type, count(*)::int as n, sum(h.permits)::int as permits from (${holders}) h
    group by 1, 2, 3`,
  );
  // People waiting: the pre-aggregate (migration 0018) when exact for the filter and scope, else the applications.
  const waiting = holderCountsServe(filter, scope, code)
    ? await queryOne<{ n: number }>(
        db,
        sql`select coalesce(sum(pending), 0)::int as n from (${pendingStates({ level, days: oneDay(filter.asOf), filter, codeCondition: (c) => sql`${c} = ${code}` })}) w`,
      )
    : await queryOne<{ n: number }>(
        db,
        sql`select count(*)::int as n from (${pendingPeople({
          day,
          filter,
          where: sql`a.${column} = ${code} and ${scopeCondition(sql`a.regency_code`, scope)}`,
        })}) w`,
      );
  const counts: HolderCounts = { total: 0, itas: 0, itap: 0, visit: 0, permits: 0, pending: Number(waiting?.n ?? 0) };
  const nationalities = new Map<string, number>();
  const purposes = new Map<string, number>();
  for (const r of rows) {
    const n = Number(r.n);
    counts.total += n;
    counts.permits += Number(r.permits);
    counts[r.permit_type as 'itas' | 'itap' | 'visit'] += n;
    nationalities.set(r.nationality, (nationalities.get(r.nationality) ?? 0) + n);
    purposes.set(r.purpose, (purposes.get(r.purpose) ?? 0) + n);
  }
  const sorted = <K extends string>(m: Map<string, number>, key: K) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, count]) => ({ [key]: k, count }) as Record<K, string> & { count: number });
  return { ...counts, byNationality: sorted(nationalities, 'code'), byPurpose: sorted(purposes, 'purpose') };
}

/** Valid holders (distinct people, people-count.ts) at the end of each month, the last month ending on asOf. */
export async function monthlyTrend(db: Executor, level: AreaLevel | null, code: string | null, filter: PermitFilter, months: number, scope: Scope) {
  const monthEnds = sql`
      -- Month ends, the last one capped at asOf so the trend ends on the panel's figure.
      select least((date_trunc('month', d) + interval '1 month - 1 day')::date, ${filter.asOf}::date) as day
      from generate_series(date_trunc('month', ${filter.asOf}::date) - make_interval(months => ${months - 1}), date_trunc('month', ${filter.asOf}::date), interval '1 month') as d`;
  const area = level && code ? code : null;
  // The pre-aggregate answers each month end from one checkpoint and a month of deltas (holder-counts.ts);
  // a purpose or sponsor filter, or an area the scope only partly covers, counts permits directly.
  const byMonth = holderCountsServe(filter, scope, area)
    ? sql`
      select s.day, sum(s.people)::int as total, (sum(s.people) filter (where s.holder_type = 'itas'))::int as itas,
        (sum(s.people) filter (where s.holder_type = 'itap'))::int as itap
      from (${holderStates({ level: area ? level! : 'nation', days: sql`select day from month_ends`, filter, codeCondition: (c) => sql`${c} = ${area ?? NATION_CODE}` })}) s
      group by s.day`
    : sql`
      select h.day, ${holderTotals('h')} from (${validHolders({
        day: sql`m.day`,
        from: sql`, month_ends m`,
        keys: { day: sql`m.day` },
        filter,
        where: sql`${level && code ? sql`p.${areaFilterColumn(level)} = ${code}` : sql`true`} and ${scopeCondition(sql`p.regency_code`, scope)}`,
      })}) h group by h.day`;
  const rows = await queryRows<{ month: string; total: number; itas: number; itap: number }>(
    db,
    sql`
    with month_ends as (${monthEnds}), by_month as (${byMonth})
    select to_char(m.day, 'YYYY-MM') as month, coalesce(b.total, 0) as total, coalesce(b.itas, 0) as itas, coalesce(b.itap, 0) as itap
    from month_ends m left join by_month b on b.day = m.day
    order by m.day`,
  );
  return rows.map((r) => ({ month: r.month, total: Number(r.total), itas: Number(r.itas), itap: Number(r.itap) }));
}

/** Sponsors with the most people holding a valid permit they sponsor in the area. */
export async function topSponsors(db: Executor, level: AreaLevel, code: string, filter: PermitFilter, scope: Scope, limit = 5) {
  const holders = validHolders({
    day: sql`${filter.asOf}::date`,
    filter: {},
    keys: { company_id: sql`p.sponsor_company_id` },
    where: sql`p.sponsor_company_id is not null and p.${areaFilterColumn(level)} = ${code} and ${permitFilterCondition(filter)} and ${scopeCondition(sql`p.regency_code`, scope)}`,
  });
  const rows = await queryRows<{ id: number; name: string; sector: string | null; n: number; origin: string }>(
    db,
    sql`
    select c.id, c.name, c.sector, c.origin, count(*)::int as n from (${holders}) h join companies c on c.id = h.company_id
    group by c.id order by n desc, c.name limit ${limit}`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, sector: r.sector, origin: r.origin, activePermits: Number(r.n) }));
}

export async function riskAreasIn(db: Executor, code: string, asOf: string, scope: Scope, lang?: TextLang) {
  const rows = await queryRows<{
    id: number;
    name: string;
    category: string;
    severity: string;
    valid_from: string;
    valid_to: string | null;
    source: string;
    origin: string;
  }>(
    db,
    sql`
    select r.id, ${localized(lang, sql`r.name`, sql`r.text_en`, 'name')} as name, r.category, r.severity, r.valid_from::text as valid_from, r.valid_to::text as valid_to, ${localized(lang, sql`r.source`, sql`r.text_en`, 'source')} as source, r.origin
    from risk_areas r, areas a
    where a.code = ${code} and r.geom && a.geom and ST_Intersects(r.geom, a.geom)
      and r.valid_from <= ${asOf}::date and (r.valid_to is null or r.valid_to >= ${asOf}::date) and ${scopeCondition(sql`r.regency_code`, scope)}
    order by case r.severity when 'high' then 0 when 'medium' then 1 else 2 end, r.valid_from desc limit 20`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    category: r.category,
    severity: r.severity,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source,
    origin: r.origin,
  }));
}

/** A period for events: up to `to` (the view's asOf by default), from `from` when given. */
export interface Period {
  from?: string;
  to: string;
}

export async function recentOperations(db: Executor, code: string, period: Period, scope: Scope, limit = 5) {
  const regency = code.slice(0, 5);
  const rows = await queryRows<{
    id: number;
    date: string;
    team: string;
    origin: string;
    targets: number;
    checked: number;
    violations: number;
    actions: unknown;
    outcomes: unknown;
  }>(
    db,
    sql`
    select o.id, o.date::text as date, o.team, o.origin,
      count(t.id)::int as targets, coalesce(sum(t.foreigners_checked), 0)::int as checked, coalesce(sum(t.violations), 0)::int as violations,
      (select coalesce(json_object_agg(kind, n), '{}'::json) from (select a.kind, sum(a.count)::int as n from enforcement_actions a join operation_targets t2 on t2.id = a.target_id where t2.operation_id = o.id group by a.kind) k) as actions,
      coalesce(json_object_agg(t.outcome, 1) filter (where t.outcome is not null), '{}'::json) as outcomes
    from operations o left join operation_targets t on t.operation_id = o.id
    where ${within(sql`o.regency_code`, regency)} ${code.length > 5 ? sql`and exists (select 1 from operation_targets x where x.operation_id = o.id and x.district_code = ${code})` : sql``}
      and o.date <= ${period.to}::date ${period.from ? sql`and o.date >= ${period.from}::date` : sql``} and ${scopeCondition(sql`o.regency_code`, scope)}
    group by o.id order by o.date desc, o.id desc limit ${limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    date: r.date,
    team: r.team,
    origin: r.origin,
    targets: Number(r.targets),
    foreignersChecked: Number(r.checked),
    violations: Number(r.violations),
    actions: json<Record<string, number>>(r.actions),
    outcomes: Object.keys(json<Record<string, number>>(r.outcomes)),
  }));
}

export async function lastMeeting(db: Executor, code: string, period: Period, scope: Scope, lang?: TextLang) {
  const row = await queryOne<{ id: number; date: string; title: string; venue: string | null; organiser: string; regency_code: string; origin: string }>(
    db,
    sql`
    select id, date::text as date, ${localized(lang, sql`title`, sql`text_en`, 'title')} as title, ${localized(lang, sql`venue`, sql`text_en`, 'venue')} as venue,
      ${localized(lang, sql`organiser`, sql`text_en`, 'organiser')} as organiser, regency_code, origin from meetings
    where ${within(sql`regency_code`, code.slice(0, 5))} and date <= ${period.to}::date ${period.from ? sql`and date >= ${period.from}::date` : sql``} and ${scopeCondition(sql`regency_code`, scope)}
    order by date desc, id desc limit 1`,
  );
  return row
    ? { id: Number(row.id), date: row.date, title: row.title, venue: row.venue, organiser: row.organiser, regencyCode: row.regency_code, origin: row.origin }
    : null;
}

/**
 * Reports received in the period that were open (new or verified) at the end of its last day: the status
 * comes from each report's history, so a past day shows what was open then, not what is open today.
 */
export async function openReports(db: Executor, code: string, period: Period, scope: Scope, limit = 5) {
  const endOfDay = startOfDayWib(addDays(period.to, 1));
  const from = sql`reports r cross join lateral (select ${reportStatusAt(sql`r.id`, endOfDay)} as status) rs`;
  const where = sql`${within(sql`r.district_code`, code)} and rs.status in ('new', 'verified') and r.received_at < ${endOfDay}
    ${period.from ? sql`and r.received_at >= ${startOfDayWib(period.from)}` : sql``} and ${scopeCondition(sql`r.regency_code`, scope)}`;
  const count = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`);
  const items = await queryRows<{ id: number; received_on: string; category: string; status: string; channel: string; origin: string }>(
    db,
    sql`
    select r.id, to_char(r.received_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as received_on, r.category, rs.status, r.channel, r.origin
    from ${from} where ${where} order by r.received_at desc, r.id desc limit ${limit}`,
  );
  return {
    count: Number(count?.n ?? 0),
    items: items.map((r) => ({ id: Number(r.id), receivedOn: r.received_on, category: r.category, status: r.status, channel: r.channel, origin: r.origin })),
  };
}

/** Where the area's permit figures come from, and how fresh each source is. */
export async function permitSources(db: Executor, level: AreaLevel, code: string, scope: Scope) {
  const rows = await queryRows<{ origin: string; n: number; loaded_at: string | null; last_issued: string | null }>(
    db,
    sql`
    select p.origin, count(*)::int as n, max(p.issued_on)::text as last_issued,
      (select to_char(loaded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from dataset_loads d where d.name = p.origin) as loaded_at
    from permits p where p.${areaFilterColumn(level)} = ${code} and ${scopeCondition(sql`p.regency_code`, scope)}
    group by p.origin order by n desc`,
  );
  return rows.map((r) => ({ origin: r.origin, permits: Number(r.n), loadedAt: r.loaded_at, lastIssued: r.last_issued }));
}

export { validOn };
