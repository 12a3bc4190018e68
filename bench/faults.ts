// `pnpm bench faults` (issue 26): the fault tests of apps/api/src/faults.int.test.ts at full count,
// 20 cycles each unless --cycles=N: PostgreSQL killed (kill -9 of a private cluster's postmaster) under
// writes from several clients, and the embedded database's process killed in the middle of an import.
// Prints cycles, writes acknowledged and found, half-written batches and recovery times; exits non-zero
// when a write is lost, a batch is half-written, or an answer was neither 2xx nor 503 with Retry-After.
import { readFileSync } from 'node:fs';
import { ensurePgliteFixture } from '../test/fixture.js';
import { killEmbeddedMidImport, killPostgresUnderWrites } from '../test/faults.js';
import { canStartPrivateCluster } from '../test/private-cluster.js';
import { recordFigure } from './results.js';

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
const ms = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { median: at(0.5), max: Math.round(sorted.at(-1) ?? 0) };
};

export async function benchFaults(options: { cycles: number }): Promise<number> {
  let findings = 0;
  if (!canStartPrivateCluster) console.log('faults: PostgreSQL 15 programs not found (/usr/lib/postgresql/15/bin): the server fault is not run');
  else {
    console.log(`faults: PostgreSQL killed (kill -9) under writes, ${options.cycles} cycles, on a private cluster…`);
    const r = await killPostgresUnderWrites({ cycles: options.cycles, log: (line) => console.log(`  ${line}`) });
    const recovery = ms(r.recoveryMs);
    const firstWrite = ms(r.firstWriteMs);
    const lost = sum(r.acknowledged) - sum(r.found);
    console.log(`  cycles: ${r.cycles}`);
    console.log(
      `  writes acknowledged: ${sum(r.acknowledged)} (${Object.entries(r.acknowledged)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    );
    console.log(
      `  writes found: ${sum(r.found)} (${Object.entries(r.found)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    );
    console.log(`  imports: ${r.importsDone} done and checked row by row, ${r.importsFailed} failed by a kill, ${r.importsStuck.length} left open`);
    console.log(`  batches half-written: ${r.halfWrittenBatches.length}`);
    console.log(`  answers: ${r.answers.ok} 2xx, ${r.answers.unavailable} 503 with Retry-After, ${r.answers.unexpected.length} other (500, hang, no answer)`);
    console.log(
      `  recovery, database accepting again → API health 200: median ${recovery.median} ms, max ${recovery.max} ms; → first write 2xx: median ${firstWrite.median} ms, max ${firstWrite.max} ms`,
    );
    console.log(`  same API process throughout, serving after the last cycle: ${r.sameProcess ? 'yes' : 'NO'}`);
    for (const line of [
      ...r.missing,
      ...r.halfWrittenBatches,
      ...r.answers.unexpected.slice(0, 20),
      ...r.importsStuck.map((id) => `import job ${id} left open`),
    ])
      console.log(`  ! ${line}`);
    findings += lost + r.missing.length + r.halfWrittenBatches.length + r.answers.unexpected.length + r.importsStuck.length + (r.sameProcess ? 0 : 1);
    recordFigure({ bench: 'faults', name: 'server: writes acknowledged', value: sum(r.acknowledged), unit: 'writes' });
    recordFigure({ bench: 'faults', name: 'server: acknowledged writes lost', value: lost, unit: 'writes', target: { max: 0 } });
    recordFigure({ bench: 'faults', name: 'server: batches half-written', value: r.halfWrittenBatches.length, unit: 'batches', target: { max: 0 } });
    recordFigure({ bench: 'faults', name: 'server: max recovery to health 200', value: recovery.max, unit: 'ms' });
  }

  console.log(
    `faults: the embedded database's process killed (SIGKILL) mid-import, ${options.cycles} cycles, on a copy of the test fixture (built on first run)…`,
  );
  const fixture = new Blob([readFileSync(await ensurePgliteFixture((line) => console.log(`  ${line}`)))]);
  const e = await killEmbeddedMidImport({ cycles: options.cycles, fixture, log: (line) => console.log(`  ${line}`) });
  const reopen = ms(e.reopenMs);
  console.log(
    `  cycles: ${e.cycles}, killed mid-import: ${e.killedMidImport}, killed after the import committed: ${e.committedBeforeKill}, import partly there: ${e.partialBatches.length}, folder opened again: ${e.reopened}`,
  );
  console.log(`  rows of killed batches found: ${e.killedRowsFound}; batches half-written: ${e.halfWrittenBatches.length}`);
  console.log(
    `  earlier data: counts changed in ${e.countChanges.length} cycles; imports committed before a kill ${e.committedImports}, found whole ${e.committedImportsFound}`,
  );
  console.log(`  people pre-aggregate against the direct count: ${e.aggregateMismatches} mismatches`);
  console.log(`  reopening the folder after the kill: median ${reopen.median} ms, max ${reopen.max} ms`);
  for (const line of [...e.halfWrittenBatches, ...e.countChanges, ...e.partialBatches]) console.log(`  ! ${line}`);
  findings +=
    e.cycles -
    e.reopened +
    e.killedRowsFound +
    e.halfWrittenBatches.length +
    e.countChanges.length +
    e.aggregateMismatches +
    (e.committedImports - e.committedImportsFound);
  recordFigure({ bench: 'faults', name: 'embedded: rows of killed batches found', value: e.killedRowsFound, unit: 'rows', target: { max: 0 } });
  recordFigure({ bench: 'faults', name: 'embedded: max reopen after kill', value: reopen.max, unit: 'ms' });
  return findings;
}
