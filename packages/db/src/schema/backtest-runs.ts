import { date, index, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A saved backtest (migration 0030): `pnpm pantau backtest --save` adds one row a run and replaces
 * nothing; the planning page reads the latest. `results` holds @pantau/domain BacktestRunResult[],
 * validated by the write path (data/src/backtest/save-run.ts).
 */
export const backtestRuns = pgTable(
  'backtest_runs',
  {
    id: serial('id').primaryKey(),
    ranAt: timestamp('ran_at', { withTimezone: true, mode: 'string' }).notNull(),
    fromDay: date('from_day', { mode: 'string' }).notNull(),
    toDay: date('to_day', { mode: 'string' }).notNull(),
    database: text('database').notNull(),
    datasets: jsonb('datasets').$type<Array<{ name: string; loadedAt: string; seed: number | null; scale: number | null }>>().notNull(),
    results: jsonb('results').$type<unknown[]>().notNull(),
  },
  (t) => [index('backtest_runs_ran_at_idx').on(t.ranAt.desc(), t.id.desc())],
);
