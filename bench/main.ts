// `pnpm bench [aggregate] [tiles] [import] [load] [paint] [fuzz] [fuzz-imports] [faults]`: benchmarks at demo scale 10
// (1.2 M permits), all of them when none is named. `load` (options --connections=N, default 50 on the server and
// 10 embedded, --seconds=N, default 60) runs the server as its own process and drives it with autocannon.
// `paint` (option --rounds=N, default 10) runs it too and times the first map paint in Chromium against a
// bare MapLibre page on the same tiles.
// Uses DATABASE_URL when set (the server backend), else an embedded database
// under .data/bench. Data is generated once and reused; `--demo-seed=N` and `--scale=N` measure on other
// demo data (default seed 1, scale 10), which replaces the data in a server database and gets its own
// folder when embedded. `fuzz` (requests) and `fuzz-imports` (generated import files), both with options
// --seed=N --count=N, run on an embedded copy of the test fixture instead and exit non-zero when they
// find something. `faults` (option --cycles=N, default 20) kills a private PostgreSQL cluster under
// writes and the embedded database's process mid-import, and exits non-zero when something is lost.
import { resolve } from 'node:path';
import { connect } from '@pantau/db';
import { loadConfig, prepareDatabase, processEnv, REPO_ROOT } from '@pantau/data';
import { benchFaults } from './faults.js';
import { benchFirstPaint } from './first-paint.js';
import { benchFuzz } from './fuzz.js';
import { benchFuzzImports } from './fuzz-imports.js';
import { benchImport } from './import.js';
import { benchLoad, loadSessions } from './load.js';
import { benchPermitAggregate } from './permit-aggregate.js';
import { writeResults } from './results.js';
import { benchSessionCookie } from './session.js';
import { benchTiles } from './tiles.js';

const BENCHES = ['aggregate', 'tiles', 'import', 'load', 'paint', 'fuzz', 'fuzz-imports', 'faults'] as const;
const args = process.argv.slice(2).filter((a) => a !== '--');
const option = (name: string, fallback: number) => {
  const value = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (value !== undefined && !/^\d+$/.test(value)) throw new Error(`--${name} takes a whole number`);
  return value === undefined ? fallback : Number(value);
};
const asked = args.filter((a) => !a.startsWith('--'));
const unknown = asked.filter((a) => !(BENCHES as readonly string[]).includes(a));
if (unknown.length) throw new Error(`Unknown bench ${unknown.join(', ')} (benches: ${BENCHES.join(', ')})`);
const runs = (name: (typeof BENCHES)[number]) => asked.length === 0 || asked.includes(name);

let fuzzFindings = 0;
if (runs('fuzz')) fuzzFindings = await benchFuzz({ seed: option('seed', 18), count: option('count', 10_000) });
if (runs('fuzz-imports')) fuzzFindings += await benchFuzzImports({ seed: option('seed', 24), count: option('count', 10_000) });
if (runs('faults')) fuzzFindings += await benchFaults({ cycles: option('cycles', 20) });
const scaleTen = BENCHES.filter((name) => name !== 'fuzz' && name !== 'fuzz-imports' && name !== 'faults' && runs(name));

const log = (line: string) => {
  if (!/\d+\/\d+$/.test(line)) console.log(`  ${line}`);
};
if (scaleTen.length) {
  const demoSeed = option('demo-seed', 1);
  const scale = option('scale', 10);
  const folder = demoSeed === 1 && scale === 10 ? '.data/bench' : `.data/bench-seed${demoSeed}-scale${scale}`;
  const config = loadConfig({
    ...processEnv(),
    PANTAU_DEMO_SCALE: String(scale),
    PANTAU_DEMO_SEED: String(demoSeed),
    PANTAU_DATA_DIR: resolve(REPO_ROOT, folder),
  });
  const database = await connect(
    config.database.kind === 'postgres' ? { kind: 'postgres', url: config.database.url } : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  let closed = false;
  const closeOnce = async () => {
    if (!closed) await database.close();
    closed = true;
  };
  try {
    console.log(`bench: ${database.kind} at ${database.location}; preparing demo data, seed ${demoSeed}, scale ${scale} (first run only)…`);
    await prepareDatabase(database, config, log);
    if (runs('aggregate')) await benchPermitAggregate(database, 40);
    if (runs('tiles')) await benchTiles(database, 4);
    if (runs('import')) {
      await benchImport(database, {
        rows: 100_000,
        rounds: 3,
        serverUrl: config.database.kind === 'postgres' ? config.database.url : undefined,
        // Beside the server, the same import on an embedded database holding the boundaries (prepared once).
        embedded: async () => {
          const embedded = await connect({ kind: 'pglite', dataDir: resolve(REPO_ROOT, '.data/bench/pglite-import') });
          console.log('  preparing an embedded database with the boundaries for the PGlite import (first run only)…');
          await prepareDatabase(embedded, { ...config, demo: { ...config.demo, load: false } }, log);
          return embedded;
        },
      });
    }
    // What a server process the bench starts needs to open the same database.
    const serverEnv = {
      ...Object.fromEntries(Object.entries(processEnv()).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      PANTAU_DEMO_SCALE: String(scale),
      PANTAU_DEMO_SEED: String(demoSeed),
      PANTAU_DATA_DIR: resolve(REPO_ROOT, folder),
    };
    // The embedded database serves one process: the sessions are made first, and the servers the benches
    // below start open it after this one lets go.
    const sessions = runs('load') ? await loadSessions(database) : [];
    const paintCookie = runs('paint') ? await benchSessionCookie(database) : '';
    if (runs('load') || runs('paint')) await closeOnce();
    if (runs('load')) {
      const server = config.database.kind === 'postgres';
      await benchLoad(sessions, {
        connections: option('connections', server ? 50 : 10),
        seconds: option('seconds', 60),
        withTargets: server,
        label: server ? 'server' : 'embedded',
        env: serverEnv,
      });
    }
    if (runs('paint')) await benchFirstPaint({ rounds: option('rounds', 10), cookie: paintCookie, env: serverEnv });
  } finally {
    await closeOnce();
  }
}
const written = writeResults(resolve(REPO_ROOT, 'bench/results'), {
  benches: asked.length ? asked : [...BENCHES],
  database: loadConfig(processEnv()).database.kind,
  demoSeed: option('demo-seed', 1),
  scale: option('scale', 10),
});
console.log(`bench: figures written to ${written}`);
if (fuzzFindings) process.exitCode = 1;
