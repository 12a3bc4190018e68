// `pnpm bench fuzz`: the request fuzz of apps/api/src/fuzz.int.test.ts at full count (issue 18), on an
// embedded copy of the test fixture (writes go to that throwaway copy). Prints the requests sent, the
// status histogram and every finding with its seed and index, so one can be replayed alone.
import { readFileSync } from 'node:fs';
import { createApp } from '@pantau/api';
import { TILE_LAYERS } from '@pantau/api/tiles';
import { connect } from '@pantau/db';
import { ROLES } from '@pantau/domain';
import { ensurePgliteFixture } from '../test/fixture.js';
import { describeFinding, runFuzz, type OpenApiDocument, type Who } from '../test/fuzz-requests.js';
import { signedInAccount, BANGKA_TENGAH_SCOPES } from '../test/sessions.js';

const SCOPES = BANGKA_TENGAH_SCOPES;

export async function benchFuzz(options: { seed: number; count: number }): Promise<number> {
  console.log(`fuzz: ${options.count} requests, seed ${options.seed}, on an embedded copy of the test fixture (built on first run)…`);
  const dump = await ensurePgliteFixture((line) => console.log(`  ${line}`));
  const database = await connect({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([readFileSync(dump)]) });
  try {
    const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
    const logged: string[] = [];
    const app = createApp({
      database,
      config: { trustProxy: false, logLevel: 'warn' },
      clock,
      log: (line) => {
        logged.push(line);
      },
    });
    const tokens = new Map<Who, string>();
    const signInAll = async () => {
      for (const role of ROLES) tokens.set(role, (await signedInAccount(database, role, SCOPES[role], clock.now())).cookie.replace('pantau_session=', ''));
    };
    await signInAll();
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    const started = Date.now();
    const run = await runFuzz({
      app,
      doc,
      tileLayers: TILE_LAYERS,
      seed: options.seed,
      count: options.count,
      tokens: (who) => tokens.get(who),
      afterWrite: async (request) => {
        if (/\/auth\/sign-out|\/users\//.test(request.path)) await signInAll();
      },
      onProgress: (sent) => {
        if (sent % 1000 === 0) console.log(`  ${sent} sent (${Math.round((Date.now() - started) / 1000)} s)`);
      },
    });
    console.log(`  requests sent: ${run.sent}`);
    console.log(
      `  statuses: ${[...run.statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join('  ')}`,
    );
    console.log(`  findings (5xx but a deliberate 503, or a 4xx without { error: { code, message } }): ${run.findings.length}`);
    for (const finding of run.findings) console.log(`    ${describeFinding(options.seed, finding)}`);
    // app.request() has no socket, so every sign-in notes an unreadable client address: expected here.
    const errors = logged.filter((line) => !line.includes('client address unreadable'));
    console.log(`  errors logged by the app: ${errors.length} (and ${logged.length - errors.length} notes on unreadable client addresses)`);
    for (const line of errors) console.log(`    ${line.split('\n').slice(0, 3).join(' | ').slice(0, 600)}`);
    return run.findings.length;
  } finally {
    await database.close();
  }
}
