// What `pnpm start` does before serving: migrate, boundaries, reference events, demo data.
import type { Database } from '@pantau/db';
import type { Config } from '../config.js';
import { loadBoundaries } from '../boundaries/load-boundaries.js';
import { loadDemo, loadReference } from './load-datasets.js';
import { ensureDemoAccounts } from '../accounts/demo-accounts.js';

export async function prepareDatabase(database: Database, config: Config, log: (line: string) => void): Promise<void> {
  const step = async (label: string, run: () => Promise<unknown>) => {
    const started = Date.now();
    log(`▸ ${label}…`);
    await run();
    log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  await step('migrations', () => database.migrate());
  // Progress lines inside a step only every so often: a per-chunk line would flood the terminal.
  let lastLine = 0;
  const throttled = (line: string) => {
    if (Date.now() - lastLine > 2000 || !/\d+\/\d+$/.test(line)) {
      lastLine = Date.now();
      log(`  ${line}`);
    }
  };
  await step('boundaries', () => loadBoundaries(database, { dir: config.boundariesDir, log: throttled }));
  await step('reference events', () => loadReference(database, { referenceDir: config.referenceDir, log: throttled }));
  if (config.demo.load) {
    await step('demo data', () =>
      loadDemo(database, { ...config.demo, referenceDir: config.referenceDir, boundariesDir: config.boundariesDir, log: throttled }),
    );
    await step('demo accounts', () => ensureDemoAccounts(database.orm, throttled));
  }
}
