// Paginated lists with the filters shared across the API (area, bbox, from/to) and keyset
// pagination on id: stable under inserts, cheap at any depth.
import { sql, type SQL } from 'drizzle-orm';
import type { CompanySiteAnswer, GeoJsonGeometry, MeetingAnswer, OperationTargetAnswer, Scope } from '@pantau/domain';
import { queryRows, type Executor } from '../connect.js';
import {
  companies,
  companySites,
  entryPoints,
  meetingFollowUps,
  meetings,
  operationTargets,
  operations,
  permits,
  reports,
  riskAreas,
  enforcementActions,
} from '../schema/index.js';
import { scopeCondition } from './scope.js';
import { localized, localizedJson, type TextLang } from './text-language.js';
import { validOn } from './permit-stats.js';

export interface ListFilter {
  /** An area code: rows inside that province, regency or district. */
  area?: string;
  bbox?: [number, number, number, number];
  from?: string;
  to?: string;
  limit: number;
  /** The last id of the previous page. */
  after?: number;
  /** One row by id (record endpoints). */
  id?: number;
  /** The language of bilingual text (names, notes): Indonesian by default. */
  lang?: TextLang;
}

export interface Page<T> {
  items: T[];
  nextCursor: number | null;
}

function page<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

const envelope = (b: [number, number, number, number]) => sql`ST_MakeEnvelope(${b[0]}, ${b[1]}, ${b[2]}, ${b[3]}, 4326)`;
const areaCondition = (column: SQL, area?: string) => (area ? sql`(${column} = ${area} or ${column} like ${`${area}.%`})` : sql`true`);
const afterCondition = (column: SQL, after?: number, id?: number) =>
  sql`${after !== undefined ? sql`${column} > ${after}` : sql`true`} and ${id !== undefined ? sql`${column} = ${id}` : sql`true`}`;
const r6 = (v: unknown) => Math.round(Number(v) * 1e6) / 1e6;

export async function listCompanies(db: Executor, filter: ListFilter & { asOf: string; sector?: string[] }, scope: Scope) {
  const siteWhere = sql`${areaCondition(sql`s.regency_code`, filter.area)} and ${areaCondition(sql`s.district_code`, filter.area)}
    and ${filter.bbox ? sql`s.geom && ${envelope(filter.bbox)}` : sql`true`} and ${scopeCondition(sql`s.regency_code`, scope)}`;
  const rows = await queryRows<{
    id: number;
    name: string;
    sector: string | null;
    registration_number: string | null;
    origin: string;
    sites: string;
    active: number;
  }>(
    db,
    sql`
    select c.id, c.name, c.sector, c.registration_number, c.origin,
      (select json_agg(json_build_object('id', s.id, 'name', ${localized(filter.lang, sql`s.name`, sql`s.text_en`, 'name')}, 'lng', round(ST_X(s.geom)::numeric, 6), 'lat', round(ST_Y(s.geom)::numeric, 6),
        'districtCode', s.district_code, 'regencyCode', s.regency_code) order by s.id)::text
        from ${companySites} s where s.company_id = c.id and ${siteWhere}) as sites,
      (select count(*)::int from ${permits} p where p.sponsor_company_id = c.id and ${validOn(filter.asOf)}) as active
    from ${companies} c
    where ${afterCondition(sql`c.id`, filter.after, filter.id)}
      and exists (select 1 from ${companySites} s where s.company_id = c.id and ${siteWhere})
      ${filter.sector?.length ? sql`and c.sector in ${filter.sector}` : sql``}
    order by c.id limit ${filter.limit + 1}`,
  );
  return page(
    rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      sector: r.sector,
      registrationNumber: r.registration_number,
      origin: r.origin,
      activePermits: Number(r.active),
      sites: JSON.parse(r.sites ?? '[]') as CompanySiteAnswer[],
    })),
    filter.limit,
  );
}

export async function listOperations(db: Executor, filter: ListFilter, scope: Scope) {
  const rows = await queryRows<{
    id: number;
    date: string;
    team: string;
    regency_code: string;
    notes: string | null;
    origin: string;
    office: string | null;
    targets: string | null;
  }>(
    db,
    sql`
    select o.id, o.date::text as date, o.team, o.regency_code, ${localized(filter.lang, sql`o.notes`, sql`o.text_en`, 'notes')} as notes, o.origin,
      (select name from offices f where f.id = o.office_id) as office,
      (select json_agg(json_build_object('id', t.id, 'place', ${localized(filter.lang, sql`t.place`, sql`t.text_en`, 'place')}, 'kind', t.kind,
          'lng', round(ST_X(t.geom)::numeric, 6), 'lat', round(ST_Y(t.geom)::numeric, 6), 'districtCode', t.district_code,
          'foreignersChecked', t.foreigners_checked, 'violations', t.violations, 'outcome', t.outcome, 'findings', ${localized(filter.lang, sql`t.findings`, sql`t.text_en`, 'findings')},
          'actions', coalesce((select json_agg(json_build_object('kind', a.kind, 'count', a.count, 'nationality', a.nationality) order by a.id)
             from ${enforcementActions} a where a.target_id = t.id), '[]'::json)) order by t.id)::text
        from ${operationTargets} t where t.operation_id = o.id) as targets
    from ${operations} o
    where ${afterCondition(sql`o.id`, filter.after, filter.id)} and ${areaCondition(sql`o.regency_code`, filter.area?.slice(0, 5))}
      ${filter.area && filter.area.length > 5 ? sql`and exists (select 1 from ${operationTargets} t where t.operation_id = o.id and t.district_code = ${filter.area})` : sql``}
      and ${scopeCondition(sql`o.regency_code`, scope)}
      ${filter.from ? sql`and o.date >= ${filter.from}::date` : sql``} ${filter.to ? sql`and o.date <= ${filter.to}::date` : sql``}
      ${filter.bbox ? sql`and exists (select 1 from ${operationTargets} t where t.operation_id = o.id and t.geom && ${envelope(filter.bbox)})` : sql``}
    order by o.id limit ${filter.limit + 1}`,
  );
  return page(
    rows.map((r) => ({
      id: Number(r.id),
      date: r.date,
      team: r.team,
      office: r.office,
      regencyCode: r.regency_code,
      notes: r.notes,
      origin: r.origin,
      targets: JSON.parse(r.targets ?? '[]') as OperationTargetAnswer[],
    })),
    filter.limit,
  );
}

export async function listRiskAreas(db: Executor, filter: ListFilter & { category?: string[]; withGeometry?: boolean }, scope: Scope) {
  const rows = await queryRows<{
    id: number;
    name: string;
    category: string;
    severity: string;
    valid_from: string;
    valid_to: string | null;
    source: string;
    description: string | null;
    regency_code: string | null;
    origin: string;
    version: number;
    xmin: number;
    ymin: number;
    xmax: number;
    ymax: number;
    g: string | null;
  }>(
    db,
    sql`
    select id, ${localized(filter.lang, sql`name`, sql`text_en`, 'name')} as name, category, severity, valid_from::text as valid_from, valid_to::text as valid_to, ${localized(filter.lang, sql`source`, sql`text_en`, 'source')} as source,
      ${localized(filter.lang, sql`description`, sql`text_en`, 'description')} as description, regency_code, origin, version,
      ST_XMin(geom) as xmin, ST_YMin(geom) as ymin, ST_XMax(geom) as xmax, ST_YMax(geom) as ymax,
      ${filter.withGeometry ? sql`ST_AsGeoJSON(geom, 6)` : sql`null`} as g
    from ${riskAreas}
    where ${afterCondition(sql`id`, filter.after, filter.id)} and ${areaCondition(sql`regency_code`, filter.area?.slice(0, 5))} and ${scopeCondition(sql`regency_code`, scope)}
      ${filter.bbox ? sql`and geom && ${envelope(filter.bbox)}` : sql``}
      ${filter.category?.length ? sql`and category in ${filter.category}` : sql``}
      ${filter.to ? sql`and valid_from <= ${filter.to}::date` : sql``} ${filter.from ? sql`and (valid_to is null or valid_to >= ${filter.from}::date)` : sql``}
    order by id limit ${filter.limit + 1}`,
  );
  return page(
    rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      category: r.category,
      severity: r.severity,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      source: r.source,
      description: r.description,
      regencyCode: r.regency_code,
      origin: r.origin,
      version: Number(r.version),
      bbox: [r6(r.xmin), r6(r.ymin), r6(r.xmax), r6(r.ymax)] as [number, number, number, number],
      ...(filter.withGeometry && r.g ? { geometry: JSON.parse(r.g) as GeoJsonGeometry } : {}),
    })),
    filter.limit,
  );
}

export async function listEntryPoints(db: Executor, filter: ListFilter & { kind?: string[] }, scope: Scope) {
  const rows = await queryRows<{
    id: number;
    name: string;
    kind: string;
    lng: number;
    lat: number;
    district_code: string | null;
    regency_code: string | null;
    origin: string;
  }>(
    db,
    sql`
    select id, name, kind, ST_X(geom) as lng, ST_Y(geom) as lat, district_code, regency_code, origin from ${entryPoints}
    where ${afterCondition(sql`id`, filter.after, filter.id)} and ${areaCondition(sql`district_code`, filter.area)} and ${scopeCondition(sql`regency_code`, scope)}
      ${filter.bbox ? sql`and geom && ${envelope(filter.bbox)}` : sql``} ${filter.kind?.length ? sql`and kind in ${filter.kind}` : sql``}
    order by id limit ${filter.limit + 1}`,
  );
  return page(
    rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      kind: r.kind,
      lng: r6(r.lng),
      lat: r6(r.lat),
      districtCode: r.district_code,
      regencyCode: r.regency_code,
      origin: r.origin,
    })),
    filter.limit,
  );
}

export async function listMeetings(db: Executor, filter: ListFilter, scope: Scope) {
  const rows = await queryRows<{
    id: number;
    date: string;
    title: string;
    venue: string | null;
    regency_code: string;
    organiser: string;
    attendees: unknown;
    notes: unknown;
    origin: string;
    lng: number | null;
    lat: number | null;
    office_key: string | null;
    attendance: unknown;
    agenda: unknown;
    briefing_id: number | null;
    open_follow_ups: number;
  }>(
    db,
    sql`
    select m.id, m.date::text as date, ${localized(filter.lang, sql`m.title`, sql`m.text_en`, 'title')} as title, ${localized(filter.lang, sql`m.venue`, sql`m.text_en`, 'venue')} as venue,
      m.regency_code, ${localized(filter.lang, sql`m.organiser`, sql`m.text_en`, 'organiser')} as organiser, m.attendees,
      ${localizedJson(filter.lang, sql`m.notes`, sql`m.text_en`, 'notes')} as notes, m.origin,
      ST_X(m.geom) as lng, ST_Y(m.geom) as lat, (select o.key from offices o where o.id = m.office_id) as office_key, m.attendance, m.agenda, m.briefing_id,
      (select count(*)::int from ${meetingFollowUps} f where f.meeting_id = m.id and f.status = 'open') as open_follow_ups
    from ${meetings} m
    where ${afterCondition(sql`m.id`, filter.after, filter.id)} and ${areaCondition(sql`m.regency_code`, filter.area?.slice(0, 5))} and ${scopeCondition(sql`m.regency_code`, scope)}
      ${filter.from ? sql`and m.date >= ${filter.from}::date` : sql``} ${filter.to ? sql`and m.date <= ${filter.to}::date` : sql``}
      ${filter.bbox ? sql`and (m.geom && ${envelope(filter.bbox)} or (m.geom is null and m.regency_code in (select code from areas where level = 'regency' and geom && ${envelope(filter.bbox)})))` : sql``}
    order by m.id limit ${filter.limit + 1}`,
  );
  const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return page(
    rows.map((r) => ({
      id: Number(r.id),
      date: r.date,
      title: r.title,
      venue: r.venue,
      regencyCode: r.regency_code,
      organiser: r.organiser,
      attendees: json<string[]>(r.attendees),
      notes: json<string[]>(r.notes),
      origin: r.origin,
      venuePoint: r.lng === null || r.lat === null ? null : { lng: r6(r.lng), lat: r6(r.lat) },
      officeKey: r.office_key,
      attendance: json<MeetingAnswer['attendance']>(r.attendance),
      agenda: json<string[]>(r.agenda),
      briefingId: r.briefing_id === null ? null : Number(r.briefing_id),
      openFollowUps: Number(r.open_follow_ups),
    })),
    filter.limit,
  );
}

/**
 * `sort: 'received'` (the triage queue): oldest received first, the cursor still the last id of the
 * previous page (the keyset is its received time and id).
 */
export async function listReports(
  db: Executor,
  filter: ListFilter & { status?: string[]; category?: string[]; channel?: string[]; sort?: 'id' | 'received' },
  scope: Scope,
) {
  const byReceived = filter.sort === 'received';
  const after = byReceived
    ? sql`${filter.after !== undefined ? sql`(received_at, id) > (select k.received_at, k.id from ${reports} k where k.id = ${filter.after})` : sql`true`} and ${filter.id !== undefined ? sql`id = ${filter.id}` : sql`true`}`
    : afterCondition(sql`id`, filter.after, filter.id);
  const rows = await queryRows<{
    id: number;
    received_at: string;
    channel: string;
    category: string;
    status: string;
    lng: number;
    lat: number;
    district_code: string | null;
    origin: string;
  }>(
    db,
    sql`
    select id, to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as received_at, channel, category, status,
      ST_X(geom) as lng, ST_Y(geom) as lat, district_code, origin from ${reports}
    where ${after} and ${areaCondition(sql`district_code`, filter.area)} and ${scopeCondition(sql`regency_code`, scope)}
      ${filter.from ? sql`and received_at >= ${filter.from}::date` : sql``} ${filter.to ? sql`and received_at < (${filter.to}::date + 1)` : sql``}
      ${filter.bbox ? sql`and geom && ${envelope(filter.bbox)}` : sql``}
      ${filter.status?.length ? sql`and status in ${filter.status}` : sql``} ${filter.category?.length ? sql`and category in ${filter.category}` : sql``}
      ${filter.channel?.length ? sql`and channel in ${filter.channel}` : sql``}
    order by ${byReceived ? sql`received_at, id` : sql`id`} limit ${filter.limit + 1}`,
  );
  return page(
    rows.map((r) => ({
      id: Number(r.id),
      receivedAt: r.received_at,
      channel: r.channel,
      category: r.category,
      status: r.status,
      lng: r6(r.lng),
      lat: r6(r.lat),
      districtCode: r.district_code,
      origin: r.origin,
    })),
    filter.limit,
  );
}
