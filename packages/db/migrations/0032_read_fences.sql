-- Read-your-writes with a read replica (issue 26, DATABASE_READ_URL): after a caller's write, the
-- primary's WAL position; that caller's reads stay on the primary until the replica has replayed it.
-- In the database, not in an instance's memory, so every API instance routes the caller alike. Only the
-- API's owner connection reads and writes it; unused (and empty) without a replica.
CREATE TABLE "read_fences" (
  -- `user:<id>` or `token:<id>` (an API token's channel system).
  "caller" text PRIMARY KEY,
  "lsn" pg_lsn NOT NULL,
  "written_at" timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
REVOKE ALL ON "read_fences" FROM pantau_app;
