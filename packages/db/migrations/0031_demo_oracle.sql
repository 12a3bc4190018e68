-- The demo's oracle view (issue 23, docs/planning.md "Oracle view"): for every regency-month the backtest
-- ranks, each place's true chance of a violation as the demo generator's field model knows it. Demo data
-- only: written by the demo load in its transaction, removed with the demo; real data never has rows, and
-- the backtest then prints "–" for the oracle's columns. Only the command line reads it (owner role): it
-- is the generator's hidden truth, never shown to a request.
CREATE TABLE "demo_oracle" (
  "month" date NOT NULL,
  "regency_code" text NOT NULL,
  -- A company site's key (company_sites.key) or `district:<code>`.
  "place_key" text NOT NULL,
  "chance" real NOT NULL,
  PRIMARY KEY ("month", "place_key"),
  CHECK ("chance" >= 0 AND "chance" <= 1),
  CHECK (extract(day from "month") = 1)
);
--> statement-breakpoint
CREATE INDEX "demo_oracle_month_regency_idx" ON "demo_oracle" ("month", "regency_code");
--> statement-breakpoint
REVOKE ALL ON "demo_oracle" FROM pantau_app;
