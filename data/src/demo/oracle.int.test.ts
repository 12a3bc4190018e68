// The oracle view draws no random number: the demo generated with it is the demo generated without it,
// table for table (issue 23). The generator needs only the boundaries, read from the fixture database.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { queryRows, sql } from '@pantau/db';
import { beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase } from '../../../test/backends.js';
import { findBoundariesDir } from '../boundaries/find-boundaries.js';
import { REFERENCE_EVENTS_FILE, REFERENCE_STATISTICS_FILE } from '../paths.js';
import { readReferenceEvents, referencePins } from '../reference/reference-events.js';
import { generateDemo, type DemoDataset } from './generate-demo.js';
import { loadGeography } from './geography.js';
import type { ReferenceStatistics } from './profiles.js';

const stats = JSON.parse(readFileSync(REFERENCE_STATISTICS_FILE, 'utf8')) as ReferenceStatistics;
const pins = referencePins(readReferenceEvents(REFERENCE_EVENTS_FILE));

/** Every table of the demo but the oracle, as one hash per table (the permit histories chunk by chunk). */
function tablesOf(demo: DemoDataset): Record<string, string> {
  const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
  const { permitChunks: _permits, historyChunks, oracle: _oracle, ...rest } = demo;
  return {
    ...Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, hash(value)])),
    histories: hash([...historyChunks()]),
  };
}

describe('the oracle view', () => {
  let generate: (oracle: boolean) => DemoDataset;
  beforeAll(async () => {
    const t = await openFixtureDatabase('pglite');
    try {
      const geo = await loadGeography(t.database.orm, findBoundariesDir(undefined));
      const covered = new Set(
        (await queryRows<{ regency_code: string }>(t.database.orm, sql`select distinct regency_code from office_work_areas`)).map((r) => r.regency_code),
      );
      generate = (oracle) => generateDemo(geo, stats, { seed: 11, scale: 0.05, coveredRegencies: covered, pins, oracle });
    } finally {
      await t.dispose();
    }
  });

  test("the demo's other tables are identical with and without it, and every checked site has its month's row", () => {
    const withOracle = generate(true);
    const without = generate(false);
    expect(without.oracle).toEqual([]);
    expect(withOracle.oracle.length).toBeGreaterThan(0);
    const tables = tablesOf(withOracle);
    expect(Object.keys(tables).sort()).toEqual(
      ['companies', 'entryPoints', 'expected', 'histories', 'meetings', 'offices', 'operations', 'regionalOffices', 'reports', 'riskAreas', 'sites'].sort(),
    );
    expect(tables).toEqual(tablesOf(without));

    // Every checked site has a row for the month of its check (a regency without sites or districts with
    // holders has no place to give a row for).
    const rowKeys = new Set(withOracle.oracle.map((r) => `${r.month}|${r.placeKey}`));
    for (const op of withOracle.operations)
      for (const target of op.targets) if (target.siteKey) expect(rowKeys.has(`${op.date.slice(0, 7)}-01|${target.siteKey}`)).toBe(true);
    for (const r of withOracle.oracle) {
      expect(r.chance).toBeGreaterThan(0);
      expect(r.chance).toBeLessThan(1);
    }
  });
});
