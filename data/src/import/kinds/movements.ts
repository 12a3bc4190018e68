// Movements (issue 20): arrivals and departures as immigration systems export them, in two shapes.
// - Crossings: one row per person and crossing (passport, nationality, direction, date, checkpoint).
//   The person is found by passport + nationality (earlier passports included); a passport Pantau does
//   not know makes a person, named as on the row, located where the row says or at the checkpoint.
// - Monthly counts: one row per checkpoint, month and nationality, with arrivals and departures
//   columns (or a direction and a count). No person is named; the counts are the checkpoint's figure.
// A file is one shape or the other: it has a passport column, or it has not.
import { normaliseValue, type MovementCountRecord, type PersonRecord } from '@pantau/domain';
import { entryPoints, people, personPassports, queryRows, sql } from '@pantau/db';
import Fuse from 'fuse.js';
import { jsonParam } from '../../write/area-lookup.js';
import { personIdsByKey, writeMovementCounts, writeMovements, writePeople } from '../../write/write-people.js';
import { fail, parseDate, type Parsed } from '../normalise/dates.js';
import { parseNationality, parseSex } from '../normalise/vocabularies.js';
import type { ImportKindHandler, KindContext } from '../types.js';
import { CellReader, nonEmptyText, remembered, text } from './cells.js';

type Direction = 'arrival' | 'departure';

/** One crossing of one person. Area codes: the person's (scope), never the checkpoint's. */
export interface CrossingImport {
  shape: 'crossing';
  personKey: string;
  passportNumber: string;
  nationality: string;
  /** Null when Pantau knows the passport (the person's name is kept). */
  newPerson: Omit<PersonRecord, 'key' | 'passports' | 'nationality' | 'districtCode' | 'regencyCode' | 'origin'> | null;
  direction: Direction;
  date: string;
  entryPointKey: string | null;
  districtCode: string | null;
  regencyCode: string;
  origin: string;
}

/** A checkpoint's crossings in one month for one nationality, by direction. Area codes: the checkpoint's. */
export interface MonthlyImport {
  shape: 'monthly';
  entryPointKey: string;
  month: string;
  nationality: string;
  counts: Array<{ direction: Direction; count: number }>;
  districtCode: string | null;
  regencyCode: string | null;
  provinceCode: string | null;
  origin: string;
}

export type MovementImport = CrossingImport | MonthlyImport;

const DIRECTION_WORDS: Record<string, Direction> = {
  arrival: 'arrival',
  arrivals: 'arrival',
  arr: 'arrival',
  in: 'arrival',
  masuk: 'arrival',
  datang: 'arrival',
  kedatangan: 'arrival',
  tiba: 'arrival',
  kdt: 'arrival',
  a: 'arrival',
  departure: 'departure',
  departures: 'departure',
  dep: 'departure',
  out: 'departure',
  keluar: 'departure',
  berangkat: 'departure',
  keberangkatan: 'departure',
  kbr: 'departure',
  d: 'departure',
};

export function parseDirection(raw: unknown): Parsed<Direction> {
  const value = DIRECTION_WORDS[normaliseValue(String(raw ?? '')).replace(/[^a-z]/g, '')];
  return value ? { ok: true, value } : fail('unknown_direction');
}

const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  february: 2,
  feb: 2,
  peb: 2,
  maret: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  agustus: 8,
  august: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  december: 12,
  des: 12,
  dec: 12,
};
const monthValue = (year: number, month: number): Parsed<string> =>
  year >= 1900 && year <= 2100 && month >= 1 && month <= 12 ? { ok: true, value: `${year}-${String(month).padStart(2, '0')}-01` } : fail('not_a_month');

/** A month as reports write it: 2024-06, 06/2024, Juni 2024, Jun-2024, or any date in it (a spreadsheet date included). */
export function parseMonth(raw: unknown): Parsed<string> {
  const value = text(raw);
  if (!value) return fail('empty');
  const yearFirst = /^(\d{4})[-/.](\d{1,2})$/.exec(value);
  if (yearFirst) return monthValue(Number(yearFirst[1]), Number(yearFirst[2]));
  const monthFirst = /^(\d{1,2})[-/.](\d{4})$/.exec(value);
  if (monthFirst) return monthValue(Number(monthFirst[2]), Number(monthFirst[1]));
  const named = /^([a-z]+)[\s\-/.,]+(\d{4})$/.exec(normaliseValue(value));
  if (named) return MONTHS[named[1]!] ? monthValue(Number(named[2]), MONTHS[named[1]!]!) : fail('not_a_month');
  const day = parseDate(raw);
  return day.ok ? { ok: true, value: `${day.value.slice(0, 7)}-01` } : fail('not_a_month');
}

function parseCount(raw: unknown): Parsed<number> {
  const value = text(raw).replace(/[.\s](?=\d{3}\b)/g, '');
  const n = Number(value);
  return value !== '' && Number.isInteger(n) && n >= 0 ? { ok: true, value: n } : fail('not_whole_number');
}

/** "TPI Bandara Soekarno-Hatta", "Bandar Udara Soekarno Hatta", "Soekarno-Hatta International Airport" → "soekarno hatta". */
const CHECKPOINT_WORDS =
  /^(tpi|tempat pemeriksaan imigrasi|bandara|bandar udara|pelabuhan laut|pelabuhan|plbn|pos lintas batas negara|pos lintas batas|seaport|airport|port)\s+/;
export function checkpointName(name: string): string {
  let value = normaliseValue(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let previous = ''; previous !== value;) {
    previous = value;
    value = value.replace(CHECKPOINT_WORDS, '');
  }
  return value.replace(/\s+(international airport|international seaport|airport|seaport|port)$/, '').trim();
}

interface Checkpoint {
  key: string;
  name: string;
  districtCode: string | null;
  regencyCode: string | null;
  provinceCode: string | null;
}

/** Pantau's checkpoints by their name without its kind words; a name two checkpoints share finds neither. */
class Checkpoints {
  private readonly byName = new Map<string, Checkpoint | null>();
  private readonly fuzzy: Fuse<{ name: string; point: Checkpoint }>;
  constructor(points: Checkpoint[]) {
    for (const point of points) {
      const name = checkpointName(point.name);
      this.byName.set(name, this.byName.has(name) ? null : point);
    }
    this.fuzzy = new Fuse(
      points.map((point) => ({ name: checkpointName(point.name), point })),
      { keys: ['name'], includeScore: true, threshold: 0.4 },
    );
  }
  find(raw: string): Parsed<Checkpoint> {
    const found = this.byName.get(checkpointName(raw));
    if (found) return { ok: true, value: found };
    const closest = this.fuzzy
      .search(checkpointName(raw), { limit: 3 })
      .map((h) => h.item.point.name)
      .join(', ');
    return fail('unknown_entry_point', { closest });
  }
}

/** A person Pantau knows by passport + nationality. */
interface KnownPerson {
  key: string;
  districtCode: string | null;
  regencyCode: string;
}
const passportKey = (passport: string, nationality: string) => `${nationality}:${passport}`;

export function movementsHandler(): ImportKindHandler<MovementImport> {
  let loaded: Promise<{ checkpoints: Checkpoints; known: Map<string, KnownPerson> }> | undefined;
  let checkpoints: Checkpoints | undefined;
  let known: Map<string, KnownPerson> | undefined;
  // People this file makes (a passport Pantau did not know), so that their later rows need no name.
  const fileMade = new Map<string, KnownPerson>();
  const nationalityOf = remembered(parseNationality);
  const dateOf = remembered(parseDate);
  const monthOf = remembered(parseMonth);
  const directionOf = remembered(parseDirection);
  const sexOf = remembered(parseSex);

  /** Checkpoints and passports, read once at the first row. */
  async function load(tx: KindContext['tx']) {
    const points = await queryRows<{ key: string; name: string; district_code: string | null; regency_code: string | null; province_code: string | null }>(
      tx,
      sql`select key, name, district_code, regency_code, province_code from ${entryPoints}`,
    );
    const passports = await queryRows<{ passport: string; nationality: string; id: number; district_code: string | null; regency_code: string }>(
      tx,
      sql`
      select pp.passport_number as passport, pp.nationality, h.id, h.district_code, h.regency_code from ${personPassports} pp join ${people} h on h.id = pp.person_id`,
    );
    return {
      checkpoints: new Checkpoints(
        points.map((p) => ({ key: p.key, name: p.name, districtCode: p.district_code, regencyCode: p.regency_code, provinceCode: p.province_code })),
      ),
      // Every person is reached by one key of their own: the movement's writer finds the id by it.
      known: new Map(
        passports.map((r) => [passportKey(r.passport, r.nationality), { key: `id:${r.id}`, districtCode: r.district_code, regencyCode: r.regency_code }]),
      ),
    };
  }

  const handler: ImportKindHandler<MovementImport> = {
    kind: 'movements',
    required: [['passportNumber', 'entryPoint'], ['nationality'], ['date', 'month']],
    toRecord(row, context) {
      if (!checkpoints || !known) {
        return (loaded ??= load(context.tx)).then((data) => {
          ({ checkpoints, known } = data);
          return handler.toRecord(row, context);
        });
      }
      const cells = new CellReader(row);
      const nationality = cells.required('nationality', nationalityOf);
      const checkpointOf = (raw: unknown): Parsed<Checkpoint> => checkpoints!.find(text(raw));

      if (row.columns.passportNumber !== undefined) {
        const passport = cells.required('passportNumber', nonEmptyText)?.replace(/\s+/g, '').toUpperCase();
        const direction = cells.required('direction', directionOf);
        const date = cells.required('date', dateOf);
        const checkpoint = cells.optional('entryPoint', checkpointOf);
        const person =
          passport && nationality ? (known!.get(passportKey(passport, nationality)) ?? fileMade.get(passportKey(passport, nationality))) : undefined;
        let area: { districtCode: string | null; regencyCode: string } | undefined = person;
        let newPerson: CrossingImport['newPerson'] = null;
        if (passport && nationality && !person) {
          // A person new to Pantau: named by the row, located where the row says, else at the checkpoint.
          const name = cells.has('holderName')
            ? cells.required('holderName', nonEmptyText)
            : (cells.issue('holderName', fail('person_without_name')), undefined);
          const sex = cells.optional('sex', sexOf);
          const birthDate = cells.optional('holderBirthDate', dateOf);
          if (['districtCode', 'district', 'regencyCode', 'regency'].some((f) => cells.has(f))) {
            const match = context.areas.match({
              districtCode: cells.raw('districtCode'),
              district: cells.raw('district'),
              regencyCode: cells.raw('regencyCode'),
              regency: cells.raw('regency'),
              province: cells.raw('province'),
            });
            if (match.ok) area = match.value;
            else cells.issue(match.field ?? 'regency', match);
          } else if (checkpoint?.regencyCode) area = { districtCode: checkpoint.districtCode, regencyCode: checkpoint.regencyCode };
          else if (checkpoint !== undefined) cells.issue('regency', fail('no_area'));
          if (name && sex !== undefined && birthDate !== undefined) newPerson = { name, sex, birthDate };
        }
        if (cells.issues.length || !passport || !nationality || !direction || !date || checkpoint === undefined || !area || (!person && !newPerson))
          return { issues: cells.issues };
        if (newPerson) fileMade.set(passportKey(passport, nationality), { key: `passport:${nationality}:${passport}`, ...area });
        return {
          issues: cells.issues,
          record: {
            shape: 'crossing',
            personKey: person?.key ?? `passport:${nationality}:${passport}`,
            passportNumber: passport,
            nationality,
            newPerson,
            direction,
            date,
            entryPointKey: checkpoint?.key ?? null,
            districtCode: area.districtCode,
            regencyCode: area.regencyCode,
            origin: context.origin,
          },
        };
      }

      const checkpoint = cells.required('entryPoint', checkpointOf);
      const month = cells.has('month') || !cells.has('date') ? cells.required('month', monthOf) : cells.required('date', monthOf);
      const counts: MonthlyImport['counts'] = [];
      const arrivals = cells.optional('arrivals', parseCount);
      const departures = cells.optional('departures', parseCount);
      if (arrivals != null) counts.push({ direction: 'arrival', count: arrivals });
      if (departures != null) counts.push({ direction: 'departure', count: departures });
      if (cells.has('count')) {
        const count = cells.required('count', parseCount);
        const direction = cells.required('direction', directionOf);
        if (count !== undefined && direction && !counts.some((c) => c.direction === direction)) counts.push({ direction, count });
      }
      if (!counts.length && arrivals !== undefined && departures !== undefined && !cells.has('count')) cells.issue('arrivals', fail('movement_count_missing'));
      if (cells.issues.length || !checkpoint || !month || !nationality || !counts.length) return { issues: cells.issues };
      if (!checkpoint.regencyCode && !checkpoint.provinceCode)
        return { issues: [...cells.issues, { row: row.row, field: 'entryPoint', value: checkpoint.name, ...fail('no_area') }] };
      return {
        issues: cells.issues,
        record: {
          shape: 'monthly',
          entryPointKey: checkpoint.key,
          month,
          nationality,
          counts,
          districtCode: checkpoint.districtCode,
          regencyCode: checkpoint.regencyCode,
          provinceCode: checkpoint.provinceCode,
          origin: context.origin,
        },
      };
    },
    key: (r) =>
      r.shape === 'crossing'
        ? `crossing:${r.nationality}:${r.passportNumber}:${r.direction}:${r.date}:${r.entryPointKey ?? ''}`
        : `monthly:${r.entryPointKey}:${r.month}:${r.nationality}:${r.counts.map((c) => c.direction).join('+')}`,
    describe: (r) => (r.shape === 'crossing' ? `${r.passportNumber} (${r.nationality}) ${r.direction} ${r.date}` : `${r.month.slice(0, 7)} ${r.nationality}`),

    async existing({ tx }, records) {
      const found = new Map<string, { origin: string; areaCode: string | null }>();
      const crossings = records.filter((r): r is CrossingImport => r.shape === 'crossing');
      const monthly = records.filter((r): r is MonthlyImport => r.shape === 'monthly');
      if (crossings.length) {
        const rows = await queryRows<{ n: string; p: string; d: string; t: string; e: string | null; origin: string; area: string | null }>(
          tx,
          sql`
          select k.n, k.p, k.d, k.t, k.e, m.origin, coalesce(h.district_code, h.regency_code) as area
          from jsonb_to_recordset(${jsonParam(crossings.map((r) => ({ n: r.nationality, p: r.passportNumber, d: r.direction, t: r.date, e: r.entryPointKey })))}) as k(n text, p text, d text, t date, e text)
          join ${personPassports} pp on pp.passport_number = k.p and pp.nationality = k.n
          join ${people} h on h.id = pp.person_id
          join movements m on m.person_id = pp.person_id and m.direction = k.d and m.date = k.t
          left join ${entryPoints} ep on ep.id = m.entry_point_id
          where ep.key is not distinct from k.e`,
        );
        for (const r of rows) found.set(`crossing:${r.n}:${r.p}:${r.d}:${String(r.t).slice(0, 10)}:${r.e ?? ''}`, { origin: r.origin, areaCode: r.area });
      }
      if (monthly.length) {
        const rows = await queryRows<{ e: string; m: string; n: string; origin: string; area: string | null }>(
          tx,
          sql`
          select distinct k.e, k.m::text as m, k.n, c.origin, coalesce(c.district_code, c.regency_code, c.province_code) as area
          from jsonb_to_recordset(${jsonParam(monthly.flatMap((r) => r.counts.map((c) => ({ e: r.entryPointKey, m: r.month, n: r.nationality, d: c.direction }))))}) as k(e text, m date, n text, d text)
          join ${entryPoints} ep on ep.key = k.e
          join movement_counts c on c.entry_point_id = ep.id and c.month = k.m and c.nationality = k.n and c.direction = k.d`,
        );
        const held = new Map(rows.map((r) => [`${r.e}:${r.m}:${r.n}`, { origin: r.origin, areaCode: r.area }]));
        for (const r of monthly) {
          const hit = held.get(`${r.entryPointKey}:${r.month}:${r.nationality}`);
          if (hit) found.set(handler.key(r), hit);
        }
      }
      return found;
    },

    async write({ tx }, records) {
      const crossings = records.filter((r): r is CrossingImport => r.shape === 'crossing');
      const monthly = records.filter((r): r is MonthlyImport => r.shape === 'monthly');
      let written = 0;
      if (crossings.length) {
        // People new to Pantau, once each (an earlier chunk of the file may have made them already).
        const newKeys = [...new Set(crossings.filter((r) => r.personKey.startsWith('passport:')).map((r) => r.personKey))];
        const made = await personIdsByKey(tx, newKeys);
        const toMake = new Map<string, PersonRecord>();
        for (const r of crossings) {
          if (!r.newPerson || made.has(r.personKey) || toMake.has(r.personKey)) continue;
          toMake.set(r.personKey, {
            key: r.personKey,
            ...r.newPerson,
            nationality: r.nationality,
            passports: [{ number: r.passportNumber, validFrom: null }],
            districtCode: r.districtCode,
            regencyCode: r.regencyCode,
            origin: r.origin,
          });
        }
        const personIds = new Map([...made, ...(await writePeople(tx, [...toMake.values()]))]);
        for (const r of crossings) if (r.personKey.startsWith('id:')) personIds.set(r.personKey, Number(r.personKey.slice(3)));
        written += await writeMovements(
          tx,
          crossings.map((r) => ({ personKey: r.personKey, direction: r.direction, date: r.date, entryPointKey: r.entryPointKey, origin: r.origin })),
          personIds,
        );
      }
      if (monthly.length) {
        const counts: MovementCountRecord[] = monthly.flatMap((r) =>
          r.counts.map((c) => ({
            entryPointKey: r.entryPointKey,
            month: r.month,
            nationality: r.nationality,
            direction: c.direction,
            count: c.count,
            origin: r.origin,
          })),
        );
        await writeMovementCounts(tx, counts);
        written += monthly.length;
      }
      return written;
    },
  };
  return handler;
}
