-- Data versions (issue 25): a counter per table that tiles read, bumped by a statement-level trigger in
-- the same transaction as every write to it (imports, rollbacks, demo loads, the app's own writes; COPY
-- and TRUNCATE fire it too), on both backends. The tile cache keys a tile by the versions of the tables
-- its layer reads (apps/api/src/tiles/layers.ts `reads`), so a committed write changes the key of every
-- tile it may change, on every instance sharing the database, and an old entry is never served again.
-- A version seen by a reader always comes with the data of the write that set it: the counter commits
-- with that write, and a tile's own read starts after the version was read.
CREATE TABLE data_changes (
  table_name text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO data_changes (table_name) VALUES
  ('areas'), ('offices'), ('office_work_areas'), ('companies'), ('company_sites'), ('permits'), ('people'),
  ('person_passports'), ('permit_applications'), ('movements'), ('holder_count_changes'), ('holder_count_months'),
  ('operations'), ('operation_targets'), ('risk_areas'), ('entry_points'), ('reports'), ('meetings');
--> statement-breakpoint
-- Security definer: writes made as the scoped role bump the counter, which that role may not write itself.
CREATE OR REPLACE FUNCTION pantau_data_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  UPDATE data_changes SET version = version + 1 WHERE table_name = TG_TABLE_NAME;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER areas_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON areas FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER offices_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offices FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER office_work_areas_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON office_work_areas FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER companies_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON companies FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER company_sites_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON company_sites FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER permits_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON permits FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER people_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER person_passports_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_passports FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER permit_applications_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON permit_applications FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER movements_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON movements FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER holder_count_changes_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holder_count_changes FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER holder_count_months_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holder_count_months FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER operations_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON operations FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER operation_targets_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON operation_targets FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER risk_areas_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON risk_areas FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER entry_points_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON entry_points FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER reports_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reports FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER meetings_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
-- Everyone may read the counters (they say nothing about rows); only the trigger writes them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON data_changes FROM pantau_app;
