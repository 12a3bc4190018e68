-- Photos attached to a public report (issue 22): what an officer or a reporter sent with it (a picture of
-- a work site, a signboard). Kept in the database beside the report, so a backup holds them and every
-- instance serves them; size-limited by the API (PANTAU_ATTACHMENT_MAX_BYTES) and typed by their first
-- bytes (JPEG, PNG, WebP), never by the name or the header the client sent. They may show people: only
-- roles allowed personal data read them, and those reads are audited.
CREATE TABLE report_attachments (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes integer NOT NULL CHECK (bytes > 0),
  sha256 text NOT NULL,
  data bytea NOT NULL,
  added_at timestamptz NOT NULL,
  added_by integer REFERENCES users(id) ON DELETE SET NULL,
  actor text NOT NULL
);
--> statement-breakpoint
CREATE INDEX report_attachments_report_idx ON report_attachments (report_id, id);
--> statement-breakpoint
-- The same photo sent twice to one report is one attachment.
CREATE UNIQUE INDEX report_attachments_report_sha_key ON report_attachments (report_id, sha256);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON report_attachments TO pantau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE report_attachments_id_seq TO pantau_app;
--> statement-breakpoint
ALTER TABLE report_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE report_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Seen through its report, as the report's history.
CREATE POLICY report_attachments_scope ON report_attachments USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM reports x WHERE x.id = report_attachments.report_id)) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM reports x WHERE x.id = report_attachments.report_id));
