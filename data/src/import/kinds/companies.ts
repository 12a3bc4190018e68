// Company lists: one row per company site (a company on several rows gets several sites).
import { COMPANY_SECTORS, expectedValues, normaliseValue, type CompanyRecord, type CompanySiteRecord } from '@pantau/domain';
import { companies, queryRows, sql } from '@pantau/db';
import { jsonParam } from '../../write/area-lookup.js';
import { companyIdsByKey, writeCompanies, writeCompanySites } from '../../write/write-companies.js';
import { fail, type Parsed } from '../normalise/dates.js';
import type { ExistingRecord, ImportKindHandler } from '../types.js';
import { CellReader, nonEmptyText } from './cells.js';
import { readPlace, regencyCheck } from './place.js';

interface CompanyRow {
  company: CompanyRecord;
  site: CompanySiteRecord;
}

const SECTOR_WORDS: Record<string, (typeof COMPANY_SECTORS)[number]> = {
  tambang: 'mining_smelting',
  pertambangan: 'mining_smelting',
  smelter: 'mining_smelting',
  nikel: 'mining_smelting',
  timah: 'mining_smelting',
  mining: 'mining_smelting',
  manufaktur: 'manufacturing',
  industri: 'manufacturing',
  pabrik: 'manufacturing',
  manufacturing: 'manufacturing',
  konstruksi: 'construction',
  construction: 'construction',
  energi: 'energy',
  listrik: 'energy',
  energy: 'energy',
  perdagangan: 'trade',
  dagang: 'trade',
  trade: 'trade',
  pariwisata: 'hospitality_tourism',
  hotel: 'hospitality_tourism',
  perhotelan: 'hospitality_tourism',
  tourism: 'hospitality_tourism',
  jasa: 'services',
  services: 'services',
  perkebunan: 'agriculture_plantation',
  pertanian: 'agriculture_plantation',
  sawit: 'agriculture_plantation',
  agriculture: 'agriculture_plantation',
  perikanan: 'fisheries_maritime',
  kelautan: 'fisheries_maritime',
  maritim: 'fisheries_maritime',
  pendidikan: 'education',
  education: 'education',
};

function parseSector(raw: unknown): Parsed<(typeof COMPANY_SECTORS)[number]> {
  const value = normaliseValue(String(raw ?? ''));
  if ((COMPANY_SECTORS as readonly string[]).includes(value)) return { ok: true, value: value as (typeof COMPANY_SECTORS)[number] };
  const word = value.split(/[\s/,&-]+/).find((w) => SECTOR_WORDS[w]);
  return word ? { ok: true, value: SECTOR_WORDS[word]! } : fail('unknown_sector', { expected: expectedValues(COMPANY_SECTORS) });
}

const companyKeyOf = (origin: string, registration: string | null, name: string) =>
  `${origin}:company:${registration ?? normaliseValue(name).replace(/[^a-z0-9]+/g, '-')}`;

export function companiesHandler(): ImportKindHandler<CompanyRow> {
  const siteCount = new Map<string, number>();
  const rowOf = new Map<string, number>(); // site key → file row, for rows naming a regency beside their point
  return {
    kind: 'companies',
    required: [['name'], ['lat', 'districtCode', 'district', 'regencyCode', 'regency']],
    async toRecord(row, context) {
      const cells = new CellReader(row);
      const name = cells.required('name', nonEmptyText);
      const registrationNumber = cells.optional('registrationNumber', nonEmptyText);
      const sector = cells.optional('sector', parseSector);
      const place = readPlace(cells, context, 'company_sites');
      if (cells.issues.length || !name || registrationNumber === undefined || sector === undefined || !place) return { issues: cells.issues };
      const { position, namedRegencyCode } = place;
      const key = companyKeyOf(context.origin, registrationNumber, name);
      const n = (siteCount.get(key) ?? 0) + 1;
      siteCount.set(key, n);
      const siteKey = `${key}:site:${n}`;
      if (namedRegencyCode) rowOf.set(siteKey, row.row);
      return {
        issues: [],
        record: {
          company: { key, name, sector, registrationNumber, origin: context.origin },
          site: { key: siteKey, companyKey: key, name: cells.raw('siteName') || `Lokasi ${n}`, position, origin: context.origin, namedRegencyCode },
        },
      };
    },
    // A site is the unit: the same company at the same place twice is a duplicate.
    key: (r) => `${r.company.registrationNumber ?? normaliseValue(r.company.name)}@${r.site.position.join(',')}`,
    describe: (r) =>
      `${r.company.name}${r.company.registrationNumber ? ` (${r.company.registrationNumber})` : ''} · ${r.site.position[1]}, ${r.site.position[0]}`,
    async existing({ tx }, records) {
      const numbers = [...new Set(records.flatMap((r) => (r.company.registrationNumber ? [r.company.registrationNumber] : [])))];
      if (!numbers.length) return new Map();
      const rows = await queryRows<{ registration_number: string; origin: string; area: string | null; lng: number; lat: number }>(
        tx,
        sql`
        select c.registration_number, c.origin, coalesce(s.district_code, s.regency_code, s.province_code) as area, ST_X(s.geom) as lng, ST_Y(s.geom) as lat
        from ${companies} c join company_sites s on s.company_id = c.id
        where c.registration_number in (select jsonb_array_elements_text(${jsonParam(numbers)}))`,
      );
      const found = new Map<string, ExistingRecord>();
      for (const r of rows) found.set(`${r.registration_number}@${Number(r.lng)},${Number(r.lat)}`, { origin: r.origin, areaCode: r.area });
      // A registration number already held by another company elsewhere: refuse rather than merge.
      for (const r of records) {
        const number = r.company.registrationNumber;
        const key = `${number}@${r.site.position.join(',')}`;
        const other = number && !found.has(key) ? rows.find((x) => x.registration_number === number) : undefined;
        if (other) found.set(key, { origin: other.origin, areaCode: other.area, held: 'registration_number' });
      }
      return found;
    },
    async write(context, records) {
      const { tx } = context;
      const unique = new Map(records.map((r) => [r.company.key, r.company]));
      const known = await companyIdsByKey(tx, [...unique.keys()]);
      const ids = await writeCompanies(
        tx,
        [...unique.values()].filter((c) => !known.has(c.key)),
      );
      for (const [k, v] of known) ids.set(k, v);
      await writeCompanySites(
        tx,
        records.map((r) => r.site),
        ids,
        regencyCheck(context, rowOf),
      );
      return records.length;
    },
  };
}
