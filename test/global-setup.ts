// Builds the fixtures once before the integration and end-to-end projects run.
import type { TestProject } from 'vitest/node';
import { ensurePgliteFixture, preparePostgresTemplate } from './fixture.js';

export default async function setup(project: TestProject): Promise<void> {
  const log = (line: string) => {
    if (!/\d+\/\d+$/.test(line)) console.log(`[fixture] ${line}`);
  };
  project.provide('pgliteFixture', await ensurePgliteFixture(log));
  const url = process.env.DATABASE_URL;
  if (url) await preparePostgresTemplate(url, log);
}
