// The people register (issue 20): people with their passports, permit applications, movements, lodgings
// and the operation targets that concerned them. Same rules as every write: validated, references
// checked, rows counted inside the transaction.
import {
  lodgingRecord,
  movementCountRecord,
  movementRecord,
  permitApplicationRecord,
  personRecord,
  type LodgingRecord,
  type MovementCountRecord,
  type MovementRecord,
  type PermitApplicationRecord,
  type PersonRecord,
} from '@pantau/domain';
import { entryPoints, insertRows, operations, operationTargets, people, queryRows, sql, type BulkColumn, type Orm } from '@pantau/db';
import { jsonParam, knownAreaCodes } from './area-lookup.js';
import { companyIdsByKey } from './write-companies.js';
import { officeIdsByKey } from './write-organisation.js';
import { refuse, validateRecords, type RecordIssue } from './validate.js';

const col = (name: string, type = 'text'): BulkColumn => ({ name, type });
const PEOPLE_COLUMNS = [
  col('key'),
  col('name'),
  col('sex'),
  col('birth_date', 'date'),
  col('nationality'),
  col('district_code'),
  col('regency_code'),
  col('province_code'),
  col('origin'),
];
const PASSPORT_COLUMNS = [col('person_id', 'bigint'), col('passport_number'), col('nationality'), col('valid_from', 'date'), col('origin')];
const APPLICATION_COLUMNS = [
  col('person_id', 'bigint'),
  col('permit_type'),
  col('status'),
  col('applied_on', 'date'),
  col('decided_on', 'date'),
  col('office_id', 'int'),
  col('sponsor_company_id', 'int'),
  col('purpose'),
  col('nationality'),
  col('district_code'),
  col('regency_code'),
  col('province_code'),
  col('origin'),
];
const MOVEMENT_COLUMNS = [col('person_id', 'bigint'), col('direction'), col('date', 'date'), col('entry_point_id', 'int'), col('origin')];
const MOVEMENT_COUNT_COLUMNS = [
  col('entry_point_id', 'int'),
  col('month', 'date'),
  col('nationality'),
  col('direction'),
  col('count', 'int'),
  col('district_code'),
  col('regency_code'),
  col('province_code'),
  col('origin'),
];
const LODGING_COLUMNS = [
  col('person_id', 'bigint'),
  col('place'),
  col('address'),
  col('from_on', 'date'),
  col('to_on', 'date'),
  col('geom', 'geometry'),
  col('district_code'),
  col('regency_code'),
  col('province_code'),
  col('origin'),
];

/** Ids of people by key (generated and reference people have one). */
export async function personIdsByKey(tx: Orm, keys: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(keys)];
  const ids = new Map<string, number>();
  for (let i = 0; i < unique.length; i += 20_000) {
    const rows = await queryRows<{ id: number; key: string }>(
      tx,
      sql`select id, key from ${people} where key in (select jsonb_array_elements_text(${jsonParam(unique.slice(i, i + 20_000))}))`,
    );
    for (const r of rows) ids.set(r.key, Number(r.id));
  }
  return ids;
}

async function checkAreas(tx: Orm, kind: string, records: ReadonlyArray<{ districtCode: string | null; regencyCode: string }>): Promise<void> {
  const known = await knownAreaCodes(
    tx,
    records.flatMap((r) => (r.districtCode ? [r.districtCode, r.regencyCode] : [r.regencyCode])),
  );
  const issues: RecordIssue[] = [];
  records.forEach((r, i) => {
    if (!known.has(r.regencyCode) || r.regencyCode.length !== 5)
      issues.push({ record: i + 1, field: 'regencyCode', value: r.regencyCode, reason: 'no regency with this code' });
    if (r.districtCode !== null && (!known.has(r.districtCode) || !r.districtCode.startsWith(`${r.regencyCode}.`)))
      issues.push({ record: i + 1, field: 'districtCode', value: r.districtCode, reason: 'no district with this code in the regency' });
  });
  refuse(kind, issues);
}

/** Writes people and their passports; returns their ids by key. */
export async function writePeople(tx: Orm, records: readonly PersonRecord[]): Promise<Map<string, number>> {
  const valid = validateRecords('people', personRecord, records);
  if (!valid.length) return new Map();
  await checkAreas(tx, 'people', valid);
  await insertRows(
    tx,
    'people',
    PEOPLE_COLUMNS,
    valid.map((p) => ({
      key: p.key,
      name: p.name,
      sex: p.sex,
      birth_date: p.birthDate,
      nationality: p.nationality,
      district_code: p.districtCode,
      regency_code: p.regencyCode,
      province_code: p.regencyCode.slice(0, 2),
      origin: p.origin,
    })),
  );
  const ids = await personIdsByKey(
    tx,
    valid.map((p) => p.key),
  );
  await insertRows(
    tx,
    'person_passports',
    PASSPORT_COLUMNS,
    valid.flatMap((p) =>
      p.passports.map((passport) => ({
        person_id: ids.get(p.key)!,
        passport_number: passport.number,
        nationality: p.nationality,
        valid_from: passport.validFrom,
        origin: p.origin,
      })),
    ),
  );
  return ids;
}

function personIdOf(ids: ReadonlyMap<string, number>, issues: RecordIssue[], key: string, record: number): number | null {
  const id = ids.get(key);
  if (id === undefined) {
    issues.push({ record, field: 'personKey', value: key, reason: 'no person with this key' });
    return null;
  }
  return id;
}

export async function writePermitApplications(
  tx: Orm,
  records: readonly PermitApplicationRecord[],
  personIds: ReadonlyMap<string, number>,
  companyIds?: ReadonlyMap<string, number>,
): Promise<number> {
  const valid = validateRecords('permit applications', permitApplicationRecord, records);
  if (!valid.length) return 0;
  await checkAreas(tx, 'permit applications', valid);
  const offices = await officeIdsByKey(
    tx,
    valid.flatMap((a) => (a.officeKey ? [a.officeKey] : [])),
  );
  const sponsors =
    companyIds ??
    (await companyIdsByKey(
      tx,
      valid.flatMap((a) => (a.sponsorCompanyKey ? [a.sponsorCompanyKey] : [])),
    ));
  const nationalities = new Map(
    (
      await queryRows<{ id: number; nationality: string }>(
        tx,
        sql`select id, nationality from ${people} where id in (select (jsonb_array_elements_text(${jsonParam([...new Set(valid.map((a) => personIds.get(a.personKey)).filter((id) => id !== undefined))])}))::bigint)`,
      )
    ).map((r) => [Number(r.id), r.nationality]),
  );
  const issues: RecordIssue[] = [];
  const rows = valid.map((a, i) => {
    const personId = personIdOf(personIds, issues, a.personKey, i + 1);
    const office = a.officeKey ? offices.get(a.officeKey) : null;
    if (office === undefined) issues.push({ record: i + 1, field: 'officeKey', value: a.officeKey, reason: 'no office with this key' });
    const sponsor = a.sponsorCompanyKey ? sponsors.get(a.sponsorCompanyKey) : null;
    if (sponsor === undefined) issues.push({ record: i + 1, field: 'sponsorCompanyKey', value: a.sponsorCompanyKey, reason: 'no company with this key' });
    return {
      person_id: personId,
      permit_type: a.permitType,
      status: a.status,
      applied_on: a.appliedOn,
      decided_on: a.decidedOn,
      office_id: office ?? null,
      sponsor_company_id: sponsor ?? null,
      purpose: a.purpose,
      nationality: personId === null ? null : nationalities.get(personId),
      district_code: a.districtCode,
      regency_code: a.regencyCode,
      province_code: a.regencyCode.slice(0, 2),
      origin: a.origin,
    };
  });
  refuse('permit applications', issues);
  return insertRows(tx, 'permit_applications', APPLICATION_COLUMNS, rows);
}

export async function writeMovements(tx: Orm, records: readonly MovementRecord[], personIds: ReadonlyMap<string, number>): Promise<number> {
  const valid = validateRecords('movements', movementRecord, records);
  if (!valid.length) return 0;
  const keys = [...new Set(valid.flatMap((m) => (m.entryPointKey ? [m.entryPointKey] : [])))];
  const points = new Map(
    (keys.length
      ? await queryRows<{ id: number; key: string }>(
          tx,
          sql`select id, key from ${entryPoints} where key in (select jsonb_array_elements_text(${jsonParam(keys)}))`,
        )
      : []
    ).map((r) => [r.key, Number(r.id)]),
  );
  const issues: RecordIssue[] = [];
  const rows = valid.map((m, i) => {
    const point = m.entryPointKey ? points.get(m.entryPointKey) : null;
    if (point === undefined) issues.push({ record: i + 1, field: 'entryPointKey', value: m.entryPointKey, reason: 'no entry point with this key' });
    return {
      person_id: personIdOf(personIds, issues, m.personKey, i + 1),
      direction: m.direction,
      date: m.date,
      entry_point_id: point ?? null,
      origin: m.origin,
    };
  });
  refuse('movements', issues);
  return insertRows(tx, 'movements', MOVEMENT_COLUMNS, rows);
}

/** Monthly crossings per checkpoint (imported counts): each row takes its checkpoint's area, for the scope. */
export async function writeMovementCounts(tx: Orm, records: readonly MovementCountRecord[]): Promise<number> {
  const valid = validateRecords('movement counts', movementCountRecord, records);
  if (!valid.length) return 0;
  const keys = [...new Set(valid.map((m) => m.entryPointKey))];
  const points = new Map(
    (
      await queryRows<{ id: number; key: string; district_code: string | null; regency_code: string | null; province_code: string | null }>(
        tx,
        sql`select id, key, district_code, regency_code, province_code from ${entryPoints} where key in (select jsonb_array_elements_text(${jsonParam(keys)}))`,
      )
    ).map((r) => [r.key, r]),
  );
  const issues: RecordIssue[] = [];
  const rows = valid.map((m, i) => {
    const point = points.get(m.entryPointKey);
    if (!point) issues.push({ record: i + 1, field: 'entryPointKey', value: m.entryPointKey, reason: 'no entry point with this key' });
    return {
      entry_point_id: point ? Number(point.id) : null,
      month: m.month,
      nationality: m.nationality,
      direction: m.direction,
      count: m.count,
      district_code: point?.district_code ?? null,
      regency_code: point?.regency_code ?? null,
      province_code: point?.province_code ?? null,
      origin: m.origin,
    };
  });
  refuse('movement counts', issues);
  return insertRows(tx, 'movement_counts', MOVEMENT_COUNT_COLUMNS, rows);
}

export async function writeLodgings(tx: Orm, records: readonly LodgingRecord[], personIds: ReadonlyMap<string, number>): Promise<number> {
  const valid = validateRecords('lodgings', lodgingRecord, records);
  if (!valid.length) return 0;
  await checkAreas(tx, 'lodgings', valid);
  const issues: RecordIssue[] = [];
  const rows = valid.map((l, i) => ({
    person_id: personIdOf(personIds, issues, l.personKey, i + 1),
    place: l.place,
    address: l.address,
    from_on: l.fromOn,
    to_on: l.toOn,
    geom: l.position ? `SRID=4326;POINT(${l.position[0]} ${l.position[1]})` : null,
    district_code: l.districtCode,
    regency_code: l.regencyCode,
    province_code: l.regencyCode.slice(0, 2),
    origin: l.origin,
  }));
  refuse('lodgings', issues);
  return insertRows(tx, 'lodgings', LODGING_COLUMNS, rows);
}

/** Links the people a target concerned to it; the target is named by its operation's key and its place. */
export async function writeTargetPeople(
  tx: Orm,
  links: ReadonlyArray<{ operationKey: string; place: string; personKey: string; checked: boolean; origin: string }>,
  personIds: ReadonlyMap<string, number>,
): Promise<number> {
  if (!links.length) return 0;
  const targets = await queryRows<{ id: number; key: string; place: string }>(
    tx,
    sql`
    select t.id, o.key, t.place from ${operationTargets} t join ${operations} o on o.id = t.operation_id
    where o.key in (select jsonb_array_elements_text(${jsonParam([...new Set(links.map((l) => l.operationKey))])}))`,
  );
  const targetOf = new Map(targets.map((t) => [`${t.key}|${t.place}`, Number(t.id)]));
  const issues: RecordIssue[] = [];
  const rows = links.map((l, i) => {
    const target = targetOf.get(`${l.operationKey}|${l.place}`);
    if (target === undefined) issues.push({ record: i + 1, field: 'place', value: l.place, reason: `no target at this place in operation ${l.operationKey}` });
    return { target_id: target ?? null, person_id: personIdOf(personIds, issues, l.personKey, i + 1), checked: l.checked, origin: l.origin };
  });
  refuse('operation target people', issues);
  return insertRows(tx, 'operation_target_people', [col('target_id', 'int'), col('person_id', 'bigint'), col('checked', 'boolean'), col('origin')], rows);
}
