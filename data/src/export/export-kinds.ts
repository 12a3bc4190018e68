// What each kind's export holds, as data: the file's headers (each one a synonym the kind's importer
// maps, so a file goes out and comes back without loss) and the query column behind each, in order.
// Headers without an importer field (origin, derived area codes) are reported as unknown on import.
import type { ExportKind } from '@pantau/db';

export interface ExportColumn { header: string; column: string }

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

export const EXPORT_KINDS: Record<ExportKind, ExportDefinition> = {
  permits: {
    columns: columns(['permit_no', 'permit_number'], 'permit_type', 'purpose', 'nationality', 'sex', ['name', 'holder_name'], 'sponsor',
      ['issued', 'issued_on'], ['expires', 'expires_on'], ['cancelled', 'cancelled_on'], 'district_code', 'regency_code', 'origin'),
    // Permits carry no coordinates, only area codes: their features are unlocated (geometry null).
    geometry: 'none',
  },
  companies: {
    columns: columns('name', 'registration_number', 'sector', ['site', 'site_name'], ...POSITION, 'district_code', 'regency_code', 'origin'),
    geometry: 'point',
  },
  operations: {
    columns: columns('date', 'regency_code', 'team', 'office', 'operation_notes', 'target_no', 'place', 'kind', 'foreigners_checked', 'violations',
      'outcome', 'findings', 'action', 'action_count', 'violator_nationality', ...POSITION, 'district_code', 'origin'),
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
};
