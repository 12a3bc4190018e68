-- Saved backtest runs (issue 23): `pnpm pantau backtest --save` keeps the summary of each replay (the
-- window, per k each ranking's findings and PAI, the paired test against holders) and what it ran on
-- (backend, datasets with the demo seed and scale). A run replaces nothing: the planning page's card
-- "Seberapa baik peringkat ini?" reads the latest, older runs stay as the history of the figure.
-- The figures are counts over the whole database, no names or places: any role that reads planning may
-- read them (the request role selects), only the command line writes them (owner role).
CREATE TABLE "backtest_runs" (
  "id" serial PRIMARY KEY,
  "ran_at" timestamptz NOT NULL,
  "from_day" date NOT NULL,
  "to_day" date NOT NULL,
  "database" text NOT NULL,
  -- [{ name, loadedAt, seed?, scale? }]: the datasets loaded when the replay ran.
  "datasets" jsonb NOT NULL,
  -- [{ k, headline, smallPools, rankings: [...], paired: [...] }]: validated by the write path against
  -- @pantau/domain backtestRunResultsSchema.
  "results" jsonb NOT NULL,
  CHECK ("from_day" <= "to_day")
);
--> statement-breakpoint
CREATE INDEX "backtest_runs_ran_at_idx" ON "backtest_runs" ("ran_at" DESC, "id" DESC);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "backtest_runs" FROM pantau_app;
--> statement-breakpoint
REVOKE ALL ON SEQUENCE "backtest_runs_id_seq" FROM pantau_app;
