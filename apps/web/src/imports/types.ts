// The import API's answers as the page reads them (POST /imports/preview, POST /imports,
// GET /imports/{id}, GET /imports); the OpenAPI document at /api/v1/openapi.json is the contract.

import type { ImportKind } from '@pantau/domain';

export interface ImportPreviewField {
  name: string;
  required: boolean;
  alternatives: string[];
}

export interface ImportPreview {
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx' | 'geojson' | 'shapefile' | 'kml' | 'kmz';
  encoding?: string;
  bom?: boolean;
  delimiter?: string;
  /** XLSX: the sheet; zipped shapefile: the layer. */
  sheet?: string;
  sheets?: string[];
  /** Zipped shapefile: the coordinate system of its .prj (reprojected to WGS 84). */
  reprojectedFrom?: string;
  headers: string[];
  /** Where the header was found: its rows, and the title rows left out above it (none for GeoJSON). */
  header?: { rows: number[]; how: 'found' | 'given' | 'first'; above: Array<{ row: number; text: string }> };
  rows: Array<{ row: number; values: string[] }>;
  more: boolean;
  mapping: Record<string, string>;
  unknownColumns: string[];
  fields: ImportPreviewField[];
  missing: string[][];
}

/**
 * A problem with one cell: the file row, the field, the value as written, and why: `code` and `params`
 * (worded by the page, see reason-text.ts) and `reason`, the English sentence (reports stored before
 * codes existed have only that).
 */
export interface ImportIssue {
  row: number;
  field: string;
  value: string;
  code?: string;
  params?: Record<string, string | number | boolean>;
  reason: string;
}

/** A note on the whole file: its code and parameters, and the English sentence. */
export interface ImportNote {
  code: string;
  params: Record<string, string | number | boolean>;
  message: string;
}

export interface ImportReport {
  batchId: string | null;
  kind: ImportKind;
  fileName: string;
  status: 'committed' | 'dry_run' | 'unchanged';
  rows: number;
  imported: number;
  rejected: number;
  duplicates: number;
  /** Corrections applied to imported rows (reports stored before they existed have none). */
  fixes?: ImportIssue[];
  mapping: Record<string, string>;
  unknownColumns: string[];
  issues: ImportIssue[];
  warnings: string[];
  /** The warnings with their codes (absent from reports stored before codes existed). */
  notes?: ImportNote[];
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  progress: { rows: number; percent: number };
  report?: ImportReport;
  error?: { code: string; message: string };
}

export interface ImportBatch {
  id: string;
  kind: string;
  fileName: string;
  status: 'committed' | 'rolled_back' | (string & {});
  rows: number;
  imported: number;
  rejected: number;
  createdAt: string;
  rolledBackAt: string | null;
}
