// The one count definition against the brute-force count of @pantau/domain, on random person histories:
// renewals, conversions, overlapping permits, cancellations, permits of nobody identified, applications.
import fc from 'fast-check';
import { addDays, countHolders, type CountedApplication, type CountedPermit, type PermitType } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { queryOne, queryRows, sql } from '../connect.js';
import { holderTotals, pendingPeople, validHolders } from './people-count.js';

/** A regency code no boundary has: the test's rows never meet the fixture's. */
const AREA = '99.98';
const BASE = '2024-01-01';

const permitArb = fc.record({
  person: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 5 }),
  type: fc.constantFrom<PermitType>('itas', 'itap', 'visit'),
  start: fc.integer({ min: 0, max: 60 }),
  length: fc.integer({ min: 1, max: 40 }),
  cancelAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 3 }),
});
const applicationArb = fc.record({
  person: fc.integer({ min: 0, max: 5 }),
  start: fc.integer({ min: 0, max: 60 }),
  length: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
});
const historyArb = fc.record({
  permits: fc.array(permitArb, { maxLength: 14 }),
  applications: fc.array(applicationArb, { maxLength: 5 }),
  days: fc.array(fc.integer({ min: -2, max: 105 }), { minLength: 1, maxLength: 4 }),
});

interface History {
  permits: Array<{ person: number | null; type: PermitType; start: number; length: number; cancelAfter: number | null }>;
  applications: Array<{ person: number; start: number; length: number | null }>;
  days: number[];
}

class Rollback extends Error {}

describe.each(testBackends())('holder counts on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** Writes the history, counts each day in SQL, rolls back; returns the SQL counts beside the brute-force ones. */
  async function bothCounts(history: History) {
    const permits: CountedPermit[] = history.permits.map((p) => ({
      holder: p.person === null ? null : String(p.person),
      permitType: p.type,
      issuedOn: addDays(BASE, p.start),
      expiresOn: addDays(BASE, p.start + p.length),
      cancelledOn: p.cancelAfter === null ? null : addDays(BASE, p.start + Math.min(p.cancelAfter, p.length)),
    }));
    const applications: CountedApplication[] = history.applications.map((a) => ({
      holder: String(a.person),
      appliedOn: addDays(BASE, a.start),
      decidedOn: a.length === null ? null : addDays(BASE, a.start + a.length),
    }));
    const out: Array<{ sql: unknown; brute: unknown }> = [];
    await t.database.orm
      .transaction(async (tx) => {
        const ids = new Map<string, number>();
        for (let person = 0; person <= 5; person++) {
          const row = await queryOne<{ id: number }>(
            tx,
            sql`insert into people (name, nationality, regency_code, province_code, origin)
          values (${`Test ${person}`}, 'CHN', ${AREA}, '99', 'demo') returning id`,
          );
          ids.set(String(person), Number(row!.id));
        }
        for (const [i, p] of permits.entries()) {
          await tx.execute(sql`insert into permits (permit_number, permit_type, purpose, nationality, holder_name, issued_on, expires_on, cancelled_on, regency_code, province_code, origin, person_id)
          values (${`TEST-${i}`}, ${p.permitType}, 'work', 'CHN', 'Test', ${p.issuedOn}, ${p.expiresOn}, ${p.cancelledOn}, ${AREA}, '99', 'demo', ${p.holder === null ? null : ids.get(p.holder)!})`);
        }
        for (const a of applications) {
          await tx.execute(sql`insert into permit_applications (person_id, permit_type, status, applied_on, decided_on, nationality, regency_code, province_code, origin)
          values (${ids.get(a.holder)!}, 'itas', ${a.decidedOn === null ? 'applied' : 'issued'}, ${a.appliedOn}, ${a.decidedOn}, 'CHN', ${AREA}, '99', 'demo')`);
        }
        for (const offset of history.days) {
          const day = addDays(BASE, offset);
          const [counted] = await queryRows<Record<string, number>>(
            tx,
            sql`
          select ${holderTotals('h')} from (${validHolders({ day: sql`${day}::date`, filter: {}, where: sql`p.regency_code = ${AREA}` })}) h`,
          );
          const waiting = await queryOne<{ n: number }>(
            tx,
            sql`select count(*)::int as n from (${pendingPeople({ day: sql`${day}::date`, filter: {}, where: sql`a.regency_code = ${AREA}` })}) w`,
          );
          const c = counted!;
          out.push({
            sql: {
              total: Number(c.total),
              itas: Number(c.itas),
              itap: Number(c.itap),
              visit: Number(c.visit),
              permits: Number(c.permits ?? 0),
              pending: Number(waiting!.n),
            },
            brute: countHolders(permits, applications, day),
          });
        }
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return out;
  }

  test('on any day, the SQL count of people, permits and pending people equals the brute-force count', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        for (const { sql: counted, brute } of await bothCounts(history)) expect(counted).toEqual(brute);
      }),
      { numRuns: 40, seed: 20 },
    );
  });

  test('people never outnumber permits, and equal them when nobody holds two permits at once', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        for (const { sql: counted } of await bothCounts(history)) {
          const c = counted as { total: number; permits: number };
          expect(c.total).toBeLessThanOrEqual(c.permits);
        }
        // One permit per person (and unidentified ones): no overlaps possible, so people = permits.
        const single = { ...history, permits: history.permits.map((p, i) => ({ ...p, person: p.person === null ? null : i })) } as History;
        const counts = await bothCounts({ ...single, permits: single.permits.filter((p) => p.person === null || p.person <= 5) });
        for (const { sql: counted } of counts) {
          const c = counted as { total: number; permits: number };
          expect(c.total).toBe(c.permits);
        }
      }),
      { numRuns: 25, seed: 21 },
    );
  });
});
