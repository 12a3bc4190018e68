// `pnpm bench [aggregate] [tiles] [import]`: benchmarks at demo scale 10 (1.2 M permits), all of them
// when none is named. Uses DATABASE_URL when set (the server backend), else an embedded database under
// .data/bench. Data is generated once and reused.
import { resolve } from 'node:path';
import { connect } from '@pantau/db';
import { loadConfig, prepareDatabase, processEnv, REPO_ROOT } from '@pantau/data';
import { benchImport } from './import.js';
import { benchPermitAggregate } from './permit-aggregate.js';
import { benchTiles } from './tiles.js';

const BENCHES = ['aggregate', 'tiles', 'import'] as const;
const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((a) => !(BENCHES as readonly string[]).includes(a));
if (unknown.length) throw new Error(`Unknown bench ${unknown.join(', ')} (benches: ${BENCHES.join(', ')})`);
const runs = (name: (typeof BENCHES)[number]) => asked.length === 0 || asked.includes(name);

const log = (line: string) => { if (!/\d+\/\d+$/.test(line)) console.log(`  ${line}`); };
const config = loadConfig({ ...processEnv(), PANTAU_DEMO_SCALE: '10', PANTAU_DEMO_SEED: '1', PANTAU_DATA_DIR: resolve(REPO_ROOT, '.data/bench') });
const database = await connect(config.database.kind === 'postgres' ? { kind: 'postgres', url: config.database.url } : { kind: 'pglite', dataDir: config.database.dataDir });
try {
  console.log(`bench: ${database.kind} at ${database.location}; preparing scale-10 demo data (first run only)…`);
  await prepareDatabase(database, config, log);
  if (runs('aggregate')) await benchPermitAggregate(database, 40);
  if (runs('tiles')) await benchTiles(database, 4);
  if (runs('import')) {
    await benchImport(database, {
      rows: 100_000, rounds: 3, serverUrl: config.database.kind === 'postgres' ? config.database.url : undefined,
      // Beside the server, the same import on an embedded database holding the boundaries (prepared once).
      embedded: async () => {
        const embedded = await connect({ kind: 'pglite', dataDir: resolve(REPO_ROOT, '.data/bench/pglite-import') });
        console.log('  preparing an embedded database with the boundaries for the PGlite import (first run only)…');
        await prepareDatabase(embedded, { ...config, demo: { ...config.demo, load: false } }, log);
        return embedded;
      },
    });
  }
} finally {
  await database.close();
}
