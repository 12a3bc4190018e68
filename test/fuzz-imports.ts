// Generated import files for the property-based fuzz of the import pipeline (issue 24): tables whose
// headers mix the kind's own synonyms with noise, whose cells are vocabulary values, dates and
// coordinates in many spellings, formulas, quotes, line breaks, random text and huge cells, written as
// CSV (any delimiter; UTF-8 with or without BOM, Latin-1, UTF-16; quotes broken) or XLSX (title rows
// above the table); GeoJSON of random geometries; KML, KMZ and zipped shapefiles; any of them cut short.
// Each file goes through the real pipeline (runImport: read, map, check, write in one transaction),
// as a dry run or for real (then rolled back). A finding is a crash (an error other than the importer's
// own explained refusal), a partial batch (rows left in the database by an import that did not
// commit, or by a dry run), or a report that does not account for its rows. Used by
// data/src/import/import.int.test.ts (a few dozen files, fixed seed) and `pnpm bench fuzz-imports` (≥ 10,000).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADER_SYNONYMS, IMPORT_KINDS, type ImportKind } from '@pantau/domain';
import { queryOne, sql, type Database } from '@pantau/db';
import { ImportFileError, rollbackBatch, runImport, tableFile, TableReadError, type ImportReport } from '@pantau/data';
import fc from 'fast-check';
import { UTM_49S_PRJ, WGS84_PRJ, zipFiles, zippedShapefile, type FixtureShape } from '../data/src/import/read/shapefile-fixture.js';

export const FUZZ_FORMATS = ['csv', 'xlsx', 'geojson', 'kml', 'kmz', 'shapefile'] as const;
type FuzzFormat = (typeof FUZZ_FORMATS)[number];
const ENCODINGS = ['utf8', 'utf8-bom', 'latin1', 'utf16le-bom'] as const;

/** One generated file, described well enough to be rebuilt from its seed and index. */
export interface FuzzFileSpec {
  kind: ImportKind;
  format: FuzzFormat;
  headers: string[];
  rows: string[][];
  geometries: unknown[];
  titleRows: string[];
  delimiter: string;
  encoding: (typeof ENCODINGS)[number];
  /** Where a lone quote is put in a CSV (a share of its length), or null. */
  brokenQuote: number | null;
  /** Where the file is cut (a share of its bytes), or null for a whole file. */
  truncateAt: number | null;
  prj: 'utm' | 'wgs84' | 'none' | 'garbage';
  dryRun: boolean;
}

// Longer than an XLSX cell may hold (32,767 characters).
const HUGE_CELL = fc.integer({ min: 33_000, max: 70_000 }).map((n) => 'x'.repeat(n));
const CELL = fc.oneof(
  {
    weight: 80,
    arbitrary: fc.constantFrom(
      '',
      'ITAS',
      'itap',
      'KITAS',
      'CHN',
      'Tiongkok',
      'Atlantis',
      'L',
      'Bekerja',
      '13/06/2024',
      '13 Juni 2024',
      '13-Jun-2024',
      '45456',
      '13/06/24',
      '2024-02-30',
      '2024-06',
      'Bangka Tengah',
      'Kota Pangkal Pinang',
      'Bekasi',
      '19.04',
      '19.71',
      '19.04.01',
      '99.99',
      '-2.49',
      '106.41',
      '106,41',
      '2°05\'42" LS',
      '106°08\'06" BT',
      '0',
      'NaN',
      '1e308',
      'Pelabuhan Utama',
      'Bandar Udara Depati Amir',
      'TPI Pangkalbalam',
      'Kedatangan',
      'Keberangkatan',
      'WA',
      'APOA',
      'TKA ilegal',
      'Deportasi',
      'overstay',
      'tinggi',
      'PT Timah Contoh',
      'Timpora Bangka Tengah',
      'Jumlah',
      'POLYGON((106.1 -2.15, 106.15 -2.15, 106.15 -2.1, 106.1 -2.1, 106.1 -2.15))',
      'POLYGON((1 2',
      '<p>Kabupaten/Kota : KOTA MEDAN</p>',
      '=HYPERLINK("http://x")',
      '"',
      ';',
      ',',
      '\n',
      '\r\n',
      '\t',
      '\u0000',
    ),
  },
  { weight: 40, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 10, arbitrary: fc.string({ maxLength: 24, unit: 'binary' }) },
  { weight: 10, arbitrary: fc.double().map(String) },
  // About one cell in 140: a file of a few hundred cells has one or two.
  { weight: 1, arbitrary: HUGE_CELL },
);

const NOISE_HEADER = fc.oneof(fc.constant(''), fc.string({ maxLength: 10 }), fc.constantFrom('No', 'Keterangan', 'DAFTAR PEMEGANG IZIN TINGGAL', 'lat', 'x'));

/**
 * A kind's headers: its fields (all of them in most files, so that rows get checked rather than the file
 * refused for a missing column; some of them otherwise) under one of their synonyms each, in any
 * order, with noise.
 */
const headersOf = (kind: ImportKind) => {
  const fields = Object.values(HEADER_SYNONYMS[kind]);
  const chosen = fc.oneof(
    { weight: 2, arbitrary: fc.shuffledSubarray(fields, { minLength: fields.length }) },
    { weight: 1, arbitrary: fc.shuffledSubarray(fields) },
  );
  return fc
    .tuple(
      chosen.chain((picked) => fc.tuple(...picked.map((synonyms) => fc.constantFrom(...synonyms)))),
      fc.array(NOISE_HEADER, { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([known, noise, noiseFirst]) => (noiseFirst ? [...noise, ...known] : [...known, ...noise]));
};

const COORDINATE = fc.oneof(
  fc.tuple(fc.double({ min: 95, max: 141, noNaN: true }), fc.double({ min: -11, max: 6, noNaN: true })),
  fc.tuple(fc.double({ min: -11, max: 6, noNaN: true }), fc.double({ min: 95, max: 141, noNaN: true })), // swapped
  fc.constant([0, 0] as [number, number]),
  fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })),
  fc.tuple(fc.double({ min: 106.1, max: 106.5, noNaN: true }), fc.double({ min: -2.6, max: -2, noNaN: true })), // Bangka
);
const RING = fc.array(COORDINATE, { maxLength: 7 }).map((points) => (points.length && points.length % 2 ? [...points, points[0]!] : points));
const GEOMETRY = fc.oneof(
  fc.constant(null),
  COORDINATE.map((coordinates) => ({ type: 'Point', coordinates })),
  fc.array(RING, { maxLength: 2 }).map((coordinates) => ({ type: 'Polygon', coordinates })),
  fc.array(fc.array(RING, { maxLength: 2 }), { maxLength: 2 }).map((coordinates) => ({ type: 'MultiPolygon', coordinates })),
  fc.array(COORDINATE, { maxLength: 3 }).map((coordinates) => ({ type: 'LineString', coordinates })),
  fc.array(COORDINATE, { maxLength: 2 }).map((coordinates) => ({ type: 'MultiPoint', coordinates })),
  fc.constantFrom({ type: 'Point', coordinates: ['106.1', '-2.1'] }, { type: 'Bogus' }, { type: 'Point' }, { type: 'GeometryCollection', geometries: [] }),
);

/** A share of a file (where to break or cut it) in one file of four, else null. */
const SOMETIMES_SHARE = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) });

export const fuzzFileSpec: fc.Arbitrary<FuzzFileSpec> = fc.constantFrom(...IMPORT_KINDS).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    format: fc.constantFrom(...FUZZ_FORMATS),
    headers: headersOf(kind),
    rows: fc.array(fc.array(CELL, { maxLength: 14 }), { maxLength: 25 }),
    geometries: fc.array(GEOMETRY, { maxLength: 25 }),
    titleRows: fc.array(fc.constantFrom('DAFTAR PEMEGANG IZIN TINGGAL', 'Periode: Juni 2024', '', 'KANTOR IMIGRASI'), { maxLength: 3 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    encoding: fc.constantFrom(...ENCODINGS),
    brokenQuote: SOMETIMES_SHARE,
    truncateAt: SOMETIMES_SHARE,
    prj: fc.constantFrom('utm', 'wgs84', 'none', 'garbage'),
    dryRun: fc.boolean(),
  }),
);

const EXTENSIONS: Record<FuzzFormat, string> = { csv: 'csv', xlsx: 'xlsx', geojson: 'geojson', kml: 'kml', kmz: 'kmz', shapefile: 'zip' };

function csvText(spec: FuzzFileSpec): string {
  const quote = (cell: string) => (/[",;\t|\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [...spec.titleRows.map((t) => quote(t)), ...[spec.headers, ...spec.rows].map((row) => row.map(quote).join(spec.delimiter))];
  const text = `${lines.join('\r\n')}\r\n`;
  if (spec.brokenQuote === null) return text;
  const at = Math.floor(spec.brokenQuote * text.length);
  return `${text.slice(0, at)}"${text.slice(at)}`;
}

function encode(text: string, encoding: FuzzFileSpec['encoding']): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf8-bom') return Buffer.from(`\uFEFF${text}`, 'utf8');
  if (encoding === 'latin1') return Buffer.from(text, 'latin1');
  return Buffer.from(`\uFEFF${text}`, 'utf16le');
}

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// XML 1.0 has no place for most control characters: they are left out, as any KML writer does.
const xmlAllowed = (char: string) => {
  const code = char.charCodeAt(0);
  return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff;
};
const xmlText = (value: string) => xml([...value].filter(xmlAllowed).join(''));

function kmlGeometry(geometry: unknown): string {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  const coords = (points: unknown) => (Array.isArray(points) ? points.map((p) => (Array.isArray(p) ? p.join(',') : String(p))).join(' ') : '');
  if (g?.type === 'Point' && Array.isArray(g.coordinates)) return `<Point><coordinates>${g.coordinates.join(',')}</coordinates></Point>`;
  if (g?.type === 'Polygon' && Array.isArray(g.coordinates))
    return `<Polygon>${(g.coordinates as unknown[]).map((ring, i) => `<${i ? 'innerBoundaryIs' : 'outerBoundaryIs'}><LinearRing><coordinates>${coords(ring)}</coordinates></LinearRing></${i ? 'innerBoundaryIs' : 'outerBoundaryIs'}>`).join('')}</Polygon>`;
  if (g?.type === 'LineString') return `<LineString><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
  return '';
}

function kmlText(spec: FuzzFileSpec): string {
  const placemarks = spec.rows.map((row, i) => {
    const data = spec.headers.map((h, j) => `<Data name="${xmlText(h)}"><value>${xmlText(row[j] ?? '')}</value></Data>`).join('');
    return `<Placemark><name>${xmlText(row[0] ?? '')}</name><ExtendedData>${data}</ExtendedData>${kmlGeometry(spec.geometries[i])}</Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('')}</Document></kml>`;
}

function shapefileBytes(spec: FuzzFileSpec): Uint8Array {
  // dBASE field names: 10 characters, distinct, printable; values kept short and printable.
  const names: string[] = [];
  for (const header of spec.headers) {
    const name = header.replace(/[^\x21-\x7e]/g, '').slice(0, 10) || `F${names.length}`;
    if (!names.includes(name)) names.push(name);
  }
  const shapes: FixtureShape[] = [];
  const records: Array<Record<string, string>> = [];
  spec.geometries.forEach((geometry, i) => {
    const g = geometry as { type?: string; coordinates?: unknown } | null;
    const finite = (p: unknown): p is [number, number] => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]);
    let shape: FixtureShape | null = null;
    if (g?.type === 'Point' && finite(g.coordinates)) shape = { type: 'point', x: g.coordinates[0], y: g.coordinates[1] };
    if (g?.type === 'Polygon' && Array.isArray(g.coordinates)) {
      const rings = (g.coordinates as unknown[][]).map((ring) => ring.filter(finite)).filter((ring) => ring.length > 0);
      if (rings.length) shape = { type: 'polygon', rings };
    }
    if (!shape) return;
    // One kind of shape per layer, as in a real shapefile.
    if (shapes.length && shapes[0]!.type !== shape.type) return;
    shapes.push(shape);
    const row = spec.rows[i] ?? [];
    records.push(Object.fromEntries(names.map((name, j) => [name, (row[j] ?? '').replace(/[^\x20-\x7e]/g, '').slice(0, 60)])));
  });
  const prj = { utm: UTM_49S_PRJ, wgs84: WGS84_PRJ, none: undefined, garbage: 'PROJCS["nonsense",GEOGCS[' }[spec.prj];
  return zippedShapefile([{ name: 'lapisan', shapes, records, prj }]);
}

/** The file's bytes. */
export async function fuzzFileBytes(spec: FuzzFileSpec): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (spec.format === 'csv') bytes = encode(csvText(spec), spec.encoding);
  else if (spec.format === 'xlsx') {
    const [first = [], ...rest] = [...spec.titleRows.map((t) => [t]), spec.headers, ...spec.rows];
    bytes = await tableFile('xlsx', 'Data', first, rest);
  } else if (spec.format === 'geojson') {
    const features = spec.rows.map((row, i) => ({
      type: 'Feature',
      geometry: spec.geometries[i] ?? null,
      properties: Object.fromEntries(spec.headers.map((h, j) => [h, row[j] ?? null])),
    }));
    bytes = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }), 'utf8');
  } else if (spec.format === 'kml') bytes = Buffer.from(kmlText(spec), 'utf8');
  else if (spec.format === 'kmz') bytes = zipFiles({ 'doc.kml': Buffer.from(kmlText(spec), 'utf8') });
  else bytes = shapefileBytes(spec);
  return spec.truncateAt === null ? bytes : bytes.slice(0, Math.floor(spec.truncateAt * bytes.length));
}

export interface FuzzFinding {
  index: number;
  spec: FuzzFileSpec;
  what: 'crash' | 'partial batch' | 'no report';
  detail: string;
}

export interface ImportFuzzRun {
  files: number;
  /** Files that came back with a report (dry run or committed). */
  reported: number;
  /** Files refused with the importer's own explained error (ImportFileError, TableReadError), nothing written. */
  refused: number;
  byFormat: Record<string, number>;
  rowsRead: number;
  findings: FuzzFinding[];
}

/** Every table an import writes, by a cheap marker (its largest id): rows left behind change it. */
const WRITTEN_TABLES = [
  'permits',
  'permit_applications',
  'people',
  'person_passports',
  'companies',
  'company_sites',
  'operations',
  'operation_targets',
  'enforcement_actions',
  'risk_areas',
  'entry_points',
  'reports',
  'movements',
  'movement_counts',
  'meetings',
] as const;

async function databaseMarker(database: Database): Promise<string> {
  const parts = WRITTEN_TABLES.map((table) => sql`coalesce((select max(id) from ${sql.identifier(table)}), 0)::text`);
  const row = await queryOne<{ marker: string }>(
    database.orm,
    sql`select concat_ws('/', (select count(*) from import_batches where status = 'committed')::text, ${sql.join(parts, sql`, `)}) as marker`,
  );
  return row?.marker ?? '';
}

/** What is wrong with a report, or null: every row is imported or refused, and every refused row is listed (or counted as an unmapped value). */
function reportProblem(report: ImportReport): string | null {
  if (!report || typeof report.rows !== 'number' || !Array.isArray(report.issues) || !Array.isArray(report.notes)) return 'no report';
  if (report.rejected < 0 || report.rejected > report.rows) return `rejected ${report.rejected} of ${report.rows} rows`;
  if (report.status === 'committed' && report.imported + report.rejected !== report.rows)
    return `imported ${report.imported} + rejected ${report.rejected} ≠ ${report.rows} rows`;
  const listed = new Set(report.issues.map((issue) => issue.row)).size;
  if (listed > report.rejected) return `${listed} rows listed with issues, ${report.rejected} rejected`;
  if (listed < report.rejected && !report.notes.some((n) => n.code === 'unmapped_values'))
    return `${report.rejected} rows rejected, ${listed} listed and no unmapped values noted`;
  return null;
}

/** An error and its causes (drizzle wraps the database's own error), first line of each. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++)
    parts.push(e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]!.slice(0, 200)}` : String(e).slice(0, 200));
  return parts.join(' ← ');
}

/** Runs `count` generated files (from `seed`) through the import pipeline on `database`. */
export async function fuzzImports(options: {
  database: Database;
  seed: number;
  count: number;
  onProgress?: (done: number, run: ImportFuzzRun) => void;
}): Promise<ImportFuzzRun> {
  const { database } = options;
  const dir = mkdtempSync(join(tmpdir(), 'pantau-fuzz-imports-'));
  const run: ImportFuzzRun = { files: 0, reported: 0, refused: 0, byFormat: {}, rowsRead: 0, findings: [] };
  const specs = fc.sample(fuzzFileSpec, { seed: options.seed, numRuns: options.count });
  try {
    for (const [index, spec] of specs.entries()) {
      const path = join(dir, `${index}.${EXTENSIONS[spec.format]}`);
      writeFileSync(path, await fuzzFileBytes(spec));
      run.files += 1;
      run.byFormat[spec.format] = (run.byFormat[spec.format] ?? 0) + 1;
      const finding = (what: FuzzFinding['what'], detail: string) => run.findings.push({ index, spec, what, detail });
      const before = await databaseMarker(database);
      try {
        const report = await runImport(database, { kind: spec.kind, path, dryRun: spec.dryRun });
        run.reported += 1;
        run.rowsRead += report.rows;
        const problem = reportProblem(report);
        if (problem) finding('no report', problem);
        if (report.status === 'committed' && report.batchId) {
          if ((await databaseMarker(database)) === before && report.imported > 0)
            finding('partial batch', `committed ${report.imported} rows but nothing changed`);
          await rollbackBatch(database, report.batchId);
        }
      } catch (error) {
        if (error instanceof ImportFileError || error instanceof TableReadError) run.refused += 1;
        else finding('crash', errorText(error));
      }
      // Whatever happened, the database is as before: a dry run, a refusal or a crash wrote nothing that stayed, and a committed batch was rolled back.
      const after = await databaseMarker(database);
      if (after !== before) finding('partial batch', `tables changed: ${before} → ${after}`);
      rmSync(path, { force: true });
      options.onProgress?.(index + 1, run);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return run;
}

/** One line per finding, enough to rebuild the file: `fc.sample(fuzzFileSpec, { seed, numRuns: index + 1 })[index]`. */
export function describeFuzzFinding(seed: number, finding: FuzzFinding): string {
  const { spec } = finding;
  return `seed ${seed} #${finding.index} ${finding.what}: ${finding.detail} (${spec.kind}, ${spec.format}${spec.truncateAt !== null ? ', cut short' : ''}${spec.dryRun ? ', dry run' : ''}; headers ${JSON.stringify(spec.headers).slice(0, 120)})`;
}
