// The only reader of process.env (with apps/api/src/config.ts, which re-exports this). Everything
// else receives a Config. Tests call loadConfig() with a plain object.
import { resolve } from 'node:path';
import type { SessionPolicy } from '@pantau/domain';
import { z } from 'zod';
import { REPO_ROOT, SHARED_DIR } from './paths.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
  PANTAU_DATA_DIR: z.string().min(1).default('.data'),
  PANTAU_BOUNDARIES_DIR: z.string().min(1).optional(),
  PANTAU_REFERENCE_DIR: z.string().min(1).optional(),
  PANTAU_DEMO: bool.default(true),
  PANTAU_DEMO_SEED: z.coerce.number().int().min(0).default(1),
  PANTAU_DEMO_SCALE: z.coerce.number().positive().max(20).default(1),
  // `true` = one proxy in front (the common nginx / Caddy set-up), a number = that many hops.
  PANTAU_TRUST_PROXY: z.union([bool, z.string().regex(/^\d{1,2}$/, 'true, false or a number of proxy hops').transform(Number)]).default(false)
    .transform((v) => (v === true ? 1 : v === false ? 0 : v)),
  PANTAU_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  PANTAU_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(12),
  PANTAU_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  PANTAU_CHROMIUM: z.string().min(1).optional(),
  PANTAU_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  PANTAU_LONG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
  PANTAU_DB_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  PANTAU_DB_MAX_WAITING: z.coerce.number().int().min(0).max(10_000).default(32),
});

/** Every variable Pantau reads; each is documented in the README's configuration table (docs.test.ts). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  boundariesDir: string | undefined;
  /** Folder of reference-events.json and reference-statistics.json. */
  referenceDir: string;
  demo: { load: boolean; seed: number; scale: number };
  /**
   * How many reverse proxies in front of the API to trust (X-Forwarded-Proto, -Host, -For); 0 = none.
   * Callers may pass `true` (one) or `false` (none).
   */
  trustProxy: number | boolean;
  /** Session lifetimes (OWASP ASVS L2: 30 minutes idle, 12 hours absolute by default). */
  session: SessionPolicy;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Chromium for PDF output (plans, briefings); undefined = look in the usual places. */
  chromiumPath: string | undefined;
  /** PostgreSQL server: per-statement limit of a request's reads, and of writes, imports and exports. */
  statementTimeouts: { readMs: number; writeMs: number };
  /** Embedded database (one connection): how long and how many requests may wait for it. */
  databaseWait: { waitMs: number; maxWaiting: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.PANTAU_SESSION_IDLE_MINUTES > e.PANTAU_SESSION_ABSOLUTE_HOURS * 60) {
    throw new ConfigError(`Invalid environment:\n  PANTAU_SESSION_IDLE_MINUTES=${JSON.stringify(cleaned.PANTAU_SESSION_IDLE_MINUTES)}: longer than PANTAU_SESSION_ABSOLUTE_HOURS (${e.PANTAU_SESSION_ABSOLUTE_HOURS} h)`);
  }
  const dataDir = resolve(REPO_ROOT, e.PANTAU_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    dataDir,
    boundariesDir: e.PANTAU_BOUNDARIES_DIR ? resolve(e.PANTAU_BOUNDARIES_DIR) : undefined,
    referenceDir: e.PANTAU_REFERENCE_DIR ? resolve(e.PANTAU_REFERENCE_DIR) : resolve(SHARED_DIR, 'data'),
    demo: { load: e.PANTAU_DEMO, seed: e.PANTAU_DEMO_SEED, scale: e.PANTAU_DEMO_SCALE },
    trustProxy: e.PANTAU_TRUST_PROXY,
    session: { idleMs: e.PANTAU_SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.PANTAU_SESSION_ABSOLUTE_HOURS * 60 * 60_000 },
    logLevel: e.PANTAU_LOG_LEVEL,
    chromiumPath: e.PANTAU_CHROMIUM ? resolve(e.PANTAU_CHROMIUM) : undefined,
    statementTimeouts: { readMs: e.PANTAU_STATEMENT_TIMEOUT_MS, writeMs: e.PANTAU_LONG_STATEMENT_TIMEOUT_MS },
    databaseWait: { waitMs: e.PANTAU_DB_WAIT_MS, maxWaiting: e.PANTAU_DB_MAX_WAITING },
  };
}

/** The process environment, read here and nowhere else. */
export function processEnv(): Record<string, string | undefined> {
  return process.env;
}
