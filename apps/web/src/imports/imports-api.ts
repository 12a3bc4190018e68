// Calls of the import page: preview, start (check or commit), progress, rerun, batches, rollback. Uploads
// are multipart; all go through api-client.ts, so every failure is the same ApiError the rest of the app shows.
import {
  importBatchSchema,
  importJobSchema,
  importPreviewSchema,
  importRollbackSchema,
  type ImportBatch,
  type ImportJob,
  type ImportKind,
  type ImportPreview,
} from '@pantau/domain';
import { z } from 'zod';
import { answerOf, fetchAnswer, sendForm, sendJson } from '../api/api-client.js';

export interface UploadOptions {
  sheet?: string | null;
  /** Header → field ("" ignores the column). */
  mapping?: Record<string, string> | null;
}

/**
 * A POST through the app's one client (api-client.ts): a multipart upload or a JSON body, with its
 * handling of an ended session (401 brings the sign-in back), network failures and error bodies.
 */
function post(path: string, body: FormData | Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
  return body instanceof FormData ? sendForm(path, body, { signal }) : sendJson('POST', path, body, { signal });
}

function uploadForm(kind: ImportKind, file: File, options: UploadOptions): FormData {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', file, file.name);
  if (options.sheet) form.set('sheet', options.sheet);
  if (options.mapping) form.set('mapping', JSON.stringify(options.mapping));
  return form;
}

export async function previewImport(kind: ImportKind, file: File, options: UploadOptions = {}, signal?: AbortSignal): Promise<ImportPreview> {
  return answerOf(importPreviewSchema, await post('/api/v1/imports/preview', uploadForm(kind, file, options), signal), '/api/v1/imports/preview');
}

/** Starts a check (`dryRun`) or an import; follow it with `getImportJob`. */
export async function startImport(kind: ImportKind, file: File, options: UploadOptions & { dryRun: boolean }): Promise<ImportJob> {
  const form = uploadForm(kind, file, options);
  form.set('dryRun', String(options.dryRun));
  return answerOf(importJobSchema, await post('/api/v1/imports', form), '/api/v1/imports');
}

/** Imports a failed job's file again, read the same way, under the same id; follow it with `getImportJob`. */
export async function rerunImportJob(id: string): Promise<ImportJob> {
  return answerOf(importJobSchema, await post(`/api/v1/imports/${encodeURIComponent(id)}/rerun`, {}), '/api/v1/imports/{id}/rerun');
}

export async function getImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return fetchAnswer(importJobSchema, `/api/v1/imports/${encodeURIComponent(id)}`, {}, signal);
}

export async function listImportBatches(signal?: AbortSignal): Promise<ImportBatch[]> {
  return (await fetchAnswer(z.object({ items: z.array(importBatchSchema) }), '/api/v1/imports', {}, signal)).items;
}

/** Removes every row the batch wrote; answers the rows removed per table. */
export async function rollbackImportBatch(id: string): Promise<Record<string, number>> {
  return answerOf(importRollbackSchema, await post(`/api/v1/imports/${encodeURIComponent(id)}/rollback`, {}), '/api/v1/imports/{id}/rollback').removed;
}

/**
 * Polls a job until it is done or failed, reporting each percentage on the way. `wait` is the pause
 * between polls (a parameter so tests need no timers).
 */
export async function followImportJob(
  job: ImportJob,
  onProgress: (job: ImportJob) => void,
  options: { signal?: AbortSignal; getJob?: (id: string, signal?: AbortSignal) => Promise<ImportJob>; wait?: () => Promise<void> } = {},
): Promise<ImportJob> {
  const getJob = options.getJob ?? getImportJob;
  const wait = options.wait ?? (() => new Promise<void>((resolve) => window.setTimeout(resolve, 250)));
  let current = job;
  onProgress(current);
  while (current.status === 'running' || current.status === 'queued') {
    await wait();
    if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    current = await getJob(current.id, options.signal);
    onProgress(current);
  }
  return current;
}
