// Entry points and public reports: one row, one point.
import {
  ENTRY_POINT_KIND_PREFIXES,
  ENTRY_POINT_KINDS,
  expectedValues,
  importNote,
  normaliseValue,
  REPORT_CATEGORIES,
  REPORT_CHANNELS,
  REPORT_STATUSES,
  type EntryPointRecord,
  type ReportRecord,
} from '@pantau/domain';
import { entryPoints, queryRows, reports, sql } from '@pantau/db';
import { createHash } from 'node:crypto';
import { jsonParam } from '../../write/area-lookup.js';
import { ENTRY_POINT_TOLERANCE_M } from '../../write/located-points.js';
import { writeEntryPoints, writeReports } from '../../write/write-events.js';
import { fail, parseDate, type Parsed } from '../normalise/dates.js';
import type { ImportKindHandler } from '../types.js';
import { CellReader, nonEmptyText, text } from './cells.js';
import { readPlace, regencyCheck } from './place.js';

type OneOfCode = 'unknown_channel' | 'unknown_report_status' | 'unknown_report_category';
function oneOf<T extends string>(values: readonly T[], aliases: Record<string, T>, code: OneOfCode) {
  return (raw: unknown): Parsed<T> => {
    const value = normaliseValue(String(raw ?? '')).replace(/[\s-]+/g, '_');
    if ((values as readonly string[]).includes(value)) return { ok: true, value: value as T };
    const alias = aliases[normaliseValue(String(raw ?? ''))];
    return alias ? { ok: true, value: alias } : fail(code, { expected: expectedValues(values) });
  };
}

/** An entry point's kind: Pantau's own value, or a register's category by its first words (vocabulary in @pantau/domain). */
export function parseEntryKind(raw: unknown): Parsed<(typeof ENTRY_POINT_KINDS)[number]> {
  const value = normaliseValue(String(raw ?? ''))
    .replace(/[\s_-]+/g, ' ')
    .trim();
  const own = value.replace(/ /g, '_');
  if ((ENTRY_POINT_KINDS as readonly string[]).includes(own)) return { ok: true, value: own as (typeof ENTRY_POINT_KINDS)[number] };
  const match = ENTRY_POINT_KIND_PREFIXES.find(([prefix]) => value === prefix || value.startsWith(`${prefix} `));
  return match ? { ok: true, value: match[1] } : fail('unknown_entry_point_kind', { expected: expectedValues(ENTRY_POINT_KINDS) });
}
const parseChannel = oneOf(
  REPORT_CHANNELS,
  {
    wa: 'whatsapp',
    telepon: 'phone',
    telp: 'phone',
    'datang langsung': 'walk_in',
    langsung: 'walk_in',
    'walk in': 'walk_in',
    surat: 'letter',
    'surat masuk': 'letter',
  },
  'unknown_channel',
);
const parseStatus = oneOf(
  REPORT_STATUSES,
  {
    baru: 'new',
    terverifikasi: 'verified',
    diverifikasi: 'verified',
    ditolak: 'dismissed',
    'tidak terbukti': 'dismissed',
    ditindaklanjuti: 'acted',
    selesai: 'acted',
  },
  'unknown_report_status',
);
const parseCategory = oneOf(
  REPORT_CATEGORIES,
  {
    'tka ilegal': 'illegal_work',
    'bekerja ilegal': 'illegal_work',
    'pekerja ilegal': 'illegal_work',
    'melebihi izin tinggal': 'overstay',
    mencurigakan: 'suspicious_activity',
    'kegiatan mencurigakan': 'suspicious_activity',
    'tidak lapor': 'unreported_residence',
    'penyalahgunaan izin': 'permit_misuse',
    lainnya: 'other',
  },
  'unknown_report_category',
);

/** A timestamp from a date (or date and time) cell, in WIB when no zone is given. */
function parseReceived(raw: unknown): Parsed<string> {
  const value = text(raw);
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  const day = parseDate(raw instanceof Date ? raw : value);
  if (!day.ok) return day;
  const [h, m, s] = time ? [time[1]!.padStart(2, '0'), time[2]!, time[3] ?? '00'] : ['00', '00', '00'];
  return { ok: true, value: `${day.value}T${h}:${m}:${s}+07:00` };
}

export function entryPointsHandler(): ImportKindHandler<EntryPointRecord> {
  const rowOf = new Map<string, number>(); // record key → file row, for rows naming a regency beside their point
  return {
    kind: 'entry-points',
    required: [['name'], ['kind'], ['lat', 'districtCode', 'district', 'regencyCode', 'regency']],
    async toRecord(row, context) {
      const cells = new CellReader(row);
      const name = cells.required('name', nonEmptyText);
      const kind = cells.required('kind', parseEntryKind);
      const place = readPlace(cells, context, 'entry_points');
      if (cells.issues.length || !name || !kind || !place) return { issues: cells.issues };
      const key = `${context.origin}:tpi:${normaliseValue(name)}:${kind}`;
      if (place.namedRegencyCode) rowOf.set(key, row.row);
      return { issues: [], record: { key, name, kind, ...place, origin: context.origin } };
    },
    key: (r) => `${normaliseValue(r.name)}:${r.kind}`,
    describe: (r) => r.name,
    async existing({ tx }) {
      // Checkpoints number in the hundreds: compare against all of them.
      const rows = await queryRows<{ name: string; kind: string; origin: string; area: string | null }>(
        tx,
        sql`
        select name, kind, origin, coalesce(district_code, regency_code, province_code) as area from ${entryPoints}`,
      );
      return new Map(rows.map((r) => [`${normaliseValue(r.name)}:${r.kind}`, { origin: r.origin, areaCode: r.area }]));
    },
    // Imported, but shown to no regional user: the report names them so the analyst can fix the coordinates.
    write: (context, records) =>
      writeEntryPoints(
        context.tx,
        records,
        (names) => context.warn(importNote('entry_points_unplaced', { km: ENTRY_POINT_TOLERANCE_M / 1000, names: names.join(', ') })),
        regencyCheck(context, rowOf),
      ),
  };
}

export function reportsHandler(): ImportKindHandler<ReportRecord> {
  const fingerprint = (r: Omit<ReportRecord, 'key' | 'origin'>) =>
    createHash('sha1')
      .update(JSON.stringify([r.receivedAt, r.channel, r.category, r.position, r.summary]))
      .digest('hex')
      .slice(0, 20);
  const rowOf = new Map<string, number>(); // record key → file row, for rows naming a regency beside their point
  return {
    kind: 'reports',
    required: [['receivedAt'], ['channel'], ['category'], ['lat', 'districtCode', 'district', 'regencyCode', 'regency']],
    async toRecord(row, context) {
      const cells = new CellReader(row);
      const receivedAt = cells.required('receivedAt', parseReceived);
      const channel = cells.required('channel', parseChannel);
      const category = cells.required('category', parseCategory);
      const status = cells.optional('status', parseStatus);
      const summary = cells.optional('summary', nonEmptyText);
      const place = readPlace(cells, context, 'reports');
      if (cells.issues.length || !receivedAt || !channel || !category || status === undefined || summary === undefined || !place)
        return { issues: cells.issues };
      const body = { receivedAt, channel, category, status: status ?? ('new' as const), position: place.position, summary };
      const key = `report:${fingerprint(body)}`;
      if (place.namedRegencyCode) rowOf.set(key, row.row);
      return { issues: [], record: { ...body, key, origin: context.origin, namedRegencyCode: place.namedRegencyCode } };
    },
    // The same report (time, channel, category, place and text) is the same, whoever imports it.
    key: (r) => r.key,
    describe: (r) => `${r.receivedAt.slice(0, 16).replace('T', ' ')} · ${r.channel}`,
    async existing({ tx }, records) {
      const rows = await queryRows<{ key: string; origin: string; area: string | null }>(
        tx,
        sql`
        select key, origin, coalesce(district_code, regency_code, province_code) as area from ${reports} where key in (select jsonb_array_elements_text(${jsonParam(records.map((r) => r.key))}))`,
      );
      return new Map(rows.map((r) => [r.key, { origin: r.origin, areaCode: r.area }]));
    },
    write: (context, records) => writeReports(context.tx, records, regencyCheck(context, rowOf)),
  };
}
