-- Import jobs in the database instead of the API process's memory (issue 24): status, progress and
-- report survive a restart and are seen from any API instance. A job's rows are read and written only
-- by the API's own connection (owner role), which checks the owner and the owner's scope itself (the
-- report names rows and areas): the scoped request role (pantau_app) gets nothing, like the accounts.
CREATE TABLE "import_jobs" (
  "id" uuid PRIMARY KEY,
  "kind" text NOT NULL,
  "file_name" text NOT NULL,
  "owner_id" integer NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
  -- The scope the job runs with: its owner's at upload; null = national.
  "owner_area_codes" text[],
  -- How to read the file again on a rerun: sheet, headerRow, mapping, dryRun.
  "options" jsonb NOT NULL DEFAULT '{}'::jsonb,
  "status" text NOT NULL CHECK ("status" IN ('queued', 'running', 'done', 'failed')),
  "progress_rows" integer NOT NULL DEFAULT 0,
  "progress_percent" integer NOT NULL DEFAULT 0,
  "report" jsonb,
  "error_code" text,
  "error_message" text,
  -- The uploaded file, in its own folder under PANTAU_UPLOAD_DIR; null once removed.
  "file_path" text,
  "created_at" timestamptz NOT NULL,
  "started_at" timestamptz,
  "finished_at" timestamptz,
  -- Written by the running instance while the job runs: a running job whose heartbeat stopped was interrupted.
  "heartbeat_at" timestamptz
);
--> statement-breakpoint
CREATE INDEX "import_jobs_open_idx" ON "import_jobs" ("heartbeat_at") WHERE "status" IN ('queued', 'running');
--> statement-breakpoint
CREATE INDEX "import_jobs_finished_idx" ON "import_jobs" ("finished_at") WHERE "finished_at" IS NOT NULL;
--> statement-breakpoint
REVOKE ALL ON "import_jobs" FROM pantau_app;
