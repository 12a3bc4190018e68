// `pnpm pantau backtest --seeds 1,2,3`: the same replay on several demo worlds, each loaded into a fresh
// database of its own — a temporary database on the PostgreSQL server of DATABASE_URL (created beside
// it, dropped after), or an embedded PGlite in a temporary folder (removed after) — so the database
// `pnpm start` uses is never touched. The figures are then printed per seed and pooled: the pooled
// paired tests resample every month of every seed (a seed-month is one unit of the bootstrap).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { connect, datasetLoadRecords, sql, type Database } from '@pantau/db';
import { loadBoundaries } from '../boundaries/load-boundaries.js';
import type { Config } from '../config.js';
import { loadDemo, loadReference } from '../datasets/load-datasets.js';
import { runBacktest } from './backtest.js';
import { BacktestOptionError } from './backtest-command.js';
import type { PoolMonth } from './metrics.js';
import type { FittedModel } from './model.js';
import type { RankingName } from './rankings.js';

/** `--seeds 1,2,3`: distinct whole numbers, at most 20 (each is a full demo load and replay). */
export function parseSeedList(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const seeds = parts.map(Number);
  if (!parts.length || parts.some((p) => p === '') || seeds.some((s) => !Number.isInteger(s) || s < 0) || new Set(seeds).size > 20)
    throw new BacktestOptionError(`--seeds ${text}: whole numbers of 0 or more, at most 20, separated by commas (e.g. 101,102,103)`);
  return [...new Set(seeds)];
}

export interface SeedReplay {
  seed: number;
  scale: number;
  pools: PoolMonth[];
  /** The learned model as fitted for the seed's last month (absent when not asked for). */
  model?: FittedModel | null;
  loadSeconds: number;
  replaySeconds: number;
  datasets: Array<{ name: string; loadedAt: string; params: Record<string, unknown> }>;
}

/** A fresh, empty database of the configured backend, and how to get rid of it. */
async function scratchDatabase(config: Config, seed: number): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (config.database.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `pantau-backtest-seed-${seed}-`));
    const database = await connect({ kind: 'pglite', dataDir: join(dir, 'pglite') });
    return {
      database,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = new URL(config.database.url);
  const name = `${url.pathname.slice(1)}_backtest_seed${seed}_${randomBytes(3).toString('hex')}`;
  // CREATE and DROP DATABASE run from a connection to the configured database (not inside a transaction).
  const admin = await connect({ kind: 'postgres', url: config.database.url, maxConnections: 1 });
  await admin.orm.execute(sql.raw(`create database "${name}"`));
  url.pathname = `/${name}`;
  const database = await connect({ kind: 'postgres', url: url.toString(), maxConnections: 4 });
  return {
    database,
    dispose: async () => {
      await database.close();
      try {
        await admin.orm.execute(sql.raw(`drop database if exists "${name}" with (force)`));
      } finally {
        await admin.close();
      }
    },
  };
}

/** Loads each seed's demo into its own fresh database and replays it; one seed at a time (2 cores, ~1 GB a PGlite). */
export async function replaySeeds(
  config: Config,
  options: { seeds: readonly number[]; scale: number; from: string; to: string; k: number; rankings?: readonly RankingName[]; log: (line: string) => void },
): Promise<SeedReplay[]> {
  const out: SeedReplay[] = [];
  for (const seed of options.seeds) {
    const scratch = await scratchDatabase(config, seed);
    try {
      const { database } = scratch;
      options.log(`seed ${seed}: loading the demo (scale ${options.scale}) into a fresh ${database.kind} database`);
      const loading = Date.now();
      await database.migrate();
      await loadBoundaries(database, { dir: config.boundariesDir, log: () => {} });
      await loadReference(database, { referenceDir: config.referenceDir, log: () => {} });
      await loadDemo(database, { seed, scale: options.scale, referenceDir: config.referenceDir, boundariesDir: config.boundariesDir, log: () => {} });
      const loadSeconds = (Date.now() - loading) / 1000;
      const replaying = Date.now();
      const result = await runBacktest(database, {
        from: options.from,
        to: options.to,
        k: options.k,
        log: () => {},
        ...(options.rankings ? { rankings: options.rankings } : {}),
      });
      const replaySeconds = (Date.now() - replaying) / 1000;
      options.log(`seed ${seed}: loaded in ${loadSeconds.toFixed(0)} s, replayed in ${replaySeconds.toFixed(0)} s`);
      out.push({
        seed,
        scale: options.scale,
        pools: result.pools,
        ...(result.model !== undefined ? { model: result.model } : {}),
        loadSeconds,
        replaySeconds,
        datasets: await datasetLoadRecords(database.orm),
      });
    } finally {
      await scratch.dispose();
    }
  }
  return out;
}

/**
 * Every seed's pool-months as one replay: each month is named by its seed too, so the pooled paired
 * tests count a month of seed 1 and the same month of seed 2 as two months (the bootstrap resamples
 * seed-months, as the findings of one seed-month share a ranked day and the teams' choices).
 */
export function pooledPools(replays: readonly SeedReplay[]): PoolMonth[] {
  return replays.flatMap((r) => r.pools.map((p) => ({ ...p, month: `seed ${r.seed} ${p.month}` })));
}
