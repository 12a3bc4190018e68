// What each kind's export holds, as data: the file's headers (each one a synonym the kind's importer
// maps, so a file goes out and comes back without loss) and the query column behind each, in order.
// Headers without an importer field (origin, derived area codes) are reported as unknown on import.
import type { ExportKind } from '@pantau/db';

export interface ExportColumn {
  header: string;
  column: string;
  /** The header in Indonesian, for lists that are read rather than re-imported (overstays, expiring); `lang=en` keeps `header`. */
  headerId?: string;
}

export interface ExportDefinition {
  columns: readonly ExportColumn[];
  /** A GeoJSON feature's geometry: from the lng/lat columns, from the query's `geojson` column, or none (null). */
  geometry: 'point' | 'polygon' | 'none';
  /** Columns left out of GeoJSON properties (the feature's geometry carries them). */
  notInGeoJson?: readonly string[];
}

const columns = (...pairs: Array<string | [string, string]>): ExportColumn[] =>
  pairs.map((p) => (typeof p === 'string' ? { header: p, column: p } : { header: p[0], column: p[1] }));

const POSITION = ['lat', 'lng'] as const;

/** [English header, Indonesian header, query column]. */
const bilingual = (...triples: Array<[string, string, string]>): ExportColumn[] => triples.map(([header, headerId, column]) => ({ header, headerId, column }));

/** Where the person lives by their permit: district and regency, code and name. */
const PERMIT_AREA: Array<[string, string, string]> = [
  ['district_code', 'kode_kecamatan', 'district_code'],
  ['district', 'kecamatan', 'district_name'],
  ['regency_code', 'kode_kabupaten_kota', 'regency_code'],
  ['regency', 'kabupaten_kota', 'regency_name'],
];

export const EXPORT_KINDS: Record<ExportKind, ExportDefinition> = {
  permits: {
    columns: columns(
      ['permit_no', 'permit_number'],
      'permit_type',
      'purpose',
      'nationality',
      'sex',
      ['name', 'holder_name'],
      'sponsor',
      ['issued', 'issued_on'],
      ['expires', 'expires_on'],
      ['cancelled', 'cancelled_on'],
      'district_code',
      'regency_code',
      'origin',
    ),
    // Permits carry no coordinates, only area codes: their features are unlocated (geometry null).
    geometry: 'none',
  },
  companies: {
    columns: columns('name', 'registration_number', 'sector', ['site', 'site_name'], ...POSITION, 'district_code', 'regency_code', 'origin'),
    geometry: 'point',
  },
  operations: {
    columns: columns(
      'date',
      'regency_code',
      'team',
      'office',
      'operation_notes',
      'target_no',
      'place',
      'kind',
      'foreigners_checked',
      'violations',
      'outcome',
      'findings',
      'action',
      'action_count',
      'violator_nationality',
      ...POSITION,
      'district_code',
      'origin',
    ),
    geometry: 'point',
  },
  'risk-areas': {
    columns: columns('name', 'category', 'severity', 'valid_from', 'valid_to', 'source', 'description', 'regency_code', 'origin', 'wkt'),
    geometry: 'polygon',
    notInGeoJson: ['wkt'],
  },
  'entry-points': {
    columns: columns('name', 'kind', ...POSITION, 'district_code', 'regency_code', 'origin'),
    geometry: 'point',
  },
  reports: {
    columns: columns('received_at', 'channel', 'category', 'status', 'summary', ...POSITION, 'district_code', 'regency_code', 'origin'),
    geometry: 'point',
  },
  // Lists to act on (issue 20), not import files: headers in the language asked for.
  overstays: {
    columns: bilingual(
      ['name', 'nama', 'name'],
      ['nationality', 'kewarganegaraan', 'nationality'],
      ['passport_no', 'no_paspor', 'passport_number'],
      ['last_permit_type', 'jenis_izin_terakhir', 'permit_type'],
      ['last_permit_no', 'no_izin_terakhir', 'permit_number'],
      ['permit_ended', 'izin_berakhir', 'expires_on'],
      ['days_over', 'hari_melebihi', 'days_over'],
      ['sponsor', 'penjamin', 'sponsor'],
      ...PERMIT_AREA,
    ),
    geometry: 'none',
  },
  expiring: {
    columns: bilingual(
      ['name', 'nama', 'name'],
      ['nationality', 'kewarganegaraan', 'nationality'],
      ['passport_no', 'no_paspor', 'passport_number'],
      ['permit_type', 'jenis_izin', 'permit_type'],
      ['permit_no', 'no_izin', 'permit_number'],
      ['expires', 'berakhir', 'expires_on'],
      ['days_left', 'sisa_hari', 'days_left'],
      ['renewed', 'diperpanjang', 'renewed'],
      ['sponsor', 'penjamin', 'sponsor'],
      ...PERMIT_AREA,
    ),
    geometry: 'none',
  },
  movements: {
    columns: columns('entry_point', 'month', 'nationality', 'direction', 'count', 'district_code', 'regency_code'),
    geometry: 'none',
  },
};
