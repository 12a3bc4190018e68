// A server connection lost in the middle of a transaction (the backend killed, as when PostgreSQL is
// killed or restarted): the transaction fails with a connection error the app answers 503, the
// process lives on, and the pool serves the next query. postgres.js 3.4.9 threw from a timer instead
// (porsager/postgres#1154, #1208: `socket.write` on a closed connection's null socket, when the
// transaction's ROLLBACK is written) and kept a FATAL error to fail the reconnected connection's first
// query with: both fixed by patches/postgres@3.4.9.patch.
import { describe, expect, inject, test } from 'vitest';
import { openFixtureDatabase } from '../../../test/backends.js';
import { queryOne, sql } from './connect.js';

describe.skipIf(!inject('databaseUrl'))('a server connection lost in a transaction', () => {
  test('the transaction fails with a connection error, nothing escapes, and the pool serves again', async () => {
    const t = await openFixtureDatabase('postgres');
    const escaped: unknown[] = [];
    const onEscape = (error: unknown) => escaped.push(error);
    process.on('uncaughtException', onEscape);
    process.on('unhandledRejection', onEscape);
    try {
      for (let round = 0; round < 3; round++) {
        const failed = await t.database.orm
          .transaction(async (tx) => {
            await tx.execute(sql`select 1`);
            await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
          })
          .then(
            () => undefined,
            (error: unknown) => error as { code?: string; cause?: { code?: string } },
          );
        expect(failed, 'the transaction must fail').toBeDefined();
        expect([failed!.code, failed!.cause?.code]).toEqual(expect.arrayContaining([expect.stringMatching(/^(CONNECTION_CLOSED|57P01)$/)]));
        // The ROLLBACK written after the loss was due on the next turn of the event loop.
        await new Promise((r) => setTimeout(r, 200));
        expect(escaped).toEqual([]);
        expect(await queryOne<{ answer: number }>(t.database.orm, sql`select 42 as answer`)).toEqual({ answer: 42 });
      }
    } finally {
      process.off('uncaughtException', onEscape);
      process.off('unhandledRejection', onEscape);
      await t.dispose();
    }
  });
});
