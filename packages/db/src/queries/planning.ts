// Planning candidates: the raw factor values of every company site and district in an area on a date,
// from records dated before that day only (so a backtest can replay history). The score itself is
// computed in @pantau/domain; this module only counts. Every part takes the scope. No permit holder's
// name or number leaves this module: names are used inside SQL only to tell a renewal from a lapse.
import { sql, type SQL } from 'drizzle-orm';
import {
  addDays,
  CANDIDATE_KINDS,
  mixSimilarity,
  type CandidateKind,
  monthsBetween,
  type Candidate,
  type RawFactors,
  type RiskCategory,
  type RiskSeverity,
  type Scope,
} from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { scopeCondition } from './scope.js';
import { validHolders } from './people-count.js';
import { localized, type TextLang } from './text-language.js';
import { reportStatusAt, startOfDayWib } from './report-status.js';

const CANDIDATE_ID_PREFIX: Record<CandidateKind, string> = { company_site: 'site', district: 'district', report_cluster: 'reports' };

/** How near a past check, finding or report must be to count for a site (metres). */
export const PLANNING_RADII = { checked: 250, findings: 1000, reports: 2000 } as const;
/** Report window (days before asOf), findings window (years), expiry window (days before / after asOf). */
export const PLANNING_WINDOWS = { reportDays: 90, findingYears: 5, expiredDays: 90, expiringDays: 30 } as const;

export interface PlanningCandidate extends Candidate {
  companyId: number | null;
  location: { lng: number; lat: number };
  areaCodes: { province: string | null; regency: string | null; district: string | null };
  lastOperationId: number | null;
  riskAreaIds: number[];
}

interface Row extends Record<string, unknown> {
  id: number | string;
  name: string;
  company_id: number | null;
  lng: number;
  lat: number;
  district_code: string | null;
  regency_code: string | null;
  province_code: string | null;
  active: number;
  year_ago: number;
  expiring: number;
  nationalities: unknown;
  last_date: string | null;
  last_id: number | null;
  violations: number;
  actions: number;
  open_reports: number;
  verified_reports: number;
  risks: unknown;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
/** A regency column within a province or regency code; a regency code needs only equality (indexable). */
const within = (column: SQL, code: string) => (code.length >= 5 ? sql`${column} = ${code}` : sql`(${column} = ${code} or ${column} like ${`${code}.%`})`);
/** Near in metres, with a bounding-box test first so the GiST index is used (1° ≥ 110 km). */
const near = (a: SQL, b: SQL, metres: number) =>
  sql`(${a} && ST_Expand(${b}, ${metres / 100_000}) and ST_DWithin(${a}::geography, ${b}::geography, ${metres}))`;
const validOn = (p: string, day: string) =>
  sql`(${sql.raw(p)}.issued_on <= ${day}::date and ${sql.raw(p)}.expires_on > ${day}::date and (${sql.raw(p)}.cancelled_on is null or ${sql.raw(p)}.cancelled_on > ${day}::date))`;

/**
 * Valid holders (distinct people, people-count.ts) on asOf and a year before, per `keys`: rows with `day`
 * ('now' or 'year_ago'), the keys, holder, holder_type, nationality.
 */
const holdersNowAndYearAgo = (asOf: string, keys: Record<string, SQL>, where: SQL) =>
  validHolders({
    day: sql`d.day`,
    from: sql`, (values (${asOf}::date, 'now'), (${addDays(asOf, -365)}::date, 'year_ago')) as d(day, label)`,
    keys: { ...keys, label: sql`d.label` },
    filter: {},
    where,
  });

/** Permits that lapse around asOf (expired up to 90 days before, or expiring within 30 after) with no later permit for the same holder. */
function lapsing(asOf: string): SQL {
  return sql`(p.cancelled_on is null and p.expires_on > ${addDays(asOf, -PLANNING_WINDOWS.expiredDays)}::date and p.expires_on <= ${addDays(asOf, PLANNING_WINDOWS.expiringDays)}::date
    and not exists (select 1 from permits q where q.holder_name = p.holder_name and q.nationality = p.nationality and q.issued_on > p.issued_on and q.issued_on <= ${asOf}::date))`;
}

/**
 * Operation targets before asOf in the area's regencies and the scope. Checks just across a regency
 * border do not count for a site: the lateral look-ups then scan tens of targets, not all of them.
 */
const targetsBefore = (area: string | null, asOf: string, scope: Scope) => sql`
  select t.id, t.geom, t.company_site_id, t.district_code, t.violations, o.id as operation_id, o.date
  from operation_targets t join operations o on o.id = t.operation_id
  where o.date < ${asOf}::date and ${area === null ? sql`true` : within(sql`t.regency_code`, area.slice(0, 5))} and ${scopeCondition(sql`t.regency_code`, scope)}`;

/**
 * Reports received in the window and not dismissed, with their status as of the start of asOf (WIB), from
 * their history (report-status.ts), never today's: a report verified after the ranked day is still new
 * there. Used as `from ${reportsThen(asOf)} where … and ${reportsWindow(asOf, scope)}`; `rs.status` is the status then.
 */
const reportsThen = (asOf: string) => sql`reports r cross join lateral (select ${reportStatusAt(sql`r.id`, startOfDayWib(asOf))} as status) rs`;
const reportsWindow = (asOf: string, scope: Scope) => sql`
  r.received_at >= ${startOfDayWib(addDays(asOf, -PLANNING_WINDOWS.reportDays))}
  and r.received_at < ${startOfDayWib(asOf)} and rs.status in ('new', 'verified', 'acted') and ${scopeCondition(sql`r.regency_code`, scope)}`;

const riskValid = (asOf: string, scope: Scope) =>
  sql`rk.valid_from <= ${asOf}::date and (rk.valid_to is null or rk.valid_to >= ${asOf}::date) and ${scopeCondition(sql`rk.regency_code`, scope)}`;
const riskJson = sql`coalesce(json_agg(json_build_object('id', rk.id, 'category', rk.category, 'severity', rk.severity) order by rk.id), '[]'::json)`;

/** The area condition on a row's codes: a province, regency or district code; null = the whole scope. */
function inArea(area: string | null, regency: SQL, district: SQL): SQL {
  if (area === null) return sql`true`;
  return area.length > 5 ? sql`${district} = ${area}` : within(regency, area);
}

/** Company sites: holders are the valid permits the site's company sponsors in the site's regency. */
async function siteRows(db: Executor, area: string | null, asOf: string, scope: Scope, lang?: TextLang): Promise<Row[]> {
  const since = addDays(asOf, -365 * PLANNING_WINDOWS.findingYears);
  // Holders count in the site's own regency, so only the area's regencies' permits need reading (index).
  const permitRegency = area === null ? sql`true` : within(sql`p.regency_code`, area.slice(0, 5));
  return queryRows<Row>(
    db,
    sql`
    with site as (
      select s.id, s.company_id, c.name || ' — ' || ${localized(lang, sql`s.name`, sql`s.text_en`, 'name')} as name, s.geom, s.district_code, s.regency_code, s.province_code
      from company_sites s join companies c on c.id = s.company_id
      where ${inArea(area, sql`s.regency_code`, sql`s.district_code`)} and ${scopeCondition(sql`s.regency_code`, scope)}
    ), sponsor_holders as (${holdersNowAndYearAgo(
      asOf,
      { company_id: sql`p.sponsor_company_id`, regency_code: sql`p.regency_code` },
      sql`p.sponsor_company_id in (select company_id from site) and ${permitRegency} and p.issued_on <= ${asOf}::date and ${scopeCondition(sql`p.regency_code`, scope)}`,
    )}
    ), sponsored as (
      select company_id, regency_code, count(*) filter (where label = 'now')::int as active, count(*) filter (where label = 'year_ago')::int as year_ago
      from sponsor_holders group by 1, 2
    ), lapsed as (
      select p.sponsor_company_id as company_id, p.regency_code, count(*)::int as expiring from permits p
      where p.sponsor_company_id in (select company_id from site) and ${permitRegency} and p.issued_on <= ${asOf}::date and ${lapsing(asOf)} and ${scopeCondition(sql`p.regency_code`, scope)}
      group by 1, 2
    ), mix as (
      select company_id, regency_code, json_object_agg(nationality, n) as nationalities from (
        select company_id, regency_code, nationality, count(*)::int as n from sponsor_holders where label = 'now'
        group by 1, 2, 3) x group by 1, 2
    ), past as (${targetsBefore(area, asOf, scope)})
    select s.id, s.name, s.company_id, ST_X(s.geom) as lng, ST_Y(s.geom) as lat, s.district_code, s.regency_code, s.province_code,
      coalesce(h.active, 0) as active, coalesce(h.year_ago, 0) as year_ago, coalesce(x.expiring, 0) as expiring, m.nationalities,
      chk.date as last_date, chk.operation_id as last_id, f.violations, f.actions, rep.open_reports, rep.verified_reports, rsk.risks
    from site s
    left join sponsored h on h.company_id = s.company_id and h.regency_code = s.regency_code
    left join lapsed x on x.company_id = s.company_id and x.regency_code = s.regency_code
    left join mix m on m.company_id = s.company_id and m.regency_code = s.regency_code
    left join lateral (
      select t.date::text as date, t.operation_id from past t
      where t.company_site_id = s.id or ${near(sql`t.geom`, sql`s.geom`, PLANNING_RADII.checked)}
      order by t.date desc, t.operation_id desc limit 1) chk on true
    left join lateral (
      select coalesce(sum(t.violations), 0)::int as violations, coalesce(sum((select sum(a.count) from enforcement_actions a where a.target_id = t.id)), 0)::int as actions
      from past t where t.date >= ${since}::date and (t.company_site_id = s.id or ${near(sql`t.geom`, sql`s.geom`, PLANNING_RADII.findings)})) f on true
    left join lateral (
      select count(*) filter (where rs.status = 'new')::int as open_reports, count(*) filter (where rs.status in ('verified', 'acted'))::int as verified_reports
      from ${reportsThen(asOf)} where ${near(sql`r.geom`, sql`s.geom`, PLANNING_RADII.reports)} and ${reportsWindow(asOf, scope)}) rep on true
    left join lateral (
      select ${riskJson} as risks from risk_areas rk where rk.geom && s.geom and ST_Intersects(rk.geom, s.geom) and ${riskValid(asOf, scope)}) rsk on true
    order by s.id`,
  );
}

/** Districts with holders, findings or reports: holders are the valid permits of residents of the district. */
async function districtRows(db: Executor, area: string | null, asOf: string, scope: Scope): Promise<Row[]> {
  const since = addDays(asOf, -365 * PLANNING_WINDOWS.findingYears);
  return queryRows<Row>(
    db,
    sql`
    with district as (
      select d.code, d.name, d.geom, d.label, d.parent_code as regency_code from areas d
      where d.level = 'district' and ${inArea(area, sql`d.parent_code`, sql`d.code`)} and ${scopeCondition(sql`d.code`, scope)}
    ), resident_holders as (${holdersNowAndYearAgo(
      asOf,
      { district_code: sql`p.district_code` },
      sql`p.district_code in (select code from district) and p.issued_on <= ${asOf}::date and ${scopeCondition(sql`p.regency_code`, scope)}`,
    )}
    ), resident as (
      select district_code, count(*) filter (where label = 'now')::int as active, count(*) filter (where label = 'year_ago')::int as year_ago
      from resident_holders group by 1
    ), lapsed as (
      select p.district_code, count(*)::int as expiring from permits p
      where p.district_code in (select code from district) and p.issued_on <= ${asOf}::date and ${lapsing(asOf)} and ${scopeCondition(sql`p.regency_code`, scope)}
      group by 1
    ), mix as (
      select district_code, json_object_agg(nationality, n) as nationalities from (
        select district_code, nationality, count(*)::int as n from resident_holders where label = 'now'
        group by 1, 2) x group by 1
    ), past as (${targetsBefore(area, asOf, scope)}),
    checked as (select distinct on (district_code) district_code, date::text as date, operation_id from past order by district_code, date desc, operation_id desc),
    found as (
      select t.district_code, coalesce(sum(t.violations), 0)::int as violations, coalesce(sum((select sum(a.count) from enforcement_actions a where a.target_id = t.id)), 0)::int as actions
      from past t where t.date >= ${since}::date group by 1
    ), reported as (
      select r.district_code, count(*) filter (where rs.status = 'new')::int as open_reports, count(*) filter (where rs.status in ('verified', 'acted'))::int as verified_reports
      from ${reportsThen(asOf)} where r.district_code in (select code from district) and ${reportsWindow(asOf, scope)} group by 1
    )
    select d.code as id, d.name, null::int as company_id, ST_X(d.label) as lng, ST_Y(d.label) as lat, d.code as district_code, d.regency_code, left(d.code, 2) as province_code,
      coalesce(h.active, 0) as active, coalesce(h.year_ago, 0) as year_ago, coalesce(x.expiring, 0) as expiring, m.nationalities,
      chk.date as last_date, chk.operation_id as last_id, coalesce(f.violations, 0) as violations, coalesce(f.actions, 0) as actions,
      coalesce(rep.open_reports, 0) as open_reports, coalesce(rep.verified_reports, 0) as verified_reports, rsk.risks
    from district d
    left join resident h on h.district_code = d.code
    left join lapsed x on x.district_code = d.code
    left join mix m on m.district_code = d.code
    left join checked chk on chk.district_code = d.code
    left join found f on f.district_code = d.code
    left join reported rep on rep.district_code = d.code
    left join lateral (
      select ${riskJson} as risks from risk_areas rk where rk.geom && d.geom and ST_Intersects(rk.geom, d.geom) and ${riskValid(asOf, scope)}) rsk on true
    where coalesce(h.active, 0) > 0 or coalesce(f.violations, 0) > 0 or coalesce(rep.open_reports, 0) + coalesce(rep.verified_reports, 0) > 0
    order by d.code`,
  );
}

/**
 * Where reports cluster: at least REPORT_CLUSTER.minReports reports of the report window (new, verified
 * or acted on) each within REPORT_CLUSTER.eps degrees (about 500 m) of another, by DBSCAN in PostGIS
 * (ST_ClusterDBSCAN). Such a place is a candidate whether or not a company stands there: the
 * foreigners reported are often not registered. Holders are those of the companies with a site within
 * REPORT_CLUSTER.siteMetres of the cluster's centre; the id is the cluster's first report, so the same
 * day ranks the same cluster under the same id (plans look candidates up by id).
 */
export const REPORT_CLUSTER = { eps: 0.0045, minReports: 3, siteMetres: 500 } as const;

/** How a report cluster's name begins (the rest is its district), in each language. */
export const REPORT_CLUSTER_NAME = { id: 'Kumpulan laporan masyarakat — ', en: 'Cluster of public reports — ' } as const;

async function reportClusterRows(db: Executor, area: string | null, asOf: string, scope: Scope, lang?: TextLang): Promise<Row[]> {
  const nearSites = sql`${scopeCondition(sql`p.regency_code`, scope)} and p.sponsor_company_id in (select s.company_id from company_sites s where ${near(sql`s.geom`, sql`c.geom`, REPORT_CLUSTER.siteMetres)})`;
  const since = addDays(asOf, -365 * PLANNING_WINDOWS.findingYears);
  return queryRows<Row>(
    db,
    sql`
    with rep as (
      select r.id, r.geom, rs.status, r.district_code, r.regency_code, r.province_code from ${reportsThen(asOf)}
      where ${inArea(area, sql`r.regency_code`, sql`r.district_code`)} and ${reportsWindow(asOf, scope)}
    ), grouped as (
      select rep.*, ST_ClusterDBSCAN(rep.geom, eps := ${REPORT_CLUSTER.eps}, minpoints := ${REPORT_CLUSTER.minReports}) over (order by rep.id) as cid from rep
    ), cluster as (
      select min(id) as id, ST_Centroid(ST_Collect(geom)) as geom,
        count(*) filter (where status = 'new')::int as open_reports, count(*) filter (where status in ('verified', 'acted'))::int as verified_reports,
        mode() within group (order by district_code) as district_code, mode() within group (order by regency_code) as regency_code,
        mode() within group (order by province_code) as province_code
      from grouped where cid is not null group by cid
    ), past as (${targetsBefore(area, asOf, scope)})
    select c.id, ${REPORT_CLUSTER_NAME[lang ?? 'id']}::text || coalesce(d.name, c.regency_code) as name, null::int as company_id, ST_X(c.geom) as lng, ST_Y(c.geom) as lat,
      c.district_code, c.regency_code, c.province_code,
      coalesce(h.active, 0) as active, coalesce(h.year_ago, 0) as year_ago, coalesce(h.expiring, 0) as expiring, null::json as nationalities,
      chk.date as last_date, chk.operation_id as last_id, f.violations, f.actions, c.open_reports, c.verified_reports, rsk.risks
    from cluster c
    left join areas d on d.code = c.district_code
    left join lateral (
      select count(*) filter (where x.label = 'now')::int as active, count(*) filter (where x.label = 'year_ago')::int as year_ago,
        (select count(*) from permits p where p.regency_code = c.regency_code and p.issued_on <= ${asOf}::date and ${nearSites} and ${lapsing(asOf)})::int as expiring
      from (${holdersNowAndYearAgo(asOf, {}, sql`p.regency_code = c.regency_code and p.issued_on <= ${asOf}::date and ${nearSites}`)}) x) h on true
    left join lateral (
      select t.date::text as date, t.operation_id from past t where ${near(sql`t.geom`, sql`c.geom`, REPORT_CLUSTER.siteMetres)}
      order by t.date desc, t.operation_id desc limit 1) chk on true
    left join lateral (
      select coalesce(sum(t.violations), 0)::int as violations, coalesce(sum((select sum(a.count) from enforcement_actions a where a.target_id = t.id)), 0)::int as actions
      from past t where t.date >= ${since}::date and ${near(sql`t.geom`, sql`c.geom`, PLANNING_RADII.findings)}) f on true
    left join lateral (
      select ${riskJson} as risks from risk_areas rk where rk.geom && c.geom and ST_Intersects(rk.geom, c.geom) and ${riskValid(asOf, scope)}) rsk on true
    order by c.id`,
  );
}

/** Nationalities of foreigners acted on (TAK) after past findings in the area, before asOf. */
export async function findingNationalities(db: Executor, area: string | null, asOf: string, scope: Scope): Promise<Map<string, number>> {
  const regencyArea = area === null ? null : area.slice(0, 5);
  const rows = await queryRows<{ nationality: string; n: number }>(
    db,
    sql`
    select a.nationality, sum(a.count)::int as n from enforcement_actions a
    join operation_targets t on t.id = a.target_id join operations o on o.id = t.operation_id
    where a.nationality is not null and o.date < ${asOf}::date and ${regencyArea === null ? sql`true` : within(sql`t.regency_code`, regencyArea)}
      and ${scopeCondition(sql`t.regency_code`, scope)}
    group by 1`,
  );
  return new Map(rows.map((r) => [r.nationality, Number(r.n)]));
}

export type CandidateKinds = readonly CandidateKind[];

/**
 * Candidates in `area` (a province, regency or district code; null = the whole scope) on `asOf`, with
 * their raw factor values. Only records dated before asOf count, so asOf may be any past day.
 */
/** `lang`: the language of the names of sites and report clusters (a plan stores its targets' names in Indonesian). */
export async function planningCandidates(
  db: Executor,
  area: string | null,
  asOf: string,
  scope: Scope,
  kinds: CandidateKinds = CANDIDATE_KINDS,
  lang?: TextLang,
): Promise<PlanningCandidate[]> {
  const [sites, districts, clusters, findingMix] = await Promise.all([
    kinds.includes('company_site') ? siteRows(db, area, asOf, scope, lang) : Promise.resolve([]),
    kinds.includes('district') ? districtRows(db, area, asOf, scope) : Promise.resolve([]),
    kinds.includes('report_cluster') ? reportClusterRows(db, area, asOf, scope, lang) : Promise.resolve([]),
    findingNationalities(db, area, asOf, scope),
  ]);
  const toCandidate =
    (kind: CandidateKind) =>
    (r: Row): PlanningCandidate => {
      const risks = json<Array<{ id: number; category: RiskCategory; severity: RiskSeverity }>>(r.risks) ?? [];
      const raw: RawFactors = {
        activeHolders: Number(r.active),
        holdersYearAgo: Number(r.year_ago),
        expiringWithoutRenewal: Number(r.expiring),
        pastViolations: Number(r.violations ?? 0),
        pastActions: Number(r.actions ?? 0),
        openReports: Number(r.open_reports ?? 0),
        verifiedReports: Number(r.verified_reports ?? 0),
        reportWindowDays: PLANNING_WINDOWS.reportDays,
        riskAreas: risks.map((x) => ({ category: x.category, severity: x.severity })),
        lastCheckedOn: r.last_date,
        monthsSinceCheck: r.last_date === null ? null : monthsBetween(r.last_date, asOf),
        mixSimilarity: mixSimilarity(json<Record<string, number>>(r.nationalities) ?? {}, findingMix),
      };
      return {
        id: `${CANDIDATE_ID_PREFIX[kind]}:${r.id}`,
        kind,
        name: r.name,
        raw,
        companyId: r.company_id === null ? null : Number(r.company_id),
        location: { lng: Number(r.lng), lat: Number(r.lat) },
        areaCodes: { province: r.province_code, regency: r.regency_code, district: r.district_code },
        lastOperationId: r.last_id === null ? null : Number(r.last_id),
        riskAreaIds: risks.map((x) => Number(x.id)),
      };
    };
  return [...sites.map(toCandidate('company_site')), ...districts.map(toCandidate('district')), ...clusters.map(toCandidate('report_cluster'))];
}

// For the coverage-gap tile layer (queries/coverage.ts): the same holder and last-check rules.
export { validOn as validOnSql, targetsBefore as targetsBeforeSql };
