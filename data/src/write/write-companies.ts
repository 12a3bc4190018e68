// Sponsors and their sites. A site's district, regency and province come from point-in-polygon.
import { companyRecord, companySiteRecord, type CompanyRecord, type CompanySiteRecord } from '@pantau/domain';
import { companies, expectWritten, queryRows, sql, type BulkColumn, type Orm } from '@pantau/db';
import { jsonParam } from './area-lookup.js';
import { writeLocatedPoints, type RegencyCheck } from './located-points.js';
import { refuse, validateRecords, type RecordIssue } from './validate.js';

const CHUNK = 2000;

const SITE_COLUMNS: readonly BulkColumn[] = [
  { name: 'key', type: 'text' },
  { name: 'company_id', type: 'int' },
  { name: 'name', type: 'text' },
  { name: 'origin', type: 'text' },
  { name: 'text_en', type: 'jsonb' },
];

export async function writeCompanies(tx: Orm, records: readonly CompanyRecord[]): Promise<Map<string, number>> {
  const valid = validateRecords('companies', companyRecord, records);
  const ids = new Map<string, number>();
  for (let i = 0; i < valid.length; i += CHUNK) {
    const chunk = valid.slice(i, i + CHUNK);
    const written = await tx.insert(companies).values(chunk).returning({ id: companies.id, key: companies.key });
    expectWritten('companies', chunk.length, written.length);
    for (const w of written) ids.set(w.key, w.id);
  }
  return ids;
}

export async function companyIdsByKey(tx: Orm, keys: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(keys)];
  if (!unique.length) return new Map();
  const rows = await queryRows<{ id: number; key: string }>(
    tx,
    sql`select id, key from ${companies} where key in (select jsonb_array_elements_text(${jsonParam(unique)}))`,
  );
  return new Map(rows.map((r) => [r.key, Number(r.id)]));
}

/** Writes sites; refuses the batch when a site's company is unknown or its point lies in no district. */
export async function writeCompanySites(
  tx: Orm,
  records: readonly CompanySiteRecord[],
  companyIds?: Map<string, number>,
  check?: RegencyCheck,
): Promise<number> {
  const valid = validateRecords('company sites', companySiteRecord, records);
  if (!valid.length) return 0;
  const ids =
    companyIds ??
    (await companyIdsByKey(
      tx,
      valid.map((s) => s.companyKey),
    ));
  const issues: RecordIssue[] = [];
  valid.forEach((s, i) => {
    if (!ids.has(s.companyKey)) issues.push({ record: i + 1, field: 'companyKey', value: s.companyKey, reason: 'no company with this key' });
  });
  refuse('company sites', issues);
  return writeLocatedPoints(
    tx,
    'company sites',
    'company_sites',
    SITE_COLUMNS,
    valid.map((s) => ({
      key: s.key,
      company_id: ids.get(s.companyKey)!,
      name: s.name,
      lng: s.position[0],
      lat: s.position[1],
      origin: s.origin,
      text_en: s.textEn ?? null,
      named_regency_code: s.namedRegencyCode ?? null,
    })),
    undefined,
    check,
  );
}
