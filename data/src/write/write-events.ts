// Risk areas, entry points, meetings and public reports.
import {
  entryPointRecord, meetingRecord, reportRecord, riskAreaRecord,
  type EntryPointRecord, type MeetingRecord, type ReportRecord, type RiskAreaRecord,
} from '@pantau/domain';
import { entryPoints, expectWritten, meetings, queryRows, reports, riskAreas, sql, type Orm } from '@pantau/db';
import { cleanPolygonal } from '../boundaries/clean-geometry.js';
import { districtOf, jsonParam, knownAreaCodes } from './area-lookup.js';
import { refuse, validateRecords, type RecordIssue } from './validate.js';

const CHUNK = 2000;

export async function writeRiskAreas(tx: Orm, records: readonly RiskAreaRecord[]): Promise<number> {
  const valid = validateRecords('risk areas', riskAreaRecord, records);
  const issues: RecordIssue[] = [];
  const rows = valid.flatMap((r, i) => {
    try {
      const geometry = cleanPolygonal(r.geometry, `risk area ${r.key}`);
      return [{ key: r.key, name: r.name, category: r.category, severity: r.severity, geometry: JSON.stringify(geometry),
        valid_from: r.validFrom, valid_to: r.validTo, source: r.source, description: r.description, origin: r.origin }];
    } catch (error) {
      issues.push({ record: i + 1, field: 'geometry', value: r.geometry.type, reason: (error as Error).message });
      return [];
    }
  });
  refuse('risk areas', issues);
  let total = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const written = await queryRows<{ id: number }>(tx, sql`
      with input as (
        select r.*, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326), 'method=structure'), 3)) as geom
        from jsonb_to_recordset(${jsonParam(chunk)}) as r(key text, name text, category text, severity text, geometry text,
          valid_from date, valid_to date, source text, description text, origin text)
      ), labelled as (
        select input.*, ST_PointOnSurface(input.geom) as label from input
      )
      insert into ${riskAreas} (key, name, category, severity, geom, valid_from, valid_to, source, description, regency_code, province_code, origin)
      select i.key, i.name, i.category, i.severity, i.geom, i.valid_from, i.valid_to, i.source, i.description,
        substr(d.code, 1, 5), substr(d.code, 1, 2), i.origin
      from labelled i
      left join lateral (select ${districtOf(sql`i.label`)} as code) d on true
      returning id`);
    expectWritten('risk areas', chunk.length, written.length);
    total += written.length;
  }
  return total;
}

/** Entry points, reports: point records located by point-in-polygon. */
async function writePoints(tx: Orm, what: string, insert: (chunk: Array<Record<string, unknown>>) => Promise<number>, rows: Array<Record<string, unknown>>): Promise<number> {
  let total = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const written = await insert(chunk);
    expectWritten(what, chunk.length, written);
    total += written;
  }
  return total;
}

export async function writeEntryPoints(tx: Orm, records: readonly EntryPointRecord[]): Promise<number> {
  const valid = validateRecords('entry points', entryPointRecord, records);
  const point = sql`ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)`;
  return writePoints(tx, 'entry points', async (chunk) => (await queryRows(tx, sql`
    insert into ${entryPoints} (key, name, kind, geom, district_code, regency_code, province_code, origin)
    select r.key, r.name, r.kind, ${point}, d.code, substr(d.code, 1, 5), substr(d.code, 1, 2), r.origin
    from jsonb_to_recordset(${jsonParam(chunk)}) as r(key text, name text, kind text, lng float8, lat float8, origin text)
    left join lateral (select ${districtOf(point)} as code) d on true
    returning id`)).length,
  valid.map((e) => ({ key: e.key, name: e.name, kind: e.kind, lng: e.position[0], lat: e.position[1], origin: e.origin })));
}

export async function writeReports(tx: Orm, records: readonly ReportRecord[]): Promise<number> {
  const valid = validateRecords('reports', reportRecord, records);
  const point = sql`ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)`;
  return writePoints(tx, 'reports', async (chunk) => (await queryRows(tx, sql`
    insert into ${reports} (key, received_at, channel, category, status, summary, geom, district_code, regency_code, province_code, origin)
    select r.key, r.received_at, r.channel, r.category, r.status, r.summary, ${point}, d.code, substr(d.code, 1, 5), substr(d.code, 1, 2), r.origin
    from jsonb_to_recordset(${jsonParam(chunk)}) as r(key text, received_at timestamptz, channel text, category text, status text,
      summary text, lng float8, lat float8, origin text)
    left join lateral (select ${districtOf(point)} as code) d on true
    returning id`)).length,
  valid.map((e) => ({ key: e.key, received_at: e.receivedAt, channel: e.channel, category: e.category, status: e.status, summary: e.summary,
    lng: e.position[0], lat: e.position[1], origin: e.origin })));
}

export async function writeMeetings(tx: Orm, records: readonly MeetingRecord[]): Promise<number> {
  const valid = validateRecords('meetings', meetingRecord, records);
  const known = await knownAreaCodes(tx, valid.map((m) => m.regencyCode));
  const issues: RecordIssue[] = [];
  valid.forEach((m, i) => { if (!known.has(m.regencyCode)) issues.push({ record: i + 1, field: 'regencyCode', value: m.regencyCode, reason: 'no regency with this code' }); });
  refuse('meetings', issues);
  let total = 0;
  for (let i = 0; i < valid.length; i += CHUNK) {
    const chunk = valid.slice(i, i + CHUNK).map((m) => ({ ...m, provinceCode: m.regencyCode.slice(0, 2) }));
    const written = await tx.insert(meetings).values(chunk).returning({ id: meetings.id });
    expectWritten('meetings', chunk.length, written.length);
    total += written.length;
  }
  return total;
}
