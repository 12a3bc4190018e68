// POST /imports (multipart upload) starts an import and answers at once with its id; GET
// /imports/{id} gives the progress and, when done, the report. The work is the CLI's pipeline, run as
// a job recorded in the database (imports/import-jobs.ts): any API instance answers for it, and a job
// a stopped instance left fails `interrupted` and can be rerun (POST /imports/{id}/rerun).
// POST /imports/preview reads the first rows and proposes the column mapping, writing nothing.
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { existsSync } from 'node:fs';
import {
  batchWithin,
  claimImportJob,
  createImportJob,
  forgetImportJobFile,
  getImportJob,
  ImportFileError,
  listBatches,
  PREVIEW_ROWS,
  previewImport,
  rollbackBatch,
  TableReadError,
  SUPPORTED_IMPORT_KINDS,
  type ImportJobRecord,
} from '@pantau/data';
import {
  IMPORT_KINDS,
  importBatchSchema,
  importJobSchema,
  importPreviewSchema,
  importRollbackSchema,
  type ImportJob,
  type ImportKind,
  type Scope,
} from '@pantau/domain';
import type { Context } from 'hono';
import { userReader } from '@pantau/db';
import { actorOf, principalOf } from '../auth/request-context.js';
import { readsOf, type AppDeps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { errorResponses } from './params.js';
import { createRouter } from './router.js';
import { MAX_UPLOAD_BYTES, receiveUpload, type ReceivedUpload, type UploadLimits } from './upload-stream.js';
import { lineLog } from '../logger.js';
import { createImportJobs, removeUpload } from '../imports/import-jobs.js';

export { MAX_UPLOAD_BYTES };

// Plain OpenAPI schemas, not zod: a zod form schema would make the router parse (and hold) the whole
// body in memory before the handler runs; the handler streams it to disk and checks every field itself.
interface StringProperty {
  type: 'string';
  enum?: string[];
  format?: string;
  description?: string;
}
const uploadProperties: Record<string, StringProperty> = {
  kind: { type: 'string', enum: [...IMPORT_KINDS] },
  file: { type: 'string', format: 'binary' },
  sheet: {
    type: 'string',
    description:
      "XLSX: the sheet to read (default: the first). Zipped shapefile: the layer (a .shp's name without extension); required when the zip holds several.",
  },
  layer: { type: 'string', description: 'Zipped shapefile: the layer to read, as `sheet`.' },
  headerRow: {
    type: 'string',
    description:
      'The row number of the header as the file numbers it (default: found among the first 30 rows: the row, or pair of merged rows, naming the most known columns).',
  },
  mapping: { type: 'string', description: 'JSON object "column header" → field ("" ignores the column); the other columns by synonyms' },
};
const uploadSchema = (extra: Record<string, StringProperty> = {}) => ({
  type: 'object' as const,
  required: ['kind', 'file'],
  properties: { ...uploadProperties, ...extra },
});

/** An import's `{id}` in the path: a UUID. */
const jobIdParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const previewRoute = createRoute({
  method: 'post',
  path: '/imports/preview',
  tags: ['imports'],
  summary: `Read an upload's first ${PREVIEW_ROWS} rows and propose its column mapping; nothing is written (multipart/form-data: kind, file, sheet?, mapping? as JSON)`,
  request: { body: { content: { 'multipart/form-data': { schema: uploadSchema() } }, required: true } },
  responses: {
    200: { description: 'How the file was read, its first rows and the mapping.', content: { 'application/json': { schema: importPreviewSchema } } },
    413: { description: 'File over 200 MB: refused as soon as the body crosses it.', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});

const startRoute = createRoute({
  method: 'post',
  path: '/imports',
  tags: ['imports'],
  summary: 'Upload a CSV, XLSX, GeoJSON, zipped shapefile, KML or KMZ file to import (multipart/form-data: kind, file, dryRun?, sheet?, mapping? as JSON)',
  request: { body: { content: { 'multipart/form-data': { schema: uploadSchema({ dryRun: { type: 'string', enum: ['true', 'false'] } }) } }, required: true } },
  responses: {
    202: { description: 'Started; poll GET /imports/{id}.', content: { 'application/json': { schema: importJobSchema } } },
    413: { description: 'File over 200 MB.', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});
const statusRoute = createRoute({
  method: 'get',
  path: '/imports/{id}',
  tags: ['imports'],
  summary: 'Progress and, when done, the report of an import (kept some days after it finishes: PANTAU_IMPORT_JOB_DAYS)',
  request: { params: jobIdParams },
  responses: {
    200: { description: 'The import.', content: { 'application/json': { schema: importJobSchema } } },
    404: { description: 'Unknown import.', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});
const listRoute = createRoute({
  method: 'get',
  path: '/imports',
  tags: ['imports'],
  summary: 'Committed and rolled-back import batches, newest first',
  responses: {
    200: { description: 'Batches.', content: { 'application/json': { schema: z.object({ items: z.array(importBatchSchema) }) } } },
    ...errorResponses,
  },
});
const rollbackRoute = createRoute({
  method: 'post',
  path: '/imports/{id}/rollback',
  tags: ['imports'],
  summary: 'Remove every row an import batch wrote',
  request: { params: jobIdParams },
  responses: {
    200: { description: 'Rows removed per table.', content: { 'application/json': { schema: importRollbackSchema } } },
    404: { description: 'Unknown batch.', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});

const rerunRoute = createRoute({
  method: 'post',
  path: '/imports/{id}/rerun',
  tags: ['imports'],
  summary: "Import a failed job's file again, read as before (a job interrupted by a stopped server, say)",
  request: { params: jobIdParams },
  responses: {
    202: { description: 'Started again; poll GET /imports/{id}.', content: { 'application/json': { schema: importJobSchema } } },
    404: { description: 'Unknown import.', content: { 'application/json': { schema: errorBody } } },
    409: { description: 'The job is running, or finished without failing (conflict).', content: { 'application/json': { schema: errorBody } } },
    410: { description: 'The uploaded file is no longer kept: upload it again (upload_gone).', content: { 'application/json': { schema: errorBody } } },
    ...errorResponses,
  },
});

interface Upload {
  kind: ImportKind;
  file: { name: string; path: string };
  sheet?: string;
  headerRow?: number;
  mapping?: Record<string, string>;
  dryRun: boolean;
  /** Removes the upload's temporary folder. */
  discard(): Promise<void>;
}

/** The multipart fields of an upload, checked; every refusal names its parameter. */
function checkUpload(received: ReceivedUpload): Upload {
  const form = received.fields;
  const kind = form.kind ?? '';
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    throw new AppError('invalid_parameter', `Invalid parameter: kind (one of ${IMPORT_KINDS.join(', ')}).`, [{ parameter: 'kind', message: 'unknown kind' }]);
  if (!(SUPPORTED_IMPORT_KINDS as string[]).includes(kind))
    throw new AppError('invalid_parameter', `Importing ${kind} is not available yet (available: ${SUPPORTED_IMPORT_KINDS.join(', ')}).`, [
      { parameter: 'kind', message: 'not available yet' },
    ]);
  const file = received.file;
  if (!file || file.size === 0)
    throw new AppError('invalid_parameter', 'Invalid parameter: file (a non-empty CSV, XLSX, GeoJSON, zipped shapefile, KML or KMZ file).', [
      { parameter: 'file', message: 'missing or empty' },
    ]);
  let mapping: Record<string, string> | undefined;
  if (form.mapping?.trim()) {
    const invalid = () =>
      new AppError('invalid_parameter', 'Invalid parameter: mapping (a JSON object of "column header": "field").', [
        { parameter: 'mapping', message: 'not a JSON object of strings' },
      ]);
    let parsed: unknown;
    try {
      parsed = JSON.parse(form.mapping);
    } catch {
      throw invalid();
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) throw invalid();
    mapping = parsed as Record<string, string>;
  }
  const sheet = form.sheet || form.layer || undefined;
  let headerRow: number | undefined;
  if (form.headerRow?.trim()) {
    headerRow = Number(form.headerRow);
    if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > 1_000_000)
      throw new AppError('invalid_parameter', 'Invalid parameter: headerRow (a row number, 1 or more).', [
        { parameter: 'headerRow', message: 'not a row number' },
      ]);
  }
  return { kind: kind as ImportKind, file, sheet, headerRow, mapping, dryRun: form.dryRun === 'true', discard: received.discard };
}

/** The upload, streamed to its own temporary folder; the folder is removed when the upload is refused. */
async function readUpload(c: Context, limits: UploadLimits | undefined): Promise<Upload> {
  const received = await receiveUpload(c.req.raw, limits);
  try {
    return checkUpload(received);
  } catch (error) {
    await received.discard();
    throw error;
  }
}

/** A job's report names rows and areas of the scope it ran in: shown only to a scope that still holds all of it. */
function jobVisible(jobScope: Scope, callerScope: Scope): boolean {
  return jobScope === null ? callerScope === null : batchWithin(jobScope.areaCodes, callerScope);
}

/** A job as the API answers it. */
function jobAnswer(job: ImportJobRecord): ImportJob {
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.fileName,
    status: job.status,
    progress: job.progress,
    ...(job.report ? { report: job.report } : {}),
    ...(job.error ? { error: job.error } : {}),
    startedAt: job.startedAt ?? job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    rerunnable: job.status === 'failed' && job.filePath !== null,
  };
}

export function importRoutes(deps: AppDeps) {
  const log = lineLog(deps.log);
  const jobs =
    deps.importJobs ??
    createImportJobs({ database: deps.database, clock: deps.clock, log, afterWrite: (ownerId) => readsOf(deps).afterWrite(userReader(ownerId)) });
  /** Another user's import, or one whose scope the caller's no longer holds, answers like an unknown one. */
  const visibleJob = async (id: string, c: Context) => {
    const principal = principalOf(c);
    const job = jobs.live(id) ?? (await getImportJob(deps.database, id));
    if (!job || job.ownerId !== principal.user.id || !jobVisible(job.scope, principal.scope))
      throw new AppError(
        'not_found',
        `No such import (a finished import is kept ${Math.round(jobs.retentionMs / 86_400_000)} days; committed batches are listed at GET /imports).`,
      );
    return job;
  };
  /** Runs a claimed job here; its outcome goes to the jobs table, where every instance reads it. */
  const start = async (id: string, c: Context) => {
    const job = (await getImportJob(deps.database, id))!;
    void jobs.run(job, actorOf(c)).catch((error: unknown) => log(`[import ${id}] ${(error as Error).message}`));
    return job;
  };
  const router = createRouter();
  return (
    router
      .openapi(previewRoute, async (c) => {
        const upload = await readUpload(c, deps.uploads);
        const { path } = upload.file;
        try {
          const preview = await previewImport({
            kind: upload.kind,
            path,
            fileName: upload.file.name,
            sheet: upload.sheet,
            headerRow: upload.headerRow,
            mapping: upload.mapping,
          });
          return c.json(preview, 200);
        } catch (error) {
          if (error instanceof ImportFileError || error instanceof TableReadError) {
            // The reader names the temporary path; the user knows the file by its own name.
            throw new AppError('invalid_file', error.message.split(path).join(upload.file.name), [{ parameter: 'file', message: 'unreadable' }]);
          }
          throw error;
        } finally {
          await upload.discard();
        }
      })
      .openapi(startRoute, async (c) => {
        const upload = await readUpload(c, deps.uploads);
        const principal = principalOf(c);
        const id = randomUUID();
        try {
          await createImportJob(
            deps.database,
            {
              id,
              kind: upload.kind,
              fileName: upload.file.name,
              ownerId: principal.user.id,
              scope: principal.scope ? { areaCodes: [...principal.scope.areaCodes] } : null,
              options: { sheet: upload.sheet, headerRow: upload.headerRow, mapping: upload.mapping, dryRun: upload.dryRun },
              filePath: upload.file.path,
            },
            deps.clock.now(),
          );
          await claimImportJob(deps.database, id, deps.clock.now());
        } catch (error) {
          await upload.discard();
          throw error;
        }
        return c.json(jobAnswer(await start(id, c)), 202);
      })
      .openapi(statusRoute, async (c) => c.json(jobAnswer(await visibleJob(c.req.valid('param').id, c)), 200))
      .openapi(rerunRoute, async (c) => {
        const job = await visibleJob(c.req.valid('param').id, c);
        if (job.status !== 'failed')
          throw new AppError(
            'conflict',
            job.status === 'done'
              ? 'This import finished; there is nothing to rerun (upload the file again to import it again).'
              : 'This import is still running.',
          );
        if (!job.filePath || !existsSync(job.filePath)) {
          // A file removed by hand or by another instance's cleanup: the job says so from now on.
          if (job.filePath) {
            await removeUpload(job.filePath);
            await forgetImportJobFile(deps.database, job.id);
          }
          throw new AppError('upload_gone', 'The uploaded file of this import is no longer kept: upload it again.');
        }
        if (!(await claimImportJob(deps.database, job.id, deps.clock.now(), ['failed'])))
          throw new AppError('conflict', 'This import is already running again.');
        return c.json(jobAnswer(await start(job.id, c)), 202);
      })
      // Only batches wholly inside the caller's scope; one with any row outside answers like no batch.
      .openapi(listRoute, async (c) => c.json({ items: await listBatches(deps.database, { scope: principalOf(c).scope }) }, 200))
      .openapi(rollbackRoute, async (c) => {
        try {
          return c.json({ removed: await rollbackBatch(deps.database, c.req.valid('param').id, actorOf(c), principalOf(c).scope) }, 200);
        } catch (error) {
          if (error instanceof ImportFileError) throw new AppError(error.code === 'batch_not_found' ? 'not_found' : 'bad_request', error.message);
          throw error;
        }
      })
  );
}
