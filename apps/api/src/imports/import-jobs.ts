// Runs the import jobs of this API instance and keeps the jobs table honest (issue 24). A job's state
// lives in the database (data/src/import/jobs.ts); this instance adds a heartbeat while it runs a job,
// and a sweep, at start and then periodically, that fails the jobs of instances that stopped (their
// heartbeat went stale: `interrupted`) and deletes finished jobs, with their uploads, past retention.
import { rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import {
  beatImportJobs,
  deleteImportJobs,
  expiredImportJobs,
  failInterruptedImportJobs,
  finishImportJob,
  ImportFileError,
  recordImportProgress,
  runImport,
  TableReadError,
  type Actor,
  type ImportJobOutcome,
  type ImportJobRecord,
} from '@pantau/data';
import type { Database } from '@pantau/db';
import type { Clock } from '../deps.js';
import { errorLogText } from '../error-log.js';

const logText = (error: unknown) => (error instanceof Error ? errorLogText(error) : String(error));
import { UPLOAD_FOLDER_PREFIX } from '../routes/upload-stream.js';

/** How often a running job's heartbeat is written. */
export const HEARTBEAT_MS = 15_000;
/** A queued or running job without a heartbeat for this long belongs to an instance that stopped. */
export const STALE_AFTER_MS = 2 * 60_000;
/** How often the sweep runs after the one at start. */
export const SWEEP_INTERVAL_MS = 10 * 60_000;
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60_000;

export interface ImportJobsOptions {
  database: Database;
  clock: Clock;
  log: (line: string) => void;
  /** How long finished jobs and their uploads are kept (PANTAU_IMPORT_JOB_DAYS). */
  retentionMs?: number;
  /**
   * A queued or running job whose heartbeat is older than this belongs to an instance that stopped
   * (PANTAU_IMPORT_STALE_S; default STALE_AFTER_MS). Heartbeats come four times as often, and the
   * periodic sweep at least every half of it, so another instance fails such a job within 1.5 times it.
   */
  staleAfterMs?: number;
  /** How far (km) a point may lie outside the regency its row names without a warning (PANTAU_IMPORT_REGENCY_TOLERANCE_KM). */
  regencyToleranceKm?: number;
  /**
   * Called with the owner's user id after an import committed and before its job says `done`
   * (read-your-writes with a read replica: the owner's reads then wait for the replica to replay it).
   */
  afterWrite?: (ownerId: number) => Promise<void>;
}

export interface SweepResult {
  /** Jobs of a stopped instance, now failed `interrupted`. */
  interrupted: string[];
  /** Finished jobs deleted with their uploads. */
  deleted: string[];
}

export interface ImportJobs {
  /** Imports a claimed (running) job's file here; resolves when its outcome is recorded. */
  run(job: ImportJobRecord, actor: Actor): Promise<void>;
  /**
   * Fails the jobs stopped instances left running (`everyOpenJob`: every queued or running job not
   * this instance's, whatever its heartbeat: at the start of the only process an embedded database
   * has), and deletes finished jobs past retention.
   */
  sweep(options?: { everyOpenJob?: boolean }): Promise<SweepResult>;
  /** Sweeps every `intervalMs` until the returned function is called. */
  maintain(intervalMs?: number): () => void;
  /**
   * A job this instance runs now, with its latest progress: answered without the database, which on
   * the embedded one (one connection) is held by the import's transaction until it ends.
   */
  live(id: string): ImportJobRecord | undefined;
  /** How long finished jobs are kept. */
  readonly retentionMs: number;
}

/** Removes an upload: its own folder when it has one (receiveUpload's), else the file alone. */
export async function removeUpload(filePath: string): Promise<void> {
  const folder = dirname(filePath);
  await rm(basename(folder).startsWith(UPLOAD_FOLDER_PREFIX) ? folder : filePath, { recursive: true, force: true });
}

export function createImportJobs(options: ImportJobsOptions): ImportJobs {
  const { database, clock, log } = options;
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const heartbeatMs = Math.min(HEARTBEAT_MS, staleAfterMs / 4);
  /** The jobs this instance runs now, with their progress: never failed as interrupted by its own sweep. */
  const running = new Map<string, ImportJobRecord>();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  // Progress and heartbeats tell other instances on a shared server that a job lives. The embedded
  // database serves one process, and would take them only after the import's transaction: not written.
  const shared = database.kind === 'postgres';

  const beat = () => {
    void beatImportJobs(database, [...running.keys()], clock.now()).catch((error: unknown) => log(`[import jobs] heartbeat not written: ${logText(error)}`));
  };

  const run = async (job: ImportJobRecord, actor: Actor) => {
    const path = job.filePath;
    if (!path) throw new Error(`import job ${job.id} has no file`);
    const live: ImportJobRecord = { ...job, status: 'running', progress: { rows: 0, percent: 0 } };
    running.set(job.id, live);
    if (shared) {
      heartbeat ??= setInterval(beat, heartbeatMs);
      heartbeat.unref();
    }
    // One progress write at a time: progress comes every thousand rows, faster than a slow database takes it.
    let writing = false;
    let outcome: ImportJobOutcome;
    try {
      const report = await runImport(database, {
        kind: job.kind,
        path,
        fileName: job.fileName,
        dryRun: job.options.dryRun,
        sheet: job.options.sheet,
        headerRow: job.options.headerRow,
        mapping: job.options.mapping,
        scope: job.scope,
        actor,
        regencyToleranceKm: options.regencyToleranceKm,
        onProgress: ({ rows, bytesRead, bytesTotal }) => {
          const percent = bytesTotal ? Math.min(99, Math.round((bytesRead / bytesTotal) * 100)) : 0;
          live.progress = { rows, percent };
          if (writing || !shared) return;
          writing = true;
          void recordImportProgress(database, job.id, { rows, percent }, clock.now())
            .catch((error: unknown) => log(`[import ${job.id}] progress not written: ${logText(error)}`))
            .finally(() => {
              writing = false;
            });
        },
      });
      outcome = { status: 'done', report };
    } catch (error) {
      const known = error instanceof ImportFileError || error instanceof TableReadError;
      if (!known) log(`[import ${job.id}] ${logText(error)}`);
      outcome = {
        status: 'failed',
        error: known
          ? // The reader names the temporary path; the user knows the file by its own name.
            { code: error instanceof ImportFileError ? error.code : 'invalid_file', message: error.message.split(path).join(job.fileName) }
          : { code: 'internal_error', message: `The import failed and nothing was written. Quote import id ${job.id} when reporting it.` },
      };
    }
    // A finished import's file goes before the job says it has ended; a failed one's stays for a rerun until the job expires.
    let removed = false;
    if (outcome.status === 'done') {
      // Before the job says `done`, so the owner's next read is sure to see the import.
      await options.afterWrite?.(job.ownerId).catch((error: unknown) => log(`[import ${job.id}] read fence not written: ${logText(error)}`));
      removed = await removeUpload(path).then(
        () => true,
        (error: unknown) => {
          log(`[import ${job.id}] upload not removed: ${logText(error)}`);
          return false;
        },
      );
    }
    try {
      await finishImportJob(database, job.id, outcome, clock.now(), removed);
    } catch (error) {
      // The job keeps its stale heartbeat: a sweep marks it interrupted, and a rerun says what happened.
      log(`[import ${job.id}] outcome not recorded: ${logText(error)}`);
    } finally {
      running.delete(job.id);
      if (!running.size && heartbeat) {
        clearInterval(heartbeat);
        heartbeat = undefined;
      }
    }
  };

  const sweep = async ({ everyOpenJob = false } = {}): Promise<SweepResult> => {
    const now = clock.now();
    // A day ahead takes in a heartbeat written by a clock running ahead of this one.
    const staleBefore = new Date(now.getTime() + (everyOpenJob ? 24 * 60 * 60_000 : -staleAfterMs));
    const interrupted = await failInterruptedImportJobs(database, staleBefore, now, [...running.keys()]);
    const expired = await expiredImportJobs(database, new Date(now.getTime() - retentionMs));
    for (const job of expired) if (job.filePath) await removeUpload(job.filePath);
    await deleteImportJobs(
      database,
      expired.map((j) => j.id),
    );
    return { interrupted, deleted: expired.map((j) => j.id) };
  };

  const maintain = (intervalMs = Math.min(SWEEP_INTERVAL_MS, staleAfterMs / 2)) => {
    const timer = setInterval(() => {
      void sweep().catch((error: unknown) => log(`[import jobs] sweep failed: ${logText(error)}`));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  };

  return { run, sweep, maintain, live: (id) => running.get(id), retentionMs };
}
