// The demo data against the published figures it is shaped on (issue 20): every tolerance holds on the
// generator's output at half the default size, for the default seed (1) and the fixture's (7); and the
// database path that `pantau demo --report` reads measures exactly what the generator made.
import { readFileSync } from 'node:fs';
import { queryRows, sql } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { FIXTURE_SCALE, FIXTURE_SEED } from '../../../test/fixture.js';
import { findBoundariesDir } from '../boundaries/find-boundaries.js';
import { REFERENCE_EVENTS_FILE, REFERENCE_STATISTICS_FILE } from '../paths.js';
import { readReferenceEvents, referencePins } from '../reference/reference-events.js';
import { calibrationInputOfDatabase, calibrationInputOfDemo, measureCalibration } from './calibration.js';
import { generateDemo } from './generate-demo.js';
import { loadGeography } from './geography.js';
import type { ReferenceStatistics } from './profiles.js';

const stats = JSON.parse(readFileSync(REFERENCE_STATISTICS_FILE, 'utf8')) as ReferenceStatistics;
const pins = referencePins(readReferenceEvents(REFERENCE_EVENTS_FILE));
/**
 * Half the default size: ~60,000 permit records and five times the fixture's deportees, ~4 s to generate
 * here. The fixture's 0.1 is too coarse for a 2-point tolerance: 20–45 people deported, so one deportee is
 * 2–5 points of the mix, and seeds 4 and 8 of 1–8 miss a deportation share there. At 0.5 all of seeds 1–8
 * were within every tolerance, the closest call at 0.73 of it (the 2021 level of the series).
 */
const CALIBRATION_SCALE = 0.5;

/** The generator over the boundaries and office work areas of `database`. */
async function generatorOn(database: TestDatabase['database']) {
  const geo = await loadGeography(database.orm, findBoundariesDir(undefined));
  const covered = new Set(
    (await queryRows<{ regency_code: string }>(database.orm, sql`select distinct regency_code from office_work_areas`)).map((r) => r.regency_code),
  );
  return (seed: number, scale: number) => generateDemo(geo, stats, { seed, scale, coveredRegencies: covered, pins });
}

describe('the demo generator against the published figures', () => {
  // The generator needs the boundaries only; the database they are read from does not matter.
  let generate: Awaited<ReturnType<typeof generatorOn>>;
  beforeAll(async () => {
    const t = await openFixtureDatabase('pglite');
    try {
      generate = await generatorOn(t.database);
    } finally {
      await t.dispose();
    }
  });

  test.each([1, FIXTURE_SEED])('seed %i at half size: every published share within 2 points, the 2019–2023 series within 10 % and with its dip', (seed) => {
    const lines = measureCalibration(calibrationInputOfDemo(generate(seed, CALIBRATION_SCALE)), stats);
    // Every figure of the issue is measured: 3 nationalities × 2 days, Bali, 5 years + 4 changes, ITAP, 5 deportation shares.
    expect(lines).toHaveLength(22);
    expect(lines.filter((l) => !l.within).map((l) => `${l.measure}: ${l.demo} vs ${JSON.stringify(l.reference)}`)).toEqual([]);
    const level = (year: number) => lines.find((l) => l.measure.startsWith(`work-permit holders on ${year}-06-30`))!.demo;
    expect(level(2020)).toBeLessThan(level(2019));
    expect(level(2021)).toBeLessThan(level(2020));
    expect(level(2022)).toBeGreaterThan(level(2021));
  });
});

describe.each(testBackends())('demo calibration read from the database on %s', (backend) => {
  let t: TestDatabase;
  let generate: Awaited<ReturnType<typeof generatorOn>>;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    generate = await generatorOn(t.database);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test("the loaded demo rows measure what the generator made for the fixture's seed and scale", async () => {
    const fromDatabase = measureCalibration(await calibrationInputOfDatabase(t.database.orm, null), stats);
    const fromGenerator = measureCalibration(calibrationInputOfDemo(generate(FIXTURE_SEED, FIXTURE_SCALE)), stats);
    expect(fromDatabase).toHaveLength(22);
    expect(fromDatabase).toEqual(fromGenerator);
  });

  test('a scope (Bali) measures only its own rows', async () => {
    const bali = await calibrationInputOfDatabase(t.database.orm, { areaCodes: ['51'] });
    expect(bali.permits.length).toBeGreaterThan(0);
    expect(bali.permits.every((p) => p.regencyCode.startsWith('51.'))).toBe(true);
  });
});
