import { primaryReads, type Database, type ReadRouter } from '@pantau/db';
import type { Config } from './config.js';
import type { LogSink } from './logger.js';
import type { PdfRenderer } from './print/pdf-renderer.js';
import type { UploadLimits } from './routes/upload-stream.js';
import type { ImportJobs } from './imports/import-jobs.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Everything the app needs from outside; tests pass their own. */
export interface AppDeps {
  database: Database;
  /**
   * `session` defaults to DEFAULT_SESSION_POLICY (30 minutes idle, 12 hours absolute), `tileCacheBytes`
   * to PANTAU_TILE_CACHE_MB's default (tests thus run with the cache, as the server does), `apiCacheBytes`
   * to PANTAU_API_CACHE_MB's,
   * `attachmentMaxBytes` to PANTAU_ATTACHMENT_MAX_KB's default, `tokenRateLimit` to PANTAU_TOKEN_RATE_LIMIT's
   * (60 requests a minute).
   */
  config: Pick<Config, 'trustProxy' | 'logLevel'> &
    Partial<Pick<Config, 'session' | 'tileCacheBytes' | 'apiCacheBytes' | 'attachmentMaxBytes' | 'tokenRateLimit'>>;
  clock: Clock;
  /** Directory of the built web app (apps/web/dist); omitted in API-only tests. */
  webDist?: string;
  /**
   * Where the app logs (logger.ts): a pino logger (main.ts), or a function taking the lines at or above
   * `config.logLevel` (tests). Default: JSON lines on stdout.
   */
  log?: LogSink;
  /** Prints app pages to PDF (plans, briefings); omitted where no route needs it (PDF routes then answer 503). */
  pdf?: PdfRenderer;
  /** Upload size limit and temporary folder (imports); default 200 MB in the system's temporary directory. */
  uploads?: UploadLimits;
  /**
   * Runs this instance's import jobs and sweeps the jobs table (imports/import-jobs.ts); main.ts makes
   * it to sweep at start and periodically. Default: one of the app's own, kept 7 days, never swept.
   */
  importJobs?: ImportJobs;
  /**
   * Where scoped reads go (DATABASE_READ_URL: a replica, with read-your-writes; @pantau/db read-replica.ts).
   * Default: the primary, `database`.
   */
  reads?: ReadRouter;
}

/** The app's read router: the one given, else every read on the primary. */
export const readsOf = (deps: AppDeps): ReadRouter => deps.reads ?? primaryReads(deps.database);
