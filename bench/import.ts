// Issue 6: importing 100,000 permit rows from a CSV through runImport (read, map, normalise, check,
// write by COPY) against a bare COPY of the same rows into a scratch table of the same shape, in the
// same run on the same server; and the same import on embedded PGlite. Everything written is removed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyIn, copyText, importBatches, queryRows, sql, type BulkColumn, type Database } from '@pantau/db';
import { Random, rollbackBatch, runImport } from '@pantau/data';
import postgres from 'postgres';

const NATIONALITIES = [
  ['CHN', 'Tiongkok'],
  ['JPN', 'Jepang'],
  ['KOR', 'Korea Selatan'],
  ['AUS', 'Australia'],
  ['IND', 'India'],
  ['USA', 'Amerika Serikat'],
  ['MYS', 'Malaysia'],
  ['PHL', 'Filipina'],
] as const;
const TYPES = [
  ['itas', 'ITAS'],
  ['itas', 'KITAS'],
  ['itap', 'ITAP'],
  ['visit', 'Visa Kunjungan'],
] as const;
const PURPOSES = [
  ['work', 'Bekerja'],
  ['family', 'Keluarga'],
  ['investment', 'Investasi'],
  ['study', 'Studi'],
  ['retirement', 'Lansia'],
] as const;

const COLUMNS: readonly BulkColumn[] = [
  'permit_number',
  'permit_type',
  'purpose',
  'nationality',
  'sex',
  'holder_name',
  'issued_on',
  'expires_on',
  'district_code',
  'regency_code',
  'province_code',
  'origin',
].map((name) => ({ name, type: 'text' }));

const pad = (n: number) => String(n).padStart(2, '0');
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const perSecond = (n: number) => `${n.toLocaleString('en-US')} rows/s`;

export interface BenchFile {
  path: string;
  dir: string;
  rows: Array<Record<string, string | null>>;
}

/**
 * A permit list as an immigration office exports it (semicolon CSV with a BOM, Indonesian headers and
 * spellings, dd/mm/yyyy dates), deterministic from the seed, and the rows as Pantau stores them.
 */
export async function permitFile(database: Database, count: number, seed: number): Promise<BenchFile> {
  const districts = (await queryRows<{ code: string }>(database.orm, sql`select code from areas where level = 'district' order by code`)).map((r) => r.code);
  const random = new Random(seed);
  const lines = ['No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Jenis Kelamin;Tujuan;Tgl Terbit;Tgl Berakhir;Kode Kecamatan;Kode Kabupaten'];
  const rows: BenchFile['rows'] = [];
  for (let i = 1; i <= count; i++) {
    const [type, typeText] = random.pick(TYPES);
    const [nationality, nationalityText] = random.pick(NATIONALITIES);
    const [purpose, purposeText] = random.pick(PURPOSES);
    const district = random.pick(districts);
    const year = random.int(2019, 2025);
    const [month, day] = [random.int(1, 12), random.int(1, 28)];
    const sex = random.chance(0.8) ? 'male' : 'female';
    const number = `BENCH-${seed}-${String(i).padStart(7, '0')}`;
    const name = `WNA ${i}`;
    lines.push(
      [
        number,
        typeText,
        name,
        random.chance(0.5) ? nationality : nationalityText,
        sex === 'male' ? 'L' : 'P',
        purposeText,
        `${pad(day)}/${pad(month)}/${year}`,
        `${pad(day)}/${pad(month)}/${year + 1}`,
        district,
        district.slice(0, 5),
      ].join(';'),
    );
    rows.push({
      permit_number: number,
      permit_type: type,
      purpose,
      nationality,
      sex,
      holder_name: name,
      issued_on: `${year}-${pad(month)}-${pad(day)}`,
      expires_on: `${year + 1}-${pad(month)}-${pad(day)}`,
      district_code: district,
      regency_code: district.slice(0, 5),
      province_code: district.slice(0, 2),
      origin: 'demo',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-import-'));
  const path = join(dir, `permits-${count}.csv`);
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
  return { path, dir, rows };
}

/**
 * Dead rows left by earlier rounds (each rolled back or deleted with the same permit numbers) would make
 * every later write check the unique index against them: each timed write into permits starts clean.
 */
async function vacuumPermits(database: Database): Promise<void> {
  await database.orm.execute(sql`vacuum permits`);
}

/** One import of the file, timed; then the batch is rolled back and its record removed. */
async function timedImport(database: Database, file: BenchFile): Promise<number> {
  await vacuumPermits(database);
  const started = performance.now();
  const report = await runImport(database, { kind: 'permits', path: file.path });
  const elapsed = performance.now() - started;
  if (report.imported !== file.rows.length)
    throw new Error(`bench import: ${report.imported} of ${file.rows.length} rows imported (${report.issues[0]?.reason ?? 'no issue reported'})`);
  await rollbackBatch(database, report.batchId!);
  await database.orm.delete(importBatches).where(sql`id = ${report.batchId}::uuid`);
  return elapsed;
}

/**
 * The baseline: COPY of the already-normalised rows into a scratch table shaped like permits (its
 * columns, constraints and indexes; written to the WAL like permits), in a transaction rolled back.
 * With `into: 'permits'`, the same COPY into the permits table itself (its 1.2 M rows and their
 * indexes: what the import must write into), also rolled back.
 */
async function timedCopy(url: string, file: BenchFile, into: 'scratch' | 'permits' = 'scratch'): Promise<number> {
  const chunks = [...copyText(COLUMNS, file.rows)];
  const client = postgres(url, { max: 1, onnotice: () => {} });
  let elapsed = 0;
  try {
    await client
      .begin(async (tx) => {
        if (into === 'scratch') await tx`create table pantau_bench_copy (like permits including defaults including constraints including indexes)`;
        const started = performance.now();
        await copyIn(tx, into === 'scratch' ? 'pantau_bench_copy' : 'permits', COLUMNS, chunks);
        elapsed = performance.now() - started;
        throw new RollBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      });
  } finally {
    await client.end();
  }
  return elapsed;
}
class RollBack extends Error {}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * On the server: `rounds` imports and bare COPYs, alternated so that noise hits both alike; medians.
 * `embedded` (optional) opens a PGlite database with boundaries for one import there.
 */
export async function benchImport(
  database: Database,
  options: { rows: number; rounds: number; serverUrl?: string; embedded?: () => Promise<Database> },
): Promise<void> {
  const file = await permitFile(database, options.rows, 6);
  try {
    console.log(`import of ${options.rows.toLocaleString('en-US')} permit rows (semicolon CSV, Indonesian headers, dd/mm/yyyy dates) through runImport`);
    if (database.kind === 'postgres' && options.serverUrl) {
      const imports: number[] = [];
      const copies: number[] = [];
      const copiesIntoPermits: number[] = [];
      const copy = async () => {
        copies.push(await timedCopy(options.serverUrl!, file));
        await vacuumPermits(database);
        copiesIntoPermits.push(await timedCopy(options.serverUrl!, file, 'permits'));
      };
      await timedCopy(options.serverUrl, file); // warm-up: the table's pages and indexes in cache, like the import's
      for (let i = 0; i < options.rounds; i++) {
        if (i % 2 === 0) {
          imports.push(await timedImport(database, file));
          await copy();
        } else {
          await copy();
          imports.push(await timedImport(database, file));
        }
      }
      const importRate = rate(options.rows, median(imports));
      const copyRate = rate(options.rows, median(copies));
      const copyIntoPermitsRate = rate(options.rows, median(copiesIntoPermits));
      console.log(`  bare COPY into a scratch permits table   ${perSecond(copyRate)}  (median of ${options.rounds})`);
      console.log(`  bare COPY into permits itself           ${perSecond(copyIntoPermitsRate)}  (median of ${options.rounds}; its existing rows and indexes)`);
      console.log(`  runImport on the server (COPY)          ${perSecond(importRate)}  (median of ${options.rounds})`);
      console.log(
        `  ratio                                   ${(importRate / copyRate).toFixed(2)}× COPY's rate (target ≥ 0.70×); ${(importRate / copyIntoPermitsRate).toFixed(2)}× the COPY into permits`,
      );
    }
    const embedded = database.kind === 'pglite' ? database : await options.embedded?.();
    if (embedded) {
      try {
        console.log(`  runImport on PGlite (jsonb INSERT)      ${perSecond(rate(options.rows, await timedImport(embedded, file)))}`);
      } finally {
        if (embedded !== database) await embedded.close();
      }
    }
    if (database.kind === 'pglite') console.log('  (the ratio to a bare COPY needs the server backend: set DATABASE_URL)');
  } finally {
    rmSync(file.dir, { recursive: true, force: true });
  }
}
