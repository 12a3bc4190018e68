-- Coordination meetings recorded in the app (issue 22): a venue point, the organising office, attending
-- agencies, agenda and the briefing presented; decisions (optionally linked to the operation they led
-- to) and follow-up tasks owned by a member agency, each status change kept with who, when and why.
-- Existing rows (imported, reference, demo) keep everything they had: the new columns are empty.
ALTER TABLE "meetings" ADD COLUMN "geom" geometry(Point,4326);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "office_id" integer;
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "attendance" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "agenda" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "briefing_id" integer;
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_briefing_id_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."briefings"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "meetings_geom_gist" ON "meetings" USING gist ("geom");
--> statement-breakpoint
-- Imported meetings name their organiser in text: link the office of that exact name where there is one.
UPDATE "meetings" m SET "office_id" = o.id FROM "offices" o WHERE o.name = m.organiser AND m.office_id IS NULL;
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	"operation_id" integer,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"decision_id" integer,
	"task" text NOT NULL,
	"owner_agency" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL,
	CONSTRAINT "meeting_follow_ups_status_check" CHECK ("status" IN ('open', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "meeting_follow_up_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"follow_up_id" integer NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL,
	CONSTRAINT "meeting_follow_up_changes_status_check" CHECK ("status" IN ('open', 'done', 'dropped'))
);
--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meeting_follow_ups" ADD CONSTRAINT "meeting_follow_ups_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meeting_follow_ups" ADD CONSTRAINT "meeting_follow_ups_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meeting_follow_up_changes" ADD CONSTRAINT "meeting_follow_up_changes_follow_up_id_meeting_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."meeting_follow_ups"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decisions_meeting_ordinal_idx" ON "meeting_decisions" USING btree ("meeting_id","ordinal");
--> statement-breakpoint
CREATE INDEX "meeting_follow_ups_meeting_idx" ON "meeting_follow_ups" USING btree ("meeting_id");
--> statement-breakpoint
CREATE INDEX "meeting_follow_ups_regency_due_idx" ON "meeting_follow_ups" USING btree ("regency_code","due_date");
--> statement-breakpoint
CREATE INDEX "meeting_follow_up_changes_follow_up_idx" ON "meeting_follow_up_changes" USING btree ("follow_up_id","changed_at");
--> statement-breakpoint
-- Row-level security as for meetings (0005): each row carries its meeting's regency and province.
GRANT SELECT, INSERT, UPDATE, DELETE ON meeting_decisions, meeting_follow_ups, meeting_follow_up_changes TO pantau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE meeting_decisions_id_seq, meeting_follow_ups_id_seq, meeting_follow_up_changes_id_seq TO pantau_app;
--> statement-breakpoint
ALTER TABLE meeting_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meeting_decisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meeting_decisions_scope ON meeting_decisions USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
--> statement-breakpoint
ALTER TABLE meeting_follow_ups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meeting_follow_ups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meeting_follow_ups_scope ON meeting_follow_ups USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
--> statement-breakpoint
ALTER TABLE meeting_follow_up_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meeting_follow_up_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meeting_follow_up_changes_scope ON meeting_follow_up_changes USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
--> statement-breakpoint
-- The meetings tile layer counts open follow-ups: their changes bump its version (0019).
INSERT INTO data_changes (table_name) VALUES ('meeting_follow_ups');
--> statement-breakpoint
CREATE TRIGGER meeting_follow_ups_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting_follow_ups FOR EACH STATEMENT EXECUTE FUNCTION pantau_data_changed();
