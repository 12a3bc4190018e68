// Coordination meetings (Rakor Timpora, issue 22): one meeting per row — day, title, venue, organiser,
// the regency (by code or name), optionally the venue's coordinates, and lists of attendees and agenda
// items separated by semicolons or new lines. Recorded follow-ups are the app's (POST /meetings).
import { normaliseValue, type MeetingRecord } from '@pantau/domain';
import { meetings, queryRows, sql } from '@pantau/db';
import { createHash } from 'node:crypto';
import { jsonParam } from '../../write/area-lookup.js';
import { writeMeetings } from '../../write/write-events.js';
import { parseDate } from '../normalise/dates.js';
import type { ImportKindHandler } from '../types.js';
import { CellReader, nonEmptyText } from './cells.js';
import { readCoordinates } from './coordinates.js';

/** A list cell: items separated by semicolons or line breaks (a comma may belong to an agency's name). */
const listOf = (raw: string): string[] =>
  raw
    .split(/[;\n\r]+/)
    .map((item) => item.trim())
    .filter(Boolean);

export function meetingsHandler(): ImportKindHandler<MeetingRecord> {
  const fingerprint = (date: string, regencyCode: string, title: string) =>
    createHash('sha1')
      .update(JSON.stringify([date, regencyCode, normaliseValue(title)]))
      .digest('hex')
      .slice(0, 20);
  return {
    kind: 'meetings',
    required: [['date'], ['title'], ['organiser'], ['regencyCode', 'regency', 'districtCode', 'district']],
    async toRecord(row, context) {
      const cells = new CellReader(row);
      const date = cells.required('date', parseDate);
      const title = cells.required('title', nonEmptyText);
      const organiser = cells.required('organiser', nonEmptyText);
      const area = context.areas.match({
        districtCode: cells.raw('districtCode'),
        district: cells.raw('district'),
        regencyCode: cells.raw('regencyCode'),
        regency: cells.raw('regency'),
        province: cells.raw('province'),
      });
      if (!area.ok) cells.issue(area.field ?? 'regency', area);
      const position = readCoordinates(cells);
      if (cells.issues.length || !date || !title || !organiser || !area.ok || position === undefined) return { issues: cells.issues };
      const regencyCode = area.value.regencyCode;
      return {
        issues: [],
        record: {
          key: `meeting:${fingerprint(date, regencyCode, title)}`,
          date,
          title,
          venue: cells.raw('venue') || null,
          regencyCode,
          organiser,
          attendees: listOf(cells.raw('attendees')),
          agenda: listOf(cells.raw('agenda')),
          notes: listOf(cells.raw('notes')),
          position,
          origin: context.origin,
        },
      };
    },
    // The same meeting (day, regency, title) is the same, whoever imports it.
    key: (r) => r.key,
    describe: (r) => `${r.date} · ${r.title}`,
    async existing({ tx }, records) {
      const rows = await queryRows<{ key: string; origin: string; area: string | null }>(
        tx,
        sql`
        select key, origin, regency_code as area from ${meetings} where key in (select jsonb_array_elements_text(${jsonParam(records.map((r) => r.key))}))`,
      );
      return new Map(rows.map((r) => [r.key, { origin: r.origin, areaCode: r.area }]));
    },
    write: ({ tx }, records) => writeMeetings(tx, records),
  };
}
