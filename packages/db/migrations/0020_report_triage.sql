-- Public reports triaged with a history (issue 22). Every status a report has had, with who, when and why,
-- is a row of report_status_changes; reports.status stays the current one (the last change), written in
-- the same transaction. Planning reads the status as of the ranked day from here, never today's.
ALTER TABLE reports ADD COLUMN external_id text;
--> statement-breakpoint
ALTER TABLE reports ADD COLUMN reporter_contact text;
--> statement-breakpoint
ALTER TABLE reports ADD COLUMN address text;
--> statement-breakpoint
-- A channel system posting the same report twice (a retry) gets the one it posted first.
CREATE UNIQUE INDEX reports_channel_external_id_key ON reports (channel, external_id) WHERE external_id IS NOT NULL;
--> statement-breakpoint
CREATE TABLE report_status_changes (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('new', 'verified', 'dismissed', 'acted')),
  changed_at timestamptz NOT NULL,
  -- Null for history reconstructed from an imported or generated status (actor says so).
  changed_by integer REFERENCES users(id) ON DELETE SET NULL,
  actor text NOT NULL,
  reason text,
  -- "acted": the operation target that followed the report.
  operation_target_id integer REFERENCES operation_targets(id) ON DELETE SET NULL
);
--> statement-breakpoint
CREATE INDEX report_status_changes_report_idx ON report_status_changes (report_id, changed_at);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON report_status_changes TO pantau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE report_status_changes_id_seq TO pantau_app;
--> statement-breakpoint
ALTER TABLE report_status_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE report_status_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Seen through its report, as person_passports through their person.
CREATE POLICY report_status_changes_scope ON report_status_changes USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM reports x WHERE x.id = report_status_changes.report_id)) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM reports x WHERE x.id = report_status_changes.report_id));
--> statement-breakpoint
-- The history of reports whose status came from an import, the demo generator or an earlier version of
-- Pantau (no history yet), reconstructed by one deterministic rule so that a past day never sees a later
-- status: "new" when received; "verified" 1–5 days later (by the report's key); "acted" on the day of the
-- first operation target within 2 km checked 0–120 days after receipt (linked to it; 14 days after
-- receipt when none is found), the verification an hour before at the latest; "dismissed" 2–7 days
-- after receipt. No change is dated after now. Returns the rows written.
CREATE OR REPLACE FUNCTION pantau_reconstruct_report_history(ids integer[]) RETURNS integer LANGUAGE sql AS $$
  WITH r AS (
    SELECT r.id, r.status, r.received_at, r.geom, get_byte(decode(md5(r.key), 'hex'), 0) AS b, greatest(r.received_at, now()) AS cap,
      (r.received_at AT TIME ZONE 'Asia/Jakarta')::date AS received_on
    FROM reports r
    WHERE r.id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM report_status_changes c WHERE c.report_id = r.id)
  ), followed AS (
    SELECT r.*, t.target_id, t.checked_on FROM r LEFT JOIN LATERAL (
      SELECT t.id AS target_id, o.date AS checked_on FROM operation_targets t JOIN operations o ON o.id = t.operation_id
      WHERE r.status = 'acted' AND t.geom IS NOT NULL AND t.geom && ST_Expand(r.geom, 0.02) AND ST_DWithin(t.geom::geography, r.geom::geography, 2000)
        AND o.date >= r.received_on AND o.date <= r.received_on + 120
      ORDER BY o.date, t.id LIMIT 1) t ON true
  ), dated AS (
    SELECT f.*, least(CASE WHEN f.target_id IS NULL THEN f.received_at + interval '14 days'
        ELSE greatest((f.checked_on + time '12:00') AT TIME ZONE 'Asia/Jakarta', f.received_at + interval '2 hours') END, f.cap) AS acted_at
    FROM followed f
  ), rows AS (
    SELECT id, 1 AS ord, 'new' AS status, received_at AS changed_at, NULL::integer AS target_id FROM dated
    UNION ALL
    SELECT id, 2, 'verified', greatest(received_at, least(received_at + (1 + b % 5) * interval '1 day', cap,
      CASE WHEN status = 'acted' THEN acted_at - interval '1 hour' END)), NULL FROM dated WHERE status IN ('verified', 'acted')
    UNION ALL
    SELECT id, 3, 'acted', acted_at, target_id FROM dated WHERE status = 'acted'
    UNION ALL
    SELECT id, 2, 'dismissed', least(received_at + (2 + b % 6) * interval '1 day', cap), NULL FROM dated WHERE status = 'dismissed'
  ), written AS (
    INSERT INTO report_status_changes (report_id, status, changed_at, changed_by, actor, reason, operation_target_id)
    SELECT id, status, changed_at, NULL, 'system:reconstructed', NULL, target_id FROM rows ORDER BY id, ord
    RETURNING 1
  )
  SELECT count(*)::int FROM written
$$;
--> statement-breakpoint
SELECT pantau_reconstruct_report_history(array(SELECT id FROM reports));
