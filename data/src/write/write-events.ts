// Risk areas, entry points, meetings and public reports.
import {
  entryPointRecord,
  meetingRecord,
  reportRecord,
  riskAreaRecord,
  type EntryPointRecord,
  type MeetingRecord,
  type ReportRecord,
  type RiskAreaRecord,
} from '@pantau/domain';
import { entryPoints, expectWritten, meetings, queryRows, reports, riskAreas, sql, withRows, type BulkColumn, type Orm } from '@pantau/db';
import { cleanPolygonal } from '../boundaries/clean-geometry.js';
import { districtOf, jsonParam, knownAreaCodes } from './area-lookup.js';
import { writeChunks } from './chunks.js';
import { ENTRY_POINT_TOLERANCE_M, writeLocatedPoints, type RegencyCheck } from './located-points.js';
import { refuse, validateRecords, type RecordIssue } from './validate.js';

const CHUNK = 2000;

const text = (...names: string[]): BulkColumn[] => names.map((name) => ({ name, type: 'text' }));
const RISK_AREA_COLUMNS: readonly BulkColumn[] = [
  ...text('key', 'name', 'category', 'severity', 'geometry'),
  { name: 'valid_from', type: 'date' },
  { name: 'valid_to', type: 'date' },
  ...text('source', 'description', 'origin'),
  { name: 'text_en', type: 'jsonb' },
];
const ENTRY_POINT_COLUMNS: readonly BulkColumn[] = text('key', 'name', 'kind', 'origin');
const REPORT_COLUMNS: readonly BulkColumn[] = [
  ...text('key'),
  { name: 'received_at', type: 'timestamptz' },
  ...text('channel', 'category', 'status', 'summary', 'origin'),
];

export async function writeRiskAreas(tx: Orm, records: readonly RiskAreaRecord[]): Promise<number> {
  const valid = validateRecords('risk areas', riskAreaRecord, records);
  const issues: RecordIssue[] = [];
  const rows = valid.flatMap((r, i) => {
    try {
      const geometry = cleanPolygonal(r.geometry, `risk area ${r.key}`);
      return [
        {
          key: r.key,
          name: r.name,
          category: r.category,
          severity: r.severity,
          geometry: JSON.stringify(geometry),
          valid_from: r.validFrom,
          valid_to: r.validTo,
          source: r.source,
          description: r.description,
          origin: r.origin,
          text_en: r.textEn ?? null,
        },
      ];
    } catch (error) {
      issues.push({ record: i + 1, field: 'geometry', value: r.geometry.type, reason: (error as Error).message });
      return [];
    }
  });
  refuse('risk areas', issues);
  return writeChunks(
    'risk areas',
    rows,
    CHUNK,
    async (chunk) =>
      (
        await withRows(
          tx,
          RISK_AREA_COLUMNS,
          chunk,
          (source) => sql`
    with input as (
      select r.*, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326), 'method=structure'), 3)) as geom
      from ${source}
    ), labelled as (
      select input.*, ST_PointOnSurface(input.geom) as label from input
    )
    insert into ${riskAreas} (key, name, category, severity, geom, valid_from, valid_to, source, description, regency_code, province_code, origin, text_en)
    select i.key, i.name, i.category, i.severity, i.geom, i.valid_from, i.valid_to, i.source, i.description,
      substr(d.code, 1, 5), substr(d.code, 1, 2), i.origin, i.text_en
    from labelled i
    left join lateral (select ${districtOf(sql`i.label`)} as code) d on true
    returning 1`,
        )
      ).length,
  );
}

/**
 * Entry points with their area; one inside no district takes the nearest within
 * `ENTRY_POINT_TOLERANCE_M` (a harbour on the water, an airport on the shore). `onUnplaced` is told the
 * names of those still without an area, for the load log or the import report to name. `check` warns of
 * points far outside the regency their rows name (an import's).
 */
export async function writeEntryPoints(
  tx: Orm,
  records: readonly EntryPointRecord[],
  onUnplaced?: (names: string[]) => void,
  check?: RegencyCheck,
): Promise<number> {
  const valid = validateRecords('entry points', entryPointRecord, records);
  const written = await writeLocatedPoints(
    tx,
    'entry points',
    'entry_points',
    ENTRY_POINT_COLUMNS,
    valid.map((e) => ({
      key: e.key,
      name: e.name,
      kind: e.kind,
      lng: e.position[0],
      lat: e.position[1],
      origin: e.origin,
      named_regency_code: e.namedRegencyCode ?? null,
    })),
    ENTRY_POINT_TOLERANCE_M,
    check,
  );
  if (onUnplaced && valid.length > 0) {
    const unplaced = await queryRows<{ name: string }>(
      tx,
      sql`
      select name from ${entryPoints} where district_code is null and key in (select jsonb_array_elements_text(${jsonParam(valid.map((e) => e.key))})) order by name`,
    );
    if (unplaced.length > 0) onUnplaced(unplaced.map((r) => r.name));
  }
  return written;
}

/**
 * Reports with their status history: imported, generated and reference reports carry a status but not
 * its dates, so the history is reconstructed by the database's one rule (migration 0020,
 * `pantau_reconstruct_report_history`: new when received, verified days later, acted when an operation
 * target followed, never dated after now) in the same transaction, and its rows are counted.
 */
export async function writeReports(tx: Orm, records: readonly ReportRecord[], check?: RegencyCheck): Promise<number> {
  const valid = validateRecords('reports', reportRecord, records);
  const written = await writeLocatedPoints(
    tx,
    'reports',
    'reports',
    REPORT_COLUMNS,
    valid.map((e) => ({
      key: e.key,
      received_at: e.receivedAt,
      channel: e.channel,
      category: e.category,
      status: e.status,
      summary: e.summary,
      lng: e.position[0],
      lat: e.position[1],
      origin: e.origin,
      named_regency_code: e.namedRegencyCode ?? null,
    })),
    undefined,
    check,
  );
  const expected = valid.reduce((n, r) => n + (r.status === 'new' ? 1 : r.status === 'acted' ? 3 : 2), 0);
  let changes = 0;
  for (let i = 0; i < valid.length; i += CHUNK) {
    const chunk = valid.slice(i, i + CHUNK);
    const row = await queryRows<{ n: number }>(
      tx,
      sql`select pantau_reconstruct_report_history(array(
      select id from ${reports} where key in (select jsonb_array_elements_text(${jsonParam(chunk.map((r) => r.key))})))) as n`,
    );
    changes += Number(row[0]?.n ?? 0);
  }
  expectWritten('report status changes', expected, changes);
  return written;
}

export async function writeMeetings(tx: Orm, records: readonly MeetingRecord[]): Promise<number> {
  const valid = validateRecords('meetings', meetingRecord, records);
  const known = await knownAreaCodes(
    tx,
    valid.map((m) => m.regencyCode),
  );
  const issues: RecordIssue[] = [];
  valid.forEach((m, i) => {
    if (!known.has(m.regencyCode)) issues.push({ record: i + 1, field: 'regencyCode', value: m.regencyCode, reason: 'no regency with this code' });
  });
  // A venue's point must lie in the meeting's regency (its district's code starts with the regency's).
  const placed = valid.flatMap((m, i) => (m.position ? [{ i, lng: m.position[0], lat: m.position[1] }] : []));
  if (placed.length) {
    const districts = await queryRows<{ i: number; code: string | null }>(
      tx,
      sql`
      select p.i, ${districtOf(sql`ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)`)} as code from jsonb_to_recordset(${jsonParam(placed)}) as p(i int, lng float8, lat float8)`,
    );
    for (const d of districts) {
      const m = valid[Number(d.i)]!;
      if (!d.code?.startsWith(`${m.regencyCode}.`))
        issues.push({
          record: Number(d.i) + 1,
          field: 'position',
          value: m.position!.join(', '),
          reason: `the venue's point lies outside regency ${m.regencyCode}`,
        });
    }
  }
  refuse('meetings', issues);
  const written = await writeChunks(
    'meetings',
    valid.map(({ position, agenda, decisions: _decisions, followUps: _followUps, ...m }) => ({
      ...m,
      provinceCode: m.regencyCode.slice(0, 2),
      agenda: agenda ?? [],
      geom: position ? (sql`ST_SetSRID(ST_MakePoint(${position[0]}::float8, ${position[1]}::float8), 4326)` as unknown as string) : null,
    })),
    CHUNK,
    async (chunk) => (await tx.insert(meetings).values(chunk).returning({ id: meetings.id })).length,
  );
  // The organiser named exactly as an office is that office (migration 0021 links older rows alike).
  await tx.execute(sql`update ${meetings} m set office_id = o.id from offices o
    where o.name = m.organiser and m.office_id is null and m.key in (select jsonb_array_elements_text(${jsonParam(valid.map((m) => m.key))}))`);
  await writeMeetingOutcomes(tx, valid);
  return written;
}

/**
 * The decisions and follow-ups a meeting record carries (the demo's; an import file has none), with each
 * follow-up's history: open on the meeting's day (10:00 WIB, by the meeting's organiser), then its
 * closing change on `changedOn`. The same tables the app's meeting form writes (data/src/meetings).
 */
async function writeMeetingOutcomes(tx: Orm, records: readonly MeetingRecord[]): Promise<void> {
  const decisions = records.flatMap((m) => (m.decisions ?? []).map((d, i) => ({ key: m.key, ordinal: i + 1, text: d.text })));
  const followUps = records.flatMap((m) =>
    (m.followUps ?? []).map((f) => ({
      key: m.key,
      decision: f.decision,
      task: f.task,
      owner_agency: f.ownerAgency,
      due_date: f.dueDate,
      status: f.status,
      changed_on: f.changedOn,
    })),
  );
  const bad = records.flatMap((m, i) =>
    (m.followUps ?? []).flatMap((f, k, all): RecordIssue[] => {
      // A follow-up's history is matched to it by its task: a meeting names each task once.
      if (all.findIndex((g) => g.task === f.task) !== k)
        return [{ record: i + 1, field: 'followUps.task', value: f.task, reason: 'the same task twice in one meeting' }];
      if (f.decision !== null && f.decision > (m.decisions?.length ?? 0))
        return [{ record: i + 1, field: 'followUps.decision', value: f.decision, reason: 'no such decision in the meeting' }];
      if ((f.status === 'open') !== (f.changedOn === null))
        return [{ record: i + 1, field: 'followUps.changedOn', value: f.changedOn, reason: 'a done or dropped follow-up says when, an open one does not' }];
      return [];
    }),
  );
  refuse('meetings', bad);
  if (decisions.length) {
    const inserted = await queryRows<{ id: number }>(
      tx,
      sql`
      insert into meeting_decisions (meeting_id, ordinal, text, regency_code, province_code)
      select m.id, d.ordinal, d.text, m.regency_code, m.province_code
      from jsonb_to_recordset(${jsonParam(decisions)}) as d(key text, ordinal int, text text) join ${meetings} m on m.key = d.key
      returning id`,
    );
    expectWritten('meeting decisions', decisions.length, inserted.length);
  }
  if (!followUps.length) return;
  const inserted = await queryRows<{ id: number }>(
    tx,
    sql`
    with f as (select * from jsonb_to_recordset(${jsonParam(followUps)}) as f(key text, decision int, task text, owner_agency text, due_date date, status text, changed_on date)),
    made as (
      insert into meeting_follow_ups (meeting_id, decision_id, task, owner_agency, due_date, status, regency_code, province_code)
      select m.id, (select d.id from meeting_decisions d where d.meeting_id = m.id and d.ordinal = f.decision), f.task, f.owner_agency, f.due_date, f.status,
        m.regency_code, m.province_code
      from f join ${meetings} m on m.key = f.key
      returning id, meeting_id, task, status, regency_code, province_code
    ),
    opened as (
      insert into meeting_follow_up_changes (follow_up_id, status, note, changed_by, changed_at, regency_code, province_code)
      select made.id, 'open', null, m.organiser, (m.date::timestamp + interval '10 hours') at time zone 'Asia/Jakarta', made.regency_code, made.province_code
      from made join ${meetings} m on m.id = made.meeting_id
      returning follow_up_id
    ),
    closed as (
      insert into meeting_follow_up_changes (follow_up_id, status, note, changed_by, changed_at, regency_code, province_code)
      select made.id, made.status, null, m.organiser, (f.changed_on::timestamp + interval '14 hours') at time zone 'Asia/Jakarta', made.regency_code, made.province_code
      from made join ${meetings} m on m.id = made.meeting_id join f on f.key = m.key and f.task = made.task
      where made.status <> 'open'
      returning follow_up_id
    )
    select id from made`,
  );
  expectWritten('meeting follow-ups', followUps.length, inserted.length);
}
