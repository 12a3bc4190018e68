// The data settings (database, data folders, demo data), shared by the CLI, the API and the benchmark.
// The API's own settings (port, proxies, sessions, logs, request limits) are in apps/api/src/config.ts,
// which extends this schema. The only readers of process.env. Everything else receives a Config.
// Tests call loadConfig() with a plain object.
import { resolve } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT, SHARED_DIR } from './paths.js';

export const envBoolean = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

/**
 * How far a point may lie outside the regency its row names before an import warns (km). Boundaries are
 * simplified and coordinates taken by phone or read off a map are often a few km off, so a point just
 * across a border is no news; a point tens of km away is a wrong regency or wrong coordinates.
 */
export const DEFAULT_REGENCY_TOLERANCE_KM = 10;

export const dataEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  PANTAU_DATA_DIR: z.string().min(1).default('.data'),
  PANTAU_BOUNDARIES_DIR: z.string().min(1).optional(),
  PANTAU_REFERENCE_DIR: z.string().min(1).optional(),
  PANTAU_DEMO: envBoolean.default(true),
  PANTAU_DEMO_SEED: z.coerce.number().int().min(0).default(1),
  PANTAU_DEMO_SCALE: z.coerce.number().positive().max(20).default(1),
  PANTAU_IMPORT_REGENCY_TOLERANCE_KM: z.coerce.number().min(0).max(500).default(DEFAULT_REGENCY_TOLERANCE_KM),
});

/** The data variables; with the API's (apps/api/src/config.ts) every one is documented in the README (docs.test.ts). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(dataEnvSchema.shape);

export interface Config {
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  boundariesDir: string | undefined;
  /** Folder of reference-events.json and reference-statistics.json. */
  referenceDir: string;
  demo: { load: boolean; seed: number; scale: number };
  /** Imports: how far (km) a point may lie outside the regency its row names before the report warns. */
  imports: { regencyToleranceKm: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The variables of `schema` (empty ones left out), or a ConfigError naming every bad one. */
export function parseEnvironment<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The data settings of parsed variables. */
export function dataConfigOf(e: z.output<typeof dataEnvSchema>): Config {
  const dataDir = resolve(REPO_ROOT, e.PANTAU_DATA_DIR);
  return {
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    dataDir,
    boundariesDir: e.PANTAU_BOUNDARIES_DIR ? resolve(e.PANTAU_BOUNDARIES_DIR) : undefined,
    referenceDir: e.PANTAU_REFERENCE_DIR ? resolve(e.PANTAU_REFERENCE_DIR) : resolve(SHARED_DIR, 'data'),
    demo: { load: e.PANTAU_DEMO, seed: e.PANTAU_DEMO_SEED, scale: e.PANTAU_DEMO_SCALE },
    imports: { regencyToleranceKm: e.PANTAU_IMPORT_REGENCY_TOLERANCE_KM },
  };
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  return dataConfigOf(parseEnvironment(dataEnvSchema, env));
}

/** The process environment, read here and nowhere else. */
export function processEnv(): Record<string, string | undefined> {
  return process.env;
}
