// The movements import (issue 20) on each backend: crossings of people found by passport (earlier
// passports included) or registered from the row, and monthly counts per checkpoint; refusals name the
// row and field; rollback removes the crossings, the counts and the people the batch made.
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { queryOne, queryRows, sql } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { exportFile } from '../export/export-file.js';
import { rollbackBatch, runImport } from './run-import.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-movements-'));
let fileCounter = 0;
function file(content: string): string {
  const path = join(dir, `m${++fileCounter}.csv`);
  writeFileSync(path, content);
  return path;
}

describe.each(testBackends())('movements import on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });
  const n = async (query: ReturnType<typeof sql>) => Number((await queryOne<{ n: number }>(t.database.orm, query))!.n);

  test('crossings find people by passport or an earlier passport, register a new passport named on the row, and refuse what they cannot place', async () => {
    // A person outside Jakarta with an earlier passport kept as an alias.
    const person = await queryOne<{ id: number; current: string; alias: string; nationality: string }>(
      t.database.orm,
      sql`
      select h.id, (array_agg(pp.passport_number order by pp.valid_from desc nulls last, pp.id desc))[1] as current,
        (array_agg(pp.passport_number order by pp.valid_from nulls first, pp.id))[1] as alias, h.nationality
      from people h join person_passports pp on pp.person_id = h.id
      where h.province_code <> '31' group by h.id, h.nationality having count(*) > 1 order by h.id limit 1`,
    );
    expect(person).toBeTruthy();
    const movementsOf = (id: number) => n(sql`select count(*)::int as n from movements where person_id = ${id}`);
    const before = await movementsOf(person!.id);
    const csv = `Nama;No Paspor;Kewarganegaraan;Arah;Tanggal;TPI;Kabupaten
;${person!.current};${person!.nationality};Kedatangan;01/07/2031;Bandara Depati Amir;
;${person!.alias};${person!.nationality};BERANGKAT;15 Juli 2031;TPI Bandara Depati Amir;
ZHANG SAN;G7777777;RRT;arrival;2031-07-02;Soekarno-Hatta;Bangka Tengah
;G 7777777;China;departure;2031-08-02;Bandara Soekarno Hatta;
;G8888888;China;arrival;2031-07-02;Soekarno-Hatta;
ZHANG SI;G9999999;China;lewat;2031-07-02;Soekarno-Hatta;
ZHANG WU;G9999998;China;arrival;2031-07-02;Bandara Atlantis;`;
    const report = await runImport(t.database, { kind: 'movements', path: file(csv) });
    expect(report).toMatchObject({ status: 'committed', rows: 7, imported: 4, rejected: 3 });
    expect(report.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [6, 'holderName', 'person_without_name'],
      [7, 'direction', 'unknown_direction'],
      [8, 'entryPoint', 'unknown_entry_point'],
    ]);
    expect(await movementsOf(person!.id)).toBe(before + 2);
    const made = await queryRows<{ id: number; name: string; regency_code: string; moves: number }>(
      t.database.orm,
      sql`
      select h.id, h.name, h.regency_code, (select count(*)::int from movements m where m.person_id = h.id) as moves
      from people h join person_passports pp on pp.person_id = h.id where pp.passport_number = 'G7777777' and pp.nationality = 'CHN'`,
    );
    expect(made).toEqual([{ id: expect.anything(), name: 'ZHANG SAN', regency_code: '19.04', moves: 2 }]);

    // A scope elsewhere may not add crossings of a Bangka Tengah person.
    const outside = await runImport(t.database, { kind: 'movements', path: file(csv.replace('01/07/2031', '02/07/2031')), scope: { areaCodes: ['31'] } });
    expect(outside.issues.filter((i) => i.code === 'outside_work_area').map((i) => i.row)).toEqual([2, 3, 4, 5]);

    await rollbackBatch(t.database, report.batchId!);
    expect(await movementsOf(person!.id)).toBe(before);
    expect(await n(sql`select count(*)::int as n from person_passports where passport_number = 'G7777777'`)).toBe(0);
  });

  test('monthly counts per checkpoint and nationality import, export and refuse a row without a count', async () => {
    const csv = `Bulan,TPI,Kewarganegaraan,Kedatangan,Keberangkatan
Juni 2031,TPI Bandara Depati Amir,China,120,95
2031-07,Depati Amir,RRT,130,
07/2031,Depati Amir,Jepang,,
Juni 2031,Bandara Atlantis,China,1,1`;
    const report = await runImport(t.database, { kind: 'movements', path: file(csv) });
    expect(report).toMatchObject({ status: 'committed', rows: 4, imported: 2, rejected: 2 });
    expect(report.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [4, 'arrivals', 'movement_count_missing'],
      [5, 'entryPoint', 'unknown_entry_point'],
    ]);
    const counts = await queryRows<{ month: string; direction: string; count: number; regency_code: string }>(
      t.database.orm,
      sql`
      select c.month::text as month, c.direction, c.count, c.regency_code from movement_counts c where c.origin = ${`batch:${report.batchId}`} order by 1, 2`,
    );
    // Each count takes its checkpoint's area (Depati Amir lies in Bangka Belitung, 19).
    expect(counts).toEqual([
      { month: '2031-06-01', direction: 'arrival', count: 120, regency_code: expect.stringMatching(/^19\./) },
      { month: '2031-06-01', direction: 'departure', count: 95, regency_code: expect.stringMatching(/^19\./) },
      { month: '2031-07-01', direction: 'arrival', count: 130, regency_code: expect.stringMatching(/^19\./) },
    ]);

    // The export carries them as the checkpoint's monthly figure, and a second import of the same months is refused.
    const path = join(dir, `export-${backend}.csv`);
    await pipeline(
      exportFile(t.database.orm, 'movements', 'csv', { area: '19', permit: { asOf: '2031-07-31' }, from: '2031-06-01', to: '2031-07-31' }, null, {
        personalData: false,
      }),
      createWriteStream(path),
    );
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('entry_point,month,nationality,direction,count,district_code,regency_code');
    expect(
      lines
        .slice(1)
        .filter((l) => l.includes('Depati Amir'))
        .map((l) => l.split(',').slice(1, 5).join(' ')),
    ).toEqual(['2031-06 CHN arrival 120', '2031-06 CHN departure 95', '2031-07 CHN arrival 130']);
    const again = await runImport(t.database, { kind: 'movements', path });
    expect(again.issues.filter((i) => i.code === 'already_in_pantau').length).toBe(3);
    await rollbackBatch(t.database, report.batchId!);
    expect(await n(sql`select count(*)::int as n from movement_counts where month >= '2031-06-01'`)).toBe(again.imported);
  });
});
