// Permit lists: one row per permit.
import { importNote, normaliseValue, type PermitRecord } from '@pantau/domain';
import { companies, people, permits, personPassports, queryOne, queryRows, sql } from '@pantau/db';
import { districtOf, jsonParam } from '../../write/area-lookup.js';
import { PERMIT_COLUMNS, permitRows, validPermits, writePermits } from '../../write/write-permits.js';
import { fail, parseDate } from '../normalise/dates.js';
import { parseNationality, parsePermitType, parsePurpose, parseSex } from '../normalise/vocabularies.js';
import type { ImportKindHandler, KindContext, RowOutcome } from '../types.js';
import type { AreaInput } from '../normalise/area-matcher.js';
import { CellReader, NO_ISSUES, nonEmptyText, remembered } from './cells.js';
import { readCoordinates } from './coordinates.js';

const companyName = (name: string) =>
  normaliseValue(name)
    .replace(/^(pt|cv|pt\.|cv\.)\s+/, '')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

interface Sponsors {
  /** Normalised name or registration number → company key (null: a name several companies share). */
  byName: Map<string, string | null>;
  /** Company key → id. */
  ids: Map<string, number>;
}

async function loadSponsors(tx: KindContext['tx']): Promise<Sponsors> {
  const sponsors = new Map<string, string | null>();
  const ids = new Map<string, number>();
  const rows = await queryRows<{ id: number; key: string; name: string; registration_number: string | null }>(
    tx,
    sql`select id, key, name, registration_number from ${companies}`,
  );
  for (const r of rows) {
    ids.set(r.key, Number(r.id));
    const name = companyName(r.name);
    sponsors.set(name, sponsors.has(name) ? null : r.key);
    if (r.registration_number) sponsors.set(r.registration_number.trim(), r.key);
  }
  return { byName: sponsors, ids };
}

/** A person Pantau knows by passport + nationality (issue 20): the name and birth date a row is compared with. */
interface KnownHolder {
  name: string;
  birthDate: string | null;
  row?: number;
}
const passportKey = (passport: string, nationality: string) => `${nationality}:${passport}`;
/** Passport numbers as written on the document: no spaces, upper case. */
const passportNumber = (raw: unknown) => {
  const parsed = nonEmptyText(raw);
  return parsed.ok ? { ...parsed, value: parsed.value.replace(/\s+/g, '').toUpperCase() } : parsed;
};

async function loadPassports(tx: KindContext['tx']): Promise<Map<string, KnownHolder>> {
  const rows = await queryRows<{ passport: string; nationality: string; name: string; birth_date: string | null }>(
    tx,
    sql`
    select pp.passport_number as passport, pp.nationality, h.name, h.birth_date::text as birth_date from ${personPassports} pp join ${people} h on h.id = pp.person_id`,
  );
  return new Map(rows.map((r) => [passportKey(r.passport, r.nationality), { name: r.name, birthDate: r.birth_date }]));
}

type PermitArea = Pick<PermitRecord, 'districtCode' | 'regencyCode'>;
type PermitCells = { [K in keyof Omit<PermitRecord, 'districtCode' | 'regencyCode'>]: PermitRecord[K] | null | undefined };
const AREA_FIELDS = ['districtCode', 'district', 'regencyCode', 'regency'];

/** The record, or the row's issues when a cell was refused or left a required value out. */
function permitOutcome(cells: CellReader, v: PermitCells, area: PermitArea | undefined): RowOutcome<PermitRecord> {
  if (
    cells.issues.length ||
    !v.permitNumber ||
    !v.permitType ||
    !v.nationality ||
    !v.holderName ||
    !v.issuedOn ||
    !v.expiresOn ||
    v.cancelledOn === undefined ||
    v.sex === undefined ||
    !area
  ) {
    return { issues: cells.issues };
  }
  return {
    issues: NO_ISSUES,
    record: {
      permitNumber: v.permitNumber,
      permitType: v.permitType,
      purpose: v.purpose!,
      nationality: v.nationality,
      sex: v.sex,
      holderName: v.holderName,
      sponsorCompanyKey: v.sponsorCompanyKey ?? null,
      issuedOn: v.issuedOn,
      expiresOn: v.expiresOn,
      cancelledOn: v.cancelledOn,
      passportNumber: v.passportNumber ?? null,
      holderBirthDate: v.holderBirthDate ?? null,
      districtCode: area.districtCode,
      regencyCode: area.regencyCode,
      origin: v.origin!,
    },
  };
}

/**
 * Links the batch's permits to people: by passport + nationality (a passport new to Pantau makes a person,
 * named as on its latest permit), then permits without a passport by an earlier permit of the same number.
 * Returns the permits left without a person (not identified).
 */
export async function linkPeople(tx: KindContext['tx'], origin: string): Promise<Array<{ n: string; t: string }>> {
  await tx.execute(sql`
    insert into ${people} (key, name, sex, birth_date, nationality, district_code, regency_code, province_code, origin)
    select distinct on (p.passport_number, p.nationality) 'passport:' || p.nationality || ':' || p.passport_number, p.holder_name, p.sex, p.holder_birth_date,
      p.nationality, p.district_code, p.regency_code, p.province_code, ${origin}
    from ${permits} p
    where p.origin = ${origin} and p.person_id is null and p.passport_number is not null
      and not exists (select 1 from ${personPassports} pp where pp.passport_number = p.passport_number and pp.nationality = p.nationality)
    order by p.passport_number, p.nationality, p.issued_on desc, p.id desc`);
  await tx.execute(sql`
    insert into ${personPassports} (person_id, passport_number, nationality, origin)
    select h.id, substr(h.key, length('passport:') + 5), h.nationality, ${origin} from ${people} h
    where h.origin = ${origin} and h.key like 'passport:%'
      and not exists (select 1 from ${personPassports} pp where pp.person_id = h.id)`);
  await tx.execute(sql`
    update ${permits} p set person_id = pp.person_id from ${personPassports} pp
    where p.origin = ${origin} and p.person_id is null and pp.passport_number = p.passport_number and pp.nationality = p.nationality`);
  await tx.execute(sql`
    update ${permits} p set person_id = q.person_id from ${permits} q
    where p.origin = ${origin} and p.person_id is null and p.passport_number is null
      and q.permit_number = p.permit_number and q.id <> p.id and q.person_id is not null`);
  return queryRows<{ n: string; t: string }>(
    tx,
    sql`select permit_number as n, permit_type as t from ${permits} where origin = ${origin} and person_id is null`,
  );
}

export function permitsHandler(): ImportKindHandler<PermitRecord> {
  // Read once, at the first row that names a sponsor: files without sponsors never pay for it.
  let sponsorsLoaded: Promise<Sponsors> | undefined;
  let sponsors: Sponsors | undefined;
  let purposeMissingWarned = false;
  // People (issue 20): passports Pantau holds (read at the first row with a passport), the file's own
  // holders by passport, and the rows without a passport (matched by permit number in `finish`).
  let passportsLoaded: Promise<Map<string, KnownHolder>> | undefined;
  let passports: Map<string, KnownHolder> | undefined;
  const fileHolders = new Map<string, KnownHolder>();
  const rowsWithoutPassport = new Map<string, number>();
  // Per import: every distinct spelling is parsed once (the same answers, the same reasons).
  const permitTypeOf = remembered(parsePermitType);
  const nationalityOf = remembered(parseNationality);
  const dateOf = remembered(parseDate);
  const sexOf = remembered(parseSex);
  const purposeOf = remembered(parsePurpose);
  const areaMatches = new Map<string, ReturnType<KindContext['areas']['match']>>();
  const matchArea = (context: KindContext, input: AreaInput) => {
    const key = `${input.districtCode}\u0000${input.district}\u0000${input.regencyCode}\u0000${input.regency}\u0000${input.province}`;
    let found = areaMatches.get(key);
    if (found === undefined) {
      found = context.areas.match(input);
      if (areaMatches.size >= 20_000) areaMatches.clear();
      areaMatches.set(key, found);
    }
    return found;
  };

  const handler: ImportKindHandler<PermitRecord> = {
    kind: 'permits',
    required: [
      ['permitNumber'],
      ['permitType'],
      ['nationality'],
      ['holderName'],
      ['issuedOn'],
      ['expiresOn'],
      ['districtCode', 'district', 'regencyCode', 'regency', 'lat'],
    ],
    // Synchronous for most rows; a promise only while the sponsors load, or for a row located by coordinates.
    toRecord(row, context) {
      const cells = new CellReader(row);
      if (!sponsors && cells.has('sponsor')) {
        return (sponsorsLoaded ??= loadSponsors(context.tx)).then((loaded) => {
          sponsors = loaded;
          return handler.toRecord(row, context);
        });
      }
      if (!passports && cells.has('passportNumber')) {
        return (passportsLoaded ??= loadPassports(context.tx)).then((loaded) => {
          passports = loaded;
          return handler.toRecord(row, context);
        });
      }
      const permitNumber = cells.required('permitNumber', nonEmptyText);
      const permitType = cells.required('permitType', permitTypeOf);
      const nationality = cells.required('nationality', nationalityOf);
      const holderName = cells.required('holderName', nonEmptyText);
      const issuedOn = cells.required('issuedOn', dateOf);
      const expiresOn = cells.required('expiresOn', dateOf);
      const cancelledOn = cells.optional('cancelledOn', dateOf);
      const sex = cells.optional('sex', sexOf);
      const passport = cells.has('passportNumber') ? cells.optional('passportNumber', passportNumber) : null;
      const holderBirthDate = cells.has('holderBirthDate') ? cells.optional('holderBirthDate', dateOf) : null;
      if (passport && nationality && holderName) {
        // The same passport with another name or birth date is never merged silently: a warning names both values.
        const key = passportKey(passport, nationality);
        const held = passports?.get(key) ?? fileHolders.get(key);
        if (!held) fileHolders.set(key, { name: holderName, birthDate: holderBirthDate ?? null, row: row.row });
        else {
          const params = { row: row.row, passport, nationality };
          if (normaliseValue(held.name) !== normaliseValue(holderName))
            context.warn(importNote('passport_other_person', { ...params, field: 'holderName', held: held.name, given: holderName }));
          if (held.birthDate && holderBirthDate && held.birthDate !== holderBirthDate) {
            context.warn(importNote('passport_other_person', { ...params, field: 'holderBirthDate', held: held.birthDate, given: holderBirthDate }));
          }
        }
      } else if (passport === null && permitNumber && permitType) rowsWithoutPassport.set(`${permitType}:${permitNumber}`, row.row);
      let purpose = cells.optional('purpose', purposeOf);
      if (purpose === null) {
        if (!purposeMissingWarned) context.warn(importNote('purpose_missing'));
        purposeMissingWarned = true;
        purpose = 'work';
      }
      if (issuedOn && expiresOn && expiresOn <= issuedOn) cells.issue('expiresOn', fail('expiry_not_after_issue', { expiresOn, issuedOn }));
      if (issuedOn && cancelledOn && cancelledOn < issuedOn) cells.issue('cancelledOn', fail('cancelled_before_issue', { cancelledOn, issuedOn }));

      let sponsorCompanyKey: string | null = null;
      if (sponsors && cells.has('sponsor')) {
        const raw = cells.raw('sponsor');
        const key = sponsors.byName.get(raw) ?? sponsors.byName.get(companyName(raw));
        if (key) sponsorCompanyKey = key;
        else context.warn(importNote('sponsor_not_found', { name: raw, row: row.row }));
      }

      const permit: PermitCells = {
        permitNumber,
        permitType,
        purpose,
        nationality,
        sex,
        holderName,
        sponsorCompanyKey,
        issuedOn,
        expiresOn,
        cancelledOn,
        passportNumber: passport,
        holderBirthDate,
        origin: context.origin,
      };

      let area: PermitArea | undefined;
      if (AREA_FIELDS.some((f) => cells.has(f))) {
        const byName = matchArea(context, {
          districtCode: cells.raw('districtCode'),
          district: cells.raw('district'),
          regencyCode: cells.raw('regencyCode'),
          regency: cells.raw('regency'),
          province: cells.raw('province'),
        });
        if (byName.ok) area = byName.value;
        else cells.issue(byName.field ?? 'regency', byName);
      } else {
        const position = readCoordinates(cells);
        if (position) {
          const point = sql`ST_SetSRID(ST_MakePoint(${position[0]}::float8, ${position[1]}::float8), 4326)`;
          return queryOne<{ code: string | null }>(context.tx, sql`select ${districtOf(point)} as code`).then((found) => {
            if (found?.code) return permitOutcome(cells, permit, { districtCode: found.code, regencyCode: found.code.slice(0, 5) });
            cells.issue('lat', fail('point_in_no_district'), `${cells.raw('lat')}, ${cells.raw('lng')}`);
            return { issues: cells.issues };
          });
        }
        if (position === null) cells.issue('regency', fail('no_area'));
      }
      return permitOutcome(cells, permit, area);
    },
    key: (p) => `${p.permitType}:${p.permitNumber}`,
    describe: (p) => `${p.permitNumber} (${p.permitType.toUpperCase()})`,

    async existing({ tx }, records) {
      const keys = records.map((p) => ({ n: p.permitNumber, t: p.permitType }));
      const rows = await queryRows<{ n: string; t: string; origin: string; area: string | null }>(
        tx,
        sql`
        select p.permit_number as n, p.permit_type as t, p.origin, coalesce(p.district_code, p.regency_code, p.province_code) as area from ${permits} p
        join jsonb_to_recordset(${jsonParam(keys)}) as k(n text, t text) on k.n = p.permit_number and k.t = p.permit_type`,
      );
      return new Map(rows.map((r) => [`${r.t}:${r.n}`, { origin: r.origin, areaCode: r.area }]));
    },
    write: ({ tx }, records) => writePermits(tx, records),
    uniqueKeyInDatabase: true, // permits_number_type_key
    bulk: {
      table: 'permits',
      columns: PERMIT_COLUMNS,
      // The areas the import already holds and the sponsors already read: no query.
      async open({ areas: areaCodes }) {
        const companyIds = sponsors?.ids ?? new Map<string, number>();
        return (records) => permitRows(validPermits(records), { areaCodes, companyIds });
      },
    },
    async finish({ tx, origin, warn }) {
      const unidentified = await linkPeople(tx, origin);
      const rows = unidentified.map((p) => rowsWithoutPassport.get(`${p.t}:${p.n}`)).filter((r): r is number => r !== undefined);
      if (unidentified.length) warn(importNote('person_not_identified', { count: unidentified.length, row: rows.length ? Math.min(...rows) : 0 }));
    },
  };
  return handler;
}
