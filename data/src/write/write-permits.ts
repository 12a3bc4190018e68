// Stay permits. The district (when known) and the regency must exist; the province is the regency's prefix.
import { AREA_CODE_PATTERN, isIsoDate, PERMIT_PURPOSES, PERMIT_TYPES, permitRecord, SEXES, type PermitRecord } from '@pantau/domain';
import { insertRows, type BulkColumn, type BulkRow, type Orm } from '@pantau/db';
import { knownAreaCodes } from './area-lookup.js';
import { companyIdsByKey } from './write-companies.js';
import { personIdsByKey } from './write-people.js';
import { refuse, validateRecords, type RecordIssue } from './validate.js';

export const PERMIT_COLUMNS: readonly BulkColumn[] = [
  { name: 'permit_number', type: 'text' },
  { name: 'permit_type', type: 'text' },
  { name: 'purpose', type: 'text' },
  { name: 'nationality', type: 'text' },
  { name: 'sex', type: 'text' },
  { name: 'holder_name', type: 'text' },
  { name: 'sponsor_company_id', type: 'int' },
  { name: 'issued_on', type: 'date' },
  { name: 'expires_on', type: 'date' },
  { name: 'cancelled_on', type: 'date' },
  { name: 'district_code', type: 'text' },
  { name: 'regency_code', type: 'text' },
  { name: 'province_code', type: 'text' },
  { name: 'origin', type: 'text' },
  { name: 'person_id', type: 'bigint' },
  { name: 'passport_number', type: 'text' },
  { name: 'holder_birth_date', type: 'date' },
];

const TYPES: ReadonlySet<unknown> = new Set(PERMIT_TYPES);
const PURPOSES: ReadonlySet<unknown> = new Set(PERMIT_PURPOSES);
const SEX_VALUES: ReadonlySet<unknown> = new Set(SEXES);
const NATIONALITY = /^[A-Z]{3}$/;
const ORIGIN = /^(reference|demo|batch:[0-9a-f-]{36})$/;
let lastOrigin = 'demo'; // the origin last found valid (every record of an import has the same)
const validOrigin = (v: unknown): boolean => v === lastOrigin || (typeof v === 'string' && ORIGIN.test(v) && ((lastOrigin = v), true));
const filled = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isoDay = (v: unknown): v is string => typeof v === 'string' && isIsoDate(v);
const areaCode = (v: unknown): v is string => typeof v === 'string' && AREA_CODE_PATTERN.test(v);

/**
 * True only for a record that `permitRecord` accepts as it is (never more lenient; its unit test
 * checks that against zod): a batch of such records skips zod's per-record parse and copy, which
 * was a fifth of an import's time. Anything else goes through zod, for zod's own reasons.
 */
export function plainlyValidPermit(value: unknown): value is PermitRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const p = value as Record<string, unknown>;
  return (
    filled(p.permitNumber) &&
    TYPES.has(p.permitType) &&
    PURPOSES.has(p.purpose) &&
    typeof p.nationality === 'string' &&
    NATIONALITY.test(p.nationality) &&
    (p.sex === null || SEX_VALUES.has(p.sex)) &&
    filled(p.holderName) &&
    (p.sponsorCompanyKey === null || filled(p.sponsorCompanyKey)) &&
    isoDay(p.issuedOn) &&
    isoDay(p.expiresOn) &&
    (p.cancelledOn === null || isoDay(p.cancelledOn)) &&
    (p.districtCode === null || areaCode(p.districtCode)) &&
    areaCode(p.regencyCode) &&
    validOrigin(p.origin) &&
    p.expiresOn > p.issuedOn &&
    (p.districtCode === null || p.districtCode.startsWith(`${p.regencyCode}.`)) &&
    (p.personKey === undefined || p.personKey === null || filled(p.personKey)) &&
    (p.passportNumber === undefined || p.passportNumber === null || filled(p.passportNumber)) &&
    (p.holderBirthDate === undefined || p.holderBirthDate === null || isoDay(p.holderBirthDate))
  );
}

/** `records` checked against the permit schema (the fast check first; zod for anything it does not pass). */
export function validPermits(records: readonly unknown[]): PermitRecord[] {
  return records.every(plainlyValidPermit) ? (records as PermitRecord[]) : validateRecords('permits', permitRecord, records);
}

/**
 * What the rows of permits refer to: the area codes that exist, company ids by key, and people ids by key
 * (or, for imports, the person id already matched for each record, by its position).
 */
export interface PermitReferences {
  areaCodes: { has(code: string): boolean };
  companyIds: ReadonlyMap<string, number>;
  personIds?: ReadonlyMap<string, number>;
  matchedPersonIds?: ReadonlyArray<number | null>;
}

/**
 * The permits table's rows for valid records, their references checked (no query: the import streams
 * these into an open COPY). Throws RecordValidationError listing every unknown area or sponsor.
 */
export function permitRows(valid: readonly PermitRecord[], { areaCodes, companyIds, personIds, matchedPersonIds }: PermitReferences): BulkRow[] {
  const issues: RecordIssue[] = [];
  const rows = valid.map((p, i) => {
    // Valid codes (19, 19.04, 19.04.01) tell their level by their length.
    if (p.districtCode !== null && (!areaCodes.has(p.districtCode) || p.districtCode.length !== 8))
      issues.push({ record: i + 1, field: 'districtCode', value: p.districtCode, reason: 'no district with this code' });
    if (!areaCodes.has(p.regencyCode) || p.regencyCode.length !== 5)
      issues.push({ record: i + 1, field: 'regencyCode', value: p.regencyCode, reason: 'no regency with this code' });
    const sponsor = p.sponsorCompanyKey ? companyIds.get(p.sponsorCompanyKey) : null;
    if (sponsor === undefined) issues.push({ record: i + 1, field: 'sponsorCompanyKey', value: p.sponsorCompanyKey, reason: 'no company with this key' });
    const person = p.personKey ? personIds?.get(p.personKey) : (matchedPersonIds?.[i] ?? null);
    if (person === undefined) issues.push({ record: i + 1, field: 'personKey', value: p.personKey, reason: 'no person with this key' });
    return {
      permit_number: p.permitNumber,
      permit_type: p.permitType,
      purpose: p.purpose,
      nationality: p.nationality,
      sex: p.sex,
      holder_name: p.holderName,
      sponsor_company_id: sponsor ?? null,
      issued_on: p.issuedOn,
      expires_on: p.expiresOn,
      cancelled_on: p.cancelledOn,
      district_code: p.districtCode,
      regency_code: p.regencyCode,
      province_code: p.regencyCode.slice(0, 2),
      origin: p.origin,
      person_id: person ?? null,
      passport_number: p.passportNumber ?? null,
      holder_birth_date: p.holderBirthDate ?? null,
    };
  });
  refuse('permits', issues);
  return rows;
}

export async function writePermits(
  tx: Orm,
  records: readonly PermitRecord[],
  companyIds?: Map<string, number>,
  personIds?: ReadonlyMap<string, number>,
): Promise<number> {
  const valid = validPermits(records);
  if (!valid.length) return 0;
  const codes = new Set<string>();
  const sponsorKeys = new Set<string>();
  for (const p of valid) {
    if (p.districtCode) codes.add(p.districtCode);
    codes.add(p.regencyCode);
    if (p.sponsorCompanyKey) sponsorKeys.add(p.sponsorCompanyKey);
  }
  const areaCodes = await knownAreaCodes(tx, [...codes]);
  const sponsors = companyIds ?? (await companyIdsByKey(tx, [...sponsorKeys]));
  const people =
    personIds ??
    (await personIdsByKey(
      tx,
      valid.flatMap((p) => (p.personKey ? [p.personKey] : [])),
    ));
  return insertRows(tx, 'permits', PERMIT_COLUMNS, permitRows(valid, { areaCodes, companyIds: sponsors, personIds: people }));
}
