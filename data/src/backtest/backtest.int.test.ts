// The backtest on the fixture's demo data, on each backend: the tallies must account for every checked
// target of the window exactly once per ranking, and agree with the database's own counts; a fact dated
// after the ranked day must not move that day's ranking; with nothing to replay it says so.
import { NATIONAL_SCOPE } from '@pantau/domain';
import { queryOne, queryRows, sql, type Orm } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { SYSTEM_ACTOR } from '../accounts/users.js';
import { changeReportStatus, recordReport, type ReportContext } from '../reports/reports.js';
import { writeOperations } from '../write/write-operations.js';
import { writePermits } from '../write/write-permits.js';
import { NothingToReplayError, rankingsOn, runBacktest, type Tally } from './backtest.js';
import { metricsAt } from './metrics.js';
import { DEFAULT_RANKINGS } from './rankings.js';

describe.each(testBackends())('backtest on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('a year replayed: every checked target counted once per ranking, findings as the database counts them', async () => {
    const { total, byYear, pools } = await runBacktest(t.database, { from: '2024-01-01', to: '2024-12-31', k: 10, log: () => {} });
    const db = await queryOne<{ checked: number; findings: number }>(
      t.database.orm,
      sql`
      select count(*)::int as checked, count(*) filter (where t.violations > 0)::int as findings
      from operation_targets t join operations o on o.id = t.operation_id
      where o.date between '2024-01-01' and '2024-12-31' and (t.company_site_id is not null or t.district_code is not null)`,
    );
    expect(Number(db?.checked)).toBeGreaterThan(0);
    expect(total.findings).toBe(Number(db?.findings));
    const { scoreTop, scoreRest, holdersTop, holdersRest } = total.rates;
    expect(scoreTop.checked + scoreRest.checked).toBe(Number(db?.checked));
    expect(holdersTop.checked + holdersRest.checked).toBe(Number(db?.checked));
    expect(scoreTop.violations + scoreRest.violations).toBe(total.findings);
    expect(holdersTop.violations + holdersRest.violations).toBe(total.findings);
    expect(total.score).toBe(scoreTop.violations);
    expect(total.baseline).toBe(holdersTop.violations);
    expect(total.chance).toBeGreaterThanOrEqual(0);
    expect(total.chance).toBeLessThanOrEqual(total.findings);
    expect([...byYear.keys()]).toEqual(['2024']);
    expect(byYear.get('2024')).toEqual(total);

    // Every checked target has a rank (or null) under each default ranking, and the metrics split the
    // year's findings between the headline pools and the small ones.
    expect(pools.reduce((a, p) => a + p.targets.length, 0)).toBe(Number(db?.checked));
    for (const p of pools)
      for (const target of p.targets) {
        expect(Object.keys(target.ranks).sort()).toEqual([...DEFAULT_RANKINGS].sort());
        for (const rank of Object.values(target.ranks)) if (rank !== null) expect(rank).toBeLessThanOrEqual(p.poolSize);
      }
    const m = metricsAt(pools, 10, DEFAULT_RANKINGS, 'holders', 200);
    expect(m.headline.findings + m.smallPools.findings).toBe(total.findings);
    const [score, holders] = [m.rankings.find((r) => r.ranking === 'score')!, m.rankings.find((r) => r.ranking === 'holders')!];
    // A small pool's findings at a candidate are in every top 10, so the headline hits are the tallies less them.
    expect(score.hits + m.smallPools.hits).toBe(total.score);
    expect(holders.hits + m.smallPools.hits).toBe(total.baseline);
  });

  test('two half-years add up to the year', async () => {
    const run = (from: string, to: string) => runBacktest(t.database, { from, to, k: 5, log: () => {} }).then((r) => r.total);
    const [first, second, year] = [await run('2023-01-01', '2023-06-30'), await run('2023-07-01', '2023-12-31'), await run('2023-01-01', '2023-12-31')];
    const figures = (x: Tally) => [
      x.findings,
      x.score,
      x.baseline,
      x.rates.scoreTop.checked,
      x.rates.scoreRest.checked,
      x.rates.holdersTop.checked,
      x.rates.holdersRest.checked,
    ];
    expect(figures(first).map((v, i) => v + figures(second)[i]!)).toEqual(figures(year));
    expect(year.chance).toBeCloseTo(first.chance + second.chance, 6);
  });

  test('a window without checks, and a database without any, say there is nothing to replay', async () => {
    await expect(runBacktest(t.database, { from: '1900-01-01', to: '1900-02-28', k: 10, log: () => {} })).rejects.toThrow(
      new NothingToReplayError('nothing to replay: no operation checked a target between 1900-01-01 and 1900-02-28'),
    );
    // The whole table emptied inside a transaction that is then rolled back.
    const rollback = new Error('rollback');
    const seen = await t.database.orm
      .transaction(async (tx) => {
        await tx.execute(sql`truncate operation_targets cascade`);
        const error = await runBacktest({ ...t.database, orm: tx as unknown as Orm }, { from: '2024-01-01', to: '2024-01-31', k: 10, log: () => {} }).catch(
          (e: unknown) => e,
        );
        throw Object.assign(rollback, { seen: error });
      })
      .catch((e: unknown) => (e as { seen?: unknown }).seen);
    expect(seen).toBeInstanceOf(NothingToReplayError);
    expect((seen as Error).message).toMatch(/^nothing to replay: load data first/);
  });

  test('facts dated after the ranked day — permits issued, an operation, a report verified — do not move that day’s ranking', async () => {
    // The regency with the most company sites ranked on 1 June 2024, and a site far down its holders ranking.
    const day = '2024-06-01';
    const busiest = await queryOne<{ regency_code: string }>(
      t.database.orm,
      sql`select regency_code from company_sites group by 1 order by count(*) desc, 1 limit 1`,
    );
    const regency = busiest!.regency_code;
    // The learned model too: it learns only from the months that ended by the day.
    const rankingsOnDay = () => rankingsOn(t.database, regency, day, 'company_site', [...DEFAULT_RANKINGS, 'model']);
    const sites = await queryRows<{ id: number; key: string; company_key: string; district_code: string | null; lng: number; lat: number }>(
      t.database.orm,
      sql`select s.id, s.key, c.key as company_key, s.district_code, ST_X(s.geom) as lng, ST_Y(s.geom) as lat
          from company_sites s join companies c on c.id = s.company_id where s.regency_code = ${regency} order by s.id`,
    );
    const before0 = await rankingsOnDay();
    expect(before0.candidates.length).toBeGreaterThan(10);
    const last = sites.find((s) => s.id === Number(before0.orders.holders!.at(-1)!.slice('site:'.length)))!;
    const first = sites.find((s) => s.id === Number(before0.orders.score![0]!.slice('site:'.length)))!;

    // A report received before the day (so it is a fact of the day, new then), about the last site.
    const ctx = (now: string): ReportContext => ({ scope: NATIONAL_SCOPE, actor: SYSTEM_ACTOR, personalData: false, now: new Date(now) });
    const report = await recordReport(
      t.database.orm,
      {
        channel: 'whatsapp',
        category: 'illegal_work',
        summary: 'Pekerja asing di lokasi',
        receivedAt: '2024-05-25T03:00:00Z',
        lat: Number(last.lat),
        lng: Number(last.lng),
      },
      ctx('2024-05-25T04:00:00Z'),
    );
    const before = await rankingsOnDay();
    // The day after all the planted facts, before they are planted: the control that shows they count.
    const after16June = () => rankingsOn(t.database, regency, '2024-06-16', 'company_site', ['holders']);
    const control = await after16June();
    // The model of 1 July learns from June's checks: the control that shows the planted operation reaches it.
    const modelOf1July = () => rankingsOn(t.database, regency, '2024-07-01', 'company_site', ['model']).then((r) => r.model!);
    const julyControl = await modelOf1July();

    // The future: 25 permits at the last site's sponsor issued in June, an operation at the score's first
    // site with violations on 15 June, the report verified on 10 June and another received on 5 June.
    await t.database.orm.transaction((tx) =>
      writePermits(
        tx as unknown as Orm,
        Array.from({ length: 25 }, (_, i) => ({
          permitNumber: `LEAK-${i}`,
          permitType: 'itas' as const,
          purpose: 'work' as const,
          nationality: 'CHN',
          sex: 'male' as const,
          holderName: `LEAK HOLDER ${i}`,
          sponsorCompanyKey: last.company_key,
          issuedOn: '2024-06-03',
          expiresOn: '2025-06-03',
          cancelledOn: null,
          districtCode: last.district_code,
          regencyCode: regency,
          origin: 'demo',
        })),
      ),
    );
    await t.database.orm.transaction((tx) =>
      writeOperations(tx as unknown as Orm, [
        {
          key: 'test:leak-operation',
          date: '2024-06-15',
          officeKey: null,
          team: 'Tim uji',
          regencyCode: regency,
          notes: null,
          origin: 'demo',
          targets: [
            {
              place: 'Lokasi uji',
              kind: 'company_site',
              position: [Number(first.lng), Number(first.lat)],
              siteKey: first.key,
              foreignersChecked: 12,
              violations: 6,
              outcome: 'violation',
              findings: 'Bekerja tanpa izin',
              actions: [{ kind: 'deportation', count: 6, nationality: 'CHN' }],
            },
          ],
        },
      ]),
    );
    await changeReportStatus(t.database.orm, report.id, { status: 'verified' }, ctx('2024-06-10T03:00:00Z'));
    await recordReport(
      t.database.orm,
      {
        channel: 'apoa',
        category: 'overstay',
        summary: 'Orang asing tinggal lewat izin',
        receivedAt: '2024-06-05T03:00:00Z',
        lat: Number(last.lat),
        lng: Number(last.lng),
      },
      ctx('2024-06-05T04:00:00Z'),
    );

    const after = await rankingsOnDay();
    expect(before.model).not.toBeNull();
    expect(after.model).toEqual(before.model);
    expect(after.orders).toEqual(before.orders);
    expect(after.candidates.map((c) => [c.id, c.raw])).toEqual(before.candidates.map((c) => [c.id, c.raw]));

    // The planted facts are real: 16 June sees each one.
    const seen = await after16June();
    const rawOf = (list: typeof before.candidates, site: { id: number }) => list.find((c) => c.id === `site:${site.id}`)!.raw;
    expect(rawOf(seen.candidates, last).activeHolders).toBe(rawOf(control.candidates, last).activeHolders + 25);
    expect(rawOf(seen.candidates, last).verifiedReports).toBe(rawOf(control.candidates, last).verifiedReports + 1);
    expect(rawOf(seen.candidates, first).lastCheckedOn).toBe('2024-06-15');
    expect(seen.orders).not.toEqual(control.orders);
    const july = await modelOf1July();
    expect([july.examples, july.violations]).toEqual([julyControl.examples + 1, julyControl.violations + 1]);
    expect(july.coefficients).not.toEqual(julyControl.coefficients);
  });

  test('the oracle view: demo pools carry the true chances, the oracle ranks by them, no ranking beats it, the request role cannot read them', async () => {
    const rankings = ['score', 'model', 'holders', 'chance', 'oracle'] as const;
    const result = await runBacktest(t.database, { from: '2024-01-01', to: '2024-12-31', k: 10, rankings, log: () => {} });
    // Every demo regency-month has the oracle's rows (a reference operation's regency-month may not).
    const withOracle = result.pools.filter((p) => p.oracle);
    expect(withOracle.length).toBeGreaterThan(0.9 * result.pools.length);
    for (const p of withOracle) {
      expect(p.oracle!.byRanking.oracle).toEqual(p.oracle!.best.slice(0, p.oracle!.byRanking.oracle!.length));
      for (const r of rankings) expect(p.oracle!.byRanking[r]!.length).toBe(Math.min(p.poolSize, 500));
      expect(p.oracle!.sum).toBeCloseTo(
        p.oracle!.best.reduce((a, b) => a + b, 0),
        5,
      );
    }
    // The ranking by the true chance is the best any ranking can do in expectation.
    for (const k of [1, 3, 10]) {
      const m = metricsAt(result.pools, k, [...rankings], 'holders', 100);
      expect(m.headline.oracle).not.toBeNull();
      expect(m.rankings.find((r) => r.ranking === 'oracle')!.oracleShare).toBeCloseTo(1, 10);
      for (const r of m.rankings) expect(r.oracleShare!).toBeLessThanOrEqual(1 + 1e-9);
      expect(m.headline.oracle!.blindShare!).toBeLessThan(1);
    }
    // Written by the demo load (one row per place and ranked regency-month), closed to the request role.
    const count = await queryOne<{ n: number; months: number }>(
      t.database.orm,
      sql`select count(*)::int as n, count(distinct (month, regency_code))::int as months from demo_oracle`,
    );
    expect(Number(count?.months)).toBeGreaterThan(100);
    const loaded = await queryOne<{ counts: Record<string, number> | string }>(t.database.orm, sql`select counts from dataset_loads where name = 'demo'`);
    const counts = typeof loaded!.counts === 'string' ? JSON.parse(loaded!.counts) : loaded!.counts;
    expect(counts.oracle).toBe(Number(count?.n));
    // drizzle wraps the driver's error: the database's message is in the cause.
    const denial = await t.database.orm
      .transaction(async (tx) => {
        await tx.execute(sql`set local role pantau_app`);
        await tx.execute(sql`select count(*) from demo_oracle`);
      })
      .then(
        () => 'read',
        (error: Error & { cause?: { message?: string } }) => `${error.message} ${error.cause?.message ?? ''}`,
      );
    expect(denial).toMatch(/permission denied for table demo_oracle/);
  });
});
