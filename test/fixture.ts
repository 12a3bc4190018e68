// The integration fixture: a database migrated and loaded with boundaries, reference events and demo
// data at a small scale. Built once per run per backend and shared (PGlite: a data-dir dump each test
// file loads into memory; PostgreSQL: a template database each test file clones).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect } from '@pantau/db';
import { loadConfig, prepareDatabase, REPO_ROOT } from '@pantau/data';
import postgres from 'postgres';

export const FIXTURE_SEED = 7;
export const FIXTURE_SCALE = 0.1;
const FIXTURE_DIR = resolve(REPO_ROOT, '.data/test');

/** Everything the fixture depends on: a change to any of it rebuilds the fixture. */
function fixtureFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(resolve(REPO_ROOT, 'packages/db/migrations'));
  walk(resolve(REPO_ROOT, 'data/src'));
  walk(resolve(REPO_ROOT, 'packages/domain/src'));
  hash.update(String(FIXTURE_SEED)).update(String(FIXTURE_SCALE));
  return hash.digest('hex').slice(0, 16);
}

function fixtureConfig() {
  return loadConfig({ PANTAU_DEMO_SEED: String(FIXTURE_SEED), PANTAU_DEMO_SCALE: String(FIXTURE_SCALE) });
}

/** Path of the PGlite dump (a tar.gz of the data directory), built when missing. */
export async function ensurePgliteFixture(log: (line: string) => void = () => {}): Promise<string> {
  const file = resolve(FIXTURE_DIR, `pglite-${fixtureFingerprint()}.tar.gz`);
  if (existsSync(file)) return file;
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const database = await connect({ kind: 'pglite', dataDir: null });
  try {
    await prepareDatabase(database, fixtureConfig(), log);
    const dump = await database.dumpDataDir!();
    writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${file}.tmp`, file);
  } finally {
    await database.close();
  }
  return file;
}

/** Prepares the server database named by `url` as the template test files clone. */
export async function preparePostgresTemplate(url: string, log: (line: string) => void = () => {}): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const database = await connect({ kind: 'postgres', url, maxConnections: 2 });
  try {
    await prepareDatabase(database, fixtureConfig(), log);
  } finally {
    await database.close();
  }
}

export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
