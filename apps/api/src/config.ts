// The API's configuration: the data settings of @pantau/data (database, folders, demo data, shared with
// the CLI) and the API's own (listening address, proxies, sessions, logs, request limits). With
// data/src/config.ts the only reader of process.env; everything else receives a Config.
import { resolve } from 'node:path';
import { DEFAULT_TOKEN_RATE_LIMIT, type SessionPolicy } from '@pantau/domain';
import { ConfigError, dataConfigOf, dataEnvSchema, envBoolean, parseEnvironment, type Config as DataConfig } from '@pantau/data/config';
import { z } from 'zod';

export { processEnv, ConfigError } from '@pantau/data/config';

/** Enough for the tiles of a few hundred views at once (a tile is 10–300 KB gzipped and raw together). */
export const DEFAULT_TILE_CACHE_MB = 64;
/** Enough for every aggregate, summary and list of a national meeting's screens (an answer is 1–200 KB). */
export const DEFAULT_API_CACHE_MB = 32;
/** Largest photo attached to a public report (KB): a phone's photo, not a video. */
export const DEFAULT_ATTACHMENT_MAX_KB = 5120;
/** A week: long enough to read a job's report after a long weekend, short enough not to keep uploaded personal data. */
export const DEFAULT_IMPORT_JOB_DAYS = 7;

const apiEnvSchema = dataEnvSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  // `true` = one proxy in front (the common nginx / Caddy set-up), a number = that many hops.
  PANTAU_TRUST_PROXY: z
    .union([
      envBoolean,
      z
        .string()
        .regex(/^\d{1,2}$/, 'true, false or a number of proxy hops')
        .transform(Number),
    ])
    .default(false)
    .transform((v) => (v === true ? 1 : v === false ? 0 : v)),
  PANTAU_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  PANTAU_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(12),
  PANTAU_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  PANTAU_CHROMIUM: z.string().min(1).optional(),
  PANTAU_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  PANTAU_LONG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
  PANTAU_DB_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  PANTAU_DB_MAX_WAITING: z.coerce.number().int().min(0).max(10_000).default(32),
  PANTAU_TILE_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(DEFAULT_TILE_CACHE_MB),
  PANTAU_API_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(DEFAULT_API_CACHE_MB),
  PANTAU_ATTACHMENT_MAX_KB: z.coerce.number().int().min(16).max(51_200).default(DEFAULT_ATTACHMENT_MAX_KB),
  PANTAU_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_TOKEN_RATE_LIMIT),
  // Uploads of the import routes, each in a folder of its own, kept while a job may be rerun.
  PANTAU_UPLOAD_DIR: z.string().min(1).optional(),
  PANTAU_IMPORT_JOB_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_IMPORT_JOB_DAYS),
  PANTAU_IMPORT_STALE_S: z.coerce.number().int().min(4).max(3600).default(120),
  // A streaming replica of DATABASE_URL's server for tiles, aggregates, lists, search and OGC reads.
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  PANTAU_REPLICA_MAX_LAG_S: z.coerce.number().int().min(1).max(86_400).default(30),
});

/** The variables only the API reads (the data ones are @pantau/data's ENVIRONMENT_VARIABLES); all documented in the README (docs.test.ts). */
export const API_ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(apiEnvSchema.shape).filter((name) => !(name in dataEnvSchema.shape));

export interface Config extends DataConfig {
  port: number;
  host: string;
  /**
   * How many reverse proxies in front of the API to trust (X-Forwarded-Proto, -Host, -For); 0 = none.
   * Callers may pass `true` (one) or `false` (none).
   */
  trustProxy: number | boolean;
  /** Session lifetimes (OWASP ASVS L2: 30 minutes idle, 12 hours absolute by default). */
  session: SessionPolicy;
  /** The least level logged (logger.ts): `info` logs a line per request, `warn` only warnings and errors. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Chromium for PDF output (plans, briefings); undefined = look in the usual places. */
  chromiumPath: string | undefined;
  /** PostgreSQL server: per-statement limit of a request's reads, and of writes, imports and exports. */
  statementTimeouts: { readMs: number; writeMs: number };
  /** Embedded database (one connection): how long and how many requests may wait for it. */
  databaseWait: { waitMs: number; maxWaiting: number };
  /** Bytes of encoded tiles the API keeps in memory (tiles/tile-cache.ts); 0 = no tile cache. */
  tileCacheBytes: number;
  /** Bytes of read API answers the API keeps in memory (response-cache.ts); 0 = no answer cache. */
  apiCacheBytes: number;
  /** Largest photo accepted on a public report, in bytes (PANTAU_ATTACHMENT_MAX_KB). */
  attachmentMaxBytes: number;
  /** Requests per minute one API token may make (sliding window, counted in this instance's memory). */
  tokenRateLimit: number;
  /** Import uploads: the folder they are streamed into, and how long finished jobs (and their files) are kept. */
  importJobs: { uploadDir: string; retentionMs: number; staleAfterMs: number };
  /** DATABASE_READ_URL: reads go to this replica while it lags less than maxLagMs (PANTAU_REPLICA_MAX_LAG_S); null = none. */
  readReplica: { url: string; maxLagMs: number } | null;
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const e = parseEnvironment(apiEnvSchema, env);
  if (e.PANTAU_SESSION_IDLE_MINUTES > e.PANTAU_SESSION_ABSOLUTE_HOURS * 60) {
    throw new ConfigError(
      `Invalid environment:\n  PANTAU_SESSION_IDLE_MINUTES=${JSON.stringify(env.PANTAU_SESSION_IDLE_MINUTES)}: longer than PANTAU_SESSION_ABSOLUTE_HOURS (${e.PANTAU_SESSION_ABSOLUTE_HOURS} h)`,
    );
  }
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid environment:\n  DATABASE_READ_URL is set but DATABASE_URL is not: a read replica needs the PostgreSQL server it replicates (the embedded database has none). Set DATABASE_URL to the primary, or unset DATABASE_READ_URL.',
    );
  }
  const data = dataConfigOf(e);
  return {
    ...data,
    port: e.PORT,
    host: e.HOST,
    trustProxy: e.PANTAU_TRUST_PROXY,
    session: { idleMs: e.PANTAU_SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.PANTAU_SESSION_ABSOLUTE_HOURS * 60 * 60_000 },
    logLevel: e.PANTAU_LOG_LEVEL,
    chromiumPath: e.PANTAU_CHROMIUM ? resolve(e.PANTAU_CHROMIUM) : undefined,
    statementTimeouts: { readMs: e.PANTAU_STATEMENT_TIMEOUT_MS, writeMs: e.PANTAU_LONG_STATEMENT_TIMEOUT_MS },
    databaseWait: { waitMs: e.PANTAU_DB_WAIT_MS, maxWaiting: e.PANTAU_DB_MAX_WAITING },
    tileCacheBytes: e.PANTAU_TILE_CACHE_MB * 1024 * 1024,
    apiCacheBytes: e.PANTAU_API_CACHE_MB * 1024 * 1024,
    attachmentMaxBytes: e.PANTAU_ATTACHMENT_MAX_KB * 1024,
    tokenRateLimit: e.PANTAU_TOKEN_RATE_LIMIT,
    importJobs: {
      uploadDir: e.PANTAU_UPLOAD_DIR ? resolve(e.PANTAU_UPLOAD_DIR) : resolve(data.dataDir, 'uploads'),
      retentionMs: e.PANTAU_IMPORT_JOB_DAYS * 24 * 60 * 60_000,
      staleAfterMs: e.PANTAU_IMPORT_STALE_S * 1000,
    },
    readReplica: e.DATABASE_READ_URL ? { url: e.DATABASE_READ_URL, maxLagMs: e.PANTAU_REPLICA_MAX_LAG_S * 1000 } : null,
  };
}
