CREATE TABLE "briefings" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_email" text NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"venue" text NOT NULL,
	"audience" text NOT NULL,
	"lang" text NOT NULL,
	"area_code" text,
	"province_code" text,
	"regency_code" text,
	"slides" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "briefings_province_regency_idx" ON "briefings" USING btree ("province_code","regency_code");--> statement-breakpoint
CREATE INDEX "briefings_updated_idx" ON "briefings" USING btree ("updated_at");--> statement-breakpoint
-- Briefings follow the area rule of 0005: visible to a scope that holds their province or regency
-- (a national briefing, with neither, only to the national scope). Only the owner edits: the API
-- adds owner_id to every change.
GRANT SELECT, INSERT, UPDATE, DELETE ON briefings TO pantau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE briefings_id_seq TO pantau_app;
--> statement-breakpoint
ALTER TABLE briefings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE briefings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY briefings_scope ON briefings USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
