// Answers of the import API: the preview of an upload, an import's progress and report, the batches.
// The data package's preview and report are these types: one definition for data, API and web.
import { z } from 'zod';
import { IMPORT_KINDS } from '../import/header-synonyms.js';

export const IMPORT_FILE_FORMATS = ['csv', 'xlsx', 'geojson', 'shapefile', 'kml', 'kmz'] as const;
export type ImportFileFormat = (typeof IMPORT_FILE_FORMATS)[number];

/** Where the header was found: its rows, and the title rows left out above it. */
export const importHeaderChoiceSchema = z.object({
  /** The header's row numbers in the file: one, or two for a header of merged cells; none for GeoJSON. */
  rows: z.array(z.number().int()),
  /** found among the first rows, given as headerRow, or the first row. */
  how: z.enum(['found', 'given', 'first']),
  above: z.array(z.object({ row: z.number().int(), text: z.string() })),
});
export type ImportHeaderChoice = z.infer<typeof importHeaderChoiceSchema>;

export const importPreviewFieldSchema = z.object({
  name: z.string(),
  /** A column must give this field, or one of `alternatives`. */
  required: z.boolean(),
  /** The other fields that can stand in for this one (e.g. a regency name for a district code). */
  alternatives: z.array(z.string()),
});
export type ImportPreviewField = z.infer<typeof importPreviewFieldSchema>;

/** POST /imports/preview: how the file was read, its first rows as written, and the mapping the import would use. */
export const importPreviewSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string(),
    /** shapefile: a zipped shapefile (.zip with .shp, .dbf, .prj, .cpg); kmz: a zipped KML. */
    format: z.enum(IMPORT_FILE_FORMATS),
    /** CSV: the text encoding detected, whether it starts with a byte order mark, the delimiter. */
    encoding: z.string().optional(),
    bom: z.boolean().optional(),
    delimiter: z.string().optional(),
    /** XLSX: the sheet read and every sheet; zipped shapefile: the layer read and every layer. */
    sheet: z.string().optional(),
    sheets: z.array(z.string()).optional(),
    /** Zipped shapefile: the coordinate system of its .prj, reprojected from to WGS 84. */
    reprojectedFrom: z.string().optional(),
    headers: z.array(z.string()),
    header: importHeaderChoiceSchema,
    /** The first rows, each cell as text as the file has it (GeoJSON: `row` is the feature number). */
    rows: z.array(z.object({ row: z.number().int(), values: z.array(z.string()) })),
    /** The file has more rows than `rows`. */
    more: z.boolean(),
    /** Column header → field, as the import would use it (synonyms, then the mapping given). */
    mapping: z.record(z.string(), z.string()),
    unknownColumns: z.array(z.string()),
    fields: z.array(importPreviewFieldSchema),
    /** Required field groups no column gives: the import would refuse the file. */
    missing: z.array(z.array(z.string())),
    /**
     * The vocabularies applied to the shown rows: each distinct value of a field officers spell their own
     * way (permit type, nationality, sex, purpose, entry-point kind), its column, how many shown rows
     * have it, and the value the import makes of it — null when no vocabulary knows it (the row would be refused).
     */
    vocabulary: z.array(z.object({ field: z.string(), column: z.string(), value: z.string(), mapped: z.string().nullable(), rows: z.number().int() })),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** A problem with one cell: row, field, value as written, and why (a code with its parameters, and the English sentence). */
export const importIssueSchema = z.object({
  row: z.number(),
  field: z.string(),
  value: z.string(),
  /** Reports stored before codes existed have only `reason`. */
  code: z.string().optional(),
  params: paramsSchema.optional(),
  reason: z.string(),
});
export type ImportIssueAnswer = z.infer<typeof importIssueSchema>;
export const importNoteSchema = z.object({ code: z.string(), params: paramsSchema, message: z.string() });
export type ImportNoteAnswer = z.infer<typeof importNoteSchema>;

/** What an import did, or would do (dry run). */
export const importReportSchema = z
  .object({
    batchId: z.string().nullable(),
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string(),
    format: z.string().optional(),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    sheet: z.string().optional(),
    /** committed: written; dry_run: checked, nothing written; unchanged: this file was imported before. */
    status: z.enum(['committed', 'dry_run', 'unchanged']),
    rows: z.number(),
    imported: z.number(),
    rejected: z.number(),
    duplicates: z.number(),
    mapping: z.record(z.string(), z.string()),
    unknownColumns: z.array(z.string()),
    issues: z.array(importIssueSchema),
    /** Corrections applied to imported rows (coordinates swapped back, degrees-minutes-seconds read). */
    fixes: z.array(importIssueSchema).optional(),
    /** The notes on the file in English, and with their codes (absent from reports stored before codes existed). */
    warnings: z.array(z.string()),
    notes: z.array(importNoteSchema).optional(),
    /**
     * Dry runs only: where the located rows stand, for the import page's map before anything is written —
     * each row's point (its coordinates or geometry, as corrected) and whether it would be imported as is
     * (`ok`), imported with a correction or a warning (`warning`) or refused (`error`). At most
     * IMPORT_PREVIEW_POINTS, in file order; `pointsTotal` counts them all.
     */
    points: z.array(z.object({ row: z.number().int(), lng: z.number(), lat: z.number(), status: z.enum(['ok', 'warning', 'error']) })).optional(),
    pointsTotal: z.number().int().optional(),
  })
  .meta({ id: 'ImportReport' });

/** The most located rows a dry run's report carries for the map (a browser draws these at once with ease). */
export const IMPORT_PREVIEW_POINTS = 5000;
export type ImportReportAnswer = z.infer<typeof importReportSchema>;

/**
 * POST /imports (202), GET /imports/{id} and POST /imports/{id}/rerun: an import's progress and, when
 * done, its report. Jobs live in the database: any API instance answers, and a restart loses none.
 */
export const importJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string(),
    /** queued: recorded, not yet started; a job an instance left when it stopped fails with the error code `interrupted`. */
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.object({ rows: z.number(), percent: z.number() }),
    report: importReportSchema.optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    startedAt: z.string(),
    /** When it finished (done or failed); the job and its file are deleted some days later (PANTAU_IMPORT_JOB_DAYS). */
    finishedAt: z.string().optional(),
    /** A failed job whose uploaded file is still kept: POST /imports/{id}/rerun imports it again. */
    rerunnable: z.boolean(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof importJobSchema>;

/** GET /imports: committed and rolled-back batches, newest first. */
export const importBatchSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    fileName: z.string(),
    /** committed or rolled_back. */
    status: z.string(),
    rows: z.number(),
    imported: z.number(),
    rejected: z.number(),
    /** The areas the batch's rows lie in: who may see and roll it back follows from them. */
    areaCodes: z.array(z.string()),
    createdAt: z.string(),
    rolledBackAt: z.string().nullable(),
  })
  .meta({ id: 'ImportBatch' });
export type ImportBatch = z.infer<typeof importBatchSchema>;

/** POST /imports/{id}/rollback: rows removed per table. */
export const importRollbackSchema = z.object({ removed: z.record(z.string(), z.number()) });
