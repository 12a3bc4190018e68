// POST /imports (multipart upload) starts an import and answers at once with its id; GET
// /imports/{id} gives the progress and, when done, the report. The work is the CLI's pipeline.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { ImportFileError, listBatches, rollbackBatch, runImport, TableReadError, SUPPORTED_IMPORT_KINDS, type ImportReport } from '@pantau/data';
import { IMPORT_KINDS, type ImportKind } from '@pantau/domain';
import { bodyLimit } from 'hono/body-limit';
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

const startRoute = createRoute({
  method: 'post', path: '/imports', tags: ['imports'],
  summary: 'Upload a CSV, XLSX or GeoJSON file to import (multipart/form-data: kind, file, dryRun?, sheet?, mapping? as JSON)',
  request: { body: { content: { 'multipart/form-data': { schema: z.object({
    kind: z.enum(IMPORT_KINDS), file: z.any().openapi({ type: 'string', format: 'binary' }), dryRun: z.enum(['true', 'false']).optional(),
    sheet: z.string().optional(), mapping: z.string().optional().openapi({ description: 'JSON object "column header" → field' }),
  }) } }, required: true } },
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

export function importRoutes(deps: AppDeps) {
  const jobs = new Map<string, ImportJob>();
  const router = createRouter();
  router.use('/imports', bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: () => { throw new AppError('payload_too_large', 'The file is over 200 MB.'); } }));
  return router
    .openapi(startRoute, async (c) => {
      const form = await c.req.parseBody();
      const kind = String(form.kind ?? '');
      if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new AppError('invalid_parameter', `Invalid parameter: kind (one of ${IMPORT_KINDS.join(', ')}).`, [{ parameter: 'kind', message: 'unknown kind' }]);
      if (!(SUPPORTED_IMPORT_KINDS as string[]).includes(kind)) throw new AppError('invalid_parameter', `Importing ${kind} is not available yet (available: ${SUPPORTED_IMPORT_KINDS.join(', ')}).`, [{ parameter: 'kind', message: 'not available yet' }]);
      const file = form.file;
      if (!(file instanceof File) || file.size === 0) throw new AppError('invalid_parameter', 'Invalid parameter: file (a non-empty CSV, XLSX or GeoJSON file).', [{ parameter: 'file', message: 'missing or empty' }]);
      let mapping: Record<string, string> | undefined;
      if (typeof form.mapping === 'string' && form.mapping.trim()) {
        try { mapping = JSON.parse(form.mapping) as Record<string, string>; } catch { throw new AppError('invalid_parameter', 'Invalid parameter: mapping (a JSON object of "column header": "field").', [{ parameter: 'mapping', message: 'not JSON' }]); }
      }
      const dir = await mkdtemp(join(tmpdir(), 'pantau-upload-'));
      const safeName = file.name.replace(/[^\w.-]+/g, '_').slice(-100) || 'upload';
      const path = join(dir, safeName);
      await writeFile(path, Buffer.from(await file.arrayBuffer()));
      const job: ImportJob = { id: randomUUID(), kind: kind as ImportKind, fileName: file.name, status: 'running', progress: { rows: 0, percent: 0 }, startedAt: new Date().toISOString() };
      jobs.set(job.id, job);
      void runImport(deps.database, {
        kind: job.kind, path, fileName: file.name, dryRun: form.dryRun === 'true', sheet: typeof form.sheet === 'string' && form.sheet ? form.sheet : undefined, mapping,
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
      const job = jobs.get(c.req.valid('param').id);
      if (!job) throw new AppError('not_found', 'No such import (imports are kept while the server runs; committed batches are listed at GET /imports).');
      return c.json(job, 200);
    })
    .openapi(listRoute, async (c) => c.json({ items: (await listBatches(deps.database)) as unknown as Array<Record<string, unknown>> }, 200))
    .openapi(rollbackRoute, async (c) => {
      try {
        return c.json({ removed: await rollbackBatch(deps.database, c.req.valid('param').id) }, 200);
      } catch (error) {
        if (error instanceof ImportFileError) throw new AppError(/No import batch/.test(error.message) ? 'not_found' : 'bad_request', error.message);
        throw error;
      }
    });
}
