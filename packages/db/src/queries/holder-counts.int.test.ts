// The pre-aggregate of people (migration 0017, holder-counts.ts) against the direct count (validHolders)
// after random histories of writes: inserts, renewals, cancellations, a permit moved to another district
// or to another person, deletions, all through plain SQL so the triggers are all that keeps the counts.
// Each history is written in a transaction that is rolled back, and the whole database is compared again
// afterwards: a rollback must leave the aggregate as it was.
import fc from 'fast-check';
import { addDays, type PermitType } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { queryOne, queryRows, sql, type Executor, type SQL } from '../connect.js';
import { dayCounts, holderCountCheckDays, holderStates, oneDay, pendingStates, verifyHolderCounts } from './holder-counts.js';
import type { HolderCountRow } from './permit-stats.js';

/** A province no boundary has: the test's rows never meet the fixture's. */
const DISTRICTS = ['99.98.01', '99.98.02', '99.97.01'];
const BASE = '2024-01-20';

const permitArb = fc.record({
  person: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 5 }),
  type: fc.constantFrom<PermitType>('itas', 'itap', 'visit'),
  district: fc.integer({ min: 0, max: DISTRICTS.length - 1 }),
  start: fc.integer({ min: 0, max: 90 }),
  length: fc.integer({ min: 1, max: 70 }),
  cancelAfter: fc.option(fc.integer({ min: 0, max: 70 }), { nil: null, freq: 3 }),
});
// Applications (migration 0018: people waiting for a permit): undecided ones stay open without end.
const applicationArb = fc.record({
  person: fc.integer({ min: 0, max: 4 }),
  type: fc.constantFrom<PermitType>('itas', 'itap', 'visit'),
  district: fc.integer({ min: 0, max: DISTRICTS.length - 1 }),
  start: fc.integer({ min: 0, max: 120 }),
  length: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null, freq: 3 }),
});
const editArb = fc.oneof(
  fc.record({ kind: fc.constant('cancel' as const), permit: fc.nat(), after: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('move' as const), permit: fc.nat(), district: fc.integer({ min: 0, max: DISTRICTS.length - 1 }) }),
  fc.record({ kind: fc.constant('reassign' as const), permit: fc.nat(), person: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }) }),
  fc.record({ kind: fc.constant('delete' as const), permit: fc.nat() }),
  fc.record({ kind: fc.constant('decide' as const), application: fc.nat(), after: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }) }),
  fc.record({ kind: fc.constant('withdraw' as const), application: fc.nat() }),
);
const historyArb = fc.record({
  permits: fc.array(permitArb, { maxLength: 12 }),
  applications: fc.array(applicationArb, { maxLength: 6 }),
  edits: fc.array(editArb, { maxLength: 4 }),
  days: fc.array(fc.integer({ min: -2, max: 170 }), { minLength: 1, maxLength: 3 }),
  types: fc.option(fc.subarray<PermitType>(['itas', 'itap', 'visit'], { minLength: 1 }), { nil: undefined }),
});
type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

class Rollback extends Error {}

describe.each(testBackends())('people pre-aggregate on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** Writes the history, compares on its days (and with its type filter), rolls back; returns the mismatches. */
  async function mismatchesAfter(history: History) {
    let found: unknown[] = [];
    await t.database.orm
      .transaction(async (tx) => {
        const people: number[] = [];
        for (let person = 0; person <= 4; person++) {
          const row = await queryOne<{ id: number }>(
            tx,
            sql`insert into people (name, nationality, regency_code, province_code, origin)
          values (${`Test ${person}`}, ${person % 2 ? 'CHN' : 'KOR'}, '99.98', '99', 'demo') returning id`,
          );
          people.push(Number(row!.id));
        }
        const ids: number[] = [];
        for (const [i, p] of history.permits.entries()) {
          const district = DISTRICTS[p.district]!;
          // A person's permits share the person's nationality; an unidentified permit has its own.
          const nationality = p.person === null ? (i % 3 ? 'IND' : 'CHN') : p.person % 2 ? 'CHN' : 'KOR';
          const row = await queryOne<{ id: number }>(
            tx,
            sql`insert into permits (permit_number, permit_type, purpose, nationality, holder_name, issued_on, expires_on, cancelled_on, district_code, regency_code, province_code, origin, person_id)
          values (${`AGG-${i}`}, ${p.type}, 'work', ${nationality}, 'Test', ${addDays(BASE, p.start)}, ${addDays(BASE, p.start + p.length)},
            ${p.cancelAfter === null ? null : addDays(BASE, p.start + Math.min(p.cancelAfter, p.length))}, ${district}, ${district.slice(0, 5)}, '99', 'demo',
            ${p.person === null ? null : people[p.person]!}) returning id`,
          );
          ids.push(Number(row!.id));
        }
        const applications: number[] = [];
        for (const a of history.applications) {
          const district = DISTRICTS[a.district]!;
          const row = await queryOne<{ id: number }>(
            tx,
            sql`insert into permit_applications (person_id, permit_type, status, applied_on, decided_on, purpose, nationality, district_code, regency_code, province_code, origin)
          values (${people[a.person]!}, ${a.type}, ${a.length === null ? 'applied' : 'issued'}, ${addDays(BASE, a.start)}, ${a.length === null ? null : addDays(BASE, a.start + a.length)},
            'work', ${a.person % 2 ? 'CHN' : 'KOR'}, ${district}, ${district.slice(0, 5)}, '99', 'demo') returning id`,
          );
          applications.push(Number(row!.id));
        }
        for (const edit of history.edits) {
          if (edit.kind === 'decide' || edit.kind === 'withdraw') {
            if (applications.length === 0) continue;
            const id = applications[edit.application % applications.length]!;
            if (edit.kind === 'decide')
              await tx.execute(
                sql`update permit_applications set decided_on = ${edit.after === null ? null : sql`applied_on + ${edit.after}::int`} where id = ${id}`,
              );
            else await tx.execute(sql`delete from permit_applications where id = ${id}`);
            continue;
          }
          if (ids.length === 0) continue;
          const id = ids[edit.permit % ids.length]!;
          if (edit.kind === 'cancel') await tx.execute(sql`update permits set cancelled_on = issued_on + ${edit.after}::int where id = ${id}`);
          if (edit.kind === 'move') {
            const district = DISTRICTS[edit.district]!;
            await tx.execute(sql`update permits set district_code = ${district}, regency_code = ${district.slice(0, 5)} where id = ${id}`);
          }
          if (edit.kind === 'reassign') {
            // Moving a permit to another person keeps the one-nationality-per-person rule.
            const person = edit.person === null ? null : people[edit.person]!;
            const nationality = edit.person === null ? 'IND' : edit.person % 2 ? 'CHN' : 'KOR';
            await tx.execute(sql`update permits set person_id = ${person}, nationality = ${nationality} where id = ${id}`);
          }
          if (edit.kind === 'delete') await tx.execute(sql`delete from permits where id = ${id}`);
        }
        const days = history.days.map((d) => addDays(BASE, d));
        found = await verifyHolderCounts(tx, days, { permitTypes: history.types }, { province: '99' });
        // The one-pass reading of a day (dayCounts, behind the stats) says what holderStates and pendingStates say.
        for (const day of days) {
          const filter = { permitTypes: history.types };
          const inTest = (c: SQL) => sql`${c} like '99.%'`;
          const onePass = await queryRows<HolderCountRow & { code: string; nationality: string }>(
            tx,
            sql`
          select * from (${dayCounts({ level: 'regency', day, filter, codeCondition: inTest })}) d where total <> 0 or pending <> 0`,
          );
          const held = await queryRows<{ code: string; nationality: string; holder_type: string; people: number; permits: number }>(
            tx,
            holderStates({ level: 'regency', days: oneDay(day), filter, codeCondition: inTest }),
          );
          const waiting = await queryRows<{ code: string; pending: number }>(
            tx,
            pendingStates({ level: 'regency', days: oneDay(day), filter, codeCondition: inTest }),
          );
          const expected = new Map<
            string,
            { code: string; nationality: string; total: number; itas: number; itap: number; visit: number; permits: number; pending: number }
          >();
          for (const r of held) {
            const key = `${r.code} ${r.nationality}`;
            const e = expected.get(key) ?? { code: r.code, nationality: r.nationality, total: 0, itas: 0, itap: 0, visit: 0, permits: 0, pending: 0 };
            e.total += Number(r.people);
            e.permits += Number(r.permits);
            e[r.holder_type as 'itas' | 'itap' | 'visit'] += Number(r.people);
            expected.set(key, e);
          }
          const pendingByCode = new Map(onePass.map((r) => [r.code, 0]));
          for (const r of onePass) pendingByCode.set(r.code, pendingByCode.get(r.code)! + Number(r.pending));
          const byKey = (a: { code: string; nationality: string }, b: { code: string; nationality: string }) =>
            `${a.code} ${a.nationality}` < `${b.code} ${b.nationality}` ? -1 : 1;
          expect(
            onePass
              .filter((r) => Number(r.total) !== 0)
              .map((r) => ({ ...r, pending: 0 }))
              .sort(byKey),
          ).toEqual([...expected.values()].sort(byKey));
          expect(Object.fromEntries([...pendingByCode].filter(([, n]) => n !== 0))).toEqual(
            Object.fromEntries(waiting.map((r) => [r.code, Number(r.pending)])),
          );
        }
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return found;
  }

  test('after any history of writes, the aggregate equals the direct count at every level, by nationality and type, and so do the people waiting', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        expect(await mismatchesAfter(history)).toEqual([]);
      }),
      { numRuns: 30, seed: 25 },
    );
  });

  test('the fixture database agrees with the direct count at the nation level, after the rolled-back histories too', async () => {
    const days = await holderCountCheckDays(t.database.orm, 6);
    expect(days.length).toBe(6);
    expect(await verifyHolderCounts(t.database.orm, days, {}, { levels: ['nation', 'province'] })).toEqual([]);
    const people = await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from holder_spans where holder > 0`);
    expect(Number(people!.n)).toBeGreaterThan(0);
  });

  test('committed writes move the counts at commit, one statement at a time or many, and leave nothing queued', async () => {
    const db = t.database.orm;
    const person = await queryOne<{ id: number }>(
      db,
      sql`insert into people (name, nationality, regency_code, province_code, origin)
      values ('Commit Test', 'JPN', '99.96', '99', 'demo') returning id`,
    );
    const id = Number(person!.id);
    const insert = (
      n: number,
      type: string,
      from: string,
      to: string,
    ) => sql`insert into permits (permit_number, permit_type, purpose, nationality, holder_name, issued_on, expires_on, district_code, regency_code, province_code, origin, person_id)
      values (${`COMMIT-${n}`}, ${type}, 'work', 'JPN', 'Commit Test', ${from}, ${to}, '99.96.01', '99.96', '99', 'demo', ${id})`;
    const peopleIn9996 = async (day: string) =>
      Number(
        (await queryOne<{ n: number }>(
          db,
          sql`
      select coalesce(sum(s.people), 0)::int as n from (${holderStates({ level: 'regency', days: oneDay(day), filter: {}, codeCondition: (c) => sql`${c} = '99.96'` })}) s`,
        ))!.n,
      );
    // Outside a transaction: each statement commits by itself.
    await db.execute(insert(1, 'itas', '2024-01-01', '2025-01-01'));
    expect(await peopleIn9996('2024-06-01')).toBe(1);
    // Two more permits of the same person in one transaction: still one person.
    await db.transaction(async (tx) => {
      await tx.execute(insert(2, 'itap', '2024-05-01', '2029-05-01'));
      await tx.execute(insert(3, 'visit', '2024-05-15', '2024-07-01'));
    });
    expect(await peopleIn9996('2024-06-01')).toBe(1);
    expect(await peopleIn9996('2026-01-01')).toBe(1);
    await db.execute(sql`update permits set cancelled_on = '2025-06-01' where permit_number = 'COMMIT-2'`);
    expect(await peopleIn9996('2025-05-31')).toBe(1);
    expect(await peopleIn9996('2025-06-01')).toBe(0);
    expect(await verifyHolderCounts(db, ['2024-04-01', '2024-06-01', '2025-05-31', '2025-06-01'], {}, { province: '99' })).toEqual([]);
    await db.execute(sql`delete from permits where person_id = ${id}`);
    expect(await peopleIn9996('2024-06-01')).toBe(0);
    const queued = await queryOne<{ n: number }>(db, sql`select (select count(*) from holder_refresh_queue) + (select count(*) from holder_refresh_due) as n`);
    expect(Number(queued!.n)).toBe(0);
  });

  test('on every day around a weekly checkpoint the count equals the direct count, and checkpoints fall on Mondays and never hold zeros', async () => {
    let found: unknown[] = ['not run'];
    let stray: number | null = null;
    await t.database.orm
      .transaction(async (tx) => {
        const person = await queryOne<{ id: number }>(
          tx,
          sql`insert into people (name, nationality, regency_code, province_code, origin)
        values ('Week Test', 'KOR', '99.98', '99', 'demo') returning id`,
        );
        const permit = (n: number, type: PermitType, personId: number | null, from: string, to: string) =>
          tx.execute(sql`insert into permits (permit_number, permit_type, purpose, nationality, holder_name, issued_on, expires_on, district_code, regency_code, province_code, origin, person_id)
          values (${`WEEK-${n}`}, ${type}, 'work', 'KOR', 'Week Test', ${from}, ${to}, '99.98.01', '99.98', '99', 'demo', ${personId})`);
        // 2024-03-04 and 2024-03-11 are Mondays: permits start and end on the Sunday, Monday and Tuesday around them.
        const id = Number(person!.id);
        await permit(1, 'itas', id, '2024-03-03', '2024-03-11');
        await permit(2, 'itap', id, '2024-03-04', '2024-03-12');
        await permit(3, 'visit', null, '2024-03-05', '2024-03-10');
        await permit(4, 'visit', null, '2024-03-11', '2024-03-12');
        const days = Array.from({ length: 16 }, (_, i) => addDays('2024-02-29', i));
        found = await verifyHolderCounts(tx, days, {}, { province: '99' });
        // Taking spans away brings checkpoint rows back to zero: they must go, not stay as zeros.
        await tx.execute(sql`update permits set cancelled_on = '2024-03-05' where permit_number = 'WEEK-2'`);
        found.push(...(await verifyHolderCounts(tx, days, {}, { province: '99' })));
        await tx.execute(sql`delete from permits where permit_number like 'WEEK-%'`);
        found.push(...(await verifyHolderCounts(tx, days, {}, { province: '99' })));
        const row = await queryOne<{ n: number }>(
          tx,
          sql`select count(*)::int as n from holder_count_checkpoints
          where extract(isodow from day) <> 1 or (people = 0 and permits_visit = 0 and permits_itas = 0 and permits_itap = 0)`,
        );
        stray = Number(row!.n);
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(found).toEqual([]);
    expect(stray).toBe(0);
  });

  test('a write by the scoped application role still keeps the counts exact (the triggers read every permit of the holder)', async () => {
    // The same person holds an ITAP in 99.97 and then gets an ITAS in 99.98: the ITAS is written by a role
    // that only sees 99.98, yet the person still counts once nationally, under ITAP. Ends in that role.
    const itasWrittenByScopedRole = async (tx: Executor) => {
      const person = await queryOne<{ id: number }>(
        tx,
        sql`insert into people (name, nationality, regency_code, province_code, origin)
      values ('Scope Test', 'CHN', '99.98', '99', 'demo') returning id`,
      );
      await tx.execute(sql`insert into permits (permit_number, permit_type, purpose, nationality, holder_name, issued_on, expires_on, district_code, regency_code, province_code, origin, person_id)
      values ('SCOPE-1', 'itap', 'work', 'CHN', 'Scope Test', '2024-01-01', '2026-01-01', '99.97.01', '99.97', '99', 'demo', ${Number(person!.id)})`);
      await tx.execute(sql`select set_config('pantau.scope', '99.98', true)`);
      await tx.execute(sql`set local role pantau_app`);
      await tx.execute(sql`insert into permits (permit_number, permit_type, purpose, nationality, holder_name, issued_on, expires_on, district_code, regency_code, province_code, origin, person_id)
      values ('SCOPE-2', 'itas', 'work', 'CHN', 'Scope Test', '2024-03-01', '2025-03-01', '99.98.01', '99.98', '99', 'demo', ${Number(person!.id)})`);
    };
    let found: unknown[] = ['not run'];
    await t.database.orm
      .transaction(async (tx) => {
        await itasWrittenByScopedRole(tx);
        // The scoped role may read its areas' counts but not write them.
        await expect(tx.execute(sql`delete from holder_count_changes`)).rejects.toThrow();
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    await t.database.orm
      .transaction(async (tx) => {
        await itasWrittenByScopedRole(tx);
        await tx.execute(sql`reset role`);
        found = await verifyHolderCounts(tx, ['2024-06-01'], {}, { province: '99' });
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(found).toEqual([]);
  });
});
