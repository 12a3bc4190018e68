// Import jobs in the database (issue 24, migration 0026): what the API's import routes record about an
// upload while it is imported, so that any API instance can answer for it and a restart loses nothing.
// The import itself is runImport's one transaction: a job records only the outcome. Every function here
// runs on the owner connection; who may see a job (its owner, while their scope holds the job's) is the
// caller's to check (jobVisible).
import { IMPORT_KINDS, type ImportKind, type Scope } from '@pantau/domain';
import { importJobs, queryOne, queryRows, sql, type Database, type Orm } from '@pantau/db';
import { z } from 'zod';
import { storableReportJson } from './run-import.js';
import type { ImportReport } from './types.js';

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** How a job reads its file: kept so that a rerun reads it the same way. */
export const importJobOptionsSchema = z.object({
  sheet: z.string().optional(),
  headerRow: z.number().int().min(1).optional(),
  mapping: z.record(z.string(), z.string()).optional(),
  dryRun: z.boolean(),
});
export type ImportJobOptions = z.infer<typeof importJobOptionsSchema>;

export interface ImportJobRecord {
  id: string;
  kind: ImportKind;
  fileName: string;
  ownerId: number;
  /** The scope the job runs with: its owner's when it was uploaded. */
  scope: Scope;
  options: ImportJobOptions;
  status: ImportJobStatus;
  progress: { rows: number; percent: number };
  report?: ImportReport;
  error?: { code: string; message: string };
  filePath: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string | null;
}

const newJobSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().min(1),
  ownerId: z.number().int(),
  scope: z.object({ areaCodes: z.array(z.string().regex(/^\d{2}(\.\d{2}){0,3}$/)) }).nullable(),
  options: importJobOptionsSchema,
  filePath: z.string().min(1),
});
export type NewImportJob = z.input<typeof newJobSchema>;

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

interface JobRow extends Record<string, unknown> {
  id: string;
  kind: string;
  file_name: string;
  owner_id: number;
  owner_area_codes: unknown;
  options: unknown;
  status: string;
  progress_rows: number;
  progress_percent: number;
  report: unknown;
  error_code: string | null;
  error_message: string | null;
  file_path: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at: string | null;
}

const selectJob = sql`select id, kind, file_name, owner_id, array_to_json(owner_area_codes) as owner_area_codes, options, status, progress_rows,
  progress_percent, report, error_code, error_message, file_path, ${iso('created_at')} as created_at, ${iso('started_at')} as started_at,
  ${iso('finished_at')} as finished_at, ${iso('heartbeat_at')} as heartbeat_at from ${importJobs}`;

/** JSON columns as the drivers give them: parsed, or text on some paths. */
const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function jobOf(row: JobRow): ImportJobRecord {
  const areaCodes = json(row.owner_area_codes) as string[] | null;
  const report = json(row.report) as ImportReport | null;
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.file_name,
    ownerId: Number(row.owner_id),
    scope: areaCodes ? { areaCodes } : null,
    options: importJobOptionsSchema.parse(json(row.options)),
    status: row.status as ImportJobStatus,
    progress: { rows: Number(row.progress_rows), percent: Number(row.progress_percent) },
    ...(report ? { report } : {}),
    ...(row.error_code ? { error: { code: row.error_code, message: row.error_message ?? '' } } : {}),
    filePath: row.file_path,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    heartbeatAt: row.heartbeat_at,
  };
}

const textArrayParam = (codes: readonly string[]) => sql`${JSON.stringify(codes)}::jsonb`;

/** Records an upload as a queued job; `claimImportJob` starts it. */
export async function createImportJob(database: Database, job: NewImportJob, now: Date): Promise<ImportJobRecord> {
  const valid = newJobSchema.parse(job);
  const areaCodes = valid.scope ? sql`array(select jsonb_array_elements_text(${textArrayParam(valid.scope.areaCodes)}))` : sql`null`;
  await database.orm.execute(
    sql`insert into ${importJobs} (id, kind, file_name, owner_id, owner_area_codes, options, status, file_path, created_at)
      values (${valid.id}::uuid, ${valid.kind}, ${valid.fileName}, ${valid.ownerId}, ${areaCodes}, ${JSON.stringify(valid.options)}::jsonb, 'queued',
        ${valid.filePath}, ${now.toISOString()}::timestamptz)`,
  );
  return (await getImportJob(database, valid.id))!;
}

export async function getImportJob(database: Database | Orm, id: string): Promise<ImportJobRecord | undefined> {
  const orm = 'orm' in database ? database.orm : database;
  const row = await queryOne<JobRow>(orm, sql`${selectJob} where id = ${id}::uuid`);
  return row ? jobOf(row) : undefined;
}

/**
 * Marks a queued job, or a failed one being rerun, as running on this instance, with its progress,
 * report and error cleared. False when the job is not in one of those states (someone else took it).
 */
export async function claimImportJob(database: Database, id: string, now: Date, from: readonly ImportJobStatus[] = ['queued']): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    database.orm,
    sql`update ${importJobs} set status = 'running', progress_rows = 0, progress_percent = 0, report = null, error_code = null, error_message = null,
      started_at = ${now.toISOString()}::timestamptz, finished_at = null, heartbeat_at = ${now.toISOString()}::timestamptz
      where id = ${id}::uuid and status in (${sql.join(
        from.map((s) => sql`${s}`),
        sql`, `,
      )}) and file_path is not null returning id`,
  );
  return rows.length === 1;
}

/** The progress of a running job, which is also its heartbeat. */
export async function recordImportProgress(database: Database, id: string, progress: { rows: number; percent: number }, now: Date): Promise<void> {
  await database.orm.execute(
    sql`update ${importJobs} set progress_rows = ${progress.rows}, progress_percent = ${progress.percent}, heartbeat_at = ${now.toISOString()}::timestamptz
      where id = ${id}::uuid and status = 'running'`,
  );
}

/** The heartbeat of running jobs: this instance still works on them. */
export async function beatImportJobs(database: Database, ids: readonly string[], now: Date): Promise<void> {
  if (!ids.length) return;
  await database.orm.execute(
    sql`update ${importJobs} set heartbeat_at = ${now.toISOString()}::timestamptz where status = 'running' and id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
}

export type ImportJobOutcome = { status: 'done'; report: ImportReport } | { status: 'failed'; error: { code: string; message: string } };

/** A running job's end; `fileRemoved` clears its file path (the file is gone, a rerun is no longer possible). */
export async function finishImportJob(database: Database, id: string, outcome: ImportJobOutcome, now: Date, fileRemoved: boolean): Promise<void> {
  const report = outcome.status === 'done' ? outcome.report : null;
  const error = outcome.status === 'failed' ? outcome.error : null;
  await database.orm.execute(
    sql`update ${importJobs} set status = ${outcome.status}, report = ${report ? storableReportJson(report) : null}::jsonb,
      error_code = ${error?.code ?? null}, error_message = ${error?.message ?? null},
      progress_rows = ${report ? report.rows : sql`progress_rows`}, progress_percent = ${report ? 100 : sql`progress_percent`},
      finished_at = ${now.toISOString()}::timestamptz, heartbeat_at = null, file_path = ${fileRemoved ? null : sql`file_path`}
      where id = ${id}::uuid and status = 'running'`,
  );
}

/** A job whose file is no longer on disk (removed by hand, or by another instance): it can no longer be rerun. */
export async function forgetImportJobFile(database: Database, id: string): Promise<void> {
  await database.orm.execute(sql`update ${importJobs} set file_path = null where id = ${id}::uuid and status in ('done', 'failed')`);
}

export const INTERRUPTED_MESSAGE =
  'The import was interrupted: the server stopped while it ran. An import writes all its rows or none, so nothing was written unless it had committed just before the stop; rerun it to finish it (a file already imported comes back as unchanged), or upload the file again.';

/**
 * Queued or running jobs whose heartbeat is older than `staleBefore` belong to an instance that stopped:
 * they fail with the code `interrupted`. runImport writes a job's rows and its batch in one transaction,
 * which a stopped process never committed, so nothing of them was written. Jobs in `except` (the caller's
 * own, running now) are left alone. Returns the jobs marked.
 */
export async function failInterruptedImportJobs(database: Database, staleBefore: Date, now: Date, except: readonly string[] = []): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    database.orm,
    sql`update ${importJobs} set status = 'failed', error_code = 'interrupted', error_message = ${INTERRUPTED_MESSAGE},
      finished_at = ${now.toISOString()}::timestamptz, heartbeat_at = null
      where status in ('queued', 'running') and coalesce(heartbeat_at, created_at) < ${staleBefore.toISOString()}::timestamptz
      ${
        except.length
          ? sql`and id not in (${sql.join(
              except.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`
          : sql``
      }
      returning id`,
  );
  return rows.map((r) => r.id);
}

/** Finished jobs older than `finishedBefore`, with their files (to remove before `deleteImportJobs`). */
export async function expiredImportJobs(database: Database, finishedBefore: Date): Promise<Array<{ id: string; filePath: string | null }>> {
  const rows = await queryRows<{ id: string; file_path: string | null }>(
    database.orm,
    sql`select id, file_path from ${importJobs} where status in ('done', 'failed') and finished_at < ${finishedBefore.toISOString()}::timestamptz order by finished_at limit 1000`,
  );
  return rows.map((r) => ({ id: r.id, filePath: r.file_path }));
}

export async function deleteImportJobs(database: Database, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await queryRows<{ id: string }>(
    database.orm,
    sql`delete from ${importJobs} where status in ('done', 'failed') and id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) returning id`,
  );
  return rows.length;
}
