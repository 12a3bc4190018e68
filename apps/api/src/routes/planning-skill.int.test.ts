// The skill card's data (issue 23): `pnpm pantau backtest --save` writes a run through the validated
// write path, GET /planning/skill answers the latest one — the same for every role that reads planning,
// whatever its scope — and `{ run: null }` before any was saved. Both backends.
import { backtestReport, backtestRunInput, RecordValidationError, replayAndSave, runBacktest, saveBacktestRun } from '@pantau/data';
import { queryOne, sql } from '@pantau/db';
import { planningSkillResponseSchema, skillResult } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

describe.each(testBackends())('GET /planning/skill on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const runs = async () => Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from backtest_runs`))?.n);

  /** A replay of the fixture over `from`…`to` at k 5 and 10, saved as the CLI's --save does. */
  const replay = (from: string, to: string, ranAt: Date) => replayAndSave(t.database, { from, to, ks: [5, 10], ranAt });

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock: { now: () => new Date() }, log: () => {} });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('before any run is saved the answer is a null run, not an error', async () => {
    const analyst = await signedInAccount(t.database, 'analyst', '19.04');
    const response = await as(app, analyst).request('/api/v1/planning/skill');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ run: null });
  });

  test('a saved run is answered with its figures and data; a later run replaces nothing and is the one answered', async () => {
    const first = await replay('2024-01-01', '2024-12-31', new Date('2026-11-01T02:00:00Z'));
    const admin = await signedInAccount(t.database, 'admin');
    const answer = planningSkillResponseSchema.parse(await (await as(app, admin).request('/api/v1/planning/skill')).json());
    const run = answer.run!;
    expect(run.id).toBe(first.id);
    expect([run.from, run.to, run.ranAt]).toEqual(['2024-01-01', '2024-12-31', '2026-11-01T02:00:00Z']);
    expect(run.data.database).toBe(backend);
    // The fixture's demo (seed 7, scale 0.1): seed and scale kept, never a dataset's folder.
    expect(run.data.datasets.find((d) => d.name === 'demo')).toMatchObject({ seed: 7, scale: 0.1 });
    expect(JSON.stringify(run.data)).not.toContain('boundaries/');
    expect(run.results.map((r) => r.k)).toEqual([5, 10]);
    // The figures are the replay's own, k by k.
    const at10 = skillResult(run.results)!;
    const m10 = first.report.metrics.find((m) => m.k === 10)!;
    expect(at10.headline.findings).toBe(m10.headline.findings);
    expect(at10.rankings.map((r) => [r.ranking, r.hits, r.pai])).toEqual(m10.rankings.map((r) => [r.ranking, r.hits, r.pai]));
    const paired = at10.paired.find((p) => p.ranking === 'score')!;
    const source = m10.paired.find((p) => p.ranking === 'score')!;
    expect([paired.difference, paired.low, paired.high, paired.mcnemarP, paired.clear]).toEqual([
      source.bootstrap.difference,
      source.bootstrap.low,
      source.bootstrap.high,
      source.mcnemar.p,
      source.clear,
    ]);
    expect(at10.rankings.map((r) => r.ranking).sort()).toEqual(['chance', 'holders', 'score']);

    const second = await replay('2023-01-01', '2023-06-30', new Date('2026-11-02T02:00:00Z'));
    expect(await runs()).toBe(2);
    const latest = planningSkillResponseSchema.parse(await (await as(app, admin).request('/api/v1/planning/skill')).json()).run!;
    expect([latest.id, latest.from, latest.to]).toEqual([second.id, '2023-01-01', '2023-06-30']);

    // The figure covers the data it ran on: someone who sees one regency reads the same run; the aggregates-only role does not read planning.
    const member = await signedInAccount(t.database, 'agency_member', '19.04');
    expect(await (await as(app, member).request('/api/v1/planning/skill')).json()).toEqual({ run: latest });
    const viewer = await signedInAccount(t.database, 'viewer', '19.04');
    const refused = await as(app, viewer).request('/api/v1/planning/skill');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  test('a run that does not hold together is refused naming the field, and nothing is written', async () => {
    const before = await runs();
    const result = await runBacktest(t.database, { from: '2024-01-01', to: '2024-03-31', k: 10, log: () => {} });
    const report = backtestReport(result.pools, { from: '2024-01-01', to: '2024-03-31', ks: [10], rankings: undefined, database: backend, datasets: [] });
    const input = backtestRunInput(report, new Date());
    await expect(saveBacktestRun(t.database.orm, { ...input, from: '2024-04-01' })).rejects.toThrow(/field from = "2024-04-01": from is after to/);
    await expect(saveBacktestRun(t.database.orm, { ...input, results: [] })).rejects.toBeInstanceOf(RecordValidationError);
    await expect(saveBacktestRun(t.database.orm, { ...input, results: [{ ...input.results[0], k: 0 }] })).rejects.toThrow(/field results\.0\.k = 0/);
    expect(await runs()).toBe(before);
  });

  test('a request may not write a run: the request role only reads the table', async () => {
    const error = await t.database.orm
      .transaction(async (tx) => {
        await tx.execute(sql`set local role pantau_app`);
        await tx.execute(
          sql`insert into backtest_runs (ran_at, from_day, to_day, database, datasets, results) values (now(), '2024-01-01', '2024-01-31', 'x', '[]', '[]')`,
        );
      })
      .then(
        () => null,
        (e: unknown) => e as Error,
      );
    // drizzle wraps the driver's error: the reason is in its cause.
    expect(`${error?.message} ${String((error as { cause?: unknown } | null)?.cause)}`).toMatch(/permission denied/);
  });
});
