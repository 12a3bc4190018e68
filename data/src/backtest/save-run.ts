// `pnpm pantau backtest --save`: the run's summary, as the planning page's skill card reads it, written
// through one validated path (@pantau/domain backtestRunInputSchema) in one transaction. A run is added,
// never replaces one: the card reads the latest, the older ones stay as the figure's history.
import { backtestRuns, datasetLoadRecords, expectWritten, type Database, type Orm } from '@pantau/db';
import { backtestRunInputSchema, type BacktestRunInput, type BacktestRunResult } from '@pantau/domain';
import { validateRecords } from '../write/validate.js';
import { runBacktest } from './backtest.js';
import { backtestReport, type BacktestReport } from './backtest-command.js';
import type { KMetrics } from './metrics.js';

const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The figures of one k the card and the API show: every ranking's, and each paired test's summary. */
export function runResult(m: KMetrics): BacktestRunResult {
  return {
    k: m.k,
    headline: m.headline,
    smallPools: m.smallPools,
    rankings: m.rankings.map(({ ranking, hits, hitRate, pai, pei, meanPercentile, expected, oracleShare }) => ({
      ranking,
      hits,
      hitRate,
      pai,
      pei,
      meanPercentile,
      expected,
      oracleShare,
    })),
    paired: m.paired.map((p) => ({
      ranking: p.ranking,
      reference: p.reference,
      hits: p.hits,
      referenceHits: p.referenceHits,
      ratio: p.ratio,
      onlyRanking: p.mcnemar.onlyRanking,
      onlyReference: p.mcnemar.onlyReference,
      mcnemarP: p.mcnemar.p,
      signTestP: p.signTest.p,
      difference: p.bootstrap.difference,
      low: p.bootstrap.low,
      high: p.bootstrap.high,
      months: p.bootstrap.months,
      clear: p.clear,
    })),
  };
}

/** The summary of a backtest report to save; datasets keep their name, load time, and demo seed and scale (never a path). */
export function backtestRunInput(report: BacktestReport, ranAt: Date): BacktestRunInput {
  return {
    ranAt: ranAt.toISOString(),
    from: report.from,
    to: report.to,
    data: {
      database: report.data.database,
      datasets: report.data.datasets.map((d) => ({
        name: d.name,
        loadedAt: d.loadedAt,
        seed: numberOrNull(d.params.seed),
        scale: numberOrNull(d.params.scale),
      })),
    },
    results: report.metrics.map(runResult),
  };
}

/** Validates and writes one run; returns its id. Bad input is a RecordValidationError naming the field, and nothing is written. */
export async function saveBacktestRun(orm: Orm, input: unknown): Promise<number> {
  // One record in, one out: validateRecords throws instead of dropping it.
  const run = validateRecords('backtest run', backtestRunInputSchema, [input])[0]!;
  return orm.transaction(async (tx) => {
    const written = await tx
      .insert(backtestRuns)
      .values({ ranAt: run.ranAt, fromDay: run.from, toDay: run.to, database: run.data.database, datasets: run.data.datasets, results: run.results })
      .returning({ id: backtestRuns.id });
    expectWritten('backtest runs', 1, written.length);
    return written[0]!.id;
  });
}

/** Replays `from`…`to` with the default rankings and saves the run, as `backtest --k … --save` does (without its printing). */
export async function replayAndSave(
  database: Database,
  options: { from: string; to: string; ks: readonly number[]; ranAt?: Date },
): Promise<{ id: number; report: BacktestReport }> {
  const ranAt = options.ranAt ?? new Date();
  const result = await runBacktest(database, { from: options.from, to: options.to, k: options.ks[0] ?? 10, log: () => {} });
  const report = backtestReport(result.pools, {
    from: options.from,
    to: options.to,
    ks: options.ks,
    rankings: undefined,
    database: database.kind,
    datasets: await datasetLoadRecords(database.orm),
  });
  return { id: await saveBacktestRun(database.orm, backtestRunInput(report, ranAt)), report };
}
