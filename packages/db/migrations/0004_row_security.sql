-- Second wall behind the scope every query applies: row-level security keyed on the per-transaction
-- setting pantau.scope ('*' = national, else comma-separated area codes), for the non-owner role
-- pantau_app that every API request switches to (SET LOCAL ROLE). Without the setting it sees nothing.
-- The connecting (owner) role keeps full access for migrations and loaders.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pantau_app') THEN
    CREATE ROLE pantau_app NOLOGIN;
  END IF;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  -- A non-superuser owner must be a member to SET ROLE; a superuser already may.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT pantau_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_in_scope(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN coalesce(current_setting('pantau.scope', true), '') = '' THEN false
    WHEN current_setting('pantau.scope', true) = '*' THEN true
    WHEN code IS NULL THEN false
    ELSE EXISTS (
      SELECT 1 FROM unnest(string_to_array(current_setting('pantau.scope', true), ',')) AS s(scope_code)
      WHERE code = s.scope_code OR code LIKE s.scope_code || '.%')
  END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO pantau_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO pantau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO pantau_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pantau_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO pantau_app;
--> statement-breakpoint
-- The audit trail is append-only for the application, and for everyone through the trigger below.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM pantau_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION pantau_audit_append_only();
--> statement-breakpoint
-- Credentials are read by the sign-in path (owner role), never by a scoped request.
REVOKE ALL ON users, sessions, sign_in_failures FROM pantau_app;
--> statement-breakpoint
ALTER TABLE permits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE permits FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY permits_scope ON permits USING (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code))) WITH CHECK (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code)));
--> statement-breakpoint
ALTER TABLE company_sites ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE company_sites FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY company_sites_scope ON company_sites USING (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code))) WITH CHECK (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code)));
--> statement-breakpoint
ALTER TABLE entry_points ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE entry_points FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY entry_points_scope ON entry_points USING (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code))) WITH CHECK (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code)));
--> statement-breakpoint
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY reports_scope ON reports USING (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code))) WITH CHECK (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code)));
--> statement-breakpoint
ALTER TABLE operation_targets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE operation_targets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY operation_targets_scope ON operation_targets USING (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code))) WITH CHECK (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(district_code, regency_code, province_code)));
--> statement-breakpoint
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meetings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meetings_scope ON meetings USING (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(regency_code, province_code))) WITH CHECK (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(regency_code, province_code)));
--> statement-breakpoint
ALTER TABLE risk_areas ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE risk_areas FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_areas_scope ON risk_areas USING (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(regency_code, province_code))) WITH CHECK (current_user <> 'pantau_app' OR pantau_in_scope(coalesce(regency_code, province_code)));
--> statement-breakpoint
ALTER TABLE operations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE operations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY operations_scope ON operations USING (current_user <> 'pantau_app' OR pantau_in_scope(regency_code)) WITH CHECK (current_user <> 'pantau_app' OR pantau_in_scope(regency_code));
--> statement-breakpoint
ALTER TABLE enforcement_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE enforcement_actions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY enforcement_actions_scope ON enforcement_actions USING (current_user <> 'pantau_app' OR EXISTS (SELECT 1 FROM operation_targets t WHERE t.id = enforcement_actions.target_id)) WITH CHECK (current_user <> 'pantau_app' OR EXISTS (SELECT 1 FROM operation_targets t WHERE t.id = enforcement_actions.target_id));
--> statement-breakpoint
ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE companies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY companies_scope ON companies USING (current_user <> 'pantau_app' OR EXISTS (SELECT 1 FROM company_sites s WHERE s.company_id = companies.id) OR EXISTS (SELECT 1 FROM permits p WHERE p.sponsor_company_id = companies.id)) WITH CHECK (current_user <> 'pantau_app' OR EXISTS (SELECT 1 FROM company_sites s WHERE s.company_id = companies.id) OR EXISTS (SELECT 1 FROM permits p WHERE p.sponsor_company_id = companies.id));
