// Global setup of the end-to-end project: builds the web app, opens the PGlite fixture, adds one
// account per role (passwords generated for the run) and serves both through the real API app on a
// free local port.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPdfRenderer, createApp, startHttpServer, systemClock } from '@pantau/api';
import { addUser, replayAndSave, REPO_ROOT } from '@pantau/data';
import { connect, type Database } from '@pantau/db';
import { ROLES } from '@pantau/domain';
import type { TestProject } from 'vitest/node';
import { ensurePgliteFixture } from '../../../test/fixture.js';
import { E2E_ACCOUNT_SPECS, E2E_LOCKOUT_ACCOUNT_SPEC, E2E_PASSWORD_CHANGE_ACCOUNT_SPEC, type E2eAccounts } from './e2e-accounts.js';

/** One account per role, through the same validated path as `pnpm pantau user add`. */
async function addE2eAccounts(database: Database): Promise<E2eAccounts> {
  const accounts: Partial<E2eAccounts> = {};
  for (const role of ROLES) {
    const { user, password } = await addUser(database.orm, E2E_ACCOUNT_SPECS[role]);
    accounts[role] = { email: user.email, password };
  }
  return accounts as E2eAccounts;
}

export default async function serveApp(project: TestProject): Promise<() => Promise<void>> {
  const webRoot = resolve(REPO_ROOT, 'apps/web');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-if-stale.ts'], { cwd: webRoot, stdio: 'inherit' });
  const fixture = await ensurePgliteFixture();
  const database = await connect({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([readFileSync(fixture)]) });
  project.provide('e2eAccounts', await addE2eAccounts(database));
  const lockout = await addUser(database.orm, E2E_LOCKOUT_ACCOUNT_SPEC);
  project.provide('e2eLockoutAccount', { email: lockout.user.email, password: lockout.password });
  const changing = await addUser(database.orm, E2E_PASSWORD_CHANGE_ACCOUNT_SPEC);
  project.provide('e2ePasswordChangeAccount', { email: changing.user.email, password: changing.password });
  // A saved backtest (half a year of the fixture, a few seconds), so the planning page's skill card has a run to show.
  await replayAndSave(database, { from: '2024-01-01', to: '2024-06-30', ks: [10] });
  let baseUrl = '';
  const pdf = chromiumPdfRenderer({ executablePath: '/usr/bin/chromium', baseUrl: () => baseUrl });
  const app = createApp({ database, config: { trustProxy: false, logLevel: 'warn' }, clock: systemClock, webDist: resolve(webRoot, 'dist'), pdf });
  const { server, port } = await startHttpServer(app.fetch, { port: 0, hostname: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${port}`;
  project.provide('e2eBaseUrl', baseUrl);
  return async () => {
    await pdf.close();
    await new Promise<void>((done) => server.close(() => done()));
    await database.close();
  };
}
