// Opening test databases on each backend: PGlite always, the PostgreSQL server when DATABASE_URL is
// set (vitest.config.ts reads it and provides it). Each test file gets its own copy of the fixture.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { connect, type BackendKind, type Database } from '@pantau/db';
import postgres from 'postgres';
import { inject } from 'vitest';
import { adminUrl } from './fixture.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteFixture: string;
    databaseUrl: string;
  }
}

export function testBackends(): BackendKind[] {
  return inject('databaseUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  database: Database;
  /** The server backend: the URL of this file's own database (a clone of the fixture), for a second connection or process. */
  url?: string;
  dispose(): Promise<void>;
}

export async function openFixtureDatabase(kind: BackendKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dump = new Blob([readFileSync(inject('pgliteFixture'))]);
    const database = await connect({ kind: 'pglite', dataDir: null, loadDataDir: dump });
    return { database, dispose: () => database.close() };
  }
  const url = inject('databaseUrl');
  const template = new URL(url).pathname.slice(1);
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  // Cloning needs the template to have no other sessions; retry while a sibling file clones it too.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${template}"`);
      break;
    } catch (error) {
      if (attempt > 50 || !String((error as Error).message).includes('being accessed')) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const cloneUrl = new URL(url);
  cloneUrl.pathname = `/${name}`;
  const database = await connect({ kind: 'postgres', url: cloneUrl.toString(), maxConnections: 4 });
  return {
    database,
    url: cloneUrl.toString(),
    dispose: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
