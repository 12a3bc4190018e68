// Issue 19 item 5: 16 of 184 entry points (Pangkal Balam, Entikong, Benoa, …) had no regency, so no
// regional user ever saw them. A checkpoint on the water or on the border line now takes the nearest
// district within 25 km, at load and at import; one farther out is named in the load log or the
// import report. The demo's checkpoints stand where real ones are.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryOne, queryRows, sql } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { DEMO_ENTRY_POINTS } from '../demo/generate-demo.js';
import { runImport } from '../import/run-import.js';
import { writeEntryPoints } from './write-events.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-entry-points-'));

describe.each(testBackends())('entry points and their areas on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('every demo checkpoint lies in a regency, the harbours and border posts named in the issue included', async () => {
    const rows = await queryRows<{ name: string; regency_code: string | null; province_code: string | null }>(
      t.database.orm,
      sql`
      select name, regency_code, province_code from entry_points where origin = 'demo' order by name`,
    );
    expect(rows).toHaveLength(DEMO_ENTRY_POINTS.length);
    expect(rows.filter((r) => r.regency_code === null).map((r) => r.name)).toEqual([]);
    const regencyOf = new Map(rows.map((r) => [r.name, r.regency_code]));
    // Kota Pangkalpinang, Sanggau (Kalimantan Barat), Kota Denpasar or Badung (Bali).
    expect(regencyOf.get('TPI Pelabuhan Pangkal Balam')).toBe('19.71');
    expect(regencyOf.get('PLBN Entikong')).toBe('61.03');
    expect(regencyOf.get('TPI Pelabuhan Benoa')).toMatch(/^51\.(71|03)$/);
  });

  test('each of the 38 provinces has its main airport among the checkpoints', async () => {
    const rows = await queryRows<{ code: string; airports: number }>(
      t.database.orm,
      sql`
      select p.code, (select count(*) from entry_points e where e.province_code = p.code and e.kind = 'airport' and e.origin = 'demo')::int as airports
      from areas p where p.level = 'province' order by p.code`,
    );
    expect(rows).toHaveLength(38);
    expect(rows.filter((r) => r.airports === 0).map((r) => r.code)).toEqual([]);
  });

  test('a checkpoint on the water takes the nearest district within 25 km; one farther out is named, not placed', async () => {
    const unplaced: string[][] = [];
    await t.database.orm
      .transaction(async (tx) => {
        await writeEntryPoints(
          tx,
          [
            // About 2 km off Pangkalpinang's shore, in the sea.
            { key: 'test:tpi:offshore', name: 'TPI Uji Lepas Pantai', kind: 'seaport', position: [106.2, -2.13], origin: 'reference' },
            // The middle of the Java Sea, far from any district.
            { key: 'test:tpi:open-sea', name: 'TPI Uji Laut Lepas', kind: 'seaport', position: [110.0, -4.5], origin: 'reference' },
          ],
          (names) => unplaced.push(names),
        );
        const placed = await queryRows<{ key: string; district_code: string | null; regency_code: string | null }>(
          tx,
          sql`
        select key, district_code, regency_code from entry_points where key like 'test:tpi:%' order by key`,
        );
        expect(placed).toEqual([
          { key: 'test:tpi:offshore', district_code: expect.stringMatching(/^19\.71\./), regency_code: '19.71' },
          { key: 'test:tpi:open-sea', district_code: null, regency_code: null },
        ]);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && /rollback/i.test(error.message))) throw error;
      });
    expect(unplaced).toEqual([['TPI Uji Laut Lepas']]);
  });

  test('an import places the harbour on the water and names the checkpoint it cannot place in its report', async () => {
    const path = join(dir, `entry-${backend}.csv`);
    writeFileSync(path, 'Nama TPI,Jenis,Lintang,Bujur\nTPI Uji Impor Pantai,Pelabuhan,-2.13,106.20\nTPI Uji Impor Laut,Pelabuhan,-4.5,110.0\n');
    const report = await runImport(t.database, { kind: 'entry-points', path });
    expect(report).toMatchObject({ status: 'committed', imported: 2 });
    expect(report.warnings.join(' ')).toContain('TPI Uji Impor Laut');
    expect(report.warnings.join(' ')).not.toContain('TPI Uji Impor Pantai');
    const placed = await queryOne<{ regency_code: string | null }>(
      t.database.orm,
      sql`select regency_code from entry_points where name = 'TPI Uji Impor Pantai'`,
    );
    expect(placed?.regency_code).toBe('19.71');
  });
});
