// POST /imports (multipart upload) starts an import and answers at once with its id; GET
// /imports/{id} gives the progress and, when done, the report. The work is the CLI's pipeline.
// POST /imports/preview reads the first rows and proposes the column mapping, writing nothing.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { ImportFileError, listBatches, PREVIEW_ROWS, previewImport, rollbackBatch, runImport, TableReadError, SUPPORTED_IMPORT_KINDS, type ImportReport } from '@pantau/data';
import { IMPORT_KINDS, type ImportKind } from '@pantau/domain';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { actorOf, principalOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses } from './params.js';
import { createRouter } from './router.js';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  progress: { rows: number; percent: number };
  report?: ImportReport;
  error?: { code: string; message: string };
  startedAt: string;
}

const jobSchema = z.object({
  id: z.string(), kind: z.string(), fileName: z.string(), status: z.enum(['running', 'done', 'failed']),
  progress: z.object({ rows: z.number(), percent: z.number() }), report: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(), startedAt: z.string(),
});

const previewSchema = z.object({
  kind: z.string(), fileName: z.string(), format: z.enum(['csv', 'xlsx', 'geojson']),
  encoding: z.string().optional().openapi({ description: 'CSV: the text encoding detected (utf-8, windows-1252, …).' }),
  bom: z.boolean().optional().openapi({ description: 'CSV: the file starts with a UTF-8 byte order mark.' }),
  delimiter: z.string().optional().openapi({ description: 'CSV: the delimiter detected.' }),
  sheet: z.string().optional().openapi({ description: 'XLSX: the sheet read.' }),
  sheets: z.array(z.string()).optional().openapi({ description: 'XLSX: every sheet of the workbook.' }),
  headers: z.array(z.string()),
  rows: z.array(z.object({ row: z.number().int().openapi({ description: 'The row number a spreadsheet shows (header = 1); GeoJSON: the feature number.' }), values: z.array(z.string()) }))
    .openapi({ description: `The first ${PREVIEW_ROWS} rows, each cell as written.` }),
  more: z.boolean().openapi({ description: 'The file has more rows than shown.' }),
  mapping: z.record(z.string(), z.string()).openapi({ description: 'Column header → field, as the import would use it (synonyms, then the mapping given).' }),
  unknownColumns: z.array(z.string()),
  fields: z.array(z.object({ name: z.string(), required: z.boolean(), alternatives: z.array(z.string()) }))
    .openapi({ description: 'The fields of the kind; a required field can be given by it or by one of its alternatives.' }),
  missing: z.array(z.array(z.string())).openapi({ description: 'Required field groups no column gives: the import would refuse the file.' }),
}).openapi('ImportPreview');

const uploadFields = {
  kind: z.enum(IMPORT_KINDS), file: z.any().openapi({ type: 'string', format: 'binary' }),
  sheet: z.string().optional().openapi({ description: 'XLSX: the sheet to read (default: the first).' }),
  mapping: z.string().optional().openapi({ description: 'JSON object "column header" → field ("" ignores the column); the other columns by synonyms' }),
};

const previewRoute = createRoute({
  method: 'post', path: '/imports/preview', tags: ['imports'],
  summary: `Read an upload's first ${PREVIEW_ROWS} rows and propose its column mapping; nothing is written (multipart/form-data: kind, file, sheet?, mapping? as JSON)`,
  request: { body: { content: { 'multipart/form-data': { schema: z.object(uploadFields) } }, required: true } },
  responses: {
    200: { description: 'How the file was read, its first rows and the mapping.', content: { 'application/json': { schema: previewSchema } } },
    413: { description: 'File over 200 MB.', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});

const startRoute = createRoute({
  method: 'post', path: '/imports', tags: ['imports'],
  summary: 'Upload a CSV, XLSX or GeoJSON file to import (multipart/form-data: kind, file, dryRun?, sheet?, mapping? as JSON)',
  request: { body: { content: { 'multipart/form-data': { schema: z.object({ ...uploadFields, dryRun: z.enum(['true', 'false']).optional() }) } }, required: true } },
  responses: {
    202: { description: 'Started; poll GET /imports/{id}.', content: { 'application/json': { schema: jobSchema } } },
    413: { description: 'File over 200 MB.', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});
const statusRoute = createRoute({
  method: 'get', path: '/imports/{id}', tags: ['imports'], summary: 'Progress and, when done, the report of an import',
  request: { params: z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: { description: 'The import.', content: { 'application/json': { schema: jobSchema } } }, 404: { description: 'Unknown import.', content: { 'application/json': { schema: errorBody } } }, ...errorResponses },
});
const listRoute = createRoute({
  method: 'get', path: '/imports', tags: ['imports'], summary: 'Committed and rolled-back import batches, newest first',
  responses: { 200: { description: 'Batches.', content: { 'application/json': { schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } } }, ...errorResponses },
});
const rollbackRoute = createRoute({
  method: 'post', path: '/imports/{id}/rollback', tags: ['imports'], summary: 'Remove every row an import batch wrote',
  request: { params: z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: { description: 'Rows removed per table.', content: { 'application/json': { schema: z.object({ removed: z.record(z.string(), z.number()) }) } } }, 404: { description: 'Unknown batch.', content: { 'application/json': { schema: errorBody } } }, ...errorResponses },
});

interface Upload {
  kind: ImportKind;
  file: File;
  sheet?: string;
  mapping?: Record<string, string>;
  dryRun: boolean;
}

/** The multipart fields of an upload, checked; every refusal names its parameter. */
async function readUpload(c: Context): Promise<Upload> {
  const form = await c.req.parseBody();
  const kind = String(form.kind ?? '');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new AppError('invalid_parameter', `Invalid parameter: kind (one of ${IMPORT_KINDS.join(', ')}).`, [{ parameter: 'kind', message: 'unknown kind' }]);
  if (!(SUPPORTED_IMPORT_KINDS as string[]).includes(kind)) throw new AppError('invalid_parameter', `Importing ${kind} is not available yet (available: ${SUPPORTED_IMPORT_KINDS.join(', ')}).`, [{ parameter: 'kind', message: 'not available yet' }]);
  const file = form.file;
  if (!(file instanceof File) || file.size === 0) throw new AppError('invalid_parameter', 'Invalid parameter: file (a non-empty CSV, XLSX or GeoJSON file).', [{ parameter: 'file', message: 'missing or empty' }]);
  let mapping: Record<string, string> | undefined;
  if (typeof form.mapping === 'string' && form.mapping.trim()) {
    const invalid = () => new AppError('invalid_parameter', 'Invalid parameter: mapping (a JSON object of "column header": "field").', [{ parameter: 'mapping', message: 'not a JSON object of strings' }]);
    let parsed: unknown;
    try { parsed = JSON.parse(form.mapping); } catch { throw invalid(); }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) throw invalid();
    mapping = parsed as Record<string, string>;
  }
  const sheet = typeof form.sheet === 'string' && form.sheet ? form.sheet : undefined;
  return { kind: kind as ImportKind, file, sheet, mapping, dryRun: form.dryRun === 'true' };
}

/** The upload in a temporary folder of its own, under a name that keeps its extension (the format). */
async function saveUpload(file: File): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pantau-upload-'));
  const safeName = file.name.replace(/[^\w.-]+/g, '_').slice(-100) || 'upload';
  const path = join(dir, safeName);
  await writeFile(path, Buffer.from(await file.arrayBuffer()));
  return { dir, path };
}

export function importRoutes(deps: AppDeps) {
  const jobs = new Map<string, ImportJob>();
  /** Who started each job: only they may follow it. */
  const owners = new Map<string, number>();
  const router = createRouter();
  const limit = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: () => { throw new AppError('payload_too_large', 'The file is over 200 MB.'); } });
  router.use('/imports', limit);
  router.use('/imports/preview', limit);
  return router
    .openapi(previewRoute, async (c) => {
      const upload = await readUpload(c);
      const { dir, path } = await saveUpload(upload.file);
      try {
        const preview = await previewImport({ kind: upload.kind, path, fileName: upload.file.name, sheet: upload.sheet, mapping: upload.mapping });
        return c.json(preview, 200);
      } catch (error) {
        if (error instanceof ImportFileError || error instanceof TableReadError) {
          // The reader names the temporary path; the user knows the file by its own name.
          throw new AppError('invalid_file', error.message.split(path).join(upload.file.name), [{ parameter: 'file', message: 'unreadable' }]);
        }
        throw error;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    })
    .openapi(startRoute, async (c) => {
      const upload = await readUpload(c);
      const { file, kind, mapping } = upload;
      const { dir, path } = await saveUpload(file);
      const principal = principalOf(c);
      const job: ImportJob = { id: randomUUID(), kind, fileName: file.name, status: 'running', progress: { rows: 0, percent: 0 }, startedAt: new Date().toISOString() };
      jobs.set(job.id, job);
      owners.set(job.id, principal.user.id);
      void runImport(deps.database, {
        kind: job.kind, path, fileName: file.name, dryRun: upload.dryRun, sheet: upload.sheet, mapping, scope: principal.scope, actor: actorOf(c),
        onProgress: ({ rows, bytesRead, bytesTotal }) => { job.progress = { rows, percent: bytesTotal ? Math.min(99, Math.round((bytesRead / bytesTotal) * 100)) : 0 }; },
      }).then((report) => {
        job.report = report;
        job.status = 'done';
        job.progress = { rows: report.rows, percent: 100 };
      }, (error: unknown) => {
        job.status = 'failed';
        const known = error instanceof ImportFileError || error instanceof TableReadError;
        if (!known) (deps.log ?? console.error)(`[import ${job.id}] ${(error as Error).stack ?? String(error)}`);
        job.error = known ? { code: 'invalid_file', message: (error as Error).message } : { code: 'internal_error', message: `The import failed and nothing was written. Quote import id ${job.id} when reporting it.` };
      }).finally(() => { void rm(dir, { recursive: true, force: true }); });
      return c.json(job, 202);
    })
    .openapi(statusRoute, (c) => {
      const id = c.req.valid('param').id;
      // Another user's import answers like an unknown one.
      const job = owners.get(id) === principalOf(c).user.id ? jobs.get(id) : undefined;
      if (!job) throw new AppError('not_found', 'No such import (imports are kept while the server runs; committed batches are listed at GET /imports).');
      return c.json(job, 200);
    })
    .openapi(listRoute, async (c) => c.json({ items: (await listBatches(deps.database)) as unknown as Array<Record<string, unknown>> }, 200))
    .openapi(rollbackRoute, async (c) => {
      try {
        return c.json({ removed: await rollbackBatch(deps.database, c.req.valid('param').id, actorOf(c)) }, 200);
      } catch (error) {
        if (error instanceof ImportFileError) throw new AppError(/No import batch/.test(error.message) ? 'not_found' : 'bad_request', error.message);
        throw error;
      }
    });
}
