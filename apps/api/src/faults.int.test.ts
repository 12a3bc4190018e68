// Faults (issue 26), with few cycles here; `pnpm bench faults` runs 20 of each (test/faults.ts).
// 1. A private PostgreSQL cluster killed with SIGKILL (the postmaster) under writes from several
//    clients through one real API process, and restarted: every write answered 2xx is found, no import
//    batch is half-written, the same process serves again, and while the database is away the answers
//    are 503 with Retry-After, never a 500 or a hang.
// 2. An API process on the embedded database killed with SIGKILL in the middle of an import: the data
//    folder opens again, without the batch, with the earlier data as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { killEmbeddedMidImport, killPostgresUnderWrites } from '../../../test/faults.js';
import { canStartPrivateCluster } from '../../../test/private-cluster.js';

const POSTGRES_CYCLES = 3;
const EMBEDDED_CYCLES = 3;

describe('faults', () => {
  // Needs PostgreSQL 15's programs to start a cluster of its own (never the shared one): skipped without them.
  test.skipIf(!canStartPrivateCluster)(
    `PostgreSQL killed (kill -9) under writes and restarted, ${POSTGRES_CYCLES} times: every acknowledged write is there, no batch half-written, the same API serves again`,
    async () => {
      const result = await killPostgresUnderWrites({ cycles: POSTGRES_CYCLES });
      expect(result.answers.unexpected, 'answers other than 2xx or 503 with Retry-After').toEqual([]);
      expect(result.missing).toEqual([]);
      expect(result.found).toEqual(result.acknowledged);
      // Every kind of write was acknowledged at least once, so each was checked.
      for (const [kind, count] of Object.entries(result.acknowledged)) expect(count, kind).toBeGreaterThan(0);
      // The outage was met: some requests were answered 503 while the database was away.
      expect(result.answers.unavailable).toBeGreaterThan(0);
      expect(result.halfWrittenBatches).toEqual([]);
      expect(result.importsStuck).toEqual([]);
      expect(result.recoveryMs).toHaveLength(POSTGRES_CYCLES);
      expect(result.sameProcess).toBe(true);
    },
    600_000,
  );

  test(`the embedded database's process killed (SIGKILL) in the middle of an import, ${EMBEDDED_CYCLES} times: the folder opens, the batch is absent, earlier data intact`, async () => {
    const result = await killEmbeddedMidImport({ cycles: EMBEDDED_CYCLES, fixture: new Blob([readFileSync(inject('pgliteFixture'))]) });
    // Each kill came mid-import (none of its rows there) or, on a loaded machine, after its commit (all of them); never a part.
    expect(result.partialBatches).toEqual([]);
    expect(result.killedMidImport + result.committedBeforeKill).toBe(EMBEDDED_CYCLES);
    expect(result.killedMidImport).toBeGreaterThan(0);
    expect(result.reopened).toBe(EMBEDDED_CYCLES);
    expect(result.killedRowsFound).toBe(0);
    expect(result.halfWrittenBatches).toEqual([]);
    expect(result.countChanges).toEqual([]);
    expect(result.aggregateMismatches).toBe(0);
    expect(result.committedImports).toBeGreaterThan(0);
    expect(result.committedImportsFound).toBe(result.committedImports);
  }, 600_000);
});
