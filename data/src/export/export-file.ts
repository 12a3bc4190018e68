// Exports of the rows in view as CSV, XLSX or GeoJSON, streamed page by page. Every text value is made
// safe for spreadsheets (safe-cell.ts), in GeoJSON too: GIS tools turn properties into spreadsheet
// cells, and the importer removes the escape from any format. GeoJSON is an RFC 7946
// FeatureCollection in lon/lat whose properties are the spreadsheet's columns.
import { PassThrough, pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { exportRows, type Executor, type ExportFilter, type ExportKind } from '@pantau/db';
import { hiddenExportColumns, type Permissions, type Scope } from '@pantau/domain';
import { EXPORT_KINDS, type ExportDefinition } from './export-kinds.js';
import { escapeCell } from './safe-cell.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
};

type Rows = AsyncIterable<Record<string, unknown>>;

/**
 * Who made the file: a spreadsheet or map passed on after a meeting must say which agency's user
 * exported it. XLSX carries it in the workbook's properties and a sheet of its own, GeoJSON in a
 * foreign member; CSV stays a bare table (any line above the header would break the tools reading it).
 */
export interface ExportProvenance {
  madeBy: string;
  agency: string;
  madeAt: Date;
}

/**
 * The kind's columns as this role may get them: columns of free text that may name people are left out
 * (@pantau/domain fields.ts). Headers with an Indonesian form take it unless `lang` is English.
 */
export function exportDefinition(kind: ExportKind, permissions: Pick<Permissions, 'personalData'>, lang: 'id' | 'en' = 'en'): ExportDefinition {
  const hidden = hiddenExportColumns(kind, permissions);
  const definition = EXPORT_KINDS[kind];
  const columns = definition.columns.filter((c) => !hidden.includes(c.header)).map((c) => (lang === 'id' && c.headerId ? { ...c, header: c.headerId } : c));
  return { ...definition, columns };
}

const FULL = { personalData: true };

export const exportHeaders = (kind: ExportKind, permissions: Pick<Permissions, 'personalData'> = FULL): string[] =>
  exportDefinition(kind, permissions).columns.map((c) => c.header);

/** A row as spreadsheet cells: empty for null, numbers as numbers, text escaped. */
const spreadsheetRow = (definition: ExportDefinition, row: Record<string, unknown>) => definition.columns.map((c) => escapeCell(row[c.column] ?? ''));

async function* spreadsheetRows(definition: ExportDefinition, rows: Rows) {
  for await (const row of rows) yield spreadsheetRow(definition, row);
}

function csvFile(_kind: string, definition: ExportDefinition, rows: Rows): Readable {
  // A BOM, so that Excel reads UTF-8 (names such as JOSÉ GARCÍA) instead of the local code page.
  const out = stringify({ header: true, columns: definition.columns.map((c) => c.header), bom: true });
  // No handling here on purpose: a failure destroys `out` with the error, and whoever reads `out` gets it.
  return pipeline(Readable.from(spreadsheetRows(definition, rows)), out, () => {});
}

function xlsxFile(kind: string, definition: ExportDefinition, rows: Rows, provenance?: ExportProvenance): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
      if (provenance) {
        workbook.creator = `${provenance.madeBy} (${provenance.agency})`;
        workbook.company = provenance.agency;
        workbook.created = provenance.madeAt;
      }
      const sheet = workbook.addWorksheet(kind);
      sheet.addRow(definition.columns.map((c) => c.header)).commit();
      for await (const row of spreadsheetRows(definition, rows)) sheet.addRow(row).commit();
      sheet.commit();
      if (provenance) {
        const about = workbook.addWorksheet('Keterangan');
        for (const line of [
          ['Dibuat oleh / Made by', provenance.madeBy],
          ['Instansi / Agency', provenance.agency],
          ['Waktu / Time', provenance.madeAt.toISOString()],
          ['Data', kind],
        ]) {
          about.addRow(line.map((cell) => escapeCell(cell))).commit();
        }
        about.commit();
      }
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

function geometryOf(definition: ExportDefinition, row: Record<string, unknown>): unknown {
  if (definition.geometry === 'polygon') return typeof row.geojson === 'string' ? JSON.parse(row.geojson) : (row.geojson ?? null);
  if (definition.geometry === 'point' && row.lng !== null && row.lng !== undefined) return { type: 'Point', coordinates: [Number(row.lng), Number(row.lat)] };
  return null;
}

async function* geoJsonText(definition: ExportDefinition, rows: Rows, provenance?: ExportProvenance): AsyncGenerator<string> {
  const properties = definition.columns.filter((c) => !definition.notInGeoJson?.includes(c.column));
  // A foreign member (RFC 7946 section 6.1): GIS tools ignore it, a reader of the file sees who made it.
  const about = provenance
    ? `"pantau":${JSON.stringify({ madeBy: provenance.madeBy, agency: provenance.agency, madeAt: provenance.madeAt.toISOString() })},`
    : '';
  yield `{"type":"FeatureCollection",${about}"features":[`;
  let separator = '\n';
  for await (const row of rows) {
    const feature = {
      type: 'Feature',
      geometry: geometryOf(definition, row),
      properties: Object.fromEntries(properties.map((c) => [c.header, escapeCell(row[c.column] ?? null)])),
    };
    yield `${separator}${JSON.stringify(feature)}`;
    separator = ',\n';
  }
  yield '\n]}\n';
}

const geoJsonFile = (_kind: string, definition: ExportDefinition, rows: Rows, provenance?: ExportProvenance): Readable =>
  Readable.from(geoJsonText(definition, rows, provenance), { objectMode: false });

const WRITERS: Record<ExportFormat, (kind: string, definition: ExportDefinition, rows: Rows, provenance?: ExportProvenance) => Readable> = {
  csv: csvFile,
  xlsx: xlsxFile,
  geojson: geoJsonFile,
};

/** The rows of `kind` inside the filter and scope as a file of `format`, streamed, with the columns the caller's role may get. */
export function exportFile(
  db: Executor,
  kind: ExportKind,
  format: ExportFormat,
  filter: ExportFilter,
  scope: Scope,
  permissions: Pick<Permissions, 'personalData'>,
  provenance?: ExportProvenance,
): Readable {
  return WRITERS[format](kind, exportDefinition(kind, permissions, filter.lang ?? 'id'), exportRows(db, kind, filter, scope), provenance);
}
