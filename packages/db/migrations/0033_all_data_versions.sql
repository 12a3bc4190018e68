-- Data versions for every table of records (issue 25): 0019 counted the tables the tile layers read; the
-- read API's answer cache (apps/api/src/response-cache.ts) keys an answer by the versions of all tables, so
-- every table an answer may show must bump its counter in the same transaction as the write. Not counted:
-- what a read or a sign-in writes itself (users' last sign-in, sessions, the audit trail, sign-in failures,
-- read fences), job bookkeeping (import_jobs, the holder refresh queue) and tokens; no cached answer shows them.
INSERT INTO data_changes (table_name) VALUES
  ('backtest_runs'), ('briefings'), ('dataset_loads'), ('demo_oracle'), ('enforcement_actions'), ('holder_spans'), ('import_batches'), ('lodgings'), ('meeting_decisions'), ('meeting_follow_up_changes'), ('movement_counts'), ('operation_target_people'), ('plan_targets'), ('plans'), ('regional_offices'), ('report_attachments'), ('report_status_changes'), ('risk_area_versions');
--> statement-breakpoint
CREATE TRIGGER backtest_runs_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON backtest_runs FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER briefings_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON briefings FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER dataset_loads_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dataset_loads FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER demo_oracle_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON demo_oracle FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER enforcement_actions_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enforcement_actions FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER holder_spans_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holder_spans FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER import_batches_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON import_batches FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER lodgings_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lodgings FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER meeting_decisions_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting_decisions FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER meeting_follow_up_changes_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting_follow_up_changes FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER movement_counts_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON movement_counts FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER operation_target_people_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON operation_target_people FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER plan_targets_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_targets FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER plans_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER regional_offices_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regional_offices FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER report_attachments_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_attachments FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER report_status_changes_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_status_changes FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
--> statement-breakpoint
CREATE TRIGGER risk_area_versions_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON risk_area_versions FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
