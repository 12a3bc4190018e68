// Exports on each backend: every kind in every format goes out and comes back through the importer
// with the same records; formula cells are escaped; GeoJSON is an RFC 7946 FeatureCollection in lon/lat.
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { queryRows, sql, type ExportFilter, type ExportKind, type SQL } from '@pantau/db';
import { INDONESIA_BBOX, NATIONAL_SCOPE } from '@pantau/domain';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { rollbackBatch, runImport } from '../import/run-import.js';
import { EXPORT_FORMATS, exportFile, exportHeaders, type ExportFormat } from './export-file.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-export-'));
const DAY = '2024-06-13';
const validPermits = sql`province_code = '19' and issued_on <= ${DAY}::date and expires_on > ${DAY}::date and (cancelled_on is null or cancelled_on > ${DAY}::date)`;
// A leading carriage return is escaped too (safe-cell.test.ts), but XLSX's XML reads it back as a line feed.
const FORMULAS = ['=HYPERLINK("http://example.com","klik")', '+62 812 0000', '-1+1', '@SUM(A1)', '\tTAB'];

interface Case {
  filter: ExportFilter;
  /** Every record of the kind inside the filter, one canonical line each, ids and origins left out. */
  records: SQL;
  /** Removes those records (and what hangs on them), so that only the file can bring them back. */
  remove: SQL;
  geometry: 'Point' | 'Polygon' | null;
  /** Rows of the spreadsheet, where it is not one per record. */
  rows?: SQL;
  /** A free-text column to fill with formulas before the export: table, column, the rows it may touch, the file's header. */
  formulas?: { table: string; column: string; where: SQL; header: string };
}

const point = (column: string) => sql.raw(`coalesce(ST_X(${column})::text || ' ' || ST_Y(${column})::text, '')`);

/** The kinds that re-import (the overstay and expiring lists are read, not imported: routes/overstays.int.test.ts). */
type RoundTripKind = Exclude<ExportKind, 'overstays' | 'expiring'>;

const CASES: Record<RoundTripKind, Case> = {
  // The permits of one province valid on a day (the map's filters), their sponsors by registration number.
  permits: {
    filter: { area: '19', permit: { asOf: DAY } },
    records: sql`select concat_ws('|', p.permit_number, p.permit_type, p.purpose, p.nationality, p.sex, p.holder_name, c.registration_number, c.name,
        p.issued_on, p.expires_on, p.cancelled_on, p.district_code, p.regency_code, p.province_code) as line
      from permits p left join companies c on c.id = p.sponsor_company_id where ${validPermits}`,
    remove: sql`delete from permits where ${validPermits}`,
    geometry: null,
    formulas: { table: 'permits', column: 'holder_name', where: validPermits, header: 'name' },
  },
  companies: {
    filter: { permit: { asOf: DAY } },
    records: sql`select concat_ws('|', c.name, c.registration_number, c.sector, s.name, ${point('s.geom')}, s.district_code, s.regency_code, s.province_code,
        (select count(*) from company_sites o where o.company_id = c.id)) as line
      from companies c left join company_sites s on s.company_id = c.id`,
    remove: sql`delete from companies`,
    geometry: 'Point',
  },
  // Whole operations: office, notes, targets in order with their site links, and every action (TAK).
  operations: {
    filter: { permit: { asOf: DAY } },
    records: sql`select concat_ws('|', o.date, o.regency_code, o.team, f.key, o.notes, (
        select string_agg(concat_ws('~', t.place, t.kind, ${point('t.geom')}, t.company_site_id, t.foreigners_checked, t.violations, t.outcome, t.findings,
          t.district_code, t.regency_code, t.province_code,
          (select string_agg(concat_ws(':', a.kind, a.count, a.nationality), ',' order by a.id) from enforcement_actions a where a.target_id = t.id)), ';' order by t.id)
        from operation_targets t where t.operation_id = o.id)) as line
      from operations o left join offices f on f.id = o.office_id`,
    remove: sql`delete from operations`,
    geometry: 'Point',
    rows: sql`select count(*)::int as n from operations o left join operation_targets t on t.operation_id = o.id`,
  },
  'risk-areas': {
    filter: { permit: { asOf: DAY } },
    records: sql`select concat_ws('|', name, category, severity, valid_from, valid_to, source, description, regency_code, province_code,
        ST_AsText(ST_Normalize(geom))) as line from risk_areas`,
    remove: sql`delete from risk_areas`,
    geometry: 'Polygon',
  },
  'entry-points': {
    filter: { permit: { asOf: DAY } },
    records: sql`select concat_ws('|', name, kind, ${point('geom')}, district_code, regency_code, province_code) as line from entry_points`,
    remove: sql`delete from entry_points`,
    geometry: 'Point',
  },
  reports: {
    filter: { permit: { asOf: DAY } },
    records: sql`select concat_ws('|', to_char(received_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'), channel, category, status, summary,
        ${point('geom')}, district_code, regency_code, province_code) as line from reports`,
    remove: sql`delete from reports`,
    geometry: 'Point',
    formulas: { table: 'reports', column: 'summary', where: sql`true`, header: 'summary' },
  },
  // Monthly crossings per checkpoint: imported counts where a month has them, else known people's crossings.
  // The file re-imports as counts, so removing both brings back the same monthly figures.
  movements: {
    filter: { permit: { asOf: DAY } },
    records: sql`select concat_ws('|', e.key, f.month, f.nationality, f.direction, f.count) as line from (
        select entry_point_id, month, nationality, direction, count from movement_counts
        union all
        select m.entry_point_id, date_trunc('month', m.date)::date, h.nationality, m.direction, count(*)::int from movements m join people h on h.id = m.person_id
        where m.entry_point_id is not null and not exists (select 1 from movement_counts x where x.entry_point_id = m.entry_point_id
          and x.month = date_trunc('month', m.date)::date and x.nationality = h.nationality and x.direction = m.direction)
        group by 1, 2, 3, 4) f join entry_points e on e.id = f.entry_point_id`,
    remove: sql`with gone as (delete from movements returning 1) delete from movement_counts`,
    geometry: null,
  },
};

async function parseCsv(content: Buffer): Promise<string[][]> {
  return parse(content, { bom: true, relax_column_count: true }).toArray() as Promise<string[][]>;
}

async function xlsxRowCount(path: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!.actualRowCount - 1;
}

async function exportTo(t: TestDatabase, kind: RoundTripKind, format: ExportFormat): Promise<string> {
  const path = join(dir, `${t.database.kind}-${kind}.${format}`);
  await pipeline(exportFile(t.database.orm, kind, format, CASES[kind].filter, NATIONAL_SCOPE, { personalData: true }), createWriteStream(path));
  return path;
}

const records = async (t: TestDatabase, kind: RoundTripKind) =>
  (await queryRows<{ line: string }>(t.database.orm, CASES[kind].records)).map((r) => r.line).sort();

/** Exterior ring counter-clockwise (RFC 7946, the right-hand rule): positive shoelace area. */
const counterClockwise = (ring: number[][]) =>
  ring.reduce((s, [x1, y1], i) => {
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    return s + x1! * y2! - x2! * y1!;
  }, 0) > 0;

describe.each(testBackends())('exports on %s', (backend) => {
  describe.each(Object.keys(CASES) as RoundTripKind[])('%s', (kind) => {
    let t: TestDatabase;
    let before: string[];
    let spreadsheetRows: number;
    const files = {} as Record<ExportFormat, string>;
    beforeAll(async () => {
      t = await openFixtureDatabase(backend);
      const formulas = CASES[kind].formulas;
      for (const [i, value] of (formulas ? FORMULAS : []).entries()) {
        const table = sql.identifier(formulas!.table);
        await t.database.orm.execute(sql`update ${table} set ${sql.identifier(formulas!.column)} = ${value}
          where id = (select id from ${table} where ${formulas!.where} order by id offset ${i} limit 1)`);
      }
      before = await records(t, kind);
      spreadsheetRows = CASES[kind].rows ? Number((await queryRows<{ n: number }>(t.database.orm, CASES[kind].rows!))[0]!.n) : before.length;
      for (const format of EXPORT_FORMATS) files[format] = await exportTo(t, kind, format);
      await t.database.orm.execute(CASES[kind].remove);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    test.each(EXPORT_FORMATS)('the %s file re-imports into the emptied database with the same records', async (format) => {
      expect(before.length).toBeGreaterThan(0);
      expect(await records(t, kind)).not.toEqual(before);
      const report = await runImport(t.database, { kind, path: files[format] });
      try {
        expect(report.issues).toEqual([]);
        expect(report).toMatchObject({ status: 'committed', rejected: 0 });
        expect(await records(t, kind)).toEqual(before);
      } finally {
        // Emptied again for the next format.
        if (report.batchId) await rollbackBatch(t.database, report.batchId);
      }
    });

    test("the CSV has a BOM, the importer's headers, and as many rows as the XLSX", async () => {
      const csv = readFileSync(files.csv);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = await parseCsv(csv);
      expect(lines[0]).toEqual(exportHeaders(kind));
      expect(lines.length - 1).toBe(spreadsheetRows);
      expect(await xlsxRowCount(files.xlsx)).toBe(spreadsheetRows);
    });

    test('GeoJSON is a FeatureCollection in lon/lat with one feature per spreadsheet row', async () => {
      const collection = JSON.parse(readFileSync(files.geojson, 'utf8')) as {
        type: string;
        features: Array<{ type: string; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }>;
      };
      expect(collection.type).toBe('FeatureCollection');
      expect(collection.features.length).toBe(await xlsxRowCount(files.xlsx));
      const [minLng, minLat, maxLng, maxLat] = INDONESIA_BBOX;
      const inIndonesia = ([lng, lat]: number[]) => lng! >= minLng && lng! <= maxLng && lat! >= minLat && lat! <= maxLat;
      for (const feature of collection.features) {
        expect(feature.type).toBe('Feature');
        expect(Object.keys(feature.properties)).toEqual(exportHeaders(kind).filter((h) => h !== 'wkt'));
        const geometry = feature.geometry;
        if (CASES[kind].geometry === null) {
          expect(geometry).toBeNull();
          continue;
        }
        if (CASES[kind].geometry === 'Point') {
          if (geometry === null) {
            expect(feature.properties.lat).toBeNull();
            continue;
          }
          expect(geometry.type).toBe('Point');
          const [lng, lat] = geometry.coordinates as number[];
          expect(inIndonesia([lng!, lat!])).toBe(true);
          expect([lng, lat]).toEqual([feature.properties.lng, feature.properties.lat]);
          continue;
        }
        expect(geometry?.type).toBe('MultiPolygon');
        for (const polygon of geometry!.coordinates as number[][][][]) {
          expect(polygon[0]!.every(inIndonesia)).toBe(true);
          expect(counterClockwise(polygon[0]!)).toBe(true);
        }
      }
    });

    const formulas = CASES[kind].formulas;
    if (formulas) {
      test('text a spreadsheet would run as a formula is escaped in every format', async () => {
        const lines = await parseCsv(readFileSync(files.csv));
        const index = lines[0]!.indexOf(formulas.header);
        const cells = lines.slice(1).map((line) => line[index]!);
        for (const value of FORMULAS) expect(cells).toContain(`'${value}`);
        expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(files.xlsx);
        const xlsxCells: string[] = [];
        workbook.worksheets[0]!.eachRow((row, n) => {
          if (n > 1) xlsxCells.push(String(row.getCell(index + 1).value ?? ''));
        });
        for (const value of FORMULAS) expect(xlsxCells).toContain(`'${value}`);
        expect(xlsxCells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
        const geojson = JSON.parse(readFileSync(files.geojson, 'utf8')) as { features: Array<{ properties: Record<string, unknown> }> };
        expect(geojson.features.map((f) => f.properties[formulas.header])).toContain(`'${FORMULAS[0]}`);
      });
    }
  });
});
