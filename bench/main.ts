// `pnpm bench`: benchmarks at demo scale 10 (1.2 M permits). Uses DATABASE_URL when set (the server
// backend), else an embedded database under .data/bench. Data is generated once and reused.
import { resolve } from 'node:path';
import { connect } from '@pantau/db';
import { loadConfig, prepareDatabase, processEnv, REPO_ROOT } from '@pantau/data';
import { benchPermitAggregate } from './permit-aggregate.js';
import { benchTiles } from './tiles.js';

const config = loadConfig({ ...processEnv(), PANTAU_DEMO_SCALE: '10', PANTAU_DEMO_SEED: '1', PANTAU_DATA_DIR: resolve(REPO_ROOT, '.data/bench') });
const database = await connect(config.database.kind === 'postgres' ? { kind: 'postgres', url: config.database.url } : { kind: 'pglite', dataDir: config.database.dataDir });
try {
  console.log(`bench: ${database.kind} at ${database.location}; preparing scale-10 demo data (first run only)…`);
  await prepareDatabase(database, config, (line) => { if (!/\d+\/\d+$/.test(line)) console.log(`  ${line}`); });
  await benchPermitAggregate(database, 40);
  await benchTiles(database, 4);
} finally {
  await database.close();
}
