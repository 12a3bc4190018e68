// The rows behind the exports (GET /exports/<kind>.<format>): one SQL page source per kind, with the
// map's filters and the caller's scope, read page by page on a keyset so that a large export streams.
// Columns are named as in the database; the export module (data/src/export) names the file's headers.
import { sql, type SQL } from 'drizzle-orm';
import type { ImportKind, PermitFilter, Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import { expiringExportPage, overstayExportPage } from './overstays.js';
import { permitFilterCondition } from './permit-stats.js';
import { scopeCondition } from './scope.js';
import { localized, type TextLang } from './text-language.js';

/** The import kinds (a file goes out and comes back) but meetings, and the overstay and expiring-permit lists (issue 20). */
// Meetings are imported (issue 22) but not exported yet: their records live in the app (GET /meetings/{id}).
export type ExportKind = Exclude<ImportKind, 'meetings'> | 'overstays' | 'expiring';

export interface ExportFilter {
  /** A province, regency or district code. */
  area?: string;
  /** Permits: the map's permit filters (valid on asOf, sponsored by `permit.sponsor`). */
  permit: PermitFilter;
  /** Risk areas: valid on this day (when no period is given). */
  validOn?: string;
  /** Operations (their date), reports (day received, WIB), risk areas (validity overlapping the period). */
  from?: string;
  to?: string;
  /** Companies: this company's sites (permits take their sponsor in `permit`). */
  sponsor?: number;
  /** Kind-specific vocabularies: risk and report category, report status and channel, company sector, entry point kind. */
  category?: string[];
  status?: string[];
  channel?: string[];
  sector?: string[];
  kind?: string[];
  /** The language of bilingual records' text (reference and demo names, notes, findings, sources); default Indonesian. */
  lang?: TextLang;
  /** Overstays: at least this many days past the last permit's end (default 1). */
  minDays?: number;
  /** Expiring permits: ending within this many days of asOf (default 30). */
  within?: number;
}

/** Permit row `alias` inside `area` (or anywhere without one). */
const permitInArea =
  (area: string | undefined) =>
  (alias: string): SQL => {
    if (!area) return sql`true`;
    const column = ['province_code', 'regency_code', 'district_code'][area.split('.').length - 1] ?? 'district_code';
    return sql`${sql.raw(`${alias}.${column}`)} = ${area}`;
  };

/** The keyset: the last row's cursor columns (`k1`, and `k2` where one key is not enough). */
type After = readonly number[] | null;
type PageSource = (filter: ExportFilter, scope: Scope, after: After, limit: number) => SQL;

/** Rows inside `area`, on the finest column a kind has for the area's level (codes are dotted: 19, 19.04, 19.04.01). */
function inArea(area: string | undefined, columns: { province?: SQL; regency: SQL; district?: SQL }): SQL {
  if (!area) return sql`true`;
  const level = area.split('.').length;
  if (level === 1) return columns.province ? sql`${columns.province} = ${area}` : sql`${columns.regency} like ${`${area}.%`}`;
  if (level === 2 || !columns.district) return sql`${columns.regency} = ${area.slice(0, 5)}`;
  return sql`${columns.district} = ${area}`;
}

const inList = (column: SQL, values?: string[]) => (values?.length ? sql`${column} in ${values}` : sql`true`);
const after1 = (column: SQL, after: After) => (after ? sql`${column} > ${after[0]}` : sql`true`);
const dateRange = (column: SQL, from?: string, to?: string) =>
  sql`${from ? sql`${column} >= ${from}::date` : sql`true`} and ${to ? sql`${column} <= ${to}::date` : sql`true`}`;

const PAGES: Record<ExportKind, PageSource> = {
  permits: (filter, scope, after, limit) => sql`
    select p.id as k1, p.permit_number, p.permit_type, p.purpose, p.nationality, p.sex, p.holder_name,
      coalesce(c.registration_number, c.name) as sponsor, p.issued_on::text as issued_on, p.expires_on::text as expires_on,
      p.cancelled_on::text as cancelled_on, p.district_code, p.regency_code, p.origin
    from permits p left join companies c on c.id = p.sponsor_company_id
    where ${after1(sql`p.id`, after)} and ${permitFilterCondition(filter.permit)} and ${scopeCondition(sql`p.regency_code`, scope)}
      and ${inArea(filter.area, { province: sql`p.province_code`, regency: sql`p.regency_code`, district: sql`p.district_code` })}
    order by p.id limit ${limit}`,

  // One row per site: a company with several sites is several rows, as the importer reads them.
  companies: (filter, scope, after, limit) => sql`
    select s.id as k1, c.name, c.registration_number, c.sector, ${localized(filter.lang, sql`s.name`, sql`s.text_en`, 'name')} as site_name, ST_Y(s.geom) as lat, ST_X(s.geom) as lng,
      s.district_code, s.regency_code, c.origin
    from company_sites s join companies c on c.id = s.company_id
    where ${after1(sql`s.id`, after)} and ${scopeCondition(sql`s.regency_code`, scope)} and ${inList(sql`c.sector`, filter.sector)}
      and ${filter.sponsor !== undefined ? sql`c.id = ${filter.sponsor}` : sql`true`}
      and ${inArea(filter.area, { province: sql`s.province_code`, regency: sql`s.regency_code`, district: sql`s.district_code` })}
    order by s.id limit ${limit}`,

  // One row per target (an operation without targets: one row without a place), whole operations only:
  // a district keeps the operations that checked a place in it. Several actions of a target: lists.
  operations: (filter, scope, after, limit) => sql`
    select o.id as k1, coalesce(t.id, 0) as k2, o.date::text as date, o.regency_code, o.team, f.name as office, ${localized(filter.lang, sql`o.notes`, sql`o.text_en`, 'notes')} as operation_notes,
      case when t.id is not null then (select count(*)::int from operation_targets n where n.operation_id = o.id and n.id <= t.id) end as target_no,
      ${localized(filter.lang, sql`t.place`, sql`t.text_en`, 'place')} as place, t.kind, t.foreigners_checked, t.violations, t.outcome,
      ${localized(filter.lang, sql`t.findings`, sql`t.text_en`, 'findings')} as findings,
      a.kinds as action, a.counts as action_count, a.nationalities as violator_nationality,
      ST_Y(t.geom) as lat, ST_X(t.geom) as lng, t.district_code, o.origin
    from operations o
    left join offices f on f.id = o.office_id
    left join operation_targets t on t.operation_id = o.id
    left join lateral (
      select string_agg(x.kind, '; ' order by x.id) as kinds, string_agg(x.count::text, '; ' order by x.id) as counts,
        case when bool_or(x.nationality is not null) then string_agg(coalesce(x.nationality, ''), '; ' order by x.id) end as nationalities
      from enforcement_actions x where x.target_id = t.id) a on true
    where ${after ? sql`(o.id, coalesce(t.id, 0)) > (${after[0]}, ${after[1] ?? 0})` : sql`true`}
      and ${scopeCondition(sql`o.regency_code`, scope)} and ${dateRange(sql`o.date`, filter.from, filter.to)}
      and ${
        filter.area && filter.area.split('.').length === 3
          ? sql`exists (select 1 from operation_targets d where d.operation_id = o.id and d.district_code = ${filter.area})`
          : inArea(filter.area, { regency: sql`o.regency_code` })
      }
    order by o.id, coalesce(t.id, 0) limit ${limit}`,

  // Risk areas valid in the period (or on validOn); without either, all of them. The polygon goes out
  // as WKT (spreadsheets) and as RFC 7946 GeoJSON (exterior rings counter-clockwise), at full precision.
  'risk-areas': (filter, scope, after, limit) => {
    const from = filter.from ?? filter.validOn;
    const to = filter.to ?? filter.validOn;
    return sql`
      select id as k1, ${localized(filter.lang, sql`name`, sql`text_en`, 'name')} as name, category, severity, valid_from::text as valid_from, valid_to::text as valid_to,
        ${localized(filter.lang, sql`source`, sql`text_en`, 'source')} as source, ${localized(filter.lang, sql`description`, sql`text_en`, 'description')} as description, regency_code, origin,
        ST_AsText(geom, 15) as wkt, ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 15) as geojson
      from risk_areas
      where ${after1(sql`id`, after)} and ${scopeCondition(sql`regency_code`, scope)} and ${inList(sql`category`, filter.category)}
        and ${to ? sql`valid_from <= ${to}::date` : sql`true`} and ${from ? sql`(valid_to is null or valid_to >= ${from}::date)` : sql`true`}
        and ${inArea(filter.area, { province: sql`province_code`, regency: sql`regency_code` })}
      order by id limit ${limit}`;
  },

  'entry-points': (filter, scope, after, limit) => sql`
    select id as k1, name, kind, ST_Y(geom) as lat, ST_X(geom) as lng, district_code, regency_code, origin
    from entry_points
    where ${after1(sql`id`, after)} and ${scopeCondition(sql`regency_code`, scope)} and ${inList(sql`kind`, filter.kind)}
      and ${inArea(filter.area, { province: sql`province_code`, regency: sql`regency_code`, district: sql`district_code` })}
    order by id limit ${limit}`,

  // Received time in WIB without a zone: the importer reads a zone-less time as WIB.
  reports: (filter, scope, after, limit) => sql`
    select id as k1, to_char(received_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI:SS') as received_at, channel, category, status, summary,
      ST_Y(geom) as lat, ST_X(geom) as lng, district_code, regency_code, origin
    from reports
    where ${after1(sql`id`, after)} and ${scopeCondition(sql`regency_code`, scope)}
      and ${dateRange(sql`(received_at at time zone 'Asia/Jakarta')::date`, filter.from, filter.to)}
      and ${inList(sql`category`, filter.category)} and ${inList(sql`status`, filter.status)} and ${inList(sql`channel`, filter.channel)}
      and ${inArea(filter.area, { province: sql`province_code`, regency: sql`regency_code`, district: sql`district_code` })}
    order by id limit ${limit}`,

  overstays: (filter, scope, after, limit) =>
    overstayExportPage({ asOf: filter.permit.asOf, minDays: filter.minDays ?? 1, filter: filter.permit, area: permitInArea(filter.area) }, scope, after, limit),

  expiring: (filter, scope, after, limit) =>
    expiringExportPage(
      { asOf: filter.permit.asOf, within: filter.within ?? 30, filter: filter.permit, area: permitInArea(filter.area) },
      scope,
      after,
      limit,
      filter.lang === 'en' ? ['yes', 'no'] : ['ya', 'tidak'],
    ),

  // Monthly crossings per checkpoint, nationality and direction: the imported counts where a month has
  // them, else the crossings of known people counted. No person named; re-imports as monthly counts.
  // Checkpoints in the area (or the scope); months from–to (any day of them).
  movements: (filter, scope, after, limit) => sql`
    with crossings as (
      select m.entry_point_id, date_trunc('month', m.date)::date as month, h.nationality, m.direction, count(*)::int as count
      from movements m join people h on h.id = m.person_id
      where m.entry_point_id is not null
      group by 1, 2, 3, 4
    ), counted as (
      select entry_point_id, month, nationality, direction, count from movement_counts
      union all
      select c.* from crossings c
      where not exists (select 1 from movement_counts x where x.entry_point_id = c.entry_point_id and x.month = c.month and x.nationality = c.nationality and x.direction = c.direction)
    ), numbered as (
      select row_number() over (order by e.id, c.month, c.nationality, c.direction) as k1, e.name as entry_point, to_char(c.month, 'YYYY-MM') as month,
        c.nationality, c.direction, c.count, e.district_code, e.regency_code
      from counted c join entry_points e on e.id = c.entry_point_id
      where ${scopeCondition(sql`coalesce(e.regency_code, e.province_code)`, scope)}
        and ${inArea(filter.area, { province: sql`e.province_code`, regency: sql`e.regency_code`, district: sql`e.district_code` })}
        and ${filter.from ? sql`c.month >= date_trunc('month', ${filter.from}::date)` : sql`true`} and ${filter.to ? sql`c.month <= ${filter.to}::date` : sql`true`}
        and ${filter.permit.nationalities?.length ? sql`c.nationality in ${[...filter.permit.nationalities]}` : sql`true`}
    )
    select * from numbered where ${after1(sql`k1`, after)} order by k1 limit ${limit}`,
};

/** The rows of an export, page by page on the keyset (stable and cheap at any depth). */
export async function* exportRows(
  db: Executor,
  kind: ExportKind,
  filter: ExportFilter,
  scope: Scope,
  pageSize = 2000,
): AsyncGenerator<Record<string, unknown>> {
  let after: After = null;
  for (;;) {
    const rows: Array<Record<string, unknown>> = await queryRows<Record<string, unknown>>(db, PAGES[kind](filter, scope, after, pageSize));
    yield* rows;
    if (rows.length < pageSize) return;
    const last: Record<string, unknown> = rows[rows.length - 1]!;
    after = [Number(last.k1), Number(last.k2 ?? 0)];
  }
}
