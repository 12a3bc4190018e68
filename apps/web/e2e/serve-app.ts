// Global setup of the end-to-end project: builds the web app, opens the PGlite fixture and serves
// both through the real API app on a free local port.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp, systemClock } from '@pantau/api';
import { REPO_ROOT } from '@pantau/data';
import { connect } from '@pantau/db';
import type { TestProject } from 'vitest/node';
import { ensurePgliteFixture } from '../../../test/fixture.js';

export default async function serveApp(project: TestProject): Promise<() => Promise<void>> {
  const webRoot = resolve(REPO_ROOT, 'apps/web');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-if-stale.ts'], { cwd: webRoot, stdio: 'inherit' });
  const fixture = await ensurePgliteFixture();
  const database = await connect({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([readFileSync(fixture)]) });
  const app = createApp({ database, config: { trustProxy: false, logLevel: 'warn' }, clock: systemClock, webDist: resolve(webRoot, 'dist') });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((done) => server.once('listening', () => done()));
  const { port } = server.address() as AddressInfo;
  project.provide('e2eBaseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await database.close();
  };
}
