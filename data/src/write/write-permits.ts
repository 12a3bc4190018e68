// Stay permits. The district (when known) and the regency must exist; the province is the regency's prefix.
import { permitRecord, type PermitRecord } from '@pantau/domain';
import { expectWritten, permits, queryOne, sql, type Orm } from '@pantau/db';
import { jsonParam, knownAreaCodes } from './area-lookup.js';
import { companyIdsByKey } from './write-companies.js';
import { refuse, validateRecords, type RecordIssue } from './validate.js';

const CHUNK = 5000;

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
  let total = 0;
  for (let i = 0; i < valid.length; i += CHUNK) {
    const chunk = valid.slice(i, i + CHUNK).map((p) => ({
      n: p.permitNumber, t: p.permitType, pu: p.purpose, na: p.nationality, s: p.sex, h: p.holderName,
      sp: p.sponsorCompanyKey ? sponsors.get(p.sponsorCompanyKey)! : null,
      i: p.issuedOn, e: p.expiresOn, c: p.cancelledOn, d: p.districtCode, r: p.regencyCode, o: p.origin,
    }));
    const written = await queryOne<{ n: number }>(tx, sql`
      with inserted as (
        insert into ${permits} (permit_number, permit_type, purpose, nationality, sex, holder_name, sponsor_company_id,
          issued_on, expires_on, cancelled_on, district_code, regency_code, province_code, origin)
        select n, t, pu, na, s, h, sp, i, e, c, d, r, substr(r, 1, 2), o
        from jsonb_to_recordset(${jsonParam(chunk)}) as x(n text, t text, pu text, na text, s text, h text, sp int,
          i date, e date, c date, d text, r text, o text)
        returning 1)
      select count(*)::int as n from inserted`);
    expectWritten('permits', chunk.length, Number(written?.n ?? 0));
    total += chunk.length;
  }
  return total;
}
