// Operation records: one row per target checked; rows with the same date, regency and team form one
// operation. Enforcement actions (TAK) ride on their target's row.
import { ACTION_KINDS, normaliseValue, TARGET_KINDS, TARGET_OUTCOMES, type OperationRecord, type OperationTargetRecord } from '@pantau/domain';
import { operations, queryRows, sql } from '@pantau/db';
import { jsonParam } from '../../write/area-lookup.js';
import { writeOperations } from '../../write/write-operations.js';
import { parseDate, type Parsed } from '../normalise/dates.js';
import { parseNationality } from '../normalise/vocabularies.js';
import type { ImportKindHandler } from '../types.js';
import { CellReader, nonEmptyText } from './cells.js';
import { readCoordinates } from './coordinates.js';

interface TargetRow { operationKey: string; date: string; regencyCode: string; team: string; target: OperationTargetRecord }

const ACTION_WORDS: Record<string, (typeof ACTION_KINDS)[number]> = {
  deportasi: 'deportation', deportation: 'deportation', penangkalan: 'entry_ban', 'entry ban': 'entry_ban', detensi: 'detention', detention: 'detention',
  'pembatalan izin': 'permit_cancellation', 'pembatalan izin tinggal': 'permit_cancellation', 'permit cancellation': 'permit_cancellation', 'biaya beban': 'fine', denda: 'fine', fine: 'fine',
};
const KIND_WORDS: Record<string, (typeof TARGET_KINDS)[number]> = {
  perusahaan: 'company_site', 'lokasi perusahaan': 'company_site', hotel: 'lodging', penginapan: 'lodging', losmen: 'lodging', tambang: 'mine', perkebunan: 'plantation',
  pelabuhan: 'port', 'objek wisata': 'tourist_spot', wisata: 'tourist_spot', 'tempat tinggal': 'residence', rumah: 'residence', lainnya: 'other',
};

const fromWords = <T extends string>(values: readonly T[], words: Record<string, T>, what: string) => (raw: unknown): Parsed<T> => {
  const value = normaliseValue(String(raw ?? ''));
  if ((values as readonly string[]).includes(value.replace(/[\s-]+/g, '_'))) return { ok: true, value: value.replace(/[\s-]+/g, '_') as T };
  const hit = words[value] ?? Object.entries(words).find(([w]) => value.includes(w))?.[1];
  return hit ? { ok: true, value: hit } : { ok: false, reason: `unknown ${what} (one of: ${values.join(', ')})` };
};
const parseAction = fromWords(ACTION_KINDS, ACTION_WORDS, 'enforcement action (TAK)');
const parseTargetKind = fromWords(TARGET_KINDS, KIND_WORDS, 'kind of place');
const count = (raw: unknown): Parsed<number> => {
  const n = Number(String(raw ?? '').trim());
  return Number.isInteger(n) && n >= 0 ? { ok: true, value: n } : { ok: false, reason: 'not a whole number ≥ 0' };
};

export function operationsHandler(): ImportKindHandler<TargetRow> {
  const pending = new Map<string, OperationRecord>();
  return {
    kind: 'operations',
    required: [['date'], ['place'], ['regencyCode', 'regency']],
    async toRecord(row, context) {
      const cells = new CellReader(row);
      const date = cells.required('date', parseDate);
      const place = cells.required('place', nonEmptyText);
      const kind = cells.optional('targetKind', parseTargetKind);
      const checked = cells.optional('foreignersChecked', count);
      const violations = cells.optional('violations', count);
      const actionKind = cells.optional('actionKind', parseAction);
      const actionCount = cells.optional('actionCount', count);
      const actionNationality = cells.optional('actionNationality', parseNationality);
      const position = readCoordinates(cells);
      const area = context.areas.match({ regencyCode: cells.raw('regencyCode'), regency: cells.raw('regency'), province: cells.raw('province') });
      if (!area.ok) cells.issue(area.field ?? 'regency', area.reason);
      if (checked !== undefined && violations !== undefined && checked !== null && violations !== null && violations > checked) cells.issue('violations', `more violations (${violations}) than foreigners checked (${checked})`);
      if (cells.issues.length || !date || !place || kind === undefined || checked === undefined || violations === undefined || actionKind === undefined
        || actionCount === undefined || actionNationality === undefined || position === undefined || !area.ok) return { issues: cells.issues };
      const regencyCode = area.value.regencyCode;
      const team = cells.raw('team') || `Timpora ${regencyCode}`;
      const v = violations ?? 0;
      return { issues: [], record: {
        operationKey: `${context.origin}:operation:${date}:${regencyCode}:${normaliseValue(team)}`, date, regencyCode, team,
        target: {
          place, kind: kind ?? 'other', position, siteKey: null, foreignersChecked: checked ?? 0, violations: v,
          outcome: v > 0 ? 'violation' : (TARGET_OUTCOMES[0]), findings: cells.raw('findings') || null,
          actions: actionKind ? [{ kind: actionKind, count: actionCount ?? Math.max(1, v), nationality: actionNationality }] : [],
        },
      } };
    },
    key: (r) => `${r.date}:${r.regencyCode}:${normaliseValue(r.team)}:${normaliseValue(r.target.place)}`,
    async existing({ tx }, records) {
      const ops = [...new Set(records.map((r) => `${r.date}|${r.regencyCode}`))].map((k) => ({ d: k.split('|')[0], r: k.split('|')[1] }));
      const rows = await queryRows<{ date: string; regency_code: string; team: string; origin: string }>(tx, sql`
        select o.date::text as date, o.regency_code, o.team, o.origin from ${operations} o
        join jsonb_to_recordset(${jsonParam(ops)}) as k(d date, r text) on k.d = o.date and k.r = o.regency_code`);
      const known = new Map(rows.map((o) => [`${o.date}:${o.regency_code}:${normaliseValue(o.team)}`, o.origin]));
      return new Map(records.flatMap((r) => {
        const origin = known.get(`${r.date}:${r.regencyCode}:${normaliseValue(r.team)}`);
        return origin ? [[`${r.date}:${r.regencyCode}:${normaliseValue(r.team)}:${normaliseValue(r.target.place)}`, `${origin}, the operation`] as const] : [];
      }));
    },
    async write(_context, records) {
      for (const r of records) {
        const op = pending.get(r.operationKey) ?? { key: r.operationKey, date: r.date, officeKey: null, team: r.team, regencyCode: r.regencyCode, notes: null, targets: [], origin: '' };
        op.targets.push(r.target);
        pending.set(r.operationKey, op);
      }
      return records.length;
    },
    async finish(context) {
      const all = [...pending.values()].map((op) => ({ ...op, origin: context.origin }));
      const written = await writeOperations(context.tx, all);
      const expected = all.reduce((s, op) => s + op.targets.length, 0);
      if (written.targets !== expected) throw new Error(`operations import: wrote ${written.targets} of ${expected} targets`);
    },
  };
}
