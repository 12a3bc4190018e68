// Stay permits. The district (when known) and the regency must exist; the province is the regency's prefix.
import { permitRecord, type PermitRecord } from '@pantau/domain';
import { insertRows, type BulkColumn, type Orm } from '@pantau/db';
import { knownAreaCodes } from './area-lookup.js';
import { companyIdsByKey } from './write-companies.js';
import { refuse, validateRecords, type RecordIssue } from './validate.js';

const PERMIT_COLUMNS: readonly BulkColumn[] = [
  { name: 'permit_number', type: 'text' }, { name: 'permit_type', type: 'text' }, { name: 'purpose', type: 'text' }, { name: 'nationality', type: 'text' },
  { name: 'sex', type: 'text' }, { name: 'holder_name', type: 'text' }, { name: 'sponsor_company_id', type: 'int' }, { name: 'issued_on', type: 'date' },
  { name: 'expires_on', type: 'date' }, { name: 'cancelled_on', type: 'date' }, { name: 'district_code', type: 'text' }, { name: 'regency_code', type: 'text' },
  { name: 'province_code', type: 'text' }, { name: 'origin', type: 'text' },
];

export async function writePermits(tx: Orm, records: readonly PermitRecord[], companyIds?: Map<string, number>): Promise<number> {
  const valid = validateRecords('permits', permitRecord, records);
  if (!valid.length) return 0;
  const areas = await knownAreaCodes(tx, valid.flatMap((p) => (p.districtCode ? [p.districtCode, p.regencyCode] : [p.regencyCode])));
  const sponsors = companyIds ?? await companyIdsByKey(tx, valid.flatMap((p) => (p.sponsorCompanyKey ? [p.sponsorCompanyKey] : [])));
  const issues: RecordIssue[] = [];
  valid.forEach((p, i) => {
    if (p.districtCode !== null && (!areas.has(p.districtCode) || p.districtCode.split('.').length !== 3)) issues.push({ record: i + 1, field: 'districtCode', value: p.districtCode, reason: 'no district with this code' });
    if (!areas.has(p.regencyCode) || p.regencyCode.split('.').length !== 2) issues.push({ record: i + 1, field: 'regencyCode', value: p.regencyCode, reason: 'no regency with this code' });
    if (p.sponsorCompanyKey && !sponsors.has(p.sponsorCompanyKey)) issues.push({ record: i + 1, field: 'sponsorCompanyKey', value: p.sponsorCompanyKey, reason: 'no company with this key' });
  });
  refuse('permits', issues);
  const rows = valid.map((p) => ({
    permit_number: p.permitNumber, permit_type: p.permitType, purpose: p.purpose, nationality: p.nationality, sex: p.sex, holder_name: p.holderName,
    sponsor_company_id: p.sponsorCompanyKey ? sponsors.get(p.sponsorCompanyKey)! : null,
    issued_on: p.issuedOn, expires_on: p.expiresOn, cancelled_on: p.cancelledOn,
    district_code: p.districtCode, regency_code: p.regencyCode, province_code: p.regencyCode.slice(0, 2), origin: p.origin,
  }));
  return insertRows(tx, 'permits', PERMIT_COLUMNS, rows);
}
