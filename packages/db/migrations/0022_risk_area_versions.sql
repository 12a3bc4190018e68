-- Risk areas edited in the app (issue 22): every create, edit and retirement keeps a version row with who,
-- when, and the geometry and attributes as they were before the change, written in the same transaction
-- as the change. `risk_areas.version` is the current version number; rows from before this migration
-- (imports, reference and demo data) are version 1 with no history.
ALTER TABLE "risk_areas" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
CREATE TABLE "risk_area_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"risk_area_id" integer NOT NULL REFERENCES "risk_areas"("id") ON DELETE CASCADE,
	"version" integer NOT NULL,
	"action" text NOT NULL CHECK ("action" IN ('create', 'update', 'retire')),
	"geom_before" geometry(MultiPolygon,4326),
	"attributes_before" jsonb,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"regency_code" text,
	"province_code" text,
	CONSTRAINT "risk_area_versions_area_version_unique" UNIQUE("risk_area_id", "version")
);
--> statement-breakpoint
-- The same wall as risk_areas: a version is seen where the area was (its codes before the change).
ALTER TABLE risk_area_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE risk_area_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_area_versions_scope ON risk_area_versions USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_area_versions TO pantau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE risk_area_versions_id_seq TO pantau_app;
