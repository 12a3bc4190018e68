// `pnpm bench fuzz-imports`: the import fuzz of data/src/import/import.int.test.ts at full count (issue 24),
// on an embedded copy of the test fixture (committed batches are rolled back; the copy is thrown away).
// Prints the files by format, how many came back with a report or an explained refusal, and every
// finding (crash, partial batch, file without a report) with its seed and index, so one can be rebuilt alone.
import { readFileSync } from 'node:fs';
import { connect } from '@pantau/db';
import { ensurePgliteFixture } from '../test/fixture.js';
import { describeFuzzFinding, fuzzImports } from '../test/fuzz-imports.js';

export async function benchFuzzImports(options: { seed: number; count: number }): Promise<number> {
  console.log(`fuzz-imports: ${options.count} generated files, seed ${options.seed}, on an embedded copy of the test fixture (built on first run)…`);
  const dump = await ensurePgliteFixture((line) => console.log(`  ${line}`));
  const database = await connect({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([readFileSync(dump)]) });
  try {
    const started = Date.now();
    const run = await fuzzImports({
      database,
      seed: options.seed,
      count: options.count,
      onProgress: (done, sofar) => {
        if (done % 500 === 0) console.log(`  ${done} files (${Math.round((Date.now() - started) / 1000)} s, ${sofar.findings.length} findings)`);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    const count = (what: string) => run.findings.filter((f) => f.what === what).length;
    console.log(
      `  files: ${run.files} (${Object.entries(run.byFormat)
        .map(([format, n]) => `${format} ${n}`)
        .join(', ')}) in ${Math.round(seconds)} s, ${(run.files / seconds).toFixed(1)} files/s`,
    );
    console.log(`  with a report: ${run.reported} (${run.rowsRead} rows read); refused with an explained error: ${run.refused}`);
    console.log(`  crashes: ${count('crash')}  partial batches: ${count('partial batch')}  files without a report: ${count('no report')}`);
    for (const finding of run.findings.slice(0, 50)) console.log(`    ${describeFuzzFinding(options.seed, finding)}`);
    return run.findings.length;
  } finally {
    await database.close();
  }
}
