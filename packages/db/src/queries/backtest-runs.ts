// The latest saved backtest run (migration 0030). A run is a figure over the whole database it ran on
// — counts of findings and tests, no names or places — so it takes no scope: every reader allowed
// planning gets the same answer (docs/planning.md#how-good-is-this-ranking).
import { backtestRunSchema, type BacktestRun } from '@pantau/domain';
import { queryOne, sql, type Executor } from '../connect.js';

export async function latestBacktestRun(db: Executor): Promise<BacktestRun | null> {
  const row = await queryOne<{
    id: number;
    ran_at: string;
    from_day: string;
    to_day: string;
    database: string;
    datasets: unknown;
    results: unknown;
  }>(
    db,
    sql`select id, to_char(ran_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ran_at, from_day::text as from_day, to_day::text as to_day,
      database, datasets, results
    from backtest_runs order by ran_at desc, id desc limit 1`,
  );
  if (!row) return null;
  const json = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value);
  // Parsed, not cast: a row written before a change of the result's shape fails here, naming the field.
  return backtestRunSchema.parse({
    id: Number(row.id),
    ranAt: row.ran_at,
    from: row.from_day,
    to: row.to_day,
    data: { database: row.database, datasets: json(row.datasets) },
    results: json(row.results),
  });
}
