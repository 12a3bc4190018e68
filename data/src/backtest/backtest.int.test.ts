// The backtest on the fixture's demo data, on each backend: the tallies must account for every checked
// target of the window exactly once per ranking, and agree with the database's own counts.
import { queryOne, sql } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { runBacktest, type Tally } from './backtest.js';

describe.each(testBackends())('backtest on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('a year replayed: every checked target counted once per ranking, findings as the database counts them', async () => {
    const { total, byYear } = await runBacktest(t.database, { from: '2024-01-01', to: '2024-12-31', k: 10, log: () => {} });
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
});
