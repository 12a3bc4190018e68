// `backtest --seeds` on each backend: a seed's demo is loaded into a fresh database of its own, replayed,
// and the database removed after; the configured database is not touched.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { testBackends } from '../../../test/backends.js';
import { adminUrl } from '../../../test/fixture.js';
import { loadConfig, type Config } from '../config.js';
import { replaySeeds } from './seeds.js';

describe.each(testBackends())('backtest --seeds on %s', (backend) => {
  let config: Config;
  let dataDir: string;
  let configured: string;
  let admin: postgres.Sql | undefined;
  const scratchDatabases = async () =>
    (await admin!`select datname from pg_database where datname like ${`${configured}_backtest_seed%`}`).map((r) => String(r.datname));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pantau-seeds-test-'));
    if (backend === 'pglite') {
      config = loadConfig({ PANTAU_DATA_DIR: dataDir });
      return;
    }
    // The "configured" database: an empty one of this test's own (the template of the other files must not be held open).
    const url = new URL(inject('databaseUrl'));
    configured = `${url.pathname.slice(1)}_seeds_${randomBytes(3).toString('hex')}`;
    admin = postgres(adminUrl(url.toString()), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${configured}"`);
    url.pathname = `/${configured}`;
    config = loadConfig({ DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      await admin.unsafe(`drop database if exists "${configured}" with (force)`);
      await admin.end();
    }
  });

  test('a seed is loaded into a fresh database, replayed, and the database is gone after', async () => {
    const scratchDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('pantau-backtest-seed-3-'));
    const dirsBefore = scratchDirs();
    const lines: string[] = [];
    const [replay] = await replaySeeds(config, { seeds: [3], scale: 0.02, from: '2016-01-01', to: '2026-10-31', k: 10, log: (line) => lines.push(line) });
    expect(replay!.seed).toBe(3);
    expect(replay!.pools.length).toBeGreaterThan(0);
    expect(replay!.datasets.find((d) => d.name === 'demo')?.params).toMatchObject({ seed: 3, scale: 0.02 });
    expect(lines.at(-1)).toMatch(/^seed 3: loaded in \d+ s, replayed in \d+ s$/);
    if (backend === 'pglite') {
      expect(scratchDirs()).toEqual(dirsBefore);
      // The configured embedded database was never opened.
      expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
    } else {
      expect(await scratchDatabases()).toEqual([]);
      const tables = postgres(config.database.kind === 'postgres' ? config.database.url : '', { max: 1, onnotice: () => {} });
      try {
        expect(Number((await tables`select count(*)::int as n from information_schema.tables where table_schema = 'public'`)[0]!.n)).toBe(0);
      } finally {
        await tables.end();
      }
    }
    // Boundaries, reference and a small demo into an empty database: over a minute on PGlite on a busy machine.
  }, 300_000);
});
