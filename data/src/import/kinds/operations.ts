// Operation records: one row per target checked; rows with the same date, regency and team form one
// operation. Enforcement actions (TAK) ride on their target's row, several as ";"-separated lists.
// A row with no place and no findings records an operation whose results were not reported.
import {
  ACTION_KINDS,
  expectedValues,
  importNote,
  normaliseValue,
  TARGET_KINDS,
  TARGET_OUTCOMES,
  type EnforcementActionRecord,
  type OperationRecord,
  type OperationTargetRecord,
} from '@pantau/domain';
import { operations, queryRows, sql } from '@pantau/db';
import { jsonParam } from '../../write/area-lookup.js';
import { writeOperations } from '../../write/write-operations.js';
import { fail, parseDate, type Parsed } from '../normalise/dates.js';
import { parseNationality } from '../normalise/vocabularies.js';
import type { ImportKindHandler, KindContext } from '../types.js';
import { CellReader, nonEmptyText } from './cells.js';
import { readCoordinates } from './coordinates.js';

interface TargetRow {
  operationKey: string;
  date: string;
  regencyCode: string;
  team: string;
  officeKey: string | null;
  notes: string | null;
  /** The target's number within its operation, when the file gives one. */
  targetNumber: number | null;
  /** Null: the row records the operation alone. */
  target: OperationTargetRecord | null;
}

const ACTION_WORDS: Record<string, (typeof ACTION_KINDS)[number]> = {
  deportasi: 'deportation',
  deportation: 'deportation',
  penangkalan: 'entry_ban',
  'entry ban': 'entry_ban',
  detensi: 'detention',
  detention: 'detention',
  'pembatalan izin': 'permit_cancellation',
  'pembatalan izin tinggal': 'permit_cancellation',
  'permit cancellation': 'permit_cancellation',
  'biaya beban': 'fine',
  denda: 'fine',
  fine: 'fine',
};
const KIND_WORDS: Record<string, (typeof TARGET_KINDS)[number]> = {
  perusahaan: 'company_site',
  'lokasi perusahaan': 'company_site',
  hotel: 'lodging',
  penginapan: 'lodging',
  losmen: 'lodging',
  tambang: 'mine',
  perkebunan: 'plantation',
  pelabuhan: 'port',
  'objek wisata': 'tourist_spot',
  wisata: 'tourist_spot',
  'tempat tinggal': 'residence',
  rumah: 'residence',
  lainnya: 'other',
};
// Negations first: the first word found in the cell decides.
const OUTCOME_WORDS: Record<string, (typeof TARGET_OUTCOMES)[number]> = {
  'tidak ada pelanggaran': 'no_violation',
  'tidak melanggar': 'no_violation',
  nihil: 'no_violation',
  aman: 'no_violation',
  'tidak ditemukan': 'not_found',
  'tidak ada wna': 'not_found',
  'not found': 'not_found',
  pelanggaran: 'violation',
  melanggar: 'violation',
};

const fromWords =
  <T extends string>(values: readonly T[], words: Record<string, T>, code: 'unknown_action' | 'unknown_target_kind' | 'unknown_outcome') =>
  (raw: unknown): Parsed<T> => {
    const value = normaliseValue(String(raw ?? ''));
    if ((values as readonly string[]).includes(value.replace(/[\s-]+/g, '_'))) return { ok: true, value: value.replace(/[\s-]+/g, '_') as T };
    const hit = words[value] ?? Object.entries(words).find(([w]) => value.includes(w))?.[1];
    return hit ? { ok: true, value: hit } : fail(code, { expected: expectedValues(values) });
  };
const parseAction = fromWords(ACTION_KINDS, ACTION_WORDS, 'unknown_action');
const parseTargetKind = fromWords(TARGET_KINDS, KIND_WORDS, 'unknown_target_kind');
const parseOutcome = fromWords(TARGET_OUTCOMES, OUTCOME_WORDS, 'unknown_outcome');
const count = (raw: unknown): Parsed<number> => {
  const n = Number(String(raw ?? '').trim());
  return Number.isInteger(n) && n >= 0 ? { ok: true, value: n } : fail('not_whole_number');
};
const positiveCount = (raw: unknown): Parsed<number> => {
  const n = count(raw);
  return n.ok && n.value === 0 ? fail('not_positive_whole_number') : n;
};

/** A cell holding one value or a ";"-separated list; each item parsed, an empty item is null. */
function listOf<T>(parse: (raw: unknown) => Parsed<T>) {
  return (raw: unknown): Parsed<Array<T | null>> => {
    const items = String(raw ?? '')
      .split(';')
      .map((s) => s.trim());
    const values: Array<T | null> = [];
    for (const [i, item] of items.entries()) {
      if (!item) {
        values.push(null);
        continue;
      }
      const parsed = parse(item);
      // The item's own reason rides along (`inner` and its parameters), so the page can word both.
      if (!parsed.ok) return items.length > 1 ? fail('list_item', { index: i + 1, item, reason: parsed.reason, inner: parsed.code, ...parsed.params }) : parsed;
      values.push(parsed.value);
    }
    return { ok: true, value: values };
  };
}

/** The enforcement actions of one row, from its three (list) cells; undefined after an issue. */
function readActions(cells: CellReader, violations: number): EnforcementActionRecord[] | undefined {
  const kinds = cells.optional('actionKind', listOf(parseAction));
  const counts = cells.optional('actionCount', listOf(positiveCount));
  const nationalities = cells.optional('actionNationality', listOf(parseNationality));
  if (kinds === undefined || counts === undefined || nationalities === undefined) return undefined;
  if (!kinds) return [];
  if (counts && counts.length !== kinds.length) {
    cells.issue('actionCount', fail('action_counts_mismatch', { counts: counts.length, actions: kinds.length }));
    return undefined;
  }
  if (nationalities && nationalities.length !== kinds.length) {
    cells.issue('actionNationality', fail('action_nationalities_mismatch', { nationalities: nationalities.length, actions: kinds.length }));
    return undefined;
  }
  if (kinds.some((k) => k === null)) {
    cells.issue('actionKind', fail('action_empty_item'));
    return undefined;
  }
  return kinds.map((kind, i) => ({
    kind: kind!,
    count: counts?.[i] ?? (kinds.length === 1 ? Math.max(1, violations) : 1),
    nationality: nationalities?.[i] ?? null,
  }));
}

/** Target fields: a row with none of them (and no place) records the operation alone. */
const TARGET_FIELDS = [
  'place',
  'targetNumber',
  'targetKind',
  'foreignersChecked',
  'violations',
  'outcome',
  'findings',
  'actionKind',
  'actionCount',
  'actionNationality',
  'lat',
  'lng',
];

const operationIdentity = (r: { date: string; regencyCode: string; team: string }) => `${r.date}:${r.regencyCode}:${normaliseValue(r.team)}`;
/** A target is its operation plus its number in the file, or else its place and position. */
const targetIdentity = (r: TargetRow) =>
  `${operationIdentity(r)}:${r.target === null ? '(operation)' : (r.targetNumber ?? `${normaliseValue(r.target.place)}@${r.target.position?.join(',') ?? ''}`)}`;

export function operationsHandler(): ImportKindHandler<TargetRow> {
  const pending = new Map<string, OperationRecord>();
  const offices = new Map<string, Array<{ key: string; regencies: string[] }>>(); // normalised name → offices of that name
  let unknownOfficeWarned = false;

  /** The office named `name`; where several share the name, the one whose work area holds the regency. */
  function officeKeyOf(name: string, regencyCode: string, context: KindContext): string | null {
    const candidates = offices.get(normaliseValue(name)) ?? [];
    const office = candidates.length === 1 ? candidates[0] : candidates.find((o) => o.regencies.includes(regencyCode));
    if (!office && !unknownOfficeWarned) {
      context.warn(importNote('office_not_found', { name }));
      unknownOfficeWarned = true;
    }
    return office?.key ?? null;
  }

  return {
    kind: 'operations',
    required: [['date'], ['place'], ['regencyCode', 'regency']],

    async prepare({ tx }) {
      const rows = await queryRows<{ key: string; name: string; regencies: string | null }>(
        tx,
        sql`
        select o.key, o.name, (select string_agg(w.regency_code, ',') from office_work_areas w where w.office_id = o.id) as regencies from offices o`,
      );
      for (const r of rows) {
        const name = normaliseValue(r.name);
        offices.set(name, [...(offices.get(name) ?? []), { key: r.key, regencies: r.regencies?.split(',') ?? [] }]);
      }
    },

    async toRecord(row, context) {
      const cells = new CellReader(row);
      const date = cells.required('date', parseDate);
      const area = context.areas.match({ regencyCode: cells.raw('regencyCode'), regency: cells.raw('regency'), province: cells.raw('province') });
      if (!area.ok) cells.issue(area.field ?? 'regency', area);
      const operationOnly = !TARGET_FIELDS.some((f) => cells.has(f));
      const target = operationOnly ? null : readTarget(cells);
      if (cells.issues.length || !date || !area.ok || target === undefined) return { issues: cells.issues };
      const regencyCode = area.value.regencyCode;
      const team = cells.raw('team') || `Timpora ${regencyCode}`;
      return {
        issues: [],
        record: {
          operationKey: `${context.origin}:operation:${operationIdentity({ date, regencyCode, team })}`,
          date,
          regencyCode,
          team,
          officeKey: cells.has('office') ? officeKeyOf(cells.raw('office'), regencyCode, context) : null,
          notes: cells.raw('operationNotes') || null,
          targetNumber: target?.number ?? null,
          target: target?.record ?? null,
        },
      };
    },

    key: targetIdentity,
    describe: (r) => [r.date, r.team, r.target?.place].filter(Boolean).join(' · '),

    async existing({ tx }, records) {
      const ops = [...new Set(records.map((r) => `${r.date}|${r.regencyCode}`))].map((k) => ({ d: k.split('|')[0], r: k.split('|')[1] }));
      const rows = await queryRows<{ date: string; regency_code: string; team: string; origin: string }>(
        tx,
        sql`
        select o.date::text as date, o.regency_code, o.team, o.origin from ${operations} o
        join jsonb_to_recordset(${jsonParam(ops)}) as k(d date, r text) on k.d = o.date and k.r = o.regency_code`,
      );
      const known = new Map(rows.map((o) => [operationIdentity({ date: o.date, regencyCode: o.regency_code, team: o.team }), o]));
      return new Map(
        records.flatMap((r) => {
          const operation = known.get(operationIdentity(r));
          return operation ? [[targetIdentity(r), { origin: operation.origin, areaCode: operation.regency_code, held: 'operation' as const }] as const] : [];
        }),
      );
    },

    async write(_context, records) {
      for (const r of records) {
        const op = pending.get(r.operationKey) ?? {
          key: r.operationKey,
          date: r.date,
          officeKey: r.officeKey,
          team: r.team,
          regencyCode: r.regencyCode,
          notes: r.notes,
          targets: [],
          origin: '',
        };
        op.officeKey ??= r.officeKey;
        op.notes ??= r.notes;
        if (r.target) op.targets.push(r.target);
        pending.set(r.operationKey, op);
      }
      return records.length;
    },

    async finish(context) {
      const all = [...pending.values()].map((op) => ({ ...op, origin: context.origin }));
      await linkCompanySites(
        context,
        all.flatMap((op) => op.targets),
      );
      const written = await writeOperations(context.tx, all);
      const expected = all.reduce((s, op) => s + op.targets.length, 0);
      if (written.targets !== expected) throw new Error(`operations import: wrote ${written.targets} of ${expected} targets`);
    },
  };
}

/** The target cells of a row: its record and number, or undefined after an issue. */
function readTarget(cells: CellReader): { record: OperationTargetRecord; number: number | null } | undefined {
  const place = cells.required('place', nonEmptyText);
  const number = cells.optional('targetNumber', positiveCount);
  const kind = cells.optional('targetKind', parseTargetKind);
  const checked = cells.optional('foreignersChecked', count);
  const violations = cells.optional('violations', count);
  const outcome = cells.optional('outcome', parseOutcome);
  const position = readCoordinates(cells);
  const v = violations ?? 0;
  const actions = readActions(cells, v);
  if (checked !== undefined && violations !== undefined && checked !== null && violations !== null && violations > checked)
    cells.issue('violations', fail('violations_over_checked', { violations, checked }));
  if (outcome === 'no_violation' && v > 0) cells.issue('outcome', fail('outcome_no_violation_counted', { violations: v }));
  if (
    !place ||
    number === undefined ||
    kind === undefined ||
    checked === undefined ||
    violations === undefined ||
    outcome === undefined ||
    position === undefined ||
    !actions
  )
    return undefined;
  return {
    number,
    record: {
      place,
      kind: kind ?? 'other',
      position,
      siteKey: null,
      foreignersChecked: checked ?? 0,
      violations: v,
      outcome: outcome ?? (v > 0 ? 'violation' : 'no_violation'),
      findings: cells.raw('findings') || null,
      actions,
    },
  };
}

/**
 * A company-site target standing exactly on one company site is that site's check (exports carry the
 * site's own coordinates); where none or several sites stand there, the target stays unlinked.
 */
async function linkCompanySites({ tx }: KindContext, targets: OperationTargetRecord[]): Promise<void> {
  const candidates = targets.flatMap((t, i) => (t.kind === 'company_site' && t.position ? [{ i, lng: t.position[0], lat: t.position[1] }] : []));
  for (let start = 0; start < candidates.length; start += 5000) {
    const rows = await queryRows<{ i: number; key: string }>(
      tx,
      sql`
      select p.i, min(s.key) as key from jsonb_to_recordset(${jsonParam(candidates.slice(start, start + 5000))}) as p(i int, lng float8, lat float8)
      join company_sites s on s.geom && ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326) and ST_X(s.geom) = p.lng and ST_Y(s.geom) = p.lat
      group by p.i having count(*) = 1`,
    );
    for (const r of rows) targets[Number(r.i)]!.siteKey = r.key;
  }
}
